"""LEN001/LEN002 records are packed ints; the sentence-end regex is written for speed: both equal the plain forms."""

from __future__ import annotations

import random
import re

import pytest

from transqa.checks.length import _EN_SENT, _pack, _unpack, _units_words


@pytest.mark.parametrize("record", [
    (5, 45.0, 30, 2, 1, 0, 200),
    (199_999, 49.5, 65_535, 127, 127, 63, 63 + 262_143),   # every field at its widest
    (3, 45.0, 70_000, 1, 1, 0, 5),                          # too many words: kept as a tuple
    (7, 12.5, 3, 0, 0, 2, 10),
    (10**12, 3.0, 1, 0, 0, 0, 1),                           # any index
])
def test_length_records_round_trip(record):
    packed = _pack(*record)
    assert _unpack(packed) == record
    assert _units_words(packed) == record[1:3]


def test_sentence_end_count_matches_the_plain_regex():
    plain = re.compile(r"[a-z0-9%)\"”’][.!?]+[\"”’')]*(?=\s+[\"“‘(]?[A-Z0-9]|\s*$)")
    rng = random.Random(2)
    pieces = ["a", ".", "!", "?", '"', "”", "'", ")", " ", "A", "1", "%", "’", "\n", "(", "“"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        assert len(_EN_SENT.findall(text)) == len(plain.findall(text)), text

"""The compact records of the document checks: what `finish` decides from them equals the full computation."""

from __future__ import annotations

import random

import pytest

from transqa.checks.length import _pack, _unpack, _units_words
from transqa.checks.repetition import _dice_with_sets, _source_similarity, _sources_alike, dice


def test_source_similarity_bounds_decide_as_the_full_computation():
    rng = random.Random(3)
    alphabet = "中国上海会议发展经济12ab"
    for _ in range(20000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        b = a[:rng.randint(0, len(a))] + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        if rng.random() < 0.5:
            b = b + a[rng.randint(0, len(a)):]
        for limit in (0.25, 0.5, 0.9):
            assert _sources_alike(a, b, limit) == (_source_similarity(a, b) >= limit), (a, b, limit)


def test_dice_from_word_sets_equals_multiset_dice():
    rng = random.Random(4)
    for _ in range(5000):
        a = [rng.choice("abcdef") for _ in range(rng.randint(1, 9))]
        b = [rng.choice("abcdef") for _ in range(rng.randint(1, 9))]
        assert _dice_with_sets(a, b, frozenset(a), frozenset(b)) == dice(a, b)


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

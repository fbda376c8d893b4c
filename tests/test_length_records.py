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


def _plain_sentence_counts(source: str, target: str) -> tuple[int, int]:
    from transqa.checks.length import _ZH_SENT

    src = len(_ZH_SENT.findall(source)) + (1 if source.strip() and not _ZH_SENT.search(source.rstrip()[-3:]) else 0)
    tgt = len(_EN_SENT.findall(target)) + (1 if target.strip() and target.rstrip()[-1:] not in ".!?\"”’')" else 0)
    return src, tgt


def test_sentence_counts_and_collect_equal_the_plain_forms():
    """sentence_counts strips each side once; collect finds the body's start from the stripped length."""
    from transqa.checks.base import Context
    from transqa.checks.length import _OPTIONS, LengthRatio, sentence_counts, source_units, target_words
    from transqa.model import Location, Segment

    rng = random.Random(21)
    src_pieces = ["中国", "经济", "。", "！", "？", "”", " ", "\u3000", "\n", "A1", "·", "（x）"]
    tgt_pieces = ["word", "A", ".", "!", "?", "”", " ", "\t", "\n", ")", "中", "1", "'"]
    options = dict(_OPTIONS, min_units=4.0)
    for n in range(5000):
        source = "".join(rng.choice(src_pieces) for _ in range(rng.randint(0, 14)))
        target = "".join(rng.choice(tgt_pieces) for _ in range(rng.randint(0, 14)))
        assert sentence_counts(source, target) == _plain_sentence_counts(source, target), (source, target)
        got = LengthRatio.collect(n, Segment(n, source, target, Location("a", n), Location("b", n)), options,
                                  Context())
        units, words, body = source_units(source), target_words(target), target.strip()
        han = sum(1 for c in target if "\u4e00" <= c <= "\u9fff")
        if units < 3 or (han and han >= words):
            assert got == ()
            continue
        start = target.find(body) if body else 0
        counts = _plain_sentence_counts(source, target) if units >= options["min_units"] else (0, 0)
        assert got == (_pack(n, units, words, *counts, start, start + len(body)),), (source, target)


def test_finish_with_arrays_equals_the_tuple_list_form():
    """LengthRatio.finish keeps units and log ratios in two arrays: the centre, spread and hits of the
    list of (units, ratio) tuples it replaced."""
    import math
    import statistics

    from transqa.checks.length import _OPTIONS, LengthRatio, log_ratio

    def oracle(records, options):
        a, b, n0 = max(options["prior_a"], 1e-6), options["prior_b"], options["prior_weight"]
        sigma = lambda units: 1.4826 * math.sqrt(a + b / units)  # noqa: E731
        usable = [(u, log_ratio(u, w)) for u, w in map(_units_words, records) if w > 0]
        n = len(usable)
        centre = (n * statistics.median(x for _, x in usable) + n0 * options["prior_median"]) / (n + n0)
        spread = statistics.median(abs(x - centre) / sigma(u) for u, x in usable) / 0.6745
        k = min(3.0, max(1.0, (n * spread + n0) / (n + n0)))
        out = []
        for record in records:
            index, units, words, src_sent, tgt_sent, start, end = _unpack(record)
            if units < options["min_units"] or words == 0 or end <= start:
                continue
            z = (log_ratio(units, words) - centre) / (k * sigma(units))
            short = options["direction"] == "short"
            if (short and (z <= -options["z"] or (src_sent >= 2 and tgt_sent < src_sent and z <= -options["supported_z"]))) \
                    or (not short and z >= options["z"]):
                out.append((index, start, end, words, round(units * math.exp(centre)), round(z, 1),
                            f"{tgt_sent} of {src_sent}"))
        return out

    rng = random.Random(30)
    records = []
    for n in range(4000):
        units = rng.randint(6, 160) / 2
        words = max(0, int(units * math.exp(rng.gauss(-0.335, 0.35 if n % 9 else 1.2))))
        records.append(_pack(n, units, words, rng.randint(0, 4), rng.randint(0, 4), 0, rng.randint(0, 300)))
    for direction in ("short", "long"):
        options = dict(_OPTIONS, direction=direction)
        got = [(h.segment, h.start, h.end, h.args["words"], h.args["expected"], h.args["z"], h.args["sentences"])
               for h in LengthRatio.finish(records, options, None)]
        assert len(got) > 10 and got == oracle(records, options), direction

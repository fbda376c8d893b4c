"""LEN001/LEN002 records are packed ints; the sentence-end regex is written for speed: both equal the plain forms."""

from __future__ import annotations

import random
import re

import pytest

from transqa.checks.length import _EN_SENT, _pack, _unpack


@pytest.mark.parametrize("record", [
    (5, 45.0, 30),
    (199_999, 32767.5, 65_535),   # every field at its widest
    (3, 45.0, 70_000),            # too many words: kept as a tuple
    (7, 40_000.0, 3),             # too many units: kept as a tuple
    (8, 12.25, 3),                # not a multiple of 0.5: kept as a tuple
    (10**12, 3.0, 1),             # any index
])
def test_length_records_round_trip(record):
    packed = _pack(*record)
    assert _unpack(packed) == record


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
    """sentence_counts strips each side once; collect keeps units and words (finish reads the rest)."""
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
        units, words = source_units(source), target_words(target)
        han = sum(1 for c in target if "\u4e00" <= c <= "\u9fff")
        if units < 3 or (han and han >= words):
            assert got == ()
            continue
        assert got == (_pack(n, units, words),), (source, target)


def test_finish_equals_the_plain_form_that_counted_sentences_in_collect():
    """LengthRatio.finish keeps units and log ratios in two arrays and counts sentences only for its
    candidates, on the texts it reads: the centre, spread and hits of the plain form, which took each
    segment's sentence counts and body span from its record (list of (units, ratio) tuples)."""
    import math
    import statistics

    from transqa.checks.base import Context
    from transqa.checks.length import _OPTIONS, LengthRatio, log_ratio, sentence_counts
    from transqa.model import Location, Segment

    def oracle(records, segments, options):
        a, b, n0 = max(options["prior_a"], 1e-6), options["prior_b"], options["prior_weight"]
        sigma = lambda units: 1.4826 * math.sqrt(a + b / units)  # noqa: E731
        usable = [(u, log_ratio(u, w)) for _, u, w in map(_unpack, records) if w > 0]
        n = len(usable)
        centre = (n * statistics.median(x for _, x in usable) + n0 * options["prior_median"]) / (n + n0)
        spread = statistics.median(abs(x - centre) / sigma(u) for u, x in usable) / 0.6745
        k = min(3.0, max(1.0, (n * spread + n0) / (n + n0)))
        out = []
        for record in records:
            index, units, words = _unpack(record)
            target = segments[index].target
            body = target.strip()
            start = target.find(body) if body else 0
            end = start + len(body)
            src_sent, tgt_sent = sentence_counts(segments[index].source, target) \
                if units >= options["min_units"] else (0, 0)
            if units < options["min_units"] or words == 0 or end <= start:
                continue
            z = (log_ratio(units, words) - centre) / (k * sigma(units))
            short = options["direction"] == "short"
            if (short and (z <= -options["z"] or (src_sent >= 2 and tgt_sent < src_sent and z <= -options["supported_z"]))) \
                    or (not short and z >= options["z"]):
                out.append((index, start, end, words, round(units * math.exp(centre)), round(z, 1),
                            f"{tgt_sent} of {src_sent}"))
        return out

    def sentences(rng, count, words, first, other, stop):
        cuts = sorted(rng.sample(range(1, words), min(count, words) - 1)) if words > 1 else []
        sizes = [b - a for a, b in zip([0, *cuts], [*cuts, words])]
        return [first + other * (size - 1) + (stop if i < len(sizes) - 1 or rng.random() < 0.7 else "")
                for i, size in enumerate(sizes)]

    rng = random.Random(30)
    segments = []
    for n in range(4000):
        units = rng.randint(3, 80)
        words = max(0, int(units * math.exp(rng.gauss(-0.335, 0.35 if n % 9 else 1.2))))
        source = "".join(sentences(rng, rng.randint(1, 4), units, "中", "国", "。"))
        target = " " * rng.randint(0, 2) + " ".join(sentences(rng, rng.randint(1, 4), words, "Word", " word", "."))
        segments.append(Segment(n, source, target, Location("a", n), Location("b", n)))
    records = [r for i, seg in enumerate(segments) for r in LengthRatio.collect(i, seg, _OPTIONS, Context())]
    for direction in ("short", "long"):
        options = dict(_OPTIONS, direction=direction)
        got = [(h.segment, h.start, h.end, h.args["words"], h.args["expected"], h.args["z"], h.args["sentences"])
               for h in LengthRatio.finish(records, options, None, segments)]
        want = oracle(records, segments, options)
        assert len(got) > 10 and got == want, direction
        if direction == "short":  # some hits only because the target has fewer sentences
            assert any(h[5] > -options["z"] for h in got)


def test_source_regexes_equal_their_plus_forms():
    """_HAN_RUN, _SRC_TOKEN and _ZH_SENT start with a character class (not a repeat of it) so the regex
    engine scans for it quickly: the matches of the `[X]+` forms they replace."""
    from transqa.checks.length import _HAN_RUN, _SRC_TOKEN, _ZH_SENT
    from transqa.textspans import HAN

    plain = [(_HAN_RUN, re.compile(f"[{HAN}]+")), (_SRC_TOKEN, re.compile(r"[A-Za-z0-9]+(?:[.,'’-][A-Za-z0-9]+)*")),
             (_ZH_SENT, re.compile(r"[。！？!?]+[”’」』）)]*"))]
    rng = random.Random(4)
    pieces = ["中", "国", "𠀀", "。", "！", "?", "”", "）", "a", "Z", "9", ".", ",", "'", "’", "-", " ", "·", "（"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        for fast, slow in plain:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], text


def test_a_short_target_ending_on_a_weak_word_is_an_omission():
    """z between -z and -supported_z: flagged when the target ends on `of.` (cut mid-clause, as the
    planted omission `... the rise of.`), not when it ends on a word that ends sentences (`said.`)."""
    from transqa.checks.base import Context
    from transqa.checks.length import _OPTIONS, LengthRatio, _ending
    from transqa.model import Location, Segment

    normal = " ".join(["word"] * 27) + " end."
    source = "中" * 40
    for ending, fires in (("of.", True), ("said.", False), ('"in.', True), ("on.", True), ("Shanghai.", False)):
        cut = " ".join(["word"] * 15) + " " + ending  # 16 words: z about -2.8 against 28
        targets = [normal] * 40 + [cut]
        segments = [Segment(n, source, t, Location("a", n), Location("b", n)) for n, t in enumerate(targets)]
        records = [r for i, s in enumerate(segments) for r in LengthRatio.collect(i, s, _OPTIONS, Context())]
        hits = list(LengthRatio.finish(records, dict(_OPTIONS, direction="short"), None, segments))
        assert [h.segment for h in hits] == ([40] if fires else []), ending
        assert all(-3.0 < h.args["z"] <= -2.5 for h in hits)
        assert (_ending(cut) is not None) is fires


def _short_target_hits(ending, words):
    """LEN001 hits (segment, z) for one target of `words` filler words + `ending` among 40 of 28 words."""
    from transqa.checks.base import Context
    from transqa.checks.length import _OPTIONS, LengthRatio
    from transqa.model import Location, Segment

    normal = " ".join(["word"] * 27) + " end."
    cut = " ".join(["word"] * words) + " " + ending
    segments = [Segment(n, "中" * 40, t, Location("a", n), Location("b", n))
                for n, t in enumerate([normal] * 40 + [cut])]
    records = [r for i, s in enumerate(segments) for r in LengthRatio.collect(i, s, _OPTIONS, Context())]
    return [(h.segment, h.args["z"]) for h in LengthRatio.finish(records, dict(_OPTIONS), None, segments)]


def test_a_cut_ending_supports_an_omission_from_z_minus_2():
    """Between -supported_z and -cut_end_z (z about -2.2) a target ending on a word that a cut leaves
    (`rise of.`, `will be.`, `and they.`, `toward.`) is flagged; one that ends a sentence is not, nor an
    auxiliary right after its subject (`we all are.`: an ellipsis), nor the idioms `in the black.`,
    `of its kind.`, `the top three.`, `he said.`."""
    for ending, fires in (("the rise of.", True), ("will be.", True), ("and they.", True),
                          ("a contribution toward.", True), ("because.", True),
                          ("we all are.", False), ("he said.", False), ("in Shanghai.", False),
                          ("in the black.", False), ("of its kind.", False), ("the top three.", False),
                          ("the plan was.", True)):
        words = 18 - len(ending.split())  # 18 words against 28: z -2.2
        hits = _short_target_hits(ending, words)
        z = _short_target_hits("of.", 17)[0][1]
        assert -2.5 < z <= -2.0, (ending, z)
        assert [seg for seg, _ in hits] == ([40] if fires else []), ending


def test_an_auxiliary_after_its_subject_still_supports_from_supported_z():
    """`... it has.` at z <= -2.5 is flagged as before (an ellipsis needs the stronger z)."""
    assert [seg for seg, _ in _short_target_hits("it has.", 15)] == [40]     # 17 words: z -2.5
    assert [seg for seg, _ in _short_target_hits("we all are.", 13)] == [40]  # 16 words: z -2.8
    assert _short_target_hits("we all are.", 15) == []                       # 18 words: z -2.2


def test_a_source_of_many_clauses_rendered_in_half_as_many_supports_an_omission():
    """z about -2.8 (between -z and -supported_z): a 4-clause source whose target has 2 clauses is flagged;
    3 target clauses, or a 3-clause source rendered in one, are not."""
    from transqa.checks.base import Context
    from transqa.checks.length import _OPTIONS, LengthRatio, _fewer_clauses
    from transqa.model import Location, Segment

    four = "中" * 10 + "，" + "中" * 10 + "，" + "中" * 10 + "，" + "中" * 10 + "。"
    three = "中" * 13 + "，" + "中" * 13 + "，" + "中" * 14 + "。"
    normal = " ".join(["word"] * 27) + " end."  # 28 words
    for source, cut, fires in ((four, "word " * 7 + "word. Word " + "word " * 6 + "end.", True),
                               (four, "word " * 4 + "word, word " + "word " * 4 + "word; word " + "word " * 3 + "end.", False),
                               (three, "word " * 15 + "end.", False)):
        segments = [Segment(n, source, t, Location("a", n), Location("b", n))
                    for n, t in enumerate([normal] * 40 + [cut])]
        records = [r for i, s in enumerate(segments) for r in LengthRatio.collect(i, s, _OPTIONS, Context())]
        hits = list(LengthRatio.finish(records, dict(_OPTIONS), None, segments))
        assert [h.segment for h in hits] == ([40] if fires else []), cut
        assert _fewer_clauses(source, cut) is fires

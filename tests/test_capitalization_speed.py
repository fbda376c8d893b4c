"""CAP001's title-case test counts word starts on bytes first (non-ASCII runs encoded as ASCII of the same
classes); it must decide as the plain regex count does."""

from __future__ import annotations

import random

from transqa.checks.capitalization import _LONG_WORD_INITIAL, _title_cased


def plain_title_cased(text: str) -> bool:
    initials = _LONG_WORD_INITIAL.findall(text)
    if len(initials) < 4:
        return False
    return sum(map(str.isupper, initials)) - initials[0].isupper() >= 0.75 * (len(initials) - 1)


def test_title_cased_equals_the_plain_count():
    rng = random.Random(6)
    words = ["Forum", "forum", "The", "of", "Abcd", "abcd", "ABCD", "Éabc", "éAbcd", "中Abcd", "x_Abcd", "3Abcd",
             "“Quoted", "”", "’", "—", " ", " ", "-", "\u00a0", "Ünion", "Straße", "ǅabc", "Ⅻ", "½"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(30000)]
    texts += ["Shanghai International Intellectual Property Forum Opens", "“Belt And Road” Forum Opens Today",
              "The Forum opened with a speech", "中国 Forum Opens In Beijing Today"]
    assert sum(map(plain_title_cased, texts)) > 1000
    for text in texts:
        assert _title_cased(text) == plain_title_cased(text), text


def test_finish_skips_title_cased_lines_as_collect_did():
    """Title-cased lines are tested in finish, only for the segments whose words it compares: the hits
    of the plain form, which dropped a title-cased line's words in collect."""
    from collections import defaultdict

    from transqa.checks.capitalization import CapitalizationInconsistent, _scan
    from transqa.model import Location, Segment

    def plain(targets, min_majority=2):
        capital, lower = defaultdict(list), defaultdict(list)
        scanned = [(i, *_scan(t)) for i, t in enumerate(targets)]
        scanned = [(i, caps, lowers) for i, caps, lowers in scanned if not ((caps or lowers) and _title_cased(targets[i]))]
        for i, caps, _ in scanned:
            for word, start, end in caps:
                capital[word].append((i, start, end))
        for i, _, lowers in scanned:
            for item in lowers.split():
                word, _, start = item.rpartition(":")
                if word in capital:
                    lower[word].append((i, int(start), int(start) + len(word)))
        out = []
        for word, low in lower.items():
            cap = capital[word]
            minority, majority = (low, len(cap)) if len(low) <= len(cap) else (cap, len(low))
            if majority >= min_majority:
                out += [(i, start, end, word, majority) for i, start, end in minority]
        return out

    rng = random.Random(7)
    hits = 0
    lines = ["We met at the Forum today.", "The forum was busy.", "Visitors liked the forum and the Secretariat.",
             "Opening Of The Forum Draws Large Crowds Today", "He thanked the Forum staff.", "in the forum, the Forum",
             "The Forum Welcomes All The Delegates And Guests", "the Economy grew; the economy shrank.", "Nothing here."]
    for _ in range(300):
        targets = [rng.choice(lines) for _ in range(rng.randint(1, 12))]
        segments = [Segment(i, "", t, Location("a", i), Location("b", i)) for i, t in enumerate(targets)]
        records = [r for i, s in enumerate(segments) for r in CapitalizationInconsistent.collect(i, s, {}, None)]
        got = [(h.segment, h.start, h.end, h.args["word"], h.args["count"])
               for h in CapitalizationInconsistent.finish(records, {"min_majority": 2}, None, segments)]
        assert got == plain(targets), targets
        hits += bool(got)
    assert hits > 100

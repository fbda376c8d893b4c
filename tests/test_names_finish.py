"""CONS002's memory-lean `finish` (occurrences as arrays of ints) yields exactly the hits of the earlier
`finish` that kept a tuple of lists per occurrence (kept here as the oracle)."""

from __future__ import annotations

import random
from collections import defaultdict

from transqa.checks.consistency import _dominant
from transqa.checks.names import NameVariants, _canonical, _form, _name_bounds, _tokens
from transqa.model import Hit, Segment


def oracle_finish(segments, options):
    """On the records CONS002 kept before they were ints: (index, target, start, end, start, end, ...)."""
    records = [(i, s.target, *_name_bounds(s.target)) for i, s in enumerate(segments) if _name_bounds(s.target)]
    occurrences = []
    names = {}
    abbreviated = set()
    for index, target, *bounds in records:
        for k in range(0, len(bounds), 2):
            start, end = bounds[k], bounds[k + 1]
            text = target[start:end]
            if text not in names:
                found = list(_tokens(text))
                tokens = [t[2] for t in found]
                canonical = [_canonical(t) for t in tokens]
                for t, words in zip(tokens, canonical):
                    if words != [_form(t)]:
                        abbreviated.update(words)
                names[text] = (tokens, [t[:2] for t in found],
                               [(w, i) for i, words in enumerate(canonical) for w in words])
            tokens, spans, words = names[text]
            occurrences.append((index, words, tokens, [(a + start, b + start) for a, b in spans], target))
    keys = [tuple(w for w, _ in words) for _, words, *_ in occurrences]
    distinct = [key for key in dict.fromkeys(keys) if len(key) >= 3 and not abbreviated.isdisjoint(key)]
    wanted = {w for key in distinct for w in key}
    by_word = defaultdict(set)
    for n, key in enumerate(keys):
        for w in set(key):
            if w in wanted:
                by_word[w].add(n)
    forms = defaultdict(dict)
    for key in distinct:
        rarest = min(key, key=lambda w: len(by_word[w]))
        for n in by_word[rarest]:
            index, words, tokens, spans, text = occurrences[n]
            seq = [w for w, _ in words]
            for k in range(len(seq) - len(key) + 1):
                if tuple(seq[k:k + len(key)]) != key:
                    continue
                first, last = words[k][1], words[k + len(key) - 1][1]
                whole = (k == 0 or words[k - 1][1] != first) and (
                    k + len(key) == len(seq) or words[k + len(key)][1] != last)
                if whole:
                    form = tuple(_form(t) for t in tokens[first:last + 1])
                    start, end = spans[first][0], spans[last][1]
                    forms[key][(n, k)] = (form, index, start, end, text[start:end])
    reported = set()
    for key, found in forms.items():
        variants = {f[0] for f in found.values()}
        if len(variants) < 2:
            continue
        common = set.intersection(*(set(v) for v in variants))
        if len(common) < options["min_shared"]:
            continue
        ordered = sorted(found.values(), key=lambda f: (f[1], f[2]))
        best = _dominant([(f[0], f[1]) for f in ordered])
        shown = next(f for f in ordered if f[0] == best)
        count = sum(1 for f in found.values() if f[0] == best)
        for form, index, start, end, _ in found.values():
            if form != best and (index, start, end) not in reported:
                reported.add((index, start, end))
                yield Hit("target", start, end, {"other": shown[4], "count": count},
                          suggestion=shown[4], segment=index)


NAMES = ["Shanghai International IP Forum", "Shanghai International Intellectual Property Forum",
         "Shanghai Int'l IP Forum", "Beijing Dept. of Commerce", "Beijing Department of Commerce",
         "National Centre for Research and Development", "National Center for R&D",
         "Huawei Co. Ltd.", "Huawei Company Limited", "the State Intellectual Property Office",
         "State IP Office", "World Health Organisation", "World Health Organization",
         "Ministry of Labour and Social Security", "Ministry of Labor and Social Security"]
FILLER = ["said on Monday", "and", "the report", "announced that", "in", "with", "met", "the"]


def documents(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        segments = []
        for i in range(rng.randint(1, 40)):
            parts = [rng.choice(NAMES if rng.random() < 0.45 else FILLER) for _ in range(rng.randint(1, 9))]
            segments.append(Segment(i + 1, "源", " ".join(parts) + "."))
        yield segments


def _place(hit):
    return hit.segment, hit.start, hit.end


def test_finish_equals_the_oracle_hit_for_hit():
    options = {"min_shared": 1}
    fired = 0
    for segments in documents(3, 250):
        records = [r for i, s in enumerate(segments) for r in NameVariants.collect(i, s, options, None)]
        got = list(NameVariants.finish(records, options, None, segments))
        # finish reads a key's places in document order (the oracle in a set's order): the same hits,
        # each span once per rule, which the engine sorts by segment and span
        assert sorted(got, key=_place) == sorted(oracle_finish(segments, options), key=_place)
        fired += bool(got)
    assert fired > 60  # the documents do contain variants


def test_finish_on_no_records():
    assert list(NameVariants.finish([], {"min_shared": 1}, None, [])) == []

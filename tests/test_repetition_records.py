"""The compact records of the document checks: what `finish` decides from them equals the full computation."""

from __future__ import annotations

import random
import re

from transqa.checks.repetition import _SENT_END, _dice_with_sets, _source_similarity, _sources_alike, dice


def test_source_similarity_bounds_decide_as_the_full_computation():
    rng = random.Random(3)
    alphabet = "中国上海会议发展经济12ab"
    for _ in range(5000):
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


def test_sentence_end_regex_matches_the_plain_alternation():
    plain = re.compile(r"[.!?]+(?: ?[\"”’')\]])*\s+(?=[\"“‘(\[]?[A-Z0-9])|[!?]+(?: ?[\"”’')\]])*\s+(?=[a-z])")
    rng = random.Random(5)
    pieces = ["a", "A", ".", "!", "?", " ", '"', "”", ")", "]", "1", "(", "“", "\n", "'", "b"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        assert [m.span() for m in _SENT_END.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_tokens_of_ascii_texts_equal_the_unicode_token_regex():
    """tokens() reads a lowercased ASCII text with explicit classes; _TOKEN ([^\\W_]) must agree."""
    import random

    from transqa.checks.repetition import _TOKEN, tokens

    rng = random.Random(6)
    pieces = list("aZ9_ '’.-,\t\n") + ["é", "K", "İ", "中", "it's", "O'Neil"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(30000)]
    texts += ["Kelvin \u212a", "don't 'quote' o''k", "A_B c__d"]
    for text in texts:
        assert tokens(text) == _TOKEN.findall(text.lower()), repr(text)


def _view(record):
    """(index, id, source key, words) of an oracle record, from its texts."""
    from transqa.checks.repetition import _source_key, tokens

    return record[0] >> 160, record[1], _source_key(record[2]), " ".join(tokens(record[3]))


def _oracle_near(records, first_of, options, context):
    """REP004's near-duplicate step as it was before the source bound moved ahead of the target words,
    on records that held the texts: (packed int, id, source, target)."""
    from collections import defaultdict

    from transqa.checks.consistency import repeated_keys as _repeated
    from transqa.checks.repetition import (_M64, _MAX_BLOCK, _alike_by_bounds, _dice_with_sets,
                                           _sources_alike, _words, chrf)

    firsts = _repeated([record[0] >> 64 & _M64 for record in records], _MAX_BLOCK)
    lasts = _repeated([record[0] & _M64 for record in records], _MAX_BLOCK)
    blocks = defaultdict(list)
    for record in records:
        if record[0] >> 64 & _M64 in firsts:
            blocks[(0, record[0] >> 64 & _M64)].append(record)
        if record[0] & _M64 in lasts:
            blocks[(1, record[0] & _M64)].append(record)
    limit = options["near_max_source_similarity"]
    for group in blocks.values():
        counts = [r[0] >> 128 & 0xFFFFFFFF for r in group]
        views, words, sets = [None] * len(group), [None] * len(group), [None] * len(group)
        for k in range(1, len(group)):
            if group[k][0] >> 160 in first_of:
                continue
            for i in range(k):
                if min(counts[i], counts[k]) < 0.8 * max(counts[i], counts[k]):
                    continue
                if views[i] is None:
                    views[i] = _view(group[i])
                    words[i] = _words(views[i][3])
                if views[k] is None:
                    views[k] = _view(group[k])
                    words[k] = _words(views[k][3])
                earlier, record, a, b = views[i], views[k], words[i], words[k]
                if a == b:
                    continue
                sa = sets[i] = sets[i] or frozenset(a)
                sb = sets[k] = sets[k] or frozenset(b)
                if len(sa & sb) < 0.7 * len(sa | sb):
                    continue
                if _alike_by_bounds(earlier[2], record[2], limit) or _dice_with_sets(a, b, sa, sb) < 0.8 \
                        or _sources_alike(earlier[2], record[2], limit):
                    continue
                score = chrf(record[3], earlier[3], context)
                if score >= options["min_chrf"]:
                    first_of[record[0]] = (earlier, round(score))
                    break


def test_near_duplicates_equal_the_oracle():
    """Planted duplicates, near duplicates (a word dropped or changed, a suffix), alike and equal sources."""
    import random

    from transqa.checks.base import Context
    from transqa.checks.repetition import DuplicateTranslation, _near
    from transqa.model import Location, Segment

    rng = random.Random(12)
    vocab = "the a minister said on monday that new rules would cut costs for small firms in the region".split()
    han = "中国政府周一表示新规将降低小企业成本地区经济部长"
    sources, targets = [], []
    for n in range(1500):
        sources.append("".join(rng.choice(han) for _ in range(rng.randint(8, 30))) + "。")
        targets.append(" ".join(rng.choice(vocab) for _ in range(rng.randint(6, 16))) + ".")
    for _ in range(900):
        i, j = rng.randrange(1500), rng.randrange(1500)
        words = targets[i].split()
        kind = rng.randrange(5)
        if kind == 0:
            targets[j] = targets[i]
        elif kind == 1:
            del words[rng.randrange(len(words))]
            targets[j] = " ".join(words)
        elif kind == 2:
            words[rng.randrange(len(words))] = rng.choice(vocab)
            targets[j] = " ".join(words)
        elif kind == 3:
            sources[j], targets[j] = sources[i][:-2] + "了。", " ".join(words[:-1]) + " today."
        else:
            targets[j] = targets[i] + f" ({j})"
    options = {"min_words": 6, "min_chrf": 85.0, "max_source_similarity": 0.5, "near": True,
               "near_max_source_similarity": 0.25}
    context = Context()
    segments = [Segment(n, s, t, Location("a", n), Location("b", n)) for n, (s, t) in enumerate(zip(sources, targets))]
    records = [r for n, segment in enumerate(segments) for r in DuplicateTranslation.collect(n, segment, options, context)]
    with_texts = [(r, segments[r >> 160].id, segments[r >> 160].source, segments[r >> 160].target) for r in records]
    expected, got = {}, {}
    _oracle_near(with_texts, expected, options, context)
    _near(records, got, options, context, segments)
    assert len(expected) > 50 and got == expected


def _oracle_alike_by_bounds(a, b, limit):
    """_alike_by_bounds before its common-prefix shortcut (a binary search for the prefix every time)."""
    from transqa.checks.repetition import _common_prefix

    if a == b:
        return 1.0 >= limit
    if len(a) < 2 or len(b) < 2:
        return None
    total = len(a) + len(b) - 2
    if 2.0 * (min(len(a), len(b)) - 1) / total < limit:
        return False
    p = _common_prefix(a, b)
    if 2.0 * max(p - 1, 0) / total >= limit:
        return True
    q = min(_common_prefix(a[::-1], b[::-1]), min(len(a), len(b)) + 1 - p)
    return True if 2.0 * (max(p - 1, 0) + max(q - 1, 0)) / total >= limit else None


def test_alike_by_bounds_prefix_shortcut_equals_the_oracle():
    from transqa.checks.repetition import _alike_by_bounds

    rng = random.Random(14)
    seen = set()
    for _ in range(12000):
        a = "".join(rng.choice("ab中1") for _ in range(rng.randint(0, 30)))
        b = a[:rng.randint(0, len(a))] + "".join(rng.choice("ab中1") for _ in range(rng.randint(0, 8)))
        if rng.random() < 0.5:
            b += a[rng.randint(0, len(a)):]
        for limit in (0.0, 0.25, 0.3333, 0.5, 0.9, 1.0, 1.5):
            want = _oracle_alike_by_bounds(a, b, limit)
            assert _alike_by_bounds(a, b, limit) == want, (a, b, limit)
            seen.add(want)
    assert seen == {True, False, None}

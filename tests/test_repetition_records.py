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

"""terms.fold replaces the ASCII fold character and the most common Chinese ones with str.replace before
the regex pass: the same key as the regex pass alone."""

from __future__ import annotations

import random

from transqa import terms


def plain_fold(text: str, simplify: bool = False) -> str:
    folded = terms._lower(terms._FOLD_RE.sub(terms._fold_match, text))
    return terms.to_simplified(folded) if simplify else folded


def test_fold_equals_the_regex_pass():
    rng = random.Random(3)
    chars = list(terms._FOLD_CHAR) + list("aZ-，“”中國 .İ") + ["－", "\u3000", "’s"]
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 20))) for _ in range(20000)]
    texts += ["a-b", "－-", "“Belt and Road”，中国", "ＡＢＣ－１", "plain ascii", ""]
    for text in texts:
        assert terms.fold(text) == plain_fold(text), text
        assert terms.fold(text, simplify=True) == plain_fold(text, simplify=True), text
    assert terms.fold("ＡＢ－ｃ，x-y") == "ab-c,x y"

"""english_word_count (the score's word count, and LEN001/LEN002's) counts ASCII texts on bytes: it must
equal the number of WORD_RE matches."""

from __future__ import annotations

import random
from pathlib import Path

from transqa.checks.length import target_words
from transqa.textspans import WORD_RE, english_word_count

NEWSTEST = Path(__file__).resolve().parents[2] / "shared" / "data" / "newstest"


def test_english_word_count_equals_the_regex_count():
    rng = random.Random(9)
    pieces = list("aZ9 .'-,\t_") + ["\n", "’", "é", "a.b.c", "x'y", "U.S.", "--", "ß", "中"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(30000)]
    texts += ["", ".", "a", "a.b.c.d", "a..b", "a.-b", "'a'", "e-mail's co-op.", "3.5%", "x\x7f\x80y"]
    for path in sorted(NEWSTEST.glob("*.en"))[:1]:
        texts += path.read_text(encoding="utf-8").splitlines()
    for text in texts:
        assert english_word_count(text) == len(WORD_RE.findall(text)), repr(text)
    assert english_word_count("The U.S. grew 3.5% in 2022.") == 6


def test_english_word_count_equals_the_regex_count_on_non_ascii_text():
    """Non-ASCII runs are encoded as ASCII of the same classes: letters U+00C0-U+024F (not U+00BF or
    U+0250), ’ a joiner (not ‘ or ʼ), every other character a space."""
    rng = random.Random(10)
    pieces = list("aZ9 .'-,") + ["’", "‘", "ʼ", "“", "”", "—", "é", "À", "ɏ", "ɐ", "\u00bf", "×", "中", "’’", "é’é",
                                 "\u00a0", "😀", "x’s", "na\u00efve"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(30000)]
    texts += ["naïve", "café au lait", "don’t", "’’", "“Quoted” text — dash", "ɐ ɏ À \u00bf", "中文 words"]
    for text in texts:
        assert english_word_count(text) == len(WORD_RE.findall(text)), repr(text)
    assert english_word_count("naïve café’s “x”") == 3


def test_length_rules_count_the_same_words_as_the_score():
    assert target_words is english_word_count

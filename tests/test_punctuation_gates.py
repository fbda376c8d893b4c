"""PUNC005-PUNC007's gates search one regex per leading character, PUNC008 reads the last character
before its regex: each must decide exactly as the single regex it replaces."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from transqa.checks import punctuation as p

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PIECES = list("aZ9 .,;:!?\"'()[]-\t\n\x0b\x1c") + ["  ", "...", "“", "”", "’", "\u00a0", "\u3000", "。", "！", "…",
                                                 "word", "e.g.", "i.e.", "U.S.", " and", " the"]


def _texts():
    rng = random.Random(5)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24))) for _ in range(40000)]
    for path in sorted(DATA.glob("newstest/*.en")) + sorted(DATA.glob("tico19/*.en")):
        texts += path.read_text(encoding="utf-8").splitlines()
    return texts


TEXTS = _texts()


@pytest.mark.parametrize("gate, regex", [
    (p._may_space_before_punct, p._SPACE_PUNCT_GATE),
    (p._may_double_punct, p._PUNCT_PAIR_GATE),
    (p._may_start_mid_sentence, p._MID_START_GATE),
])
def test_gates_equal_their_regex(gate, regex):
    passed = 0
    for text in TEXTS:
        found = regex.search(text) is not None
        assert gate(text) == found, text
        passed += found
    assert passed > 1000


def test_gate_cases():
    assert not p._may_start_mid_sentence("One. Two three.") and p._may_start_mid_sentence('One. "two three.')
    assert p._may_space_before_punct("a ,b") and p._may_space_before_punct("a\u3000.") and not p._may_space_before_punct("a, b.")
    assert p._may_double_punct("a?.") and not p._may_double_punct("a.!")


def test_sentence_end_equals_the_regex():
    for text in TEXTS + ["Done." + " " * 11, "Done." + " " * 12, "Done.\u3000", "x:", "(note)", "", "   "]:
        assert p._ends_sentence(text) == bool(not text.strip() or p._EN_SENTENCE_END.search(text[-12:])), repr(text)


@pytest.mark.parametrize("pattern", [p._ABBREVIATION_DOT, p._ABBREVIATION_BEFORE])
def test_abbreviation_window_equals_the_whole_prefix(pattern):
    """PUNC006/PUNC007 look for an abbreviation only in the last _LONGEST characters before the stop."""
    found = 0
    for text in TEXTS + ["etc.", "x approx.", "Tampa, Fla.", "i.e.", "(e.g.", "Assoc.", "\u00e9tc."]:
        for end in [i + 1 for i, ch in enumerate(text) if ch == "."]:
            whole = pattern.search(text, 0, end)
            window = pattern.search(text, max(0, end - p._LONGEST), end)
            assert (whole and whole.span()) == (window and window.span()), (text, end)
            found += whole is not None
    assert found > 1000

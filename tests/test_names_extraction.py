"""extract_names skips ahead with one regex; it must find exactly the names a token-by-token reading finds."""

from __future__ import annotations

import random

import pytest

from transqa.checks.names import CONNECTORS, LEADING, _JOIN, _is_name_word, _tokens, _word, extract_names


def reference_names(text: str):
    """The plain reading: every token in turn, runs of name words and connectors joined by one space,
    no-break space or hyphen, trimmed of sentence words in front and connectors behind."""
    runs, run = [], []
    for tok in _tokens(text):
        if run and not _JOIN.match(text[run[-1][1]:tok[0]]):
            runs.append(run)
            run = []
        if _is_name_word(tok[2]) or (run and tok[2].lower() in CONNECTORS):
            run.append(tok)
        elif run:
            runs.append(run)
            run = []
    runs.append(run)
    names = []
    for run in runs:
        while run and _word(run[0][2]).lower() in LEADING:
            run.pop(0)
        while run and run[-1][2].lower() in CONNECTORS:
            run.pop()
        if sum(1 for t in run if _is_name_word(t[2])) >= 2:
            names.append((run[0][0], run[-1][1], [t[2] for t in run], [(t[0], t[1]) for t in run]))
    return names


@pytest.mark.parametrize("text", [
    "'Belt and Road' &Co R&D Office",          # a lone & before a capital, quotes around a name
    "the U.S. Dept. of State and Int'l Forum on IP",
    "McDonald's Corp. of the World Health Organization (WHO)",
    "in New\u00a0York-City Hall \nOf Fame",     # no-break space, hyphen, a newline after a space
    "Mr. Smith.  Big Apple",                   # a full stop ends a run
    "x'&'Yo Man and &&OfR&D Co",                # & and apostrophes inside and before tokens
    "The Shanghai International Intellectual Property Forum was hosted by the WIPO Office in China.",
])
def test_extract_names_matches_a_token_by_token_reading(text):
    assert extract_names(text) == reference_names(text)


def test_extract_names_matches_on_random_token_soup():
    pieces = ["A", "b", "Co", "of", "Of", "The", "the", "in", "Inc", "&", "'", "’", ".", " ", " ", "-",
              "\u00a0", "\n", "x", "R&D", "Int'l", "Mr", "IP", "3", "é", ",", "(", "Dept.", "and", "De", "TO"]
    rng = random.Random(8)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        assert extract_names(text) == reference_names(text), text


def test_extract_names_is_linear_on_long_lines():
    import time

    for text in ("A " * 25000, "A " + "of " * 16000 + "x", "ab.&'" * 10000, "A. " * 16000):
        start = time.process_time()
        extract_names(text)
        assert time.process_time() - start < 2.0


def _soup(pieces, n, longest, seed):
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def _newstest_targets():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "shared" / "data" / "newstest" / "newstest2019.zh-en.en"
    return path.read_text(encoding="utf-8").splitlines()[:3000] if path.exists() else []


def test_next_name_equals_the_token_by_token_regex_from_every_position():
    """_next_name jumps to the space before the first place a name could start (searched anywhere):
    the same position as _TO_NAME reading every token from `pos`."""
    from transqa.checks.names import _TO_NAME, _next_name

    pieces = ["A", "b", "Co", "of", "Of", "the", "&", "'", "’", ".", " ", " ", "-", "\u00a0", "\n", "xY", "R&D",
              "Int'l", "Mr", "IP", "3", "é", ",", "(", "Dept.", "and", "De", "TO", "McD"]
    texts = _soup(pieces, 4000, 25, 11) + _newstest_targets()
    for text in texts:
        for pos in range(0, len(text) + 1, max(1, len(text) // 7)):
            m = _TO_NAME.match(text, pos)
            assert _next_name(text, pos) == (m.end() if m else None), (text, pos)


def test_acronym_regex_equals_the_lookbehind_first_form():
    """_ACRONYM starts at a capital and looks behind it; the plain form tries the lookbehind everywhere."""
    import re

    from transqa.checks.names import _ACRONYM

    plain = re.compile(r"(?<![\w&-])([A-Z][A-Z&]*[A-Z])s?(?![\w&-])")
    texts = _soup(list("ABZ&s-_ a1é.É(") + ["US", "ÜK", "\n"], 30000, 20, 3) + _newstest_targets()
    for text in texts:
        assert [(m.span(), m.group(1)) for m in _ACRONYM.finditer(text)] == \
            [(m.span(), m.group(1)) for m in plain.finditer(text)], text


def test_name_bounds_equal_the_spans_of_extract_names():
    """CONS002's collect keeps only each name's start and end (_name_bounds): those of extract_names."""
    from transqa.checks.names import _name_bounds

    pieces = ["A", "b", "Co", "of", "Of", "The", "the", "in", "Inc", "&", "'", "’", ".", " ", " ", "-",
              "\u00a0", "\n", "x", "R&D", "Int'l", "Mr", "Mr.", "IP", "3", "é", ",", "(", "Dept.", "and", "De", "TO"]
    soup = _soup(pieces, 5000, 25, 13)
    assert sum(1 for t in soup if _name_bounds(t)) > 500  # names found without ../shared (CI has no newstest)
    texts = soup + _newstest_targets()
    for text in texts:
        assert _name_bounds(text) == [x for start, end, _, _ in extract_names(text) for x in (start, end)], text


def test_name_entry_reads_the_tokens_of_tokens():
    """_name_entry caches each token's words (shared by the names of a finish): the entry of the plain reading."""
    import sys

    from transqa.checks.names import _canonical, _form, _name_entry

    def plain(text, abbreviated):
        found = list(_tokens(text))
        tokens = [t[2] for t in found]
        canonical = [_canonical(t) for t in tokens]
        for t, words in zip(tokens, canonical):
            if words != [_form(t)]:
                abbreviated.update(words)
        key = tuple(sys.intern(w) for ws in canonical for w in ws)
        return tokens, [t[:2] for t in found], tuple(i for i, ws in enumerate(canonical) for _ in ws), key

    texts = [text[start:end] for text in _newstest_targets() for start, end, _, _ in extract_names(text)]
    texts += ["Int'l IP Co. Ltd.", "R&D Centre of S&T Dept.", "SMEs Assn. & Govt. HQ", "World Health Organisation"]
    texts += _soup(["A", "Co.", "IP", " ", "Int'l", "&", "Dept.", "of", "Ltd.", "x.", "SMEs"], 3000, 8, 17)
    words_of: dict = {}
    got_abbreviated, want_abbreviated = set(), set()
    for text in texts:
        assert _name_entry(text, got_abbreviated, words_of) == plain(text, want_abbreviated), text
    assert got_abbreviated == want_abbreviated and {"intellectual", "international"} <= got_abbreviated

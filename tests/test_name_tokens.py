"""name_tokens.bounds_reader finds names by one regex per run; its bounds must be those of names.py's
token-by-token reading (extract_names, built on _tokens and _runs)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from transqa.checks import names
from transqa.checks.name_tokens import bounds_reader

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
fast_bounds = bounds_reader(names._tokens, names.ABBREVIATIONS, names.CONNECTORS, names.LEADING)


def token_reading(text: str) -> list[int]:
    return [x for start, end, _, _ in names.extract_names(text) for x in (start, end)]


@pytest.mark.parametrize("text, found", [
    ("'Belt and Road' Forum", ["Belt and Road' Forum"]),   # a capital after a quote starts a token; ' goes on
    ("x'Yo Man said", []),                                 # Y is inside the token x'Yo: no run from it
    ("R&D Office and &Co Ltd", ["R&D Office", "Co Ltd"]),  # & inside a token; a lone & before Co
    ("Mr. Smith.  Big Apple", ["Big Apple"]),              # a full stop ends a word that is no abbreviation
    ("Dr. No Way", ["No Way"]),
    ("Foo.Bar Baz", ["Bar Baz"]),
    ("the Shanghai Co. Ltd. Forum", ["Shanghai Co. Ltd. Forum"]),  # ... and not an abbreviation
    ("Int’l. Forum on IP", ["Int’l. Forum on IP"]),
    ("In the World Bank of the", ["World Bank"]),           # sentence words in front, connectors behind
    ("New\u00a0York-City Hall \nOf Fame", ["New\u00a0York-City Hall \nOf Fame"]),
    ("NEW YORK CITY", ["NEW YORK CITY"]),
    ("The Forum", []),                                     # one capitalised word after `The`
])
def test_bounds_on_cases(text, found):
    bounds = fast_bounds(text)
    assert [text[a:b] for a, b in zip(bounds[::2], bounds[1::2])] == found
    assert bounds == token_reading(text)


def test_bounds_on_random_token_soup():
    pieces = ["A", "b", "Co", "of", "Of", "The", "the", "in", "In", "Inc", "&", "'", "’", ".", " ", " ", "-",
              "\u00a0", "\n", "x", "R&D", "Int'l", "Int’l.", "Mr", "Mr.", "IP", "3", "é", "É", ",", "(", "Dept.",
              "and", "AND", "De", "TO", "CO.", "co.", "K", "\u212a", "ſ", "İn", "Ltd"]
    rng = random.Random(21)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    assert sum(1 for t in texts if token_reading(t)) > 3000
    for text in texts:
        assert fast_bounds(text) == token_reading(text), text


@pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data")
def test_bounds_on_real_targets():
    texts = [line for path in sorted(DATA.glob("newstest/*.en")) + sorted(DATA.glob("tico19/*.en"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert sum(1 for t in texts if token_reading(t)) > 4000
    for text in texts:
        assert fast_bounds(text) == token_reading(text), text


def test_a_long_text_with_thousands_of_restarts_does_not_recurse():
    """Each full stop after a word that is no abbreviation, and each capital inside a token, restarts the
    search: a loop, not recursion (3,000 of them raised RecursionError before)."""
    for text in ("Mr. Smith. " * 3000, "x'Yo Man " * 3000, "Foo.Bar Baz " * 3000):
        assert fast_bounds(text) == token_reading(text)

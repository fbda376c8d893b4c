"""CONS002's name spans found by one C regex search per run of name words, not token by token in Python.

names.py reads a target token by token (`_tokens`: letters, digits and & ' ’ from a letter or digit, or
a lone &; a full stop ends a token unless the word is an abbreviation) and groups the tokens into runs:
a capitalised token, then tokens joined to the one before by one space, no-break space or hyphen (a
newline may follow it) that are capitalised or connectors. Runs are trimmed of sentence words in front
(`The`, `In`) and connectors behind; those with two capitalised words or more are names.
`bounds_reader` builds the same reading from names.py's tables: `run_regex` spells the token and run
rules, so a run is found and matched in C, and only its pieces are split in Python to be trimmed. The
bounds equal those of the token-by-token reading (tests/test_name_tokens.py: random token soup,
newstest and TICO-19 targets).
"""

from __future__ import annotations

import re

_TOKEN_CHARS = "A-Za-z0-9&'’"
_JOIN = "[ \u00a0-]\n?"


def _alternatives(words) -> str:
    """A regex alternation of `words`, ' matching either apostrophe (names.py's _word reads ’ as ')."""
    return "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=lambda w: (-len(w), w)))


def run_regex(abbreviations, connectors) -> re.Pattern:
    """A run of two tokens or more from a capital that no letter or digit precedes (one after & ' ’ may
    still be inside a token: `_inside_token`). Inside the run a token keeps its full stop only when it is
    an abbreviation; the first token may take one (group 1), which the caller accepts only after an
    abbreviation. Abbreviations and connectors match in any case, ASCII only (tokens are ASCII). The
    regex starts with the capital and looks behind it, so the engine scans for capitals quickly."""
    words = [w for w in abbreviations if w[:1].isalpha()]
    capital = rf"(?:(?=[A-Z])(?i:{_alternatives(words)})\.|[A-Z][{_TOKEN_CHARS}]*+)"
    connector = rf"(?:(?i:{_alternatives(w for w in connectors if w != '&')})(?![{_TOKEN_CHARS}])|&)"
    return re.compile(rf"[A-Z](?<![A-Za-z0-9][A-Z])[{_TOKEN_CHARS}]*+(\.)?(?:{_JOIN}(?:{capital}|{connector}))+",
                      re.ASCII)


def bounds_reader(tokens, abbreviations, connectors, leading):
    """names.py's `_name_bounds(text)`: start, end, start, end, ... of the names in `text`. `tokens` is
    names.py's token reader, used for the pieces of a run with a newline in a join (rare)."""
    finditer = run_regex(abbreviations, connectors).finditer
    abbreviations, connectors, leading = frozenset(abbreviations), frozenset(connectors), frozenset(leading)

    def name_bounds(text: str, pos: int = 0) -> list[int]:
        out: list[int] = []
        while pos is not None:
            pos = _runs(text, pos, out)
        return out

    def _runs(text: str, pos: int, out: list[int]) -> int | None:
        """Adds the names of the runs from `pos` to `out`; where a match must be searched again from a
        later position (a loop, not recursion: a long text may need thousands), returns that position."""
        for m in finditer(text, pos):
            start, end = m.span()
            if start and text[start - 1] in "&'’" and _inside_token(text, start):
                return start + 1  # searched again from the next character
            dot = m.start(1)
            if dot >= 0 and text[start:dot].replace("’", "'").lower() not in abbreviations:
                return dot  # the full stop ends the first token, a run by itself
            run = m.group()
            if "\n" in run:
                spans = [(a, b) for a, b, _ in tokens(text, start, end)]
                pieces = [text[a:b] for a, b in spans]
            else:  # tokens joined by one character each
                spans, pieces = None, run.replace("\u00a0", " ").replace("-", " ").split(" ")
            first, last = 0, len(pieces) - 1
            while first <= last and pieces[first].rstrip(".").replace("’", "'").lower() in leading:
                first += 1
            while last >= first and pieces[last].lower() in connectors:
                last -= 1
            if last - first < 1:
                continue
            if last - first > 1 or not (pieces[first][0].isupper() and pieces[last][0].isupper()):
                capitals = 0
                for k in range(first, last + 1):
                    if pieces[k][0].isupper():
                        capitals += 1
                if capitals < 2:
                    continue
            if spans is not None:
                out += (spans[first][0], spans[last][1])
            elif first == 0 and last == len(pieces) - 1:
                out += (start, end)
            else:
                a = start + sum(map(len, pieces[:first])) + first
                out += (a, a + sum(map(len, pieces[first:last + 1])) + last - first)
        return None

    return name_bounds


def _inside_token(text: str, start: int) -> bool:
    """The capital at `start` continues a token: & ' ’ back to a letter or digit (`R&D`, `x'Yo`)."""
    k = start - 1
    while k >= 0 and text[k] in "&'’":
        k -= 1
    return k >= 0 and text[k].isascii() and text[k].isalnum()

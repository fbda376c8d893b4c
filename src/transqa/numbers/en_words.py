"""English number words: one .. ninety-nine, hundred .. trillion, dozen, decades, ordinals and fractions
(twenty-first, one third, one-fiftieth), multiples (twice, threefold) -> (kind, value)."""

from __future__ import annotations

import re

from transqa.numbers.model import matches_at
from transqa.numbers.trie import trie_pattern

UNIT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS_WORDS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
ORD_UNITS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
ORD_TENS = {w: 10 * i for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(), 2)}
ORD_SCALES = {"hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9}
WORD_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
DENOMS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
          "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
MULTIPLES = {"once": 1, "twice": 2, "thrice": 3, "double": 2, "doubled": 2, "doubling": 2, "triple": 3,
             "tripled": 3, "quadrupled": 4, "dozen": 12, "decade": 10, "decades": 10,
             "century": 100, "centuries": 100}
ALL_WORDS = {**UNIT_WORDS, **TENS_WORDS, **ORD_UNITS, **ORD_TENS, **ORD_SCALES, **WORD_SCALES, **MULTIPLES,
             **DENOMS}
_ALL_FORMS = [*ALL_WORDS, *(w.capitalize() for w in ALL_WORDS), *(w.upper() for w in ALL_WORDS)]
_W = trie_pattern(_ALL_FORMS)
_MORE = rf"(?:(?:\s+and\s+|\s+|-)(?:{_W}))*(?:-?fold)?\b"
_SCALE_WORD = "(?:hundred|thousand|million|billion|trillion)"
# The same matches as \b[Hh]alf\s+an?\s+{_SCALE_WORD}\b|\b(?:(?:[Aa]n?)\s+)?(?:{_W}){_MORE}: one word
# boundary first (fails at once inside a word), then one look at the letter, before the alternation
# is tried (a quarter less CPU than two \b branches on newstest; starting the pattern with the letter
# class was slower: too many letters can start a number word)
_FIRST = "".join(sorted({w[0] for w in _ALL_FORMS} | set("HhAa")))
WORDS_RE = re.compile(rf"\b(?=[{_FIRST}])(?:[Hh]alf\s+an?\s+{_SCALE_WORD}\b|(?:(?:[Aa]n?)\s+)?(?:{_W}){_MORE})")
_AN = ("a", "A", "an", "An")       # what (?:[Aa]n?)\s+ can start with
_starts = None


def finditer_words(text: str):
    """The matches of WORDS_RE.finditer(text), with the pattern tried only where a match can start (3.5x
    cheaper on newstest than a search that tries it at every word boundary): at a number word found by an
    Aho-Corasick automaton of the word forms (ahocorasick-rs; a word form is letters only, so the one at
    the start of a word is never hidden by one inside the word before it) when no word character comes
    before it, and at an a/an/A/An before that word's spaces. tests/test_numbers_scans.py checks."""
    global _starts
    if _starts is None:
        from ahocorasick_rs import AhoCorasick, Implementation, MatchKind
        # a DFA: the same matches as the default automaton, searched in half the time (bigger to build)
        _starts = AhoCorasick(sorted(set(_ALL_FORMS)), matchkind=MatchKind.LeftmostLongest,
                              implementation=Implementation.DFA)
    cands = []
    for _, q, _ in _starts.find_matches_as_indexes(text):
        if q:
            prev = text[q - 1]
            if prev.isalnum() or prev == "_":           # \w before it: no \b, no match starts here
                continue
            i = q
            while i and text[i - 1].isspace():
                i -= 1
            if i < q:
                cands += [a for a in (i - 1, i - 2) if a >= 0 and text[a:i] in _AN]
        cands.append(q)
    yield from matches_at(WORDS_RE, text, sorted(set(cands)) if len(cands) > 1 else cands)


PERCENT_WORD = re.compile(r"\s*(?:percent\b|per\s+cent\b|%)", re.IGNORECASE)


def _parse_words(words: list[str]) -> tuple[str, float] | None:
    """[twenty, one] -> (cardinal, 21); [a, million] -> 1e6; [one, third] -> (fraction, 1/3); [twenty, first]."""
    ws = [w.lower() for w in words if w.lower() != "and"]
    if ws and ws[-1].endswith("fold"):
        ws[-1] = ws[-1][:-4].rstrip("-") or ws[-1]
        if not ws[-1]:
            ws.pop()
    if len(ws) == 2 and (ws[0] in ("a", "an") or UNIT_WORDS.get(ws[0], 99) < 10):
        den = DENOMS.get(ws[1]) or ORD_TENS.get(ws[1].rstrip("s")) or ORD_SCALES.get(ws[1].rstrip("s")) \
            or (ORD_UNITS.get(ws[1].rstrip("s")) if ws[1].rstrip("s") not in ("first", "second") else None)
        if den:
            num = 1 if ws[0] in ("a", "an") else UNIT_WORDS[ws[0]]
            return "fraction", num / den
    if len(ws) == 3 and ws[0] == "half" and ws[1] in ("a", "an") and ws[2] in WORD_SCALES:
        return "cardinal", WORD_SCALES[ws[2]] / 2
    if ws and all(w in WORD_SCALES for w in ws):
        return None                                     # "million" alone (RMB280 million is read as digits)
    if ws and ws[0] in ("a", "an"):
        ws[0] = "one"
        if len(ws) == 1 or ws[1] not in WORD_SCALES and ws[1] != "dozen":
            return None
    if len(ws) == 1 and ws[0] in ("half", "halves"):
        return "fraction", 0.5
    total, current, kind = 0.0, 0.0, "cardinal"
    prev_small = False
    for i, w in enumerate(ws):
        small = w in UNIT_WORDS or w in ORD_UNITS
        if small and prev_small or w in TENS_WORDS and (prev_small or current % 100 >= 10):
            return None                                 # two three, twenty thirty: not one number
        prev_small = small or w in TENS_WORDS and False
        if w in MULTIPLES and len(ws) == 1:
            return "cardinal", float(MULTIPLES[w])
        if w in UNIT_WORDS:
            current += UNIT_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w in ORD_UNITS or w in ORD_TENS:
            if i != len(ws) - 1:
                return None
            current += ORD_UNITS.get(w, 0) + ORD_TENS.get(w, 0)
            kind = "ordinal"
        elif w in ORD_SCALES:
            current = (current or 1) * ORD_SCALES[w]
            kind = "ordinal"
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in ("decade", "decades"):
            current = (current or 1) * 10
        elif w in ("century", "centuries"):
            current = (current or 1) * 100
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in WORD_SCALES:
            total += (current or 1) * WORD_SCALES[w]
            current = 0
        else:
            return None
    return kind, total + current

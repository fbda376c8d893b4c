"""Patterns rewritten to scan faster find exactly what their plain forms found (issue 8).

- patterns that start with a character class and check the word boundary (or the character before)
  after their first character, against the plain pattern they replace;
- digit and percent scans started at the first digit, against scans from the start of the text;
- the character tests in front of the "about / 约 / 左右" patterns, against the patterns alone;
- the long-digit mask that looks at every 41st character first, against the plain substitution;
- a strict number match is always a loose one (align_pairs asks only the loose question).
"""

from __future__ import annotations

import random
import re

import pytest

from transqa.numbers import compare, en, en_words, extract_en, extract_zh, model, zh_base
from transqa.numbers.trie import trie_pattern

_MONTHS = trie_pattern([*en.MONTHS, *en.ABBR])
_MONTH = rf"(?:{_MONTHS})\b\.?"
_DAYN, _SUF = r"(?:[12]?\d|3[01])", r"(?:st|nd|rd|th)?"
_W = en_words._W
# the plain forms, as they were written before the rewrite
PLAIN = [
    ("words", en_words.WORDS_RE, rf"\b[Hh]alf\s+an?\s+(?:hundred|thousand|million|billion|trillion)\b"
     rf"|\b(?:(?:[Aa]n?)\s+)?(?:{_W})(?:(?:\s+and\s+|\s+|-)(?:{_W}))*(?:-?fold)?\b"),
    ("month-any", en.MONTH_ANY, rf"(?=[ADFJMNOS])\b(?:{_MONTHS})\b"),
    ("ymd", en.DATE_RES[0][1], r"(?=\d)(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"),
    ("slash", en.DATE_RES[1][1], r"(?=\d)(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"),
    ("slash-comma", en.DATE_RES[2][1], r"(?=\d)(?<![\d/.,])(\d{1,2})[ .](\d{1,2}),\s?(\d{4})(?![\d/])"),
    ("mdy", en.DATE_RES[3][1], rf"(?=[ADFJMNOS])\b(?P<mon>{_MONTH})\s+(?P<day>{_DAYN}){_SUF}\b(?![:.]\d)"
                               rf"(?:,?\s*(?P<year>\d{{4}})\b)?"),
    ("dmy", en.DATE_RES[4][1], rf"(?=\d)\b(?P<day>{_DAYN}){_SUF}\s+(?:of\s+)?(?P<mon>{_MONTH})"
                               rf"(?:,?\s*(?P<year>\d{{4}})\b)?"),
    ("my", en.DATE_RES[5][1], rf"(?=[ADFJMNOS])\b(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<year>\d{{4}})\b"),
    ("m", en.DATE_RES[6][1], r"(?=[ADFJMNOS])\b(?P<mon>" + trie_pattern(en.MONTHS) + r")\b"),
    ("year", en.YEAR_RE, r"(?=[12])(?<![\d,.$£€¥-])(1[5-9]\d\d|20\d\d)(?![\d%]|,\d{3}|\.\d|s\b|\s*(?:percent|per cent))"),
    ("fraction", en.FRACTION_RE, r"(?=\d)(?<![\w/.,])(\d{1,2})/(\d{1,3})(?![\w/]|\.\d)"),
    ("year-range", en.YEAR_RANGE_RE, r"(?<![\d,.])((?:19|20)\d\d)\s?[-–—/]\s?(\d\d)(?![\d%])"),
    ("in-every", en.IN_EVERY_RE, r"\b(one|1) in (?:a |an |every )?(ten|five|four|three|hundred|thousand|million|(?!(?:1[5-9]|20)\d\d\b)\d+)\b"),  # one in 2019: a year
    ("long-digits", model._LONG_DIGITS, r"[0-9０-９]{41,}"),
    ("weekday", en.WEEKDAY_RE, r"(?=[MTWFS])\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"),
]
PIECES = ["one", "One", "ONE", "a", "an", "A", "half", "Half", "hundred", "thousand", "and", "-", "fold", "twenty",
          "first", "third", "dozen", "s", "bone", "x", "_", "é", "May", "March", "Mar.", "Sept", "Dec", "December",
          "AMay", "of", "1", "3", "12", "31", "2019", "1999", "20", "19", "0", "5", "/", ".", ",", " ", "  ", "\n",
          "\u00a0", "$", "£", "in", " in ", "every", "ten", "1 in", "２", "٣", "12/09/2022", "12 09,2022",
          "2022-12-09", "2019–20", "5%", "percent", "st", "th", "9th", "1/3", "2/25", "3/4", "May 2019", "Dec 2021",
          "March of 2020", "9 December 2022", "one in", "1 in 5", "in a", "3-5%",
          "3 to 5 percent", "-.5%", "−2", "Monday", "Sundays", "xFriday", "Wednes", "today"]


def _texts(seed: int, n: int):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(PIECES) + rng.choice(["", " ", "", "-"]) for _ in range(rng.randint(1, 9)))


def _found(pattern: re.Pattern, text: str, pos: int = 0):
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos)]


@pytest.mark.parametrize("name,fast,plain", PLAIN, ids=[p[0] for p in PLAIN])
def test_rewritten_pattern_finds_what_the_plain_one_found(name, fast, plain):
    plain = re.compile(plain, fast.flags)
    texts = list(_texts(sum(map(ord, name)), 6000))
    texts += ["1" * 41, "x" + "１" * 45, "1" * 40, "Half a million", "in May 2019", "one in ten", "May 9, 2019"]
    texts += ["a" * k + "9" * (k + 35) + "1" for k in range(30)]
    hits = 0
    for text in texts:
        expected = _found(plain, text)
        hits += bool(expected)
        assert _found(fast, text) == expected, (name, text)
    assert hits >= 20, f"{name}: only {hits} texts match; the test would be vacuous"


@pytest.mark.parametrize("pattern,back", [(en.DIGIT_RE, 1), (en.PERCENT_RE, 2), (en.PERCENT_RANGE_RE, 0)],
                         ids=["digits", "percent", "percent-range"])
def test_scans_from_the_first_digit_find_everything(pattern, back):
    hits = 0
    for text in _texts(back, 6000):
        first = en.DIGIT_ANY.search(text)
        expected = _found(pattern, text)
        hits += bool(expected)
        assert (_found(pattern, text, max(0, first.start() - back)) if first else []) == expected, text
    assert hits >= 50


def test_approx_character_tests_change_nothing():
    rng = random.Random(5)
    zh_pieces = [*zh_base.APPROX_BEFORE_WORDS, "多", "余", "来", "左右", "上下", "以上", "以下", "前后", "人", "3", "\n", " "]
    en_pieces = [*en.APPROX_WORDS, "US$", "RMB", "$", "£", "B", " ", "\n", "\u00a0", "or so", "plus", "-plus", "+",
                 "odd", "or more", "x", "3", "PLUS", "ſ"]
    approx = 0
    for _ in range(20000):
        a = "".join(rng.choice(zh_pieces) for _ in range(rng.randint(0, 3)))
        b = "".join(rng.choice(zh_pieces) for _ in range(rng.randint(0, 3)))
        text, start, end = a + "35" + b, len(a), len(a) + 2
        plain = bool(zh_base.APPROX_BEFORE.search(text[max(0, start - 3):start])
                     or zh_base.APPROX_AFTER.match(text[end:end + 4]) or zh_base.APPROX_AFTER.match(text[end + 1:end + 5]))
        assert zh_base._approx(text, start, end) == plain, text
        approx += plain
        a = " ".join(rng.choice(en_pieces) for _ in range(rng.randint(0, 3))) + rng.choice(["", " ", "$"])
        b = rng.choice(["", " ", "-"]) + " ".join(rng.choice(en_pieces) for _ in range(rng.randint(0, 3)))
        text, start, end = a + "35" + b, len(a), len(a) + 2
        plain = bool(en.APPROX_BEFORE_REVERSED.match(text[max(0, start - 24):start][::-1])
                     or en.APPROX_AFTER.match(text[end:end + 8]))
        assert en._approx(text, start, end) == plain, text
        approx += plain
    assert approx > 2000


def test_long_digit_mask_equals_the_plain_substitution():
    plain = re.compile(r"[0-9０-９]{41,}")
    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(rng.choice(["1" * rng.randint(1, 50), "１" * rng.randint(1, 50), "x", " ", "人"])
                       for _ in range(rng.randint(0, 8)))
        assert model.mask_long_digit_runs(text) == plain.sub(lambda m: "#" * len(m.group()), text), text


def test_a_strict_match_is_a_loose_match():
    texts = [("3月5日", "March 5"), ("2019年", "in 2019"), ("第3", "third, 3rd and 3"), ("12%", "0.12 and 12 percent"),
             ("三分之一", "a third, 33%"), ("下午3点", "3 p.m. and 3"), ("5日", "the 5th and 5"), ("7.5万亩", "5,000 hectares"),
             ("约3亿", "about 300 million, 2.9 billion"), ("COVID-19", "COVID-19, 19"), ("二十多万", "200,000 or 2")]
    pairs = 0
    for zh_text, en_text in texts:
        for s in extract_zh(zh_text):
            for t in extract_en(en_text):
                pairs += 1
                if compare.matches(s, t):
                    assert compare.matches(s, t, loose=True), (s, t)
    assert pairs >= 20


def test_expression_gate_skips_only_texts_without_a_rendering():
    from transqa.numbers import load_expressions
    from transqa.yamlio import load_yaml_file
    exprs = load_expressions()
    assert exprs.target_gate is not None
    data = load_yaml_file(__import__("transqa.numbers.expressions", fromlist=["x"]).default_path())
    renderings = [t for e in data["expressions"] for t in
                  ([e["target"]] if isinstance(e.get("target"), str) else e.get("target") or [])]
    rng = random.Random(13)
    noise = ["the", "x", "_", "1", "2021", " ", "  ", "-", "Plan", "PLAN", "five", "(", "“"]
    found = 0
    for _ in range(4000):
        text = " ".join(rng.choice(renderings + noise * 3) for _ in range(rng.randint(1, 5)))
        text = text.upper() if rng.random() < 0.2 else text
        if rng.random() < 0.3:
            i = rng.randint(0, len(text))
            text = text[:i] + rng.choice(["a", "1", "_", ""]) + text[i:]
        plain = [m.span() for m in exprs.target_re.finditer(text)]
        found += bool(plain)
        assert exprs.target_spans(text) == plain, text
    assert found > 1000


def test_code_test_before_chinese_numbers_changes_nothing():
    def plain(text, start, end):
        before = text[max(0, start - 2):start]
        if zh_base.GLUED_BEFORE.search(before) or text.startswith(("-", "－"), end):
            return True
        if zh_base.FIGURE_BEFORE.search(text[max(0, start - 7):start]):
            return True
        return bool(zh_base.LETTER_DASH_BEFORE.search(before) or zh_base.LETTER.match(text[end:end + 1]))
    rng = random.Random(17)
    pieces = ["图", "表", "Fig", "Fig.", "Table", "Figure", "A", "COVID", "歼", "-", "－", ".", " ", "\n", "人", "G", "x"]
    codes = 0
    for _ in range(20000):
        a = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        b = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 2)))
        text, start, end = a + "20" + b, len(a), len(a) + 2
        codes += plain(text, start, end)
        assert zh_base._ident(text, start, end) == plain(text, start, end), text
    assert codes > 3000


def test_written_out_digit_runs_find_what_the_counted_ones_found():
    from transqa.checks import numbers as checks
    for text in _texts(21, 6000):
        for fast, plain in ((checks.FOUR_DIGITS, r"\d{4}"), (checks.FIVE_DIGITS, r"\d{5}")):
            expected = re.search(plain, text)
            got = fast.search(text)
            assert (got and got.span()) == (expected and expected.span()), text


def test_number_words_tried_where_they_can_start_find_what_the_search_found():
    """finditer_words tries WORDS_RE only at number words the automaton finds and at an a/an before one."""
    pieces = ["one", "One", "ONE", "a", "an", "A", "An", "AN", "half", "Half", "HALF", "hundred", "and", "-", "fold",
              "twenty", "first", "third", "dozen", "s", "bone", "someone", "often", "tenth", "eighteen", "Eighteen",
              "x", "_", "é", "İ", "ß", "2", "２", "\n", "\t", "\u00a0", " ", "   ", "million", "a  ", "an\n", "quarter"]
    rng = random.Random(17)
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(["", "", " ", "-"]) for _ in range(rng.randint(1, 9)))
        expected = [m.span() for m in en_words.WORDS_RE.finditer(text)]
        assert [m.span() for m in en_words.finditer_words(text)] == expected, text
        hits += len(expected) > 1
    assert hits > 2000


def _runs(text):
    return [m.start() for m in en.DIGIT_RUN.finditer(text)]


STARTS = [(en.DATE_RES[i][1], _runs) for i in (0, 1, 2, 4)] + [(en.DATE_RES[i][1], lambda t: [
    m.start() for m in en.MONTH_ANY.finditer(t)]) for i in (3, 5, 6)] + [
    (rx, _runs) for rx in (en.YEAR_RE, en.YEAR_RANGE_RE, en.FRACTION_RE, en.PERCENT_RANGE_RE, en.TIME_RE)] + [
    (en.DIGIT_RE, lambda t: en._signed(t, _runs(t), "-−")), (en.PERCENT_RE, lambda t: en._signed(t, _runs(t), "-−–."))]


@pytest.mark.parametrize("pattern,starts", STARTS, ids=["ymd", "slash", "slash-comma", "dmy", "mdy", "my", "m",
                                                        "year", "year-range", "fraction", "percent-range", "time",
                                                        "digits", "percent"])
def test_patterns_tried_where_they_can_start_find_what_the_search_found(pattern, starts):
    """Digit patterns tried at the runs of digits (and the sign or point before them), month patterns at
    the month names: the matches their own search found."""
    extra = ["--5", "−−5 -", "a-1-2", "x_-3", "1,-2", "５-٣", "-", "-.5%", "–.5 percent", "..5%", ".5.5%", "3 p.m.",
             "10:30", "1:2:33", "12 o'clock", "2019-20", "1999/00", "May 2019", "9 May", "Mayday 3", "-5.-5"]
    rng = random.Random(len(pattern.pattern))
    clock = [*PIECES, "p.m.", "a.m.", "pm", "AM", "P.M.", ":", ":30", ":05", "o'clock", " o'clock", "10", "7", "24"]
    extra += ["".join(rng.choice(clock) + rng.choice(["", " "]) for _ in range(rng.randint(1, 8))) for _ in range(4000)]
    hits = 0
    for text in [*_texts(sum(map(ord, pattern.pattern[:40])), 8000), *extra]:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in model.matches_at(pattern, text, starts(text))] == expected, text
        hits += bool(expected)
    assert hits > 30


def test_chinese_number_search_from_the_first_start_character_finds_everything():
    from transqa.numbers import zh
    rng = random.Random(29)
    pieces = list("0123456789０１２３〇零一二两三十百千万亿第负-−－个多余来年月日人元.,，．、至") + ["百分之", "左右", "零下", " "]
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        first = zh.NUMBER_START.search(text)
        expected = [m.span() for m in zh.NUMBER_RE.finditer(text)]
        assert ([m.span() for m in zh.NUMBER_RE.finditer(text, first.start())] if first else []) == expected, text
        hits += bool(expected) and expected[0][0] > 0
    assert hits > 1000

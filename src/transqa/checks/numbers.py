"""Numbers and dates: missing, changed or added numbers, wrong dates, date format, number style.

All comparison rules share one alignment per segment (transqa.numbers.analyse), cached per run.
Segments without digits or numeral characters cost one regex search per side.
"""

from __future__ import annotations

import re

from transqa.checks.base import check_type
from transqa.model import Hit
from transqa.numbers import Alignment, analyse, load_expressions
from transqa.numbers.en import ABBR, MONTHS, any_digit
from transqa.numbers.model import Quantity

COMMON = {"expressions": []}
_CACHE_LIMIT = 10_000  # the engine runs segment rules in chunks of 2,000: all NUM/DATE rules of a chunk share it
MONTH_NAMES = {v: k for k, v in MONTHS.items()}


def _validate(options):
    if not all(isinstance(p, str) and p for p in options.get("expressions", [])):
        raise ValueError("option 'expressions' must be a list of file paths")


_NOTHING = Alignment([], [])


def _alignment(segment, options, context):
    """One alignment per segment shared by all NUM/DATE rules (the engine runs rule by rule).

    Only what the rules report is kept (an empty shared result for the usual segment with nothing to
    report), so the cache stays small on 200,000-pair documents.
    """
    key = tuple(options.get("expressions") or ())
    exprs, cache = context.memo(("number-alignments", key), lambda: (load_expressions(key), {}))
    pair = (segment.source, segment.target)
    try:
        return cache[pair]
    except KeyError:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        a = analyse(segment.source, segment.target, exprs)
        if a is None or not (a.missing or a.mismatched or a.extra or a.date_mismatched or a.date_missing):
            a = _NOTHING
        else:
            a = Alignment([], [], a.missing, a.mismatched, a.extra, a.date_mismatched, a.date_missing)
        cache[pair] = a
        return a


def _plain(q: Quantity) -> bool:
    """Written as an English reader writes it already (35, 12.5%): no `= ...` needed."""
    described = q.describe()
    if q.unit and q.kind == "cardinal":
        described = described[:-len(q.unit) - 1]
    return q.text.replace(",", "").strip() == described.replace(",", "")


def _equation(q: Quantity) -> str:
    """`79.8万 = 798,000`: the source number as an English reader would write it (`35` when plain)."""
    return q.describe() if _plain(q) else f"{q.text} = {q.describe()}"


def _note(q: Quantity) -> str:
    """` (= 798,000)` after a number whose English form differs from how it is written; else nothing."""
    return "" if _plain(q) else f" (= {q.describe()})"


@check_type("number-missing", options=COMMON, placeholders=("number", "value"), validate=_validate)
def number_missing(segment, options, context):
    """A number in the source has no counterpart in the target (compared by value, scale and kind)."""
    a = _alignment(segment, options, context)
    for q in a.missing if a else ():
        yield Hit("source", q.start, q.end, {"number": q.text, "value": _note(q)}, suggestion=_equation(q))


@check_type("number-mismatch", options=COMMON, placeholders=("source_number", "target_number", "value"),
            validate=_validate)
def number_mismatch(segment, options, context):
    """A source number appears in the target with a different value (changed digits or wrong scale)."""
    a = _alignment(segment, options, context)
    for s, t in a.mismatched if a else ():
        yield Hit("target", t.start, t.end, {"source_number": _unit_shown(s, t), "target_number": _unit_shown(t, s),
                                             "value": _note(s)}, suggestion=_equation(s))


def _unit_shown(q: Quantity, other: Quantity) -> str:
    """`800` -> `800 [km]` when the pair's units differ (800公里 vs 800 miles): otherwise the message
    would read `800 in the source but 800 in the target`."""
    return f"{q.text} [{q.unit or 'no unit'}]" if q.unit != other.unit else q.text


@check_type("number-extra", options=COMMON, placeholders=("number",), validate=_validate)
def number_extra(segment, options, context):
    """A number written in digits in the target has no counterpart in the source."""
    a = _alignment(segment, options, context)
    for q in a.extra if a else ():
        yield Hit("target", q.start, q.end, {"number": q.text})


@check_type("date-mismatch", options=COMMON, placeholders=("source_date", "target_date", "value"),
            validate=_validate)
def date_mismatch(segment, options, context):
    """A date, year or time in the source appears in the target with a different value."""
    a = _alignment(segment, options, context)
    for s, t in a.date_mismatched if a else ():
        yield Hit("target", t.start, t.end, {"source_date": s.text, "target_date": t.text, "value": _note(s)},
                  suggestion=_equation(s))


@check_type("date-missing", options=COMMON, placeholders=("date", "value"), validate=_validate)
def date_missing(segment, options, context):
    """A date, year or time in the source is not in the target (a weekday in the target counts for a day)."""
    a = _alignment(segment, options, context)
    for q in a.date_missing if a else ():
        yield Hit("source", q.start, q.end, {"date": q.text, "value": _note(q)}, suggestion=_equation(q))


# --- date format (target only) ---------------------------------------------------------------------
_MON = "|".join(sorted([*MONTHS, *ABBR], key=len, reverse=True))
NUMERIC_DATE = re.compile(r"(?<![\d/.,:-])(\d{1,2})(?:/(\d{1,2})/|\.(\d{1,2})\.|-(\d{1,2})-| (\d{1,2}),\s?)"
                          r"(\d{4})(?![\d/.-]\d)")
MONTH_DAY_YEAR = re.compile(rf"\b({_MON})\.? (\d{{1,2}})(?:st|nd|rd|th)?(,?)(\s*)(\d{{4}})\b")
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MON})\.?(,?)\s+(\d{{4}})\b")
DATE_STYLES = ("mdy", "dmy")
FOUR_DIGITS = re.compile(r"\d\d\d\d")     # \d{4} written out: starts with a class, so the search runs in C


def _house(y: int, m: int, d: int, style: str) -> str:
    return f"{MONTH_NAMES[m]} {d}, {y}" if style == "mdy" else f"{d} {MONTH_NAMES[m]} {y}"


def _month_number(name: str) -> int:
    return MONTHS.get(name) or ABBR[name]


def _validate_date_format(options):
    if options["style"] not in DATE_STYLES:
        raise ValueError(f"option 'style' must be one of {', '.join(DATE_STYLES)}")


@check_type("date-format", options={"style": "mdy", "other_order": True},
            placeholders=("problem", "expected"), validate=_validate_date_format)
def date_format(segment, options, context):
    """Numeric or malformed dates in the target (`12 09,2022`, `12/09/2022`) and dates not in house style."""
    text = segment.target
    if not FOUR_DIGITS.search(text):     # every date pattern here ends in a 4-digit year
        return
    style = options["style"]
    for m in NUMERIC_DATE.finditer(text):
        a, y = int(m.group(1)), int(m.group(6))
        b = int(next(g for g in m.groups()[1:5] if g))
        if not (1 <= a <= 31 and 1 <= b <= 31 and 1900 <= y <= 2100) or (a > 12 and b > 12):
            continue
        readings = {(y, mo, d) for mo, d in ((a, b), (b, a)) if 1 <= mo <= 12 and 1 <= d <= 31}
        # prefer the reading the source confirms
        src_date = _source_date(segment.source, y)
        if src_date in readings:
            readings = {src_date}
        malformed = bool(m.group(5))
        problem = "malformed numeric date" if malformed else (
            "ambiguous numeric date" if len(readings) > 1 else "numeric date")
        expected = " or ".join(_house(*r, style) for r in sorted(readings))
        yield Hit("target", m.start(), m.end(), {"problem": problem, "expected": expected},
                  suggestion=expected if len(readings) == 1 else None)
    for m in MONTH_DAY_YEAR.finditer(text):
        mon, day, comma, space, year = m.groups()
        ymd = (int(year), _month_number(mon), int(day))
        if style == "mdy" and 1 <= ymd[2] <= 31 and (not comma or space != " "):
            yield Hit("target", m.start(), m.end(), {"problem": "no comma and space before the year"
                                                     if not comma else "no space after the comma",
                                                     "expected": _house(*ymd, style)}, suggestion=_house(*ymd, style))
    if options["other_order"]:
        yield from _order_hits(text, style)


def _order_hits(text: str, style: str):
    """Well-formed dates in the other order than house style: `9 December 2022` under mdy."""
    pattern, problem = (DAY_MONTH_YEAR, "day-first date") if style == "mdy" else (MONTH_DAY_YEAR, "month-first date")
    for m in pattern.finditer(text):
        groups = m.groups()
        mon, day, year = (groups[1], groups[0], groups[3]) if style == "mdy" else (groups[0], groups[1], groups[4])
        ymd = (int(year), _month_number(mon), int(day))
        if 1 <= ymd[2] <= 31:
            yield Hit("target", m.start(), m.end(), {"problem": problem, "expected": _house(*ymd, style)},
                      suggestion=_house(*ymd, style))


@check_type("date-order", options={"style": "mdy"}, placeholders=("problem", "expected"),
            validate=_validate_date_format)
def date_order(segment, options, context):
    """Well-formed dates written in the other order than house style (`9 December 2022` under mdy)."""
    if FOUR_DIGITS.search(segment.target):
        yield from _order_hits(segment.target, options["style"])


_SRC_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def _source_date(source: str, year: int):
    for m in _SRC_DATE.finditer(source):
        if int(m.group(1)) == year:
            return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None


# --- number style (target only) --------------------------------------------------------------------
PERCENT_FORMS = {"%": re.compile(r"\d\s*(?:percent|per cent)\b"),
                 "percent": re.compile(r"\d\s*%|\d\s*per cent\b"),
                 "per cent": re.compile(r"\d\s*%|\d\s*percent\b")}
BARE_THOUSANDS = re.compile(r"(?<![\d,.\w/-])(\d{5,})(?![\d,]|\.\d|\w)")
FIVE_DIGITS = re.compile(r"\d\d\d\d\d")   # BARE_THOUSANDS cannot match without (\d{5}, searched in C)
SMALL_DIGIT = re.compile(r"(?<![\d,.\w$€£¥#/-])([1-9])(?![\d,.%:/]|\w|\s*(?:%|percent|per cent|a\.m|p\.m))")
SMALL_WORD = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine)\b(?!-|\s*(?:percent|per cent))",
                        re.IGNORECASE)
SMALL_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}


def _validate_style(options):
    if options["percent"] not in ("any", *PERCENT_FORMS):
        raise ValueError("option 'percent' must be one of any, %, percent, per cent")
    if options["small_numbers"] not in ("any", "words", "digits"):
        raise ValueError("option 'small_numbers' must be one of any, words, digits")


def _grouped(digits: str) -> str:
    """12345678 -> 12,345,678 on the string (int() refuses over 4,300 digits: a crash on hostile input)."""
    head = len(digits) % 3 or 3
    return digits[:head] + "".join("," + digits[i:i + 3] for i in range(head, len(digits), 3))


@check_type("number-style", options={"thousands_separator": True, "min_digits": 5, "percent": "any",
                                     "small_numbers": "any"},
            placeholders=("problem", "expected"), validate=_validate_style)
def number_style(segment, options, context):
    """House number style in the target: thousands separators, one form of percent, small numbers."""
    text = segment.target
    has_digit = any_digit(text)     # every pattern below needs a \d (str.isdigit also takes ², ①: no match)
    if has_digit and options["thousands_separator"] and FIVE_DIGITS.search(text):
        for m in BARE_THOUSANDS.finditer(text):
            if len(m.group(1)) >= options["min_digits"] and not m.group(1).startswith("0"):
                expected = _grouped(m.group(1))
                yield Hit("target", m.start(1), m.end(1), {"problem": "no thousands separator",
                                                           "expected": expected}, suggestion=expected)
    form = options["percent"]
    if has_digit and form != "any":
        for m in PERCENT_FORMS[form].finditer(text):
            start = m.start() + 1
            yield Hit("target", start, m.end(), {"problem": "percent form", "expected": form},
                      suggestion=(" " if form != "%" else "") + form if form != "%" else "%")
    small = options["small_numbers"]
    if small == "words" and has_digit:
        for m in SMALL_DIGIT.finditer(text):
            word = list(SMALL_WORDS)[int(m.group(1))]
            yield Hit("target", m.start(1), m.end(1), {"problem": "small number in digits", "expected": word},
                      suggestion=word)
    elif small == "digits":
        for m in SMALL_WORD.finditer(text):
            digit = str(SMALL_WORDS[m.group(1).lower()])
            yield Hit("target", m.start(1), m.end(1), {"problem": "small number in words", "expected": digit},
                      suggestion=digit)

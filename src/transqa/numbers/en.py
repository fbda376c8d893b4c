"""Numbers, dates and times in English text -> `Quantity`s (spans into the original text).

Passes claim spans in order: dates, times, percentages, digit numbers (with scale words), number
words (`twenty-one`, `a million`, `one third`, `twenty-first`). Vague amounts (dozens, tens of
thousands) are not numbers. Digits glued to letters (COVID-19, G20, A380) are marked `ident`.
"""

from __future__ import annotations

import re

from transqa.numbers import en_words
from transqa.numbers.en_words import (ORD_TENS, ORD_UNITS, PERCENT_WORD, WORD_SCALES,
                                      _parse_words, finditer_words)
from transqa.numbers.model import START, Claims as _Claims, Quantity, mask_long_digit_runs, matches_at, place_of
from transqa.numbers.trie import NO_WORD_BEFORE_FIRST, trie_pattern
from transqa.numbers.units import en_unit

MONTHS = {name: i for i, name in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
        "Oct": 10, "Nov": 11, "Dec": 12}
# Month names: the word boundary before the name is checked after its first letter (NO_WORD_BEFORE_FIRST),
# so the patterns start with a letter and the regex engine skips to the next capital A, D, F ... in C.
_MONTH_FAST = trie_pattern([*MONTHS, *ABBR], after_first=NO_WORD_BEFORE_FIRST)
_MONTH = r"(?:" + _MONTH_FAST + r")\b\.?"
MONTH_ANY = re.compile(r"(?:" + _MONTH_FAST + r")\b")
_DAYN = r"(?:[12]?\d|3[01])"
_SUF = r"(?:st|nd|rd|th)?"
DATE_RES = (
    # (?<![\d/.-]\d) after the first digit is (?<![\d/.-]) before it: a pattern that starts with a digit
    # class lets the regex engine skip to the next digit in C (see trie.NO_WORD_BEFORE_FIRST)
    ("ymd", re.compile(r"(\d(?<![\d/.-]\d)\d{3})-(\d{1,2})-(\d{1,2})(?![\d-])")),
    ("slash", re.compile(r"(\d(?<![\d/.]\d)\d?)/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    ("slash", re.compile(r"(\d(?<![\d/.,]\d)\d?)[ .](\d{1,2}),\s?(\d{4})(?![\d/])")),   # 12 09,2022
    ("mdy", re.compile(rf"(?P<mon>{_MONTH})\s+(?P<day>{_DAYN}){_SUF}\b(?![:.]\d)(?:,?\s*(?P<year>\d{{4}})\b)?")),
    # the day (?:[12]?\d|3[01]) after \b, written to start with its first digit: a 3 alone cannot be
    # followed by the space the pattern needs when 0 or 1 follows, so trying 3[01] first finds the same
    ("dmy", re.compile(rf"(?P<day>\d(?<!\w\d)(?:(?<=[12])\d|(?<=3)[01])?){_SUF}\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s*(?P<year>\d{{4}})\b)?")),
    ("my", re.compile(rf"(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<year>\d{{4}})\b")),
    ("m", re.compile(r"(?P<mon>" + trie_pattern(MONTHS, after_first=NO_WORD_BEFORE_FIRST) + r")\b")),
)
# A literal each digit-only date pattern cannot match without: the pattern is skipped when it is absent.
DATE_NEEDS = ("-", "/", ",", None, None, None, None)
# Where each pattern's matches start: at a run of digits (not after a digit: see each lookbehind) or at a
# month name (a month name is letters only: one MONTH_ANY scan finds the start of each)
DATE_STARTS = ("digits", "digits", "digits", "months", "digits", "months", "months")
# May and March alone are usually a verb: only a month after these words.
MONTH_CUE = re.compile(r"(?:\b(?:in|since|until|till|by|from|of|during|early|late|mid|end|last|next|this|"
                       r"through|before|after|between|and|to)[\s-]+|[A-Z][a-z]+\s?[-–—]\s?)$", re.IGNORECASE)
WEEKDAY_RE = re.compile(trie_pattern([d + "day" for d in "Mon Tues Wednes Thurs Fri Satur Sun".split()],
                                      after_first=NO_WORD_BEFORE_FIRST) + r"\b")    # starts with a letter: scanned in C
TIME_RE = re.compile(
    r"\b(?P<h>1[0-2]|0?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
    r"|(?<![\d.:])(?P<h2>[01]?\d|2[0-4]):(?P<mi2>[0-5]\d)(?![\d:])"
    r"|\b(?P<h3>1[0-2]|[1-9]) o'clock")
YEAR_RE = re.compile(r"(1(?<![\d,.$£€¥-]1)[5-9]\d\d|2(?<![\d,.$£€¥-]2)0\d\d)(?![\d%]|,\d{3}|\.\d|s\b|\s*(?:percent|per cent))")

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
          "mln": 1e6, "bln": 1e9, "tn": 1e12, "k": 1e3, "m": 1e6, "hundred": 1e2, "lakh": 1e5, "crore": 1e7}
_SCALE = r"(?:thousand|million|billion|trillion|hundred|bn|mn|mln|bln|tn|k|m)"
NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
PERCENT_RE = re.compile(rf"(?=[-−–\d.])(?<![\w,])(?<!\d\.)(?P<neg>(?<![\d%])[-−–])?(?P<v>{NUM}|(?<![\w.])\.\d+)\s*(?P<u>%|percent\b|per\s+cent\b|pct\b|"
                        rf"percentage\s+points?\b|percentage\b|per\s*mille\b|‰)")
PERCENT_RANGE_RE = re.compile(rf"(?=\d)(?<![\w.,$])(?P<v>{NUM})(?=\s*(?:-|–|—|~|to)\s*{NUM}\s*(?:%|percent\b|per\s+cent\b|"
                              rf"percentage\s+points?\b)|\s*(?:and|or)\s*{NUM}\s*percentage\s+points?\b"
                              # 60 or 65 percent, 5 and 6 per cent: one unit for both (not after a year or 1,000: 2019 and 5%)
                              rf"|(?<![\d,]\d\d\d)\s+(?:and|or)\s+\d{{1,3}}(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b))")
FRACTION_RE = re.compile(r"(\d(?<![\w/.,]\d)\d?)/(\d{1,3})(?![\w/]|\.\d)")
DIGIT_RE = re.compile(
    rf"(?=[-−\d])(?:(?<![\d_,])|(?<=\d,)(?=\d{{1,2}}[,\]\)]))(?<!\d\.)(?P<neg>(?<![\w\)])[-−])?(?P<v>{NUM})(?P<ord>st|nd|rd|th)?"
    rf"(?:\+?(?:\s*-\s*|\s+|(?=[a-z]))(?P<scale>{_SCALE})\b)?")

APPROX_WORDS = ("about around approximately approx. nearly almost roughly some more_than over less_than under "
                "close_to up_to at_least upwards_of an_estimated estimated just_over just_under fewer_than below "
                "above exceeding in_excess_of as_many_as as_much_as well_over nigh_on").split()
APPROX_WORDS = [w.replace("_", " ") for w in APPROX_WORDS]
APPROX_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, APPROX_WORDS)) + r")\s+(?:[$£€¥]|US\$|RMB\s?)?$",
                           re.IGNORECASE)
# The same pattern read backwards, for .match on the reversed text before a number: anchored at one
# place instead of tried at every position of the window (5x cheaper). `\n?` is `$` before a final newline.
APPROX_BEFORE_REVERSED = re.compile(r"\n?(?:[$£€¥]|\$SU|\s?BMR)?\s+(?:" + trie_pattern(
    [w[::-1].lower() for w in APPROX_WORDS]) + r")\b", re.IGNORECASE)
APPROX_AFTER = re.compile(r"^(?:\s+or so\b|-?plus\b|\+|\s+odd\b|\s+or more\b)", re.IGNORECASE)
IDENT_AFTER = re.compile(r"[A-Za-z]")
UNIT_SUFFIX = re.compile(r"(?:st|nd|rd|th|s|k|m|bn|mn|tn|km|kg|cm|mm|g|kW|MW|GW|t|h|am|pm|AM|PM|ft|mph|x|"
                         r"mg|ml|sq|min|hrs?|yrs?|kph|kmh|mm)\b")


def month_number(name: str) -> int:
    """January, Jan or Jan. -> 1."""
    name = name.rstrip(".")
    return MONTHS.get(name) or ABBR[name]


# What the two patterns need next to the number (a character test instead of a regex call): a space,
# a currency sign or the B of RMB before it; a space, -, p or + after it.
_APPROX_BEFORE_LAST = frozenset("$£€¥Bb")
_APPROX_AFTER_FIRST = frozenset("-pP+")


def _approx(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start] if start > 0 else ""
    after = text[end:end + 1]
    return bool((before.isspace() or before in _APPROX_BEFORE_LAST)
                and APPROX_BEFORE_REVERSED.match(text[max(0, start - 24):start][::-1])
                or (after.isspace() or after in _APPROX_AFTER_FIRST) and APPROX_AFTER.match(text[end:end + 8]))


NEGATIVE_WORD = re.compile(r"\b(?:negative|minus)\s+$", re.IGNORECASE)
LABEL_RE = re.compile(r"[A-Za-z][A-Za-z.\-]*-?$")


def _label(text: str, start: int) -> str:
    m = LABEL_RE.search(text[max(0, start - 12):start])
    return m.group().upper() if m else ""


MONEY_BEFORE = re.compile(r"(?:[$£€¥]|US\$|HK\$|RMB|USD|EUR|GBP|JPY|CNY)\s?$")
CURRENCY_BEFORE = re.compile(r"(?<![A-Za-z])(?:[A-Z]{3}|RMB)$|(?<![A-Za-z])(?:US|HK|NT|A|C|S)\$$")


LETTER_BEFORE = re.compile(r"[A-Za-z][-‐]?$")
REFERENCE_BEFORE = re.compile(r"(?:Fig|Table|[A-Za-z]{2,})\.$")
RANGE_BETWEEN = re.compile(r"\s*(?:-|–|to|and|or)\s*")
LETTERS = re.compile(r"[A-Za-z]+")


def _ident(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 4):start]
    if LETTER_BEFORE.search(before) and not CURRENCY_BEFORE.search(before):
        return True
    return bool(IDENT_AFTER.match(text, end) and not UNIT_SUFFIX.match(text, end))


def _dates(text: str, claims: _Claims, out: list[Quantity], has_digit: bool, runs: list[int]) -> None:
    months = [m.start() for m in MONTH_ANY.finditer(text)]
    if not months and not runs:
        return                                          # every date starts at a digit or a month name
    starts = {"digits": runs, "months": months}
    for (kind, rx), need, at in zip(DATE_RES, DATE_NEEDS, DATE_STARTS):
        if not (months if kind in ("mdy", "dmy", "my", "m") else has_digit) or not starts[at]:
            continue
        if need is not None and need not in text:
            continue
        if kind in ("mdy", "dmy", "my") and not has_digit:
            continue
        for m in matches_at(rx, text, starts[at]):
            if not claims.free(m.start(), m.end()):
                continue
            alt = None
            if kind == "ymd":
                parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif kind == "slash":
                a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                y = y + 2000 if y < 100 else y
                parts = (y, a, b)
                alt = (y, b, a) if a != b and b <= 12 else None
                if a > 12:
                    parts, alt = (y, b, a), None
            else:
                mon = m.group("mon")
                if kind == "m" and mon in ("May", "March") and not MONTH_CUE.search(text[max(0, m.start() - 12):m.start()]):
                    continue
                year = m.groupdict().get("year")
                day = m.groupdict().get("day")
                parts = (int(year) if year else None, month_number(mon), int(day) if day else None)
            if not (1 <= (parts[1] or 1) <= 12 and 1 <= (parts[2] or 1) <= 31):
                continue
            claims.take(m.start(), m.end())
            out.append(Quantity("date", None, m.start(), m.end(), m.group(), date=parts, alt=alt))


DIGIT_ANY = re.compile(r"\d")       # a class: the search runs in C
DIGIT_RUN = re.compile(r"\d\d*")     # starts with a class: scanned in C; where digit patterns can start


def any_digit(text: str) -> bool:
    """Does `text` hold a decimal digit (regex \\d)? Ten substring tests when it is ASCII (5x cheaper)."""
    if text.isascii():
        return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text
                or "6" in text or "7" in text or "8" in text or "9" in text)
    return DIGIT_ANY.search(text) is not None
AM_PM = re.compile(r"\d\s*[apAP]\.?[mM]")   # TIME_RE needs this, a ':' or "o'clock" (a class first: scanned in C)


def _times(text: str, claims: _Claims, out: list[Quantity], runs: list[int]) -> None:
    if ":" not in text and "o'clock" not in text and not AM_PM.search(text):
        return
    for m in matches_at(TIME_RE, text, runs):           # every branch starts at a run of digits
        if not claims.free(m.start(), m.end()):
            continue
        g = m.groupdict()
        hour = int(g["h"] or g["h2"] or g["h3"])
        minute = int(g["mi"] or g["mi2"] or 0) if (g["mi"] or g["mi2"]) else None
        pm = None
        if g["ap"]:
            pm = g["ap"][0].lower() == "p"
        claims.take(m.start(), m.end())
        out.append(Quantity("time", None, m.start(), m.end(), m.group(), date=(hour, minute, pm)))


def _value(raw: str) -> float:
    return float(raw.replace(",", ""))


def _signed(text: str, runs: list[int], signs: str) -> list[int]:
    """Where a number with an optional sign (and, when "." is among `signs`, a leading point) can start:
    the runs of digits and the one or two characters before them."""
    out = []
    for r in runs:
        if r > 1 and text[r - 1] == "." and text[r - 2] in signs and text[r - 2] != ".":
            out.append(r - 2)                           # -.5%
        if r and text[r - 1] in signs:
            out.append(r - 1)
        out.append(r)
    return out


def _percents(text: str, claims: _Claims, out: list[Quantity], runs: list[int]) -> None:
    # every percent pattern needs one of these literals; fractions need '/'
    per = "%" in text or "per" in text
    if not runs:                                        # long digit runs were masked: no number left
        return
    # a percent starts at a run of digits or at most 2 characters before it (-.5%), a range or a fraction
    # at a run of digits (see their lookbehinds)
    for m in (matches_at(PERCENT_RE, text, _signed(text, runs, "-−–."))
              if per or "pct" in text or "‰" in text else ()):
        if not claims.free(m.start(), m.end()):
            continue
        unit = m.group("u").lower()
        kind = "permille" if ("mille" in unit or unit == "‰") else "percent"
        value = _value(m.group("v")) * (-1 if m.group("neg") and m.start() == m.start("neg") and
                                         (m.start() == 0 or text[m.start() - 1] in " (") else 1)
        claims.take(m.start(), m.end())
        out.append(Quantity(kind, value, m.start(), m.end(), m.group(), approx=_approx(text, m.start(), m.end()),
                            place=place_of(m.group("v"))))
    for m in (matches_at(PERCENT_RANGE_RE, text, runs) if per else ()):
        if claims.free(m.start(), m.end()):
            claims.take(m.start(), m.end())
            out.append(Quantity("percent", _value(m.group("v")), m.start(), m.end(), m.group(),
                                place=place_of(m.group("v"))))
    for m in (matches_at(FRACTION_RE, text, runs) if "/" in text else ()):
        num, den = int(m.group(1)), int(m.group(2))
        if claims.free(m.start(), m.end()) and den and num < den:
            claims.take(m.start(), m.end())
            out.append(Quantity("fraction", num / den, m.start(), m.end(), m.group()))


FISCAL_RE = re.compile(r"(?=[Ff])\b(?:FY\s?'?|[Ff]iscal (?:year )?)(\d{2}|\d{4})\b")


YEAR_RANGE_RE = re.compile(r"((?:1(?<![\d,.]1)9|2(?<![\d,.]2)0)\d\d)\s?[-–—/]\s?(\d\d)(?![\d%])")
YEAR_RANGE_GATE = re.compile(r"[-–—/]")
NOT_A_YEAR = re.compile(r"\s*(?:thousand|million|billion|trillion|people|yuan|dollars|tons|km|meters)\b")


def _years(text: str, claims: _Claims, out: list[Quantity], runs: list[int]) -> None:
    for m in (matches_at(YEAR_RANGE_RE, text, runs) if YEAR_RANGE_GATE.search(text) else ()):   # 2019–20, 2007-08
        first = int(m.group(1))
        second = first // 100 * 100 + int(m.group(2))
        if second > first and claims.free(m.start(), m.end()):
            claims.take(m.start(), m.end())
            out.append(Quantity("year", float(first), m.start(1), m.end(1), m.group(1)))
            out.append(Quantity("year", float(second), m.start(2), m.end(2), m.group(2)))
    for m in (FISCAL_RE.finditer(text) if "FY" in text or "iscal " in text else ()):
        year = int(m.group(1))
        claims.take(m.start(), m.end())
        out.append(Quantity("year", float(year + 2000 if year < 100 else year), m.start(), m.end(), m.group()))
    for m in matches_at(YEAR_RE, text, runs):
        if claims.free(m.start(), m.end()) and not _ident(text, m.start(), m.end()):
            after = text[m.end():m.end() + 12]
            if NOT_A_YEAR.match(after):
                continue
            claims.take(m.start(), m.end())
            out.append(Quantity("year", float(m.group(1)), m.start(), m.end(), m.group()))


def _digits(text: str, claims: _Claims, out: list[Quantity], runs: list[int]) -> None:
    prev: Quantity | None = None
    prev_at = -1                                          # index of prev in out
    for m in matches_at(DIGIT_RE, text, _signed(text, runs, "-−")):   # not after a digit: at a run or its sign
        m_start, m_end = m.span()
        if not claims.free(m_start, m_end):
            continue
        sign, raw, ordsuf, scale_word = m.groups()       # all groups at once; spans only where needed
        v_start, v_end = m.span("v")
        if m_start and text[m_start - 1] == "." and not text[max(0, m_start - 3):m_start].lower() == "no.":
            if REFERENCE_BEFORE.search(text[max(0, m_start - 8):m_start]):
                claims.take(m_start, v_end)               # Fig.2, ARCoV.2: a reference or a name
                out.append(Quantity("cardinal", _value(raw), v_start, v_end, raw, ident=True))
            continue                                    # e.g. version.3 / U.S.5: glued to an abbreviation
        if text.startswith("s", v_end) and not ordsuf and len(raw) in (2, 4) and raw.endswith("0"):
            # the 1990s, in their 20s: a decade, matched loosely and never reported
            claims.take(v_start, v_end + 1)
            out.append(Quantity("year" if len(raw) == 4 else "cardinal", _value(raw), v_start,
                                v_end + 1, raw + "s", approx=True, vague=True))
            continue
        start = v_start
        neg = sign and (m_start == 0 or text[m_start - 1] in " (")
        if sign and not neg:
            start = v_start
        elif neg:
            start = m_start
        if scale_word in ("m", "k") and not MONEY_BEFORE.search(text[max(0, start - 5):start]):
            # 5m is five metres unless money: only $5m / £3k read as a scale
            scale_word = None
        scale = SCALES.get(scale_word.lower(), 1) if scale_word else 1
        end = m_end if scale_word else (m.end("ord") if ordsuf else v_end)
        value = round(_value(raw) * scale, 6) * (-1 if neg else 1)
        ident = _ident(text, v_start, v_end if not ordsuf else m.end("ord"))
        if start and text[start - 1].isspace() and NEGATIVE_WORD.search(text, max(0, start - 9), start):
            value = -value                              # negative 23, minus 5
        q = Quantity("ordinal" if ordsuf else "cardinal", value, start, end, text[start:end],
                     approx=_approx(text, start, end), place=place_of(raw, scale), ident=ident,
                     label=_label(text, v_start) if ident else "", unit=en_unit(text, end))
        # "3 to 5 million", "3-5 billion": the first end takes the second's scale
        if prev is not None and scale > 1 and prev.value is not None and prev.place is not None \
                and prev.place < scale and RANGE_BETWEEN.fullmatch(text[prev.end:start]):
            fixed = Quantity(prev.kind, prev.value * scale, prev.start, prev.end, prev.text, approx=prev.approx,
                             place=(prev.place or 1) * scale, ident=prev.ident)
            out[prev_at] = fixed
        claims.take(start, end)
        prev, prev_at = q, len(out)
        out.append(q)


IN_EVERY_RE = re.compile(r"(o(?<!\w[\s\S])ne|1(?<!\w[\s\S])) in (?:a |an |every )?(ten|five|four|three|hundred|thousand|million|(?!(?:1[5-9]|20)\d\d\b)\d+)\b")
IN_EVERY = {"ten": 10, "five": 5, "four": 4, "three": 3, "hundred": 100, "thousand": 1000, "million": 1e6}


def _in_every(text: str, claims: _Claims, out: list[Quantity]) -> None:
    if " in " not in text:
        return
    for m in IN_EVERY_RE.finditer(text):                 # one in a thousand, 1 in 5: a fraction
        den = IN_EVERY.get(m.group(2)) or float(m.group(2))
        if den and claims.free(m.start(), m.end()):
            claims.take(m.start(), m.end())
            out.append(Quantity("fraction", 1 / den, m.start(), m.end(), m.group(), words=True))


# two and a half million, three and a half (the words pass reads "two" and "a half" apart)
AND_A_HALF_RE = re.compile(rf"\b(?P<n>(?:{en_words._W})(?:[- ](?:{en_words._W}))?)\s+and\s+a\s+half\b"
                           rf"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?")
# per million, per thousand: the scale word alone stands for its value (每一百万 -> per million)
PER_SCALE_RE = re.compile(r"\bper\s+(hundred|thousand|million|billion)\b")


def _halves_and_scales(text: str, claims: _Claims, out: list[Quantity]) -> None:
    if " and a half" in text:
        for m in AND_A_HALF_RE.finditer(text):
            parsed = _parse_words(LETTERS.findall(m.group("n")))
            if parsed and parsed[0] == "cardinal" and claims.free(m.start(), m.end()):
                scale = WORD_SCALES[m.group("scale")] if m.group("scale") else 1
                claims.take(m.start(), m.end())
                out.append(Quantity("cardinal", (parsed[1] + 0.5) * scale, m.start(), m.end(), m.group(),
                                    words=True))
    if "per " in text:
        for m in PER_SCALE_RE.finditer(text):
            if claims.free(m.start(1), m.end(1)):
                claims.take(m.start(1), m.end(1))
                out.append(Quantity("cardinal", WORD_SCALES[m.group(1)], m.start(1), m.end(1), m.group(1),
                                    words=True))


# five of six patients, three out of four, one person in six, two in every five: a proportion
PROPORTION_GAP = re.compile(r" (?:out of|of(?: the| every| all)?|(?:[a-z]+ )?in(?: every| each)?) ")


def _proportions(text: str, out: list[Quantity]) -> None:
    """N of M read as the fraction N/M as well as two numbers (the spans are not claimed: 六分之一 finds
    "one person in six", 6名患者中的5名 still finds five and six). Only words: never reported as extra."""
    counts = sorted((q for q in out if q.kind == "cardinal" and q.value is not None and 0 < q.value < 1000
                     and q.value == int(q.value) and not q.ident), key=START)
    if len(counts) < 2:
        return
    found = {q.start for q in out if q.kind == "fraction"}  # one in ten: already read by _in_every
    for part, whole in zip(counts, counts[1:]):
        if part.value < whole.value and part.start not in found and PROPORTION_GAP.fullmatch(
                text, part.end, whole.start) and not text.startswith((".", ",", "%", " percent"), whole.end):
            out.append(Quantity("fraction", part.value / whole.value, part.start, whole.end,
                                text[part.start:whole.end], words=True))


def _words(text: str, claims: _Claims, out: list[Quantity]) -> None:
    for m in finditer_words(text):
        if not claims.free(m.start(), m.end()):
            continue
        # (hundreds of, dozens, millions of: never matched, a number word ends at a word boundary; the
        # test for them here, anchored with ^ at a position past 0, could not match and was dropped)
        parts = LETTERS.findall(m.group())
        if len(parts) > 1 and parts[-1].lower() in ("century", "centuries", "decade", "decades") and \
                parts[-2].lower() in {**ORD_UNITS, **ORD_TENS}:
            cut = m.start() + m.group().rfind(parts[-1])          # the twenty-first century: the ordinal only
            span_end = len(text[:cut].rstrip())
            parts = parts[:-1]
            parsed = _parse_words(parts)
            if parsed is not None:
                claims.take(m.start(), span_end)
                out.append(Quantity(parsed[0], parsed[1], m.start(), span_end, text[m.start():span_end],
                                    words=True))
            continue
        parsed = _parse_words(parts)
        if parsed is None and len(parts) > 1 and parts[0].lower() not in ("a", "an", "half"):
            # "two three-point shots", "one five-star": separate numbers, not one
            for w in LETTERS.finditer(m.group()):
                one = _parse_words([w.group()])
                if one is not None and w.group().lower() not in WORD_SCALES:
                    s0, e0 = m.start() + w.start(), m.start() + w.end()
                    claims.take(s0, e0)
                    out.append(Quantity(one[0], one[1], s0, e0, w.group(), words=True))
            continue
        if parsed is None:
            # a lone "a"/"an" prefix that did not form a number: retry without it
            if parts and parts[0].lower() in ("a", "an") and len(parts) > 1:
                parsed = _parse_words(parts[1:])
                start = m.start() + m.group().lower().index(parts[1].lower())
            if parsed is None:
                continue
        else:
            start = m.start()
        kind, value = parsed
        end = m.end()
        pct = PERCENT_WORD.match(text, end)
        if pct and kind == "cardinal":
            kind, end = "percent", pct.end()
        claims.take(start, end)
        out.append(Quantity(kind, value, start, end, text[start:end], words=True,
                            approx=_approx(text, start, end)))


def extract_en(text: str, words: bool = True) -> list[Quantity]:
    """All numbers, dates and times in an English text, in text order.

    `words=False` skips number words and month names (enough when the source has no numbers: only
    digits can be reported as extra), which is most of the cost on long sentences.
    """
    has_digit = any_digit(text)
    if not has_digit and not words:
        return []
    text = mask_long_digit_runs(text) if has_digit else text
    claims, out = _Claims(len(text)), []
    # one scan finds the runs of digits; the digit patterns are tried only there
    runs = [m.start() for m in DIGIT_RUN.finditer(text)] if has_digit else []
    if words or has_digit:
        _dates(text, claims, out, has_digit, runs)
    if words:
        _in_every(text, claims, out)
    if has_digit:
        _times(text, claims, out, runs)
        _percents(text, claims, out, runs)
        _years(text, claims, out, runs)
        _digits(text, claims, out, runs)
    if words:
        _halves_and_scales(text, claims, out)
        _words(text, claims, out)
        _proportions(text, out)
    out.sort(key=START)
    return out


def has_weekday(text: str) -> bool:
    return "day" in text and bool(WEEKDAY_RE.search(text))

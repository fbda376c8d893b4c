"""What number extraction yields: a `Quantity` with a comparable value, its kind and its span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

_LONG_DIGITS = re.compile(r"[0-9０-９][0-9０-９]{40,}")    # starts with a class: scanned in C
_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
_set = object.__setattr__          # a frozen dataclass refuses its own __setattr__
START = attrgetter("start")         # sort key of quantities in text order (no Python call per item)


def mask_long_digit_runs(text: str) -> str:
    """Runs of more than 40 digits are no quantity (IDs, hostile input) and make the number patterns
    quadratic (a 20,000-digit run took 190 s): they become '#' of the same length, so offsets stay."""
    if _DIGIT_CHARS.isdisjoint(text[40::41]):     # a run of 41 covers one of the positions 40, 81, 122 ...
        return text
    return _LONG_DIGITS.sub(lambda m: "#" * len(m.group()), text)

def matches_at(pattern: re.Pattern, text: str, starts):
    """The matches of pattern.finditer(text), for a pattern whose every match starts at one of `starts`
    (ascending positions, found by one cheap scan shared by several patterns): the pattern is tried only
    there, instead of at every position of the text (patterns that start with a lookahead, a lookbehind
    or \\b are tried at every position by their own search)."""
    end = 0
    for p in starts:
        if p >= end:
            m = pattern.match(text, p)
            if m:
                end = m.end()
                yield m


# cardinal 3, 79.8万 | ordinal 第6, 6th | percent 5%, 百分之五 | permille 千分之三 | fraction 三分之一
# year 2022年 | date (y, m, d) with parts missing | time (hour, minute)
KINDS = ("cardinal", "ordinal", "percent", "permille", "fraction", "year", "date", "time")


@dataclass(frozen=True)
class Quantity:
    kind: str
    value: float | None          # numeric value (scale applied); None for dates and times
    start: int                   # code-point span in the original text
    end: int
    text: str
    approx: bool = False         # 约/近/余/多/左右, about/nearly/more than: value is not exact
    words: bool = False          # written in words (Chinese numerals, "three"), not digits
    place: float | None = None   # value of the last significant digit shown (for rounding tolerance)
    date: tuple | None = None    # (year, month, day) or (hour, minute, half-day) for times; None = missing
    ident: bool = False          # part of a name or code (COVID-19, G20, A380): matched, never flagged
    vague: bool = False          # 几十, dozens, tens of thousands: no exact value
    alt: tuple | None = None     # the other reading of an ambiguous date (12/09/2022: Dec 9 or 12 Sep)
    label: str = ""              # for names and codes: the letters before the digits (SARS-CoV-, PD-)
    article: bool = False        # 1 before a classifier (1名, 1小时): may become "a"/"an"
    inferred: bool = False       # a day (18日) whose month comes from earlier in the segment
    unit: str = ""               # a measurement unit right after the number (mu, ha, km, mile, kg ...)

    # Written out instead of dataclass's generated __init__, which sets each field of a frozen class
    # through object.__setattr__ (twice as slow; extraction builds a Quantity per number found).
    # Same parameters and defaults as the fields above (tests/test_numbers_speed.py checks). Only the
    # fields that differ from their default go into the instance's __dict__: the others are read from
    # the class (where dataclass leaves the defaults), which is the same value for every reader
    # (attributes, ==, hash, repr, dataclasses.replace, pickle) and a smaller dict to build and free.
    def __init__(self, kind, value, start, end, text, approx=False, words=False, place=None, date=None,
                 ident=False, vague=False, alt=None, label="", article=False, inferred=False, unit=""):
        fields = {"kind": kind, "value": value, "start": start, "end": end, "text": text}
        if approx is not False:
            fields["approx"] = approx
        if words is not False:
            fields["words"] = words
        if place is not None:
            fields["place"] = place
        if date is not None:
            fields["date"] = date
        if ident is not False:
            fields["ident"] = ident
        if vague is not False:
            fields["vague"] = vague
        if alt is not None:
            fields["alt"] = alt
        if label != "" or type(label) is not str:
            fields["label"] = label
        if article is not False:
            fields["article"] = article
        if inferred is not False:
            fields["inferred"] = inferred
        if unit != "" or type(unit) is not str:
            fields["unit"] = unit
        _set(self, "__dict__", fields)

    def moved(self, start: int, end: int, text: str) -> Quantity:
        """The same quantity at another span (what dataclasses.replace gives, at a fraction of its cost)."""
        return self._with({"start": start, "end": end, "text": text})

    def as_ident(self) -> Quantity:
        """The same quantity marked as part of a name or code (dataclasses.replace(q, ident=True))."""
        return self._with({"ident": True})

    def as_vague(self) -> Quantity:
        """The same quantity marked as having no exact value to hold a translation to (replace(q, vague=True))."""
        return self._with({"vague": True})

    def _with(self, fields: dict) -> Quantity:
        q = object.__new__(Quantity)
        _set(q, "__dict__", {**self.__dict__, **fields})
        return q

    def describe(self) -> str:
        """The value as an English reader would compare it: `798,000`, `12%`, `2022-12-09`."""
        if self.kind == "date":
            y, m, d = self.date
            return "-".join("??" if p is None else (f"{p:04d}" if i == 0 else f"{p:02d}")
                            for i, p in enumerate((y, m, d)) if not (i == 0 and p is None))
        if self.kind == "time":
            h, mi = self.date[0], self.date[1]
            return f"{h}:{(mi or 0):02d}"
        v = self.value
        if self.kind == "percent":
            return f"{fmt(v)}%"
        if self.kind == "permille":
            return f"{fmt(v)}‰"
        if self.kind == "ordinal":
            return ordinal_suffix(int(v)) if v == int(v) else fmt(v)
        if self.kind == "year":
            return str(int(v))
        return f"{fmt(v)} {self.unit}" if self.unit else fmt(v)


def fmt(v: float) -> str:
    """798000 -> `798,000`; 1.5e8 -> `150,000,000 (150 million)`; 0.333.. -> `0.333`; 2e16 -> `2e+16`."""
    if not abs(v) < 1e16:              # past float's exact integers (and inf, nan): no digit-by-digit form
        return f"{v:.6g}"
    if v == int(v):
        s = f"{int(v):,}"
        for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(v) >= scale:
                s += f" ({fmt_short(v / scale)} {name})"
                break
        return s
    if abs(v) >= 1e6:
        return fmt(round(v))
    return f"{v:,.6f}".rstrip("0").rstrip(".")


def fmt_short(v: float) -> str:
    return f"{v:.6f}".rstrip("0").rstrip(".")


def ordinal_suffix(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def place_of(digits: str, scale: float = 1.0) -> float:
    """Value of the last significant digit of a numeral as written: `486.9`->0.1, `300`->100."""
    digits = digits.replace(",", "")
    if "." in digits:
        return scale * 10.0 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    return scale * 10.0 ** (len(digits) - len(stripped)) if stripped else scale


class Claims:
    """Spans of a text already taken by an extracted quantity, so later patterns skip them.

    A byte per character of the text marks taken positions, so `free` costs the span's length instead
    of the number of spans taken so far (that was quadratic on a segment dense with numbers). A query
    that is empty or reaches outside the text is compared with every span taken, as before.
    """

    __slots__ = ("mask", "spans", "odd")

    def __init__(self, size: int = 0):
        self.mask = bytearray(size)
        self.spans: list[tuple[int, int]] = []
        self.odd = False            # a span taken that the mask cannot hold (empty or outside the text)

    def free(self, start: int, end: int) -> bool:
        if 0 <= start < end <= len(self.mask) and not self.odd:
            return self.mask.find(1, start, end) < 0
        return all(end <= s or start >= e for s, e in self.spans)

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        if 0 <= start < end <= len(self.mask):
            self.mask[start:end] = b"\x01" * (end - start)
        else:
            self.odd = True

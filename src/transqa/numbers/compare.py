"""Align the numbers of a source and its translation: what matches, what is missing, changed or added.

Matching is by value and kind. Tolerance is where a professional translator has it: rounding to the
precision the target shows (4868.8亿 -> 486.9 billion), about 10% when either side says the value is
approximate and the target is the rounder number (约3.02亿 -> about 300 million), small numbers
written as Chinese words (一个, 两国, 第一) may become articles or vanish (a, both, first time).
Strict where errors hurt: changed digits, wrong scale, a different date.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from transqa.numbers.en import MONTH_ANY, month_number
from transqa.numbers.model import Quantity
from transqa.numbers.units import converted

DATEISH = ("date", "year", "time")
# Kinds that may stand for each other when no same-kind match exists (second pass).
LOOSE = {("cardinal", "ordinal"), ("ordinal", "cardinal"), ("year", "cardinal"), ("cardinal", "year"),
         ("fraction", "percent"), ("percent", "fraction"), ("permille", "percent"), ("percent", "permille"),
         ("permille", "fraction"), ("fraction", "permille"),
         ("fraction", "cardinal"), ("cardinal", "fraction")}
_PER = {"percent": 100.0, "permille": 1000.0, "fraction": 1.0}


@dataclass
class Alignment:
    source: list[Quantity]
    target: list[Quantity]
    missing: list[Quantity] = field(default_factory=list)                      # source side
    mismatched: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # (source, target)
    extra: list[Quantity] = field(default_factory=list)                        # target side
    date_mismatched: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    date_missing: list[Quantity] = field(default_factory=list)


def close(a: float, b: float, *, place: float | None = None, approx: bool = False, rel: float = 0.1,
          source_place: float | None = None, step: float | None = None) -> bool:
    """Equal, equal after rounding `a` to the target's shown precision (within 1%), or near if approximate.

    Near is within `rel` and, when `step` (what `b` is rounded to, `roundness`) is given, within half a
    step and with fewer significant digits: 约3.02亿 -> about 300 million, but not 约15英尺 -> about 16
    feet (16 is no rounder than 15) nor 约9% -> about 10% (9 is as round as 10).
    Exact counts below 1,000 are never rounded (99 countries -> 100 countries is a changed number).

    A target that shows more digits than the source (7.85 -> 7.855, 100多 -> 102) must be equal: the
    translator did not round, so a difference is a changed number.
    """
    if a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0):
        return True
    if place and source_place and place < source_place * 0.999:
        return False
    limit = max(abs(a), abs(b))
    if place and place > 0 and abs(a - b) <= 0.01 * limit and not (abs(a) < 1000 and a == int(a)):
        if abs(round(a / place) * place - b) <= place * 1e-6:
            return True
    return approx and abs(a - b) <= rel * limit and (
        step is None or (abs(a - b) <= 0.5 * step * (1 + 1e-9) and significant_digits(b) < significant_digits(a)))


def significant_digits(x: float) -> int:
    """9 -> 1, 24 -> 2, 3.02亿 -> 3, 0.53 -> 2: a rounded number shows fewer than its source (about 9% is
    not about 10%, 24% not 25%, but about 302 million may be about 300 million)."""
    return len(format(abs(x), ".12g").replace(".", "").strip("0")) or 1


def roundness(b: float, place: float | None) -> float:
    """The step `b` is rounded to, as written: 300 million -> 100 million, 1.5 million -> 500,000, 16 -> 1."""
    step = place or 1.0
    if not b or not math.isfinite(b):
        return step
    while _multiple(b, step * 10) and step < 1e15:
        step *= 10
    return step * 5 if _multiple(b, step * 5) else step


def _multiple(b: float, step: float) -> bool:
    q = b / step
    return abs(q - round(q)) <= 1e-6


def _tolerance(s: Quantity, t: Quantity) -> float:
    """10% when one side is approximate, 20% when both are (大约四十 -> about four dozen)."""
    return 0.2 if (s.approx or s.vague) and t.approx else 0.1


def _value_in(q: Quantity, kind: str) -> float | None:
    """The value of `q` expressed in `kind`'s unit (12% -> 0.12 as a fraction)."""
    if q.value is None:
        return None
    if q.kind in _PER and kind in _PER:
        return q.value / _PER[q.kind] * _PER[kind]
    return q.value


def dates_agree(a: tuple, b: tuple, alt: tuple | None = None) -> bool:
    """Shared parts equal; a month-and-day source is not confirmed by the month alone (April 3 vs April)."""
    for cand in (b, alt) if alt else (b,):
        shared = [(x, y) for x, y in zip(a, cand) if x is not None and y is not None]
        if a[2] is not None and a[1] is not None and cand[2] is None and cand[1] is not None:
            continue
        if shared and all(x == y for x, y in shared):
            return True
    return False


def _times_agree(a: tuple, b: tuple) -> bool:
    (h1, m1, _), (h2, m2, _) = a, b
    if (m1 or 0) != (m2 or 0) and m1 is not None and m2 is not None:
        return False
    return h1 % 12 == h2 % 12


def matches(s: Quantity, t: Quantity, loose: bool = False) -> bool:
    """Does target `t` stand for source `s`? `loose` also pairs related kinds (LOOSE, a time and its hour,
    a date and its day): every strict match is a loose match too."""
    sk, tk = s.kind, t.kind
    if sk == "time" or tk == "time":
        if sk == tk:
            return _times_agree(s.date, t.date)
        tm, other = (s, t) if sk == "time" else (t, s)
        return loose and other.kind == "cardinal" and not tm.date[1] and other.value == tm.date[0]
    if sk == "date" or tk == "date":
        if sk == tk:
            return dates_agree(s.date, t.date, t.alt)
        d, other = (s, t) if sk == "date" else (t, s)
        if other.kind == "year":
            if d is s and d.date[1] is not None:
                return False                        # 2017年12月25日 is not confirmed by "2017" alone
            return d.date[0] is not None and d.date[0] == other.value
        if loose and other.kind in ("cardinal", "ordinal"):
            y, m, day = d.date
            if day is not None and m is not None and not d.inferred:
                return False                        # 9月30日 is not confirmed by "the 30th" alone
            return other.value in (day, m if day is None else None) and y is None
        return False
    if sk != tk and not (loose and (sk, tk) in LOOSE):
        return False
    if t.ident and not s.ident and 0 < len(t.label.rstrip("-")) < 5 and abs(s.value or 0) < 10:
        return False                                # 2 in the source is not the 2 of ACE2 (鹰击83 is YJ-83)
    if s.ident and t.words and len(s.label.rstrip("-")) > 1:
        return False                                # the 1 of PD-1 is not "first", the 2 of SARS-CoV-2 not "two"
    if sk == "year" or tk == "year":
        return s.value == t.value
    a = _value_in(s, tk)
    if a is None or t.value is None:
        return False
    conv = converted(a, s.unit, t.unit) if sk == "cardinal" and s.unit and t.unit else None
    if conv is not None:                            # 7.5万亩 -> 5,000 hectares: rounded conversions
        return close(conv, t.value, approx=True, rel=0.05)
    approx = s.approx or t.approx or s.vague
    return close(a, t.value, place=t.place, approx=approx, rel=_tolerance(s, t),
                 source_place=s.place if sk == tk else None,
                 step=roundness(t.value, t.place) if approx and not t.words else None)


def inside_proportions(target: list[Quantity], used: set[int]) -> set[int]:
    """Target numbers inside a matched proportion (the five and six of "five of six" standing for 5/6):
    explained by it, so neither reported nor paired with another source number."""
    spans = [(t.start, t.end) for i, t in enumerate(target) if i in used and t.kind == "fraction" and t.words
             and " " in t.text]
    if not spans:
        return set()
    return {i for i, t in enumerate(target) if i not in used and any(a <= t.start and t.end <= b for a, b in spans)}


def soft(q: Quantity) -> bool:
    """A source number a translator may leave implicit: 一个 -> a, 两国 -> both, 第一时间 -> at once."""
    if q.ident or q.vague:
        return True
    if q.kind == "cardinal" and ((q.value == 0 and q.words) or q.article):
        return True                                  # 1名 -> a, 1小时 -> an hour
    if q.words and q.kind in ("cardinal", "ordinal", "fraction") and q.value is not None and q.value <= 10:
        return True
    return q.words and q.kind == "percent" and q.value == 100


def reportable_extra(q: Quantity) -> bool:
    """A target number worth reporting when the source has nothing like it: digits, not a name or a year."""
    return (not q.words and not q.ident and not q.vague and q.kind in ("cardinal", "percent", "permille", "fraction")
            and q.value is not None and abs(q.value) > 1)


def _gap(s: Quantity, t: Quantity) -> float:
    a, b = _value_in(s, t.kind), t.value
    if s.kind != t.kind and (s.kind, t.kind) not in LOOSE:
        a = s.value
    if a is None or b is None or a <= 0 or b <= 0:
        return math.inf
    return abs(math.log(a / b))


# Above this many source x target pairs, align through indexes (align_index.py): same result, not quadratic.
INDEXED_ABOVE = 400            # 20 x 20: below it, pairs are cheaper than building the indexes


def align(source: list[Quantity], target: list[Quantity], *,
          target_weekday: bool = False, target_text: str = "") -> Alignment:
    if len(source) * len(target) > INDEXED_ABOVE:
        from transqa.numbers.align_index import align_indexed
        return align_indexed(source, target, target_weekday=target_weekday,
                             target_text=target_text)
    return align_pairs(source, target, target_weekday=target_weekday,
                       target_text=target_text)



def _unmatched_date(s: Quantity, free_dates, target_weekday: bool, result: Alignment,
                    target_text: str = "") -> None:
    """A source date no target date matched: a mismatch when a free target date of its kind conflicts
    with it, else missing (unless it names a day and the target has a weekday instead: 9月28日 -> on
    Friday; not when the target still names the month, which then lost its day: September some)."""
    rival = next((t for t in free_dates if t.kind == s.kind and _conflicts(s, t)), None)
    if rival is not None:
        result.date_mismatched.append((s, rival))
    elif not (target_weekday and s.kind == "date" and s.date[2] is not None
              and not (s.date[1] and _names_month(target_text, s.date[1]))):
        result.date_missing.append(s)


def _names_month(text: str, month: int) -> int:
    """How many times `text` names the month: September, Sept. or Sep."""
    return sum(1 for m in MONTH_ANY.finditer(text) if month_number(m.group()) == month)


def align_pairs(source: list[Quantity], target: list[Quantity], *,
                target_weekday: bool = False, target_text: str = "") -> Alignment:
    """Every source number against every target number: the reference `align_indexed` must equal."""
    result = Alignment(source, target)
    used: set[int] = set()
    unmatched: list[Quantity] = []
    # strong numbers (digits, not soft) pick their match first, so 一支 does not take the 1 of 1银
    pending = sorted(source, key=lambda q: soft(q) or q.words or q.vague) if len(source) > 1 else source
    # each target number explains one source number: exact kinds first, then loose kinds
    # (plain loops, not next() over a generator per source number: this runs for every segment)
    for loose in (False, True):
        rest = []
        for s in pending:
            for i, t in enumerate(target):
                if i not in used and matches(s, t, loose):
                    used.add(i)
                    break
            else:
                rest.append(s)
        pending = rest
    for s in pending:
        repeated = any(matches(s, t, True) for t in target)     # loose matches include the strict ones
        if repeated and said_once_for_all(s, source, target, target_text):
            continue
        unmatched.append(s)                         # 11辆 ... 11个 -> 11 ambulances ... some teams
    # a target number counts as explained when any source number matches it
    if len(used) < len(target):
        used |= inside_proportions(target, used)
    free = [t for i, t in enumerate(target) if i not in used
            and not any(matches(s, t, True) for s in source)] if len(used) < len(target) else []
    if not free and not unmatched:
        return result                               # the usual segment: every number explained
    free_dates = [t for t in free if t.kind in DATEISH]
    free_nums = [t for t in free if t.kind not in DATEISH and not t.ident]
    for s in unmatched:
        if s.ident:
            rival = changed_code(s, source, target)
            if rival is not None:                   # SARS-CoV-2 -> SARS-CoV-4: a changed code
                result.mismatched.append((s, rival))
            elif lost_its_number(s, target_text):
                result.missing.append(s)            # COVID-19 -> COVID-some: the code lost its number
            continue
        if s.kind in DATEISH:
            _unmatched_date(s, free_dates, target_weekday, result, target_text)
            continue
        if soft(s):
            continue
        # any number kind may pair as a mismatch (12% vs 12 times); matching above stays kind-strict
        cands = [t for t in free_nums if not (t.words and (t.value or 0) <= 1)]
        if cands:
            best = min(cands, key=lambda t: (_gap(s, t), t.words))
            free_nums.remove(best)
            result.mismatched.append((s, best))
        else:
            result.missing.append(s)
    result.extra = [t for t in free_nums if reportable_extra(t)]
    # a target date that no source date explains but that contradicts one: October 1 ... October 2
    reported = {id(t) for _, t in result.date_mismatched}
    for t in free_dates:
        if id(t) in reported or t.kind != "date":
            continue
        rival = next((s for s in source if s.kind == "date" and _conflicts(s, t)
                      and s.date[1] is not None and s.date[1] == t.date[1]), None)
        if rival is not None:
            result.date_mismatched.append((rival, t))
    return result


def same_label(a: str, b: str) -> bool:
    """Codes with the same letters before the number: IL- and ANTI-IL- (Anti-IL-6), not IL- and L-."""
    if a == b:
        return bool(a)
    short, long = sorted((a, b), key=len)
    return len(short) > 1 and long.endswith(short) and long[-len(short) - 1] in "-."


def changed_code(s: Quantity, source: list[Quantity], target: list[Quantity]) -> Quantity | None:
    """The first target code with the letters of code `s` and another number that no source number
    explains (SARS-CoV-2 -> SARS-CoV-4; the source says COVID-19 twice, the target COVID-19 and COVID-21)."""
    return next((t for t in target if t.ident and same_label(t.label, s.label) and t.value != s.value
                 and not any(matches(s2, t) for s2 in source)), None)


def said_once_for_all(s: Quantity, source: list[Quantity], target: list[Quantity], target_text: str) -> bool:
    """May source number `s`, which some target number already matches, go without a rendering of its
    own? A number in words, a vague one, a year: yes. Another date or a time: unless the target lost a
    month-and-day's day in one mention (`_full_day`). A code: unless the target lost or changed its
    number in one mention. A plain number: no (11辆 ... 11个 -> 11 ambulances ... some teams)."""
    return bool((s.kind in DATEISH and not _full_day(s, source, target_text))
                or (s.ident and not lost_its_number(s, target_text) and changed_code(s, source, target) is None)
                or s.vague or s.words or _yearlike(s))


def lost_its_number(s: Quantity, target_text: str) -> bool:
    """The target keeps the code's letters with no number after them: COVID-19 -> COVID-some."""
    return (s.label.endswith("-") and len(s.label) > 2 and bool(target_text)
            and re.search(re.escape(s.label) + r"(?![\d\s])", target_text, re.IGNORECASE) is not None)


def _full_day(q: Quantity, source: list[Quantity], target_text: str) -> bool:
    """A month and day the source gives more than once, and the target names that month as often: one
    mention lost its day (`September some ... September 30` for 9月30日 ... 9月30日). A target that says
    the date once for all (`Fuzhou, Oct. 1 -- The regulation took effect`, `between 31 December and that
    date`) passes; so do repeated years and times."""
    if q.kind != "date" or q.date[1] is None or q.date[2] is None or q.inferred:
        return False
    given = sum(1 for s in source if s.kind == "date" and s.date[1:] == q.date[1:])
    named = _names_month(target_text, q.date[1])
    return given > 1 and named >= given


def _yearlike(q: Quantity) -> bool:
    return q.value is not None and q.value == int(q.value) and 1900 <= q.value <= 2100


def _conflicts(s: Quantity, t: Quantity) -> bool:
    """Two dates (or years, or times) that say the same kind of thing differently."""
    if s.kind == "date":
        shared = [i for i in range(3) if s.date[i] is not None and t.date[i] is not None]
        return bool(shared) and any(s.date[i] != t.date[i] for i in shared)
    return True

"""`compare.align` for segments with many numbers: the same result without comparing every pair.

`compare.align` tries each source number against each target number, which took seconds to minutes
on a 20,000-character segment dense with numbers. Here target numbers are grouped into classes of
equal comparison fields (a class is compared once) and indexed by what a match needs: the value
within 26% (tolerances are at most 20%), the same year, hour, or date parts. Only the classes an
index returns are compared with `matches`, so every decision is still `matches`' own; the order of
choices (first unused target, nearest mismatch by value, earliest on ties) is kept exactly.
tests/test_numbers_align_index.py checks it against `compare.align` on random quantities.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import deque

from transqa.numbers.compare import (DATEISH, LOOSE, Alignment, _conflicts, _gap, _unmatched_date, _value_in,
                                     inside_proportions, lost_its_number, matches, reportable_extra, said_once_for_all,
                                     same_label, soft)
from transqa.numbers.model import Quantity
from transqa.numbers.units import converted

_MASKS = range(1, 8)          # which of (year, month, day) are given, as bits


def _fields(q: Quantity) -> tuple:
    """Everything `matches` reads of a quantity (not its span or text)."""
    return (q.kind, q.value, type(q.value), q.date, q.alt, q.inferred, q.ident, q.label, q.unit, q.place,
            q.approx, q.vague)


def _mask(date: tuple) -> int:
    return sum(1 << i for i in range(3) if date[i] is not None)


def _parts(date: tuple, mask: int) -> tuple:
    return tuple(date[i] for i in range(3) if mask >> i & 1)


class _Targets:
    """Classes of target quantities and the indexes that find the classes a source number may match."""

    def __init__(self, target: list[Quantity]):
        self.cls: list[int] = []                 # class of each target position
        self.rep: list[Quantity] = []            # one quantity per class
        self.positions: list[list[int]] = []     # positions of each class, ascending
        ids: dict[tuple, int] = {}
        for i, t in enumerate(target):
            c = ids.setdefault(_fields(t), len(ids))
            if c == len(self.rep):
                self.rep.append(t)
                self.positions.append([])
            self.cls.append(c)
            self.positions[c].append(i)
        self.keys: dict[tuple, list[int]] = {}   # exact keys -> classes
        self.groups: dict[tuple, tuple] = {}     # (kind, unit, approx, place) -> (sorted values, classes, others)
        numeric: dict[tuple, list] = {}
        for c, t in enumerate(self.rep):
            if t.kind == "time":
                self._key(("time", t.date[0] % 12), c)
                if not t.date[1]:
                    self._key(("hour", t.date[0]), c)
            elif t.kind == "date":
                for cand in (t.date, t.alt) if t.alt else (t.date,):
                    own = _mask(cand)
                    for asked in _MASKS:
                        if asked & own:
                            self._key(("date", asked, own, _parts(cand, asked & own)), c)
                if t.date[0] is not None:
                    self._key(("date-year", t.date[0]), c)
                y, m, day = t.date
                if y is None and not (day is not None and m is not None and not t.inferred):
                    for x in {day, m if day is None else None}:
                        self._key(("date-number", x), c)
            else:
                self._key(("value", t.kind, t.value), c)
                numeric.setdefault((t.kind, t.unit, t.approx, _place(t.place)), []).append(c)
        for group, classes in numeric.items():
            finite = sorted((self.rep[c].value, c) for c in classes
                            if isinstance(self.rep[c].value, (int, float)) and math.isfinite(self.rep[c].value))
            rest = [c for c in classes if not (isinstance(self.rep[c].value, (int, float))
                                               and math.isfinite(self.rep[c].value))]
            self.groups[group] = ([v for v, _ in finite], [c for _, c in finite], rest)

    def _key(self, key: tuple, c: int) -> None:
        self.keys.setdefault(key, []).append(c)

    def candidates(self, s: Quantity, loose: bool) -> set[int]:
        """A superset of the classes `matches(s, t, loose)` can be true for."""
        found: set[int] = set()
        get = self.keys.get
        if s.kind == "time":
            found.update(get(("time", s.date[0] % 12), ()))
            if loose and not s.date[1]:
                found.update(get(("value", "cardinal", s.date[0]), ()))
            return found
        if s.kind == "date":
            asked = _mask(s.date)
            for own in _MASKS:
                if asked & own:
                    found.update(get(("date", asked, own, _parts(s.date, asked & own)), ()))
            if s.date[0] is not None and s.date[1] is None:
                found.update(get(("value", "year", s.date[0]), ()))
            y, m, day = s.date
            if loose and y is None and not (day is not None and m is not None and not s.inferred):
                for x in (day, m if day is None else None):
                    found.update(get(("value", "cardinal", x), ()))
                    found.update(get(("value", "ordinal", x), ()))
            return found
        if loose and s.kind == "cardinal":
            found.update(get(("hour", s.value), ()))
        if s.kind == "year":
            found.update(get(("date-year", s.value), ()))
        if loose and s.kind in ("cardinal", "ordinal"):
            found.update(get(("date-number", s.value), ()))
        for (kind, unit, approx, place), (values, classes, rest) in self.groups.items():
            if s.kind != kind and not (loose and (s.kind, kind) in LOOSE):
                continue
            if s.kind == "year" or kind == "year":
                found.update(get(("value", kind, s.value), ()))
                continue
            a = _value_in(s, kind)
            if a is None:
                continue
            conv = converted(a, s.unit, unit) if s.kind == "cardinal" else None
            x = conv if conv is not None else a
            found.update(rest)
            if not (isinstance(x, (int, float)) and math.isfinite(x)):
                found.update(classes)
                continue
            d = _reach(x, conv is not None, s.approx or s.vague, approx, place)
            found.update(classes[bisect_left(values, x - d):bisect_right(values, x + d)])
        return found


def _place(place) -> float | str | None:
    """A target's shown precision as `close` uses it: a positive number, None (exact only), or "any"."""
    if not place:
        return None
    return place if isinstance(place, (int, float)) and 0 < place < math.inf else "any"


def _reach(x: float, converted_: bool, source_approx: bool, target_approx: bool, place) -> float:
    """How far from x a target value can be and still be `close`, widened for float rounding.

    close(x, b) needs |x - b| <= rel * max(|x|, |b|) (so b within x +- rel/(1-rel) |x|) with rel 5% for a
    unit conversion, 20% or 10% when approximate; 1% and half the shown precision for rounding; else
    |x - b| <= 1e-9 * max(|x|, |b|, 1).
    """
    slack = 2e-9 * max(1.0, abs(x))
    if converted_:
        return 0.06 * abs(x) + slack
    if source_approx or target_approx:
        return (0.26 if source_approx and target_approx else 0.12) * abs(x) + slack
    if place is None:
        return slack
    rounding = 0.0102 * abs(x)
    return (rounding if place == "any" else min(rounding, 0.51 * place)) + slack


def align_indexed(source: list[Quantity], target: list[Quantity], *,
                  target_weekday: bool = False, target_text: str = "") -> Alignment:
    result = Alignment(source, target)
    index = _Targets(target)
    memo: dict[tuple, bool] = {}
    source_cls: dict[tuple, int] = {}
    s_ids = [source_cls.setdefault(_fields(s), len(source_cls)) for s in source]
    sid = {id(s): c for s, c in zip(source, s_ids)}

    def match(s: Quantity, c: int, loose: bool) -> bool:
        key = (sid[id(s)], c, loose)
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = matches(s, index.rep[c], loose=loose)
        return hit

    cands: dict[tuple, set[int]] = {}

    def candidates(s: Quantity, loose: bool) -> set[int]:
        key = (sid[id(s)], loose)
        found = cands.get(key)
        if found is None:
            found = cands[key] = index.candidates(s, loose)
        return found

    used: set[int] = set()
    pointer = [0] * len(index.rep)              # first unused position of each class
    unmatched: list[Quantity] = []
    pending = sorted(source, key=lambda q: soft(q) or q.words or q.vague)
    for loose in (False, True):
        rest = []
        for s in pending:
            best, best_c = None, -1
            for c in candidates(s, loose):
                p = pointer[c]
                if p < len(index.positions[c]) and (best is None or index.positions[c][p] < best) \
                        and match(s, c, loose):
                    best, best_c = index.positions[c][p], c
            if best is None:
                rest.append(s)
            else:
                used.add(best)
                pointer[best_c] += 1
        pending = rest

    def either(s: Quantity) -> set[int]:
        return candidates(s, False) | candidates(s, True)

    for s in pending:
        repeated = any(match(s, c, False) or match(s, c, True) for c in either(s))
        if repeated and said_once_for_all(s, source, target, target_text):
            continue
        unmatched.append(s)
    explained: set[int] = set()
    strict: set[int] = set()
    first_of_class: dict[int, Quantity] = {}
    for s in source:
        first_of_class.setdefault(sid[id(s)], s)
    for s in first_of_class.values():
        for c in either(s):
            if match(s, c, False):
                strict.add(c)
                explained.add(c)
            elif match(s, c, True):
                explained.add(c)
    used |= inside_proportions(target, used)
    free = [t for i, t in enumerate(target) if i not in used and index.cls[i] not in explained]
    free_dates = [t for t in free if t.kind in DATEISH]
    free_nums = [t for t in free if t.kind not in DATEISH and not t.ident]
    nearest = _Nearest([t for t in free_nums if not (t.words and (t.value or 0) <= 1)])
    taken: set[int] = set()                       # ids of free_nums paired as a mismatch
    rivals: dict[str, list[tuple[int, Quantity]]] = {}
    for i, t in enumerate(target):
        if t.ident and t.label and index.cls[i] not in strict:
            rivals.setdefault(t.label, []).append((i, t))
    for s in unmatched:
        if s.ident:
            found = [(i, t) for label, codes in rivals.items() if same_label(label, s.label)
                     for i, t in codes if t.value != s.value]
            rival = min(found, key=lambda it: it[0])[1] if found else None   # the first in the target
            if rival is not None:
                result.mismatched.append((s, rival))
            elif lost_its_number(s, target_text):
                result.missing.append(s)
            continue
        if s.kind in DATEISH:
            _unmatched_date(s, free_dates, target_weekday, result, target_text)
            continue
        if soft(s):
            continue
        best = nearest.pop(s)
        if best is not None:
            taken.add(id(best))
            result.mismatched.append((s, best))
        else:
            result.missing.append(s)
    result.extra = [t for t in free_nums if id(t) not in taken and reportable_extra(t)]
    reported = {id(t) for _, t in result.date_mismatched}
    by_month: dict = {}
    for s in source:                              # the first source of each date, by month, in order
        if s.kind == "date" and s.date[1] is not None:
            by_month.setdefault(s.date[1], {}).setdefault(s.date, s)
    rival_of: dict[tuple, Quantity | None] = {}
    for t in free_dates:
        if id(t) in reported or t.kind != "date":
            continue
        if t.date not in rival_of:
            rival_of[t.date] = next((s for s in by_month.get(t.date[1], {}).values() if _conflicts(s, t)), None)
        rival = rival_of[t.date]
        if rival is not None:
            result.date_mismatched.append((rival, t))
    return result


class _Nearest:
    """The free target number nearest a source number by `_gap`, then digits before words, then the
    earliest: `min(candidates, key=(_gap, words))` of `compare.align` without scanning them all.
    Targets of one kind sit in slots by value (sorted, with their logarithms); a query looks only at
    the values nearest in log, and at the first target of each slot."""

    def __init__(self, targets: list[Quantity]):
        self.order = {id(t): i for i, t in enumerate(targets)}
        # kind -> (sorted log values, sorted values, {value: (digit targets, word targets)}, (no-gap digits, words))
        self.kinds: dict[str, tuple] = {}
        for t in targets:
            logs, values, slots, never = self.kinds.setdefault(t.kind, ([], [], {}, (deque(), deque())))
            v = t.value
            if v is None or not v > 0 or not math.isfinite(v):
                never[1 if t.words else 0].append(t)      # its gap to anything is inf
                continue
            if v not in slots:
                slots[v] = (deque(), deque())
                k = bisect_left(values, v)
                values.insert(k, v)
                logs.insert(k, math.log(v))
            slots[v][1 if t.words else 0].append(t)

    def pop(self, s: Quantity) -> Quantity | None:
        best_key, best = None, None
        for kind, (logs, values, slots, never) in self.kinds.items():
            for t in self._candidates(s, kind, logs, values, slots, never):
                key = (_gap(s, t), t.words, self.order[id(t)])
                if best_key is None or key < best_key:
                    best_key, best = key, t
        if best is not None:
            self._remove(best)
        return best

    @staticmethod
    def _candidates(s: Quantity, kind: str, logs: list, values: list, slots: dict, never: tuple) -> list:
        out = [q[0] for q in never if q]
        if not values:
            return out
        a = _value_in(s, kind) if (s.kind == kind or (s.kind, kind) in LOOSE) else s.value
        if a is None or not a > 0 or not math.isfinite(a):
            pick = values                            # every gap is inf: ties go by words, then position
        else:
            la = math.log(a)
            k = bisect_left(logs, la)
            near = min(abs(logs[j] - la) for j in (k - 1, k) if 0 <= j < len(logs))
            pick = values[bisect_left(logs, la - near - 1e-9):bisect_right(logs, la + near + 1e-9)]
        for v in pick:
            out += [q[0] for q in slots[v] if q]
        return out

    def _remove(self, t: Quantity) -> None:
        logs, values, slots, never = self.kinds[t.kind]
        side = 1 if t.words else 0
        if never[side] and never[side][0] is t:
            never[side].popleft()
            return
        slot = slots[t.value]
        slot[side].popleft()                         # candidates are always the first of their slot
        if not slot[0] and not slot[1]:
            del slots[t.value]
            k = bisect_left(values, t.value)
            del values[k]
            del logs[k]

"""Patterns that editors write in YAML rules: literal words, word lists and regular expressions.

Shared by the user-rule check types (existence, substitution, paired, conditional, capitalization,
metric, mixed-variants). Three ways to say what to look for:

- a *token* is a literal word or phrase: matched as a whole word, a space in it matches any run of
  whitespace, and `'` matches both `'` and `’`;
- a *pattern* is a regular expression (the `regex` module's syntax, which is Python's plus extras);
- an *exception* is a literal phrase: a hit that lies inside one of its occurrences is not reported.

Regular expressions are compiled when the pack is loaded, so a bad one is a load error naming the
rule. Each compiled pattern carries a literal gate (`Matcher.needles`): strings of which a match must
contain at least one, derived from the pattern itself, so a text without any of them is skipped
without running the regular expression (most segments match no style rule). Every match call
runs with a time limit (`TIMEOUT` seconds): a pattern that backtracks catastrophically (`(a+)+$`
on `aaaa…b`) stops the run with a `PatternTimeout` error naming the pattern and the segment,
instead of hanging it. Compiled patterns are cached per process.

`units(segment, side, scope)` cuts a side's text into what a rule looks at: the whole `text`, each
`sentence`, or the segment only when it is a `heading`. Offsets are always into the original text.
"""

from __future__ import annotations

import functools
import re as _re
import warnings
from collections.abc import Iterable, Iterator, Sequence

import regex

from transqa.errors import TransqaError
from transqa.lazyre import LazyPattern
from transqa.model import Segment

TIMEOUT = 0.25
# Long texts get more time (a linear pattern scanning 50,000 characters under load must not trip the
# limit meant for runaway backtracking): +1 s per 100,000 characters beyond the first 10,000.
TIMEOUT_FREE_CHARS, TIMEOUT_CHARS_PER_SECOND = 10_000, 100_000


def time_limit(length: int) -> float:
    return TIMEOUT + max(0, length - TIMEOUT_FREE_CHARS) / TIMEOUT_CHARS_PER_SECOND
SAFE_LENGTH = 1000
SCOPES = ("text", "sentence", "heading")
SIDES = ("source", "target")
_WORDISH = _re.compile(r"[0-9A-Za-z\u00c0-\u024f]")
_COUNT = _re.compile(r"\{(\d*)(,?)(\d*)\}")
_RECURSION = _re.compile(r"\(\?(?:P[=>]|R|&|[+-]?\d)")


class PatternTimeout(TransqaError):
    """A user pattern took longer than TIMEOUT on one text: the pattern must be simplified."""


def token_regex(token: str) -> str:
    """A literal word or phrase as a regex: whole word at Latin edges, flexible spaces and apostrophes."""
    parts = []
    for chunk in _re.split(r"(\s+|['’])", token.strip()):
        if not chunk:
            continue
        if chunk.isspace():
            parts.append(r"\s{1,8}")
        elif chunk in "'’":
            parts.append("['’]")
        else:
            parts.append(regex.escape(chunk))
    body = "".join(parts)
    stripped = token.strip()
    if stripped and _WORDISH.match(stripped[0]):
        body = r"(?<![\w])" + body
    if stripped and _WORDISH.match(stripped[-1]):
        body += r"(?![\w])"
    return body


def backtracking_safe(pattern: str) -> bool:
    """True when `pattern` cannot backtrack exponentially: no repeated group, no back-reference and at
    most three open-ended repeats (`*`, `+`, `{n,}`). Such patterns run without the time limit on
    texts up to SAFE_LENGTH characters (the limit costs ~20 µs a call); all others run under it."""
    if _RECURSION.search(pattern):
        return False
    open_ended, i, n = 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1:i + 2]
            if (nxt.isdigit() and nxt != "0") or nxt in ("g", "k"):
                return False
            i += 2
        elif c == "[":
            j = i + 1
            j += pattern[j:j + 1] == "^"
            j += pattern[j:j + 1] == "]"
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            c = "]"
        else:
            i += 1
        quant = pattern[i:i + 1]
        count = _COUNT.match(pattern, i) if quant == "{" else None
        unbounded = quant in ("*", "+") or bool(count and count.group(2) and not count.group(3))
        repeats = unbounded or bool(count and max(int(count.group(1) or 0), int(count.group(3) or 0)) > 1)
        if c == ")" and repeats:
            return False
        open_ended += unbounded
    return open_ended <= 3


# --- literal gates ------------------------------------------------------------------------------
# A gate is a set of needles: every match of the pattern contains at least one of them, so a text
# containing none cannot match. Needles come from the pattern's parse tree (Python's `re` parser,
# which reads the `regex` module's V0 syntax the same way for the constructs accepted below; any
# pattern it cannot read, or that uses braces or POSIX classes, gets no gate). Case-insensitive
# needles are compared with `fold(text)`; they use only characters whose case-insensitive matches
# in `regex` all fold to the same string (ASCII, and caseless CJK and punctuation: tested against
# `regex`'s own case tables in tests/test_rule_gates.py).
try:
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - a Python without the private parser: no gates
    _sre = _sre_parse = None

MAX_NEEDLES = 24
MIN_ASCII_NEEDLE = 3
_INLINE_FLAGS = _re.compile(r"\(\?(?!P)[-a-zA-Z]")
_QUANTIFIER = _re.compile(r"\{(?:\d+(?:,\d*)?|,\d+)\}")
_CASELESS_BLOCKS = ((0x00A0, 0x00BF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2E80, 0xA4CF), (0xF900, 0xFAFF),
                    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))


def fold(text: str) -> str:
    """`text` lower-cased, with the letters `regex` matches case-insensitively to i and s (İ ı ſ) as i, s."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    low = text.lower()
    if "\u0131" in low:
        low = low.replace("\u0131", "i")
    if "\u017f" in low:
        low = low.replace("\u017f", "s")
    return low


def _gate_char(c: str, folded: bool) -> bool:
    if not folded or c.isascii():
        return True
    o = ord(c)
    return c.lower() == c == c.upper() and any(lo <= o <= hi for lo, hi in _CASELESS_BLOCKS)


def _parseable(pattern: str) -> str | None:
    """`pattern` for Python's parser: `\\K` dropped (it only moves the reported start); None for
    constructs whose meaning differs between `re` and `regex` (literal braces, POSIX classes)."""
    if "[:" in pattern:
        return None
    out, i, n, in_class = [], 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\":
            if pattern[i + 1:i + 2] != "K" or in_class:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            j = i + 1
            j += pattern[j:j + 1] == "^"
            j += pattern[j:j + 1] == "]"
            out.append(pattern[i:j])
            i = j
            continue
        elif c in "{}":
            m = _QUANTIFIER.match(pattern, i) if c == "{" else None
            if m is None:
                return None
            out.append(m.group())
            i = m.end()
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several needle sets: longest shortest needle, then fewest needles."""
    usable = [o for o in options if o and len(o) <= MAX_NEEDLES and all(o)]
    return max(usable, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _literal_choices(op, av, folded: bool) -> list[str] | None:
    """The strings an alternation of plain literals matches (`and|or`, `(?:and|or)`), else None."""
    if op is _sre.SUBPATTERN and len(av[3]) == 1:
        op, av = av[3][0]
    if op is not _sre.BRANCH:
        return None
    choices = []
    for alternative in av[1]:
        if not all(o is _sre.LITERAL and _gate_char(chr(a), folded) for o, a in alternative):
            return None
        choices.append("".join(chr(a) for _, a in alternative))
    return choices


def _needle_sets(items, folded: bool) -> list[frozenset[str]]:
    """Needle sets that every match of the parsed sequence `items` satisfies (each: one of them occurs).

    Consecutive literals and alternations of literals make one set of strings (`, (?:and|or)` gives
    `, and` and `, or`), as long as it stays within MAX_NEEDLES strings.
    """
    out: list[frozenset[str]] = []
    run: list[str] = []  # the strings the literal stretch read so far can be

    def flush():
        if run:
            out.append(frozenset(run))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL and _gate_char(chr(av), folded):
            run[:] = [r + chr(av) for r in run] or [chr(av)]
            continue
        choices = _literal_choices(op, av, folded)
        if choices is not None:
            if run and len(run) * len(choices) > MAX_NEEDLES:
                flush()
            run[:] = [r + c for r in run for c in choices] if run else choices
            continue
        flush()
        if op is _sre.SUBPATTERN:
            out.extend(_needle_sets(av[3], folded))
        elif op is _sre.ATOMIC_GROUP:
            out.extend(_needle_sets(av, folded))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                out.extend(_needle_sets(av[2], folded))
        elif op is _sre.BRANCH:
            alternatives = [_best(_needle_sets(alt, folded)) for alt in av[1]]
            if all(alternatives):
                out.append(frozenset().union(*alternatives))
        # anything else (sets, classes, anchors, lookarounds, back-references) requires no literal
    flush()
    return out


@functools.lru_cache(maxsize=4096)
def gate(pattern: str, ignorecase: bool) -> tuple[tuple[str, ...], bool]:
    """(needles, folded) for `pattern`: a match contains one of `needles` (in `fold(text)` when
    `folded`, else in the text as is); ((), False) when no gate can be derived."""
    parseable = _parseable(pattern) if _sre is not None else None
    if parseable is None:
        return (), False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _sre_parse.parse(parseable)
    except Exception:  # re cannot read it (regex-only syntax): no gate
        return (), False
    folded = ignorecase or _INLINE_FLAGS.search(pattern) is not None  # (?i) somewhere: fold everything
    best = _best(_needle_sets(parsed, folded))
    if best is None or any(len(n) < MIN_ASCII_NEEDLE and n.isascii() for n in best):
        return (), False  # `, ` or `or` occur in nearly every English text: testing them only costs
    needles = {fold(n) for n in best} if folded else set(best)
    folded = folded and any(n != n.upper() for n in needles)  # caseless needles: compare the raw text
    needles = {n for n in needles if not any(o != n and o in n for o in needles)}  # the shorter suffices
    return tuple(sorted(needles, key=lambda n: (-len(n), n))), folded


@functools.lru_cache(maxsize=4096)
def prefix_gate(pattern: str, ignorecase: bool) -> tuple[tuple[str, ...], bool]:
    """(prefixes, folded): every match attempt that succeeds starts with one of `prefixes` (in the
    folded text when `folded`), the pattern's leading literals after zero-width assertions (`\\b`,
    look-arounds); ((), False) when it has none of two or more characters. A search can then start at
    the next occurrence of one: `regex` matches at a position the same whatever `pos` it was given
    (look-behinds and `\\b` see the text before it; `^` never matches there), except with `\\G`."""
    parseable = _parseable(pattern) if _sre is not None and "\\G" not in pattern else None
    if parseable is None:
        return (), False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            items = list(_sre_parse.parse(parseable))
    except Exception:
        return (), False
    folded = ignorecase or _INLINE_FLAGS.search(pattern) is not None
    run = _leading(items, folded)
    if not run or min(map(len, run)) < 2:
        return (), False
    prefixes = {fold(r) for r in run} if folded else set(run)
    return tuple(sorted(prefixes)), folded and any(r != r.upper() for r in prefixes)


@functools.lru_cache(maxsize=4096)
def count_gate(pattern: str, ignorecase: bool) -> tuple[tuple[str, int, bool], ...]:
    """(needle, n, folded) triples: a text with a match holds `needle` n >= 2 times (in `fold(text)` when
    `folded`, else as is), counted with str.count. From literal stretches of two or more characters
    met twice or more in the pattern's top-level sequence (groups included) or in one positive
    look-around: each of those spans distinct characters of the text, so the matched text, and so the
    whole text, holds that many non-overlapping copies (str.count finds the most such copies there are).
    `, (?:and|or)(?<=[a-z]+, [a-z]+, (?:and|or))` needs `, ` twice."""
    parseable = _parseable(pattern) if _sre is not None else None
    if parseable is None:
        return ()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            items = _sre_parse.parse(parseable)
    except Exception:
        return ()
    folded = ignorecase or _INLINE_FLAGS.search(pattern) is not None
    regions: list[list[str]] = [[]]
    _literal_runs(items, folded, regions[0], regions)
    best: dict[str, int] = {}
    for runs in regions:
        runs = [fold(run) for run in runs] if folded else runs
        for needle in set(runs):
            n = sum(run.count(needle) for run in runs)
            if len(needle) >= 2 and n >= 2:
                best[needle] = max(best.get(needle, 0), n)
    out = []
    for needle, n in sorted(best.items()):
        out.append((needle, n, folded and needle != needle.upper()))  # caseless: counted in the text as is
    return tuple(out)


def _literal_runs(items, folded: bool, runs: list[str], regions: list[list[str]]) -> None:
    """Append to `runs` the literal stretches that every match of `items` spans once each; the bodies of
    positive look-arounds become regions of their own."""
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL and _gate_char(chr(av), folded):
            run.append(chr(av))
            continue
        if run:
            runs.append("".join(run))
            run = []
        if op is _sre.SUBPATTERN:
            _literal_runs(av[3], folded, runs, regions)
        elif op is _sre.ASSERT:  # (direction, body): matched, but over text other items may span too
            regions.append([])
            _literal_runs(av[1], folded, regions[-1], regions)
    if run:
        runs.append("".join(run))


def _leading(items, folded: bool) -> list[str] | None:
    """Strings one of which starts every match of the parsed sequence `items` (None: unknown)."""
    items = list(items)
    while items and items[0][0] in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        items.pop(0)  # zero-width: the match starts with what follows
    if items and items[0][0] in (_sre.BRANCH, _sre.SUBPATTERN) and _literal_choices(*items[0], folded) is None:
        op, av = items[0]  # alternatives that are not plain literals: each must have leading literals
        if op is _sre.SUBPATTERN:
            return _leading(av[3], folded)
        alternatives = [_leading(alt, folded) for alt in av[1]]
        if all(alternatives) and sum(map(len, alternatives)) <= MAX_NEEDLES:
            return [r for alt in alternatives for r in alt]
        return None
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL and _gate_char(chr(av), folded):
            run = [r + chr(av) for r in run] or [chr(av)]
            continue
        choices = _literal_choices(op, av, folded)
        if choices is None or len(run or [""]) * len(choices) > MAX_NEEDLES:
            break
        run = [r + c for r in run or [""] for c in choices]
    return run or None


def _next_prefix(hay: str, prefixes: tuple[str, ...], pos: int, end: int) -> int:
    """The first position >= pos where one of `prefixes` occurs wholly before `end`, else -1."""
    best = -1
    for prefix in prefixes:
        at = hay.find(prefix, pos, end)
        if at >= 0 and (best < 0 or at < best):
            best = at
    return best


class Matcher:
    """A compiled pattern with a fast path: a literal gate (see `gate`), `search` first (most texts
    have no match), searches started at the next leading literal (see `prefix_gate`), and the time
    limit only where backtracking could run away."""

    __slots__ = ("compiled", "pattern", "safe", "needles", "folded", "groups", "groupindex", "prefixes",
                 "prefix_folded", "counts")

    def __init__(self, compiled: regex.Pattern):
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.safe = backtracking_safe(compiled.pattern)
        self.needles, self.folded = gate(compiled.pattern, bool(compiled.flags & regex.IGNORECASE))
        self.prefixes, self.prefix_folded = prefix_gate(compiled.pattern, bool(compiled.flags & regex.IGNORECASE))
        self.counts = count_gate(compiled.pattern, bool(compiled.flags & regex.IGNORECASE))
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex

    def may_match(self, text: str, folded: str | None = None) -> bool:
        """False when `text` cannot contain a match (none of the needles); `folded` is `fold(text)` if known."""
        if self.counts and not self._counted(text, folded):
            return False
        if not self.needles:
            return True
        hay = (folded if folded is not None else fold(text)) if self.folded else text
        for needle in self.needles:
            if needle in hay:
                return True
        return False

    def _counted(self, text: str, folded: str | None) -> bool:
        for needle, n, cased in self.counts:
            hay = (folded if folded is not None else fold(text)) if cased else text
            if hay.count(needle) < n:
                return False
        return True

    def _timed_out(self, where: str, limit: float = TIMEOUT) -> PatternTimeout:
        return PatternTimeout(f"pattern {self.pattern!r} took longer than {limit:g} s on {where}; "
                              f"simplify it (nested repeats like (a+)+ backtrack exponentially)")

    def finditer(self, text: str, where: str = "a segment", pos: int = 0, endpos: int | None = None,
                 isolate: bool = True) -> Iterator[regex.Match]:
        """Non-empty matches in text[pos:endpos], left to right, without overlaps.

        With `isolate` (the default) a part of the text is matched on its own, so `^`, `$` and `\\b`
        see its edges (a sentence is matched as if it were the whole text); offsets stay those of `text`.
        """
        if not self.may_match(text):  # the whole text contains text[pos:endpos]: a sound test
            return iter(())
        return self.scan(text, where, pos, endpos, isolate)

    def scan(self, text: str, where: str = "a segment", pos: int = 0, endpos: int | None = None,
             isolate: bool = True) -> Iterator[regex.Match]:
        """`finditer` without the gate (for callers that tested `may_match` once for many calls)."""
        end = len(text) if endpos is None else endpos
        if isolate and (pos > 0 or end < len(text)):
            for m in self.scan(text[pos:end], where):
                yield _Shifted(m, pos)
            return
        kw = {} if self.safe and end - pos <= SAFE_LENGTH else {"timeout": time_limit(end - pos)}
        search = self.compiled.search
        prefixes, hay = self.prefixes, None
        if prefixes and not self.prefix_folded:
            hay = text
        elif prefixes and text.isascii():  # fold() is lower() here: offsets stay those of the text
            hay = text.lower()
        try:
            while True:
                if hay is not None:  # no match attempt can succeed before the next leading literal
                    pos = _next_prefix(hay, prefixes, pos, end)
                    if pos < 0:
                        break
                m = search(text, pos, end, **kw)
                if m is None:
                    break
                if m.end() > m.start():
                    yield m
                nxt = m.end() if m.end() > max(m.start(), pos) else m.end() + 1
                if nxt > end:
                    break
                pos = nxt
        except TimeoutError:
            raise self._timed_out(where, kw["timeout"]) from None

    def search(self, text: str, where: str = "a segment") -> regex.Match | None:
        return next(self.finditer(text, where), None)


def live(matchers: Sequence[Matcher], text: str) -> list[Matcher]:
    """The matchers whose gate lets `text` through (the text folded at most once)."""
    low = None
    out = []
    for matcher in matchers:
        if matcher.needles and matcher.folded and low is None:
            low = fold(text)
        if matcher.may_match(text, low):
            out.append(matcher)
    return out


class _Shifted:
    """A match found in a slice, reporting offsets into the full text."""

    __slots__ = ("_m", "_offset")

    def __init__(self, m: regex.Match, offset: int):
        self._m, self._offset = m, offset

    def start(self, group: int | str = 0) -> int:
        return self._m.start(group) + self._offset if self._m.start(group) >= 0 else -1

    def end(self, group: int | str = 0) -> int:
        return self._m.end(group) + self._offset if self._m.end(group) >= 0 else -1

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, *groups):
        return self._m.group(*groups)

    def groups(self, default=None):
        return self._m.groups(default)

    def expand(self, template: str) -> str:
        return self._m.expand(template)


def _flags(ignorecase: bool) -> int:
    return regex.V0 | (regex.IGNORECASE if ignorecase else 0)


@functools.lru_cache(maxsize=4096)
def compile_regex(pattern: str, ignorecase: bool = False) -> Matcher:
    """Compile one regex (cached); raises ValueError with the pattern and the reason."""
    try:
        return Matcher(regex.compile(pattern, _flags(ignorecase)))
    except (regex.error, OverflowError, RecursionError) as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None


@functools.lru_cache(maxsize=1024)
def compile_tokens(tokens: tuple[str, ...], ignorecase: bool = True) -> Matcher | None:
    """One alternation for a list of literal tokens, longest first (so `per cent` beats `per`)."""
    cleaned = sorted({t.strip() for t in tokens if t.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    body = "|".join(f"(?:{token_regex(t)})" for t in cleaned)
    return Matcher(regex.compile(body, _flags(ignorecase)))


def compile_any(tokens: Sequence[str], patterns: Sequence[str], ignorecase: bool) -> list[Matcher]:
    """The compiled matchers for a rule's `tokens` (one alternation) and `patterns` (one each)."""
    out = []
    combined = compile_tokens(tuple(tokens), ignorecase)
    if combined is not None:
        out.append(combined)
    out.extend(compile_regex(p, ignorecase) for p in patterns)
    return out


def finditer(pattern: Matcher, text: str, where: str = "a segment", pos: int = 0,
             endpos: int | None = None) -> Iterator[regex.Match]:
    """`pattern.finditer` (time-limited where needed); empty matches are skipped."""
    return pattern.finditer(text, where, pos, endpos)


def search(pattern: Matcher, text: str, where: str = "a segment") -> regex.Match | None:
    return pattern.search(text, where)


def where(segment: Segment, side: str) -> str:
    return f"the {side} of segment {segment.id}"


class Exceptions:
    """Literal phrases whose occurrences shield hits inside them."""

    def __init__(self, phrases: Sequence[str], ignorecase: bool):
        self.pattern = compile_tokens(tuple(phrases), ignorecase)

    def covers(self, text: str, start: int, end: int) -> bool:
        if self.pattern is None:
            return False
        lo, hi = max(0, start - 200), min(len(text), end + 200)
        return any(m.start() <= start and end <= m.end()
                   for m in self.pattern.finditer(text, pos=lo, endpos=hi, isolate=False))


# --- scopes -----------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no nos prof gen sen rep gov col lt capt sgt jr sr inc co ltd corp vs fig art "
    "jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m approx dept est".split())
_EN_BOUNDARY = LazyPattern(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9\u3400-\u9fff])")
_ZH_BOUNDARY = _re.compile(r"[。！？!?]+[”’」』）)]*\s*")
_LAST_WORD = _re.compile(r"([A-Za-z][A-Za-z.]*)[.!?…]+[\"'”’)\]]*\s+$")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) with surrounding space trimmed; abbreviations and initials don't end one."""
    cuts = set()
    for m in _EN_BOUNDARY.finditer(text):
        word = _LAST_WORD.search(text, max(0, m.start() - 20), m.end())
        token = word.group(1).lower().rstrip(".") if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and text[m.start() - 1].isupper()):
            continue
        cuts.add(m.end())
    cuts.update(m.end() for m in _ZH_BOUNDARY.finditer(text) if m.end() < len(text))
    spans, start = [], 0
    for cut in sorted(cuts) + [len(text)]:
        piece = text[start:cut]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            spans.append((start + lead, start + lead + len(body)))
        start = cut
    return spans


_HEADING_END_BAD = tuple(".,;:!?，。；：、…！？")
_CLOSERS = "\"'”’)]）」』》 \t"
_FRAGMENT_END = _re.compile(r"(?i)\b(?:a|an|the|of|to|in|on|at|by|for|from|with|and|or|but|that|which)$")


def _ends_open(text: str) -> bool:
    """Ends like a sentence or a fragment: closing punctuation (inside quotes or not) or a function word."""
    core = text.rstrip(_CLOSERS)
    return core.endswith(_HEADING_END_BAD) or bool(_FRAGMENT_END.search(core))


def is_heading(segment: Segment, side: str, max_words: int = 20) -> bool:
    """A heading or title: marked as one by the reader, or a short line without closing punctuation.

    Readers may set `segment.meta["heading"] = True`; otherwise the text must be one line of at most
    `max_words` words, on neither side ending in sentence punctuation (. , ; : ! ?, also inside closing
    quotes: questions and exclamations are far more often dialogue than headlines), and not ending
    in a function word (`of`, `the`: a fragment of a sentence).
    """
    if "heading" in segment.meta:
        return bool(segment.meta["heading"])
    text = segment.text(side).strip()
    other = segment.text("source" if side == "target" else "target").strip()
    if not text or "\n" in text or len(text.split()) > max_words:
        return False
    return not _ends_open(text) and not (other and _ends_open(other))


def units(segment: Segment, side: str, scope: str) -> list[tuple[int, int]]:
    """The spans of `side` a rule with `scope` looks at, in order."""
    text = segment.text(side)
    if not text:
        return []
    if scope == "sentence":
        return sentences(text)
    if scope == "heading":
        return [(0, len(text))] if is_heading(segment, side) else []
    return [(0, len(text))]


# --- validation helpers used by the check types' validate= functions ---------------------------

def check_choice(options: dict, key: str, choices: Iterable[str]) -> None:
    choices = tuple(choices)
    if options[key] not in choices:
        raise ValueError(f"option {key!r} must be one of {', '.join(choices)}, got {options[key]!r}")


def check_strings(options: dict, key: str) -> None:
    value = options[key]
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"option {key!r} must be a list of non-empty strings")


def validate_common(options: dict) -> None:
    """`scope`, `side`, `exceptions`, `tokens`, `patterns` where the check type has them."""
    if "scope" in options:
        check_choice(options, "scope", SCOPES)
    if "side" in options:
        check_choice(options, "side", SIDES)
    for key in ("exceptions", "tokens", "patterns"):
        if key in options:
            check_strings(options, key)
    for p in options.get("patterns", ()):
        compile_regex(p, options.get("ignorecase", False))


def per_rule(context, name: str, options: dict, factory):
    """Build a rule's compiled matchers once per run (keyed by the rule's options object)."""
    memo = context._memo
    key = (name, id(options))
    slot = memo.get(key)
    if slot is None or slot[0] is not options:  # first use, or a new options object reusing a freed id
        slot = memo[key] = (options, factory())
    return slot[1]


def rule_state(context, options: dict, build):
    """`build(options)` once per run and rule: `per_rule` without a closure to create per segment."""
    memo = context._memo
    key = (build, id(options))
    slot = memo.get(key)
    if slot is None or slot[0] is not options:
        slot = memo[key] = (options, build(options))
    return slot[1]

"""Glossary matching: compile the run's glossaries once, find source terms and their renderings.

Source side: one Aho-Corasick automaton (daachorse, imported lazily) over every glossary source
string (for very large glossaries, over their first characters: see PhraseMatcher); glossary entries are
numbered and become `Term` objects only when matched (glossary.TermTable). Matching runs on a folded
copy of the segment that has exactly the same length as the original (traditional -> simplified via
OpenCC t2s, skipped for a text without a character t2s may change; lower case, hyphens and odd spaces
-> space, fullwidth ASCII -> ASCII), so every span is a code-point offset into the ORIGINAL text. We
search overlapping matches, drop those that cut a Latin word, then keep leftmost-longest
(国家知识产权局局长 before 国家知识产权局 before 知识产权).

Target side: only the renderings of the terms found in the source are looked up (a few `str.find`s per
segment), on word boundaries, case-insensitive except all-caps tokens (`CNIPA`, `PCT`, `G20`), accepting
a plural or possessive ending (`patents`, `policies`, `CNIPA's`).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from transqa.glossary import SEP, Glossary, Term, TermTable, gc_paused, source_rows

_DASHES_SPACES = "-\u2010\u2011\u2012\u2013\u2014\u00a0\u2002\u2003\u2009\u202f\u3000"
_FOLD = {ord(c): " " for c in _DASHES_SPACES}
_FOLD.update({ord("\u2019"): "'", ord("\u2018"): "'", ord("\u201c"): '"', ord("\u201d"): '"'})
_FOLD.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)})  # fullwidth ASCII
_ACRONYM_TOKEN = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z0-9]\b")
_SUFFIXES = ("'s", "s'", "es", "s", "'")
# Place name -> its adjective (lower case): Chinese uses the noun for both (美国公司, 中国市场).
ADJECTIVES = {"america": "american", "china": "chinese", "japan": "japanese", "britain": "british",
              "france": "french", "germany": "german", "russia": "russian", "europe": "european",
              "korea": "korean", "india": "indian", "italy": "italian", "australia": "australian",
              "canada": "canadian", "mexico": "mexican", "africa": "african", "asia": "asian",
              "spain": "spanish", "brazil": "brazilian", "iran": "iranian", "israel": "israeli",
              "taiwan": "taiwanese", "vietnam": "vietnamese", "singapore": "singaporean",
              "shanghai": "shanghainese"}


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # keep length (e.g. 'İ')


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # lazy: converter construction costs ~50 ms

    return opencc.OpenCC("t2s")


def _char_class(chars: str) -> str:
    """A regex character class of `chars` (sorted), consecutive code points as ranges. A character
    beyond the BMP stands for all of them (one range: re tests a class of BMP characters with one
    table lookup but tries the other items of a class one by one)."""
    bmp = [c for c in chars if c <= "\uffff"]
    out, codes, i = ["\\U00010000-\\U0010ffff"] if len(bmp) < len(chars) else [], [ord(c) for c in bmp], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(f"\\U{codes[i]:08x}" + (f"-\\U{codes[j]:08x}" if j > i else ""))
        i = j + 1
    return "[" + "".join(out) + "]"


# Conversions before the changed-character set is computed when the disk cache does not have it:
# computing it runs OpenCC's dictionary tool (about 60 ms), which a short run would not earn back.
T2S_SKIP_AFTER = 1000
_T2S_SKIP: dict = {"state": "new", "search": None, "conversions": 0}


def _t2s_may_change():
    """`search(text)` finding a character that OpenCC t2s may change, or None while it is not known
    (then every text is converted). A text without one converts to itself, so it need not be
    converted (glossary_cache.t2s_changed_chars says why that is exact). Read from the disk cache
    at once, computed after T2S_SKIP_AFTER conversions, never when the installed OpenCC cannot tell."""
    skip = _T2S_SKIP
    if skip["state"] == "known":
        return skip["search"]
    from transqa import glossary_cache

    chars = None
    if skip["state"] == "new":
        chars, skip["state"] = glossary_cache.t2s_changed_chars(compute=False), "counting"
    elif skip["conversions"] >= T2S_SKIP_AFTER:
        chars, skip["state"] = glossary_cache.t2s_changed_chars(), "known"
    skip["conversions"] += 1
    if chars:
        skip["state"], skip["search"] = "known", re.compile(_char_class(chars)).search
    return skip["search"]


def _converts_to_itself(text: str) -> bool:
    may_change = _t2s_may_change()
    return may_change is not None and may_change(text) is None


def to_simplified(text: str) -> str:
    """Traditional -> simplified, same length as `text` (falls back to char-by-char if a phrase changes length)."""
    if text.isascii() or _converts_to_itself(text):
        return text
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    chars = _t2s().convert("\n".join(text)).split("\n")
    return "".join(c if len(c) == 1 else o for o, c in zip(text, chars)) if len(chars) == len(text) else text


_FOLD_RE = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD)) + "]")
_FOLD_CHAR = {chr(c): r for c, r in _FOLD.items()}


def _fold_match(m: re.Match) -> str:
    return _FOLD_CHAR[m.group()]


# Replaced with str.replace before (or instead of) the regex pass, which calls _fold_match per character
# it folds: the only ASCII one (an ASCII text needs nothing else), and the ones met most in Chinese text
# (about 2 per newstest source). Their replacements are not folded again, so the result is the same.
_ASCII_FOLDS = tuple((c, r) for c, r in _FOLD_CHAR.items() if c.isascii())
_COMMON_FOLDS = tuple((c, _FOLD_CHAR[c]) for c in "，“”")
assert not any(r in _FOLD_CHAR for _, r in _ASCII_FOLDS + _COMMON_FOLDS)


def _fold_chars(text: str) -> str:
    """`text` with each character of _FOLD replaced (str.translate() with a dict is slower)."""
    if text.isascii():
        for char, replacement in _ASCII_FOLDS:
            text = text.replace(char, replacement)
        return text
    for char, replacement in _COMMON_FOLDS:
        if char in text:
            text = text.replace(char, replacement)
    return _FOLD_RE.sub(_fold_match, text)


def fold(text: str, *, simplify: bool = False) -> str:
    """A matching key for `text` with exactly the same length, so offsets map back one to one."""
    folded = _lower(_fold_chars(text))
    return to_simplified(folded) if simplify else folded


def fold_many(texts: list[str], *, simplify: bool = False) -> list[str]:
    """[fold(t, simplify=simplify) for t in texts], in a few passes over all of them joined."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text with a line break in it
        return [fold(t, simplify=simplify) for t in texts]
    folded = _lower(_FOLD_RE.sub(_fold_match, joined))
    del joined
    if not simplify or folded.isascii() or _converts_to_itself(folded):
        return folded.split("\n")
    parts = _t2s().convert(folded).split("\n")  # fold keeps each text's length (checked, not split twice)
    if len(parts) != len(texts):
        return [to_simplified(p) for p in folded.split("\n")]
    if list(map(len, parts)) != list(map(len, texts)):  # a phrase changed length: that text char by char
        parts = [c if len(c) == len(t) else to_simplified(f) for c, t, f in zip(parts, texts, folded.split("\n"))]
    return parts


def _boundary_ok(text: str, start: int, end: int, pattern: str) -> bool:
    if _is_word(pattern[0]) and pattern[0].isascii() and start > 0 and _is_word(text[start - 1]):
        return False
    return not (_is_word(pattern[-1]) and pattern[-1].isascii() and end < len(text) and _is_word(text[end]))


@lru_cache(maxsize=65536)
def _acronyms(pattern: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group()) for m in _ACRONYM_TOKEN.finditer(pattern))


def _case_ok(original: str, start: int, pattern: str) -> bool:
    """All-caps tokens of the pattern (acronyms) must match case-sensitively."""
    tokens = _acronyms(pattern)
    return not tokens or all(original[start + a:start + b] == token for a, b, token in tokens)


def leftmost_longest(spans):
    """From (start, end, payload) candidates keep a non-overlapping leftmost-longest selection."""
    if type(spans) is list and len(spans) < 2:
        return spans[:]
    chosen, pos = [], 0
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] >= pos:
            chosen.append(span)
            pos = span[1]
    return chosen


def alternatives(renderings, consistent: bool, all_entries: bool):
    """The renderings of one entry that term-inconsistent tells apart: all approved ones of an entry
    marked `consistent`, with `all_entries` those of any entry that are not acronyms (a full name and
    its acronym are meant to alternate); fewer than two: nothing to compare."""
    if consistent:
        return renderings
    return [r for r in renderings if not r.isupper()] if all_entries else ()


class SourceHit(NamedTuple):
    start: int
    end: int
    term: Term
    pattern: str  # the glossary source string that matched


def _occurrences(folded_target: str, key: str):
    pos = folded_target.find(key)
    while pos >= 0:
        yield pos, pos + len(key), True
        pos = folded_target.find(key, pos + 1)


@lru_cache(maxsize=4096)
def _spaced(key: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(w) for w in key.split()))


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,5}$")
_UNDOTTED = re.compile(r"^[A-Z]{2,5}$")


@lru_cache(maxsize=8192)
def _variants(rendering: str) -> tuple[tuple[str, str], ...]:
    """(folded key, case pattern) pairs a rendering may appear as: itself, `-ies` plural, the adjective
    of a place (`America` -> `American`), an acronym with or without dots (`US` / `U.S.`)."""
    key = fold(rendering)
    out = [(key, rendering)]
    if len(key) > 2 and key.endswith("y") and key[-2] not in "aeiou":
        out.append((key[:-1] + "ies", rendering))
    last = key.rsplit(" ", 1)[-1]
    if last in ADJECTIVES:  # 美国官员 is `American officials`: the adjective renders the place too
        out.append((key[:len(key) - len(last)] + ADJECTIVES[last], rendering))
    if _UNDOTTED.match(rendering):
        dotted = "".join(c + "." for c in rendering)
        out.append((dotted.lower(), dotted))
    elif _DOTTED.match(rendering):
        plain = rendering.replace(".", "")
        out.append((plain.lower(), plain))
    return tuple(out)


def find_rendering(target: str, folded_target: str, rendering: str) -> list[tuple[int, int]]:
    """Spans of `rendering` in `target` on word boundaries, plural/possessive endings included; runs of
    whitespace (`small and  medium`, a line break) match a single space."""
    spans = []
    for k, pattern in _variants(rendering):
        found = list(_occurrences(folded_target, k))
        if not found and " " in k.strip() and all(w in folded_target for w in k.split()):  # (each word is in a match)
            found = [(m.start(), m.end(), False) for m in _spaced(k).finditer(folded_target)]
        for pos, end, exact in found:
            if _DOTTED.match(pattern):  # U.S. exactly, not u.s. nor the start of U.S.A.
                if target[pos:end] != pattern or (end < len(target) and _is_word(target[end])):
                    continue
            elif exact and not _case_ok(target, pos, pattern):
                continue
            if not exact and not all(m.group() in target[pos:end] for m in _ACRONYM_TOKEN.finditer(pattern)):
                continue
            if _is_word(k[0]) and pos > 0 and _is_word(folded_target[pos - 1]):
                continue
            ext = 0 if not (_is_word(k[-1]) and end < len(folded_target) and _is_word(folded_target[end])) else None
            if ext is None:
                for suffix in _SUFFIXES:
                    after = end + len(suffix)
                    if folded_target.startswith(suffix, end) and (
                            after >= len(folded_target) or not _is_word(folded_target[after])):
                        ext = len(suffix)
                        break
            if ext is not None:
                spans.append((pos, end + ext))
    return sorted(set(spans))


_SURROGATE = re.compile("[\ud800-\udfff]")
PREFIX_CHARS = 3
PREFIX_MIN_CHARS = 1_000_000
_GROUP_SCAN = 8  # phrases sharing a prefix tried one by one up to this many; looked up by length beyond


class PhraseMatcher:
    """Many phrases -> payloads, matched on folded text with word boundaries and acronym case.

    One Aho-Corasick automaton (daachorse's character-wise double array) over the folded phrases.
    Its build time grows with the characters it holds (100,000 Chinese glossary entries, 600,000
    characters: about 0.4 s; 100,000 English phrases, 2.5 million characters: 1.5 s), so from
    PREFIX_MIN_CHARS on the automaton holds only each phrase's first PREFIX_CHARS characters and
    every prefix occurrence is completed with `str.startswith` against the phrases that begin with
    it. Both find every occurrence of every phrase: the results are the same.

    Search time grows with the automaton too: glossary_bench's 100,000 random Chinese terms make a
    9 MB double array, and nearly every character of a Chinese text leaves the root (their 2,229
    distinct first characters are 84% of newstest2019's characters), so testing the next one reads a
    random slot of the array (about 35 more misses of a 512 KB cache per segment, cachegrind). No
    exact gate tried was cheaper than that walk: a rarest-character anchor (those characters still
    cover 74-89% of the text), daachorse's profile-guided layout (-13%, but a 2 s build), its
    prefilter (saturated by Han UTF-8, -2.5% without it), the byte-wise automaton (more misses),
    n-gram sets in Python (several µs per segment)."""

    def __init__(self, phrases: dict[str, object], *, simplify: bool = True):
        self._build(list(phrases), list(phrases.values()), simplify)

    @classmethod
    def from_lists(cls, names: list[str], payloads, *, simplify: bool = True) -> PhraseMatcher:
        """Like PhraseMatcher(dict(zip(names, payloads))) with distinct names; `payloads` may be an array."""
        matcher = cls.__new__(cls)
        matcher._build(names, payloads, simplify)
        return matcher

    def _build(self, names: list[str], values, simplify: bool) -> None:
        self.simplify = simplify
        keys = dict(zip(fold_many(names, simplify=simplify), range(len(names))))  # a later phrase wins
        if any(not k.strip() for k in keys if len(k) < 4 or k[0] == " " or k[-1] == " "):
            keys = {k: v for k, v in keys.items() if k.strip()}  # a blank phrase matches everywhere
        order = array("q", keys.values())
        self.phrases = list(map(names.__getitem__, order))
        del names
        self.payloads = (array(values.typecode, map(values.__getitem__, order)) if isinstance(values, array)
                         else list(map(values.__getitem__, order)))
        del values, order
        # the folded key, or the phrase itself when folding changed nothing (one string, not two)
        self.patterns = [p if p == k else k for k, p in zip(keys, self.phrases)]
        del keys
        self._automaton = None
        self._groups: array | None = None  # prefix mode: automaton pattern -> first phrase with that prefix
        self._more: dict[int, tuple[int, ...]] = {}  # ... and all of them where several share it
        if not self.patterns:
            return
        wanted = self.patterns
        if sum(map(len, wanted)) >= PREFIX_MIN_CHARS:
            first: dict[str, int] = {}  # prefix -> its first pattern; the others in self._more
            more: dict[str, list[int]] = {}
            for i, key in enumerate(wanted):
                prefix = key[:PREFIX_CHARS]
                if first.setdefault(prefix, i) != i:
                    more.setdefault(prefix, []).append(i)
            self._groups = groups = array("q", first.values())
            self._more = {n: self._group((groups[n], *more[prefix])) for n, prefix in enumerate(first)
                          if prefix in more}
            del first, more  # the prefixes are made again one at a time for the automaton, not kept
            wanted = (self.patterns[i][:PREFIX_CHARS] for i in groups)
        import daachorse  # lazy: only runs that have glossary entries pay for it

        from transqa import glossary_cache

        # Character-wise double-array automaton (offsets in code points). For 100,000 Chinese terms it
        # searches about three times as fast as ahocorasick-rs's automaton (one transition per
        # character in a compact array instead of one per UTF-8 byte) and builds in less time.
        wanted = list(wanted)
        self._automaton = glossary_cache.automaton(wanted, lambda: daachorse.CharwiseDoubleArrayAhoCorasick(wanted))

    def _group(self, members: tuple[int, ...]):
        """The phrases sharing one prefix: a tuple to try in turn, or for many of them (中华人民共和国… laws)
        length -> {phrase: index}, so an occurrence of the prefix costs one lookup per length."""
        if len(members) <= _GROUP_SCAN:
            return members
        by_length: dict[int, dict[str, int]] = {}
        for i in members:
            by_length.setdefault(len(self.patterns[i]), {})[self.patterns[i]] = i
        return by_length

    @property
    def entries(self) -> list[tuple[str, object]]:
        return list(zip(self.phrases, self.payloads))

    def __len__(self) -> int:
        return len(self.patterns)

    def _matches(self, folded: str):
        """(start, end, pattern index) in code points for every pattern occurrence in `folded`, by end
        and, for one end, longest first."""
        found = self._automaton.find_overlapping(folded)
        if self._groups is None or not found:
            return found
        out = []
        for start, _, index in found:
            group = self._more.get(index) or (self._groups[index],)
            if type(group) is tuple:
                for i in group:
                    key = self.patterns[i]
                    if folded.startswith(key, start):
                        out.append((start, start + len(key), i))
            else:
                for length, keys in group.items():
                    i = keys.get(folded[start:start + length])
                    if i is not None:
                        out.append((start, start + length, i))
        if len(out) > 1:
            out.sort(key=lambda m: (m[1], m[0]))  # the automaton's order: by end, then longest first
        return out

    def find_all(self, text: str) -> list[tuple[int, int, str, object]]:
        """(start, end, phrase, payload) for every phrase in `text`, overlapping, on word boundaries."""
        if self._automaton is None or not text:
            return []
        try:
            folded = fold(text, simplify=self.simplify)
            matches = self._matches(folded)
        except UnicodeEncodeError:  # a lone surrogate (from a JSON or XML escape) cannot be UTF-8
            folded = fold(_SURROGATE.sub("\ufffd", text), simplify=self.simplify)
            matches = self._matches(folded)
        out = []
        for start, end, index in matches:
            if _boundary_ok(folded, start, end, self.patterns[index]):
                phrase = self.phrases[index]
                if _case_ok(text, start, phrase):
                    out.append((start, end, phrase, self.payloads[index]))
        return out


_HIT_CACHE_SIZE = 100_000
_NO_HITS: tuple[list, list] = ([], [])  # shared: callers only read hit lists


class TermIndex:
    """The run's glossaries compiled for matching. Build once per run (see `term_index`).

    Entries are matched by number and turned into `Term`s only when found (see glossary.TermTable)."""

    def __init__(self, glossaries: tuple[Glossary, ...] | list[Glossary]):
        self._tables = [g.terms for g in glossaries]
        self._offsets = []
        with gc_paused():
            self.matcher = PhraseMatcher.from_lists(*self._sources(glossaries))
        self._forbidden: PhraseMatcher | None = None
        self._with_alternatives: dict[bool, PhraseMatcher | None] = {}
        # four rules match each source: do it once. text -> (every hit, the leftmost-longest ones)
        self._hits: dict[str, tuple[list[SourceHit], list[SourceHit]]] = {}

    def _sources(self, glossaries) -> tuple[list[str], array]:
        """Every source string in force and its entry number (numbered across the glossaries in order)."""
        by_source: dict[str, int] = {}  # a later glossary's entry overrides an earlier one's
        offset = 0
        for glossary in glossaries:
            self._offsets.append(offset)
            if offset:
                by_source.update((s, row + offset) for s, row in source_rows(glossary))
            else:
                by_source.update(source_rows(glossary))
            offset += len(glossary.terms)
        return list(by_source), array("q", by_source.values())

    def term(self, code: int) -> Term:
        """The Term of entry number `code` (entries numbered across the glossaries in order)."""
        table = bisect_right(self._offsets, code) - 1
        return self._tables[table][code - self._offsets[table]]

    def __len__(self) -> int:
        return len(self.matcher)

    @property
    def terms(self) -> list[Term]:
        """The distinct terms in force (computed on demand: only forbidden-anywhere matching needs it)."""
        return [self.term(code) for code in dict.fromkeys(self.matcher.payloads)]

    def _lookup(self, text: str) -> tuple[list[SourceHit], list[SourceHit]]:
        found = self._hits.get(text)
        if found is None:
            if len(self._hits) >= _HIT_CACHE_SIZE:
                self._hits.clear()
            hits = self.matcher.find_all(text)
            if not hits:
                found = _NO_HITS
            else:
                hits = [SourceHit(s, e, self.term(code), phrase) for s, e, phrase, code in hits]
                found = (hits, leftmost_longest(hits))
            self._hits[text] = found
        return found

    def all_source_hits(self, text: str) -> list[SourceHit]:
        """Every glossary source string in `text`, overlapping, on word boundaries (cached per text)."""
        return self._lookup(text)[0]

    def source_hits(self, text: str, all_hits: list[SourceHit] | None = None) -> list[SourceHit]:
        """Leftmost-longest, non-overlapping glossary terms in `text` (from `all_hits` if given)."""
        found = self._lookup(text) if all_hits is None else self._hits.get(text, _NO_HITS)
        if all_hits is None or all_hits is found[0]:
            return found[1]
        return leftmost_longest(all_hits)

    def _alternative_codes(self, all_entries: bool) -> set[int]:
        """Entry numbers of the terms whose renderings term-inconsistent compares (see `alternatives`),
        read from the glossary columns (no Term built for the other entries)."""
        codes = set()
        for offset, table in zip(self._offsets, self._tables):
            if isinstance(table, TermTable):
                rows = range(len(table)) if all_entries else table.consistent
                codes.update(offset + row for row in rows if len(alternatives(
                    table.target[row].split(SEP), row in table.consistent, all_entries)) > 1)
            else:
                codes.update(offset + row for row, term in enumerate(table)
                             if len(alternatives(term.target, term.consistent, all_entries)) > 1)
        return codes

    def may_have_alternatives(self, text: str, all_entries: bool) -> bool:
        """False when none of `text`'s source hits can be a term with renderings to compare
        (term-inconsistent), so it need not look them up: a document rule run after every chunk,
        whose lookups the bounded hit cache no longer holds. Exact: a matcher over just those
        terms' source strings finds every occurrence the full one finds of them."""
        if all_entries not in self._with_alternatives:
            codes = self._alternative_codes(all_entries)
            pairs = [(p, c) for p, c in zip(self.matcher.phrases, self.matcher.payloads) if c in codes]
            self._with_alternatives[all_entries] = PhraseMatcher.from_lists(
                [p for p, _ in pairs], [c for _, c in pairs]) if pairs else None
        matcher = self._with_alternatives[all_entries]
        if matcher is None:
            return False
        found = self._hits.get(text)
        return bool(found[0]) if found is not None else bool(matcher.find_all(text))

    def forbidden_hits(self, target: str) -> list[tuple[int, int, str, Term]]:
        """Forbidden renderings of any term anywhere in `target` (leftmost-longest)."""
        if self._forbidden is None:
            self._forbidden = PhraseMatcher({f: t for t in self.terms for f in t.forbidden}, simplify=False)
        hits = self._forbidden.find_all(target)
        return [h for _, _, h in leftmost_longest((h[0], h[1], h) for h in hits)]


_COMPILED: dict[tuple[int, ...], tuple[tuple, TermIndex]] = {}  # last few glossary sets, across documents


def _compiled(glossaries: tuple) -> TermIndex:
    """A batch checks many documents with the same loaded glossaries, each with a fresh Context:
    compile once per set of Glossary objects (kept alive here, so their ids stay valid)."""
    key = tuple(id(g) for g in glossaries)
    hit = _COMPILED.get(key)
    if hit is None:
        if len(_COMPILED) >= 4:
            _COMPILED.pop(next(iter(_COMPILED)))
        hit = _COMPILED[key] = (tuple(glossaries), TermIndex(glossaries))
    return hit[1]


def term_index(context) -> TermIndex:
    """The run's compiled index, built once per set of glossaries and shared by every terminology rule."""
    return context.memo(("transqa.terms.TermIndex", id(context.glossaries)),
                        lambda: _compiled(tuple(context.glossaries)))


@lru_cache(maxsize=1)
def _shipped_dir() -> Path:
    from transqa.packs import rules_dir

    return (rules_dir() / "glossaries").resolve()


def is_shipped(term: Term) -> bool:
    """True for entries of the glossaries shipped in `rules/glossaries/` (reference lists, not a client's)."""
    return is_shipped_path(term.path)


@lru_cache(maxsize=256)
def is_shipped_path(path: str) -> bool:
    return bool(path) and Path(path).resolve().parent == _shipped_dir()

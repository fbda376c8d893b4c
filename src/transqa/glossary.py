"""Glossaries: YAML files of approved and forbidden renderings, loaded and validated.

```yaml
glossary: cnipa
description: ...
terms:
  - source: 国家知识产权局            # string or list
    target: [China National Intellectual Property Administration, CNIPA]   # first is preferred
    forbidden: [SIPO]                 # optional
    kind: organization                # organization | title | term | name | event | treaty | place | policy
    note: ...                         # optional
    ref: https://...                  # where the rendering comes from
```

A loaded glossary keeps its entries in columns (a `TermTable`), not as one object per entry: a
100,000-entry glossary is then tens of MB instead of hundreds, and a `Term` is built only for an
entry someone looks at (a matched term, a lint message).
"""

from __future__ import annotations

import gc
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transqa.errors import TransqaError
from transqa.yamlio import line_of, load_yaml_file, read_utf8_file

KINDS = ("organization", "title", "term", "name", "event", "treaty", "place", "policy")
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}
ENTRY_KEYS = ("source", "target", "forbidden", "note", "kind", "ref", "consistent")
_ENTRY_KEY_SET = frozenset(ENTRY_KEYS)
GLOSSARY_KEYS = ("glossary", "description", "terms", "licence", "license")


@dataclass(frozen=True, slots=True)
class Term:
    source: tuple[str, ...]
    target: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    kind: str = "term"
    note: str = ""
    ref: str = ""
    glossary: str = ""
    path: str = ""
    line: int | None = None
    consistent: bool = False  # house style: use one of the approved renderings throughout a document

    @property
    def preferred(self) -> str:
        return self.target[0] if self.target else ""


SEP = "\x00"  # joins an entry's several sources / targets / forbidden renderings in one string


class TermTable(Sequence):
    """The entries of one glossary, column by column; a Sequence of `Term`s built on first access
    (and kept, so the same entry is always the same object).

    Columns: `source`, `target` and `forbidden` hold one string per entry, several values joined with
    SEP (`forbidden` is "" when there are none) and `multi_source` the rows whose source has several;
    `kind` is one byte per entry (index into KINDS); `note` and `ref` share one string object per
    distinct value; `line` is 0 where unknown; `consistent` is the set of rows marked so."""

    __slots__ = ("name", "path", "source", "target", "forbidden", "multi_source", "kind", "note", "ref",
                 "line", "consistent", "_made")

    def __init__(self, name: str, path: str, source: list[str], target: list[str], *,
                 forbidden: list[str] | None = None, multi_source: frozenset = frozenset(), kind: bytes = b"",
                 note: list[str] | None = None, ref: list[str] | None = None, line: array | None = None,
                 consistent: frozenset = frozenset()):
        n = len(source)
        self.name, self.path = name, path
        self.source, self.target = source, target
        self.forbidden = forbidden if forbidden is not None else [""] * n
        self.multi_source = multi_source
        self.kind = kind or bytes([_KIND_CODE["term"]]) * n
        self.note = note if note is not None else [""] * n
        self.ref = ref if ref is not None else [""] * n
        self.line = line if line is not None else array("q", bytes(8 * n))
        self.consistent = consistent
        self._made: dict[int, Term] = {}
        if not (len(target) == len(self.forbidden) == len(self.kind) == len(self.note) == len(self.ref)
                == len(self.line) == n):
            raise ValueError("glossary columns differ in length")

    @classmethod
    def from_rows(cls, name: str, path: str, rows: list[tuple]) -> TermTable:
        """rows: (source, target, forbidden, kind, note, ref, line, consistent), the first three tuples of
        strings without SEP in them (see _strings)."""
        shared: dict[str, str] = {}
        share = lambda s: shared.setdefault(s, s)  # noqa: E731  one object per distinct note/ref
        join = SEP.join
        return cls(name, path, [join(r[0]) for r in rows], [join(r[1]) for r in rows],
                   forbidden=[join(r[2]) for r in rows],
                   multi_source=frozenset(i for i, r in enumerate(rows) if len(r[0]) > 1),
                   kind=bytes(_KIND_CODE[r[3]] for r in rows),
                   note=[share(r[4]) for r in rows], ref=[share(r[5]) for r in rows],
                   line=array("q", [r[6] or 0 for r in rows]),
                   consistent=frozenset(i for i, r in enumerate(rows) if r[7]))

    def source_rows(self) -> Iterator[tuple[str, int]]:
        """(source string, row) for every source string of every entry, in file order."""
        if not self.multi_source:
            return zip(self.source, range(len(self.source)))
        return ((s, row) for row, joined in enumerate(self.source)
                for s in (joined.split(SEP) if row in self.multi_source else (joined,)))

    def __len__(self) -> int:
        return len(self.source)

    def __getitem__(self, row):
        if isinstance(row, slice):
            return tuple(self[i] for i in range(*row.indices(len(self))))
        if row < 0:
            row += len(self)
        term = self._made.get(row)
        if term is None:
            if not 0 <= row < len(self):
                raise IndexError("glossary entry index out of range")
            forbidden = self.forbidden[row]
            term = self._made[row] = Term(
                source=tuple(self.source[row].split(SEP)), target=tuple(self.target[row].split(SEP)),
                forbidden=tuple(forbidden.split(SEP)) if forbidden else (), kind=KINDS[self.kind[row]],
                note=self.note[row], ref=self.ref[row], glossary=self.name, path=self.path,
                line=self.line[row] or None, consistent=row in self.consistent)
        return term

    def __eq__(self, other) -> bool:
        if isinstance(other, (TermTable, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.name, self.path, len(self)))

    def __repr__(self) -> str:
        return f"<TermTable {self.name!r}: {len(self)} entries>"


@dataclass(frozen=True)
class Glossary:
    name: str
    path: str
    terms: TermTable | tuple[Term, ...]


class _Bad(ValueError):
    """A problem with one field of an entry; `_row` adds the entry, file and line."""


def _strings(value: Any, key: str, *, required: bool) -> tuple[str, ...]:
    if type(value) is str and value and value.strip() == value and SEP not in value:  # fast path
        return (value,)
    if value is None:
        if required:
            raise _Bad(f"missing {key!r}")
        return ()
    if type(value) is str:
        items = [value.strip()]
    elif type(value) is list:
        items = [v.strip() for v in value if type(v) is str]
        if len(items) != len(value):
            raise _Bad(f"{key!r} must be a string or a list of strings")
    else:
        raise _Bad(f"{key!r} must be a string or a list of strings")
    if "" in items or (required and not items):
        raise _Bad(f"{key!r} has an empty value")
    if any(SEP in v for v in items):
        raise _Bad(f"{key!r} contains a NUL character")
    return tuple(items)


def _row(raw: Any, path: str, index: int) -> tuple:
    """One validated entry: (source, target, forbidden, kind, note, ref, line, consistent)."""
    line = line_of(raw)
    if not isinstance(raw, dict):
        raise TransqaError(f"entry {index}: must be a mapping", path=path, line=line)

    try:
        if not raw.keys() <= _ENTRY_KEY_SET:
            unknown = raw.keys() - _ENTRY_KEY_SET
            raise _Bad(f"unknown key {sorted(unknown, key=str)[0]!r} (allowed: {', '.join(ENTRY_KEYS)})")
        kind = raw.get("kind", "term")
        if type(kind) is not str or kind not in _KIND_CODE:
            raise _Bad(f"kind {kind!r} must be one of {', '.join(KINDS)}")
        note, ref, consistent = raw.get("note", ""), raw.get("ref", ""), raw.get("consistent", False)
        if type(note) is not str or type(ref) is not str:
            raise _Bad(f"{'note' if type(note) is not str else 'ref'!r} must be a string")
        if type(consistent) is not bool:
            raise _Bad("'consistent' must be true or false")
        return (_strings(raw.get("source"), "source", required=True),
                _strings(raw.get("target"), "target", required=True),
                _strings(raw.get("forbidden"), "forbidden", required=False), kind, note, ref, line, consistent)
    except _Bad as exc:
        label = raw.get("source")
        label = label[0] if isinstance(label, list) and label else label
        raise TransqaError(f"entry {index} ({label}): {exc}", path=path, line=line) from None


def _load_json(path: str | Path):
    """A `.json` glossary (same shape as the YAML; JSON is YAML's fast subset): a 100,000-entry
    glossary parses in a fraction of a second, where libyaml needs several seconds."""
    import json

    text = read_utf8_file(path, "JSON")

    def pairs(items):
        out = dict(items)
        if len(out) != len(items):
            seen = set()
            key = next(k for k, _ in items if k in seen or seen.add(k))
            raise TransqaError(f"duplicate key {key!r}", path=str(path))
        return out

    try:
        return json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise TransqaError(f"invalid JSON: {exc.msg}", path=str(path), line=exc.lineno, column=exc.colno) from None


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while building many small acyclic objects (a 100,000-entry
    glossary: about a third of the load time went to collections that found nothing to free)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_glossary(path: str | Path) -> Glossary:
    cached = _cache_path(path)  # large YAML and JSON glossaries: see glossary_cache
    if cached is not None:
        from transqa import glossary_cache

        with gc_paused():
            table = glossary_cache.read(cached, str(path))
        if table is not None:
            return Glossary(name=table.name, path=str(path), terms=table)
    glossary = _load_glossary(path)
    if cached is not None:
        from transqa import glossary_cache

        glossary_cache.write(cached, glossary.terms)
    return glossary


def _cache_path(path: str | Path):
    """The disk-cache file for a large glossary (see glossary_cache), or None."""
    from transqa import glossary_cache

    try:
        p = Path(path)
        if not p.is_file() or p.stat().st_size < glossary_cache.CACHE_MIN_BYTES or glossary_cache.cache_dir() is None:
            return None
        return glossary_cache.cache_path(str(path), p.read_bytes())
    except OSError:
        return None


def _load_glossary(path: str | Path) -> Glossary:
    spath = str(path)
    with gc_paused():
        data = _load_json(path) if str(path).lower().endswith(".json") else load_yaml_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise TransqaError("a glossary must be a mapping with a 'terms' list", path=spath,
                           line=line_of(data))
    unknown = set(data) - set(GLOSSARY_KEYS)
    if unknown:
        raise TransqaError(f"unknown key {sorted(unknown)[0]!r} (glossary keys: {', '.join(GLOSSARY_KEYS)})",
                           path=spath, line=line_of(data))
    name = sys.intern(str(data.get("glossary") or Path(path).stem))
    with gc_paused():
        rows = [_row(raw, spath, i) for i, raw in enumerate(data["terms"], 1)]
        del data
        table = TermTable.from_rows(name, spath, rows)
    return Glossary(name=name, path=spath, terms=table)


def load_glossaries(paths: Iterable[str | Path]) -> list[Glossary]:
    return [load_glossary(p) for p in paths]


def source_rows(glossary: Glossary) -> Iterator[tuple[str, int]]:
    """(source string, entry index) for every source string of the glossary, without building Terms."""
    terms = glossary.terms
    if isinstance(terms, TermTable):
        return terms.source_rows()
    return ((s, i) for i, t in enumerate(terms) for s in t.source)


class SourceRenderings:
    """Source string -> the approved renderings, lower case, of every entry with that source string in
    every glossary (not only the entry in force). Only an index from source strings to entries is built
    up front (shipped + a 100,000-entry glossary: ~25 ms CPU, where building the whole table took ~130);
    a string's renderings are read from the columns (no Term is built) when it is looked up."""

    def __init__(self, glossaries: Iterable[Glossary]):
        self._indexes: list[tuple[Any, dict]] = []
        for glossary in glossaries:
            terms = getattr(glossary, "terms", ())
            if isinstance(terms, TermTable):
                index = {} if terms.multi_source else dict(zip(terms.source, range(len(terms.source))))
                if len(index) != len(terms.source):  # several sources per entry or entries per source
                    index = {}
                    for source, row in terms.source_rows():
                        index.setdefault(source, []).append(row)
            else:
                index = {}
                for row, term in enumerate(terms):
                    for source in term.source:
                        index.setdefault(source, []).append(row)
            self._indexes.append((terms, index))
        self._read: dict[str, tuple[str, ...] | None] = {}

    def get(self, source: str) -> tuple[str, ...] | None:
        """The approved renderings, lower case, of every entry with this source string in every
        glossary, in load order; None when no entry has it."""
        try:
            return self._read[source]
        except KeyError:
            pass
        found = None
        for terms, index in self._indexes:
            rows = index.get(source)
            if rows is None:
                continue
            for row in rows if type(rows) is list else (rows,):
                target = terms.target[row].split(SEP) if isinstance(terms, TermTable) else terms[row].target
                lowered = tuple(map(str.lower, target))
                found = lowered if found is None else found + lowered
        if len(self._read) >= 4096:
            self._read.clear()
        self._read[source] = found
        return found


def source_map(glossaries: Iterable[Glossary]) -> dict[str, Term]:
    """Source string -> the term in force for it. Glossaries come in load order (shipped, config,
    --glossary); a later entry for the same source string overrides the earlier one for that string."""
    by_source: dict[str, Term] = {}
    for glossary in glossaries:
        for source, row in source_rows(glossary):
            by_source[source] = glossary.terms[row]
    return by_source


def effective_terms(glossaries: Iterable[Glossary]) -> list[Term]:
    """The distinct terms still in force for at least one source string, in first-seen order."""
    seen: dict[int, Term] = {}
    for term in source_map(glossaries).values():
        seen.setdefault(id(term), term)
    return list(seen.values())

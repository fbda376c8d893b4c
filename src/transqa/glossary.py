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
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transqa.errors import TransqaError
from transqa.yamlio import line_of, load_yaml_file, read_utf8_file

KINDS = ("organization", "title", "term", "name", "event", "treaty", "place", "policy")
ENTRY_KEYS = ("source", "target", "forbidden", "note", "kind", "ref", "consistent")
_ENTRY_KEY_SET = frozenset(ENTRY_KEYS)
GLOSSARY_KEYS = ("glossary", "description", "terms", "licence", "license")


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Glossary:
    name: str
    path: str
    terms: tuple[Term, ...]


class _Bad(ValueError):
    """A problem with one field of an entry; `_term` adds the entry, file and line."""


def _strings(value: Any, key: str, *, required: bool) -> tuple[str, ...]:
    if type(value) is str and value and value.strip() == value:  # fast path: one clean string
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
    return tuple(items)


_TERM_DEFAULTS = {f: getattr(Term, f) for f in ("forbidden", "kind", "note", "ref", "glossary", "path", "line",
                                                 "consistent")}


def _new_term(**fields) -> Term:
    """Term(**fields) without the frozen dataclass __init__ (one object.__setattr__ per field): half
    the cost of loading a 100,000-entry glossary went there."""
    term = object.__new__(Term)
    term.__dict__.update(_TERM_DEFAULTS, **fields)
    return term


def _term(raw: Any, path: str, name: str, index: int) -> Term:
    line = line_of(raw)
    if not isinstance(raw, dict):
        raise TransqaError(f"entry {index}: must be a mapping", path=path, line=line)

    try:
        if not raw.keys() <= _ENTRY_KEY_SET:
            unknown = raw.keys() - _ENTRY_KEY_SET
            raise _Bad(f"unknown key {sorted(unknown, key=str)[0]!r} (allowed: {', '.join(ENTRY_KEYS)})")
        kind = raw.get("kind", "term")
        if kind not in KINDS:
            raise _Bad(f"kind {kind!r} must be one of {', '.join(KINDS)}")
        note, ref, consistent = raw.get("note", ""), raw.get("ref", ""), raw.get("consistent", False)
        if type(note) is not str or type(ref) is not str:
            raise _Bad(f"{'note' if type(note) is not str else 'ref'!r} must be a string")
        if type(consistent) is not bool:
            raise _Bad("'consistent' must be true or false")
        return _new_term(source=_strings(raw.get("source"), "source", required=True),
                         target=_strings(raw.get("target"), "target", required=True),
                         forbidden=_strings(raw.get("forbidden"), "forbidden", required=False),
                         kind=kind, note=note, ref=ref, glossary=name, path=path, line=line,
                         consistent=consistent)
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
    cached = None if str(path).lower().endswith(".json") else _cache_path(path)
    if cached is not None:
        from transqa import glossary_cache

        hit = glossary_cache.read(cached)
        if hit is not None:
            return _from_cache(str(path), *hit)
    glossary = _load_glossary(path)
    if cached is not None:
        from transqa import glossary_cache

        glossary_cache.write(cached, glossary.name, glossary.terms)
    return glossary


def _cache_path(path: str | Path):
    """The disk-cache file for a large YAML glossary (see glossary_cache), or None."""
    from transqa import glossary_cache

    try:
        p = Path(path)
        if not p.is_file() or p.stat().st_size < glossary_cache.CACHE_MIN_BYTES or glossary_cache.cache_dir() is None:
            return None
        return glossary_cache.cache_path(str(path), p.read_bytes())
    except OSError:
        return None


def _from_cache(spath: str, name: str, rows: list[list]) -> Glossary:
    terms = []
    for source, target, forbidden, kind, note, ref, line, consistent in rows:  # glossary_cache._FIELDS
        term = object.__new__(Term)
        term.__dict__.update(source=tuple(source), target=tuple(target), forbidden=tuple(forbidden), kind=kind,
                             note=note, ref=ref, glossary=name, path=spath, line=line, consistent=consistent)
        terms.append(term)
    return Glossary(name=name, path=spath, terms=tuple(terms))


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
    name = str(data.get("glossary") or Path(path).stem)
    with gc_paused():
        terms = tuple(_term(raw, spath, name, i) for i, raw in enumerate(data["terms"], 1))
    return Glossary(name=name, path=spath, terms=terms)


def load_glossaries(paths: Iterable[str | Path]) -> list[Glossary]:
    return [load_glossary(p) for p in paths]


def source_map(glossaries: Iterable[Glossary]) -> dict[str, Term]:
    """Source string -> the term in force for it. Glossaries come in load order (shipped, config,
    --glossary); a later entry for the same source string overrides the earlier one for that string."""
    by_source: dict[str, Term] = {}
    for glossary in glossaries:
        for term in glossary.terms:
            for source in term.source:
                by_source[source] = term
    return by_source


def effective_terms(glossaries: Iterable[Glossary]) -> list[Term]:
    """The distinct terms still in force for at least one source string, in first-seen order."""
    seen: dict[int, Term] = {}
    for term in source_map(glossaries).values():
        seen.setdefault(id(term), term)
    return list(seen.values())

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

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transqa.errors import TransqaError
from transqa.yamlio import line_of, load_yaml_file

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


def _strings(value: Any, key: str, fail, *, required: bool) -> tuple[str, ...]:
    if type(value) is str and value.strip() == value and value:  # fast path: one clean string
        return (value,)
    if value is None:
        if required:
            raise fail(f"missing {key!r}")
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise fail(f"{key!r} must be a string or a list of strings")
    items = [v.strip() for v in items]
    if any(not v for v in items) or (required and not items):
        raise fail(f"{key!r} has an empty value")
    return tuple(items)


def _term(raw: Any, path: str, name: str, index: int) -> Term:
    line = line_of(raw)
    if not isinstance(raw, dict):
        raise TransqaError(f"entry {index}: must be a mapping", path=path, line=line)
    label = raw.get("source")
    label = label[0] if isinstance(label, list) and label else label

    def fail(msg: str) -> TransqaError:
        return TransqaError(f"entry {index} ({label}): {msg}", path=path, line=line)

    unknown = raw.keys() - _ENTRY_KEY_SET
    if unknown:
        raise fail(f"unknown key {sorted(unknown)[0]!r} (allowed: {', '.join(ENTRY_KEYS)})")
    kind = raw.get("kind", "term")
    if kind not in KINDS:
        raise fail(f"kind {kind!r} must be one of {', '.join(KINDS)}")
    for key in ("note", "ref"):
        if key in raw and not isinstance(raw[key], str):
            raise fail(f"{key!r} must be a string")
    if not isinstance(raw.get("consistent", False), bool):
        raise fail("'consistent' must be true or false")
    return Term(source=_strings(raw.get("source"), "source", fail, required=True),
                target=_strings(raw.get("target"), "target", fail, required=True),
                forbidden=_strings(raw.get("forbidden"), "forbidden", fail, required=False),
                kind=kind, note=raw.get("note", ""), ref=raw.get("ref", ""), glossary=name,
                path=path, line=line, consistent=raw.get("consistent", False))


def _load_json(path: str | Path):
    """A `.json` glossary (same shape as the YAML; JSON is YAML's fast subset): a 100,000-entry
    glossary parses in a fraction of a second, where libyaml needs several seconds."""
    import json

    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise TransqaError("file not found", path=str(path)) from None
    except OSError as exc:
        raise TransqaError(f"cannot read: {exc.strerror}", path=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TransqaError(f"not UTF-8 (byte offset {exc.start})", path=str(path)) from None

    def pairs(items):
        out = {}
        for key, value in items:
            if key in out:
                raise TransqaError(f"duplicate key {key!r}", path=str(path))
            out[key] = value
        return out

    try:
        return json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise TransqaError(f"invalid JSON: {exc.msg}", path=str(path), line=exc.lineno, column=exc.colno) from None


def load_glossary(path: str | Path) -> Glossary:
    spath = str(path)
    data = _load_json(path) if str(path).lower().endswith(".json") else load_yaml_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise TransqaError("a glossary must be a mapping with a 'terms' list", path=spath,
                           line=line_of(data))
    unknown = set(data) - set(GLOSSARY_KEYS)
    if unknown:
        raise TransqaError(f"unknown key {sorted(unknown)[0]!r} (glossary keys: {', '.join(GLOSSARY_KEYS)})",
                           path=spath, line=line_of(data))
    name = str(data.get("glossary") or Path(path).stem)
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

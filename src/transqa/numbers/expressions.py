"""Number-bearing fixed expressions (十四五 -> 14th Five-Year Plan): their numbers are not compared.

File format (rules/data/number-expressions.yaml; users add files with the rules' `expressions` option):

```yaml
expressions:
  - source: [党的二十大, 二十大]          # string or list: literal text in the Chinese source
    target: [20th CPC National Congress]   # string or list, optional: renderings in the English target
    note: why / where the rendering comes from
```
Numbers inside a source match are left out of the comparison; numbers inside a target rendering too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from transqa.errors import TransqaError
from transqa.numbers.model import matches_at
from transqa.numbers.trie import trie_pattern
from transqa.yamlio import line_of, load_yaml_file

ENTRY_KEYS = ("source", "target", "note", "ref")
FILE_KEYS = ("expressions", "description")


@dataclass(frozen=True)
class Expressions:
    source_re: re.Pattern | None
    target_re: re.Pattern | None
    count: int
    # target_re without IGNORECASE, for lower-cased ASCII text (the same matches at half the cost);
    # only when every target string is ASCII, where case folding is plain a-z/A-Z
    target_lower_re: re.Pattern | None = None
    # an Aho-Corasick automaton (a DFA) of the lower-cased target strings: every match of target_lower_re
    # starts where one of them starts, so the regex is tried only there (most texts hold none: no regex)
    target_gate: object | None = field(default=None, compare=False, repr=False)

    def source_spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.source_re.finditer(text)] if self.source_re else []

    def target_spans(self, text: str) -> list[tuple[int, int]]:
        if self.target_lower_re is not None and text.isascii():
            lower = text.lower()
            if self.target_gate is None:
                return [m.span() for m in self.target_lower_re.finditer(lower)]
            found = self.target_gate.find_matches_as_indexes(lower, overlapping=True)
            if not found:
                return []
            starts = sorted({start for _, start, _ in found})
            return [m.span() for m in matches_at(self.target_lower_re, lower, starts)]
        return [m.span() for m in self.target_re.finditer(text)] if self.target_re else []


def default_path() -> Path:
    from transqa.packs import rules_dir
    return rules_dir() / "data" / "number-expressions.yaml"


def _strings(value, what: str, path: str, line: int | None, required: bool) -> list[str]:
    if value is None and not required:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items and required:
        raise TransqaError(f"{what} must be a string or a non-empty list of strings", path=path, line=line)
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise TransqaError(f"{what} entries must be non-empty strings, got {item!r}", path=path, line=line)
    return [item.strip() for item in items]


def parse_entries(data, path: str) -> tuple[list[str], list[str]]:
    """Validate one loaded file; returns (source strings, target strings)."""
    if not isinstance(data, dict) or not isinstance(data.get("expressions"), list):
        raise TransqaError("a number-expressions file must be a mapping with an 'expressions' list",
                           path=path, line=line_of(data))
    unknown = set(data) - set(FILE_KEYS)
    if unknown:
        raise TransqaError(f"unknown key {sorted(unknown)[0]!r} (keys: {', '.join(FILE_KEYS)})",
                           path=path, line=line_of(data))
    sources, targets = [], []
    for entry in data["expressions"]:
        line = line_of(entry)
        if not isinstance(entry, dict):
            raise TransqaError("each expression must be a mapping with 'source'", path=path,
                               line=line or line_of(data))
        bad = set(entry) - set(ENTRY_KEYS)
        if bad:
            raise TransqaError(f"unknown key {sorted(bad)[0]!r} in expression (keys: {', '.join(ENTRY_KEYS)})",
                               path=path, line=line)
        sources += _strings(entry.get("source"), "'source'", path, line, required=True)
        targets += _strings(entry.get("target"), "'target'", path, line, required=False)
    return sources, targets


def _alternation(strings: list[str], flags: int = 0, words: bool = False) -> re.Pattern | None:
    if not strings:
        return None
    unique = sorted(set(strings), key=len, reverse=True)
    if words:
        body = trie_pattern(unique, fold=bool(flags & re.IGNORECASE))
    else:                                   # 财富 500 强 = 财富500强: spaces between characters allowed
        body = trie_pattern(unique, joiner=r"\s?")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if words else body, flags)


def load_expressions(paths: tuple[str, ...] = (), *, include_default: bool = True) -> Expressions:
    sources: list[str] = []
    targets: list[str] = []
    files = ([default_path()] if include_default else []) + [Path(p) for p in paths]
    for p in files:
        s, t = parse_entries(load_yaml_file(p), str(p))
        sources += s
        targets += t
    target_re = _alternation(targets, re.IGNORECASE, words=True)
    lower_re = re.compile(target_re.pattern) if target_re is not None and all(map(str.isascii, targets)) else None
    gate = None
    if lower_re is not None:
        from ahocorasick_rs import AhoCorasick, Implementation
        gate = AhoCorasick(sorted({t.lower() for t in targets}), implementation=Implementation.DFA)
    return Expressions(_alternation(sources), target_re, len(sources), lower_re, gate)

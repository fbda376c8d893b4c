"""The data that flows through transqa: readers -> segments -> checks -> findings -> score -> reporters.

Everything here is a plain frozen dataclass. Checks return `Hit`s (where and what matched); the
engine turns hits into `Finding`s by stamping the rule's code, severity, category and message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Side = Literal["source", "target"]
SEVERITIES = ("info", "minor", "major", "critical")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

# MQM top-level dimensions a rule's `category` may start with (`accuracy/omission`, `terminology`, ...).
MQM_DIMENSIONS = ("terminology", "accuracy", "fluency", "style", "locale-convention", "design", "other")


class _NoMeta(dict):
    """The `meta` of a segment that has none: one shared, read-only empty dict (not one per segment)."""

    def _read_only(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("this segment has no meta; build it with meta={...} or dataclasses.replace")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _read_only
    __hash__ = object.__hash__  # a dataclass default must be hashable; meta is never compared

    def __reduce__(self) -> str:
        return "NO_META"  # unpickles as the shared instance


NO_META: dict[str, Any] = _NoMeta()


@dataclass(frozen=True, slots=True)
class Location:
    """Where one side of a segment lives in its file (1-based line)."""

    file: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """One source/target pair. `id` is stable: a line number for text pairs, the unit id for XLIFF/TMX/PO."""

    id: int | str
    source: str
    target: str
    source_location: Location = Location()
    target_location: Location = Location()
    meta: dict[str, Any] = field(default=NO_META, compare=False, hash=False)

    def text(self, side: Side) -> str:
        return self.source if side == "source" else self.target

    def location(self, side: Side) -> Location:
        return self.source_location if side == "source" else self.target_location


@dataclass(frozen=True)
class Document:
    """The segments read from one input (a text pair, a TSV, an XLIFF file, ...)."""

    segments: tuple[Segment, ...]
    inputs: dict[str, Any] = field(default_factory=dict)
    source_lang: str = "zh"
    target_lang: str = "en"


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: a span on one side plus values for the rule's message placeholders.

    `segment` is the index into `Document.segments`; segment-scope checks may leave it as None and
    the engine fills it in. `start`/`end` are code-point offsets into that side's original text.
    """

    side: Side
    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    segment: int | None = None


@dataclass(frozen=True)
class Rule:
    """One configured rule from a YAML pack. `options` are the check type's options after merging."""

    code: str
    name: str
    check: str
    category: str
    severity: str
    message: str
    description: str = ""
    enabled: bool = True
    options: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, Any] = field(default_factory=dict)
    pack: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    category: str
    severity: str
    segment: int | str
    side: Side
    start: int
    end: int
    match: str
    message: str
    suggestion: str | None
    fingerprint: str
    location: Location = Location()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "segment": self.segment,
            "side": self.side,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "message": self.message,
            "suggestion": self.suggestion,
            "fingerprint": self.fingerprint,
            "location": {"file": self.location.file, "line": self.location.line},
        }


@dataclass(frozen=True)
class Score:
    segments: int
    words: int
    penalty: float
    score: float
    threshold: float
    passed: bool
    by_severity: dict[str, int]
    fail_on: str | None = None
    gating_findings: int = 0
    weights: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    document: Document
    findings: tuple[Finding, ...]
    score: Score
    rules: tuple[Rule, ...] = ()
    waived: tuple[Finding, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

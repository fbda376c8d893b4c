"""How a check type is declared.

Segment scope: a plain function registered with `@check_type(name)`, called once per segment as
`fn(segment, options, context)` and yielding `Hit`s.

Document scope (consistency, duplicates, length model) is map/merge, so chunks of a document can be
checked in parallel or on a cluster: register a class with `@check_type(name, scope="document")`
that has two static methods,

    collect(index, segment, options, context) -> iterable of small picklable records (the map)
    finish(records, options, context)         -> Hits, each with `segment` set to its index

The merge is concatenating the records of the chunks in document order; `finish` sees them all.
Records carry only what `finish` needs (indexes, hashes, spans, counts), never whole documents. A
check whose `finish` must read the texts of the candidates it reports (REP004, CONS001, CONS002) keeps
no text in its records: its class sets `reads_segments = True` and is finished as
`finish(records, options, context, segments)`, `segments` being the document's segments (any sequence
indexable by position; the engine and transqa.api pass it), from which it reads only those candidates
with `segments_at` (one pass over the files when segments are read on demand). Hashes that decide
groups are stable 64-bit blake2b digests (equal in every process); such a `finish` compares the texts
a finding rests on before reporting it, so a hash collision never makes a wrong finding.

Checks never build messages, codes or severities: the rule (YAML) owns those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from transqa.model import Hit, Segment

Scope = Literal["segment", "document"]
SegmentCheck = Callable[[Segment, dict[str, Any], "Context"], Iterable[Hit]]


@dataclass(frozen=True)
class CheckType:
    name: str
    scope: Scope
    run: Callable[..., Iterable[Hit]]
    options: dict[str, Any]
    placeholders: frozenset[str]
    validate: Callable[[dict[str, Any]], None] | None = None
    doc: str = ""


REGISTRY: dict[str, CheckType] = {}


def check_type(name: str, *, scope: Scope = "segment", options: dict[str, Any] | None = None,
               placeholders: Iterable[str] = (), validate: Callable[[dict[str, Any]], None] | None = None):
    """Register a check function under `name` (the `check:` key of a YAML rule)."""

    def register(fn: Any) -> Any:
        if name in REGISTRY:
            raise RuntimeError(f"check type {name!r} registered twice")
        if scope == "document" and not (hasattr(fn, "collect") and hasattr(fn, "finish")):
            raise RuntimeError(f"document check {name!r} needs collect() and finish()")
        REGISTRY[name] = CheckType(name, scope, fn, dict(options or {}),
                                   frozenset(placeholders) | {"match"}, validate,
                                   (fn.__doc__ or "").strip())
        return fn

    return register


@dataclass
class Context:
    """Shared, read-only state for one run: glossaries, settings, and a memo for compiled objects."""

    glossaries: tuple[Any, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: Any, factory: Callable[[], Any]) -> Any:
        """Build an expensive object (a compiled automaton, a regex) once per run."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = factory()
            return value


def segments_at(segments: Sequence[Segment], indexes: Iterable[int]) -> dict[int, Segment]:
    """index -> segment for these document positions, for a `finish` that reads the texts of its
    candidates: `segments.read_at(indexes)` when the sequence reads them in one go (a SegmentStore
    opens each file once), else `segments[i]` for each."""
    read_at = getattr(segments, "read_at", None)
    if read_at is not None:
        return read_at(indexes)
    return {i: segments[i] for i in indexes}

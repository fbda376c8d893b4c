"""How a check type is declared.

A check type is a plain function registered with `@check_type`. Segment-scope checks receive one
`Segment`; document-scope checks receive every segment and set `Hit.segment` to the index. Both
receive the rule's merged `options` and the run's `Context`, and yield `Hit`s. Checks never build
messages, codes or severities: the rule (YAML) owns those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from transqa.model import Hit, Segment

Scope = Literal["segment", "document"]
SegmentCheck = Callable[[Segment, dict[str, Any], "Context"], Iterable[Hit]]
DocumentCheck = Callable[[Sequence[Segment], dict[str, Any], "Context"], Iterable[Hit]]


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

    def register(fn: Callable[..., Iterable[Hit]]) -> Callable[..., Iterable[Hit]]:
        if name in REGISTRY:
            raise RuntimeError(f"check type {name!r} registered twice")
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

"""JSON text in pieces, byte for byte what `json.dumps(value, ensure_ascii=False, indent=2)` gives.

A report's long list (one entry per finding) is a `Streamed`: its entries are made and encoded one at
a time while the text is written, so the whole list of dicts and the whole text are never held.
Everything else is encoded by the standard library's encoder with the same settings as `json.dumps`.

Why the pieces equal `json.dumps`: with `indent`, a value nested `depth` levels deep is encoded exactly
as at the top level with every line break followed by `depth` more indents (the encoder escapes line
breaks inside strings, so every "\\n" in its output is one it put between items).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

INDENT = "  "
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=len(INDENT))


class Streamed:
    """A JSON array whose entries are `convert(item)` for each of `items`, made while writing."""

    def __init__(self, items: Sequence[Any], convert: Callable[[Any], Any]):
        self.items, self.convert = items, convert


def chunks(value: Any) -> Iterator[str]:
    """`json.dumps(value, ensure_ascii=False, indent=2) + "\\n"` in pieces; `Streamed` arrays as lists."""
    yield from _chunks(value, 0)
    yield "\n"


def materialise(value: Any) -> Any:
    """`value` with each `Streamed` made into the list it stands for (for `json.dumps` and Python users)."""
    if isinstance(value, Streamed):
        return [value.convert(item) for item in value.items]
    if isinstance(value, dict) and _holds_stream(value):
        return {key: materialise(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)) and _holds_stream(value):
        return [materialise(item) for item in value]
    return value


def _nested(value: Any, depth: int) -> str:
    return _ENCODER.encode(value).replace("\n", "\n" + INDENT * depth)


def _holds_stream(value: Any) -> bool:
    if isinstance(value, Streamed):
        return True
    if isinstance(value, dict):
        return any(map(_holds_stream, value.values()))
    if isinstance(value, (list, tuple)):
        return any(map(_holds_stream, value))
    return False


def _chunks(value: Any, depth: int) -> Iterator[str]:
    if not _holds_stream(value):
        yield _nested(value, depth)
        return
    if isinstance(value, Streamed):
        members = ((_nested(value.convert(item), depth + 1),) for item in value.items)
    elif isinstance(value, dict):  # keys are strings (a report's own dicts)
        members = (_member(key, item, depth + 1) for key, item in value.items())
    else:
        members = (_chunks(item, depth + 1) for item in value)
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    empty = True
    for member in members:
        yield (opening if empty else ",") + "\n" + INDENT * (depth + 1)
        yield from member
        empty = False
    yield opening + closing if empty else "\n" + INDENT * depth + closing


def _member(key: str, value: Any, depth: int) -> Iterator[str]:
    yield _ENCODER.encode(key) + ": "
    yield from _chunks(value, depth)

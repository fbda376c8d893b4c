"""Safe YAML loading that remembers line numbers, so errors can name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from transqa.errors import TransqaError

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping from YAML that knows the 1-based line it started on."""

    line: int | None = None


class _LineLoader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader (no Python object tags) whose mappings are LineDicts."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise TransqaError("mapping key is not a plain value", line=key_node.start_mark.line + 1) from None
        if key in mapping:
            raise TransqaError(f"duplicate key {key!r}", line=key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

MAX_YAML_BYTES = 64 * 1024 * 1024


def line_of(value: Any) -> int | None:
    return getattr(value, "line", None)


def load_yaml_text(text: str, path: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader derives from SafeLoader
    except TransqaError as exc:
        raise TransqaError(exc.message, path=path, line=exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise TransqaError(f"invalid YAML: {problem}", path=path,
                           line=mark.line + 1 if mark else None,
                           column=mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise TransqaError(f"invalid YAML: {str(exc).splitlines()[0]}", path=path) from None


def load_yaml_file(path: str | Path) -> Any:
    p = Path(path)
    if not p.exists():
        raise TransqaError("file not found", path=str(path))
    if p.is_dir():
        raise TransqaError("is a directory, expected a YAML file", path=str(path))
    try:
        if p.stat().st_size > MAX_YAML_BYTES:
            raise TransqaError(f"file larger than {MAX_YAML_BYTES // 2**20} MiB", path=str(path))
        raw = p.read_bytes()
    except OSError as exc:
        raise TransqaError(f"cannot read: {exc.strerror}", path=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TransqaError(f"not UTF-8 (byte offset {exc.start})", path=str(path)) from None
    return load_yaml_text(text, str(path))

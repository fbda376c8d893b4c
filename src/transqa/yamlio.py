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


MAX_YAML_NODES = 1_000_000  # nodes after expanding aliases: a "billion laughs" file stops here


def _check_size(root: yaml.Node) -> None:
    """Refuse documents whose aliases expand past MAX_YAML_NODES nodes, or refer to themselves."""
    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = ([n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode)
                    else node.value if isinstance(node, yaml.SequenceNode) else [])
        if children_done:
            visiting.discard(id(node))
            sizes[id(node)] = size = min(MAX_YAML_NODES + 1, 1 + sum(sizes[id(c)] for c in children))
            # over the limit only through aliases: a 150,000-entry glossary has over a million real
            # nodes (len(sizes) counts the distinct ones) and is no bomb
            if size > MAX_YAML_NODES and size > 2 * len(sizes):  # innermost node over: the line to show
                raise TransqaError(f"aliases expand to more than {MAX_YAML_NODES:,} nodes (a YAML bomb?)",
                                   line=node.start_mark.line + 1)
            continue
        if id(node) in visiting:
            raise TransqaError("an alias refers to a node that contains it", line=node.start_mark.line + 1)
        visiting.add(id(node))
        stack.append((node, True))
        for child in children:
            if id(child) in visiting:
                raise TransqaError("an alias refers to a node that contains it", line=child.start_mark.line + 1)
            if id(child) not in sizes:
                stack.append((child, False))


def _load(text: str) -> Any:
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text:  # no `&` = no anchors = no aliases to expand: skip the walk (40% of a big load)
            _check_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def load_yaml_text(text: str, path: str) -> Any:
    try:
        return _load(text)  # _LineLoader derives from SafeLoader: no Python object tags
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


def read_utf8_file(path: str | Path, kind: str = "YAML") -> str:
    """The text of a UTF-8 data file (BOM allowed), with one-line errors for every way reading fails."""
    p = Path(path)
    if not p.exists():
        raise TransqaError("file not found", path=str(path))
    if p.is_dir():
        raise TransqaError(f"is a directory, expected a {kind} file", path=str(path))
    try:
        if p.stat().st_size > MAX_YAML_BYTES:
            raise TransqaError(f"file larger than {MAX_YAML_BYTES // 2**20} MiB", path=str(path))
        raw = p.read_bytes()
    except OSError as exc:
        raise TransqaError(f"cannot read: {exc.strerror}", path=str(path)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TransqaError(f"not UTF-8 (byte offset {exc.start})", path=str(path)) from None


def load_yaml_file(path: str | Path) -> Any:
    return load_yaml_text(read_utf8_file(path), str(path))

"""Inline tags in XLIFF/TMX text -> one placeholder character per tag, the tags kept in Segment.meta.

Each tag (`<g>`/`</g>`, `<x/>`, `<ph>`, `<bx/>`/`<ex/>`, `<bpt>`/`<ept>`, `<it>`, `<pc>`, `<sc/>`/`<ec/>`,
`<mrk>`, TMX `<hi>`/`<ut>`, ...) becomes U+FFFC OBJECT REPLACEMENT CHARACTER in the segment text. The
character is not a letter, digit, space or punctuation mark, so text checks neither fire on it nor
join words across it, and finding spans stay offsets into the text a reviewer sees (tags shown as
U+FFFC). `meta["tags"][side]` lists the tags in order as {"key", "markup", "at"}: `key` names the tag
for source/target comparison (`<g1>`, `</g1>`, `<x2/>`, `<bpt3>`), `markup` is the original XML and
`at` the placeholder's offset. Native code inside `ph`/`bpt`/`ept`/`it` (and its `sub` flows) is
markup, not text.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from transqa.readers.xmlsafe import local_name

TAG_CHAR = "\ufffc"

# Elements standing for one code (their content, if any, is native code) vs. elements that wrap text.
STANDALONE = {"x", "ph", "it", "bx", "ex", "bpt", "ept", "ut", "sc", "ec", "sm", "em", "cp"}
CONTAINERS = {"g", "pc", "mrk", "hi"}
_ID_ATTRS = ("id", "i", "x", "startRef", "rid")
_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')


def _tag_id(element: etree._Element) -> str:
    name = local_name(element)
    if name == "ec" and element.get("startRef"):
        return element.get("startRef")
    for attr in _ID_ATTRS:
        if element.get(attr) is not None:
            return element.get(attr)
    return ""


def _open_markup(element: etree._Element) -> str:
    attrs = "".join(f' {etree.QName(k).localname}="{v}"' for k, v in element.attrib.items())
    return f"<{local_name(element)}{attrs}>"


def _markup(element: etree._Element) -> str:
    return _XMLNS.sub("", etree.tostring(element, with_tail=False, encoding="unicode"))


def _key(element: etree._Element, part: str) -> str:
    name, ident = local_name(element), _tag_id(element)
    return {"open": f"<{name}{ident}>", "close": f"</{name}{ident}>", "code": f"<{name}{ident}/>"}[part]


def flatten(element: etree._Element, *, is_segment_marker=None) -> tuple[str, list[dict[str, Any]]]:
    """Text of `element` with tags replaced by TAG_CHAR, and the tag list.

    `is_segment_marker(el)` tells which `mrk` elements are segmentation (XLIFF 1.2 `mtype="seg"`):
    those are transparent, not tags.
    """
    parts: list[str] = []
    tags: list[dict[str, Any]] = []
    length = 0

    def add_text(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def add_tag(key: str, markup: str) -> None:
        nonlocal length
        tags.append({"key": key, "markup": markup, "at": length})
        parts.append(TAG_CHAR)
        length += 1

    def walk(node: etree._Element) -> None:
        add_text(node.text)
        for child in node:
            name = local_name(child)
            if not name:  # comment or processing instruction: not text
                pass
            elif is_segment_marker is not None and is_segment_marker(child):
                walk(child)
            elif name in CONTAINERS or name not in STANDALONE:
                add_tag(_key(child, "open"), _open_markup(child))
                walk(child)
                add_tag(_key(child, "close"), f"</{name}>")
            else:
                add_tag(_key(child, "code"), _markup(child))
            add_text(child.tail)

    walk(element)
    return "".join(parts), tags

"""The one place XML input is parsed: no external entities, no DTD loading, no network, no entity bombs.

`parse_xml(path)` returns the root element or raises TransqaError as `file:line:column: message`.
A document that declares entities in its DOCTYPE is refused outright (XXE and "billion laughs" both
need entity declarations; XLIFF and TMX never need them). A plain `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`
is allowed but the DTD is never read.
"""

from __future__ import annotations

import re

from lxml import etree

from transqa.errors import TransqaError
from transqa.textio import read_bytes

_POSITION_SUFFIX = re.compile(r",\s*line \d+,\s*column \d+\s*$")
_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(?:%\s*)?([^\s>]+)")


def _refuse_entities(data: bytes, path: str) -> None:
    """Refuse entity declarations before the parser sees them (no expansion, no external fetch)."""
    doctype = data.find(b"<!DOCTYPE")
    found = _ENTITY_DECL.search(data, doctype) if doctype >= 0 else None
    if found:
        line = data[: found.start()].count(b"\n") + 1
        name = found.group(1).decode("utf-8", "replace")
        raise TransqaError(f"the DOCTYPE declares entity {name!r}; entity declarations are refused "
                           "(they can read local files or expand without bound)", path=path, line=line)


class _NothingFetched(etree.Resolver):
    """Any external resource (a DOCTYPE's DTD URL, ...) resolves to nothing: no file or network read.

    Without a resolver, `no_network` makes lxml refuse `<!DOCTYPE xliff PUBLIC "..." "http://...">`,
    which XLIFF 1.0/1.1 tools write routinely."""

    def resolve(self, url, public_id, context):
        return self.resolve_string("", context)


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_blank_text=False, collect_ids=False)
    parser.resolvers.add(_NothingFetched())
    return parser


def parse_xml(path: str, raw: bytes | None = None) -> etree._Element:
    """Parse `path` (or `raw`, read from it) safely and return the root element."""
    data = read_bytes(path) if raw is None else raw
    if not data.strip():
        raise TransqaError("file is empty (no text to check)", path=path)
    _refuse_entities(data, path)
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        message = _POSITION_SUFFIX.sub("", exc.msg or "malformed XML")
        raise TransqaError(f"malformed XML: {message}", path=path, line=line or None,
                           column=column or None) from None
    except ValueError as exc:  # e.g. an encoding declaration lxml cannot honour
        raise TransqaError(f"malformed XML: {exc}", path=path) from None
    dtd = root.getroottree().docinfo.internalDTD
    for entity in dtd.iterentities() if dtd is not None else ():  # e.g. a UTF-16 file the byte scan missed
        raise TransqaError(f"the DOCTYPE declares entity {entity.name!r}; entity declarations are refused",
                           path=path, line=1)
    for node in root.iter(etree.Entity):
        raise TransqaError(f"undeclared entity reference &{node.name};", path=path, line=node.sourceline)
    return root


def local_name(element: etree._Element) -> str:
    """The tag without its namespace; '' for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(element: etree._Element) -> str:
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def xml_encoding(root: etree._Element) -> str:
    """The encoding the parser used (declared, from the BOM, or UTF-8), lower-case like textio's names."""
    return (root.getroottree().docinfo.encoding or "utf-8").lower()

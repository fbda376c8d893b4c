"""TMX 1.1-1.4: one Segment per `<tu>`, Chinese `<tuv>` as source and English `<tuv>` as target.

The segment id is the `tuid` (else the 1-based position of the `<tu>`); locations point at the line
of the English `<seg>`. A header `srclang` other than Chinese (or `*all*`) is refused, like an en->zh
XLIFF file. A `<tu>` without both a Chinese and an English `<tuv>` is an input error.
"""

from __future__ import annotations

from lxml import etree

from transqa.errors import TransqaError
from transqa.model import Document, Location, Segment
from transqa.readers.inline_tags import flatten
from transqa.readers.languages import base, check_direction
from transqa.readers.xmlsafe import local_name, parse_xml, xml_encoding

VERSIONS = {"1.1", "1.2", "1.3", "1.4", "1.4b"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _lang(tuv: etree._Element) -> str | None:
    return tuv.get(XML_LANG) or tuv.get("lang")


def _pick(tu, wanted: str) -> tuple[etree._Element, etree._Element] | None:
    for tuv in tu:
        if local_name(tuv) == "tuv" and base(_lang(tuv)) == wanted:
            seg = next((c for c in tuv if local_name(c) == "seg"), None)
            if seg is not None:
                return tuv, seg
    return None


def read_tmx(path: str, root: etree._Element | None = None) -> Document:
    root = parse_xml(path) if root is None else root
    if local_name(root) != "tmx":
        raise TransqaError(f"expected a TMX file (root <tmx>), found <{local_name(root)}>", path=path,
                           line=root.sourceline)
    version = root.get("version", "")
    if version not in VERSIONS:
        raise TransqaError(f"unsupported TMX version {version or '(none)'!r}; transqa reads TMX 1.1-1.4",
                           path=path, line=root.sourceline)
    header = next((c for c in root if local_name(c) == "header"), None)
    srclang = header.get("srclang") if header is not None else None
    if srclang and srclang != "*all*":
        check_direction(srclang, None, path=path, line=header.sourceline, what="the TMX header srclang")
    body = next((c for c in root if local_name(c) == "body"), None)
    units = [c for c in body if local_name(c) == "tu"] if body is not None else []
    segments = []
    languages: dict[str, str | None] = {"srclang": srclang}
    for index, tu in enumerate(units, 1):
        tuid = tu.get("tuid") or index
        picked = {side: _pick(tu, lang) for side, lang in (("source", "zh"), ("target", "en"))}
        for side, found in picked.items():
            if found is None:
                lang = "Chinese (zh)" if side == "source" else "English (en)"
                raise TransqaError(f"<tu> {tuid!r} has no {lang} <tuv> with a <seg>", path=path,
                                   line=tu.sourceline)
            languages.setdefault(side, _lang(found[0]))
        (_, src_seg), (_, tgt_seg) = picked["source"], picked["target"]
        source, src_tags = flatten(src_seg)
        target, tgt_tags = flatten(tgt_seg)
        loc = Location(path, tgt_seg.sourceline)
        meta = {"source_line": src_seg.sourceline}
        if src_tags or tgt_tags:
            meta["tags"] = {"source": src_tags, "target": tgt_tags}
        segments.append(Segment(id=tuid, source=source, target=target, source_location=loc,
                                target_location=loc, meta=meta))
    if not segments:
        raise TransqaError("no <tu> translation units to check", path=path)
    return Document(segments=tuple(segments), inputs={"format": f"tmx-{version}", "file": path,
                                                       "languages": languages,
                                                       "encoding": xml_encoding(root)})

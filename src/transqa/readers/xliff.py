"""XLIFF 1.2 (incl. .sdlxliff / .mqxliff and seg-source segmentation) and XLIFF 2.0/2.1/2.2.

One Segment per translatable segment: the unit id, or `unit/segment` when a unit holds several
segments (XLIFF 1.2 `seg-source` `mrk mtype="seg"` / XLIFF 2 `segment`). Both locations point at the
line where that segment's target starts. Units marked translate="no" are skipped. A unit without a
`<target>` is an input error (an empty `<target/>` is read as an empty translation). Inline tags
become placeholders (see inline_tags). In XLIFF 2, a `ph`/`pc`/`sc`/`ec` tag whose `dataRef`
(`dataRefStart`/`dataRefEnd` for `pc`) names a `<data id>` of the unit's `<originalData>` gets that
native code as `data` in its meta["tags"] entry (`<pc id="1" dataRefStart="d1">` -> "<b>"), for display.
"""

from __future__ import annotations

import re

from lxml import etree

from transqa.errors import TransqaError
from transqa.model import Document, Location, Segment
from transqa.readers.inline_tags import flatten
from transqa.readers.languages import base, check_direction
from transqa.readers.xmlsafe import local_name, namespace, parse_xml, xml_encoding

NS_1 = {"urn:oasis:names:tc:xliff:document:1.2", "urn:oasis:names:tc:xliff:document:1.1",
        "urn:oasis:names:tc:xliff:document:1.0", ""}
NS_2 = {"urn:oasis:names:tc:xliff:document:2.0", "urn:oasis:names:tc:xliff:document:2.2"}
VERSIONS_1 = {"1.0", "1.1", "1.2"}
VERSIONS_2 = {"2.0", "2.1", "2.2"}
VARIANTS = {".sdlxliff": "sdlxliff", ".mqxliff": "mqxliff"}


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if local_name(c) == name]


def _is_seg_mrk(element: etree._Element) -> bool:
    return local_name(element) == "mrk" and element.get("mtype") == "seg"


def _seg_mrks(element: etree._Element | None) -> list[etree._Element]:
    if element is None:
        return []
    return [e for e in element.iter() if isinstance(e.tag, str) and _is_seg_mrk(e)]


def _segment(seg_id: str, source_el, target_el, path: str, unit_line: int, **meta) -> Segment:
    source, src_tags = flatten(source_el, is_segment_marker=_is_seg_mrk)
    if target_el is None:
        target, tgt_tags, line = "", [], unit_line
    else:
        target, tgt_tags = flatten(target_el, is_segment_marker=_is_seg_mrk)
        line = target_el.sourceline
    loc = Location(path, line)
    meta.update(source_line=source_el.sourceline)
    if src_tags or tgt_tags:
        meta["tags"] = {"source": src_tags, "target": tgt_tags}
    return Segment(id=seg_id, source=source, target=target, source_location=loc, target_location=loc,
                   meta=meta)


def _unit_id(unit: etree._Element, index: int) -> str:
    return unit.get("id") or unit.get("resname") or str(index)


def _read_12(root, path: str) -> tuple[list[Segment], dict]:
    segments: list[Segment] = []
    languages = {}
    for file_el in (e for e in root if local_name(e) == "file"):
        src, tgt = file_el.get("source-language"), file_el.get("target-language")
        check_direction(src, tgt, path=path, line=file_el.sourceline, what="<file> " + repr(
            file_el.get("original", "")))
        languages = languages or {"source": src, "target": tgt}
        units = [e for e in file_el.iter() if isinstance(e.tag, str) and local_name(e) == "trans-unit"]
        for index, unit in enumerate(units, 1):
            if unit.get("translate") == "no":
                continue
            uid = _unit_id(unit, index)
            sources, targets = _children(unit, "source"), _children(unit, "target")
            if not sources:
                raise TransqaError(f"trans-unit {uid!r} has no <source>", path=path, line=unit.sourceline)
            if not targets:
                raise TransqaError(f"trans-unit {uid!r} has no <target> (untranslated file? an empty "
                                   "<target/> is accepted)", path=path, line=unit.sourceline)
            seg_source = next(iter(_children(unit, "seg-source")), None)
            src_mrks = _seg_mrks(seg_source)
            if not src_mrks or not _seg_mrks(targets[0]):  # unsegmented target: compare whole unit
                segments.append(_segment(uid, sources[0], targets[0], path, unit.sourceline,
                                         state=targets[0].get("state")))
                continue
            tgt_mrks = {m.get("mid"): m for m in _seg_mrks(targets[0])}
            for mrk in src_mrks:
                mid = mrk.get("mid", "")
                seg_id = uid if len(src_mrks) == 1 else f"{uid}/{mid}"
                target = tgt_mrks.get(mid)
                segments.append(_segment(seg_id, mrk, target, path, targets[0].sourceline, mid=mid))
    return segments, languages


_DATA_REF = re.compile(r'\sdataRef(?:Start)?="([^"]*)"')
_DATA_REF_END = re.compile(r'\sdataRefEnd="([^"]*)"')


def _original_data(unit: etree._Element) -> dict[str, str]:
    """`<data id>` -> native code, from the unit's `<originalData>`."""
    return {d.get("id"): "".join(d.itertext()) for block in _children(unit, "originalData")
            for d in _children(block, "data") if d.get("id")}


def _with_data(segment: Segment, data: dict[str, str]) -> Segment:
    """Each tag entry referring to originalData gets the native code it stands for as `data`."""
    tags = segment.meta.get("tags")
    if not data or not tags:
        return segment
    for side in ("source", "target"):
        ends: list[str | None] = []  # dataRefEnd of the open <pc> tags, innermost last
        for tag in tags[side]:
            markup = tag["markup"]
            if markup.startswith("</"):  # closes the innermost open container (pc, mrk, g...)
                ref = ends.pop() if ends else None
            else:
                start = _DATA_REF.search(markup)
                ref = start.group(1) if start else None
                if not tag["key"].endswith("/>"):
                    end = _DATA_REF_END.search(markup)
                    ends.append(end.group(1) if end else None)
            if ref in data:
                tag["data"] = data[ref]
    return segment


def _read_2(root, path: str) -> tuple[list[Segment], dict]:
    src, tgt = root.get("srcLang"), root.get("trgLang")
    check_direction(src, tgt, path=path, line=root.sourceline, what="<xliff>")
    segments: list[Segment] = []
    units = [e for e in root.iter() if isinstance(e.tag, str) and local_name(e) == "unit"]
    for index, unit in enumerate(units, 1):
        if unit.get("translate") == "no":
            continue
        uid = _unit_id(unit, index)
        data = _original_data(unit)
        segs = _children(unit, "segment")
        for n, seg in enumerate(segs, 1):
            sources, targets = _children(seg, "source"), _children(seg, "target")
            seg_id = uid if len(segs) == 1 else f"{uid}/{seg.get('id') or n}"
            if not sources:
                raise TransqaError(f"unit {seg_id!r} has no <source>", path=path, line=seg.sourceline)
            if not targets:
                raise TransqaError(f"unit {seg_id!r} has no <target> (untranslated file? an empty "
                                   "<target/> is accepted)", path=path, line=seg.sourceline)
            segments.append(_with_data(_segment(seg_id, sources[0], targets[0], path, seg.sourceline,
                                                state=seg.get("state")), data))
    return segments, {"source": src, "target": tgt}


def read_xliff(path: str, root: etree._Element | None = None, suffix: str = "") -> Document:
    root = parse_xml(path) if root is None else root
    if local_name(root) != "xliff":
        raise TransqaError(f"expected an XLIFF file (root <xliff>), found <{local_name(root)}>", path=path,
                           line=root.sourceline)
    version, ns = root.get("version", ""), namespace(root)
    if version in VERSIONS_1 and ns in NS_1:
        segments, languages = _read_12(root, path)
        fmt = "xliff-1.2"
    elif version in VERSIONS_2 and ns in NS_2:
        segments, languages = _read_2(root, path)
        fmt = f"xliff-{version}"
    else:
        raise TransqaError(f"unsupported XLIFF version {version or '(none)'!r} (namespace {ns or '(none)'}); "
                           "transqa reads XLIFF 1.0-1.2 and 2.0-2.2", path=path, line=root.sourceline)
    if not segments:
        raise TransqaError("no translatable units to check", path=path)
    return Document(segments=tuple(segments), source_lang=base(languages.get("source")) or "zh",
                    target_lang=base(languages.get("target")) or "en", inputs={
                        "format": fmt, "variant": VARIANTS.get(suffix, "xliff"), "file": path,
                        "languages": languages, "encoding": xml_encoding(root)})

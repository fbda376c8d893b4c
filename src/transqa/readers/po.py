"""Gettext PO (via polib): one Segment per translated message, msgid as source, msgstr as target.

The segment id is the line of the entry's `msgid` (PO has no unit ids; msgid text can be long and
repeats across contexts); `msgctxt`, `fuzzy` and plural index go into Segment.meta. Plural entries
give one segment per msgstr[n] (source: msgid for n = 0, msgid_plural otherwise), id `LINE[n]`.
Locations point at the `msgstr` line. Obsolete (#~) entries and the header are skipped. A `Language`
header naming another target than English (or `X-Source-Language` other than Chinese) is refused.
"""

from __future__ import annotations

import bisect
import re

import polib

from transqa.errors import TransqaError
from transqa.model import Document, Location, Segment
from transqa.readers.languages import check_direction
from transqa.textio import read_text, split_lines

_SYNTAX = re.compile(r"\(line (\d+)\)")
_STRING_LINE = re.compile(r'(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*"')
_CLOSED = re.compile(r'(?<!\\)(?:\\\\)*"\s*$')


def _check_strings_closed(lines: list[str], path: str) -> None:
    """polib reads `msgid "abc` (no closing quote) as "ab": refuse it instead of checking a wrong text."""
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if _STRING_LINE.match(text) and (len(text) < 2 or not _CLOSED.search(text)):
            raise TransqaError("malformed PO: a string is not closed with '\"'", path=path, line=number)


def _starts(lines: list[str], keyword: str) -> list[int]:
    return [n for n, line in enumerate(lines, 1) if line.lstrip().startswith(keyword)]


def _after(starts: list[int], line: int) -> int:
    i = bisect.bisect_left(starts, line)
    return starts[i] if i < len(starts) else line


def read_po(path: str) -> Document:
    decoded = read_text(path)
    if not decoded.text.strip():
        raise TransqaError("file is empty (no text to check)", path=path)
    _check_strings_closed(split_lines(decoded.text), path)
    try:
        catalog = polib.pofile(decoded.text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        message = str(exc)
        found = _SYNTAX.search(message)
        raise TransqaError(f"malformed PO: {_SYNTAX.sub('', message).replace(' :', ':').strip()}", path=path,
                           line=int(found.group(1)) if found else None) from None
    meta = catalog.metadata
    check_direction(meta.get("X-Source-Language"), meta.get("Language"), path=path, line=1,
                    what="the PO header")
    lines = split_lines(decoded.text)
    msgid_lines, msgstr_lines = _starts(lines, "msgid "), _starts(lines, "msgstr")
    segments = []
    for entry in catalog:
        if entry.obsolete or not entry.msgid:
            continue
        id_line = _after(msgid_lines, entry.linenum)
        str_line = _after(msgstr_lines, id_line)
        info = {"msgctxt": entry.msgctxt, "fuzzy": entry.fuzzy, "source_line": id_line}
        if entry.msgid_plural:
            for n in sorted(entry.msgstr_plural):
                source = entry.msgid if n == 0 else entry.msgid_plural
                k = bisect.bisect_left(msgstr_lines, str_line) + n  # msgstr[n] is the n-th msgstr after msgid
                loc = Location(path, msgstr_lines[k] if k < len(msgstr_lines) else str_line)
                segments.append(Segment(id=f"{id_line}[{n}]", source=source, target=entry.msgstr_plural[n],
                                        source_location=loc, target_location=loc, meta={**info, "plural": n}))
        else:
            loc = Location(path, str_line)
            segments.append(Segment(id=id_line, source=entry.msgid, target=entry.msgstr, source_location=loc,
                                    target_location=loc, meta=info))
    if not segments:
        raise TransqaError("no PO messages to check (is this a PO file?)", path=path)
    return Document(segments=tuple(segments), inputs={
        "format": "po", "file": path, "encoding": decoded.encoding,
        "languages": {"source": meta.get("X-Source-Language"), "target": meta.get("Language")}})

"""Readers: one module per input format, each returning a `Document`. Only readers touch input files."""

from __future__ import annotations

from pathlib import Path

from transqa.errors import TransqaError
from transqa.model import Document

TABLE_SUFFIXES = (".tsv", ".csv", ".tab")
XML_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tmx", ".xml")
PO_SUFFIXES = (".po", ".pot")


def _sniff(path: str) -> str | None:
    """'xml' or 'po' from the first bytes of a file whose extension says nothing."""
    from transqa.textio import read_bytes

    head = read_bytes(path)[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "xml"
    if b'msgid "' in head and b'msgstr' in head:
        return "po"
    return None


def read_bilingual(path: str, kind: str) -> Document:
    """XLIFF or TMX (picked by the root element) or PO."""
    if kind == "po":
        from transqa.readers.po import read_po

        return read_po(path)
    from transqa.readers.xmlsafe import local_name, parse_xml

    root = parse_xml(path)
    if local_name(root) not in ("xliff", "tmx"):
        raise TransqaError(f"not an XLIFF or TMX file: the root element is <{local_name(root)}>", path=path,
                           line=root.sourceline)
    if local_name(root) == "tmx":
        from transqa.readers.tmx import read_tmx

        return read_tmx(path, root)
    from transqa.readers.xliff import read_xliff

    return read_xliff(path, root, Path(path).suffix.lower())


def read_document(paths: list[str], *, columns: str | None = None, source_encoding: str | None = None,
                  target_encoding: str | None = None, align: bool = False, glossaries=()) -> Document:
    """Pick the reader from the number of paths and the file type (`align`: sentence-align two documents)."""
    if align:
        if len(paths) != 2:
            raise TransqaError("--align takes two documents: SOURCE TARGET")
        from transqa.align import read_aligned

        return read_aligned(paths[0], paths[1], source_encoding=source_encoding,
                            target_encoding=target_encoding, glossaries=glossaries)
    if len(paths) == 2:
        from transqa.readers.text_pair import read_text_pair

        return read_text_pair(paths[0], paths[1], source_encoding=source_encoding,
                              target_encoding=target_encoding)
    if len(paths) == 1:
        path = paths[0]
        suffix = Path(path).suffix.lower()
        if suffix in TABLE_SUFFIXES:
            from transqa.readers.table import read_table

            return read_table(path, columns=columns, encoding=source_encoding)
        kind = "xml" if suffix in XML_SUFFIXES else "po" if suffix in PO_SUFFIXES else _sniff(path)
        if kind:
            return read_bilingual(path, kind)
        raise TransqaError(f"cannot tell the format from {suffix or 'no extension'!r}; give SOURCE and TARGET "
                           "text files, or a .tsv/.csv, XLIFF, TMX or PO file", path=path)
    raise TransqaError("give SOURCE TARGET (two text files) or one bilingual file")

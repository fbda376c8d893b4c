"""Readers: one module per input format, each returning a `Document`. Only readers touch input files."""

from __future__ import annotations

from pathlib import Path

from transqa.errors import TransqaError
from transqa.model import Document

TABLE_SUFFIXES = (".tsv", ".csv", ".tab")


def read_document(paths: list[str], *, columns: str | None = None, source_encoding: str | None = None,
                  target_encoding: str | None = None) -> Document:
    """Pick the reader from the number of paths and the file type."""
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
        raise TransqaError(f"cannot tell the format from {suffix or 'no extension'!r}; give SOURCE and TARGET "
                           "text files, or a .tsv/.csv file", path=path)
    raise TransqaError("give SOURCE TARGET (two text files) or one bilingual file")

"""Reading text files: bytes -> str with the encoding named, binary and size guarded. Never writes."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from transqa.errors import TransqaError

MAX_INPUT_BYTES = 512 * 1024 * 1024
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    if not p.exists():
        raise TransqaError("file not found", path=str(path))
    if p.is_dir():
        raise TransqaError("is a directory, expected a file", path=str(path))
    try:
        if p.stat().st_size > MAX_INPUT_BYTES:
            raise TransqaError(f"file larger than {MAX_INPUT_BYTES // 2**20} MiB", path=str(path))
        return p.read_bytes()
    except OSError as exc:
        raise TransqaError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None


def decode(raw: bytes, path: str, encoding: str | None = None) -> DecodedText:
    """Decode with the given encoding, else the BOM, else UTF-8; NUL bytes mean binary input."""
    if encoding is None:
        for bom, name in _BOMS:
            if raw.startswith(bom):
                encoding = name
                break
    if encoding is None:
        if b"\x00" in raw:
            raise TransqaError("binary file (contains NUL bytes), expected text", path=path)
        encoding = "utf-8"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TransqaError(f"cannot decode as {encoding} (byte offset {exc.start}); "
                           "pass the right encoding", path=path, line=line) from None
    except LookupError:
        raise TransqaError(f"unknown encoding {encoding!r}", path=path) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise TransqaError("binary content (NUL character), expected text", path=path, line=line)
    return DecodedText(text.lstrip("\ufeff") if encoding.startswith("utf-8") else text, encoding)


def read_text(path: str | Path, encoding: str | None = None) -> DecodedText:
    return decode(read_bytes(path), str(path), encoding)


def split_lines(text: str) -> list[str]:
    """Lines split on LF, CRLF or CR; a final newline does not make an extra empty line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines

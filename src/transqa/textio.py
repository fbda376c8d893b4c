"""Reading text files: bytes -> str with the encoding named, binary and size guarded. Never writes.

Order of evidence for the encoding (`decode`):
1. the one the user gave (`--source-encoding` / `--target-encoding`);
2. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
3. the file's own declaration, where its format has one (`<?xml ... encoding="..."?>`, a PO header's
   `charset=`);
4. strict UTF-8;
5. detection among the plausible legacy Chinese encodings, GB18030 (a superset of GB2312 and GBK) and
   Big5: the candidates that decode strictly; if both do, a byte-level score (are the two-byte
   characters in GB2312's common-hanzi block or in Big5's frequent-hanzi block?) decides, and
   charset-normalizer (restricted to these encodings with `cp_isolation`) breaks near-ties.
   Measured in benchmarks/encoding_detection.py: charset-normalizer alone is weak on short texts
   (GB18030 snippets of 4 characters: 55% right), the byte-level score is not.
NUL bytes (without a BOM) and control-character soup are refused as binary, with a hint.
"""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from transqa.errors import TransqaError

MAX_INPUT_BYTES = 512 * 1024 * 1024
# One side of one segment. Checks are written for sentences and paragraphs; some (number alignment)
# grow faster than linearly with a segment's length, so a whole document on one line is refused with
# advice instead of running for many minutes.
MAX_SEGMENT_CHARS = 50_000
DETECT_SAMPLE_BYTES = 64 * 1024  # the detector looks at this much; the whole file is then decoded strictly

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Declared or given names decoded with a strict superset (same characters, more of them accepted).
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "euc_cn": "gb18030"}
LEGACY_CANDIDATES = ("gb18030", "big5")
# XML without a BOM announces UTF-16 by the byte pattern of "<?" (XML 1.0, appendix F).
_XML_UTF16 = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")
_PO_CHARSET = re.compile(rb"""^\s*"Content-Type:[^"\n]*charset=([A-Za-z][A-Za-z0-9._-]*)""", re.MULTILINE)
_MAGIC = ((b"PK\x03\x04", "a ZIP archive (.docx, .xlsx, .odt?)"), (b"%PDF", "a PDF file"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"\xd0\xcf\x11\xe0", "an old Office file (.doc, .xls?)"), (b"\x1f\x8b", "a gzip file"),
          (b"7z\xbc\xaf", "a 7-Zip archive"), (b"\x7fELF", "a program"))
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b\x1a")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    method: str = "utf-8"  # given | bom | declared | utf-8 | detected


def _bounded_read(handle, first: int) -> bytes:
    """At most MAX_INPUT_BYTES + 1 bytes, read in blocks sized to the file (`read(n)` reserves n bytes
    up front, so one read of the whole limit would reserve 512 MiB for every input); a file that grows
    or a pipe longer than it said is still read to its end or to the limit."""
    blocks, total, size = [], 0, first
    while total <= MAX_INPUT_BYTES:
        block = handle.read(min(size, MAX_INPUT_BYTES + 1 - total))
        if not block:
            break
        blocks.append(block)
        total += len(block)
        size = 1 << 20
    return b"".join(blocks)


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes; one-line errors for missing files, folders, devices and files over the limit."""
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise TransqaError("file not found", path=str(path)) from None
    except OSError as exc:
        raise TransqaError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise TransqaError("is a directory, expected a file", path=str(path))
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        raise TransqaError("is a device or socket, expected a file", path=str(path))
    if info.st_size > MAX_INPUT_BYTES:
        raise TransqaError(f"file is {info.st_size / 2**20:.0f} MiB, over the {MAX_INPUT_BYTES // 2**20} MiB "
                           "input limit; split it", path=str(path))
    try:
        with p.open("rb") as handle:
            data = _bounded_read(handle, info.st_size + 1 if stat.S_ISREG(info.st_mode) else 1 << 20)
    except OSError as exc:
        raise TransqaError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    if len(data) > MAX_INPUT_BYTES:
        raise TransqaError(f"input over the {MAX_INPUT_BYTES // 2**20} MiB limit; split it", path=str(path))
    return data


def codec_name(encoding: str, path: str | None = None) -> str:
    """The canonical Python codec name for `encoding`; a one-line error if there is no such codec."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):  # base64, zlib, rot13: not text
        raise TransqaError(f"unknown text encoding {encoding!r}", path=path)
    name = info.name
    return _SUPERSETS.get(name.replace("-", "_"), name)


def declared_encoding(raw: bytes) -> str | None:
    """The encoding a file declares for itself (XML declaration, PO header), if it names a real codec."""
    head = raw[:4096]
    for pattern, name in _XML_UTF16:
        if head.startswith(pattern):
            return name
    found = _XML_DECL.match(head)
    if found is None and b"msgid" in head:
        found = _PO_CHARSET.search(head)
    if found is None:
        return None
    try:
        return codec_name(found.group(1).decode("ascii"))
    except TransqaError:  # e.g. the PO template placeholder "charset=CHARSET"
        return None


def _double_byte_units(sample: bytes) -> list[tuple[int, int]]:
    """(lead, trail) pairs of a GB/Big5-style byte stream; ASCII skipped, GB18030 4-byte forms as (lead, 0)."""
    units, i, n = [], 0, len(sample)
    while i < n:
        lead = sample[i]
        if lead < 0x80:
            i += 1
        elif i + 1 < n and 0x30 <= sample[i + 1] <= 0x39:
            units.append((lead, 0))
            i += 4
        else:
            units.append((lead, sample[i + 1] if i + 1 < n else 0))
            i += 2
    return units


def legacy_scores(sample: bytes) -> dict[str, float]:
    """Share of two-byte characters in each encoding's block of common characters and punctuation.

    GB2312 puts its 3,755 common hanzi at lead bytes B0-D7 and CJK punctuation at A1-A3, trail bytes
    always A1-FE. Big5 puts punctuation at A1-A3 and its 5,401 frequent characters at A4-C6, with trail
    bytes 40-7E or A1-FE. Real text in one encoding scores near 1 there and well below 1 in the other.
    """
    units = _double_byte_units(sample)
    if not units:
        return {"gb18030": 0.0, "big5": 0.0}
    gb = sum(1 for lead, trail in units if trail >= 0xA1 and (0xB0 <= lead <= 0xD7 or 0xA1 <= lead <= 0xA3))
    big5 = sum(1 for lead, trail in units if 0xA1 <= lead <= 0xC6 and trail >= 0x40)
    return {"gb18030": gb / len(units), "big5": big5 / len(units)}


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)(errors="strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def detect_legacy(raw: bytes) -> list[str]:
    """The plausible legacy Chinese encodings for `raw`, most likely first (empty if none decodes)."""
    high = _HIGH_BYTE.search(raw)
    first = high.start() if high else 0
    sample = raw[first:first + DETECT_SAMPLE_BYTES]
    fits = [enc for enc in LEGACY_CANDIDATES if _decodes(sample, enc)]
    if len(fits) < 2:
        return fits
    scores = legacy_scores(sample)
    margin = scores["big5"] - scores["gb18030"]
    if abs(margin) >= 0.1:
        return sorted(fits, key=lambda enc: -scores[enc])
    if len(_double_byte_units(sample[:64])) < 6:  # a few characters: GB18030 is the likelier by far
        return sorted(fits, key=lambda enc: enc != "gb18030")
    from charset_normalizer import from_bytes  # near-tie: ask the statistical detector

    best = from_bytes(sample, cp_isolation=list(LEGACY_CANDIDATES), threshold=0.5).best()
    first = codec_name(best.encoding) if best is not None else "gb18030"
    return sorted(fits, key=lambda enc: enc != first)


def _broken_utf8(raw: bytes, error_at: int) -> bool:
    """Mostly valid UTF-8 with a few bad bytes: report it, never re-read it as GB18030 mojibake."""
    start = max(0, error_at - DETECT_SAMPLE_BYTES // 2)
    sample = raw[start:start + DETECT_SAMPLE_BYTES].decode("utf-8", errors="replace")
    bad = sample.count("\ufffd")
    good = sum(1 for ch in sample if ch > "\x7f") - bad
    return good >= 4 * bad


def _binary_error(raw: bytes, path: str) -> TransqaError:
    kind = next((label for magic, label in _MAGIC if raw.startswith(magic)), None)
    if kind:
        return TransqaError(f"binary file ({kind}), expected plain text", path=path)
    return TransqaError("binary file (contains NUL bytes), expected plain text; if it is UTF-16 or UTF-32 "
                        "without a byte-order mark, name the encoding (e.g. --source-encoding utf-16-le)",
                        path=path)


def _check_text(text: str, encoding: str, path: str) -> None:
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise TransqaError(f"NUL character after decoding as {encoding}: binary content or the wrong "
                           "encoding", path=path, line=line)
    sample = text[:DETECT_SAMPLE_BYTES]
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    if controls > 8 and controls * 20 > len(sample):
        raise TransqaError(f"binary content ({controls} control characters in the first {len(sample)}), "
                           "expected plain text", path=path)


def _strict(raw: bytes, encoding: str, path: str, why: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise TransqaError(f"cannot decode as {encoding} ({why}): invalid bytes at offset {exc.start}; "
                           "name the right encoding", path=path, line=line) from None


def decode(raw: bytes, path: str, encoding: str | None = None) -> DecodedText:
    """Decode `raw` following the order of evidence in the module docstring."""
    if encoding is not None:
        name, method, why = codec_name(encoding, path), "given", "as given"
    else:
        bom = next((name for mark, name in _BOMS if raw.startswith(mark)), None)
        declared = None if bom else declared_encoding(raw)
        if bom:
            name, method, why = bom, "bom", "from its byte-order mark"
        elif declared:
            name, method, why = declared, "declared", "as the file declares"
        elif b"\x00" in raw or any(raw.startswith(magic) for magic, _ in _MAGIC):
            raise _binary_error(raw, path)
        else:
            name, method, why = "utf-8", "utf-8", "tried first"
    if method == "utf-8":
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = None
            candidates = [] if _broken_utf8(raw, exc.start) else detect_legacy(raw)
            for candidate in candidates:
                try:
                    text, name, method = raw.decode(candidate), candidate, "detected"
                    break
                except UnicodeDecodeError:
                    continue
            if text is None:
                line = raw.count(b"\n", 0, exc.start) + 1
                what = "broken UTF-8" if _broken_utf8(raw, exc.start) else "not UTF-8, GB18030 or Big5"
                raise TransqaError(f"{what} (invalid bytes at offset {exc.start}); name the encoding "
                                   "(--source-encoding / --target-encoding)", path=path, line=line) from None
    else:
        text = _strict(raw, name, path, why)
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_text(text, name, path)
    return DecodedText(text, name, method)


def read_text(path: str | Path, encoding: str | None = None) -> DecodedText:
    return decode(read_bytes(path), str(path), encoding)


def check_segment_sizes(segments) -> None:
    """One-line error naming file and line for a segment side over MAX_SEGMENT_CHARS code points."""
    for segment in segments:
        for side in ("source", "target"):
            size = len(segment.text(side))
            if size > MAX_SEGMENT_CHARS:
                where = segment.location(side)
                raise TransqaError(f"the {side} of segment {segment.id} is {size:,} characters long, over the "
                                   f"{MAX_SEGMENT_CHARS:,} limit for one segment; put one sentence or paragraph "
                                   "per line, or use --align", path=where.file, line=where.line)


def split_lines(text: str) -> list[str]:
    """Lines split on LF, CRLF or CR; a final newline does not make an extra empty line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines

"""A bilingual two-column table (TSV or CSV): one row per segment, optional header row."""

from __future__ import annotations

import csv
import itertools
import re

from transqa.errors import TransqaError
from transqa.model import Document, Location, Segment
from transqa.textio import read_text

_HEADER_NAMES = {"source", "src", "zh", "zh-cn", "zh_cn", "chinese", "中文", "原文", "target", "tgt", "en",
                 "en-us", "en_us", "english", "英文", "译文", "translation", "id", "key", "编号", "序号"}


def _dialect(path: str, sample: str) -> str:
    if path.lower().endswith(".csv"):
        return ","
    if path.lower().endswith((".tsv", ".tab")):
        return "\t"
    return "\t" if sample.count("\t") >= sample.count(",") else ","


_CELL_START_QUOTE = re.compile(r'(?:^|(?<=\t))"', re.MULTILINE)
_QUOTED_CELL = re.compile(r'"(?:[^"]|"")*"(?=\t|\r|\n|\Z)')


def _quoted_tsv(text: str) -> bool:
    """Does this TSV quote its cells the CSV way (what spreadsheets and Python's csv module write when a
    cell holds a quotation mark: `"say ""no"" now"`)? Only when every cell that starts with a quotation
    mark is one such quoted cell and at least one has a doubled mark inside; otherwise the cells are
    read as written (`"Five Centers" strategy` is text, not a quoted cell)."""
    doubled = False
    for start in _CELL_START_QUOTE.finditer(text):
        cell = _QUOTED_CELL.match(text, start.start())
        if cell is None:
            return False
        doubled = doubled or '""' in cell.group()[1:-1]
    return doubled


def _pick_columns(header: list[str] | None, columns: str | None, path: str) -> tuple[int, int]:
    if not columns:
        if header:
            lowered = [h.strip().lower() for h in header]
            src = next((i for i, h in enumerate(lowered) if h in ("source", "src", "zh", "zh-cn", "zh_cn",
                                                                   "chinese", "中文", "原文")), None)
            tgt = next((i for i, h in enumerate(lowered) if h in ("target", "tgt", "en", "en-us", "en_us",
                                                                   "english", "英文", "译文", "translation")), None)
            if src is not None and tgt is not None:
                return src, tgt
        return 0, 1
    parts = [p.strip() for p in columns.split(",")]
    if len(parts) != 2:
        raise TransqaError(f"--columns takes two columns, SOURCE,TARGET (got {columns!r})", path=path)
    picked = []
    for part in parts:
        if re.fullmatch(r"\d+", part):
            if int(part) < 1:
                raise TransqaError("--columns numbers are 1-based", path=path)
            picked.append(int(part) - 1)
        elif header and part.lower() in [h.strip().lower() for h in header]:
            picked.append([h.strip().lower() for h in header].index(part.lower()))
        else:
            raise TransqaError(f"--columns: no column named {part!r} in the header", path=path)
    return picked[0], picked[1]


def _looks_like_header(row: list[str], columns: str | None) -> bool:
    """A first row naming a known column (source, zh, 原文, target, en, 译文, ...) or a --columns name."""
    cells = {c.strip().lower() for c in row}
    named = {p.strip().lower() for p in (columns or "").split(",") if p.strip() and not p.strip().isdigit()}
    return bool(cells & (_HEADER_NAMES | named))


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str):
    """The lines of `text` with their endings, as io.StringIO(text, newline="") gives them, without its
    copy of the whole text at 4 bytes per character."""
    return (match.group() for match in _LINE_RE.finditer(text))


def _rows(reader, delimiter: str, path: str):
    """(line, row) of every row; a malformed file raises at the row after the last good one."""
    line = 0
    try:
        for row in reader:
            yield reader.line_num, row
            line = reader.line_num
    except csv.Error as exc:
        problem = ("a quoted cell is never closed" if "end of data" in str(exc) else str(exc))
        raise TransqaError(f"malformed {'CSV' if delimiter == ',' else 'TSV'}: {problem}", path=path,
                           line=line + 1) from None


def read_table(path: str, *, columns: str | None = None, encoding: str | None = None) -> Document:
    decoded = read_text(path, encoding)
    text = decoded.text
    if not text.strip():
        raise TransqaError("file is empty (no text to check)", path=path)
    delimiter = _dialect(path, text[:4096])
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # a cell may be one long line
    quoted = delimiter == "," or ('"' in text and _quoted_tsv(text))
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=quoted,
                        quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE)
    rows = _rows(reader, delimiter, path)  # read as segments are built: no list of all rows
    first = next(rows, None)
    header = first[1] if first and _looks_like_header(first[1], columns) else None
    error: TransqaError | None = None  # the first column problem: raised once the whole file has parsed
    try:
        src_col, tgt_col = _pick_columns(header, columns, path)
    except TransqaError as exc:
        error = exc
    segments = []
    for line, row in rows if header or first is None else itertools.chain([first], rows):
        if error is not None or not any(cell.strip() for cell in row):
            continue  # after an error, only read on: a malformed file is reported first
        if len(row) <= max(src_col, tgt_col):
            error = TransqaError(f"row has {len(row)} column(s), expected at least {max(src_col, tgt_col) + 1}"
                                 f" (delimiter {'TAB' if delimiter == chr(9) else repr(delimiter)})",
                                 path=path, line=line)
            continue
        loc = Location(path, line)
        segments.append(Segment(id=line, source=row[src_col], target=row[tgt_col],
                                source_location=loc, target_location=loc))
    if error is not None:
        raise error
    if not segments:
        raise TransqaError("no rows to check", path=path)
    return Document(segments=tuple(segments), inputs={
        "format": "csv" if delimiter == "," else "tsv", "file": path, "encoding": decoded.encoding,
        "columns": [src_col + 1, tgt_col + 1]})

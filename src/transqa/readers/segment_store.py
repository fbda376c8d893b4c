"""The segments of a line-aligned UTF-8 text pair, read again from the files when asked for.

A `SegmentStore` is the `Document.segments` of a large text pair: a `Sequence[Segment]` that keeps
only the byte offset of every line of both files (two `array('q')`, 16 bytes per line, plus 4 bytes
per segment when blank lines are skipped) instead of every segment's text. Iterating reads both files
sequentially in blocks of about BLOCK_BYTES; `store[i]` reads one line of each; a slice reads its
lines and returns a tuple (the last slice is kept, so the findings of a chunk just checked look up
their segments without reading again); `read_at(indexes)` reads chosen segments with each file opened
once (what document checks' `finish` reports). The segments are equal, field by field, to the ones
`read_text_pair` builds in memory: same text, ids (line numbers), locations and skipped blank lines.

Used only with TRANSQA_SEGMENT_STORE=1 (`enabled`; why in readers/text_pair.py). `scan_pair` builds
a store only when it can guarantee that: both inputs are regular files in UTF-8
(with or without a byte-order mark) that decode strictly, declare no other encoding and pass the
binary checks, have the same number of lines and text on at least one line. Otherwise it returns
None and the caller reads the files into memory as before (detection, errors and their wording
unchanged). Each read checks that the file still has the size and modification time it had when it
was scanned; if not, a one-line TransqaError (exit 2) asks to run again.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from array import array
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import fields
from itertools import chain, islice, repeat

from transqa.errors import TransqaError
from transqa.model import NO_META, Location, Segment
from transqa.textio import (_BOMS, _MAGIC, MAX_INPUT_BYTES, MAX_SEGMENT_CHARS, _check_text,
                            declared_encoding, split_lines)

BLOCK_BYTES = 1 << 18  # bytes per sequential read (and per block decoded at once)
GAP_BYTES = 1 << 12  # lines_at: wanted lines this close are read together with the lines between
SAMPLE_CHARS = 64 * 1024  # textio._check_text looks at this many characters for control-character soup
_SEGMENT_FIELDS = ("id", "source", "target", "source_location", "target_location", "meta")
_LOCATION_FIELDS = ("file", "line")
_EOL = re.compile(rb"\r\n|\r|\n")
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)  # a FIFO never blocks the open


class _Unsuitable(Exception):
    """The lazy path cannot promise the eager reader's result for this file: read it into memory."""


class SideFile:
    """One input file: its path, encoding name and the byte offset of each line (and of the end)."""

    __slots__ = ("path", "encoding", "starts", "stamp")

    def __init__(self, path: str, encoding: str, starts: array, stamp: tuple[int, int, int, int]):
        self.path, self.encoding, self.starts, self.stamp = path, encoding, starts, stamp

    @property
    def lines(self) -> int:
        return len(self.starts) - 1

    def open(self) -> int:
        """A descriptor of the file, checked to be the file that was scanned, unchanged."""
        try:
            fd = os.open(self.path, _OPEN_FLAGS)
        except OSError as exc:
            raise self._changed(f"cannot be read again ({exc.strerror or exc})") from None
        info = os.fstat(fd)
        if _stamp(info) != self.stamp:
            os.close(fd)
            raise self._changed("changed")
        return fd

    def _changed(self, what: str) -> TransqaError:
        return TransqaError(f"{what} while transqa was checking it; run the check again", path=self.path)

    def read(self, fd: int, first: int, end: int) -> list[str]:
        """Lines first..end-1 (0-based), decoded."""
        start, stop = self.starts[first], self.starts[end]
        data = os.pread(fd, stop - start, start)
        if len(data) != stop - start:
            raise self._changed("changed")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise self._changed("changed") from None
        lines = split_lines(text)
        if len(lines) != end - first:
            raise self._changed("changed")
        return lines

    def blocks(self, first: int, end: int) -> Iterator[list[str]]:
        """Lines first..end-1 in blocks of about BLOCK_BYTES, read sequentially."""
        fd = self.open()
        try:
            starts, line = self.starts, first
            while line < end:
                stop = max(line + 1, bisect_right(starts, starts[line] + BLOCK_BYTES, line + 1, end + 1) - 1)
                yield self.read(fd, line, stop)
                line = stop
        finally:
            os.close(fd)

    def lines_at(self, numbers: list[int]) -> list[str]:
        """Lines `numbers` (0-based, sorted, distinct), the file opened once: lines less than GAP_BYTES
        apart are read in one go (up to about BLOCK_BYTES), others one read each."""
        out: list[str] = []
        starts, k = self.starts, 0
        fd = self.open()
        try:
            while k < len(numbers):
                first, j = numbers[k], k + 1
                while j < len(numbers) and starts[numbers[j]] - starts[numbers[j - 1] + 1] <= GAP_BYTES \
                        and starts[numbers[j] + 1] - starts[first] <= BLOCK_BYTES:
                    j += 1
                lines = self.read(fd, first, numbers[j - 1] + 1)
                out += [lines[n - first] for n in numbers[k:j]]
                k = j
        finally:
            os.close(fd)
        return out

    def line(self, number: int) -> str:
        fd = self.open()
        try:
            return self.read(fd, number, number + 1)[0]
        finally:
            os.close(fd)


def _stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def _scan(path: str) -> tuple[SideFile, bytearray, list[tuple[int, int]]]:
    """Offsets of every line of `path`, which line is blank, and lines over MAX_SEGMENT_CHARS.

    Raises _Unsuitable for anything the eager reader would treat otherwise than as plain UTF-8."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # opening a FIFO would wait for its writer
            raise _Unsuitable
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        raise _Unsuitable from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= MAX_INPUT_BYTES:
            raise _Unsuitable
        head = os.pread(fd, 4096, 0)
        bom = next((name for mark, name in _BOMS if head.startswith(mark)), None)
        if bom not in (None, "utf-8-sig") or (bom is None and (
                declared_encoding(head) or any(head.startswith(magic) for magic, _ in _MAGIC))):
            raise _Unsuitable
        # decode(): utf-8-sig drops one mark, then one more U+FEFF at the start is dropped
        position = 0 if bom is None else 6 if head.startswith(codecs.BOM_UTF8 * 2) else 3
        starts, blank, long_lines = array("q", [position]), bytearray(), []
        sample: list[str] = []
        sampled = 0
        carry = b""
        while True:
            block = os.pread(fd, BLOCK_BYTES, position + len(carry))
            data = carry + block
            if not block:
                cut = len(data)  # the last line has no line break
            else:
                cut = max(data.rfind(b"\n"), data.rfind(b"\r", 0, len(data) - 1)) + 1  # a final \r may be \r\n
                if cut == 0:
                    carry = data
                    continue
            whole, carry = data[:cut], data[cut:]
            if not whole:
                break
            if b"\x00" in whole:
                raise _Unsuitable
            try:
                text = whole.decode("utf-8")
            except UnicodeDecodeError:
                raise _Unsuitable from None
            if sampled < SAMPLE_CHARS:
                sample.append(text[:SAMPLE_CHARS - sampled])
                sampled += len(sample[-1])
            if b"\r" in whole:
                ends = [m.end() for m in _EOL.finditer(whole)]
                if not block and (not ends or ends[-1] != len(whole)):
                    ends.append(len(whole))
            else:
                pieces = whole.split(b"\n")
                if pieces[-1] == b"":
                    pieces.pop()
                ends, total = [], 0
                for piece in pieces:
                    total += len(piece) + 1
                    ends.append(total)
                if not block and not whole.endswith(b"\n"):
                    ends[-1] -= 1
            lines = split_lines(text)
            if len(lines) != len(ends):
                raise _Unsuitable
            first = len(starts) - 1
            starts.extend(position + end for end in ends)
            blank.extend(not line.strip() for line in lines)
            long_lines.extend((first + n, len(line)) for n, line in enumerate(lines) if len(line) > MAX_SEGMENT_CHARS)
            position += cut
            if not block:
                break
        if _stamp(os.fstat(fd)) != _stamp(info) or position != info.st_size:
            raise _Unsuitable
        try:
            _check_text("".join(sample), "utf-8", path)
        except TransqaError:
            raise _Unsuitable from None
    finally:
        os.close(fd)
    return SideFile(path, bom or "utf-8", starts, _stamp(info)), blank, long_lines


def _fast_constructors() -> bool:
    """Segments and Locations are built with their slot descriptors (as their dataclass __init__ does,
    at C speed) only while the classes have exactly these fields and no __post_init__."""
    return (tuple(f.name for f in fields(Segment)) == _SEGMENT_FIELDS
            and tuple(f.name for f in fields(Location)) == _LOCATION_FIELDS
            and not hasattr(Segment, "__post_init__") and not hasattr(Location, "__post_init__"))


_FAST = _fast_constructors()
_NEW = object.__new__


def _locations(path: str, numbers: list[int]) -> list[Location]:
    if not _FAST:
        return [Location(path, n) for n in numbers]
    out = list(map(_NEW, repeat(Location, len(numbers))))
    deque(map(Location.file.__set__, out, repeat(path)), 0)
    deque(map(Location.line.__set__, out, numbers), 0)
    return out


def build_segments(numbers: list[int], sources: list[str], targets: list[str], source_path: str,
                   target_path: str) -> list[Segment]:
    """Segment(n, s, t, Location(source_path, n), Location(target_path, n)) for each n, s, t."""
    src_locs, tgt_locs = _locations(source_path, numbers), _locations(target_path, numbers)
    if not _FAST:
        return [Segment(n, s, t, a, b) for n, s, t, a, b in zip(numbers, sources, targets, src_locs, tgt_locs)]
    out = list(map(_NEW, repeat(Segment, len(numbers))))
    for slot, values in ((Segment.id, numbers), (Segment.source, sources), (Segment.target, targets),
                         (Segment.source_location, src_locs), (Segment.target_location, tgt_locs)):
        deque(map(slot.__set__, out, values), 0)
    deque(map(Segment.meta.__set__, out, repeat(NO_META)), 0)
    return out


class SegmentStore(Sequence):
    """`Document.segments` of a text pair, read from the files on demand (see the module docstring)."""

    without_meta = True  # no segment of a text pair has meta (pipeline skips looking for references)

    def __init__(self, source: SideFile, target: SideFile, kept: array | None,
                 long_lines: tuple[tuple[int, str], ...] = ()):
        self.source, self.target = source, target
        self.kept = kept  # line index (0-based) of each segment; None: every line is a segment
        self.long_lines = long_lines  # (line index, side) of the sides over MAX_SEGMENT_CHARS
        self._recent: tuple[int, tuple[Segment, ...]] = (0, ())

    def __len__(self) -> int:
        return self.source.lines if self.kept is None else len(self.kept)

    def _line(self, index: int) -> int:
        return index if self.kept is None else self.kept[index]

    def _range(self, start: int, stop: int) -> Iterator[list[Segment]]:
        """Segments start..stop-1 in lists, reading both files block by block."""
        if start >= stop:
            return
        first, end = self._line(start), self._line(stop - 1) + 1
        sources = chain.from_iterable(self.source.blocks(first, end))
        line = first
        for targets in self.target.blocks(first, end):
            count = len(targets)
            sources_here = list(islice(sources, count))
            if self.kept is None:
                numbers = list(range(line + 1, line + count + 1))
            else:
                lines = self.kept[bisect_left(self.kept, line):bisect_left(self.kept, line + count)]
                numbers = [k + 1 for k in lines]
                sources_here = [sources_here[k - line] for k in lines]
                targets = [targets[k - line] for k in lines]
            line += count
            yield build_segments(numbers, sources_here, targets, self.source.path, self.target.path)

    def __iter__(self) -> Iterator[Segment]:
        for block in self._range(0, len(self)):
            yield from block

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return tuple(self[i] for i in range(start, stop, step))
            recent_start, recent = self._recent
            if start == recent_start and stop - start == len(recent):
                return recent
            chunk = tuple(segment for block in self._range(start, stop) for segment in block)
            self._recent = (start, chunk)
            return chunk
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("segment index out of range")
        recent_start, recent = self._recent
        if recent_start <= index < recent_start + len(recent):
            return recent[index - recent_start]
        line = self._line(index)
        return build_segments([line + 1], [self.source.line(line)], [self.target.line(line)],
                              self.source.path, self.target.path)[0]

    def read_at(self, indexes) -> dict[int, Segment]:
        """index -> segment for these positions, each file opened once and read in document order (the
        document checks' `finish` reads the few segments it reports this way, checks.base.segments_at)."""
        wanted = sorted(set(indexes))
        if wanted and not (0 <= wanted[0] and wanted[-1] < len(self)):
            raise IndexError("segment index out of range")
        lines = [self._line(i) for i in wanted]
        segments = build_segments([n + 1 for n in lines], self.source.lines_at(lines), self.target.lines_at(lines),
                                  self.source.path, self.target.path)
        return dict(zip(wanted, segments))

    def targets(self) -> Iterator[str]:
        """Every segment's target text, in order (no Segment objects built)."""
        line = 0
        for block in self.target.blocks(0, self.target.lines):
            if self.kept is None:
                yield from block
            else:
                lines = self.kept[bisect_left(self.kept, line):bisect_left(self.kept, line + len(block))]
                yield from (block[k - line] for k in lines)
            line += len(block)

    def by_ids(self, ids) -> dict[int, Segment]:
        """The segments with these ids (line numbers), read one by one."""
        out = {}
        for number in sorted({i for i in ids if isinstance(i, int)}):
            index = number - 1 if self.kept is None else _index_of(self.kept, number - 1)
            if index is not None and 0 <= index < len(self):
                out[number] = self[index]
        return out

    def oversized(self) -> list[Segment]:
        """The segments with a side over MAX_SEGMENT_CHARS (textio.check_segment_sizes reads these)."""
        return list(self.by_ids(line + 1 for line, _ in self.long_lines).values())

    def __eq__(self, other) -> bool:
        if isinstance(other, (SegmentStore, tuple, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"SegmentStore({self.source.path!r}, {self.target.path!r}, {len(self)} segments)"

    def __getstate__(self):
        return {"source": self.source, "target": self.target, "kept": self.kept, "long_lines": self.long_lines}

    def __setstate__(self, state) -> None:
        self.__init__(**state)


def _index_of(kept: array, line: int) -> int | None:
    i = bisect_left(kept, line)
    return i if i < len(kept) and kept[i] == line else None


def enabled() -> bool:
    """The store is used only with TRANSQA_SEGMENT_STORE=1 (see readers/text_pair.py for why)."""
    return os.environ.get("TRANSQA_SEGMENT_STORE") == "1"


def scan_pair(source: str, target: str) -> SegmentStore | None:
    """A store for this pair, or None when the eager reader must read it (see the module docstring)."""
    try:
        src, src_blank, src_long = _scan(source)
        tgt, tgt_blank, tgt_long = _scan(target)
    except _Unsuitable:
        return None
    if src.lines != tgt.lines or all(src_blank) or all(tgt_blank):
        return None  # the eager reader words these errors
    both_blank = bytes(a & b for a, b in zip(src_blank, tgt_blank))
    kept = None
    if any(both_blank):
        kept = array("q", (k for k, blank in enumerate(both_blank) if not blank))
    long_lines = tuple(sorted([(k, "source") for k, _ in src_long] + [(k, "target") for k, _ in tgt_long]))
    return SegmentStore(src, tgt, kept, long_lines)

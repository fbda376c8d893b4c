"""Two line-aligned text files: line N of the source pairs with line N of the target."""

from __future__ import annotations

from transqa.errors import TransqaError
from transqa.model import Document, Location, Segment
from transqa.readers import segment_store
from transqa.textio import read_text, split_lines


def _first_divergence(src: list[str], tgt: list[str]) -> int:
    """1-based line where the blank-line patterns of the two files first differ."""
    for i in range(max(len(src), len(tgt))):
        a = src[i].strip() == "" if i < len(src) else None
        b = tgt[i].strip() == "" if i < len(tgt) else None
        if a != b:
            return i + 1
    return min(len(src), len(tgt)) + 1


def read_text_pair(source: str, target: str, *, source_encoding: str | None = None,
                   target_encoding: str | None = None) -> Document:
    """Line N of `source` with line N of `target`; lines blank on both sides are skipped.

    With TRANSQA_SEGMENT_STORE=1 in the environment, regular UTF-8 files with no encoding given are not
    kept in memory: the Document's segments are a SegmentStore that reads them again when asked
    (readers/segment_store.py), equal to the segments built here. Off by default: each document rule
    then re-reads the files, which cost 12-24% more CPU on benchmarks/run.py's corpus (50k-200k pairs,
    --jobs 1) while saving only ~0.35 KB per pair there, because REP004/CONS001/CONS002 records still
    hold the texts they collect (benchmarks/store_records.py)."""
    if segment_store.enabled() and source_encoding is None and target_encoding is None:
        store = segment_store.scan_pair(source, target)
        if store is not None:
            return Document(segments=store, inputs={
                "format": "text-pair", "source": source, "target": target,
                "encoding": {"source": store.source.encoding, "target": store.target.encoding}})
    src = read_text(source, source_encoding)
    tgt = read_text(target, target_encoding)
    src_lines, tgt_lines = split_lines(src.text), split_lines(tgt.text)
    for path, lines in ((source, src_lines), (target, tgt_lines)):
        if not any(line.strip() for line in lines):
            raise TransqaError("file is empty (no text to check)", path=path)
    if len(src_lines) != len(tgt_lines):
        line = _first_divergence(src_lines, tgt_lines)
        raise TransqaError(f"line counts differ: source {source} has {len(src_lines)} lines, target "
                           f"{target} has {len(tgt_lines)}; the blank-line patterns first diverge at line "
                           f"{line} (use --align for documents that are not line-aligned)")
    segments = tuple(
        Segment(id=n, source=s, target=t, source_location=Location(source, n),
                target_location=Location(target, n))
        for n, (s, t) in enumerate(zip(src_lines, tgt_lines), 1)
        if s.strip() or t.strip()
    )
    return Document(segments=segments, inputs={
        "format": "text-pair", "source": source, "target": target,
        "encoding": {"source": src.encoding, "target": tgt.encoding}})

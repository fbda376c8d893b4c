"""A small Python API for running transqa as map/merge over chunks of a large translation memory.

    prepared = prepare(RunOptions(config=".transqa.yaml"))
    parts = [check_chunk(prepared, segments[i:i + n], i) for i in range(0, len(segments), n)]  # map
    merged = merge_results(parts)                                                               # merge
    findings = finish_document(prepared, merged, segments)                                     # finish

`check_chunk` runs every rule over one chunk: segment-scope findings come back as hits, document-scope
checks (consistency, duplicates, length model) as small records. `merge_results` concatenates them in
document order and is associative, so any engine's tree reduction works (dask.bag.fold, Spark
treeReduce). `finish_document` runs the cross-chunk step and builds the findings; it needs the segments
that findings point at (`segments` is any sequence indexable by document position).
See docs/scale.md for dask and Spark.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from transqa.engine import ChunkResult, finish, map_chunk, merge_chunks
from transqa.model import Finding, Segment
from transqa.pipeline import Prepared, RunOptions, prepare

__all__ = ["ChunkResult", "RunOptions", "prepare", "check_chunk", "merge_results", "finish_document"]

_CONTEXTS: dict[int, tuple[Prepared, object]] = {}


def _context(prepared: Prepared):
    # One Context per Prepared per process: compiled glossaries and regexes are built once. The entry
    # keeps `prepared` alive, so its id cannot be reused by another Prepared (whose rules would differ).
    entry = _CONTEXTS.get(id(prepared))
    if entry is None or entry[0] is not prepared:
        entry = _CONTEXTS[id(prepared)] = (prepared, prepared.context())
    return entry[1]


def check_chunk(prepared: Prepared, segments: Sequence[Segment], offset: int) -> ChunkResult:
    """Map: run all rules over `segments`, whose first segment is at document position `offset`."""
    return map_chunk(segments, offset, prepared.rules, _context(prepared))


def merge_results(results: Iterable[ChunkResult]) -> ChunkResult:
    """Merge: concatenate chunk results in document order."""
    return merge_chunks(results)


def finish_document(prepared: Prepared, merged: ChunkResult, segments: Sequence[Segment]) -> list[Finding]:
    """Finish: cross-chunk findings from the merged records, then every finding in document order."""
    return finish(merged, segments, prepared.rules, _context(prepared))

"""`--jobs N`: the map step of the engine in worker processes (forked, so compiled glossaries and
regexes built once in the parent are shared copy-on-write). Results are merged by the engine."""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Sequence

from transqa.checks import Context
from transqa.engine import ChunkResult, map_chunk
from transqa.model import Rule, Segment

PARALLEL_MIN_SEGMENTS = 10_000  # below this, starting workers costs more than it saves
_STATE: tuple[Sequence[Segment], Sequence[Rule], Context] | None = None


def default_jobs(segment_count: int) -> int:
    """The machine's cores for large documents, one process otherwise."""
    if segment_count < PARALLEL_MIN_SEGMENTS:
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _work(bounds: tuple[int, int]) -> ChunkResult:
    assert _STATE is not None
    segments, rules, context = _STATE
    start, end = bounds
    return map_chunk(segments[start:end], start, rules, context)


def map_chunks_in_processes(segments: Sequence[Segment], rules: Sequence[Rule], context: Context,
                            jobs: int) -> list[ChunkResult]:
    global _STATE
    if "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - Windows
        return [map_chunk(segments, 0, rules, context)]
    map_chunk(segments[:1], 0, rules, context)  # build compiled state once, before forking
    size = max(200, math.ceil(len(segments) / (jobs * 4)))
    bounds = [(i, min(i + size, len(segments))) for i in range(0, len(segments), size)]
    if len(bounds) == 1:  # one chunk: no workers (--jobs 100000 on 2 segments forked 100,000 processes)
        return [map_chunk(segments, 0, rules, context)]
    jobs = min(jobs, len(bounds))
    _STATE = (segments, rules, context)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.map(_work, bounds, chunksize=1)
    finally:
        _STATE = None

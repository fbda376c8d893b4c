"""`--jobs N`: the map step of the engine in worker processes (forked, so compiled glossaries and
regexes built once in the parent are shared copy-on-write). Results are merged by the engine."""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
from collections.abc import Iterator, Sequence

from transqa.checks import Context
from transqa.engine import CHUNK_SEGMENTS, ChunkResult, _InProcess, map_chunk
from transqa.model import Rule, Segment

PARALLEL_MIN_SEGMENTS = 10_000  # below this, starting workers costs more than it saves
MIN_CHUNK = 200  # segments per worker task at least
_STATE: tuple[Sequence[Segment], Sequence[Rule], Context] | None = None


def default_jobs(segment_count: int) -> int:
    """The machine's cores for large documents, one process otherwise."""
    if segment_count < PARALLEL_MIN_SEGMENTS:
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _work(task: tuple[tuple[int, ...], tuple[int, int]]) -> ChunkResult:
    """In a worker: the rules at these positions over segments[start:end]."""
    assert _STATE is not None
    segments, rules, context = _STATE
    positions, (start, end) = task
    return map_chunk(segments[start:end], start, [rules[i] for i in positions], context)


class _Workers:
    """The engine's map steps (see engine._InProcess) over chunks in a pool of forked workers."""

    def __init__(self, pool, rules: Sequence[Rule], bounds: list[tuple[int, int]]):
        self.pool, self.bounds = pool, bounds
        self.position = {id(rule): i for i, rule in enumerate(rules)}

    def _tasks(self, rules: Sequence[Rule]) -> list:
        positions = tuple(self.position[id(rule)] for rule in rules)
        return [(positions, bounds) for bounds in self.bounds]

    def segment_chunks(self, rules: Sequence[Rule]) -> Iterator[ChunkResult]:
        return self.pool.imap(_work, self._tasks(rules), chunksize=1)

    def document_records(self, rules: Sequence[Rule]) -> Iterator[list]:
        """Each rule's records over all chunks; the workers collect the next rule while the engine
        finishes this one (so at most two rules' records are in this process at a time)."""
        pending = None
        for rule in [*rules, None]:
            following = (rule.code, self.pool.map_async(_work, self._tasks([rule]), chunksize=1)) if rule else None
            if pending is not None:
                code, results = pending
                pending = None
                records = [record for result in results.get() for record in result.records[code]]
                del results
                yield records
                del records  # before waiting for the next rule's
            pending = following


@contextlib.contextmanager
def in_processes(segments: Sequence[Segment], rules: Sequence[Rule], context: Context, jobs: int):
    """The map steps of `rules` over `segments` in `jobs` forked workers (in this process when the
    platform cannot fork or the document is one chunk)."""
    global _STATE
    size = max(MIN_CHUNK, min(CHUNK_SEGMENTS, math.ceil(len(segments) / (jobs * 4))))
    bounds = [(i, min(i + size, len(segments))) for i in range(0, len(segments), size)]
    # one chunk: no workers (--jobs 100000 on 2 segments forked 100,000 processes)
    if len(bounds) == 1 or "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - Windows
        yield _InProcess(segments, context)
        return
    map_chunk(segments[:1], 0, rules, context)  # build compiled state once, before forking
    _STATE = (segments, rules, context)
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(bounds))) as pool:
            yield _Workers(pool, rules, bounds)
    finally:
        _STATE = None

"""`--jobs N`: the engine's map steps in forked worker processes (compiled glossaries and regexes built
once in the parent are inherited). Segment rules run chunk by chunk; each document rule runs whole
(collect and finish) in one worker, so no records travel between processes and the parent only turns
hits into findings. Document rules are queued before the segment chunks, so the small chunks fill the
tail and neither worker waits for the other."""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
import os
from collections.abc import Iterator, Sequence

from transqa.checks import Context, registry
from transqa.engine import CHUNK_SEGMENTS, ChunkResult, _InProcess, collect_key, map_chunk
from transqa.model import Hit, Rule, Segment

PARALLEL_MIN_SEGMENTS = 10_000  # below this, starting workers costs more than it saves
MIN_CHUNK = 200  # segments per worker task at least
CHUNKS_PER_JOB = 8  # segment chunks per worker: the last one is at most ~1/8 of a worker's share
_STATE: tuple[Sequence[Segment], Sequence[Rule], Context] | None = None


def default_jobs(segment_count: int) -> int:
    """The machine's cores for large documents, one process otherwise."""
    if segment_count < PARALLEL_MIN_SEGMENTS:
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _segment_task(task: tuple[tuple[int, ...], int, int]) -> ChunkResult:
    """In a worker: the segment rules at these positions over segments[start:end]."""
    assert _STATE is not None
    segments, rules, context = _STATE
    positions, start, end = task
    return map_chunk(segments[start:end], start, [rules[i] for i in positions], context)


def _document_task(positions: tuple[int, ...]) -> list[list[tuple[int, Hit]]]:
    """In a worker: document rules sharing one collect (engine.collect_key) over the whole document,
    collected and finished; their hits in the order of `positions`."""
    assert _STATE is not None
    segments, rules, context = _STATE
    return list(_InProcess(segments, context).document_hits([rules[i] for i in positions]))


class _Workers:
    """The engine's map steps (see engine._InProcess) in a pool of forked workers."""

    def __init__(self, pool, rules: Sequence[Rule], bounds: list[tuple[int, int]]):
        self.pool, self.rules, self.bounds = pool, rules, bounds
        self.position = {id(rule): i for i, rule in enumerate(rules)}
        self._documents: dict[int, tuple[object, int]] | None = None  # position -> (task, index in it)

    def _queue_documents(self) -> None:
        if self._documents is not None:
            return
        checks = registry()
        groups: dict[object, list[int]] = {}  # rules with one collect_key share a task (one collect)
        for i, rule in enumerate(self.rules):
            if checks[rule.check].scope == "document":
                key = collect_key(rule)
                groups.setdefault(i if key is None else key, []).append(i)
        self._documents = {}
        for positions in groups.values():
            task = self.pool.apply_async(_document_task, (tuple(positions),))
            self._documents.update((position, (task, n)) for n, position in enumerate(positions))

    def segment_chunks(self, rules: Sequence[Rule]) -> Iterator[ChunkResult]:
        self._queue_documents()
        positions = tuple(self.position[id(rule)] for rule in rules)
        tasks = [(positions, start, end) for start, end in self.bounds]
        return self.pool.imap(_segment_task, tasks, chunksize=1)

    def document_hits(self, rules: Sequence[Rule]) -> Iterator[list[tuple[int, Hit]]]:
        """Each document rule's hits (finished in the worker that collected it), in the order asked."""
        self._queue_documents()
        for rule in rules:
            position = self.position[id(rule)]
            task, n = self._documents.pop(position, (None, 0))
            yield task.get()[n] if task is not None else self.pool.apply(_document_task, ((position,),))[0]


def chunk_bounds(count: int, jobs: int) -> list[tuple[int, int]]:
    size = max(MIN_CHUNK, min(CHUNK_SEGMENTS, math.ceil(count / (jobs * CHUNKS_PER_JOB))))
    return [(i, min(i + size, count)) for i in range(0, count, size)]


@contextlib.contextmanager
def in_processes(segments: Sequence[Segment], rules: Sequence[Rule], context: Context, jobs: int):
    """The map steps of `rules` over `segments` in `jobs` forked workers (in this process when the
    platform cannot fork or the document is one chunk)."""
    global _STATE
    bounds = chunk_bounds(len(segments), jobs)
    # one chunk: no workers (--jobs 100000 on 2 segments forked 100,000 processes)
    if len(bounds) == 1 or "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - Windows
        yield _InProcess(segments, context)
        return
    map_chunk(segments[:1], 0, rules, context)  # build compiled state once, before forking
    _STATE = (segments, rules, context)
    gc.freeze()  # the workers' collections then never touch (and copy) the parent's objects
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(bounds))) as pool:
            yield _Workers(pool, rules, bounds)
    finally:
        gc.unfreeze()
        _STATE = None

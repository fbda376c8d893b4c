"""--jobs workers: chunking covers the document, each document rule is collected and finished in a worker
(never in the parent), per-rule hits equal the in-process ones, and a worker's error reaches the caller."""

import os
from pathlib import Path

import pytest

from transqa import engine, parallel
from transqa.checks import registry
from transqa.engine import run_rules
from transqa.pipeline import RunOptions, prepare
from transqa.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
PARENT = os.getpid()


@pytest.fixture(scope="module")
def repeated(tmp_path_factory):
    zh = (ROOT / "fixtures/cnipa-forum.zh.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    en = (ROOT / "fixtures/cnipa-forum.en.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    folder = tmp_path_factory.mktemp("workers")
    tgt = [t.replace("the ", "a ", 1) if copy % 2 and i % 3 == 0 else t for copy in range(3) for i, t in enumerate(en)]
    (folder / "zh.txt").write_text("\n".join(zh * 3) + "\n", encoding="utf-8")
    (folder / "en.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    return prepare(RunOptions(config=None)), read_document([str(folder / "zh.txt"), str(folder / "en.txt")])


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_CHUNK", 5)
    monkeypatch.setattr(engine, "CHUNK_SEGMENTS", 5)


@pytest.mark.parametrize("count", [1, 2, 199, 200, 201, 4_000, 10_001, 50_000, 200_000])
@pytest.mark.parametrize("jobs", [2, 3, 8])
def test_chunk_bounds_partition_the_document(count, jobs):
    bounds = parallel.chunk_bounds(count, jobs)
    assert bounds[0][0] == 0 and bounds[-1][1] == count
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    sizes = [end - start for start, end in bounds]
    assert max(sizes) <= max(parallel.MIN_CHUNK, engine.CHUNK_SEGMENTS)
    assert all(size >= min(parallel.MIN_CHUNK, count) for size in sizes[:-1])
    if count >= jobs * parallel.CHUNKS_PER_JOB * parallel.MIN_CHUNK:  # enough chunks to fill the tail
        assert len(bounds) >= jobs * parallel.CHUNKS_PER_JOB


_FINISH = engine.finish_records


def _finish_only_in_workers(rule, records, context, *segments):
    if os.getpid() == PARENT:
        raise AssertionError(f"{rule.code} finished in the parent")
    return _FINISH(rule, records, context, *segments)


def test_document_rules_finish_in_workers_with_in_process_hits(repeated, small_chunks, monkeypatch):
    prepared, document = repeated
    checks = registry()
    rules = [r for r in prepared.rules if checks[r.check].scope == "document"]
    assert len(rules) > 5
    expected = list(engine._InProcess(document.segments, prepared.context()).document_hits(rules))
    assert any(expected)  # some document rule fires across copies
    monkeypatch.setattr(engine, "finish_records", _finish_only_in_workers)
    with parallel.in_processes(document.segments, prepared.rules, prepared.context(), 2) as steps:
        assert isinstance(steps, parallel._Workers)
        steps._queue_documents()  # LEN001 and LEN002 read the same records: one task collects them once
        position = {rule.code: i for i, rule in enumerate(prepared.rules)}
        assert steps._documents[position["LEN001"]][0] is steps._documents[position["LEN002"]][0]
        assert steps._documents[position["LEN001"]][0] is not steps._documents[position["REP004"]][0]
        chunks = list(steps.segment_chunks([r for r in prepared.rules if r not in rules]))
        got = list(steps.document_hits(rules[::-1]))[::-1]  # any order asked
    assert got == expected and len(chunks) == len(steps.bounds) > 5


def _failing_finish(rule, records, context, *segments):
    raise RuntimeError(f"broken {rule.code}")


def test_worker_error_reaches_the_caller(repeated, small_chunks, monkeypatch):
    prepared, document = repeated
    monkeypatch.setattr(engine, "finish_records", _failing_finish)
    with pytest.raises(RuntimeError, match="broken"):
        run_rules(document, prepared.rules, prepared.context(), jobs=2)


def test_jobs_3_identical(repeated, small_chunks):
    prepared, document = repeated
    one = run_rules(document, prepared.rules, prepared.context(), jobs=1)
    assert one and run_rules(document, prepared.rules, prepared.context(), jobs=3) == one

"""The engine's chunked run (segment rules per chunk, document rules one at a time, --jobs workers) gives
exactly the findings of one map step over the whole document followed by one finish."""

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from transqa import engine, parallel
from transqa.engine import finish, map_chunk, run_rules
from transqa.model import NO_META, Segment
from transqa.pipeline import RunOptions, prepare
from transqa.readers import read_document

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def repeated(tmp_path_factory):
    """The demo pair four times, every other copy with one target changed (consistency and duplicate
    checks fire across copies, so document rules have records from every chunk)."""
    zh = (ROOT / "fixtures/cnipa-forum.zh.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    en = (ROOT / "fixtures/cnipa-forum.en.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    folder = tmp_path_factory.mktemp("repeated")
    src, tgt = [], []
    for copy in range(4):
        src += zh
        tgt += [t.replace("the ", "a ", 1) if copy % 2 and i % 3 == 0 else t for i, t in enumerate(en)]
    (folder / "zh.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
    (folder / "en.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    prepared = prepare(RunOptions(config=None))
    return prepared, read_document([str(folder / "zh.txt"), str(folder / "en.txt")])


def _unchunked(prepared, document):
    context = prepared.context()
    segments = document.segments
    return finish(map_chunk(segments, 0, prepared.rules, context), segments, prepared.rules, context)


@pytest.mark.parametrize("size", [1, 5, 1000])
def test_chunk_size_does_not_change_findings(repeated, monkeypatch, size):
    prepared, document = repeated
    expected = _unchunked(prepared, document)
    codes = {f.code for f in expected}
    assert {"CONS001", "REP004"} & codes and len(codes) > 5  # document and segment rules both fire
    monkeypatch.setattr(engine, "CHUNK_SEGMENTS", size)
    assert run_rules(document, prepared.rules, prepared.context()) == expected


def test_workers_really_run_and_agree(repeated, monkeypatch):
    prepared, document = repeated
    monkeypatch.setattr(parallel, "MIN_CHUNK", 7)
    monkeypatch.setattr(engine, "CHUNK_SEGMENTS", 7)
    with parallel.in_processes(document.segments, prepared.rules, prepared.context(), 2) as steps:
        assert isinstance(steps, parallel._Workers) and len(steps.bounds) > 5
    assert run_rules(document, prepared.rules, prepared.context(), jobs=2) == _unchunked(prepared, document)


def test_one_chunk_runs_in_process(repeated):
    prepared, document = repeated
    with parallel.in_processes(document.segments[:3], prepared.rules, prepared.context(), 8) as steps:
        assert isinstance(steps, engine._InProcess)


def test_segments_without_meta_share_one_read_only_dict():
    a, b = Segment(1, "一", "one"), Segment(2, "二", "two")
    assert a.meta is b.meta is NO_META and a.meta == {} and "x" not in a.meta and a.meta.get("x") is None
    with pytest.raises(TypeError):
        a.meta["x"] = 1
    with pytest.raises(TypeError):
        a.meta.update(x=1)
    assert pickle.loads(pickle.dumps(a)).meta is NO_META
    c = replace(a, meta={**a.meta, "reference": "One"})
    assert c.meta == {"reference": "One"} and a.meta == {}
    assert not hasattr(a, "__dict__")  # slots: no per-object dict

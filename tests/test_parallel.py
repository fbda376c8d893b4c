"""--jobs and the map/merge API give exactly the findings of a single-process run."""

import json
from pathlib import Path

import pytest

from transqa.api import check_chunk, finish_document, merge_results
from transqa.engine import run_rules
from transqa.pipeline import RunOptions, prepare
from transqa.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
DEMO = [str(ROOT / "fixtures/cnipa-forum.zh.txt"), str(ROOT / "fixtures/cnipa-forum.en.txt")]


@pytest.fixture(scope="module")
def demo():
    prepared = prepare(RunOptions(config=None))
    document = read_document(DEMO)
    return prepared, document


def test_jobs_2_identical_to_jobs_1(demo):
    prepared, document = demo
    one = run_rules(document, prepared.rules, prepared.context(), jobs=1)
    two = run_rules(document, prepared.rules, prepared.context(), jobs=2)
    assert one and one == two


def test_cli_jobs_report_identical(run_cli, tmp_path):
    lines_zh = (ROOT / "fixtures/cnipa-forum.zh.txt").read_text(encoding="utf-8").rstrip("\n").split("\n") * 3
    lines_en = (ROOT / "fixtures/cnipa-forum.en.txt").read_text(encoding="utf-8").rstrip("\n").split("\n") * 3
    (tmp_path / "zh.txt").write_text("\n".join(lines_zh), encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(lines_en), encoding="utf-8")
    outs = [run_cli("check", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "--format", "json",
                    "--jobs", jobs)[1] for jobs in ("1", "2")]
    assert json.loads(outs[0])["findings"] and outs[0] == outs[1]


@pytest.mark.parametrize("chunk", [1, 3, 7])
def test_map_merge_api_any_chunking(demo, chunk):
    prepared, document = demo
    expected = run_rules(document, prepared.rules, prepared.context())
    segments = document.segments
    parts = [check_chunk(prepared, segments[i:i + chunk], i) for i in range(0, len(segments), chunk)]
    # merging is associative: merge pairs of partial merges in reverse order
    halves = [merge_results(parts[: len(parts) // 2][::-1]), merge_results(parts[len(parts) // 2:])]
    assert finish_document(prepared, merge_results(halves[::-1]), segments) == expected


def test_dask_bag_gives_cli_findings(demo):
    dask_bag = pytest.importorskip("dask.bag")
    prepared, document = demo
    expected = run_rules(document, prepared.rules, prepared.context())
    segments = document.segments
    chunks = [(i, segments[i:i + 4]) for i in range(0, len(segments), 4)]
    bag = dask_bag.from_sequence(chunks, npartitions=3)
    merged = (bag.map(lambda item: check_chunk(prepared, item[1], item[0]))
              .fold(lambda a, b: merge_results([a, b]), split_every=2)
              .compute(scheduler="sync"))
    assert finish_document(prepared, merged, segments) == expected

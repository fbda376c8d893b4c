"""Reports written in pieces (reporters.chunks, outputs.write_atomic): the same bytes as `json.dumps` of
the whole report, written atomically, and without holding the report's text or its list of findings."""

from __future__ import annotations

import json
import math
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixture import make_report

from transqa.config import DEFAULT_WEIGHTS, Waiver
from transqa.model import Document, Finding, Location, Report, Segment
from transqa.outputs import write_atomic
from transqa.reporters import chunks, render
from transqa.reporters.json_report import report_dict
from transqa.reporters.json_stream import Streamed, chunks as json_chunks, materialise
from transqa.scoring import score

ODD = ["\u2028", "\u2029", "\x00", "\x1f", "\x7f", "\ud800", "𠀀", "\"", "\\", "\n", "\r\n", "\t", "</script>",
       "é", "\ufeff", "国家知识产权局", "", " "]


def old_json(report: Report) -> str:
    """The JSON renderer before it streamed (json_report.render up to 0b4d239)."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def finding(n: int, text: str, *, segment: int | str | None = None, file: str | None = "doc.en.txt",
            suggestion: str | None = "fix") -> Finding:
    return Finding(code="TST001", name="odd-text", category="fluency/typography", severity="minor",
                   segment=n if segment is None else segment, side="target", start=0, end=len(text),
                   match=text, message=f"odd {text!r}: {text}", suggestion=suggestion,
                   fingerprint=f"{n:016x}", location=Location(file, None if file is None else n))


def report_of(findings, *, inputs=None, extra=None, waived=()) -> Report:
    segments = tuple(Segment(i, "源", "target") for i in range(1, 4))
    document = Document(segments=segments, inputs=inputs if inputs is not None else {"format": "text-pair"})
    result = score(findings, document, weights=DEFAULT_WEIGHTS, threshold=95.0, fail_on="critical")
    return Report(document=document, findings=tuple(findings), score=result, waived=tuple(waived),
                  extra=extra or {})


def reports(tmp_path: Path) -> dict[str, Report]:
    odd = [finding(n, text) for n, text in enumerate(ODD, 1)]
    batch = make_report(tmp_path)
    files = [{"source": "a/一.zh", "target": "b/一.en", "score": batch.score, "findings": 5}]
    return {
        "fixture": make_report(tmp_path),
        "no findings": report_of([]),
        "one finding": report_of(odd[:1]),
        "odd characters": report_of(odd, inputs={"format": "text-pair", "source": "源\u2028.txt", "enc": ["é", None]}),
        "ids and nulls": report_of([finding(1, "x", segment="tu-7\x00", file=None, suggestion=None),
                                    finding(2, "y", segment=-3, suggestion="")]),
        "metrics, waivers, batch": report_of(
            odd[:3], waived=odd[3:5],
            extra={"metrics": {"bleu": 12.5, "chrf": math.nan, "ter": math.inf, "signature": "nrefs:1|é"},
                   "unused_waivers": [Waiver("TST001", "00ff", "«why» \u2028 𠀀")],
                   "baselined": [odd[5]], "files": files}),
    }


def test_json_report_is_byte_identical_to_json_dumps(tmp_path):
    for name, report in reports(tmp_path).items():
        expected = old_json(report)
        assert render(report, "json") == expected, name
        assert "".join(chunks(report, "json")) == expected, name
        if "\ud800" not in expected:  # a lone surrogate cannot be written as UTF-8 (tested below)
            write_atomic(tmp_path / "r.json", chunks(report, "json"))
            assert (tmp_path / "r.json").read_bytes() == expected.encode("utf-8"), name


def test_json_report_streams_one_piece_per_finding(tmp_path):
    report = report_of([finding(n, "x" * n) for n in range(1, 51)])
    pieces = list(chunks(report, "json"))
    assert len(pieces) >= 50 and max(map(len, pieces)) < len(old_json(report)) / 10


def test_sarif_and_gitlab_are_byte_identical_to_json_dumps(tmp_path, monkeypatch):
    from transqa.reporters.gitlab_report import issues
    from transqa.reporters.sarif_report import sarif_dict

    monkeypatch.chdir(tmp_path)
    twice = report_of([finding(1, "same"), finding(1, "same"), finding(2, "𠀀\u2028")])  # GitLab numbers repeats
    cases = {**reports(tmp_path), "repeated": twice, "baseline": replace(twice, extra={"baselined": []})}
    for name, report in cases.items():
        for fmt, whole in (("sarif", sarif_dict), ("gitlab", issues)):
            expected = json.dumps(whole(report), ensure_ascii=False, indent=2) + "\n"
            assert "".join(chunks(report, fmt)) == render(report, fmt) == expected, (name, fmt)
            assert type(whole(report)) is (dict if fmt == "sarif" else list)
    assert '"baselineState": "new"' in render(cases["baseline"], "sarif")
    assert len({issue["fingerprint"] for issue in issues(twice)}) == 3


def test_other_formats_come_as_their_rendered_text(tmp_path):
    report = make_report(tmp_path)
    for fmt in ("markdown", "junit", "html", "terminal"):
        assert list(chunks(report, fmt)) == [render(report, fmt)], fmt


# ---- json_stream on any JSON value with streamed arrays anywhere: json.dumps of the value made whole

TEXT = st.lists(st.sampled_from(ODD + list("az09 {}[],:")), max_size=4).map("".join)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT)
PLAIN = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.tuples(inner, inner), st.dictionaries(TEXT, inner, max_size=3)), max_leaves=6)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(  # streamed arrays of plain values, at any depth
    st.lists(inner, max_size=4), st.tuples(inner, inner), st.dictionaries(TEXT, inner, max_size=4),
    st.lists(PLAIN, max_size=4).map(lambda items: Streamed(items, lambda item: item)),
    st.lists(st.integers(), max_size=3).map(lambda items: Streamed(items, lambda n: {"n": n, "s": [n] * 2}))),
    max_leaves=12)


@given(value=VALUES)
@settings(max_examples=300, deadline=None)
def test_pieces_equal_json_dumps_of_the_whole_value(value):
    assert "".join(json_chunks(value)) == json.dumps(materialise(value), ensure_ascii=False, indent=2) + "\n"


def test_streamed_entries_are_made_while_writing():
    made = []
    pieces = json_chunks({"a": 1, "list": Streamed(range(3), lambda n: made.append(n) or n)})
    assert made == []
    text = ""
    for piece in pieces:
        text += piece
        if "0" in piece:
            assert made == [0]
    assert made == [0, 1, 2] and json.loads(text) == {"a": 1, "list": [0, 1, 2]}


# ---- atomic writes of pieces


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("error", [RuntimeError("reporter bug"), KeyboardInterrupt()])
def test_a_failure_mid_stream_keeps_the_old_report_and_leaves_no_temporary_file(tmp_path, error):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    written = []

    def pieces():
        for n in range(100):  # 100 KB before the failure: part of it is on disk already
            written.append(n)
            yield "x" * 1024
        raise error

    with pytest.raises(type(error)):
        write_atomic(target, pieces())
    assert len(written) == 100 and target.read_text(encoding="utf-8") == "old" and _leftovers(tmp_path) == []


def test_a_finding_that_cannot_be_written_keeps_the_old_report(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    report = report_of([finding(n, "fine") for n in range(1, 200)] + [finding(200, "lone \ud800")])
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, chunks(report, "json"))
    assert target.read_text(encoding="utf-8") == "old" and _leftovers(tmp_path) == []


def test_writing_a_large_report_holds_neither_its_text_nor_its_finding_dicts(tmp_path):
    report = report_of([finding(n, f"match {n} 国家知识产权局") for n in range(1, 2001)])
    size = len(old_json(report).encode("utf-8"))  # 1 MB of text; rendered whole, the peak was 8.6 MB
    tracemalloc.start()
    try:
        write_atomic(tmp_path / "r.json", chunks(report, "json"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (tmp_path / "r.json").stat().st_size == size
    assert peak < size / 5, (peak, size)  # 0.13 MB: buffers and one finding at a time


def test_cli_writes_the_same_json_to_a_file_and_to_stdout(run_cli, fixtures, tmp_path):
    args = ("check", str(fixtures / "cnipa-forum.zh.txt"), str(fixtures / "cnipa-forum.en.txt"), "--format", "json")
    code, out, _ = run_cli(*args)
    code_file, _, _ = run_cli(*args, "-o", str(tmp_path / "r.json"), "--output-format", f"json:{tmp_path / 'again.json'}")
    assert code == code_file and json.loads(out)["findings"]
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == out == (tmp_path / "again.json").read_text(encoding="utf-8")


def test_report_dict_is_plain_data(tmp_path):
    data = report_dict(replace(make_report(tmp_path)))
    assert type(data["findings"]) is list and all(type(item) is dict for item in data["findings"])

"""SARIF 2.1.0: valid against the OASIS schema, locations in code points relative to the working directory."""

import json
from pathlib import Path

import jsonschema
import pytest
from report_fixture import XSS, make_report

from transqa.reporters import render

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


@pytest.fixture
def sarif(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = make_report(tmp_path / "docs")
    return report, json.loads(render(report, "sarif"))


def test_schema_valid(sarif):
    validate(sarif[1])


def test_schema_rejects_a_broken_log(sarif):
    """The schema file is not a stub: a wrong level and a zero column are rejected."""
    log = sarif[1]
    log["runs"][0]["results"][0]["level"] = "fatal"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    with pytest.raises(AssertionError, match="fatal"):
        validate(log)


def test_rules_and_results(sarif):
    report, log = sarif
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in report.rules]
    first = rules[0]
    assert first["name"] == "double-space"
    assert first["shortDescription"]["text"] == "Two spaces in a row."
    assert first["fullDescription"]["text"] == "Two spaces in a row. Second sentence."
    assert first["defaultConfiguration"]["level"] == "warning"
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in rules} == {
        "TST001": "warning", "TST002": "error", "TST003": "error", "TST004": "note"}
    results = run["results"]
    assert len(results) == len(report.findings)
    for result, finding in zip(results, report.findings):
        assert result["ruleId"] == finding.code
        assert rules[result["ruleIndex"]]["id"] == finding.code
        assert result["partialFingerprints"] == {"transqa/v1": finding.fingerprint}
        assert finding.message in result["message"]["text"]


def test_region_columns_are_code_points_and_uris_relative(sarif):
    report, log = sarif
    results = log["runs"][0]["results"]
    xss = results[1]
    loc = xss["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/doc.en.txt"
    # '𠀀' is one code point (two UTF-16 units): the span starts at code point 15 -> column 16
    target = report.document.segments[0].target
    assert target[15:40] == XSS
    assert loc["region"] == {"startLine": 1, "startColumn": 16, "endColumn": 41, "snippet": {"text": XSS}}
    related = xss["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "docs/doc.zh.txt"
    assert related["physicalLocation"]["region"] == {"startLine": 1}
    assert related["message"]["text"].startswith("source: 第一句")
    # the source-side finding points at the source file, the target is the related location
    term = results[3]
    assert term["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/doc.zh.txt"
    assert term["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/doc.en.txt"
    # a zero-length span is an insertion point: endColumn == startColumn
    insert = results[4]["locations"][0]["physicalLocation"]["region"]
    assert insert["startColumn"] == insert["endColumn"] == 14


def test_paths_outside_the_working_directory_are_file_uris(tmp_path, monkeypatch):
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    log = json.loads(render(make_report(tmp_path / "elsewhere"), "sarif"))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/elsewhere/doc.en.txt")
    validate(log)


def test_cli_demo_sarif_is_valid(run_cli, fixtures, tmp_path, monkeypatch):
    monkeypatch.chdir(fixtures.parent)
    out = tmp_path / "demo.sarif"
    code, _, err = run_cli("check", "fixtures/cnipa-forum.zh.txt", "fixtures/cnipa-forum.en.txt",
                           "--format", "sarif", "--output", str(out))
    assert code in (0, 1), err
    log = json.loads(out.read_text(encoding="utf-8"))
    validate(log)
    results = log["runs"][0]["results"]
    assert results, "the demo pair has known defects"
    lines = (fixtures / "cnipa-forum.en.txt").read_text(encoding="utf-8").splitlines()
    for result in results:
        loc = result["locations"][0]["physicalLocation"]
        region = loc["region"]
        text = lines[region["startLine"] - 1] if loc["artifactLocation"]["uri"].endswith(".en.txt") else \
            (fixtures / "cnipa-forum.zh.txt").read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
        assert text[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
        assert loc["artifactLocation"]["uri"] in ("fixtures/cnipa-forum.en.txt", "fixtures/cnipa-forum.zh.txt")


def test_table_input_has_lines_but_no_columns(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pairs.tsv").write_text("source\ttarget\n上海\tShanghai  city\n", encoding="utf-8")
    code, out, err = run_cli("check", "pairs.tsv", "--format", "sarif")
    log = json.loads(out)
    validate(log)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 2 and "startColumn" not in region


@pytest.mark.parametrize("inputs,columns", [
    ({"format": "text-pair"}, True),
    ({"format": "batch", "formats": ["text-pair"]}, True),
    ({"format": "aligned-text"}, False),  # sentences, not lines: a column would point at the wrong place
    ({"format": "batch", "formats": ["aligned-text", "text-pair"]}, False),
    ({"format": "xliff-1.2"}, False),
])
def test_columns_only_where_segments_are_lines(tmp_path, inputs, columns):
    from dataclasses import replace

    report = make_report(tmp_path)
    report = replace(report, document=replace(report.document, inputs=inputs))
    log = json.loads(render(report, "sarif"))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert ("startColumn" in region) is columns and region["startLine"] == 1
    validate(log)


def test_baseline_runs_mark_results_new(tmp_path):
    from dataclasses import replace

    report = make_report(tmp_path)
    plain = json.loads(render(report, "sarif"))["runs"][0]["results"]
    assert all("baselineState" not in r for r in plain)
    with_baseline = replace(report, findings=report.findings[1:], extra={"baselined": list(report.findings[:1])})
    log = json.loads(render(with_baseline, "sarif"))
    validate(log)
    assert {r["baselineState"] for r in log["runs"][0]["results"]} == {"new"}
    assert log["runs"][0]["properties"]["baselined"] == 1

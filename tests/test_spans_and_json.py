"""The JSON report is public API: keys, order, types, spans and UTF-8 output."""

import json

import pytest

SRC, TGT = "fixtures/cnipa-forum.zh.txt", "fixtures/cnipa-forum.en.txt"
FINDING_KEYS = ["code", "name", "category", "severity", "segment", "side", "start", "end", "match", "message",
                "suggestion", "fingerprint", "location"]


@pytest.fixture
def demo_json(run_cli, fixtures):
    root = fixtures.parent
    code, out, _ = run_cli("check", str(root / SRC), str(root / TGT), "--format", "json", cwd=root)
    return out


def test_top_level_keys_in_order(demo_json):
    report = json.loads(demo_json)
    assert list(report)[:5] == ["schema_version", "tool", "inputs", "summary", "findings"]
    assert report["schema_version"] == 1
    assert report["tool"]["name"] == "transqa" and report["tool"]["version"]
    summary = report["summary"]
    assert list(summary)[:7] == ["segments", "words", "penalty", "score", "threshold", "passed", "by_severity"]
    assert list(summary["by_severity"]) == ["critical", "major", "minor", "info"]
    assert isinstance(summary["passed"], bool)


def test_findings_fields_and_spans(demo_json, fixtures):
    report = json.loads(demo_json)
    root = fixtures.parent
    src = (root / SRC).read_text(encoding="utf-8").split("\n")
    tgt = (root / TGT).read_text(encoding="utf-8").split("\n")
    assert report["findings"]
    for f in report["findings"]:
        assert list(f)[:12] == FINDING_KEYS[:12]
        assert isinstance(f["segment"], int), "text pairs use the 1-based line number"
        text = (src if f["side"] == "source" else tgt)[f["segment"] - 1]
        assert 0 <= f["start"] <= f["end"] <= len(text)
        assert f["match"] == text[f["start"]:f["end"]]
        assert f["severity"] in ("info", "minor", "major", "critical")
        assert len(f["fingerprint"]) == 16


def test_chinese_written_as_utf8(run_cli, tmp_path):
    (tmp_path / "zh.txt").write_text("上海，北京\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Shanghai，Beijing\n", encoding="utf-8")
    _, out, _ = run_cli("check", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "--format", "json")
    assert "\"match\": \"，\"" in out and "\\u" not in out


def test_score_formula(run_cli, tmp_path):
    # 10 English words, one minor (double space) -> 100 * (1 - 1/10) = 90
    (tmp_path / "zh.txt").write_text("一二三\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("one two three four five  six seven eight nine ten\n", encoding="utf-8")
    code, out, _ = run_cli("check", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "--format", "json",
                           "--select", "SPC001")
    summary = json.loads(out)["summary"]
    assert summary["words"] == 10 and summary["penalty"] == 1.0 and summary["score"] == 90.0
    assert summary["passed"] is False and code == 1


def test_report_is_deterministic(run_cli, fixtures):
    root = fixtures.parent
    outs = [run_cli("check", str(root / SRC), str(root / TGT), "--format", "json", cwd=root)[1] for _ in range(2)]
    assert outs[0] == outs[1]

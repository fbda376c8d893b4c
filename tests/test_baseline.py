"""Baselines: `baseline write` records today's findings; `check --baseline` gates only on new ones."""

import json

import pytest

from transqa.baseline import Baseline, load_baseline
from transqa.errors import TransqaError

SRC = ["上海将加强知识产权保护。", "第四届创新奖。", "论坛成功举办。"]
TGT = ["Shanghai will step up  IP protection.", "The 4th Innovation Awards.", "The forum was held."]


def write_pair(folder, src, tgt):
    (folder / "a.zh.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
    (folder / "a.en.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    return "a.zh.txt", "a.en.txt"


def check_json(run_cli, *args):
    code, out, err = run_cli("check", *args, "-f", "json", "--fail-on", "minor")
    return code, json.loads(out), err


def test_baseline_accepts_known_findings(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pair = write_pair(tmp_path, SRC, TGT)
    code, before, _ = check_json(run_cli, *pair)
    assert code == 1 and [f["code"] for f in before["findings"]] == ["SPC001"]
    code, out, err = run_cli("baseline", "write", *pair, "-o", "base.json")
    assert code == 0 and "wrote 1 finding(s) to base.json" in err
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert data["transqa_baseline"] == 1 and data["findings"][0]["file"] == "a.en.txt"
    assert data["findings"][0]["fingerprint"] == before["findings"][0]["fingerprint"]
    code, after, _ = check_json(run_cli, *pair, "--baseline", "base.json")
    assert code == 0 and after["findings"] == [] and after["summary"]["baselined"] == 1
    assert after["summary"]["score"] == 100.0


def test_inserting_a_line_above_keeps_the_finding_baselined(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pair = write_pair(tmp_path, SRC, TGT)
    assert run_cli("baseline", "write", *pair, "-o", "base.json")[0] == 0
    write_pair(tmp_path, ["新的第一行。", *SRC], ["A new first line.", *TGT])  # the finding moves to line 2
    code, report, _ = check_json(run_cli, *pair)
    assert [(f["code"], f["location"]["line"]) for f in report["findings"]] == [("SPC001", 2)]
    code, report, _ = check_json(run_cli, *pair, "--baseline", "base.json")
    assert code == 0 and report["findings"] == [] and report["summary"]["baselined"] == 1


def test_new_findings_still_gate(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pair = write_pair(tmp_path, SRC, TGT)
    assert run_cli("baseline", "write", *pair, "-o", "base.json")[0] == 0
    write_pair(tmp_path, SRC, [TGT[0], "The 4th  Innovation Awards.", TGT[2]])  # a new double space
    code, report, _ = check_json(run_cli, *pair, "--baseline", "base.json")
    assert code == 1
    assert [(f["code"], f["location"]["line"]) for f in report["findings"]] == [("SPC001", 2)]
    assert report["summary"]["baselined"] == 1
    # editing the baselined segment's source makes its finding new again (its fingerprint changed)
    write_pair(tmp_path, ["上海将进一步加强知识产权保护。", *SRC[1:]], TGT)
    code, report, _ = check_json(run_cli, *pair, "--baseline", "base.json")
    assert code == 1 and [f["location"]["line"] for f in report["findings"]] == [1]


def test_each_baseline_entry_accepts_one_finding(tmp_path):
    from dataclasses import replace

    from report_fixture import make_report

    report = make_report(tmp_path)
    first = report.findings[0]
    baseline = Baseline(counts={(first.code, first.fingerprint): 1})
    new, known = baseline.split([first, replace(first, segment=9)])  # a repeated segment, same problem
    assert known == [first] and len(new) == 1


@pytest.mark.parametrize("content,needle", [
    (None, "baseline file not found"),
    ("{not json", "baseline is not valid JSON"),
    ('{"findings": []}', "not a transqa baseline"),
    ('{"transqa_baseline": 1, "findings": [{"code": "X"}]}', "entry 1 needs a code and a fingerprint"),
])
def test_bad_baseline_is_a_one_line_error(run_cli, tmp_path, monkeypatch, content, needle):
    monkeypatch.chdir(tmp_path)
    pair = write_pair(tmp_path, SRC, TGT)
    if content is not None:
        (tmp_path / "base.json").write_text(content, encoding="utf-8")
    with pytest.raises(TransqaError, match=needle):
        load_baseline(tmp_path / "base.json")
    code, out, err = run_cli("check", *pair, "--baseline", "base.json")
    assert code == 2 and needle in err and len(err.strip().splitlines()) == 1


def test_unused_waivers_are_reported(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pair = write_pair(tmp_path, SRC, TGT)
    code, report, _ = check_json(run_cli, *pair)
    fp = report["findings"][0]["fingerprint"]
    (tmp_path / ".transqa.yaml").write_text(
        "waivers:\n"
        f"  - {{code: SPC001, fingerprint: {fp}, reason: approved by the client}}\n"
        "  - {code: SPC001, fingerprint: '000000000000000a', reason: an old exception}\n", encoding="utf-8")
    code, report, err = check_json(run_cli, *pair)
    assert code == 0 and report["summary"]["waived"] == 1
    assert report["unused_waivers"] == [{"code": "SPC001", "fingerprint": "000000000000000a",
                                         "reason": "an old exception"}]
    assert "waiver SPC001 000000000000000a (an old exception) matched no finding" in err
    assert fp not in err
    code, out, err = run_cli("check", *pair, "--quiet")
    assert code == 0 and out == "" and err == ""

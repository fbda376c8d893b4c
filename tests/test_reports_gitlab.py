"""GitLab Code Quality: a JSON array of issues with the fields GitLab requires, unique fingerprints."""

import json

from report_fixture import make_report

from transqa.reporters import render

REQUIRED = {"description", "check_name", "fingerprint", "severity", "location"}


def test_issues_have_the_required_fields(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = make_report(tmp_path / "qa")
    issues = json.loads(render(report, "gitlab"))
    assert isinstance(issues, list) and len(issues) == len(report.findings)
    for issue, finding in zip(issues, report.findings):
        assert REQUIRED <= set(issue)
        assert issue["check_name"] == finding.code
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["severity"] == finding.severity
        assert issue["location"]["path"] == f"qa/{'doc.zh.txt' if finding.side == 'source' else 'doc.en.txt'}"
        assert issue["location"]["lines"]["begin"] == finding.location.line
        assert finding.message in issue["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_fingerprints_unique_for_repeated_identical_findings(tmp_path):
    from dataclasses import replace

    report = make_report(tmp_path)
    twice = replace(report, findings=report.findings + report.findings[:1])
    issues = json.loads(render(twice, "gitlab"))
    assert len({i["fingerprint"] for i in issues}) == len(issues) == len(report.findings) + 1


def test_fingerprints_are_stable_across_runs(tmp_path):
    a = json.loads(render(make_report(tmp_path), "gitlab"))
    b = json.loads(render(make_report(tmp_path), "gitlab"))
    assert [i["fingerprint"] for i in a] == [i["fingerprint"] for i in b]


def test_cli_demo_gitlab(run_cli, fixtures, tmp_path, monkeypatch):
    monkeypatch.chdir(fixtures.parent)
    code, out, _ = run_cli("check", "fixtures/cnipa-forum.zh.txt", "fixtures/cnipa-forum.en.txt", "-f", "gitlab")
    issues = json.loads(out)
    assert issues and all(i["location"]["path"].startswith("fixtures/cnipa-forum.") for i in issues)

"""Markdown for PR comments: verdict, summary table, worst findings first, input escaped."""

from dataclasses import replace

from report_fixture import make_report

from transqa.reporters import render
from transqa.reporters.markdown_report import WORST


def test_summary_and_worst_first(tmp_path):
    text = render(make_report(tmp_path), "markdown")
    assert text.startswith("## transqa: ❌ FAILED · score 0.00/100 (threshold 95)")
    assert "| critical | major | minor | info | penalty | words | segments |" in text
    assert "| 1 | 1 | 1 | 2 | 31 | 10 | 2 |" in text
    rows = [line for line in text.splitlines() if "| TST" in line]
    order = [row.split("|")[1].strip() for row in rows]
    assert order == ["critical", "major", "minor", "info", "info"]


def test_input_is_escaped(tmp_path):
    text = render(make_report(tmp_path), "markdown")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "@here" not in text  # no mentions from translated text
    assert "\\|" in text and "\\`x\\`" in text
    for line in text.splitlines():
        if line.startswith("| major | TST"):
            assert line.count(" | ") == 3  # the pipe in the target did not add a column


def test_long_reports_are_cut_to_the_worst(tmp_path):
    report = make_report(tmp_path)
    many = replace(report, findings=report.findings * 10)
    text = render(many, "markdown")
    assert f"### Worst {WORST} of {len(many.findings)} findings" in text
    assert sum(1 for line in text.splitlines() if line.startswith("| critical | TST")) == 10


def test_passing_report(run_cli, fixtures):
    code, out, _ = run_cli("check", str(fixtures / "cnipa-forum.zh.txt"), str(fixtures / "cnipa-forum.en.txt"),
                           "-f", "markdown", "--fail-under", "0", "--fail-on", "none")
    assert code == 0 and out.startswith("## transqa: ✅ PASSED")

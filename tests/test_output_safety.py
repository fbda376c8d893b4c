"""Output safety: reports are written atomically and never over an input; HTML escapes all input text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transqa import outputs
from transqa.errors import TransqaError
from transqa.outputs import refuse_inputs, write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failed_rename_keeps_the_old_report_and_no_temporary_file(tmp_path, monkeypatch):
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "replace", broken)
    with pytest.raises(TransqaError, match=r"report.json: cannot write: No space left on device"):
        write_atomic(report, "new")
    assert report.read_text(encoding="utf-8") == "old" and _leftovers(tmp_path) == []


def test_any_exception_while_writing_leaves_no_temporary_file(tmp_path):
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(report, "lone surrogate \ud800")
    assert report.read_text(encoding="utf-8") == "old" and _leftovers(tmp_path) == []


def test_new_report_mode_follows_umask_and_existing_mode_is_kept(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", "x")
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.json"
        kept.write_text("x")
        kept.chmod(0o640)
        write_atomic(kept, "y")
        assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text() == "y"
    finally:
        os.umask(old)


@pytest.mark.parametrize("spelling", ["in.txt", "./in.txt", "sub/../in.txt", "link.txt", "hard.txt"])
def test_output_over_an_input_is_refused_by_any_spelling(tmp_path, monkeypatch, spelling):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text("source", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.txt").symlink_to("in.txt")
    os.link(tmp_path / "in.txt", tmp_path / "hard.txt")
    with pytest.raises(TransqaError, match="output path is one of the input files"):
        write_atomic(spelling, "report", inputs=["in.txt"])
    assert (tmp_path / "in.txt").read_text(encoding="utf-8") == "source"
    refuse_inputs("other.txt", ["in.txt", None])  # a different file is fine


@pytest.mark.parametrize("flag", ["--output-format", "-o"])
def test_cli_refuses_before_printing_anything(tmp_path, run_cli, flag):
    (tmp_path / "zh.txt").write_text("知识产权\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("intellectual property\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text("glossary: g\nterms:\n  - {source: 专利, target: patent}\n", encoding="utf-8")
    target = "json:g.yaml" if flag == "--output-format" else "g.yaml"
    before = (tmp_path / "g.yaml").read_bytes()
    code, out, err = run_cli("check", "zh.txt", "en.txt", "-g", "g.yaml", flag, target, cwd=tmp_path)
    assert code == 2 and out == "" and "g.yaml: output path is one of the input files" in err
    assert (tmp_path / "g.yaml").read_bytes() == before


# ---- HTML: whatever the input holds, it is text in the page, never markup

HOSTILE = st.sampled_from([
    "<xqz onerror=alert(1)>", "</script><xqz>", "\"><xqz a='", "' xqz='1", "<!--", "-->", "<![CDATA[", "]]>",
    "&lt;xqz&gt;", "&#60;xqz", "javascript:alert(1)", "<style>", "</textarea>", "{{7*7}}", "${x}", "\u2028",
    "国家知识产权局", "SIPO", "the the", "2019年", "50%", "  ",
])
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=5)), min_size=1, max_size=8).map("".join)


@given(pairs=st.lists(st.tuples(HOSTILE_TEXT, HOSTILE_TEXT), min_size=1, max_size=3))
@settings(max_examples=60, deadline=None)
def test_html_report_escapes_all_input_text(pairs):
    from lxml import html

    from transqa.checks import Context
    from transqa.config import Config
    from transqa.engine import run_rules
    from transqa.model import Document, Report, Segment
    from transqa.packs import default_pack_paths, load_packs
    from transqa.reporters import render
    from transqa.scoring import score

    pairs = [(s.replace("\x00", ""), t.replace("\x00", "") + " and and so") for s, t in pairs]  # REP001 shows it
    document = Document(segments=tuple(Segment(i, s, t) for i, (s, t) in enumerate(pairs, 1)))
    rules = _RULES or _RULES.extend(load_packs(default_pack_paths())) or _RULES
    findings = run_rules(document, rules, Context())
    config = Config()
    report = Report(document=document, findings=tuple(findings), rules=tuple(rules),
                    score=score(findings, document, weights=config.weights, threshold=config.threshold,
                                fail_on=config.fail_on))
    page = render(report, "html")
    assert "<xqz" not in page.lower()
    if any("<xqz" in s + t for s, t in pairs):
        assert "&lt;xqz" in page  # the text is there, as text
    assert page.lower().count("<script") == page.lower().count("</script") == 1  # the report's own
    tree = html.fromstring(page)
    assert not tree.xpath("//xqz | //*[@xqz] | //*[@onerror] | //*[@a]")


_RULES: list = []

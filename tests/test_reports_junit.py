"""JUnit XML: one testcase per segment, failures only at or above the gating level, always well-formed."""

import xml.etree.ElementTree as ET

from report_fixture import make_report

from transqa.reporters import render


def cases(xml_text: str) -> dict[str, ET.Element]:
    root = ET.fromstring(xml_text.encode("utf-8"))
    return {f'{c.get("classname")}::{c.get("name")}': c for c in root.iter("testcase")}, root


def test_one_testcase_per_segment_plus_score(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    found, root = cases(render(make_report(tmp_path), "junit"))
    assert sorted(found) == ["doc.en.txt::line 1", "doc.en.txt::line 2", "transqa::MQM score"]
    assert found["doc.en.txt::line 1"].get("file") == "doc.en.txt"
    assert found["doc.en.txt::line 1"].get("line") == "1"
    assert root.get("tests") == "3"


def test_failures_follow_the_gating_level(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    found, root = cases(render(make_report(tmp_path, fail_on="major"), "junit"))
    line1 = found["doc.en.txt::line 1"]
    failure = line1.find("failure")
    assert failure.get("type") == "TST002" and "<script>" in failure.get("message")  # escaped in XML, text here
    assert "TST001" not in failure.text and "TST001" in line1.find("system-out").text  # minor: not gating
    assert found["doc.en.txt::line 2"].find("failure").get("type") == "TST003"
    # at --fail-on critical only the critical finding fails its segment
    found, _ = cases(render(make_report(tmp_path, fail_on="critical"), "junit"))
    assert found["doc.en.txt::line 1"].find("failure") is None
    assert found["doc.en.txt::line 2"].find("failure") is not None
    # at --fail-on none no segment fails; the score testcase still carries the threshold
    found, root = cases(render(make_report(tmp_path, fail_on=None), "junit"))
    assert not [c for name, c in found.items() if c.find("failure") is not None and name != "transqa::MQM score"]
    assert found["transqa::MQM score"].find("failure") is not None
    found, root = cases(render(make_report(tmp_path, fail_on=None, threshold=0), "junit"))
    assert root.get("failures") == "0"


def test_control_characters_stay_well_formed(tmp_path):
    text = render(make_report(tmp_path, fail_on="info"), "junit")
    assert "\x0b" not in text and "知识产权\\x0b" in text
    found, _ = cases(text)  # parses
    assert any("知识产权" in (c.find("failure").text or "") for c in found.values() if c.find("failure") is not None)


def test_cli_demo_junit(run_cli, fixtures, tmp_path):
    out = tmp_path / "junit.xml"
    code, _, err = run_cli("check", str(fixtures / "cnipa-forum.zh.txt"), str(fixtures / "cnipa-forum.en.txt"),
                           "--output-format", f"junit:{out}", "--fail-on", "minor", "--quiet")
    root = ET.parse(out).getroot()
    segments = [c for c in root.iter("testcase") if c.get("name") != "MQM score"]
    assert len(segments) == 10  # the demo pair has 10 non-blank segments
    failed = [c for c in segments if c.find("failure") is not None]
    assert failed and code == 1  # with --fail-on minor the demo's minor findings fail

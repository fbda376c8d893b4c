"""Bilingual formats: each fixture parsed to the expected segments (ids, text, tags, lines, languages)."""

import pytest

from transqa.readers import read_document
from transqa.readers.inline_tags import TAG_CHAR

FORMATS = "fixtures/formats"
P = TAG_CHAR


def _read(fixtures, name):
    return read_document([str(fixtures / "formats" / name)])


def _keys(segment, side):
    return [t["key"] for t in segment.meta.get("tags", {}).get(side, [])]


def test_xliff_12_units_groups_inline_tags_and_lines(fixtures):
    doc = _read(fixtures, "sample-12.xlf")
    assert doc.inputs["format"] == "xliff-1.2"
    assert doc.inputs["languages"] == {"source": "zh-CN", "target": "en-US"}
    assert (doc.source_lang, doc.target_lang) == ("zh", "en")
    ids = [s.id for s in doc.segments]
    assert ids == ["title", "p1", "p2", "p3", "p4"]  # translate="no" unit skipped, group entered
    p1 = doc.segments[1]
    assert p1.source == f"上海市委书记{P}陈吉宁{P}出席并致辞。{P}"
    assert p1.target == f"Shanghai Party Secretary {P}Chen Jining{P} addressed the event.{P}"
    assert _keys(p1, "source") == _keys(p1, "target") == ["<g1>", "</g1>", "<x2/>"]
    assert p1.meta["tags"]["target"][0]["markup"] == '<g id="1">'
    assert p1.target_location.line == 12 and p1.target_location.file.endswith("sample-12.xlf")
    p2 = doc.segments[2]
    assert p2.source == f"详见{P}公告{P}第{P}条。"  # native code inside bpt/ept/ph is markup, not text
    assert "&lt;a" not in p2.target and "<a" not in p2.target
    assert p2.meta["tags"]["source"][0]["markup"].startswith("<bpt")
    assert doc.segments[4].target == ""  # empty <target/> = empty translation


def test_sdlxliff_segments_from_seg_source_mrk(fixtures):
    doc = _read(fixtures, "sample.sdlxliff")
    assert doc.inputs["variant"] == "sdlxliff"
    unit = "0f7c2a1e-1a2b-4c3d-8e9f-000000000001"
    assert [s.id for s in doc.segments] == [f"{unit}/1", f"{unit}/2", f"{unit}/3",
                                            "0f7c2a1e-1a2b-4c3d-8e9f-000000000002"]
    assert [s.target for s in doc.segments[:3]] == [
        "Chen said that Shanghai will step up IP protection.", "Shanghai",
        "will keep improving its business environment."]
    last = doc.segments[3]
    assert _keys(last, "source") == ["<x2/>"] and _keys(last, "target") == []
    assert last.target_location.line == 17


def test_mqxliff_bpt_ept_ph(fixtures):
    doc = _read(fixtures, "sample.mqxliff")
    assert doc.inputs["variant"] == "mqxliff"
    assert doc.segments[0].target == f"{P}Shen{P} said in his speech"
    assert _keys(doc.segments[1], "target") == ["<ph3/>", "<ph2/>"]


def test_xliff_20_segments_pc_sc_ec_mrk(fixtures):
    doc = _read(fixtures, "sample-20.xliff")
    assert doc.inputs["format"] == "xliff-2.0"
    assert [s.id for s in doc.segments] == ["u1/s1", "u1/s2", "u2"]
    s1, s2, u2 = doc.segments
    assert s1.target == f"Shanghai is a {P}leading center{P}."
    assert _keys(s1, "target") == ["<pc1>", "</pc1>"]
    assert _keys(s2, "source") == ["<ph2/>"] and s2.target_location.line == 20
    assert _keys(u2, "source") == ["<sc3/>", "<ec3/>", "<mrkm1>", "</mrkm1>"]


def test_xliff_21(fixtures):
    doc = _read(fixtures, "sample-21.xlf")
    assert doc.inputs["format"] == "xliff-2.1"
    assert [(s.id, s.source, s.target) for s in doc.segments] == [
        ("title", "上海知识产权国际论坛", "Shanghai International IP Forum")]


def test_tmx_picks_zh_and_en_tuv_whatever_their_order(fixtures):
    doc = _read(fixtures, "sample.tmx")
    assert doc.inputs["format"] == "tmx-1.4"
    assert [s.id for s in doc.segments] == ["forum-1", 2, "forum-3"]
    second = doc.segments[1]
    assert second.source == f"{P}陈吉宁{P}出席{P}" and second.target == f"{P}Chen Jining{P} attended{P}"
    assert second.target_location.line == 13  # the English <seg>, listed before the Chinese one
    third = doc.segments[2]
    assert _keys(third, "source") == ["<hi3>", "</hi3>", "<it4/>"] and _keys(third, "target") == ["<it4/>"]


def test_po_context_plural_fuzzy_obsolete(fixtures):
    doc = _read(fixtures, "sample.po")
    assert [s.id for s in doc.segments] == [14, 18, "21[0]", "21[1]", 26]
    news = doc.segments[0]
    assert (news.source, news.target, news.meta["msgctxt"]) == ("新闻", "News", "menu")
    assert news.target_location.line == 15  # the msgstr line
    assert doc.segments[1].meta["fuzzy"] is True
    assert doc.segments[3].source == "%d 个获奖单位" and doc.segments[3].target.endswith("organizations")
    assert doc.segments[3].target_location.line == 24
    assert all("旧条目" not in s.source for s in doc.segments)  # obsolete entry skipped


def test_content_sniffing_without_extension(tmp_path, fixtures):
    copy = tmp_path / "export.txt"
    copy.write_bytes((fixtures / "formats" / "sample.tmx").read_bytes())
    assert read_document([str(copy)]).inputs["format"] == "tmx-1.4"
    po = tmp_path / "messages"
    po.write_bytes((fixtures / "formats" / "sample.po").read_bytes())
    assert read_document([str(po)]).inputs["format"] == "po"


@pytest.mark.parametrize("name, codes", [
    ("sample-12.xlf", {("p3", "TAG001"), ("p3", "TAG001"), ("p4", "ACC001")}),
    ("sample.mqxliff", {("2", "TAG003")}),
    ("sample.tmx", {("forum-3", "TAG001")}),
])
def test_tag_findings_end_to_end(run_cli, fixtures, name, codes):
    import json

    code, out, err = run_cli("check", str(fixtures / "formats" / name), "--format", "json",
                             "--select", "TAG", "--select", "ACC001")
    assert code in (0, 1), err
    report = json.loads(out)
    found = {(str(f["segment"]), f["code"]) for f in report["findings"]}
    assert found == {(str(s), c) for s, c in codes}
    for f in report["findings"]:
        assert f["location"]["file"].endswith(name) and f["location"]["line"]


def test_placeholders_do_not_trip_text_checks(run_cli, fixtures):
    """Tags between words must not look like double spaces, doubled words or missing spaces."""
    import json

    code, out, err = run_cli("check", str(fixtures / "formats" / "sample-12.xlf"), "--format", "json",
                             "--select", "SPC", "--select", "REP", "--select", "ACC003")
    assert code in (0, 1), err
    assert json.loads(out)["findings"] == []


def test_sdlxliff_double_space_located_at_target_line(run_cli, fixtures):
    import json

    code, out, err = run_cli("check", str(fixtures / "formats" / "sample.sdlxliff"), "--format", "json",
                             "--select", "SPC001")
    findings = json.loads(out)["findings"]
    assert [(f["code"], f["location"]["line"], f["start"], f["end"]) for f in findings] == [("SPC001", 17, 4, 6)]


def test_seg_source_with_unsegmented_target_is_read_as_one_unit(fixtures):
    doc = _read(fixtures, "unsegmented-target.xlf")
    assert [(s.id, s.source, s.target) for s in doc.segments] == [
        ("7", "上海将加强保护。论坛成功举办。", "Shanghai will step up protection. The forum was a success.")]


def test_po_plural_forms_are_not_inconsistent_translations(run_cli, fixtures):
    """msgid and msgid_plural share one Chinese text; `organization`/`organizations` is no inconsistency."""
    import json

    code, out, err = run_cli("check", str(fixtures / "formats" / "sample.po"), "--format", "json", "--select", "CONS001")
    assert json.loads(out)["findings"] == []

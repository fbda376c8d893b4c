"""target-only (ACC004 and user rules): target text that needs a source counterpart and has none."""

from __future__ import annotations

import json

PACK = """pack: notes
description: test pack
rules:
  - code: USR901
    name: wire-credit
    check: target-only
    category: accuracy/addition
    severity: minor
    message: "Credit line with no source: {match}"
    description: A wire-service credit the source does not carry.
PATTERNS
    source_tokens: [新华社, 路透社]
    examples:
      fire:
        - {source: 会议在北京举行。, target: "The meeting was held in Beijing (Xinhua)."}
      pass:
        - {source: 新华社北京电 会议在北京举行。, target: "The meeting was held in Beijing (Xinhua)."}
"""
PATTERNS = r"    patterns: ['\((?:Xinhua|Reuters)\)']"


def test_user_rule_fires_only_without_the_source_counterpart(tmp_path, run_cli):
    pack = tmp_path / "notes.yaml"
    pack.write_text(PACK.replace("PATTERNS", PATTERNS), encoding="utf-8")
    code, out, err = run_cli("rules", "test", str(pack))
    assert code == 0, out + err
    zh, en = tmp_path / "a.zh", tmp_path / "a.en"
    zh.write_text("会议在北京举行。\n路透社报道，会议在北京举行。\n", encoding="utf-8")
    en.write_text("The meeting was held in Beijing (Xinhua).\nThe meeting was held in Beijing (Reuters).\n",
                  encoding="utf-8")
    code, out, err = run_cli("check", str(zh), str(en), "--pack", str(pack), "--select", "USR901",
                             "--format", "json")
    found = [(f["segment"], f["match"]) for f in json.loads(out)["findings"]]
    assert found == [(1, "(Xinhua)")]


def test_target_only_without_patterns_is_a_one_line_load_error(tmp_path, run_cli):
    pack = tmp_path / "bad.yaml"
    pack.write_text(PACK.replace("PATTERNS\n", ""), encoding="utf-8")
    code, _, err = run_cli("rules", "test", str(pack))
    assert code == 2
    assert "target-only needs at least one entry in 'tokens' or 'patterns'" in err
    assert len(err.strip().splitlines()) == 1


def test_acc004_is_quiet_on_translation_as_a_topic(tmp_path, run_cli):
    zh, en = tmp_path / "b.zh", tmp_path / "b.en"
    zh.write_text("这份报告被翻译成12种语言。\n（译自国家知识产权局网站）\n会议闭幕。\n", encoding="utf-8")
    en.write_text("The report was translated from Chinese into 12 languages.\n"
                  "(Translated from the CNIPA website)\n"
                  "The meeting closed. (Translator's note: the source says 闭幕.)\n", encoding="utf-8")
    code, out, err = run_cli("check", str(zh), str(en), "--select", "ACC004", "--format", "json")
    found = [(f["segment"], f["match"][:18]) for f in json.loads(out)["findings"]]
    assert found == [(3, "(Translator's note")]

"""`transqa rules test FILE`, `transqa rules` still listing, and retuning user-rule options in .transqa.yaml."""

from __future__ import annotations

import json

from transqa.config import load_config
from transqa.pipeline import all_rules


def test_rules_test_passes_the_shipped_style_pack(run_cli):
    from transqa.packs import rules_dir

    code, out, _ = run_cli("rules", "test", str(rules_dir() / "style-en.yaml"))
    assert code == 0
    lines = out.splitlines()
    assert lines[-1].endswith(" examples, 0 failed")
    assert all(line.startswith("PASS STY") for line in lines[:-1])
    assert any(line.startswith("PASS STY008 peking-for-beijing pass #1: 北京大学 → ") for line in lines)


def test_rules_test_reports_each_failing_example_and_exits_1(fixtures, run_cli):
    code, out, _ = run_cli("rules", "test", str(fixtures / "user_rules" / "failing_examples.yaml"))
    assert code == 1
    assert "PASS USR005 in-order-to fire #1: 为了 → in order to win" in out
    assert "FAIL USR005 in-order-to fire #2: 为了 → to win (expected a finding, got none)" in out
    assert "FAIL USR005 in-order-to pass #2: 为了 → In order to win (expected no finding, got 1:target[0:11] 'In order to')" in out
    assert "FAIL USR006 no-pass-example: no 'pass' example" in out
    assert out.splitlines()[-1] == "5 examples, 3 failed"


def test_rules_test_load_error_is_one_line_exit_2(fixtures, run_cli):
    code, out, err = run_cli("rules", "test", str(fixtures / "user_rules" / "bad_regex.yaml"))
    assert code == 2
    assert err.startswith("transqa: error: ") and "rule USR002: invalid regular expression" in err
    assert len(err.strip().splitlines()) == 1


def test_rules_test_needs_a_file(run_cli):
    code, _, err = run_cli("rules", "test")
    assert code == 2 and "error" in err


def test_rules_without_subcommand_still_prints_the_table_and_json(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0
    header = out.splitlines()[0].split()
    assert header == ["CODE", "NAME", "CATEGORY", "SEVERITY", "ENABLED"]
    assert any(line.split()[:2] == ["STY003", "percent-spelling-mixed"] for line in out.splitlines())
    code, out, _ = run_cli("rules", "--json")
    assert code == 0
    rows = {row["code"]: row for row in json.loads(out)}
    assert rows["STY004"]["check"] == "mixed-variants" and rows["STY004"]["enabled"] is True


def test_rules_pack_option_still_works(fixtures, run_cli):
    code, out, _ = run_cli("rules", "--pack", str(fixtures / "user_rules" / "failing_examples.yaml"))
    assert code == 0 and "USR005" in out


def test_config_retunes_and_disables_style_rules(tmp_path, run_cli):
    (tmp_path / ".transqa.yaml").write_text(
        "rules:\n  STY004: disable\n  capitalised-common-noun: {severity: info, words: [patent]}\n", encoding="utf-8")
    rules = {r.code: r for r in all_rules(load_config(tmp_path / ".transqa.yaml"))}
    assert rules["STY004"].enabled is False
    assert rules["STY005"].severity == "info" and rules["STY005"].options["words"] == ["patent"]
    (tmp_path / "zh.txt").write_text("企业和专利\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("The new Enterprises hold a Patent on it.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "zh.txt", "en.txt", "--select", "STY005", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["match"], f["severity"]) for f in json.loads(out)["findings"]]
    assert found == [("STY005", "Patent", "info")]


def test_config_override_with_a_bad_regex_is_an_error_naming_the_config(tmp_path, run_cli):
    (tmp_path / ".transqa.yaml").write_text("rules:\n  STY001: {patterns: ['(make']}\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("作出贡献\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("make contributions to\n", encoding="utf-8")
    code, _, err = run_cli("check", "zh.txt", "en.txt", cwd=tmp_path)
    assert code == 2
    assert ".transqa.yaml:2: rule STY001: invalid regular expression '(make'" in err


def test_style_pack_on_a_sample_document(tmp_path, run_cli):
    zh = ["中国为世界和平作出了重要贡献。", "包括苹果、梨等。", "增长5%。", "下降3%。", "上升2%。", "北京大学教授。"]
    en = ["China has made important contributions to world peace.", "including apples, pears, etc.",
          "Sales grew 5 percent.", "Costs fell 3 percent.", "Prices rose 2 per cent.",
          "A professor at Peking University."]
    (tmp_path / "zh.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    code, out, _ = run_cli("check", "zh.txt", "en.txt", "--select", "STY", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["segment"], f["match"]) for f in json.loads(out)["findings"]]
    assert found == [("STY001", 1, "made important contributions to"), ("STY002", 2, "etc."),
                     ("STY003", 5, "per cent")]

"""Rule-pack validation and project-config merging."""

import json
import textwrap

import pytest

from transqa.config import load_config
from transqa.errors import TransqaError
from transqa.packs import load_pack, load_packs

GOOD_RULE = """
  - code: TST001
    name: test-double-space
    check: double-space
    category: fluency/punctuation
    severity: minor
    message: "{length} spaces"
"""


def pack(tmp_path, body, name="p.yaml"):
    path = tmp_path / name
    path.write_text("rules:" + textwrap.dedent(body), encoding="utf-8")
    return path


def test_good_pack_loads(tmp_path):
    [rule] = load_pack(pack(tmp_path, GOOD_RULE))
    assert rule.code == "TST001" and rule.options == {"sides": ["target"]}


@pytest.mark.parametrize("edit,needle,line", [
    (("severity: minor", "severity: minor\n    colour: red"), "rule TST001: unknown option 'colour'", 2),
    (("check: double-space", "check: triple-space"), "unknown check type 'triple-space'", 2),
    (('"{length} spaces"', '"{width} spaces"'), "placeholder {width} is not provided", 2),
    (("severity: minor", "severity: fatal"), "severity 'fatal'", 2),
    (("category: fluency/punctuation", "category: grammar"), "category 'grammar'", 2),
    (("code: TST001", "code: tst1"), "code 'tst1'", 2),
    (("severity: minor", "severity: minor\n    sides: target"), "option 'sides' must be list", 2),
])
def test_pack_errors_name_file_rule_and_key(tmp_path, edit, needle, line):
    path = pack(tmp_path, GOOD_RULE.replace(*edit))
    with pytest.raises(TransqaError) as exc:
        load_pack(path)
    assert needle in str(exc.value)
    assert str(exc.value).startswith(f"{path}:{line}:")


def test_duplicate_code_across_packs(tmp_path):
    a = pack(tmp_path, GOOD_RULE, "a.yaml")
    b = pack(tmp_path, GOOD_RULE.replace("name: test-double-space", "name: other"), "b.yaml")
    with pytest.raises(TransqaError, match="duplicate code 'TST001'"):
        load_packs([a, b])


def test_unknown_pack_key(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("rulez: []\n", encoding="utf-8")
    with pytest.raises(TransqaError, match="unknown key 'rulez'"):
        load_pack(path)


def test_yaml_python_tag_rejected(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("rules: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(TransqaError, match="invalid YAML"):
        load_pack(path)


# --- project config -------------------------------------------------------------------------------

def write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_config_discovered_from_parent(tmp_path, monkeypatch):
    write(tmp_path / ".transqa.yaml", "fail_on: major\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert load_config(None).fail_on == "major"


def test_extends_then_override(tmp_path):
    write(tmp_path / "base.yaml", """
        scoring: {weights: {minor: 2}, threshold: 90}
        rules: {SPC001: {severity: major}, repeated-word: {exceptions: [had, that, very]}}
        waivers: [{code: SPC001, fingerprint: abc, reason: approved}]
    """)
    write(tmp_path / "project.yaml", """
        extends: [default, base.yaml]
        scoring: {threshold: 97}
        rules: {SPC001: {severity: info}}
    """)
    config = load_config(tmp_path / "project.yaml")
    assert config.weights["minor"] == 2 and config.threshold == 97
    assert config.rules["SPC001"] == {"severity": "info"}
    assert config.rules["repeated-word"] == {"exceptions": ["had", "that", "very"]}
    assert [w.code for w in config.waivers] == ["SPC001"]


@pytest.mark.parametrize("text,needle", [
    ("colour: red\n", "unknown key 'colour'"),
    ("fail_on: fatal\n", "'fail_on' must be one of"),
    ("scoring: {threshold: 120}\n", "'scoring.threshold' must be a number from 0 to 100"),
    ("waivers: [{code: SPC001, fingerprint: abc}]\n", "non-empty reason"),
    ("waivers: [{code: SPC001, fingerprint: 1234567890123456, reason: ok}]\n", "must be a quoted string"),
    ("extends: self.yaml\n", "cycle"),
    ("rules: {SPC001: {severity: huge}}\n", "severity 'huge'"),
])
def test_config_errors(tmp_path, text, needle):
    path = write(tmp_path / "self.yaml", text)
    with pytest.raises(TransqaError) as exc:
        load_config(path)
    assert needle in str(exc.value) and str(path) in str(exc.value)


@pytest.fixture
def doubled(tmp_path):
    (tmp_path / "zh.txt").write_text("上海  北京\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("the the Shanghai  Beijing\n", encoding="utf-8")
    return str(tmp_path / "zh.txt"), str(tmp_path / "en.txt")


def run_json(run_cli, *args):
    code, out, err = run_cli("check", *args, "--format", "json")
    assert err == "", err
    return code, json.loads(out)


def test_config_disables_and_retunes_rules(run_cli, tmp_path, doubled):
    cfg = write(tmp_path / "c.yaml", """
        rules:
          repeated-word: disable
          SPC001: {severity: critical}
        fail_on: none
    """)
    code, report = run_json(run_cli, *doubled, "--config", str(cfg))
    codes = {(f["code"], f["severity"]) for f in report["findings"]}
    assert ("SPC001", "critical") in codes and not any(c == "REP001" for c, _ in codes)


def test_config_unknown_rule_or_option_is_an_error(run_cli, tmp_path, doubled):
    cfg = write(tmp_path / "c.yaml", "rules:\n  NOPE001: disable\n")
    code, out, err = run_cli("check", *doubled, "--config", str(cfg))
    assert code == 2 and "unknown rule 'NOPE001'" in err and str(cfg) in err
    cfg = write(tmp_path / "c.yaml", "rules:\n  SPC001: {width: 3}\n")
    code, out, err = run_cli("check", *doubled, "--config", str(cfg))
    assert code == 2 and "unknown option 'width'" in err and f"{cfg}:2" in err


def test_waiver_by_fingerprint(run_cli, tmp_path, doubled):
    _, report = run_json(run_cli, *doubled, "--select", "REP001")
    fp = report["findings"][0]["fingerprint"]
    cfg = write(tmp_path / "c.yaml", f"waivers:\n  - {{code: REP001, fingerprint: '{fp}', reason: quoted speech}}\n")
    _, report = run_json(run_cli, *doubled, "--select", "REP001", "--config", str(cfg))
    assert report["findings"] == [] and report["summary"]["waived"] == 1


def test_fail_on_from_config_and_cli(run_cli, tmp_path, doubled):
    cfg = write(tmp_path / "c.yaml", "fail_on: minor\nscoring: {threshold: 0}\n")
    assert run_cli("check", *doubled, "--config", str(cfg))[0] == 1
    assert run_cli("check", *doubled, "--config", str(cfg), "--fail-on", "none")[0] == 0


def test_select_can_enable_a_disabled_rule_by_name(tmp_path):
    from transqa.config import select_rules

    rules = load_pack(pack(tmp_path, GOOD_RULE + "    enabled: false\n"))
    assert select_rules(rules, [], []) == []
    assert select_rules(rules, ["TST"], []) == []
    assert [r.code for r in select_rules(rules, ["TST001"], [])] == ["TST001"]

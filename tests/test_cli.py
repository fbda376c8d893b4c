"""CLI contract: exit codes, one-line errors, rules/explain/version, select/ignore, output files."""

import hashlib
import json
import subprocess
import sys

import pytest

from transqa import __version__


@pytest.fixture
def pair(tmp_path):
    src = tmp_path / "zh.txt"
    tgt = tmp_path / "en.txt"
    src.write_text("上海将加强知识产权保护。\n\n上海将加强合作。\n", encoding="utf-8")
    tgt.write_text("Shanghai will step up the the protection of IP.\n\nShanghai will boost cooperation.\n",
                   encoding="utf-8")
    return src, tgt


def digest(*paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_exit_0_when_passed(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("上海。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Shanghai.\n", encoding="utf-8")
    code, out, err = run_cli("check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert code == 0 and "PASSED" in out and err == ""


def test_exit_1_when_failed(run_cli, pair):
    code, out, _ = run_cli("check", *map(str, pair), "--fail-on", "minor")
    assert code == 1 and "FAILED" in out and "REP001" in out


def test_fail_under(run_cli, pair):
    assert run_cli("check", *map(str, pair), "--fail-under", "99")[0] == 1
    assert run_cli("check", *map(str, pair), "--fail-under", "50")[0] == 0


@pytest.mark.parametrize("args,needle", [
    (["check", "missing.txt", "en.txt"], "missing.txt: file not found"),
    (["check", ".", "en.txt"], "is a directory"),
    (["check", "zh.txt", "en.txt", "--select", "NOPE999"], "unknown rule, code or prefix 'NOPE999'"),
    (["check", "zh.txt", "en.txt", "--format", "xml"], "unknown --format 'xml'"),
    (["check", "zh.txt", "en.txt", "--output", "en.txt"], "refusing to overwrite"),
    (["check", "zh.txt", "en.txt", "--glossary", "bad.yaml"], "bad.yaml:2:1: invalid YAML"),
    (["check", "zh.txt", "en.txt", "--config", "nope.yaml"], "nope.yaml: file not found"),
    (["check", "zh.txt", "en.txt", "--fail-on", "fatal"], "fatal"),
    (["check"], "Missing argument 'files'"),
    (["explain", "XYZ001"], "unknown rule 'XYZ001'"),
    (["frobnicate"], "No such command"),
])
def test_bad_input_is_one_line_exit_2(run_cli, pair, args, needle):
    src, tgt = pair
    folder = src.parent
    (folder / "bad.yaml").write_text("terms: [\n", encoding="utf-8")
    before = digest(src, tgt)
    code, out, err = run_cli(*args, cwd=folder)
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert digest(src, tgt) == before, "inputs are never modified"


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\x00\x01\x02binary\x00"])
def test_empty_or_binary_input(run_cli, pair, content):
    src, tgt = pair
    tgt.write_bytes(content)
    code, _, err = run_cli("check", str(src), str(tgt))
    assert code == 2 and str(tgt) in err and len(err.strip().splitlines()) == 1


def test_output_file_written_atomically(run_cli, pair, tmp_path):
    out_path = tmp_path / "report.json"
    code, out, err = run_cli("check", *map(str, pair), "--format", "json", "--output", str(out_path))
    assert out == "" and err == ""
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert data["summary"]["segments"] == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == [], "no temp file left"


def test_select_by_code_name_and_prefix(run_cli, pair):
    for selector in ("REP001", "repeated-word", "REP"):
        _, out, _ = run_cli("check", *map(str, pair), "--format", "json", "--select", selector)
        codes = {f["code"] for f in json.loads(out)["findings"]}
        assert codes == {"REP001"}, selector


def test_ignore(run_cli, pair):
    _, out, _ = run_cli("check", *map(str, pair), "--format", "json", "--ignore", "repeated-word")
    assert "REP001" not in {f["code"] for f in json.loads(out)["findings"]}


def test_version(run_cli):
    code, out, _ = run_cli("--version")
    assert code == 0 and out.strip() == f"transqa {__version__}"


def test_rules_table_and_json(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0
    header = out.splitlines()[0].split()
    assert header == ["CODE", "NAME", "CATEGORY", "SEVERITY", "ENABLED"]
    assert any(line.startswith("SPC001") for line in out.splitlines())
    code, out, _ = run_cli("rules", "--json")
    rows = json.loads(out)
    assert {"code", "name", "category", "severity", "enabled"} <= set(rows[0])


def test_explain_by_code_and_name(run_cli):
    for key in ("SPC003", "missing-space-after-stop"):
        code, out, _ = run_cli("explain", key)
        assert code == 0
        assert out.startswith("SPC003 missing-space-after-stop")
        assert "examples it flags:" in out and "examples it does not flag:" in out


def test_help_is_plain_and_lists_commands():
    proc = subprocess.run([sys.executable, "-m", "transqa", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for command in ("check", "rules", "explain"):
        assert command in proc.stdout


def test_real_process_error_is_one_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "transqa", "check", str(tmp_path / "a"), str(tmp_path / "b")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "file not found" in proc.stderr

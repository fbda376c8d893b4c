"""docs/ci.md is tried as a new user would: its YAML parses and every transqa command in it runs on the demo."""

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(yaml|sh)\n(.*?)```", DOC, re.S)
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def commands() -> dict[str, list[str]]:
    """The shell commands of each example, in order, without the install step."""
    found: dict[str, list[str]] = {}
    for lang, body in BLOCKS:
        if lang == "sh":
            found["sh"] = [line for line in body.splitlines() if line.strip()]
            continue
        data = yaml.safe_load(body)
        if "jobs" in data:
            found["github"] = [step["run"] for step in data["jobs"]["transqa"]["steps"] if "run" in step]
        elif "translation-qa" in data:
            found["gitlab"] = list(data["translation-qa"]["script"])
        elif "repos" in data:
            hook = data["repos"][0]["hooks"][0]
            assert hook["id"] == "transqa"
            found["pre-commit"] = ["transqa check " + " ".join(f"'{a}'" for a in hook["args"])]
    return {name: [c for c in cmds if not c.startswith("pip install")] for name, cmds in found.items()}


def test_every_example_is_present_and_parses():
    assert set(commands()) == {"github", "gitlab", "sh", "pre-commit"}
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "transqa" and hooks[0]["entry"] == "transqa check"
    assert hooks[0]["pass_filenames"] is False and re.search(hooks[0]["files"], "docs/a.zh.txt")


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "fixtures").mkdir()
    for name in ("cnipa-forum.zh.txt", "cnipa-forum.en.txt"):
        shutil.copy(ROOT / "fixtures" / name, tmp_path / "fixtures" / name)
    return tmp_path


def run(cmd: str, cwd: Path, **env) -> subprocess.CompletedProcess:
    bindir = str(Path(sys.executable).parent)
    environ = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""), "NO_COLOR": "1", **env}
    return subprocess.run(["bash", "-c", cmd], cwd=cwd, env=environ, capture_output=True, text=True, timeout=300)


def test_github_workflow_commands(workdir):
    summary = workdir / "summary.md"
    for cmd in commands()["github"]:
        result = run(cmd, workdir, GITHUB_STEP_SUMMARY=str(summary))
        assert result.returncode in (0, 1), (cmd, result.stderr)
    log = json.loads((workdir / "transqa.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(
        "fixtures/cnipa-forum.")
    assert summary.read_text(encoding="utf-8").startswith("## transqa:")
    assert (workdir / "transqa.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_gitlab_job_commands(workdir):
    for cmd in commands()["gitlab"]:
        result = run(cmd, workdir)
        assert result.returncode in (0, 1), (cmd, result.stderr)
    issues = json.loads((workdir / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert issues and {"description", "check_name", "fingerprint", "severity", "location"} <= set(issues[0])
    assert ET.parse(workdir / "transqa-junit.xml").getroot().tag == "testsuites"
    assert (workdir / "transqa.html").exists()


def test_baseline_and_pre_commit_commands(workdir):
    first, second = commands()["sh"]
    assert run(first, workdir).returncode == 0
    result = run(second, workdir)
    assert result.returncode == 0 and "in baseline" in result.stdout
    for cmd in commands()["pre-commit"]:
        assert run(cmd, workdir).returncode in (0, 1)

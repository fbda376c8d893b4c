"""docs/rules.md is tried as a new user would: every snippet in it is written out or run, in order.

Conventions in the guide: a fenced block whose info string has `file=PATH` is written to PATH in a
fresh directory (later blocks with the same path replace it); a ```console block holds commands
(`$ transqa ...`) each followed by lines that must appear in its output, in that order (whitespace is
normalised). `file=PATH append` adds the block to the end of PATH instead. A command may exit 0 or 1 (QA verdict or failing example); exit 2 (an error) is only
accepted when the expected output shows `error:`. Any other kind of block is a test failure.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from transqa.config import load_config
from transqa.glossary import load_glossaries
from transqa.packs import load_pack

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```\s*$", re.S | re.M)


def blocks(text: str) -> list[tuple[str, dict, str]]:
    out = []
    for m in FENCE.finditer(text):
        info = m.group(1).split()
        kind = info[0] if info else ""
        attrs = {k: v for k, _, v in (part.partition("=") for part in info[1:])}
        out.append((kind, attrs, m.group(2)))
    return out


def commands(body: str) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif line.strip():
            assert out, f"console block starts with output, not a command: {line!r}"
            out[-1][1].append(line)
    return out


def squash(text: str) -> str:
    return " ".join(text.split())


def test_guide_has_runnable_snippets_only():
    found = blocks(GUIDE.read_text(encoding="utf-8"))
    assert len(found) >= 15
    for kind, attrs, body in found:
        assert kind == "console" or "file" in attrs, f"snippet is neither a file nor commands: {body[:60]!r}"


def _validate_written(path: Path, kind: str) -> None:
    """A YAML file block must load as what it is: a pack, a glossary or a config (broken.yaml is meant to fail)."""
    if kind != "yaml" or path.name == "broken.yaml":
        return
    text = path.read_text(encoding="utf-8")
    if text.startswith("pack:"):
        assert load_pack(path)
    elif text.startswith("glossary:"):
        assert load_glossaries([path])
    elif path.name == ".transqa.yaml":
        load_config(path)


def test_every_snippet_in_the_guide_runs(tmp_path, run_cli):
    ran = 0
    for kind, attrs, body in blocks(GUIDE.read_text(encoding="utf-8")):
        if "file" in attrs:
            target = tmp_path / attrs["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            if "append" in attrs:
                assert target.exists(), f"{attrs['file']} is appended to before it is written"
                body = target.read_text(encoding="utf-8") + body
            target.write_text(body, encoding="utf-8")
            _validate_written(target, kind)
            continue
        for command, expected in commands(body):
            argv = shlex.split(command)
            assert argv[0] == "transqa", command
            code, out, err = run_cli(*argv[1:], cwd=tmp_path)
            output = squash(out + "\n" + err)
            wants_error = any("error:" in line for line in expected)
            assert code in ((2,) if wants_error else (0, 1)), f"{command}: exit {code}\n{out}{err}"
            position = 0
            for line in expected:
                index = output.find(squash(line), position)
                assert index >= 0, f"{command}: expected {line!r} (in order) in:\n{out}{err}"
                position = index + len(squash(line))
            ran += 1
    assert ran >= 9


@pytest.mark.parametrize("pack", ["qa/house.yaml", "qa/style.yaml", "qa/reference.yaml"])
def test_guide_packs_pass_their_own_examples(tmp_path, run_cli, pack):
    for kind, attrs, body in blocks(GUIDE.read_text(encoding="utf-8")):
        if "file" in attrs:
            target = tmp_path / attrs["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            if "append" in attrs:
                body = target.read_text(encoding="utf-8") + body
            target.write_text(body, encoding="utf-8")
    code, out, _ = run_cli("rules", "test", pack, cwd=tmp_path)
    assert code == 0, out
    assert "FAIL" not in out

"""The malformed-input corpus (fixtures/malformed/cases.yaml): every case ends in exit 2 with one line
naming the file, or in a correct JSON report; never a traceback; every input file byte-identical after."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "malformed"
CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))["cases"]
ZH_SENTENCE = "2019年上海将加强知识产权保护，国家知识产权局局长申长雨出席第十一届论坛并致辞。"
EN_SENTENCE = "In 2019 Shanghai will step up IP protection; CNIPA Commissioner Shen Changyu addressed the 11th forum. "


def _repeat_to(text: str, size: int, unit: str = "bytes") -> str:
    measure = (lambda s: len(s.encode("utf-8"))) if unit == "bytes" else len
    reps = size // measure(text) + 1
    out = text * reps
    while measure(out) > size:
        out = out[:-1]
    return out


MAKERS = {
    "ten_mb_zh_line": lambda p: p.write_text(_repeat_to(ZH_SENTENCE, 10_000_000) + "\n", encoding="utf-8"),
    "ten_mb_en_line": lambda p: p.write_text(_repeat_to(EN_SENTENCE, 10_000_000) + "\n", encoding="utf-8"),
    "long_zh_line": lambda p: p.write_text(_repeat_to(ZH_SENTENCE, 20_000, "chars") + "\n", encoding="utf-8"),
    "long_en_line": lambda p: p.write_text(_repeat_to(EN_SENTENCE, 45_000, "chars") + "\n", encoding="utf-8"),
    "directory": lambda p: p.mkdir(),
    "symlink_to_en_2": lambda p: p.symlink_to("en-2.txt"),
    "symlink_loop": lambda p: (p.symlink_to(p.with_name("loop-b.txt")), p.with_name("loop-b.txt").symlink_to(p)),
    "batch_sources": lambda p: (p.mkdir(), shutil.copy(CORPUS / "zh-2.txt", p / "a.txt"),
                                shutil.copy(CORPUS / "binary.png", p / "b.txt")),
    "batch_targets": lambda p: (p.mkdir(), shutil.copy(CORPUS / "en-2.txt", p / "a.txt"),
                                shutil.copy(CORPUS / "en-2.txt", p / "b.txt")),
}


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder` (symlinks by their target's bytes), keyed by relative path."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            out[str(path.relative_to(folder)) + "@"] = os.readlink(path)
        if path.is_file():
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            out[str(path.relative_to(folder)) + "/"] = "dir"
    return out


_SHIPPED_CACHE: dict = {}


@pytest.fixture(autouse=True)
def shipped_yaml_loaded_once(monkeypatch):
    """Speed only: the shipped packs and glossaries (unchanged between cases) are parsed once per session.
    Every file of the corpus, and anything else, is loaded for real on each case."""
    from transqa import glossary, packs

    shipped = packs.rules_dir().resolve()

    def cached(real):
        def load(path, *args, **kwargs):
            resolved = Path(path).resolve()
            if shipped not in resolved.parents:
                return real(path, *args, **kwargs)
            key = (real.__name__, str(path), resolved.stat().st_mtime_ns)
            if key not in _SHIPPED_CACHE:
                _SHIPPED_CACHE[key] = real(path, *args, **kwargs)
            return _SHIPPED_CACHE[key]
        return load

    monkeypatch.setattr(packs, "load_pack", cached(packs.load_pack))
    monkeypatch.setattr(glossary, "load_glossary", cached(glossary.load_glossary))


@pytest.fixture
def workdir(tmp_path):
    work = tmp_path / "w"
    shutil.copytree(CORPUS, work, ignore=shutil.ignore_patterns("cases.yaml"))
    return work


def _prepare(case: dict, work: Path) -> dict[str, str]:
    for name, kind in (case.get("make") or {}).items():
        MAKERS[kind](work / name)
    return snapshot(work)


def _check_error(case: dict, code: int, out: str, err: str) -> None:
    assert code == 2, f"exit {code}, expected 2; stderr: {err!r}"
    assert out == "", f"nothing on stdout after an error, got {out[:200]!r}"
    assert err.endswith("\n") and err.count("\n") == 1, f"stderr must be one line: {err!r}"
    assert err.startswith("transqa: error: "), err
    assert "Traceback" not in err and "internal error" not in err, err
    assert case["error"] in err, f"expected {case['error']!r} in {err!r}"


def _check_report(case: dict, code: int, out: str, err: str) -> None:
    assert code in (0, 1), f"exit {code}; stderr: {err!r}"
    assert "Traceback" not in err and "internal error" not in err, err
    report = json.loads(out)
    expected = case["report"]
    assert report["summary"]["segments"] == expected["segments"]
    codes = {f["code"] for f in report["findings"]}
    assert set(expected.get("codes", ())) <= codes, codes
    assert not set(expected.get("absent", ())) & codes, codes
    if "encoding" in expected:
        assert report["inputs"]["encoding"] == expected["encoding"]
    for finding in report["findings"]:
        assert 0 <= finding["start"] <= finding["end"] and finding["end"] - finding["start"] == len(finding["match"])


def _check_no_leak(case: dict, out: str, err: str) -> None:
    if case.get("leak"):
        assert case["leak"] not in out and case["leak"] not in err, "a file that must not be read leaked"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_malformed_case(case, workdir, run_cli):
    before = _prepare(case, workdir)
    code, out, err = run_cli(*case["args"], cwd=workdir)
    if "error" in case:
        _check_error(case, code, out, err)
    else:
        _check_report(case, code, out, err)
    _check_no_leak(case, out, err)
    assert snapshot(workdir) == before, "an input changed, or a file was created"


def _console_script() -> list[str]:
    script = Path(sys.executable).with_name("transqa")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from transqa.cli import run; run()"]


SUBPROCESS_CASES = [c for c in CASES if c.get("subprocess")]


@pytest.mark.parametrize("case", SUBPROCESS_CASES, ids=[c["id"] for c in SUBPROCESS_CASES])
def test_malformed_case_as_a_real_process(case, workdir):
    before = _prepare(case, workdir)
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("TRANSQA_DEBUG", None)
    proc = subprocess.run([*_console_script(), *case["args"]], cwd=workdir, capture_output=True, text=True,
                          env=env, timeout=120)
    if "error" in case:
        _check_error(case, proc.returncode, proc.stdout, proc.stderr)
    else:
        _check_report(case, proc.returncode, proc.stdout, proc.stderr)
    _check_no_leak(case, proc.stdout, proc.stderr)
    assert snapshot(workdir) == before


def test_corpus_size_and_shape():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "case ids are unique"
    assert len(CASES) >= 40
    for case in CASES:
        assert ("error" in case) != ("report" in case), case["id"]
        if "report" in case:
            assert "json" in case["args"], f"{case['id']}: report cases need -f json"
        args = case["args"]
        outputs = {args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-o", "--output")}
        for name in args:
            if name in outputs:
                continue
            if name.endswith((".txt", ".tsv", ".csv", ".yaml", ".xlf", ".tmx", ".po", ".png")) \
                    and "/" not in name and "nowhere" not in name and "\n" not in name and name not in (case.get("make") or {}):
                assert (CORPUS / name).exists(), f"{case['id']}: fixture {name} missing"


def test_python_tags_never_run(workdir, run_cli):
    """The YAML python tags in the corpus would `touch PWNED` if constructed."""
    for name, flag in (("config-python-tag.yaml", "--config"), ("glossary-python-tag.yaml", "-g"),
                       ("pack-python-tag.yaml", "--pack")):
        code, _, _ = run_cli("check", "zh-2.txt", "en-2.txt", flag, name, cwd=workdir)
        assert code == 2
    assert not (workdir / "PWNED").exists()


def test_yaml_loader_is_safe():
    """yamlio's loader derives from SafeLoader: python/* tags have no constructor at all."""
    from transqa import yamlio
    from transqa.errors import TransqaError

    assert issubclass(yamlio._LineLoader, yaml.SafeLoader) or issubclass(yamlio._LineLoader, yaml.CSafeLoader)
    for text in ("a: !!python/object/apply:os.system [echo]", "a: !!python/name:os.system",
                 "a: !!python/object/new:os.system [echo]", "a: !!python/module:os"):
        with pytest.raises(TransqaError, match="could not determine a constructor"):
            yamlio.load_yaml_text(text, "x.yaml")

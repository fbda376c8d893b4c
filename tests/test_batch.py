"""Batch runs over two directories: pairing, per-file and total results, exit codes, progress, quiet."""

import json
import sys

import pytest

from conftest import FIXTURES

from transqa import batch
from transqa.batch import pair_directories
from transqa.errors import TransqaError

CLEAN_SRC = "上海将加强知识产权保护。"
CLEAN_TGT = "Shanghai will step up the protection of intellectual property rights in the coming years."


def write(path, lines):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_pairs_by_relative_path(tmp_path):
    for rel in ("a.txt", "sub/b.txt", ".hidden/c.txt", "only-src.txt"):
        write(tmp_path / "zh" / rel, [CLEAN_SRC])
    for rel in ("a.txt", "sub/b.txt", ".hidden/c.txt", "only-tgt.txt"):
        write(tmp_path / "en" / rel, [CLEAN_TGT])
    pairing = pair_directories(str(tmp_path / "zh"), str(tmp_path / "en"))
    assert [(p.source[len(str(tmp_path)) + 1:], p.target[len(str(tmp_path)) + 1:]) for p in pairing.pairs] == [
        ("zh/a.txt", "en/a.txt"), ("zh/sub/b.txt", "en/sub/b.txt")]
    assert [p.endswith("only-src.txt") for p in pairing.unpaired_sources] == [True]
    assert [p.endswith("only-tgt.txt") for p in pairing.unpaired_targets] == [True]


def test_pairs_by_name_pattern_in_one_directory(tmp_path):
    for stem in ("news/one", "two"):
        write(tmp_path / f"{stem}.zh.txt", [CLEAN_SRC])
        write(tmp_path / f"{stem}.en.txt", [CLEAN_TGT])
    write(tmp_path / "three.zh.txt", [CLEAN_SRC])
    write(tmp_path / "notes.md", ["not a translation"])
    pairing = pair_directories(str(tmp_path), str(tmp_path), "*.zh.txt:*.en.txt")
    assert [p.target.rsplit("/", 2)[-2:] for p in pairing.pairs] == [["news", "one.en.txt"], [str(tmp_path.name), "two.en.txt"]]
    assert [p.rsplit("/", 1)[-1] for p in pairing.unpaired_sources] == ["three.zh.txt"]
    assert pairing.unpaired_targets == []


@pytest.mark.parametrize("pattern", ["*.zh.txt", "zh:en", "*.zh.*:*.en.txt", "a:b:c"])
def test_bad_pattern(tmp_path, pattern):
    with pytest.raises(TransqaError, match="SRC_GLOB:TGT_GLOB"):
        pair_directories(str(tmp_path), str(tmp_path), pattern)


def test_same_directory_needs_a_pattern(run_cli, tmp_path):
    code, _, err = run_cli("check", str(tmp_path), str(tmp_path))
    assert code == 2 and "--pair" in err


def test_no_pairs_is_an_error(run_cli, tmp_path):
    write(tmp_path / "zh" / "a.txt", [CLEAN_SRC])
    write(tmp_path / "en" / "b.txt", [CLEAN_TGT])
    code, _, err = run_cli("check", str(tmp_path / "zh"), str(tmp_path / "en"))
    assert code == 2 and "no file pairs found" in err


def make_tree(tmp_path):
    """good.txt: line 12 of the demo pair (100 words, no findings); bad.txt: 5 words with a double space
    (fails on its own)."""
    for side, lang in (("zh", "zh"), ("en", "en")):
        line = (FIXTURES / f"cnipa-forum.{lang}.txt").read_text(encoding="utf-8").splitlines()[11]
        write(tmp_path / side / "good.txt", [line])
    write(tmp_path / "zh" / "bad.txt", ["第四届创新奖"])
    write(tmp_path / "en" / "bad.txt", ["The 4th  innovation prize"])
    return str(tmp_path / "zh"), str(tmp_path / "en")


def test_total_score_and_per_file_gates(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src, tgt = make_tree(tmp_path)
    code, out, err = run_cli("check", "zh", "en", "-f", "json")
    report = json.loads(out)
    files = {item["target"]: item for item in report["files"]}
    assert set(files) == {"en/bad.txt", "en/good.txt"}
    bad = files["en/bad.txt"]
    assert bad["findings"] == 1 and bad["score"] == round(100 * (1 - 1 / bad["words"]), 2) < 95
    assert bad["passed"] is False
    assert files["en/good.txt"]["passed"] is True
    words = files["en/bad.txt"]["words"] + files["en/good.txt"]["words"]
    assert report["summary"]["words"] == words
    assert report["summary"]["score"] == round(100 * (1 - 1 / words), 2) > 95  # the total alone would pass
    assert report["summary"]["passed"] is False and code == 1  # ... but bad.txt fails its own gate
    assert [f["location"]["file"] for f in report["findings"]] == ["en/bad.txt"]
    # the terminal report shows each file's findings, a per-file table and the total
    code, out, _ = run_cli("check", "zh", "en")
    assert code == 1
    assert "== zh/bad.txt → en/bad.txt" in out and f"en/bad.txt    {bad['score']:.2f}  FAILED" in out
    assert "Total: Score" in out
    # with a lower threshold every file passes and so does the run
    assert run_cli("check", "zh", "en", "--fail-under", "50")[0] == 0


def test_every_format_renders_a_batch(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    specs = [f"{fmt}:out.{fmt}" for fmt in ("json", "html", "sarif", "junit", "gitlab", "markdown", "terminal")]
    args = [a for spec in specs for a in ("--output-format", spec)]
    code, out, err = run_cli("check", "zh", "en", "--quiet", *args)
    assert code == 1 and out == "" and err == ""
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"en/bad.txt"}
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] == 8 and region["endColumn"] == 10  # "The 4th  innovation": the double space
    assert "en/bad.txt" in (tmp_path / "out.markdown").read_text(encoding="utf-8")
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert '<table class="files">' in html and "en/good.txt" in html
    assert 'testsuite name="en/bad.txt"' in (tmp_path / "out.junit").read_text(encoding="utf-8")
    assert "Total: Score" in (tmp_path / "out.terminal").read_text(encoding="utf-8")


def test_unpaired_files_are_warned_about(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    write(tmp_path / "zh" / "new.txt", [CLEAN_SRC])
    code, _, err = run_cli("check", "zh", "en", "--fail-under", "50")
    assert code == 0 and "zh/new.txt: no matching target file; not checked" in err
    code, _, err = run_cli("check", "zh", "en", "--fail-under", "50", "--quiet")
    assert err == ""


def test_progress_only_on_a_terminal(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    monkeypatch.setattr(batch, "LARGE_FILES", 1)
    code, _, err = run_cli("check", "zh", "en", "--fail-under", "50", "-f", "json")
    assert err == ""  # stderr is not a terminal here: silent
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert batch.wants_progress(["a", "b"], quiet=False)
    assert not batch.wants_progress(["a", "b"], quiet=True)
    code, _, err = run_cli("check", "zh", "en", "--fail-under", "50", "-f", "json")
    assert code == 0 and "\x1b[" in err  # rich drew (and cleared) a bar on the "terminal"
    code, _, err = run_cli("check", "zh", "en", "--fail-under", "50", "-f", "json", "--quiet")
    assert err == ""


def test_baseline_write_for_directories(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    assert run_cli("baseline", "write", "zh", "en", "-o", "base.json")[0] == 0
    code, out, _ = run_cli("check", "zh", "en", "--baseline", "base.json", "-f", "json")
    report = json.loads(out)
    assert code == 0 and report["summary"]["baselined"] == 1 and report["findings"] == []


def test_a_waiver_used_in_any_file_is_not_unused(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    code, out, _ = run_cli("check", "zh", "en", "-f", "json")
    fp = json.loads(out)["findings"][0]["fingerprint"]
    (tmp_path / ".transqa.yaml").write_text(
        f"waivers:\n  - {{code: SPC001, fingerprint: '{fp}', reason: ok}}\n"
        "  - {code: SPC001, fingerprint: 'ffffffffffffffff', reason: stale}\n", encoding="utf-8")
    code, out, err = run_cli("check", "zh", "en", "-f", "json")
    report = json.loads(out)
    assert code == 0 and report["summary"]["waived"] == 1  # waived in bad.txt, unused in good.txt
    assert [w["fingerprint"] for w in report["unused_waivers"]] == ["ffffffffffffffff"]
    assert "ffffffffffffffff" in err and fp not in err


def test_spinner_for_one_large_document_only_on_a_terminal(run_cli, fixtures, monkeypatch):
    pair = (str(fixtures / "cnipa-forum.zh.txt"), str(fixtures / "cnipa-forum.en.txt"))
    monkeypatch.setattr(batch, "LARGE_SEGMENTS", 5)
    assert run_cli("check", *pair, "-f", "json")[2] == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert "Checking 10 segments" in run_cli("check", *pair, "-f", "json")[2]
    assert run_cli("check", *pair, "-f", "json", "--quiet")[2] == ""
    monkeypatch.setenv("TRANSQA_NO_PROGRESS", "1")
    assert run_cli("check", *pair, "-f", "json")[2] == ""


def test_pair_needs_two_directories(run_cli, fixtures):
    code, _, err = run_cli("check", str(fixtures / "cnipa-forum.zh.txt"), str(fixtures / "cnipa-forum.en.txt"),
                           "--pair", "*.zh.txt:*.en.txt")
    assert code == 2 and "--pair" in err

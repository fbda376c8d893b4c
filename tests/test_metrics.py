"""Reference metrics (`--reference`): sacrebleu corpus BLEU/chrF/TER, sentence chrF, REF001; lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from transqa.metrics import corpus_metrics

HYP = ["Shanghai will step up IP protection.", "The forum was held in Shanghai on November 18.",
       "Chen Jining attended"]
REF = ["Shanghai will strengthen IP protection.", "The forum opened in Shanghai on November 18.",
       "Shanghai Party Secretary Chen Jining addressed the event."]


def test_corpus_metrics_match_sacrebleu_public_api():
    from sacrebleu.metrics import BLEU, CHRF, TER

    summary, sentence = corpus_metrics(HYP, REF)
    assert summary["bleu"] == round(BLEU().corpus_score(HYP, [REF]).score, 2)
    assert summary["bleu"] > 0  # references passed as a list of lists (a flat list gives 0)
    assert summary["chrf"] == round(CHRF().corpus_score(HYP, [REF]).score, 2)
    assert summary["ter"] == round(TER().corpus_score(HYP, [REF]).score, 2)
    assert sentence == pytest.approx([CHRF().sentence_score(h, [r]).score for h, r in zip(HYP, REF)])


def test_cli_reference_summary_and_ref001(run_cli, fixtures):
    d = fixtures / "fluency"
    code, out, err = run_cli("check", str(d / "newstest2019-head.zh.txt"), str(d / "newstest2019-head.mt.en"),
                             "--reference", str(d / "newstest2019-head.en.txt"), "--select", "REF",
                             "--format", "json")
    assert code in (0, 1), err
    report = json.loads(out)
    metrics = report["summary"]["metrics"]
    assert 40 < metrics["bleu"] < 100 and 40 < metrics["chrf"] < 100 and 0 < metrics["ter"] < 60
    assert metrics["segments_scored"] == len(metrics["sentence_chrf"]) == report["summary"]["segments"]
    low = {s["segment"] for s in metrics["sentence_chrf"] if s["chrf"] < 30}
    assert {f["segment"] for f in report["findings"] if f["code"] == "REF001"} == low
    assert all(f["severity"] == "info" for f in report["findings"])
    perfect = {s["segment"] for s in metrics["sentence_chrf"] if s["chrf"] == 100}
    assert len(perfect) >= 26  # the untouched two thirds of the lines


def test_cli_reference_in_terminal_summary(run_cli, fixtures):
    d = fixtures / "fluency"
    code, out, _ = run_cli("check", str(d / "newstest2019-head.zh.txt"), str(d / "newstest2019-head.en.txt"),
                           "--reference", str(d / "newstest2019-head.en.txt"), "--select", "REF")
    assert code == 0
    assert "Reference: BLEU 100.00 · chrF 100.00 · TER 0.00 (40 segments)" in out


def test_cli_reference_misaligned_is_a_one_line_error(run_cli, fixtures, tmp_path):
    short = tmp_path / "ref.en"
    short.write_text("one line\n", encoding="utf-8")
    d = fixtures / "fluency"
    code, out, err = run_cli("check", str(d / "newstest2019-head.zh.txt"), str(d / "newstest2019-head.en.txt"),
                             "--reference", str(short))
    assert code == 2 and "line-aligned" in err and "Traceback" not in err


def test_help_and_plain_runs_do_not_import_sacrebleu_or_langdetect(fixtures):
    code = (
        "import sys\n"
        "from transqa import cli\n"
        "for argv in (['transqa', '--help'], ['transqa', 'check', '--help']):\n"
        "    sys.argv = argv\n"
        "    try:\n"
        "        cli.run()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in ('sacrebleu', 'langdetect') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr

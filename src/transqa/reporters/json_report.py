"""The JSON report: public API. Keys and their order are stable; new keys are only ever added."""

from __future__ import annotations

from collections.abc import Iterator
from operator import methodcaller
from typing import Any

from transqa import __version__
from transqa.model import Report
from transqa.reporters.json_stream import Streamed, chunks as json_chunks, materialise

SCHEMA_VERSION = 1


def report_dict(report: Report) -> dict[str, Any]:
    return materialise(_report(report))


def _report(report: Report) -> dict[str, Any]:
    """The report with its findings as a `Streamed` list: each finding's dict is made while writing."""
    s = report.score
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "transqa", "version": __version__},
        "inputs": report.document.inputs,
        "summary": {
            "segments": s.segments,
            "words": s.words,
            "penalty": s.penalty,
            "score": s.score,
            "threshold": s.threshold,
            "passed": s.passed,
            "by_severity": dict(s.by_severity),
            "fail_on": s.fail_on,
            "waived": len(report.waived),
            "baselined": len(report.extra.get("baselined", ())),
            **({"metrics": report.extra["metrics"]} if report.extra.get("metrics") else {}),
        },
        "findings": Streamed(report.findings, methodcaller("to_dict")),
        "unused_waivers": [{"code": w.code, "fingerprint": w.fingerprint, "reason": w.reason}
                           for w in report.extra.get("unused_waivers", ())],
        **({"files": _files(report)} if report.extra.get("files") else {}),
    }


def _files(report: Report) -> list[dict[str, Any]]:
    """Per-file results of a batch run (two directories)."""
    return [{"source": item["source"], "target": item["target"], "score": item["score"].score,
             "passed": item["score"].passed, "words": item["score"].words, "findings": item["findings"],
             "by_severity": dict(item["score"].by_severity)} for item in report.extra["files"]]


def chunks(report: Report, *, color: bool = False) -> Iterator[str]:
    """The report's text in pieces (one per finding): what `render` returns, without holding it all."""
    return json_chunks(_report(report))


def render(report: Report, *, color: bool = False) -> str:
    return "".join(chunks(report))

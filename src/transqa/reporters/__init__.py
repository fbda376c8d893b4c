"""Reporters: pure functions Report -> str (or its pieces: `chunks`). One module per format (`*_report.py`)."""

from __future__ import annotations

import importlib

FORMATS = {
    "terminal": "transqa.reporters.terminal_report",
    "json": "transqa.reporters.json_report",
    "html": "transqa.reporters.html_report",
    "sarif": "transqa.reporters.sarif_report",
    "junit": "transqa.reporters.junit_report",
    "gitlab": "transqa.reporters.gitlab_report",
    "markdown": "transqa.reporters.markdown_report",
}


def render(report, fmt: str, *, color: bool = False) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(report, color=color)


def chunks(report, fmt: str, *, color: bool = False):
    """`render`'s text in pieces: a format with a `chunks` function streams its long lists (JSON makes and
    encodes one finding at a time); any other format is one piece."""
    module = importlib.import_module(FORMATS[fmt])
    streamed = getattr(module, "chunks", None)
    return streamed(report, color=color) if streamed else iter((module.render(report, color=color),))

"""Reporters: pure functions Report -> str. One module per format (`*_report.py`)."""

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

"""GitLab Code Quality report (a JSON array of Code Climate issues) for merge-request widgets.

Each finding is one issue: `description`, `check_name` (the rule code), `fingerprint` (unique per
file and finding), `severity` (transqa's severities are GitLab's: info, minor, major, critical) and
`location` (path relative to the working directory, which in CI is the repository root, and line).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from typing import Any

from transqa.model import Finding, Report
from transqa.reporters.common import one_line, relative_path
from transqa.reporters.json_stream import Streamed, chunks as json_chunks, materialise


def _issue(finding: Finding, occurrence: int) -> dict[str, Any]:
    path = relative_path(finding.location.file) or "(no file)"
    key = f"{path}\x1f{finding.code}\x1f{finding.fingerprint}" + (f"\x1f{occurrence}" if occurrence else "")
    unique = hashlib.sha256(key.encode()).hexdigest()
    description = f"{finding.code} {finding.name}: {one_line(finding.message)}"
    if finding.suggestion is not None and finding.suggestion != finding.match:
        description += f" (suggestion: {one_line(finding.suggestion)!r})"
    return {
        "type": "issue",
        "description": description,
        "check_name": finding.code,
        "fingerprint": unique,
        "severity": finding.severity,
        "categories": ["Style"] if finding.category.startswith(("style", "fluency")) else ["Bug Risk"],
        "location": {"path": path, "lines": {"begin": finding.location.line or 1}},
    }


def issues(report: Report) -> list[dict[str, Any]]:
    """One issue per finding; identical findings (repeated segments of one file) are numbered apart."""
    return materialise(_issues(report))


def _issues(report: Report) -> Streamed:
    """The issues as a `Streamed` list, made in finding order while writing (the numbering needs it)."""
    seen: Counter = Counter()

    def issue(finding: Finding) -> dict[str, Any]:
        key = (finding.location.file, finding.code, finding.fingerprint)
        seen[key] += 1
        return _issue(finding, seen[key] - 1)

    return Streamed(report.findings, issue)


def chunks(report: Report, *, color: bool = False) -> Iterator[str]:
    """The report's text in pieces (one per issue): what `render` returns, without holding it all."""
    return json_chunks(_issues(report))


def render(report: Report, *, color: bool = False) -> str:
    return "".join(chunks(report))

"""Helpers shared by the CI and review reporters (SARIF, JUnit, GitLab, Markdown, HTML).

A batch run (two directories) is one merged `Report` whose findings come from several files; segment
ids repeat across files, so segments are looked up by (file, id), never by id alone. Per-file results
of a batch run are in `report.extra["files"]` (see transqa.batch).
"""

from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from transqa.model import SEVERITIES, SEVERITY_RANK, Finding, Report, Segment

OTHER_SIDE = {"source": "target", "target": "source"}


def segments_with_ids(segments, ids) -> list[Segment]:
    """The segments whose id is in `ids`, in document order. A SegmentStore (readers/segment_store.py)
    reads only those from its files; other sequences are walked once."""
    wanted = set(ids)
    by_ids = getattr(segments, "by_ids", None)
    if by_ids is not None:
        return list(by_ids(wanted).values())
    return [segment for segment in segments if segment.id in wanted]


class SegmentIndex:
    """Find the segment a finding belongs to, in a single or a merged (batch) report. Only the segments
    of the report's findings are looked up (a large document's segments are not all held)."""

    def __init__(self, report: Report):
        wanted = {(f.location.file, f.segment) for f in report.findings}
        self._by_key: dict[tuple[str | None, object], Segment] = {}
        for segment in segments_with_ids(report.document.segments, {f.segment for f in report.findings}):
            for side in ("source", "target"):
                key = (segment.location(side).file, segment.id)
                if key in wanted:
                    self._by_key.setdefault(key, segment)

    def __call__(self, finding: Finding) -> Segment | None:
        return self._by_key.get((finding.location.file, finding.segment))


def segment_label(segment: Segment) -> str:
    """`line 14` for line-based input (the id is the line), else `segment <unit id>`."""
    if isinstance(segment.id, int) and segment.target_location.line == segment.id:
        return f"line {segment.id}"
    return f"segment {segment.id}"


def gating_level(report: Report) -> str | None:
    """The severity at or above which a finding fails the run (None: findings never fail alone)."""
    return report.score.fail_on


def is_gating(finding: Finding, level: str | None) -> bool:
    return level is not None and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[level]


def worst_first(findings) -> list[Finding]:
    """Most severe first; document order within a severity (sort is stable)."""
    return sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])


def penalty_by(report: Report, key) -> list[tuple[str, float, int]]:
    """(label, penalty, count) per `key(finding)`, largest penalty first, then most findings."""
    weights = report.score.weights
    penalty: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for finding in report.findings:
        label = key(finding)
        penalty[label] += weights.get(finding.severity, 0.0)
        count[label] += 1
    return sorted(((label, penalty[label], count[label]) for label in count),
                  key=lambda row: (-row[1], -row[2], row[0]))


def penalty_by_severity(report: Report) -> list[tuple[str, float, int]]:
    weights = report.score.weights
    counts = Counter(f.severity for f in report.findings)
    return [(sev, weights.get(sev, 0.0) * counts[sev], counts[sev]) for sev in reversed(SEVERITIES)]


def relative_path(path: str | None, base: str | None = None) -> str | None:
    """`path` relative to `base` (default: the working directory), '/'-separated; absolute if outside."""
    if not path:
        return None
    return _relative(path, os.path.abspath(base or os.getcwd()))


@lru_cache(maxsize=4096)
def _relative(path: str, base: str) -> str:
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, base)
    except ValueError:  # another drive on Windows
        return Path(full).as_posix()
    if rel == ".." or rel.startswith(".." + os.sep):
        return Path(full).as_posix()
    return Path(rel).as_posix()


def path_uri(path: str | None, base: str | None = None) -> str | None:
    """A URI reference for `path`: relative to `base` when inside it, else an absolute file: URI."""
    rel = relative_path(path, base)
    return None if rel is None else _uri(rel)


@lru_cache(maxsize=4096)
def _uri(rel: str) -> str:
    if rel.startswith("/") or (len(rel) > 1 and rel[1] == ":"):
        return Path(rel).as_uri() if Path(rel).is_absolute() else "file:///" + quote(rel)
    return quote(rel)


def verdict_reasons(report: Report) -> list[str]:
    """Why the run failed, in words (empty when it passed)."""
    s = report.score
    if s.passed:
        return []
    reasons = []
    if s.score < s.threshold:
        reasons.append(f"score {s.score:.2f} below {s.threshold:g}")
    if s.gating_findings:
        reasons.append(f"{s.gating_findings} finding(s) at or above {s.fail_on}")
    for item in report.extra.get("files", ()):
        if not item["score"].passed:
            reasons.append(f"{item['target']} failed its own gate")
    return reasons or ["failed"]


_CONTROLS = {code: " " for code in [*range(32), *range(0x7F, 0xA0), 0x2028, 0x2029]}


def one_line(text: str, limit: int | None = None) -> str:
    """Control characters and line breaks as spaces; cut to `limit` code points with an ellipsis."""
    out = text.translate(_CONTROLS)
    if limit is not None and len(out) > limit:
        out = out[: limit - 1] + "…"
    return out

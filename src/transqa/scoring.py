"""MQM-style score.

penalty         = sum of severity weights over findings (info 0, minor 1, major 5, critical 25 by default)
per-word penalty = penalty / English target word count
score           = 100 * (1 - per-word penalty), floored at 0
passed          = score >= threshold (default 95) and no finding at or above `fail_on` (default critical)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from transqa.model import SEVERITIES, SEVERITY_RANK, Document, Finding, Score
from transqa.textspans import english_word_count


def word_count(document: Document) -> int:
    segments = document.segments
    targets = getattr(segments, "targets", None)  # a SegmentStore reads the targets alone
    return sum(map(english_word_count, targets() if targets else (segment.target for segment in segments)))


def score(findings: Sequence[Finding], document: Document, *, weights: Mapping[str, float],
          threshold: float, fail_on: str | None, words: int | None = None) -> Score:
    words = word_count(document) if words is None else words
    by_severity = {sev: 0 for sev in reversed(SEVERITIES)}
    for finding in findings:
        by_severity[finding.severity] += 1
    penalty = sum(weights.get(sev, 0.0) * count for sev, count in by_severity.items())
    per_word = penalty / words if words else (1.0 if penalty else 0.0)
    value = round(max(0.0, 100.0 * (1.0 - per_word)), 2)
    gating = 0
    if fail_on is not None:
        gating = sum(1 for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on])
    return Score(segments=len(document.segments), words=words, penalty=round(penalty, 4), score=value,
                 threshold=threshold, passed=value >= threshold and gating == 0,
                 by_severity=by_severity, fail_on=fail_on, gating_findings=gating,
                 weights=dict(weights))

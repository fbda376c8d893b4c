"""Human-readable report: findings grouped by segment, the span marked, a summary line at the end."""

from __future__ import annotations

import unicodedata
from itertools import groupby

from transqa.model import Finding, Report, Segment
from transqa.reporters.common import segment_label, segments_with_ids

CONTEXT = 50  # code points of context on each side of a marked span
OTHER_SIDE = 90  # code points of the other side shown
_SEV_COLOR = {"critical": "1;35", "major": "1;31", "minor": "33", "info": "36"}
_VISIBLE = {" ": "·", "\u00a0": "⍽", "\t": "→", "\u3000": "□"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and text else text


def _show_span(span: str) -> str:
    """Make invisible spans visible: spaces become · and no-break spaces ⍽."""
    if span.strip(" \u00a0\t\u3000") == "":
        return "".join(_VISIBLE.get(ch, ch) for ch in span) or "∅"
    return span


def _clean(text: str) -> str:
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)


def marked_excerpt(text: str, start: int, end: int, color: bool) -> str:
    """The span with up to CONTEXT code points either side, marked ⟦…⟧ (or highlighted on a TTY)."""
    left = max(0, start - CONTEXT)
    right = min(len(text), end + CONTEXT)
    before = ("…" if left else "") + _clean(text[left:start])
    after = _clean(text[end:right]) + ("…" if right < len(text) else "")
    span = _show_span(_clean(text[start:end]))
    marked = _paint(span, "4;1;31", color) if color else f"⟦{span}⟧"
    return before + marked + after


def _truncate(text: str) -> str:
    text = _clean(text.strip())
    return text if len(text) <= OTHER_SIDE else text[:OTHER_SIDE] + "…"


def _segment_label(segment: Segment) -> str:
    """`line 14`, or `segment <id> (file:line)` where the id is not the line (XLIFF, TMX, PO)."""
    label, loc = segment_label(segment), segment.target_location
    if label.startswith("segment ") and loc.file and loc.line:
        return f"{label} ({loc.file}:{loc.line})"
    return label


def _finding_lines(finding: Finding, segment: Segment, color: bool) -> list[str]:
    sev = _paint(f"{finding.severity:<8}", _SEV_COLOR[finding.severity], color)
    head = f"  {sev} {finding.code} {finding.name}: {finding.message}"
    lines = [head]
    side_text = segment.text(finding.side)
    other = "target" if finding.side == "source" else "source"
    excerpt = marked_excerpt(side_text, finding.start, finding.end, color)
    label = {"source": "src", "target": "tgt"}
    lines.append(f"      {label[finding.side]}: {excerpt}")
    lines.append(f"      {label[other]}: {_truncate(segment.text(other))}")
    if finding.suggestion == "":
        lines.append("      fix: delete it")
    elif finding.suggestion is not None and finding.suggestion != finding.match:
        lines.append(f"      fix: {_show_span(finding.suggestion)}")
    return lines


def summary_line(report: Report, color: bool = False) -> str:
    s = report.score
    verdict = _paint("PASSED", "1;32", color) if s.passed else _paint("FAILED", "1;31", color)
    counts = ", ".join(f"{n} {sev}" for sev, n in s.by_severity.items())
    reason = ""
    if not s.passed:
        why = []
        if s.score < s.threshold:
            why.append(f"score below {s.threshold:g}")
        if s.gating_findings:
            why.append(f"{s.gating_findings} finding(s) at or above {s.fail_on}")
        reason = f" ({'; '.join(why)})"
    waived = f", {len(report.waived)} waived" if report.waived else ""
    if report.extra.get("baselined"):
        waived += f", {len(report.extra['baselined'])} in baseline"
    return (f"Score {s.score:.2f}/100 (threshold {s.threshold:g}) {verdict}{reason} · {counts}{waived} · "
            f"{len(report.findings)} finding(s) in {s.segments} segments, {s.words} words")


def render(report: Report, *, color: bool = False) -> str:
    flagged = segments_with_ids(report.document.segments, {f.segment for f in report.findings})
    by_id = {segment.id: segment for segment in flagged}
    out: list[str] = []
    for seg_id, group in groupby(report.findings, key=lambda f: f.segment):
        segment = by_id[seg_id]
        out.append(_paint(_segment_label(segment), "1", color))
        for finding in group:
            out.extend(_finding_lines(finding, segment, color))
        out.append("")
    if not report.findings:
        out.append("No findings.")
        out.append("")
    out.append(summary_line(report, color))
    if report.extra.get("metrics"):
        m = report.extra["metrics"]
        out.append(f"Reference: BLEU {m['bleu']:.2f} · chrF {m['chrf']:.2f} · TER {m['ter']:.2f} "
                   f"({m['segments_scored']} segments)")
    weights = ", ".join(f"{sev} {w:g}" for sev, w in report.score.weights.items())
    out.append(f"MQM: score = 100 × (1 − Σ severity weights ÷ target words); weights {weights}")
    return "\n".join(out) + "\n"

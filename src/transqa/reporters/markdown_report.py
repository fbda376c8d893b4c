"""Markdown for a pull-request comment or a CI job summary: verdict, summary table, worst findings.

Everything taken from the input is escaped (Markdown punctuation, HTML, @-mentions), so a translation
cannot break the table, inject HTML or ping people.
"""

from __future__ import annotations

from transqa.model import SEVERITIES, Report
from transqa.reporters.common import (SegmentIndex, penalty_by, relative_path, verdict_reasons,
                                      worst_first)

WORST = 15  # findings listed in full
CONTEXT = 40  # code points either side of the span
_MD_PUNCT = "\\`*_[]|~"


def md(text: str) -> str:
    """Escape `text` for a Markdown table cell."""
    text = " ".join(str(text).splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
    return "".join("\\" + ch if ch in _MD_PUNCT else ch for ch in text)


def _excerpt(text: str, start: int, end: int) -> str:
    left, right = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    span = text[start:end]
    if start == end:
        return ("…" if left else "") + md(text[left:start]) + "**‸**" + md(text[end:right]) + ("…" if right < len(text) else "")
    if len(span) > 2 * CONTEXT:
        span = span[:CONTEXT] + " … " + span[-CONTEXT // 2:]
    shown = md(span) if span.strip() else "␣" * max(1, len(span))
    return (("…" if left else "") + md(text[left:start]) + f"**{shown}**" + md(text[end:right])
            + ("…" if right < len(text) else ""))


def _suggestion(text: str) -> str:
    if text == "":
        return "delete it"
    return md(text) if text.strip() else "␣" * len(text)


def _where(finding) -> str:
    loc = finding.location
    if loc.file and loc.line:
        return md(f"{relative_path(loc.file)}:{loc.line}")
    return md(f"segment {finding.segment}")


def render(report: Report, *, color: bool = False) -> str:
    s = report.score
    mark = "✅ PASSED" if s.passed else "❌ FAILED"
    out = [f"## transqa: {mark} · score {s.score:.2f}/100 (threshold {s.threshold:g})", ""]
    reasons = verdict_reasons(report)
    if reasons:
        out += ["Failed because: " + md("; ".join(reasons)) + ".", ""]
    sev = list(reversed(SEVERITIES))
    out += ["| " + " | ".join(sev) + " | penalty | words | segments |",
            "|" + "---:|" * (len(sev) + 3),
            "| " + " | ".join(str(s.by_severity.get(v, 0)) for v in sev)
            + f" | {s.penalty:g} | {s.words} | {s.segments} |", ""]

    files = report.extra.get("files") or []
    if files:
        out += ["| file | score | verdict | findings |", "|---|---:|---|---:|"]
        for item in files:
            fs = item["score"]
            out.append(f"| {md(relative_path(item['target']))} | {fs.score:.2f} | "
                       f"{'passed' if fs.passed else '**failed**'} | {item['findings']} |")
        out.append("")

    categories = penalty_by(report, lambda f: f.category)
    if categories:
        out += ["| MQM category | findings | penalty |", "|---|---:|---:|"]
        out += [f"| {md(label)} | {count} | {penalty:g} |" for label, penalty, count in categories]
        out.append("")

    if report.findings:
        segment_of = SegmentIndex(report)
        shown = worst_first(report.findings)[:WORST]
        title = "Findings" if len(shown) == len(report.findings) else f"Worst {len(shown)} of {len(report.findings)} findings"
        out += [f"### {title}", "", "| severity | rule | where | finding |", "|---|---|---|---|"]
        for f in shown:
            segment = segment_of(f)
            text = segment.text(f.side) if segment else f.match
            start, end = (f.start, f.end) if segment else (0, len(f.match))
            detail = f"{md(f.message)}<br>{f.side}: {_excerpt(text, start, end)}"
            if f.suggestion is not None and f.suggestion != f.match:
                detail += f"<br>suggestion: {_suggestion(f.suggestion)}"
            out.append(f"| {f.severity} | {md(f.code)} {md(f.name)} | {_where(f)} | {detail} |")
        out.append("")
    else:
        out += ["No findings.", ""]

    notes = []
    if report.waived:
        notes.append(f"{len(report.waived)} waived")
    if report.extra.get("baselined"):
        notes.append(f"{len(report.extra['baselined'])} in the baseline (not gating)")
    if report.extra.get("unused_waivers"):
        notes.append(f"{len(report.extra['unused_waivers'])} unused waiver(s)")
    weights = ", ".join(f"{k} {v:g}" for k, v in s.weights.items())
    notes.append(f"score = 100 × (1 − Σ severity weights ÷ target words); weights {weights}")
    out.append("<sub>" + " · ".join(notes) + "</sub>")
    return "\n".join(out) + "\n"

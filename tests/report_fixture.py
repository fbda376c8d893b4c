"""A fixed Report built in code for the reporter tests (no rules run, so other rule changes cannot move it).

Two text-pair segments in files under `base`: an XSS attempt and an astral character (code points
!= UTF-16 units) in the target, overlapping spans, a zero-length span, a source-side finding and a
control character.
"""

from __future__ import annotations

from pathlib import Path

from transqa.config import DEFAULT_WEIGHTS
from transqa.engine import fingerprint
from transqa.model import Document, Finding, Location, Report, Rule, Segment
from transqa.scoring import score

XSS = "<script>alert(1)</script>"

RULES = {
    "TST001": Rule(code="TST001", name="double-space", check="double-space", category="fluency/punctuation",
                   severity="minor", message="{length} spaces", description="Two spaces in a row. Second sentence."),
    "TST002": Rule(code="TST002", name="markup-in-target", check="x", category="accuracy/addition",
                   severity="major", message="Markup in the target", description="Markup that is not in the source."),
    "TST003": Rule(code="TST003", name="term-missing", check="x", category="terminology", severity="critical",
                   message="Term missing", description="A glossary term is not rendered."),
    "TST004": Rule(code="TST004", name="style-note", check="x", category="style", severity="info",
                   message="Style note", description="A note."),
}


def make_report(base: Path, *, fail_on: str | None = "major", threshold: float = 95.0) -> Report:
    src_file, tgt_file = str(base / "doc.zh.txt"), str(base / "doc.en.txt")
    texts = [
        ("第一句。", f"𠀀 Hello  world {XSS} | @here `x`"),
        ("知识产权\x0b保护", "IP protection"),
    ]
    segments = tuple(Segment(id=n, source=s, target=t, source_location=Location(src_file, n),
                             target_location=Location(tgt_file, n)) for n, (s, t) in enumerate(texts, 1))
    seg1, seg2 = segments
    xss_start = seg1.target.index(XSS)

    def finding(code, segment, side, start, end, suggestion=None, ordinal=0, message=None):
        rule = RULES[code]
        match = segment.text(side)[start:end]
        return Finding(code=code, name=rule.name, category=rule.category, severity=rule.severity,
                       segment=segment.id, side=side, start=start, end=end, match=match,
                       message=message or rule.message.replace("{length}", "2"), suggestion=suggestion,
                       fingerprint=fingerprint(code, segment, side, match, ordinal),
                       location=segment.location(side))

    findings = (
        finding("TST001", seg1, "target", 7, 9, suggestion=" "),             # the double space after 'Hello'
        finding("TST002", seg1, "target", xss_start, xss_start + len(XSS), suggestion="",
                message=f"Markup in the target: {XSS}"),
        finding("TST004", seg1, "target", 2, 12),                            # overlaps the double space
        finding("TST003", seg2, "source", 0, 5, suggestion="intellectual property"),  # ends with \x0b
        finding("TST004", seg2, "target", 13, 13),                           # zero-length, at the end
    )
    document = Document(segments=segments, inputs={"format": "text-pair", "source": src_file, "target": tgt_file})
    result = score(findings, document, weights=DEFAULT_WEIGHTS, threshold=threshold, fail_on=fail_on)
    return Report(document=document, findings=findings, score=result, rules=tuple(RULES.values()))

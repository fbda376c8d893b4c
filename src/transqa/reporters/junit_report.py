"""JUnit XML for CI test tabs: one testsuite per target file, one testcase per segment.

A segment's testcase fails when it has findings at or above the gating level (`--fail-on`, default
critical); findings below it are listed in the testcase's system-out. One extra testcase, "MQM score",
fails when the score is below the threshold. Characters XML 1.0 cannot carry are shown as \\xNN.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from transqa.model import Finding, Report, Segment
from transqa.reporters.common import gating_level, is_gating, one_line, relative_path, segment_label

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _finding_line(finding: Finding) -> str:
    where = (f"{relative_path(finding.location.file)}:{finding.location.line}" if finding.location.line
             else f"segment {finding.segment}")
    fix = ""
    if finding.suggestion is not None and finding.suggestion != finding.match:
        fix = f" (suggestion: {finding.suggestion!r})"
    return (f"{finding.severity} {finding.code} {finding.name} at {where} {finding.side} "
            f"[{finding.start}:{finding.end}] {finding.match!r}: {finding.message}{fix}")


def _suite_key(segment: Segment) -> str:
    return relative_path(segment.target_location.file or segment.source_location.file) or "transqa"


def render(report: Report, *, color: bool = False) -> str:
    level = gating_level(report)
    by_segment: dict[tuple, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_segment[(finding.location.file, finding.segment)].append(finding)

    suites: dict[str, list[tuple[Segment, list[Finding]]]] = {}
    for segment in report.document.segments:
        found = by_segment.get((segment.target_location.file, segment.id)) or []
        if segment.source_location.file != segment.target_location.file:
            found = found + (by_segment.get((segment.source_location.file, segment.id)) or [])
        suites.setdefault(_suite_key(segment), []).append((segment, found))

    root = ET.Element("testsuites", name="transqa")
    total_tests = total_failures = 0
    for name, cases in suites.items():
        suite = ET.SubElement(root, "testsuite", name=_xml_text(name))
        failures = 0
        for segment, found in cases:
            case = ET.SubElement(suite, "testcase", name=_xml_text(segment_label(segment)), classname=_xml_text(name))
            if segment.target_location.file:
                case.set("file", _xml_text(relative_path(segment.target_location.file)))
            if segment.target_location.line:
                case.set("line", str(segment.target_location.line))
            gating = [f for f in found if is_gating(f, level)]
            if gating:
                failures += 1
                first = gating[0]
                more = f" (and {len(gating) - 1} more)" if len(gating) > 1 else ""
                failure = ET.SubElement(case, "failure", type=first.code,
                                        message=_xml_text(one_line(f"{first.code}: {first.message}{more}")))
                failure.text = _xml_text("\n".join(_finding_line(f) for f in gating))
            rest = [f for f in found if not is_gating(f, level)]
            if rest:
                ET.SubElement(case, "system-out").text = _xml_text("\n".join(_finding_line(f) for f in rest))
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(cases)
        total_failures += failures

    s = report.score
    score_suite = ET.SubElement(root, "testsuite", name="transqa score", tests="1", errors="0",
                                failures="0" if s.score >= s.threshold else "1")
    case = ET.SubElement(score_suite, "testcase", name="MQM score", classname="transqa")
    summary = (f"score {s.score:.2f}/100, threshold {s.threshold:g}, penalty {s.penalty:g}, "
               f"{s.words} words, {len(report.findings)} finding(s)")
    if s.score < s.threshold:
        ET.SubElement(case, "failure", type="score", message=f"score {s.score:.2f} below {s.threshold:g}").text = summary
    else:
        ET.SubElement(case, "system-out").text = summary
    total_tests += 1
    total_failures += 0 if s.score >= s.threshold else 1
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

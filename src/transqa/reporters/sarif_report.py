"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` lists every rule of the run; each finding is a result whose location is
the flagged span (file relative to the working directory, 1-based line, 1-based code-point columns:
`columnKind: unicodeCodePoints`) and whose related location is the other side of the segment.
Columns are given only for line-based text pairs, where a segment is exactly one line of its file;
for tables and XML formats the region is the line alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from transqa import __version__
from transqa.model import Finding, Location, Report, Rule
from transqa.reporters.common import OTHER_SIDE, SegmentIndex, one_line, path_uri
from transqa.reporters.json_stream import Streamed, chunks as json_chunks, materialise

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"critical": "error", "major": "error", "minor": "warning", "info": "note"}
LINE_FORMAT = "text-pair"  # segments are whole lines of their files: columns are exact
FINGERPRINT_KEY = "transqa/v1"


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    short = _first_sentence(rule.description) if rule.description else rule.name.replace("-", " ")
    full = " ".join(rule.description.split()) or short
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": f"{full}\n\nCategory: {rule.category}. Examples: `transqa explain {rule.code}`.",
                 "markdown": f"{full}\n\nCategory: `{rule.category}`. Examples: `transqa explain {rule.code}`."},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "severity": rule.severity,
                       "tags": ["translation", rule.category.split("/")[0]]},
    }


def _stub_rule(finding: Finding) -> Rule:
    """A rule seen only through its findings (e.g. a report built in code without `rules`)."""
    return Rule(code=finding.code, name=finding.name, check="", category=finding.category,
                severity=finding.severity, message=finding.message)


def _physical(location: Location, region: dict[str, Any] | None) -> dict[str, Any] | None:
    uri = path_uri(location.file)
    if uri is None:
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if region:
        physical["region"] = region
    return physical


def _primary_region(finding: Finding, exact_columns: bool) -> dict[str, Any] | None:
    line = finding.location.line
    if line is None:
        return None
    region: dict[str, Any] = {"startLine": line}
    if exact_columns:
        region["startColumn"] = finding.start + 1
        region["endColumn"] = finding.end + 1
    region["snippet"] = {"text": finding.match}
    return region


def _result(finding: Finding, rule_index: int, segment, exact_columns: bool) -> dict[str, Any]:
    text = finding.message
    if finding.suggestion is not None and finding.suggestion != finding.match:
        text += f" Suggestion: {one_line(finding.suggestion)!r}."
    location: dict[str, Any] = {}
    physical = _physical(finding.location, _primary_region(finding, exact_columns))
    if physical:
        location["physicalLocation"] = physical
    location["logicalLocations"] = [{"name": f"segment {finding.segment}", "kind": "element"}]
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"severity": finding.severity, "category": finding.category, "side": finding.side,
                       "segment": str(finding.segment), "match": finding.match,
                       "suggestion": finding.suggestion},
    }
    if segment is not None:
        other = OTHER_SIDE[finding.side]
        other_loc = segment.location(other)
        related: dict[str, Any] = {"id": 1, "message": {"text": f"{other}: {one_line(segment.text(other), 200)}"}}
        physical = _physical(other_loc, {"startLine": other_loc.line} if other_loc.line else None)
        if physical:
            related["physicalLocation"] = physical
        result["relatedLocations"] = [related]
    return result


def sarif_dict(report: Report) -> dict[str, Any]:
    return materialise(_sarif(report))


def _sarif(report: Report) -> dict[str, Any]:
    """The log with its results as a `Streamed` list: each result is made while writing."""
    rules = list(report.rules)
    known = {rule.code for rule in rules}
    for finding in report.findings:
        if finding.code not in known:
            known.add(finding.code)
            rules.append(_stub_rule(finding))
    index = {rule.code: i for i, rule in enumerate(rules)}
    segment_of = SegmentIndex(report)
    inputs = report.document.inputs
    exact = inputs.get("format") == LINE_FORMAT or (inputs.get("format") == "batch"
                                                    and inputs.get("formats") == [LINE_FORMAT])
    s = report.score
    baselined = "baselined" in report.extra  # a --baseline run: every result reported is new relative to it

    def result(finding: Finding) -> dict[str, Any]:
        out = _result(finding, index[finding.code], segment_of(finding), exact)
        if baselined:
            out["baselineState"] = "new"
        return out

    run: dict[str, Any] = {
        "tool": {"driver": {"name": "transqa", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule_descriptor(rule) for rule in rules]}},
        "invocations": [{"executionSuccessful": True}],
        "columnKind": "unicodeCodePoints",
        "results": Streamed(report.findings, result),
        "properties": {"score": s.score, "threshold": s.threshold, "passed": s.passed, "words": s.words,
                       "segments": s.segments, "penalty": s.penalty, "waived": len(report.waived),
                       "baselined": len(report.extra.get("baselined", ()))},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def chunks(report: Report, *, color: bool = False) -> Iterator[str]:
    """The log's text in pieces (one per result): what `render` returns, without holding it all."""
    return json_chunks(_sarif(report))


def render(report: Report, *, color: bool = False) -> str:
    return "".join(chunks(report))

"""Run enabled rules over a Document and turn their Hits into sorted, fingerprinted Findings."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from transqa.checks import Context, registry
from transqa.config import Waiver
from transqa.model import Document, Finding, Hit, Rule, Segment


class _Args(dict):
    def __missing__(self, key: str) -> str:  # a placeholder a check did not fill stays visible
        return "{" + key + "}"


def fingerprint(code: str, segment: Segment, side: str, match: str, ordinal: int) -> str:
    """Stable across unrelated edits: code, the segment's source text, side, match and its ordinal."""
    key = "\x1f".join((code, segment.source.strip(), side, match, str(ordinal)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _finding(rule: Rule, segment: Segment, hit: Hit, ordinal: int) -> Finding:
    text = segment.text(hit.side)
    if not 0 <= hit.start <= hit.end <= len(text):
        raise RuntimeError(f"check {rule.check} returned span {hit.start}:{hit.end} outside the "
                           f"{hit.side} of segment {segment.id} ({len(text)} code points)")
    match = text[hit.start:hit.end]
    message = rule.message.format_map(_Args(hit.args, match=match))
    return Finding(code=rule.code, name=rule.name, category=rule.category, severity=rule.severity,
                   segment=segment.id, side=hit.side, start=hit.start, end=hit.end, match=match,
                   message=message, suggestion=hit.suggestion,
                   fingerprint=fingerprint(rule.code, segment, hit.side, match, ordinal),
                   location=segment.location(hit.side))


def collect_records(rule: Rule, segments: Sequence[Segment], context: Context, offset: int = 0) -> list:
    """The map step of a document-scope rule over one chunk (`offset` = index of its first segment)."""
    check = registry()[rule.check].run
    return [record for i, segment in enumerate(segments, offset)
            for record in check.collect(i, segment, rule.options, context)]


def finish_records(rule: Rule, records: list, context: Context) -> Iterable[tuple[int, Hit]]:
    """The final step of a document-scope rule over the merged (concatenated) records."""
    for hit in registry()[rule.check].run.finish(records, rule.options, context):
        if hit.segment is None:
            raise RuntimeError(f"document check {rule.check} returned a hit without a segment index")
        yield hit.segment, hit


def _hits(rule: Rule, segments: Sequence[Segment], context: Context) -> Iterable[tuple[int, Hit]]:
    check = registry()[rule.check]
    if check.scope == "document":
        yield from finish_records(rule, collect_records(rule, segments, context), context)
    else:
        for index, segment in enumerate(segments):
            for hit in check.run(segment, rule.options, context):
                yield index, hit


def run_rules(document: Document, rules: Sequence[Rule], context: Context) -> list[Finding]:
    """All findings of `rules` on `document`, in document order (segment, side, offset, code)."""
    segments = document.segments
    order = {"source": 0, "target": 1}
    keyed = []
    for rule in rules:
        seen: dict[tuple[int, str, str], int] = {}
        for index, hit in _hits(rule, segments, context):
            segment = segments[index]
            slot = (index, hit.side, segment.text(hit.side)[hit.start:hit.end])
            ordinal = seen[slot] = seen.get(slot, -1) + 1
            finding = _finding(rule, segment, hit, ordinal)
            keyed.append(((index, order[hit.side], hit.start, hit.end, rule.code), finding))
    keyed.sort(key=lambda kv: kv[0])
    return [finding for _, finding in keyed]


def apply_waivers(findings: list[Finding], waivers: Sequence[Waiver]) -> tuple[list[Finding], list[Finding]]:
    """Split findings into (kept, waived); a waiver matches on code and fingerprint."""
    waived_keys = {(w.code, w.fingerprint) for w in waivers}
    kept = [f for f in findings if (f.code, f.fingerprint) not in waived_keys]
    waived = [f for f in findings if (f.code, f.fingerprint) in waived_keys]
    return kept, waived

"""Run a rule's own `examples` (fire / pass) through the engine: used by the tests and `transqa rules test`."""

from __future__ import annotations

from dataclasses import dataclass

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.model import Document, Location, Rule, Segment


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    kind: str  # "fire" or "pass"
    index: int
    ok: bool
    detail: str


def example_document(case: dict) -> Document:
    pairs = case["segments"] if "segments" in case else [[case.get("source", ""), case.get("target", "")]]
    segments = tuple(Segment(id=n, source=str(s), target=str(t), source_location=Location("example", n),
                             target_location=Location("example", n), meta=dict(case.get("meta") or {}))
                     for n, (s, t) in enumerate(pairs, 1))
    return Document(segments=segments, inputs={"format": "example"})


def run_examples(rule: Rule, context: Context | None = None) -> list[ExampleResult]:
    context = context or Context()
    results = []
    for kind in ("fire", "pass"):
        for index, case in enumerate(rule.examples.get(kind) or [], 1):
            findings = [f for f in run_rules(example_document(case), [rule], context) if f.code == rule.code]
            ok = bool(findings) if kind == "fire" else not findings
            detail = "; ".join(f"{f.segment}:{f.side}[{f.start}:{f.end}] {f.match!r}" for f in findings)
            results.append(ExampleResult(rule, kind, index, ok, detail or "no finding"))
    return results

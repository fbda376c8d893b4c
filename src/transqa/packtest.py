"""`transqa rules test FILE`: load rule packs and run every rule's fire/pass examples."""

from __future__ import annotations

from transqa.checks import Context
from transqa.config import load_config
from transqa.examples import run_examples
from transqa.glossary import load_glossaries
from transqa.packs import default_glossary_paths, load_pack


def _case_text(case: dict) -> str:
    if "segments" in case:
        return " | ".join(f"{s} → {t}" for s, t in case["segments"])
    return f"{case.get('source', '')} → {case.get('target', '')}"


def run_pack_examples(paths: list[str], *, config: str | None = None, glossaries: list[str] = ()) -> tuple[list[str], bool]:
    """One line per example (`PASS`/`FAIL`), then a summary; ok is False if any example fails
    or a rule lacks a `fire` or a `pass` example."""
    settings = load_config(config)
    glossary_paths = [*(default_glossary_paths() if settings.default_glossaries else []),
                      *settings.glossaries, *glossaries]
    context = Context(glossaries=tuple(load_glossaries(glossary_paths)))
    lines, total, failed = [], 0, 0
    for path in paths:
        for rule in load_pack(path):
            for kind in ("fire", "pass"):
                if not rule.examples.get(kind):
                    failed += 1
                    lines.append(f"FAIL {rule.code} {rule.name}: no '{kind}' example "
                                 f"(add one that {'should' if kind == 'fire' else 'must not'} be flagged)")
            for result in run_examples(rule, context):
                total += 1
                case = rule.examples[result.kind][result.index - 1]
                label = f"{rule.code} {rule.name} {result.kind} #{result.index}: {_case_text(case)}"
                if result.ok:
                    lines.append(f"PASS {label}")
                else:
                    failed += 1
                    expectation = "expected a finding, got none" if result.kind == "fire" else \
                        f"expected no finding, got {result.detail}"
                    lines.append(f"FAIL {label} ({expectation})")
    lines.append(f"{total} examples, {failed} failed" if total or failed else "no rules found")
    return lines, failed == 0 and total > 0

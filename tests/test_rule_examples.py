"""Every shipped rule carries examples that fire and look-alikes that must not; run them all."""

import pytest

from transqa.checks import Context
from transqa.examples import run_examples
from transqa.glossary import load_glossaries
from transqa.packs import default_glossary_paths, default_pack_paths, load_packs

RULES = load_packs(default_pack_paths())
CONTEXT = Context(glossaries=tuple(load_glossaries(default_glossary_paths())))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_has_fire_and_pass_examples(rule):
    assert rule.examples.get("fire"), f"{rule.code} has no example that fires"
    assert rule.examples.get("pass"), f"{rule.code} has no look-alike that must not fire"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_examples(rule):
    failures = [f"{r.kind} #{r.index}: {r.detail}" for r in run_examples(rule, CONTEXT) if not r.ok]
    assert not failures, f"{rule.code} {rule.name}: " + " | ".join(failures)


def test_codes_and_names_unique():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))

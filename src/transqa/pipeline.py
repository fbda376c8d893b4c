"""One QA run from options to Report: config -> rules -> reader -> engine -> waivers -> score.

The CLI is a thin layer over `prepare` and `check`; Python users can call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from transqa.baseline import Baseline, load_baseline
from transqa.checks import Context
from transqa.config import Config, apply_overrides, load_config, select_rules
from transqa.engine import apply_waivers, run_rules
from transqa.glossary import Glossary, load_glossaries
from transqa.model import Document, Report, Rule
from transqa.packs import default_glossary_paths, default_pack_paths, load_packs
from transqa.scoring import score


@dataclass
class RunOptions:
    config: str | None = None
    packs: list[str] = field(default_factory=list)
    glossaries: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    fail_under: float | None = None
    jobs: int | None = None  # None: the machine's cores for large documents (see parallel.default_jobs)
    baseline: str | None = None  # a `transqa baseline write` file: its findings do not gate or score


@dataclass
class Prepared:
    config: Config
    rules: list[Rule]
    glossaries: list[Glossary]
    jobs: int | None = None
    baseline: Baseline | None = None

    def context(self) -> Context:
        return Context(glossaries=tuple(self.glossaries))


def all_rules(config: Config, extra_packs: list[str] = ()) -> list[Rule]:
    """Every rule from the shipped packs, the config's packs and `extra_packs`, overrides applied."""
    rules = load_packs([*default_pack_paths(), *config.packs, *extra_packs])
    return apply_overrides(rules, config)


def prepare(options: RunOptions) -> Prepared:
    config = load_config(options.config)
    if options.fail_on is not None:
        config.fail_on = None if options.fail_on == "none" else options.fail_on
    if options.fail_under is not None:
        config.threshold = options.fail_under
    rules = select_rules(all_rules(config, options.packs), options.select, options.ignore)
    paths = [*(default_glossary_paths() if config.default_glossaries else []), *config.glossaries,
             *options.glossaries]
    baseline = load_baseline(options.baseline) if options.baseline else None
    return Prepared(config=config, rules=rules, glossaries=load_glossaries(paths), jobs=options.jobs,
                    baseline=baseline)


def check(document: Document, prepared: Prepared) -> Report:
    from transqa.parallel import default_jobs

    from transqa.textio import check_segment_sizes

    oversized = getattr(document.segments, "oversized", None)  # a SegmentStore knows its long lines
    check_segment_sizes(oversized() if oversized else document.segments)
    jobs = prepared.jobs if prepared.jobs is not None else default_jobs(len(document.segments))
    document, metrics = _reference_metrics(document)
    findings = run_rules(document, prepared.rules, prepared.context(), jobs=jobs)
    kept, waived = apply_waivers(findings, prepared.config.waivers)
    used = {(f.code, f.fingerprint) for f in waived}
    extra = {"unused_waivers": [w for w in prepared.config.waivers if (w.code, w.fingerprint) not in used]}
    if metrics is not None:
        extra["metrics"] = metrics
    if prepared.baseline is not None:
        kept, extra["baselined"] = prepared.baseline.split(kept)
    config = prepared.config
    result = score(kept, document, weights=config.weights, threshold=config.threshold, fail_on=config.fail_on)
    return Report(document=document, findings=tuple(kept), score=result, rules=tuple(prepared.rules),
                  waived=tuple(waived), extra=extra)


def _reference_metrics(document: Document):
    """BLEU/chrF/TER when segments carry references (`--reference`); sacrebleu is imported only then."""
    if getattr(document.segments, "without_meta", False) or not any("reference" in segment.meta
                                                                      for segment in document.segments):
        return document, None
    from transqa.metrics import score_references

    return score_references(document)

"""Reference metrics: corpus BLEU, chrF and TER against a reference translation, and chrF per segment.

sacrebleu is imported here only, lazily (70-95 ms). References go to sacrebleu as a list of reference
streams (a list of lists): a flat list would be read as one reference per character-stream and BLEU
silently drops to 0. chrF is computed once: the per-segment statistics give both the sentence scores
and the corpus score (sacrebleu's own aggregation), so the cost is one chrF pass, not two.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from transqa.model import Document


def corpus_metrics(hypotheses: list[str], references: list[str]) -> tuple[dict[str, Any], list[float]]:
    """({bleu, chrf, ter, signatures}, sentence chrF per pair) for aligned hypotheses and references."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    streams = [references]  # one reference stream; sacrebleu wants a list of lists
    chrf = CHRF()
    try:
        stats = chrf._extract_corpus_statistics(hypotheses, streams)
        sentence = [chrf._compute_score_from_stats(s).score for s in stats]
        chrf_corpus = chrf._aggregate_and_compute(stats).score
    except AttributeError:  # a sacrebleu without the internal helpers: the public (slower) route
        sentence = [chrf.sentence_score(h, [r]).score for h, r in zip(hypotheses, references)]
        chrf_corpus = chrf.corpus_score(hypotheses, streams).score
    bleu, ter = BLEU(), TER()
    summary = {
        "bleu": round(bleu.corpus_score(hypotheses, streams).score, 2),
        "chrf": round(chrf_corpus, 2),
        "ter": round(ter.corpus_score(hypotheses, streams).score, 2),
        "signatures": {"bleu": str(bleu.get_signature()), "chrf": str(chrf.get_signature()),
                       "ter": str(ter.get_signature())},
    }
    return summary, sentence


def score_references(document: Document) -> tuple[Document, dict[str, Any] | None]:
    """Score segments that carry `meta["reference"]`; each gets `meta["reference_chrf"]`.

    Returns the document (with those meta values) and the summary for the report, or None when no
    segment has a reference. Segments whose reference is empty are left out of the metrics.
    """
    scored = [i for i, s in enumerate(document.segments) if str(s.meta.get("reference", "")).strip()]
    if not scored:
        return document, None
    hypotheses = [document.segments[i].target for i in scored]
    references = [str(document.segments[i].meta["reference"]) for i in scored]
    summary, sentence = corpus_metrics(hypotheses, references)
    segments = list(document.segments)
    for i, value in zip(scored, sentence):
        segments[i] = replace(segments[i], meta={**segments[i].meta, "reference_chrf": round(value, 2)})
    summary = {**summary, "segments_scored": len(scored),
               "sentence_chrf": [{"segment": segments[i].id, "chrf": round(v, 2)} for i, v in zip(scored, sentence)]}
    return replace(document, segments=tuple(segments)), summary

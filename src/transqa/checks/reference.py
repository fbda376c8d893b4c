"""Distance from a reference translation (`--reference FILE`): sentence chrF under a threshold."""

from __future__ import annotations

from transqa.checks.base import check_type
from transqa.model import Hit


def _sentence_chrf(segment, context) -> float | None:
    if "reference_chrf" in segment.meta:
        return float(segment.meta["reference_chrf"])
    reference = str(segment.meta.get("reference", ""))
    if not reference.strip():
        return None

    def build():
        from sacrebleu.metrics import CHRF

        return CHRF()

    return context.memo(("sacrebleu", "chrf"), build).sentence_score(segment.target, [reference]).score


@check_type("reference-chrf-low", options={"threshold": 30.0}, placeholders=("chrf", "threshold"))
def reference_chrf_low(segment, options, context):
    """The target's sentence chrF against its reference is below `threshold` (no reference: no finding).

    The score is computed once by the reference metrics (transqa.metrics) and read from the segment;
    it is computed here only when a segment carries a reference but no score (rule examples, API use).
    """
    if not segment.target.strip():
        return ()  # not a generator: nothing to create per segment on the usual path
    score = _sentence_chrf(segment, context)
    if score is not None and score < options["threshold"]:
        body = segment.target.strip()
        start = segment.target.index(body)
        return [Hit("target", start, start + len(body), {"chrf": round(score, 1), "threshold": options["threshold"]})]
    return ()

"""Findings of sentence alignment (`--align`): a sentence of one document with no partner in the other.

`transqa.align` marks each bead in `segment.meta["bead"]` ("1-1", "1-0", "0-1", ...); a 1-0 bead is
a source sentence with no translation, a 0-1 bead a target sentence with no source. Segments not
produced by the aligner have no `bead` and are never reported here.
"""

from __future__ import annotations

from transqa.checks.base import check_type
from transqa.model import Hit

_BEADS = {"source": "1-0", "target": "0-1"}


def _validate(options):
    if options["side"] not in _BEADS:
        raise ValueError("side must be source or target")


@check_type("unaligned-sentence", options={"side": "source"}, placeholders=("count",), validate=_validate)
def unaligned_sentence(segment, options, context):
    """The aligner found no partner for this sentence (`side: source`: omitted; `target`: added)."""
    side = options["side"]
    if segment.meta.get("bead") != _BEADS[side]:
        return ()  # not a generator: nothing to create per segment on the usual path
    text = segment.text(side)
    body = text.strip()
    if body:
        start = text.index(body)
        return [Hit(side, start, start + len(body), {"count": len(body)})]
    return ()

"""Checks that need no language knowledge: empty target, target copied from source, Han left in target."""

from __future__ import annotations

import re

from transqa.checks.base import check_type
from transqa.model import Hit
from transqa.textspans import HAN_RUN_RE

_LETTER = re.compile(r"[^\W\d_]")


@check_type("empty-target")
def empty_target(segment, options, context):
    """The source has text but the target is empty or whitespace only."""
    if segment.source.strip() and not segment.target.strip():
        yield Hit("target", 0, len(segment.target))


@check_type("target-same-as-source")
def target_same_as_source(segment, options, context):
    """The target is the source copied unchanged (ignoring surrounding space).

    Segments without letters (numbers, codes, URLs) may legitimately be identical and are skipped.
    """
    source, target = segment.source.strip(), segment.target.strip()
    if target and source == target and _LETTER.search(source):
        start = segment.target.index(target)
        yield Hit("target", start, start + len(target))


@check_type("han-in-target", options={"min_chars": 1}, placeholders=("count",))
def han_in_target(segment, options, context):
    """Chinese characters left in the English target, one hit per run of Han text."""
    for m in HAN_RUN_RE.finditer(segment.target):
        if len(m.group()) >= options["min_chars"]:
            yield Hit("target", m.start(), m.end(), {"count": len(m.group())})

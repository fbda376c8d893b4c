"""Checks that need no language knowledge: empty target, target copied from source, Han left in target."""

from __future__ import annotations

import re

from transqa.checks.base import check_type
from transqa.lazyre import LazyPattern
from transqa.model import Hit
from transqa.textspans import HAN, HAN_RE, HAN_RUN_RE

_LETTER = re.compile(r"[^\W\d_]")


@check_type("empty-target")
def empty_target(segment, options, context):
    """The source has text but the target is empty or whitespace only."""
    if segment.meta.get("bead") == "1-0":  # an aligner's unpaired sentence: ALN001 reports it
        return ()
    if segment.source.strip() and not segment.target.strip():
        return [Hit("target", 0, len(segment.target))]
    return ()


@check_type("target-same-as-source")
def target_same_as_source(segment, options, context):
    """The target is the source copied unchanged (ignoring surrounding space).

    Segments without letters (numbers, codes, URLs) may legitimately be identical and are skipped.
    """
    source, target = segment.source.strip(), segment.target.strip()
    if target and source == target and _LETTER.search(source):
        start = segment.target.index(target)
        return [Hit("target", start, start + len(target))]
    return ()


_OPENERS = "\"“‘'(（[「"
_CLOSERS = {"\"": "\"", "“": "”", "‘": "’", "'": "'", "(": ")", "（": "）", "[": "]", "「": "」"}
_HAN_TRAIL = LazyPattern(f"[^{HAN}]+$")


def _glossary_sources(context):
    """Glossary source term -> its approved target renderings (lowercased): a SourceRenderings, whose
    index is built once per run and read per term looked up."""
    from transqa.glossary import SourceRenderings

    return context.memo(("han-in-target", "glossary"), lambda: SourceRenderings(context.glossaries))


def _quoted_gloss(text: str, start: int, end: int, source: str, max_chars: int) -> bool:
    """A short Han run in quotes or brackets that is also in the source: a deliberate citation (`"金龙鱼"`)."""
    if end - start > max_chars or start == 0 or text[start - 1] not in _OPENERS:
        return False
    closer = _CLOSERS[text[start - 1]]
    return text[end:end + 1] == closer and text[start:end] in source


def _labelled(text: str, start: int, end: int, source: str, max_chars: int) -> bool:
    """A short Han run introduced as Chinese (`(Chinese: 火眼, or "Fire Eye")`) that is also in the source."""
    return end - start <= max_chars and "chinese" in text[max(0, start - 12):start].lower() \
        and text[start:end] in source


@check_type("han-in-target", options={"min_chars": 1, "segment_share": 0.6, "quoted_max_chars": 10},
            placeholders=("count", "scope"))
def han_in_target(segment, options, context):
    """Chinese characters left in the English target.

    When Han characters make up `segment_share` or more of the target's letters the whole target is
    untranslated: one hit over the whole target (scope `segment`). Otherwise one hit per run of Han text
    (scope `clause`), except a run that is a glossary source term whose approved rendering is also in
    the target (`CNIPA (国家知识产权局)`), and a run of at most `quoted_max_chars` characters in quotes or
    brackets that is also in the source (a citation of the Chinese form, `"金龙鱼" labeled as "金龙油"`)
    or introduced as Chinese (`(Chinese: 火眼, or "Fire Eye")`).
    """
    if segment.target.isascii():  # Han characters are not ASCII
        return ()
    return _han_hits(segment, options, context)


def _han_hits(segment, options, context):
    target = segment.target
    runs = list(HAN_RUN_RE.finditer(target))
    if not runs:
        return
    han = len(HAN_RE.findall(target))
    latin = len(_LETTER.findall(target)) - han
    if han >= options["segment_share"] * (han + max(latin, 0)):
        body = target.strip()
        start = target.index(body)
        yield Hit("target", start, start + len(body), {"count": han, "scope": "segment"})
        return
    glossary = _glossary_sources(context) if context.glossaries else None
    lowered = None
    for m in runs:
        trail = _HAN_TRAIL.search(m.group())
        start, end = m.start(), m.end() - (len(trail.group()) if trail else 0)
        run = target[start:end]
        if len(run) < options["min_chars"]:
            continue
        if _quoted_gloss(target, start, end, segment.source, options["quoted_max_chars"]) or \
                _labelled(target, start, end, segment.source, options["quoted_max_chars"]):
            continue
        renderings = glossary.get(run) if glossary is not None else None
        if renderings is not None:
            lowered = lowered if lowered is not None else target.lower()
            if any(t and t in lowered for t in renderings):
                continue
        yield Hit("target", m.start(), m.end(), {"count": len(run), "scope": "clause"})

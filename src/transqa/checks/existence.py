"""existence: flag every occurrence of listed words, phrases or regular expressions."""

from __future__ import annotations

from transqa.checks.base import check_type
from transqa.model import Hit
from transqa.userpatterns import Exceptions, compile_any, live, rule_state, units, validate_common, where


def _validate(options):
    validate_common(options)
    if not options["tokens"] and not options["patterns"]:
        raise ValueError("existence needs at least one entry in 'tokens' or 'patterns'")
    compile_any(options["tokens"], options["patterns"], options["ignorecase"])


def _prepare(options):
    return (compile_any(options["tokens"], options["patterns"], options["ignorecase"]),
            Exceptions(options["exceptions"], options["ignorecase"]))


@check_type("existence", options={"side": "target", "tokens": [], "patterns": [], "exceptions": [],
                                  "ignorecase": True, "scope": "text"},
            placeholders=("group1", "group2", "group3"), validate=_validate)
def existence(segment, options, context):
    """Every occurrence of a listed token (literal word or phrase) or pattern (regex) on `side`.

    `{match}` in the message is the text found, `{group1}`..`{group3}` the groups of a pattern.
    Hits inside an `exceptions` phrase are skipped.
    """
    side = options["side"]
    text = segment.target if side == "target" else segment.source
    if not text:
        return ()
    matchers, shield = rule_state(context, options, _prepare)
    matchers = live(matchers, text)  # most segments: no needle of any pattern, nothing to run
    if not matchers:
        return ()
    return pattern_hits(segment, side, text, matchers, shield, options["scope"])


def pattern_hits(segment, side, text, matchers, shield, scope):
    """Each match of `matchers` on `side` (once per span, none inside an exception), as Hits with
    {group1}..{group3}; `scope` as in the rules (text, sentence, heading). Also target-only's."""
    spans = ((0, len(text)),) if scope == "text" else units(segment, side, scope)
    label = where(segment, side)
    seen = set()
    for start, end in spans:
        for matcher in matchers:
            for m in matcher.scan(text, label, start, end):
                span = (m.start(), m.end())
                if span not in seen and not shield.covers(text, *span):
                    seen.add(span)
                    groups = m.groups()
                    yield Hit(side, *span, {f"group{i}": (groups[i - 1] if i <= len(groups) else None) or ""
                                            for i in (1, 2, 3)})

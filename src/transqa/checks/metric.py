"""metric: a measurable limit per unit of text: words per sentence, commas per segment, characters per string."""

from __future__ import annotations

from transqa.checks.base import check_type
from transqa.model import Hit
from transqa.textspans import english_word_count
from transqa.userpatterns import check_choice, compile_any, finditer, live, rule_state, units, validate_common, where

COUNTS = ("words", "characters", "commas", "matches")
_COMMAS = ",，、"


def _validate(options):
    validate_common(options)
    check_choice(options, "count", COUNTS)
    if options["max"] < 0 or options["min"] < 0 or not (options["max"] or options["min"]):
        raise ValueError("metric needs 'max' and/or 'min' (whole numbers above 0)")
    if options["count"] == "matches":
        if not options["tokens"] and not options["patterns"]:
            raise ValueError("count: matches needs 'tokens' or 'patterns'")
        compile_any(options["tokens"], options["patterns"], options["ignorecase"])


def _measure(text, count, matchers, label):
    if count == "words":
        return english_word_count(text)
    if count == "characters":
        return len(text)
    if count == "commas":
        return sum(text.count(c) for c in _COMMAS)
    return sum(1 for pattern in matchers for _ in finditer(pattern, text, label))


@check_type("metric", options={"count": "words", "max": 0, "min": 0, "scope": "sentence", "side": "target",
                               "tokens": [], "patterns": [], "ignorecase": True},
            placeholders=("count", "limit", "unit"), validate=_validate)
def metric(segment, options, context):
    """Each unit (`scope`: sentence, whole text, or heading) whose count is above `max` or below `min`.

    `count` is `words` (English words), `characters` (code points), `commas` (`,`, `，` and `、`) or
    `matches` of `tokens`/`patterns`. The hit spans the unit; `{count}` is the value, `{limit}` the
    limit broken and `{unit}` what was counted.
    """
    side, count = options["side"], options["count"]
    text = segment.text(side)
    matchers = rule_state(context, options, _prepare)
    if count == "matches" and not options["min"]:
        matchers = live(matchers, text)  # with only a maximum, a text no pattern can match is within it
        if not matchers:
            return ()
    return _hits(segment, side, text, count, matchers, options)


def _prepare(options):
    if options["count"] != "matches":
        return []
    return compile_any(options["tokens"], options["patterns"], options["ignorecase"])


def _hits(segment, side, text, count, matchers, options):
    label = where(segment, side)
    for start, end in units(segment, side, options["scope"]):
        value = _measure(text[start:end], count, matchers, label)
        limit = (options["max"] if options["max"] and value > options["max"]
                 else options["min"] if options["min"] and value < options["min"] else None)
        if limit is not None:
            yield Hit(side, start, end, {"count": value, "limit": limit, "unit": count})

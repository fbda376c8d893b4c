"""mixed-variants (document scope): two accepted forms of the same thing mixed in one document.

`per cent` and `percent` are both correct; using both in one document is not. Each entry of `forms`
names one variant and lists its literal tokens (or gives one regular expression as a string). The
form used most often in the document wins (ties: the one used first); every occurrence of another
form is reported.
"""

from __future__ import annotations

from collections import Counter

from transqa.checks.base import check_type
from transqa.model import Hit
from transqa.userpatterns import (Exceptions, check_strings, compile_regex, compile_tokens, fold, rule_state,
                                  validate_common, where)


def _compile_form(value, ignorecase):
    if isinstance(value, str):
        return compile_regex(value, ignorecase)
    return compile_tokens(tuple(value), ignorecase)


def _validate(options):
    validate_common(options)
    forms = options["forms"]
    if len(forms) < 2:
        raise ValueError("mixed-variants needs at least two entries in 'forms'")
    for name, value in forms.items():
        if isinstance(value, list):
            check_strings({"forms": value}, "forms")
        elif not isinstance(value, str) or not value.strip():
            raise ValueError(f"form {name!r} must be a list of literal tokens or one regular expression")
        if _compile_form(value, options["ignorecase"]) is None:
            raise ValueError(f"form {name!r} is empty")


def _prepare(options):
    ic = options["ignorecase"]
    return [(str(name), _compile_form(value, ic)) for name, value in options["forms"].items()], \
        Exceptions(options["exceptions"], ic)


@check_type("mixed-variants", scope="document",
            options={"forms": {}, "exceptions": [], "ignorecase": True},
            placeholders=("form", "majority", "majority_count", "count"), validate=_validate)
class MixedVariants:
    """Occurrences of every form but the document's most used one, when more than one form is used.

    Placeholders: `{form}` (this occurrence's form), `{majority}` (the winning form),
    `{majority_count}` and `{count}` (how often each is used).
    """

    @staticmethod
    def collect(index, segment, options, context):
        text = segment.target
        if not text:
            return []
        forms, shield = rule_state(context, options, _prepare)
        # each form's gate (userpatterns.Matcher.may_match) with the text folded once for all forms (as
        # userpatterns.live does), then its scan: `finditer`, without a fold per form or a label per segment
        folded, found = None, []
        for name, pattern in forms:
            if folded is None and (pattern.needles or pattern.counts):
                folded = fold(text)
            if pattern.may_match(text, folded):
                found += [(index, m.start(), m.end(), name) for m in pattern.scan(text, where(segment, "target"))
                          if not shield.covers(text, m.start(), m.end())]
        return found

    @staticmethod
    def finish(records, options, context):
        counts = Counter(r[3] for r in records)
        if len(counts) < 2:
            return
        first = {}
        for index, start, _end, name in sorted(records):
            first.setdefault(name, (index, start))
        majority = max(counts, key=lambda name: (counts[name], tuple(-x for x in first[name])))
        for index, start, end, name in records:
            if name != majority:
                yield Hit("target", start, end, {"form": name, "majority": majority,
                                                 "majority_count": counts[majority], "count": counts[name]},
                          segment=index)

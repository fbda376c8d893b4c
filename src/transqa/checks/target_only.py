"""target-only: text in the target that needs a counterpart in the source, and has none.

A translator's or editor's note (`(Translated from CNIPA Website Chinese Version)`, `(T/N: ...)`) or a
credit line is an addition unless the source carries it too (（译自……）, 编译：…). `patterns`/`tokens`
find the target text; when any of `source_patterns`/`source_tokens` occurs in the source, the target
text has its counterpart and nothing is reported.
"""

from __future__ import annotations

from transqa.checks.base import check_type
from transqa.checks.existence import pattern_hits
from transqa.userpatterns import Exceptions, compile_any, live, rule_state, validate_common, where


def _validate(options):
    validate_common(options)
    if not options["tokens"] and not options["patterns"]:
        raise ValueError("target-only needs at least one entry in 'tokens' or 'patterns'")
    compile_any(options["tokens"], options["patterns"], options["ignorecase"])
    compile_any(options["source_tokens"], options["source_patterns"], options["ignorecase"])


def _prepare(options):
    ic = options["ignorecase"]
    return (compile_any(options["tokens"], options["patterns"], ic),
            compile_any(options["source_tokens"], options["source_patterns"], ic),
            Exceptions(options["exceptions"], ic))


@check_type("target-only", options={"tokens": [], "patterns": [], "source_tokens": [], "source_patterns": [],
                                    "ignorecase": True, "exceptions": []},
            placeholders=("group1", "group2", "group3"), validate=_validate)
def target_only(segment, options, context):
    """Each target match of `patterns`/`tokens` when the source has none of `source_patterns`/`source_tokens`."""
    if not segment.target:
        return ()
    wanted, counterparts, shield = rule_state(context, options, _prepare)
    wanted = live(wanted, segment.target)
    if not wanted:
        return ()
    source_label = where(segment, "source")
    for matcher in live(counterparts, segment.source or ""):
        if matcher.search(segment.source, source_label) is not None:
            return ()
    return pattern_hits(segment, "target", segment.target, wanted, shield, "text")

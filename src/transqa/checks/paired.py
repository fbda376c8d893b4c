"""paired: when the source matches X, the target must (or must not) match Y.

Verifika-style back-references: `\\1`, `\\2`, `\\g<name>` (or `$1`, as Verifika and Vale write it)
in `target_pattern` stand for the text of that group of the source match (inserted literally), so
`source_pattern: '(\\d+)年'` with `target_pattern: '\\b\\1\\b'` requires the same number in the target.
"""

from __future__ import annotations

import regex

from transqa.checks.base import check_type
from transqa.model import Hit
from transqa.userpatterns import (Exceptions, check_choice, compile_regex, compile_tokens, finditer, rule_state,
                                  search, units, validate_common, where)

_BACKREF = regex.compile(r"\\\\|\\\$|\\(\d{1,2})|\\g<(\w+)>|\$(\d)")


def resolve(target_pattern: str, m: regex.Match | None) -> str:
    """`target_pattern` with each back-reference replaced by the escaped text of the source group."""

    def sub(ref: regex.Match) -> str:
        if ref.group(0) in ("\\\\", "\\$"):  # an escaped backslash or dollar stays as written
            return ref.group(0)
        name = ref.group(1) or ref.group(2) or ref.group(3)
        key = int(name) if name.isdigit() else name
        value = m.group(key) if m is not None else "x"
        return regex.escape(value or "")

    return _BACKREF.sub(sub, target_pattern)


def _validate(options):
    validate_common(options)
    check_choice(options, "expect", ("present", "absent"))
    check_choice(options, "scope", ("text", "heading"))
    for side in ("source", "target"):
        if bool(options[f"{side}_tokens"]) == bool(options[f"{side}_pattern"]):
            raise ValueError(f"paired needs exactly one of '{side}_tokens' or '{side}_pattern'")
        if not all(isinstance(t, str) and t.strip() for t in options[f"{side}_tokens"]):
            raise ValueError(f"option '{side}_tokens' must be a list of non-empty strings")
    groups, names = 0, {}
    if options["source_pattern"]:
        source = compile_regex(options["source_pattern"], options["ignorecase"])
        groups, names = source.groups, source.groupindex
    for ref in _BACKREF.finditer(options["target_pattern"]):
        name = ref.group(1) or ref.group(2) or ref.group(3)
        if name is None:
            continue
        if (name.isdigit() and not 0 <= int(name) <= groups) or (not name.isdigit() and name not in names):
            raise ValueError(f"target_pattern refers to group {name!r}, which source_pattern does not have")
    if options["target_pattern"]:
        compile_regex(resolve(options["target_pattern"], None), options["ignorecase"])


def _matchers(options):
    ic = options["ignorecase"]
    source = (compile_regex(options["source_pattern"], ic) if options["source_pattern"]
              else compile_tokens(tuple(options["source_tokens"]), ic))
    target = None if options["target_pattern"] else compile_tokens(tuple(options["target_tokens"]), ic)
    return source, target, Exceptions(options["exceptions"], ic)


@check_type("paired", options={"source_tokens": [], "source_pattern": "", "target_tokens": [],
                               "target_pattern": "", "expect": "present", "ignorecase": True,
                               "exceptions": [], "scope": "text"},
            placeholders=("source_match", "target_match", "expected", "group1", "group2", "group3"),
            validate=_validate)
def paired(segment, options, context):
    """For each source match, look for the target pattern (back-references resolved from that match).

    `expect: present` reports a source match whose counterpart is missing from the target (the span is
    on the source side); `expect: absent` reports each target match of a forbidden counterpart.
    Placeholders: `{source_match}`, `{target_match}`, `{expected}` (the target pattern as resolved),
    `{group1}`..`{group3}` (groups of the source match). Exceptions shield hits on either side.
    """
    if not segment.source:
        return ()
    state = rule_state(context, options, _matchers)
    if not state[0].may_match(segment.source) or not units(segment, "target", options["scope"]):
        return ()
    return _hits(segment, options, *state)


def _hits(segment, options, source, fixed_target, shield):
    done = set()
    for m in source.scan(segment.source, where(segment, "source")):
        if shield.covers(segment.source, m.start(), m.end()):
            continue
        if fixed_target is not None:
            target, expected = fixed_target, " / ".join(options["target_tokens"])
        else:
            expected = resolve(options["target_pattern"], m)
            target = compile_regex(expected, options["ignorecase"])
        groups = m.groups()
        args = {"source_match": m.group(), "expected": expected,
                **{f"group{i}": (groups[i - 1] if i <= len(groups) else "") or "" for i in (1, 2, 3)}}
        if (expected, options["expect"]) in done:
            continue
        done.add((expected, options["expect"]))
        if options["expect"] == "present":
            if search(target, segment.target, where(segment, "target")) is None:
                yield Hit("source", m.start(), m.end(), {**args, "target_match": ""})
        else:
            for t in finditer(target, segment.target, where(segment, "target")):
                if not shield.covers(segment.target, t.start(), t.end()):
                    yield Hit("target", t.start(), t.end(), {**args, "target_match": t.group()})

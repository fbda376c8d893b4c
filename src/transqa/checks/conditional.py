"""conditional (document scope): if A appears in the target, B must appear earlier in the document.

The classic case is an acronym and its expansion: `term` finds uses (`WIPO`), `defined_by` finds
definitions (`World Intellectual Property Organization (WIPO)`). When a pattern has capture groups,
the first group that matched is the key tying a use to its definition; without groups every match
shares one key, so two plain phrases work too ("if `the Office` appears, `China National
Intellectual Property Administration` must come first").
"""

from __future__ import annotations

from transqa.checks.base import check_type
from transqa.model import Hit
from transqa.userpatterns import Exceptions, compile_regex, finditer, rule_state, validate_common, where
from transqa.userpatterns import fold as fold_text


def _key(m) -> str:
    for value in m.groups():
        if value is not None:
            return value
    return ""


def _validate(options):
    validate_common(options)
    for key in ("term", "defined_by"):
        if not options[key].strip():
            raise ValueError(f"conditional needs a non-empty {key!r} regular expression")
        compile_regex(options[key], options["ignorecase"])


def _matchers(options):
    ic = options["ignorecase"]
    return (compile_regex(options["term"], ic), compile_regex(options["defined_by"], ic),
            Exceptions(options["exceptions"], ic), {e.casefold() if ic else e for e in options["exceptions"]})


@check_type("conditional", scope="document",
            options={"term": "", "defined_by": "", "exceptions": [], "ignorecase": False},
            placeholders=("key",), validate=_validate)
class Conditional:
    """The first use of each `term` (per key) that no earlier `defined_by` match defines.

    "Earlier" means in a previous segment, or in the same segment starting at or before the use (so
    the `(WIPO)` inside its own definition counts as defined). `exceptions` lists keys or phrases that
    need no definition (`UN`, `GDP`). `{key}` in the message is the key (the acronym).
    """

    @staticmethod
    def collect(index, segment, options, context):
        text = segment.target
        if not text:
            return []
        term, defined_by, shield, skip = rule_state(context, options, _matchers)
        low = fold_text(text) if (term.folded or defined_by.folded) else None
        if not term.may_match(text, low) and not defined_by.may_match(text, low):
            return []
        label = where(segment, "target")
        fold = (lambda s: s.casefold()) if options["ignorecase"] else (lambda s: s)
        records = [("def", index, m.start(), fold(_key(m)), 0) for m in finditer(defined_by, text, label)]
        for m in finditer(term, text, label):
            key = fold(_key(m))
            if key in skip or fold(m.group()) in skip or shield.covers(text, m.start(), m.end()):
                continue
            records.append(("use", index, m.start(), key, m.end()))
        return records

    @staticmethod
    def finish(records, options, context):
        defined: dict[str, tuple[int, int]] = {}
        reported = set()
        order = sorted(records, key=lambda r: (r[1], r[2], r[0] != "def"))
        for kind, index, start, key, end in order:
            if kind == "def":
                defined.setdefault(key, (index, start))
            elif key not in defined and key not in reported:
                reported.add(key)
                yield Hit("target", start, end, {"key": key or "term"}, segment=index)

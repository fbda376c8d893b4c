"""substitution: a `swap` map from the form to avoid to the preferred one, suggested as the fix."""

from __future__ import annotations

import regex

from transqa.checks.base import check_type
from transqa.model import Hit
from transqa.userpatterns import (Exceptions, compile_regex, compile_tokens, fold, rule_state, units, validate_common,
                                  where)


_DOLLAR = regex.compile(r"(?<!\\)\$(\d)")  # Vale writes groups in replacements as $1


def _key(text: str, ignorecase: bool) -> str:
    key = " ".join(text.replace("’", "'").split())
    return key.casefold() if ignorecase else key


def _prepare(options):
    return _matchers(options), Exceptions(options["exceptions"], options["ignorecase"])


def _matchers(options):
    """[(compiled pattern, {normalised literal: preferred} or preferred string)], built once per rule."""
    swap, ignorecase = options["swap"], options["ignorecase"]
    if options["regex"]:
        return [(compile_regex(k, ignorecase), v) for k, v in swap.items()]
    combined = compile_tokens(tuple(swap), ignorecase)
    return [(combined, {_key(k, ignorecase): v for k, v in swap.items()})]


def match_case(found: str, preferred: str) -> str:
    """Vale-like: an all-capitals match gets an all-capitals suggestion, a capitalised one a capitalised one."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and preferred.lower() == preferred:
        return preferred.upper()
    if letters and found[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred


def _validate(options):
    validate_common(options)
    swap = options["swap"]
    if not swap:
        raise ValueError("substitution needs a non-empty 'swap' map (form to avoid: preferred form)")
    for key, value in swap.items():
        if not isinstance(key, str) or not key.strip() or not isinstance(value, str):
            raise ValueError("'swap' maps strings to strings (form to avoid: preferred form)")
    _matchers(options)


@check_type("substitution", options={"swap": {}, "ignorecase": True, "regex": False, "exceptions": [],
                                     "scope": "text"},
            placeholders=("preferred",), validate=_validate)
def substitution(segment, options, context):
    """Each `swap` key found in the target, with its value as `{preferred}` and the suggestion.

    Keys are literal words or phrases (regular expressions with `regex: true`, whose replacement may
    use `\\1` or `$1`). With `ignorecase` the suggestion follows the case of the match (`Per cent` -> `Percent`).
    A match that already is the preferred form is not reported.
    """
    text = segment.target
    if not text:
        return ()
    matchers, shield = rule_state(context, options, _prepare)
    low = None
    for pattern, _ in matchers:  # most segments: no needle of any pattern, nothing to run
        if pattern.needles and pattern.folded and low is None:
            low = fold(text)
        if pattern.may_match(text, low):
            return _hits(segment, text, matchers, shield, options)
    return ()


def _hits(segment, text, matchers, shield, options):
    label = where(segment, "target")
    for start, end in units(segment, "target", options["scope"]):
        for pattern, preferred in matchers:
            for m in pattern.finditer(text, label, start, end):
                if isinstance(preferred, dict):
                    wanted = preferred.get(_key(m.group(), options["ignorecase"]))
                    if wanted is None:
                        continue
                else:
                    try:
                        wanted = m.expand(_DOLLAR.sub(r"\\g<\1>", preferred))
                    except (regex.error, IndexError):
                        wanted = preferred
                suggestion = match_case(m.group(), wanted) if options["ignorecase"] else wanted
                if m.group() == suggestion or shield.covers(text, m.start(), m.end()):
                    continue
                yield Hit("target", m.start(), m.end(), {"preferred": suggestion}, suggestion=suggestion)

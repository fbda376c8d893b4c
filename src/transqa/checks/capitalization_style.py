"""Capitalisation in the target: given words always written one way, and headings in title or sentence case."""

from __future__ import annotations

import re

from transqa.checks.base import check_type
from transqa.lazyre import LazyPattern
from transqa.model import Hit
from transqa.userpatterns import (Exceptions, check_choice, check_strings, compile_tokens, rule_state, units,
                                  validate_common, where)

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’]*")
_HEADING_WORD = LazyPattern(r"[0-9A-Za-z\u00c0-\u024f][0-9A-Za-z\u00c0-\u024f'’]*")
# The start of a sentence, or of a quotation (a quoted title or sentence starts with a capital).
_SENTENCE_START = re.compile(r"(?:(?:^|[.!?:;\n]|[.!?]['\"”’)])[\s'\"“‘(\[]*|(?:^|\s)[\"'(]|[“‘「《])$")
# Chicago Manual of Style 8.159: articles, coordinating conjunctions and prepositions stay lowercase.
SMALL_WORDS = ("a an the and but or nor for so yet as at by in of off on per to up via vs from into "
               "onto over than with").split()


def looks_title_cased(text: str) -> bool:
    """Most longer words capitalised (a headline in title case): words in it are not in running text."""
    words = [w for w in _WORD.findall(text)[1:] if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _validate(options):
    validate_common(options)
    check_strings(options, "words")
    if not options["words"]:
        raise ValueError("capitalization needs a non-empty 'words' list (each in its required form)")


def _prepare(options):
    required = {_norm(w).casefold(): _norm(w) for w in options["words"]}
    return compile_tokens(tuple(options["words"]), True), required, Exceptions(options["exceptions"], False)


_CONNECTORS = frozenset("of on for and the de in to with from at".split())
_NAME_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'’.-]*")


def _in_name(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Part of a name: the nearest word before or after (across `of`, `and`, `the`...) is capitalised.

    A capitalised word that itself starts a sentence does not count (`Patent law` at the start).
    """
    before = list(_NAME_WORD.finditer(text, max(lo, start - 80), start))
    for m in reversed(before[-3:]):
        if m.group().lower() in _CONNECTORS:
            continue
        if m.group()[0].isupper() and not _SENTENCE_START.search(text[lo:m.start()]):
            return True
        break
    tail = text[end:hi]
    if tail[:2] in ("'s", "’s"):
        tail = tail[2:]
    for m in list(_NAME_WORD.finditer(tail[:80]))[:3]:
        if m.group().lower() in _CONNECTORS:
            continue
        return m.group()[0].isupper()
    return False


@check_type("capitalization", options={"words": [], "exceptions": [], "scope": "text",
                                       "ignore_sentence_start": True, "skip_in_names": False,
                                       "skip_title_case": True},
            placeholders=("expected",), validate=_validate)
def capitalization(segment, options, context):
    """Each listed word or phrase found with other capitalisation than the form written in `words`.

    `Internet` in `words` flags `internet`; `internet` flags `Internet`, except at the start of a
    sentence (`ignore_sentence_start`), in all capitals, inside an `exceptions` phrase, in a segment
    that is itself in title case (`skip_title_case`), or, with `skip_in_names`, next to another
    capitalised word (part of a name: `World Intellectual Property Organization`).
    """
    text = segment.target
    if not text:
        return ()
    state = rule_state(context, options, _prepare)
    if not state[0].may_match(text):  # none of the words' needles: nothing to run
        return ()
    return _hits(segment, text, options, *state)


def _hits(segment, text, options, pattern, required, shield):
    label = where(segment, "target")
    for lo, hi in units(segment, "target", options["scope"]):
        titled = None
        for m in pattern.scan(text, label, lo, hi):
            found = _norm(m.group())
            expected = required.get(found.casefold())
            if expected is None or found == expected:
                continue
            if found.isupper() and len(found) > 1 and not expected.isupper():
                continue
            lowering = found[0].isupper() and expected[0].islower()
            if lowering and options["ignore_sentence_start"] and _SENTENCE_START.search(text[lo:m.start()]):
                if found[1:] == expected[1:]:
                    continue
            if lowering and options["skip_title_case"]:
                titled = looks_title_cased(text[lo:hi]) if titled is None else titled
                if titled:
                    continue
            if lowering and options["skip_in_names"] and _in_name(text, m.start(), m.end(), lo, hi):
                continue
            if shield.covers(text, m.start(), m.end()):
                continue
            yield Hit("target", m.start(), m.end(), {"expected": expected}, suggestion=expected)


def _keep(word: str, free: bool, exceptions) -> bool:
    """Words whose case a heading style does not decide: listed, capitals, inner capitals, with digits,
    or the second part of a compound (`Cross-border` and `Cross-Border` are both found)."""
    return (free or word in exceptions or any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word))


def _title_case(words, small, exceptions):
    last = len(words) - 1
    out = []
    for i, (_start, word, after_colon, free) in enumerate(words):
        if _keep(word, free, exceptions) or (word.lower() in small and i not in (0, last) and not after_colon):
            out.append(word)
        else:
            out.append(word[0].upper() + word[1:])
    return out


def _sentence_case(words, small, exceptions):
    out = []
    for i, (_start, word, after_colon, free) in enumerate(words):
        if i == 0:
            out.append(word if _keep(word, free, exceptions) else word[0].upper() + word[1:])
        elif after_colon or word == "I" or _keep(word, free, exceptions):
            out.append(word)
        else:
            out.append(word[0].lower() + word[1:])
    return out


def _validate_heading(options):
    validate_common(options)
    check_choice(options, "style", ("title", "sentence"))
    check_choice(options, "scope", ("heading", "text"))
    check_strings(options, "small_words")
    if options["min_words"] < 1:
        raise ValueError("option 'min_words' must be at least 1")


@check_type("heading-case", options={"style": "title", "small_words": SMALL_WORDS, "exceptions": [],
                                     "scope": "heading", "min_words": 3},
            placeholders=("style", "expected"), validate=_validate_heading)
def heading_case(segment, options, context):
    """A heading (see `scope: heading`) not in the house `style`: `title` or `sentence` case.

    Title case (Chicago 8.159): first and last words and all words except `small_words` capitalised.
    Sentence case: only the first word, words after a colon, `I`, acronyms, words with inner capitals
    (`iPhone`) and `exceptions` (proper nouns: list them) capitalised. One hit per heading over its
    whole text, with the heading rewritten as `{expected}` and the suggestion. Headings shorter than
    `min_words` words are skipped. Words in capitals throughout are left as they are.
    """
    text = segment.target
    small = {w.lower() for w in options["small_words"]}
    exceptions = set(options["exceptions"])
    for lo, hi in units(segment, "target", options["scope"]):
        words = []
        for m in _HEADING_WORD.finditer(text, lo, hi):
            before = text[lo:m.start()].rstrip()
            words.append((m.start(), m.group(), bool(words) and before.endswith((":", "—", "–")),
                          text[m.start() - 1:m.start()] in ("-", "/") and m.start() > lo))
        if len(words) < options["min_words"]:
            continue
        fix = _title_case if options["style"] == "title" else _sentence_case
        fixed = [w if (w.isupper() and len(w) > 1) else new  # words in capitals stay as they are
                 for (_, w, _, _), new in zip(words, fix(words, small, exceptions))]
        if all(a == b for (_, a, _, _), b in zip(words, fixed)):
            continue
        chars = list(text[lo:hi])
        for (start, word, _, _), new in zip(words, fixed):
            chars[start - lo:start - lo + len(word)] = new
        expected = "".join(chars)
        yield Hit("target", lo, hi, {"style": options["style"], "expected": expected}, suggestion=expected)

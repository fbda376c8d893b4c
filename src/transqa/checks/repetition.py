"""Repetition in the English target: doubled words."""

from __future__ import annotations

import re

from transqa.checks.base import check_type
from transqa.model import Hit

_DOUBLED = re.compile(r"\b([A-Za-z][A-Za-z'’]*)(\s+)(\1)\b", re.IGNORECASE)


@check_type("repeated-word", options={"exceptions": ["had", "that"]}, placeholders=("word",))
def repeated_word(segment, options, context):
    """The same word twice in a row (`the the`), case-insensitive; `exceptions` lists words that may double."""
    allowed = {w.lower() for w in options["exceptions"]}
    for m in _DOUBLED.finditer(segment.target):
        word = m.group(1)
        if word.lower() in allowed:
            continue
        yield Hit("target", m.start(3), m.end(3), {"word": word}, suggestion=word)

"""Whitespace in the English target: doubled spaces, edge whitespace, missing space after a full stop."""

from __future__ import annotations

import re

from transqa.checks.base import check_type
from transqa.lazyre import LazyPattern
from transqa.model import Hit

# Any run of two or more horizontal spaces, including no-break and ideographic spaces.
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}")
_NAMES = {" ": "space", "\t": "tab", "\u00a0": "no-break space", "\u3000": "ideographic space",
          "\u202f": "narrow no-break space"}

# A full stop glued to the next sentence: `solutions.(Translated`, `done.The`, `month."Outlets`.
# Before the stop: a lowercase letter run of 2+ (excludes initials like U.S. and decimals like 3.5);
# after it: a capital, an opening bracket, a curly opening quote, or a straight quote directly followed
# by a letter (after a stop a straight quote is nearly always the closing one: `down."`).
# A bracket counts unless a citation mark or note follows (`disease.[12]`, `.[citation needed]`: Wikipedia style).
_GLUED_STOP = LazyPattern(r"(?<![\w./@:-])[A-Za-z]*[a-z]{2}\.(?=[A-Z(“‘]|\[[^\da-z]|[\"'][A-Za-z])")
# What _GLUED_STOP needs at its full stop (a literal-led pattern: a fast scan that rules out most texts).
_GLUED_STOP_GATE = re.compile(r"\.(?=[A-Z(\[“‘]|[\"'][A-Za-z])")
# Domain and product names without a scheme or www (`HowMuch.Net`, `Example.com`, `Node.JS`, `Socket.IO`)
# and file names (`Report.PDF`).
_TLD_AFTER = LazyPattern(r"(?:com|net|org|gov|edu|int|io|cn|uk|de|jp|info|biz|js|fm|pdf|docx?|xlsx?|pptx?|txt|csv|"
                        r"xml|json|html?|jpe?g|png|gif|zip|exe)\b", re.IGNORECASE)
# Code, not prose: a dotted name or a call (`Microsoft.Office.Interop`, `Console.WriteLine(`).
_CODE_AFTER = LazyPattern(r"[A-Z]\w*(?:\.\w|\()")
# A scheme starts where no scheme character precedes it: linear time (it was quadratic on long words).
_URLISH = LazyPattern(r"(?:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://|www\.|@)\S*", re.IGNORECASE)


def _describe(run: str) -> str:
    kinds = []
    for ch in run:
        name = _NAMES.get(ch, f"U+{ord(ch):04X}")
        if name not in kinds:
            kinds.append(name)
    return " + ".join(kinds)


@check_type("double-space", options={"sides": ["target"]}, placeholders=("kinds", "length"))
def double_space(segment, options, context):
    """Two or more consecutive spaces inside the text (a space next to a no-break space counts)."""
    hits = []
    for side in options["sides"]:
        text = segment.text(side)
        if text.isascii() and "  " not in text and "\t" not in text:
            continue  # an ASCII run of two spaces needs "  " or a tab
        body_start = len(text) - len(text.lstrip())
        body_end = len(text.rstrip())
        hits += [Hit(side, m.start(), m.end(), {"kinds": _describe(m.group()), "length": len(m.group())},
                     suggestion=" ") for m in _SPACE_RUN.finditer(text, body_start, body_end)]
    return hits


@check_type("edge-whitespace-mismatch", placeholders=("edge",))
def edge_whitespace_mismatch(segment, options, context):
    """Leading or trailing whitespace differs between source and target."""
    source, target = segment.source, segment.target
    hits = []
    if source[:1].isspace() != target[:1].isspace() and target.strip():
        hits.append(Hit("target", 0, len(target) - len(target.lstrip()), {"edge": "leading"}))
    if source[-1:].isspace() != target[-1:].isspace() and target.strip():
        hits.append(Hit("target", len(target.rstrip()), len(target), {"edge": "trailing"}))
    return hits


@check_type("missing-space-after-stop")
def missing_space_after_stop(segment, options, context):
    """A sentence full stop directly followed by the next sentence (`solutions.(Translated`).

    Not flagged: abbreviations and initials (`U.S.`, `e.g.`), decimals (`3.5`), URLs, e-mail
    addresses and file names.
    """
    text = segment.target
    if "." not in text or not _GLUED_STOP_GATE.search(text):
        return ()
    return _glued_stops(text)


def _glued_stops(text: str):
    urls = [m.span() for m in _URLISH.finditer(text)]
    for m in _GLUED_STOP.finditer(text):
        dot = m.end() - 1
        if any(a <= dot < b for a, b in urls) or _TLD_AFTER.match(text, dot + 1) or _CODE_AFTER.match(text, dot + 1):
            continue
        if text[dot + 1] == '"' and text.count('"', dot + 2) % 2 == 0:  # it closes: `hygiene."Masks have`
            yield Hit("target", dot, dot + 2, suggestion='." ')
        else:
            yield Hit("target", dot, dot + 1, suggestion=". ")

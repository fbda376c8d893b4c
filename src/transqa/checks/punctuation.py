"""Punctuation in the English target: Chinese fullwidth marks left behind."""

from __future__ import annotations

import re

from transqa.checks.base import check_type
from transqa.model import Hit

# Fullwidth / CJK marks and their ASCII replacements. U+201C/U+201D (“ ”) are shared with English
# typography and only flagged when `curly_quotes` is on.
FULLWIDTH = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
             "【": "[", "】": "]", "《": "\"", "》": "\"", "、": ",", "「": "\"", "」": "\"",
             "『": "\"", "』": "\"", "〈": "\"", "〉": "\"", "…": "...", "—": "-"}
_CURLY = {"“": "\"", "”": "\""}


def _validate(options):
    if not isinstance(options["marks"], str) or not options["marks"]:
        raise ValueError("marks must be a non-empty string of characters")


@check_type("fullwidth-punctuation", options={"marks": "，。：；！？（）【】《》、「」『』〈〉", "curly_quotes": False},
            placeholders=("mark", "replacement"), validate=_validate)
def fullwidth_punctuation(segment, options, context):
    """Chinese (fullwidth) punctuation in the English target, with the ASCII mark as suggestion."""
    marks = options["marks"] + ("“”" if options["curly_quotes"] else "")
    pattern = context.memo(("fullwidth", marks), lambda: re.compile("[" + re.escape(marks) + "]+"))
    for m in pattern.finditer(segment.target):
        mark = m.group()
        replacement = "".join(FULLWIDTH.get(ch, _CURLY.get(ch, ch)) for ch in mark)
        yield Hit("target", m.start(), m.end(), {"mark": mark, "replacement": replacement},
                  suggestion=replacement)

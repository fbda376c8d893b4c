"""Capitalisation consistency across the document: the same common word written `Forum` and `forum`.

Compared are short-form references after `the`: `the Forum topics` vs `the forum topics`. A
capitalised word counts only where the capital is a choice: not the start of a longer name (`the
Forum Secretariat`, `the Department of Health`), not in a title-cased line (a headline), not a word
whose capitalised form is another word (May, China). Map/merge: each segment contributes one small
record, its capitalised `the X` with offsets and its lowercase `the x` packed in one string.
"""

from __future__ import annotations

import re
from collections import defaultdict

from transqa.checks.base import check_type
from transqa.model import Hit

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")
_LOWER = re.compile(r"[a-z]{3,}")
# `Department of Health`, `Centers for Disease Control and Prevention`: a name continues over these.
_CONNECTORS = frozenset("of for and on in de du & 's ’s".split())
# Words whose capitalised form is a different word (months, days, names) or never a choice.
_SKIP = frozenset("""may march june august will bill mark rose china turkey polish earth god internet web
monday tuesday wednesday thursday friday saturday sunday""".split())


def _title_cased(tokens: list[str]) -> bool:
    long_words = [t for t in tokens[1:] if len(t) >= 4 and t[0].isalpha()]
    return len(long_words) >= 3 and sum(t[0].isupper() for t in long_words) >= 0.75 * len(long_words)


def _scan(text: str):
    """(capitalised `the X` [(lower, start, end)], lowercase `the x` packed as 'word:start ...')."""
    matches = list(_TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    if _title_cased(tokens):
        return [], ""
    caps, lowers = [], []
    for i, m in enumerate(matches):
        if i == 0 or tokens[i - 1].lower() != "the":
            continue
        token = m.group()
        if _CAPITALISED.fullmatch(token):
            after = tokens[i + 1: i + 3] + [".", "."]
            in_name = after[0][0].isupper() or (after[0] in _CONNECTORS and after[1][0].isupper())
            if not in_name and token.lower() not in _SKIP:
                caps.append((token.lower(), m.start(), m.end()))
        elif _LOWER.fullmatch(token):
            lowers.append(f"{token}:{m.start()}")
    return caps, " ".join(lowers)


@check_type("capitalization-inconsistent", scope="document", options={"min_majority": 2},
            placeholders=("word", "other", "count"))
class CapitalizationInconsistent:
    """The same common word capitalised in some places and not in others, mid-sentence.

    The less frequent form is flagged at each occurrence (ties: the lowercase form) when the other
    form occurs at least `min_majority` times, or when each form occurs exactly once.
    """

    @staticmethod
    def collect(index, segment, options, context):
        caps, lowers = _scan(segment.target)
        if caps or lowers:
            yield (index, tuple(caps), lowers)

    @staticmethod
    def finish(records, options, context):
        capital: dict[str, list] = defaultdict(list)
        for index, caps, _ in records:
            for word, start, end in caps:
                capital[word].append((index, start, end))
        if not capital:
            return
        lower: dict[str, list] = defaultdict(list)
        for index, _, packed in records:
            for item in packed.split():
                word, _, start = item.rpartition(":")
                if word in capital:
                    lower[word].append((index, int(start), int(start) + len(word)))
        for word, low in lower.items():
            cap = capital[word]
            if len(low) <= len(cap):
                minority, other, majority = low, word.capitalize(), len(cap)
            else:
                minority, other, majority = cap, word, len(low)
            if majority < options["min_majority"] and not (len(low) == len(cap) == 1):
                continue
            for index, start, end in minority:
                yield Hit("target", start, end, {"word": word, "other": other, "count": majority},
                          segment=index)

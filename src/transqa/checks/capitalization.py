"""Capitalisation consistency across the document: the same common word written `Forum` and `forum`.

Compared are short-form references after `the`: `the Forum topics` vs `the forum topics`. A
capitalised word counts only where the capital is a choice: not the start of a longer name (`the
Forum Secretariat`, `the Chairman of the Committee`), not a quoted title (`"the Factory of the
World"`), not in a title-cased line (a headline), not a word
whose capitalised form is another word (May, China). Map/merge: each segment contributes one small
record, its capitalised `the X` with offsets and its lowercase `the x` packed in one string.
"""

from __future__ import annotations

import codecs
import re
from collections import defaultdict

from transqa.checks.base import check_type, segments_at
from transqa.model import Hit

# `the` + a word, then up to two following tokens (to see whether a longer name continues).
# Written to start at the literal `he` (the engine scans for a literal prefix quickly; 5x faster than
# `\b[Tt]he...`, the same matches one character later): a match starts at m.start() - 1.
_THE = re.compile(r"he(?<=\b[Tt]he)\s+([A-Za-z][A-Za-z'’-]*)(?=(?:\s+(\S+))?)")
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")
_LOWER = re.compile(r"[a-z]{3,}")
_LONG_WORD = re.compile(r"\b[A-Za-z]{4,}")
# `Department of Health`, `Centers for Disease Control and Prevention`: a name continues over these.
_CONNECTORS = frozenset("of for and on in de du &".split())
# Words whose capitalised form is a different word (months, days, names) or never a choice.
_SKIP = frozenset("""may march june august will bill mark rose china turkey polish earth god internet web
monday tuesday wednesday thursday friday saturday sunday""".split())


_BACK = re.compile(r"[A-Za-z][A-Za-z'’-]*|[.,!?:;\"“(]")


def _inside_name(text: str, start: int) -> bool:
    """`the` continues a capitalised name: `Building the City into ...`, `Great Hall of the People`.

    True when the word before `the` (or before `of`/`for`... ahead of it) is capitalised and is not
    itself the first word of a sentence.
    """
    tokens = _BACK.findall(text, max(0, start - 80), start)
    if tokens and tokens[-1] in _CONNECTORS:
        tokens.pop()
    if not tokens or not tokens[-1][0].isupper():
        return False
    return len(tokens) >= 2 and tokens[-2][0].isalpha()


_LONG_WORD_INITIAL = re.compile(r"\b([A-Za-z])[A-Za-z]{3,}")  # _LONG_WORD's matches, their first letter
# An ASCII text's capitals as `A`, small letters as `a`, digits and `_` (word characters) as `0`, the
# rest as spaces: a word starts after a space.
_CASE_BYTES = bytes(ord("A") if chr(b).isupper() else ord("a") if chr(b).islower() else
                    ord("0") if chr(b).isdigit() or chr(b) == "_" else ord(" ") for b in range(128)) + b" " * 128


def _as_case_classes(error: UnicodeEncodeError) -> tuple[str, int]:
    """A run of non-ASCII characters as ASCII for _CASE_BYTES: a word character (str.isalnum, as `\\w`
    reads it) as a digit (neither case: no [A-Za-z] word starts after it), anything else as a space."""
    run = error.object[error.start:error.end]
    ascii_run = _RUNS.get(run)
    if ascii_run is None:
        ascii_run = "".join("0" if c.isalnum() else " " for c in run)
        if len(_RUNS) < 4096 and len(run) < 8:  # the few short runs that recur: quotes, dashes
            _RUNS[run] = ascii_run
    return ascii_run, error.end


_RUNS: dict[str, str] = {}


codecs.register_error("transqa.case-classes", _as_case_classes)


def _title_cased(text: str) -> bool:
    """Three or more words of 4+ letters after the first, three quarters of them capitalised."""
    # With u capitalised and l small-letter initials of 4+ letter words, a title needs u - 1 >= 0.75 *
    # (u + l - 1) at best, so u >= 3 and u >= 3 * (l - 1). u is at most the capitals starting a word;
    # l is at least the words starting with four small letters. Most texts fail this count.
    marks = b" " + text.encode("ascii", "transqa.case-classes").translate(_CASE_BYTES)
    upper = marks.count(b" A")
    if upper < 3 or upper < 3 * (marks.count(b" aaaa") - 1):
        return False
    initials = _LONG_WORD_INITIAL.findall(text)
    if len(initials) < 4:
        return False
    capitalised = sum(map(str.isupper, initials)) - initials[0].isupper()
    return capitalised >= 0.75 * (len(initials) - 1)


def _is_lower(word: str) -> bool:
    """`_LOWER.fullmatch(word)` for a _THE word ([A-Za-z][A-Za-z'’-]*), without a regex call."""
    return len(word) > 2 and word.isalpha() and word.islower()


def _is_capitalised(word: str) -> bool:
    """`_CAPITALISED.fullmatch(word)` for a _THE word, without a regex call."""
    return len(word) > 2 and word.isalpha() and word[0].isupper() and word[1:].islower()


def _scan(text: str):
    """(capitalised `the X` [(lower, start, end)], lowercase `the x` packed as 'word:start ...'); none of
    them count in a title-cased line (finish tests that, for the few segments whose words it compares)."""
    caps, lowers = [], []
    for m in _THE.finditer(text):
        word = m.group(1)
        if word.islower():  # _is_lower and _is_capitalised inlined (the two tests that take most words)
            if len(word) > 2 and word.isalpha() and word not in _SKIP:  # a _SKIP word is never compared
                lowers.append(f"{word}:{m.start(1)}")
        elif len(word) > 2 and word.isalpha() and word[0].isupper() and word[1:].islower() \
                and word.lower() not in _SKIP:
            nxt = m.group(2) or "."
            the = m.start() - 1
            quoted = the > 0 and text[the - 1] in "\"“‘'"
            if not (nxt[0].isupper() or nxt in _CONNECTORS or quoted or _inside_name(text, the)):
                caps.append((word.lower(), m.start(1), m.end(1)))
    return caps, " ".join(lowers)


@check_type("capitalization-inconsistent", scope="document", options={"min_majority": 2},
            placeholders=("word", "other", "count"))
class CapitalizationInconsistent:
    """The same common word capitalised in some places and not in others, mid-sentence.

    The less frequent form is flagged at each occurrence (ties: the lowercase form) when the other
    form occurs at least `min_majority` times.
    """

    reads_segments = True  # finish reads the segments whose words it compares, to skip title-cased ones

    @staticmethod
    def collect(index, segment, options, context):
        caps, lowers = _scan(segment.target)
        if caps or lowers:
            # one string per segment, `index|word:start ...|word:start ...` (capitalised, then lowercase
            # `the x`; a word's end is its start plus its length): a third of a tuple of tuples
            return (f"{index}|{' '.join(f'{w}:{start}' for w, start, _ in caps)}|{lowers}",)
        return ()

    @staticmethod
    def finish(records, options, context, segments):
        # records are parsed twice, not kept parsed: a list of every parsed record was the finish's peak
        titled = _Titles(segments)
        with_caps = [(index, packed) for index, packed, _ in _parsed(records) if packed]
        titled.read(index for index, _ in with_caps)
        capital: dict[str, list] = defaultdict(list)
        for index, packed in with_caps:
            if not titled[index]:
                for word, start in _unpack(packed):
                    capital[word].append((index, start, start + len(word)))
        del with_caps
        if not capital:
            return
        compared = [(index, found) for index, _, lowers in _parsed(records)
                    if (found := [(w, start) for w, start in _unpack(lowers) if w in capital])]
        titled.read(index for index, _ in compared)
        lower: dict[str, list] = defaultdict(list)
        for index, found in compared:
            if not titled[index]:
                for word, start in found:
                    lower[word].append((index, start, start + len(word)))
        for word, low in lower.items():
            cap = capital[word]
            if len(low) <= len(cap):
                minority, other, majority = low, word.capitalize(), len(cap)
            else:
                minority, other, majority = cap, word, len(low)
            if majority < options["min_majority"]:
                continue
            for index, start, end in minority:
                yield Hit("target", start, end, {"word": word, "other": other, "count": majority},
                          segment=index)


def _parsed(records):
    """(index, packed capitalised words, packed lower-case words) of each 'index|packed|lowers' record."""
    for record in records:
        index, _, rest = record.partition("|")
        packed, _, lowers = rest.partition("|")
        yield int(index), packed, lowers


class _Titles(dict):
    """index -> whether that segment's target is title-cased, for the segments read so far."""

    def __init__(self, segments):
        super().__init__()
        self.segments = segments

    def read(self, indexes) -> None:
        wanted = [i for i in dict.fromkeys(indexes) if i not in self]
        for i, segment in segments_at(self.segments, wanted).items():
            self[i] = _title_cased(segment.target)


def _unpack(packed: str):
    for item in packed.split():
        word, _, start = item.rpartition(":")
        yield word, int(start)

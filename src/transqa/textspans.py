"""Small text helpers shared by checks: scripts, words, sentence ends. Offsets are code points."""

from __future__ import annotations

import codecs
import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
HAN_RE = re.compile(f"[{HAN}]")
HAN_RUN_RE = re.compile(f"[{HAN}][{HAN}\u3000-\u303f\uff00-\uffef·]*")
WORD_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.\-][A-Za-z0-9\u00c0-\u024f]+)*")
LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


# Words of an ASCII text counted on bytes: letters and digits become `a`, the joiners ' . - become
# `.`, everything else a space; `a.a` (a joiner between two word characters) is then closed up twice
# (the second pass catches joins the first skipped because they shared a one-letter word: `a.b.c`),
# and each remaining run of `a` is one WORD_RE match. 5x faster than findall; equal on fuzzed text
# (tests/test_textspans.py).
_WORD_BYTES = bytes(ord("a") if chr(b).isascii() and chr(b).isalnum() else ord(".") if chr(b) in "'.-" else
                    ord(" ") for b in range(256))


# A non-ASCII text is counted the same way: each run of non-ASCII characters is written, while encoding,
# as ASCII of the same classes (U+00C0-U+024F letters as `a`, ’ as the joiner ', the rest as spaces), so
# WORD_RE would find as many words. One handler call per run (curly quotes, a name): 8x faster than findall.
def _as_word_classes(error: UnicodeEncodeError) -> tuple[str, int]:
    run = error.object[error.start:error.end]
    ascii_run = _RUNS.get(run)
    if ascii_run is None:
        ascii_run = "".join("a" if "\u00c0" <= c <= "\u024f" else "'" if c == "’" else " " for c in run)
        if len(_RUNS) < 4096 and len(run) < 8:  # the few short runs that recur: quotes, dashes, é
            _RUNS[run] = ascii_run
    return ascii_run, error.end


_RUNS: dict[str, str] = {}


codecs.register_error("transqa.word-classes", _as_word_classes)


def english_word_count(text: str) -> int:
    """The number of WORD_RE matches in `text` (the score's and LEN001/LEN002's target word count)."""
    marks = text.encode("ascii", "transqa.word-classes").translate(_WORD_BYTES)
    marks = marks.replace(b"a.a", b"aaa").replace(b"a.a", b"aaa")
    return marks.replace(b".", b" ").count(b" a") + (marks[:1] == b"a")


def han_count(text: str) -> int:
    return len(HAN_RE.findall(text))

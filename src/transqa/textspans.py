"""Small text helpers shared by checks: scripts, words, sentence ends. Offsets are code points."""

from __future__ import annotations

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
HAN_RE = re.compile(f"[{HAN}]")
HAN_RUN_RE = re.compile(f"[{HAN}][{HAN}\u3000-\u303f\uff00-\uffef·]*")
WORD_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.\-][A-Za-z0-9\u00c0-\u024f]+)*")
LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


def english_word_count(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


def han_count(text: str) -> int:
    return len(HAN_RE.findall(text))

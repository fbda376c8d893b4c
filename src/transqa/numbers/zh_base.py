"""Shared pieces of Chinese number extraction: character classes, span claims, small helpers."""

from __future__ import annotations

import re
import string

from transqa.numbers.cnparse import CN_CHARS, FULLWIDTH, parse
from transqa.numbers.model import Claims as _Claims

D = r"[0-9０-９]"
DNUM = rf"{D}+(?:[,，]{D}{{3}}(?![0-9０-９]))*(?:[.．]{D}+)?"   # 1,234.5; 5，000 (3 digits after ，only)
CN = "[〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]"
CNNUM = rf"{CN}+(?:点[〇零一二三四五六七八九]+[万亿]*)?"
NUM = rf"(?:{DNUM}|{CNNUM})"

# Any character that can start a number: the cheap pre-check.
ANY_NUMERAL = re.compile(rf"[0-9０-９{CN_CHARS}]")

VAGUE_BEFORE = set("几数上成好若")
APPROX_BEFORE_WORDS = "约|大约|近|将近|接近|逾|超过|超|几乎|不到|不足|不少于|至少|近乎|约合|约为|多达|上下".split("|")
APPROX_BEFORE = re.compile(rf"(?:{'|'.join(APPROX_BEFORE_WORDS)})$")
APPROX_AFTER = re.compile(r"^(?:多|余|来)?(?:左右|上下|以上|以下|前后|多|余)")
# What the two patterns need at the number (a character test instead of a regex call): the last
# character of a word before it (`$` also matches before a final newline), the first after it.
_BEFORE_ENDS = frozenset(w[-1] for w in APPROX_BEFORE_WORDS) | {"\n"}
_AFTER_STARTS = frozenset("多余来左上以前")


def _next_in(text: str, pos: int, chars: str) -> bool:
    return pos < len(text) and text[pos] in chars


def _prev_in(text: str, pos: int, chars: str) -> bool:
    return pos > 0 and text[pos - 1] in chars


def _ascii(s: str) -> str:
    return s.translate(FULLWIDTH)


def _num(s: str) -> float | None:
    s = _ascii(s)
    if s[0].isdigit():
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return None
    return parse(s)


def _approx(text: str, start: int, end: int) -> bool:
    return bool(start > 0 and text[start - 1:start] in _BEFORE_ENDS and APPROX_BEFORE.search(text[max(0, start - 3):start])
                or text[end:end + 1] in _AFTER_STARTS and APPROX_AFTER.match(text[end:end + 4])
                or text[end + 1:end + 2] in _AFTER_STARTS and APPROX_AFTER.match(text[end + 1:end + 5]))


LABEL_RE = re.compile(r"[A-Za-z][A-Za-z.\-]*[-－]?$")


def _label(text: str, start: int) -> str:
    m = LABEL_RE.search(text[max(0, start - 12):start])
    return m.group().upper().replace("－", "-") if m else ""


GLUED_BEFORE = re.compile(r"[\u4e00-\u9fffA-Za-z][-－]$|[A-Za-z]\.$")
FIGURE_BEFORE = re.compile(r"(?:图|表|Fig\.?|Table|Figure)\s?$")
LETTER_DASH_BEFORE = re.compile(r"[A-Za-z]-?$")
LETTER = re.compile(r"[A-Za-z]")


# The last character before the number that GLUED_BEFORE, FIGURE_BEFORE or LETTER_DASH_BEFORE needs
# (or a space, a newline): anything else, and only the character after the number can make it a code.
_IDENT_BEFORE = frozenset("-－.图表" + string.ascii_letters)


def _dash_code(text: str, end: int) -> bool:
    """A dash after the number that is not a range's (5-HT, 3-D, 2-甲基 but not 2-9天, 2019-20)."""
    return text.startswith(("-", "－"), end) and not text[end + 1:end + 2].isdigit()


def _ident(text: str, start: int, end: int) -> bool:
    """Digits glued to Latin letters are part of a name or code: G20, 5G, A380, COVID-19, 歼-20."""
    last = text[start - 1:start] if start > 0 else ""
    if not (last in _IDENT_BEFORE or last.isspace()):
        return _dash_code(text, end) or bool(LETTER.match(text[end:end + 1]))
    before = text[max(0, start - 2):start]
    if GLUED_BEFORE.search(before) or _dash_code(text, end):
        return True
    if FIGURE_BEFORE.search(text[max(0, start - 7):start]):
        return True
    after = text[end:end + 1]
    return bool(LETTER_DASH_BEFORE.search(before) or LETTER.match(after))



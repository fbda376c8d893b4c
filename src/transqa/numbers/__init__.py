"""Numbers, dates and times in Chinese sources and English targets, as comparable values.

`extract_zh` / `extract_en` find them (with spans into the original text); `analyse` aligns the two
sides of a segment after leaving out fixed expressions (十四五, 党的二十大, 百强 ...).
"""

from __future__ import annotations

from transqa.numbers import en
from transqa.numbers.compare import Alignment, align, close, matches
from transqa.numbers.en import extract_en
from transqa.numbers.expressions import Expressions, load_expressions
from transqa.numbers.model import Quantity
from transqa.numbers.zh import extract_zh

__all__ = ["Alignment", "Expressions", "Quantity", "align", "analyse", "close", "extract_en", "extract_zh",
           "load_expressions", "matches"]


def _outside(quantities: list[Quantity], spans: list[tuple[int, int]]) -> list[Quantity]:
    if not spans:
        return quantities
    return [q for q in quantities if not any(q.start < e and s < q.end for s, e in spans)]


def _protect(quantities: list[Quantity], spans: list[tuple[int, int]]) -> list[Quantity]:
    """Target numbers inside a fixed expression still match the source but are never reported."""
    if not spans:
        return quantities
    return [q.as_ident() if any(q.start < e and s < q.end for s, e in spans) else q for q in quantities]


def analyse(source: str, target: str, expressions: Expressions | None = None) -> Alignment | None:
    """Align the numbers of one segment; None when neither side has any."""
    src = extract_zh(source)
    tgt = extract_en(target, words=bool(src))
    if not src and not tgt:
        return None
    if expressions is not None:
        if src:
            src = _outside(src, expressions.source_spans(source))
        if tgt:
            tgt = _protect(tgt, expressions.target_spans(target))
    # the alignment reads the target's weekday only for a source date with a day (a weekday may stand
    # for it), and never the source's: looked up only then
    weekday = any(q.kind == "date" and q.date[2] is not None for q in src) and en.has_weekday(target)
    return align(src, tgt, target_weekday=weekday, target_text=target)

"""Number, date and time extraction on both sides, from the tables in fixtures/numbers/."""

from pathlib import Path

import pytest
import yaml

from transqa.numbers import extract_en, extract_zh
from transqa.numbers.cnparse import parse

TABLES = Path(__file__).resolve().parents[1] / "fixtures" / "numbers"


def _cases(name):
    return yaml.safe_load((TABLES / name).read_text(encoding="utf-8"))["cases"]


def _value(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:.6f}".rstrip("0")


def render(q) -> str:
    flags = ("~" if q.approx else "") + ("#" if q.ident else "") + ("?" if q.vague else "")
    if q.kind == "date":
        value = "-".join("?" if p is None else str(p) for p in q.date)
    elif q.kind == "time":
        value = f"{q.date[0]}:{(q.date[1] or 0):02d}"
    else:
        value = _value(q.value)
    return f"{q.kind}{flags} {value} {q.text}"


def _expected(spec: str) -> list[str]:
    out = []
    for item in filter(None, (s.strip() for s in spec.split("|"))):
        kind, value, text = item.split(" ", 2)
        if value[0].isdigit() or value[0] == "-":
            try:
                value = _value(float(value))
            except ValueError:
                pass
        out.append(f"{kind} {value} {text}")
    return out


ZH = _cases("zh_extract.yaml")
EN = _cases("en_extract.yaml")


def test_tables_are_large_enough():
    assert len(ZH) + len(EN) >= 150


@pytest.mark.parametrize("text,spec", ZH, ids=[c[0] for c in ZH])
def test_zh_extraction(text, spec):
    assert [render(q) for q in extract_zh(text)] == _expected(spec)


@pytest.mark.parametrize("text,spec", EN, ids=[c[0] for c in EN])
def test_en_extraction(text, spec):
    assert [render(q) for q in extract_en(text)] == _expected(spec)


@pytest.mark.parametrize("text", [c[0] for c in ZH + EN])
def test_spans_point_into_the_original_text(text):
    for q in (extract_zh if any("\u4e00" <= ch <= "\u9fff" for ch in text) else extract_en)(text):
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("numeral,value", [
    ("十九", 19), ("两千三百万", 23_000_000), ("一百零五", 105), ("一万五", 15_000), ("三千五", 3_500),
    ("二〇二二", 2022), ("一千零一", 1001), ("三亿五千万", 350_000_000), ("一万亿", 10**12), ("十", 10),
    ("两百五", 250), ("零点五", 0.5), ("三点五亿", 350_000_000),
])
def test_chinese_numeral_parser(numeral, value):
    assert parse(numeral) == value


@pytest.mark.parametrize("junk", ["一五一十", "十十", "百千"])
def test_chinese_numeral_parser_refuses_non_numbers(junk):
    assert parse(junk) is None


def test_no_numeral_characters_means_no_work():
    assert extract_zh("上海将加强知识产权保护。") == []
    assert extract_en("Shanghai will step up IP protection.", words=False) == []

"""The shortcuts that make number extraction cheap must not change what it finds.

- every pattern skipped when its literal is absent really cannot match without that literal;
- the byte-mask `Claims` answers as the old list of spans did, empty and out-of-range spans included;
- the backwards "about / more than ..." pattern agrees with the forwards one;
- `Quantity.__init__`, written out by hand, keeps the dataclass fields' order and defaults.
"""

from __future__ import annotations

import dataclasses
import inspect
import random
import re

import pytest

from transqa.checks import numbers as checks
from transqa.numbers import en, zh, zh_dates
from transqa.numbers.model import Claims, Quantity

# (pattern, literals it cannot match without, texts it matches): the gates in en.py, zh.py, zh_dates.py and
# checks/numbers.py skip a pattern when none of its literals is in the text
GATED = [
    ("en.ymd", en.DATE_RES[0][1], ["-"], ["2019-12-09"]),
    ("en.slash", en.DATE_RES[1][1], ["/"], ["12/09/2022", "1/2/22"]),
    ("en.slash-comma", en.DATE_RES[2][1], [","], ["12 09,2022", "3.4, 2021"]),
    ("en.time", en.TIME_RE, [":", "o'clock", en.AM_PM], ["9:30 a.m.", "3 pm", "10 o'clock", "7.15 PM", "21:05"]),
    ("en.percent", en.PERCENT_RE, ["%", "per", "pct", "‰"],
     ["5%", "5 percent", "5 per cent", "5 pct", "3 percentage points", "2 per mille", "3‰", ".5 percentage"]),
    ("en.percent-range", en.PERCENT_RANGE_RE, ["%", "per"],
     ["3-5%", "3 to 5 percent", "2 and 3 percentage points", "4~6 per cent"]),
    ("en.fraction", en.FRACTION_RE, ["/"], ["1/3", "2/25"]),
    ("en.year-range", en.YEAR_RANGE_RE, [en.YEAR_RANGE_GATE], ["2019–20", "2007-08", "1999/00"]),
    ("en.fiscal", en.FISCAL_RE, ["FY", "iscal "], ["FY2019", "FY '20", "fiscal year 2020", "Fiscal 21"]),
    ("en.in-every", en.IN_EVERY_RE, [" in "], ["one in every ten", "1 in 5", "one in a million"]),
    ("en.weekday", en.WEEKDAY_RE, ["day"], ["Monday", "Saturday"]),
    ("zh.decade", zh.DECADE_RE, ["年代", "世纪", "0后", zh.DIGIT_FEN], ["80年代", "20世纪", "5分30秒", "90后", "七十年代"]),
    ("zh.percent", zh.PERCENT_RE, ["%", "％", "‰", "/", "分之", "百分", zh.TENTHS_GATE],
     ["百分之五", "5%", "3成", "三分之一", "1/3", "2个百分点", "百分百", "3‰", "约5％"]),
    ("zh.per", zh.PER_RE, ["每"], ["每万", "每十万"]),
    ("zh.range-next", zh.RANGE_NEXT, list(zh.RANGE_SIGNS), ["至三", "-五", "到十", "～两"]),
    ("zh.event-date", zh_dates.EVENT_DATE_RE, ["·", "•", "."], ["7·19", "“7.19洪灾", "9•11"]),
    ("zh.day-range", zh_dates.DAY_RANGE_RE, [zh_dates.DAY_RANGE_GATE], ["9月26-28日", "十月一至七日"]),
    ("zh.lunar", zh_dates.LUNAR_RE, ["农历", "阴历"], ["农历十月十七", "阴历正月初三"]),
    ("zh.year-range", zh_dates.YEAR_RANGE_RE, [zh_dates.YEAR_RANGE_GATE], ["2009-11年", "1998至99"]),
    ("zh.iso-date", zh_dates.ISO_DATE_RE, ["-", "/", ".", "．"], ["2022-12-09", "2022.12.09", "2022/1/9"]),
    ("zh.date", zh_dates.DATE_RE, [zh_dates.DATE_GATE], ["2022年12月9日", "12月9日", "18日", "5号上午", "二〇二二年"]),
    ("zh.time", zh_dates.TIME_RE, [zh_dates.TIME_GATE], ["上午9时30分", "9:30", "下午三点半", "10：05"]),
    ("zh.vague", zh.VAGUE_RE, [zh.VAGUE_GATE], ["上万", "数十", "好几百", "十几", "五六十", "几千亿", "成百"]),
    ("check.numeric-date", checks.NUMERIC_DATE, [checks.FOUR_DIGITS], ["12/09/2022", "12 09,2022", "3.4.2021"]),
    ("check.month-day-year", checks.MONTH_DAY_YEAR, [checks.FOUR_DIGITS], ["December 9, 2022", "Dec. 9 2022"]),
    ("check.day-month-year", checks.DAY_MONTH_YEAR, [checks.FOUR_DIGITS], ["9 December 2022", "9th of Dec, 2022"]),
    ("check.bare-thousands", checks.BARE_THOUSANDS, [checks.FIVE_DIGITS], ["12345", "1234567 "]),
]

PIECES = ["2019", "20", "19", "12", "9", "0", "5", "-", "–", "/", ".", ",", ":", "%", "‰", " ", " ", "a.m.", "pm",
          "per", "cent", "FY", "fiscal ", " in ", "day", "年", "月", "日", "号", "时", "点", "分", "成", "每", "万",
          "十", "·", "“", "农历", "至", "到", "后", "世纪", "年代", "周", "December", "of", "st", "上", "几", "百", "五",
          "六", "三", "之"]


def _mutate(rng: random.Random, seed: str) -> str:
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 3))) + seed \
        + "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 3)))
    for _ in range(rng.randint(0, 3)):
        i = rng.randint(0, len(text))
        if rng.random() < 0.5:
            text = text[:i] + text[i + rng.randint(1, 3):]          # drop a few characters
        else:
            text = text[:i] + rng.choice(PIECES) + text[i:]
    return text


def _present(needle, text: str) -> bool:
    return bool(needle.search(text)) if isinstance(needle, re.Pattern) else needle in text


def _strip(text: str, needles) -> str:
    while any(_present(n, text) for n in needles):
        for n in needles:
            text = n.sub("", text) if isinstance(n, re.Pattern) else text.replace(n, "")
    return text


@pytest.mark.parametrize("name,pattern,needles,seeds", GATED, ids=[g[0] for g in GATED])
def test_a_skipped_pattern_cannot_match_without_its_literal(name, pattern, needles, seeds):
    rng = random.Random(name)
    matched = 0
    for _ in range(3000):
        text = _mutate(rng, rng.choice(seeds))
        if pattern.search(text):
            matched += 1
            assert any(_present(n, text) for n in needles), (name, text)
        bare = _strip(text, needles)
        assert not pattern.search(bare), (name, text, bare)
    assert matched >= 150, f"{name}: only {matched} of the texts match; the test would be vacuous"


def _free_naive(spans, start, end):
    return all(end <= s or start >= e for s, e in spans)


def test_claims_answer_as_the_list_of_spans_did():
    rng = random.Random(7)
    for _ in range(3000):
        size = rng.randint(0, 30)
        claims, spans = Claims(size), []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(-3, size + 3)
            b = a + rng.choice([0, 1, 2, 5, -1]) if rng.random() < 0.2 else rng.randint(a, size + 3)
            if rng.random() < 0.5:
                assert claims.free(a, b) == _free_naive(spans, a, b), (spans, a, b)
            else:
                claims.take(a, b)
                spans.append((a, b))


def test_approx_before_backwards_equals_forwards():
    rng = random.Random(3)
    words = en.APPROX_WORDS + ["US$", "RMB", "RMB ", " ", "\n", "x", "s", "ſ", "İ", "\u212a", "more  than", "-"]
    hits = 0
    for _ in range(40000):
        window = "".join(rng.choice(words) for _ in range(rng.randint(0, 6)))
        window = (window.upper() if rng.random() < 0.3 else window)[-24:]
        forwards = bool(en.APPROX_BEFORE.search(window))
        hits += forwards
        assert forwards == bool(en.APPROX_BEFORE_REVERSED.match(window[::-1])), window
    assert hits > 200


def test_quantity_init_keeps_the_dataclass_signature():
    params = list(inspect.signature(Quantity.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Quantity)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [inspect.Parameter.empty if f.default is dataclasses.MISSING
                                           else f.default for f in fields]
    q = Quantity("cardinal", 3.0, 1, 2, "3", place=1.0)
    assert dataclasses.replace(q, ident=True) == Quantity("cardinal", 3.0, 1, 2, "3", place=1.0, ident=True)
    assert hash(q) == hash(Quantity("cardinal", 3.0, 1, 2, "3", place=1.0))
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 4.0


def test_unit_gates_never_drop_a_unit():
    """zh_unit / en_unit skip their pattern when the character after the number cannot start a match."""
    from transqa.numbers import units
    rng = random.Random(23)
    zh_pieces = [*units.ZH_UNITS, "多", "余", "个", "人", "3", " ", "公", "英", "港", "摄氏", "千", "平方"]
    en_pieces = [*units.EN_UNITS, " ", "  ", "\u00a0", "\t", "-", "square ", "x", "3", "S", "Km", "s", "°"]
    found = 0
    for pieces, unit, pattern, names in ((zh_pieces, units.zh_unit, units.ZH_UNIT_RE, units.ZH_UNITS),
                                         (en_pieces, units.en_unit, units.EN_UNIT_RE, units.EN_UNITS)):
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
            for end in range(len(text) + 1):
                m = pattern.match(text, end)
                assert unit(text, end) == (names[m.group(1)] if m else ""), (text, end)
                found += bool(m)
    assert found > 2000


def test_spaced_pattern_starting_with_the_space_finds_what_the_lookbehind_one_did():
    old = re.compile(r"(?<=[0-9０-９%])[ \u00a0]+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ \u00a0]+(?=[0-9０-９])")
    rng = random.Random(29)
    pieces = ["1", "２", "%", " ", "  ", "\u00a0", "年", "万", "a", "-", "\n"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        spans = [m.span() for m in old.finditer(text)]
        found += bool(spans)
        assert [m.span() for m in zh.SPACED.finditer(text)] == spans, text
    assert found > 1000


def test_sparse_quantity_equals_the_full_one_and_copies_like_replace():
    full = dict(kind="date", value=None, start=3, end=9, text="12月9日", approx=True, words=True, place=0.1,
                date=(None, 12, 9), ident=True, vague=True, alt=(None, 9, 12), label="PD-", article=True,
                inferred=True, unit="km")
    defaults = {f.name: f.default for f in dataclasses.fields(Quantity) if f.default is not dataclasses.MISSING}
    odd = {"approx": 0, "words": None, "place": 0.0, "label": None, "unit": 0, "ident": 0.0}   # falsy, not the default
    for changed in (full, {**full, **defaults}, {**full, **odd}):
        q = Quantity(**changed)
        assert {name: getattr(q, name) for name in changed} == changed
        assert all(type(getattr(q, k)) is type(v) for k, v in changed.items())
        assert q.moved(1, 2, "x") == dataclasses.replace(q, start=1, end=2, text="x")
        assert q.as_ident() == dataclasses.replace(q, ident=True)
        assert repr(q.moved(1, 2, "x")) == repr(dataclasses.replace(q, start=1, end=2, text="x"))


# (pattern, its gate, how many characters before the gate's first hit a match can start, seeds): the
# search starts there instead of at the start of the text
STARTS_BEFORE_GATE = [
    ("zh.date", zh_dates.DATE_RE, zh_dates.DATE_GATE, 3,
     ["2022年12月9日", "12月9日", "18日", "5号上午", "二〇二二年", "三十一日", "十二月", "1.5日", "第3日"]),
    ("zh.time", zh_dates.TIME_RE, zh_dates.TIME_GATE, 4,
     ["上午9时30分", "9:30", "下午三点半", "10：05", "晚上十二点", "凌晨零时", "当晚二十三时"]),
    ("zh.vague", zh.VAGUE_RE, zh.VAGUE_GATE, 0, ["上万", "数十", "好几百", "十几", "五六十", "几千亿", "成百"]),
]


@pytest.mark.parametrize("name,pattern,gate,before,seeds", STARTS_BEFORE_GATE, ids=[s[0] for s in STARTS_BEFORE_GATE])
def test_a_search_started_before_the_first_gate_hit_finds_every_match(name, pattern, gate, before, seeds):
    rng = random.Random(name)
    found = 0
    for _ in range(6000):
        text = _mutate(rng, rng.choice(seeds))
        everywhere = [m.span() for m in pattern.finditer(text)]
        hit = gate.search(text)
        assert [m.span() for m in pattern.finditer(text, max(0, hit.start() - before))] == everywhere \
            if hit else not everywhere, text
        found += bool(everywhere)
    assert found > 1500, f"{name}: only {found} texts match"


def test_classifier_gate_never_drops_a_classifier():
    rng = random.Random(37)
    pieces = [*"多余来", *(c[0] for c in zh.CLASSIFIERS), *zh.CLASSIFIERS, *"一二三x年的是 "]
    found = 0
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        for end in range(len(text) + 1):
            plain = zh.CLASSIFIER_RE.match(text[end:end + 3].lstrip("多余来"))
            gated = zh._classifier_after(text, end)
            assert (plain and plain.group()) == (gated and gated.group()), (text, end)
            found += bool(plain)
    assert found > 10000


@pytest.mark.parametrize("text", ["hundreds of people", "Dozens of cars", "millions of homes", "thousands",
                                  "tens of thousands of jobs"])
def test_plural_scale_words_are_no_numbers(text):
    """en._words had a test for them that could not match (^ past position 0); WORDS_RE's \\b excludes them."""
    assert en.extract_en(text) == []

"""3厘 after a rate word (利率, 孳息率, 年息: Hong Kong usage) is 3 per cent; 厘米/厘升/厘克 stay units."""

import pytest

from transqa.numbers import analyse, extract_zh, load_expressions

EXPRS = load_expressions()
HK_YIELD = "主要反映出美国孳息率在9月中升破3厘水平。"


def _problems(zh: str, en: str):
    a = analyse(zh, en, EXPRS)
    return [] if a is None else a.missing + a.mismatched + a.extra


def test_li_after_a_rate_is_a_percentage():
    kinds = [(q.kind, q.value, q.text) for q in extract_zh(HK_YIELD) if q.kind != "date"]
    assert kinds == [("percent", 3.0, "3厘")]


@pytest.mark.parametrize("en", ["US yields rose above 3% in mid-September.",
                                "US yields rose above 3 per cent in mid-September."])
def test_li_rendered_as_percent_is_not_flagged(en):
    assert _problems(HK_YIELD, en) == []


def test_li_rendered_with_another_rate_is_flagged():
    mismatched = analyse("银行年息3厘。", "The bank pays 4% a year.", EXPRS).mismatched
    assert [(s.text, t.text) for s, t in mismatched] == [("3厘", "4%")]


@pytest.mark.parametrize("zh, en", [("身高165厘米，利率不变。", "He is 165 cm tall; the rate is unchanged."),
                                    ("利率上调后，水位上涨3厘米。", "After the rate rise the water rose 3 cm.")])
def test_centimetres_stay_lengths(zh, en):
    assert all(q.kind != "percent" for q in extract_zh(zh))
    assert _problems(zh, en) == []


def test_li_without_a_rate_word_is_not_a_percentage():
    assert [q.kind for q in extract_zh("这块地价值3厘。")] == ["cardinal"]

"""NUM/DATE checks end to end: pair tables, the seed pair, fixed-expression files, style options."""

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.errors import TransqaError
from transqa.model import Document, Segment
from transqa.numbers import load_expressions
from transqa.numbers.expressions import parse_entries
from transqa.packs import load_packs, rules_dir
from transqa.readers.text_pair import read_text_pair
from transqa.yamlio import load_yaml_text

ROOT = Path(__file__).resolve().parents[1]
RULES = load_packs([rules_dir() / "numbers.yaml"])
BY_CODE = {r.code: r for r in RULES}
PAIRS = yaml.safe_load((ROOT / "fixtures" / "numbers" / "pairs.yaml").read_text(encoding="utf-8"))["cases"]


def codes(source, target, rules=RULES):
    doc = Document((Segment(1, source, target),))
    return sorted({f.code for f in run_rules(doc, rules, Context()) if f.code != "NUM004"})


@pytest.mark.parametrize("case", PAIRS, ids=[c["why"] for c in PAIRS])
def test_pairs(case):
    assert codes(case["source"], case["target"]) == sorted(case["expect"])


def test_mismatch_suggests_the_value_in_english():
    doc = Document((Segment(1, "授权79.8万件", "79,800 patents"),))
    [finding] = [f for f in run_rules(doc, RULES, Context()) if f.code == "NUM002"]
    assert finding.side == "target" and finding.match == "79,800"
    assert finding.suggestion.startswith("79.8万 = 798,000")


def test_mismatch_of_units_names_both_units():
    doc = Document((Segment(1, "海啸以800公里的时速扑来。", "The tsunami moved at 800 miles an hour."),))
    [finding] = [f for f in run_rules(doc, RULES, Context()) if f.code == "NUM002"]
    assert finding.message == "800 [km] in the source but 800 [mile] in the target"


def test_mismatch_without_unit_difference_shows_no_units():
    doc = Document((Segment(1, "海啸以800公里的时速扑来。", "The tsunami moved at 900 km an hour."),))
    [finding] = [f for f in run_rules(doc, RULES, Context()) if f.code == "NUM002"]
    assert finding.message == "800 in the source but 900 in the target"


def test_missing_points_at_the_source_number():
    doc = Document((Segment(1, "共有35家企业参展", "Some companies took part."),))
    [finding] = [f for f in run_rules(doc, RULES, Context()) if f.code == "NUM001"]
    assert (finding.side, finding.match) == ("source", "35")


def test_seed_pair_flags_only_the_malformed_date():
    seed = ROOT / "fixtures"
    doc = read_text_pair(str(seed / "cnipa-forum.zh.txt"), str(seed / "cnipa-forum.en.txt"))
    findings = [f for f in run_rules(doc, RULES, Context()) if f.severity != "info"]
    assert [(f.code, f.segment, f.match) for f in findings] == [("DATE002", 2, "12 09,2022")]
    assert findings[0].suggestion == "December 9, 2022"


def test_seed_pair_correct_renderings_have_no_number_finding():
    renderings = [("第十九届", "19th"), ("11月18日", "November 18"), ("党的二十大", "20th CPC National Congress"),
                  ("“五个中心”", '"Five Centers"'), ("位列第6", "6th place"), ("全球百强", "Top 100"),
                  ("“十四五”规划", "14th Five-Year Plan"), ("第四届", "4th")]
    for zh, en in renderings:
        assert codes(zh, en) == [], (zh, en)


def test_date_format_house_style_is_selectable():
    dmy = [replace(BY_CODE["DATE002"], options={**BY_CODE["DATE002"].options, "style": "dmy"})]
    assert codes("2022年12月9日", "on 9 December 2022", dmy) == []
    assert codes("2022年12月9日", "on December 9, 2022", dmy) == []  # well-formed: DATE004's business
    strict = [replace(BY_CODE["DATE002"], options={**BY_CODE["DATE002"].options, "style": "dmy",
                                                    "other_order": True})]
    assert codes("2022年12月9日", "on December 9, 2022", strict) == ["DATE002"]
    assert codes("2022年12月9日", "on December 9, 2022", [BY_CODE["DATE002"]]) == []
    order = BY_CODE["DATE004"]
    assert codes("2022年12月9日", "on 9 December 2022", [order]) == ["DATE004"]
    dmy_order = [replace(order, options={**order.options, "style": "dmy"})]
    assert codes("2022年12月9日", "on December 9, 2022", dmy_order) == ["DATE004"]
    assert codes("2022年12月9日", "on 9 December 2022", dmy_order) == []


def test_date_format_ambiguous_numeric_date_offers_both_readings_without_source():
    doc = Document((Segment(1, "发布", "Updated: 03/04/2022"),))
    [finding] = run_rules(doc, [BY_CODE["DATE002"]], Context())
    assert "ambiguous" in finding.message and finding.suggestion is None


def test_number_style_options():
    rule = BY_CODE["NUM004"]
    style = [replace(rule, options={**rule.options, "percent": "per cent", "small_numbers": "words"})]
    doc = Document((Segment(1, "增长5%，3家", "grew 5% at 3 firms, 12345 jobs"),))
    problems = sorted(f.message.split(":")[0] for f in run_rules(doc, style, Context()))
    assert problems == ["no thousands separator", "percent form", "small number in digits"]


def test_bad_style_option_is_an_error():
    from transqa.packs import validate_options
    from transqa.checks import registry
    with pytest.raises(TransqaError, match="style"):
        validate_options(registry()["date-format"], {"style": "ymd"}, "rule DATE002")


def test_shipped_expressions_load():
    assert load_expressions().count >= 50


@pytest.mark.parametrize("text,message,line", [
    ("expressions:\n  - {source: 十四五}\n  - {sorce: 十三五}\n", "unknown key 'sorce'", 3),
    ("expressions:\n  - {source: ''}\n", "non-empty", 2),
    ("expressions:\n  - {source: 十四五, target: 14}\n", "must be a string", 2),
    ("expressions:\n  - 十四五\n", "must be a mapping", 1),
    ("terms: []\n", "'expressions' list", 1),
])
def test_expression_file_errors_name_file_and_line(text, message, line):
    with pytest.raises(TransqaError, match=message) as err:
        parse_entries(load_yaml_text(text, "mine.yaml"), "mine.yaml")
    assert err.value.path == "mine.yaml" and err.value.line == line


def test_user_expressions_extend_the_list(tmp_path):
    extra = tmp_path / "ours.yaml"
    extra.write_text("expressions:\n  - {source: 985工程, target: [Project 985]}\n", encoding="utf-8")
    src, tgt = "入选985工程的高校", "universities in the elite university program"
    assert codes(src, tgt) == ["NUM001"]
    rules = [replace(r, options={**r.options, "expressions": [str(extra)]}) if "expressions" in r.options else r
             for r in RULES]
    assert codes(src, tgt, rules) == []
    assert codes(src, "universities of Project 985, founded 1998", rules) == []


def test_missing_expression_file_is_a_clean_error(tmp_path):
    with pytest.raises(TransqaError, match="not found"):
        load_expressions((str(tmp_path / "nope.yaml"),))


def test_expressions_option_through_project_config(tmp_path):
    from transqa.pipeline import RunOptions, check, prepare
    extra = tmp_path / "ours.yaml"
    extra.write_text("expressions:\n  - {source: 985工程, target: [Project 985]}\n", encoding="utf-8")
    config = tmp_path / ".transqa.yaml"
    config.write_text(f"rules:\n  NUM001: {{expressions: [{extra}]}}\n", encoding="utf-8")
    doc = Document((Segment(1, "入选985工程的高校", "universities in the elite program"),))
    plain = check(doc, prepare(RunOptions(select=["NUM001"])))
    configured = check(doc, prepare(RunOptions(config=str(config), select=["NUM001"])))
    assert [f.code for f in plain.findings] == ["NUM001"]
    assert configured.findings == ()


def test_bad_expressions_option_type_is_an_error(tmp_path):
    from transqa.pipeline import RunOptions, prepare
    config = tmp_path / ".transqa.yaml"
    config.write_text("rules:\n  NUM001: {expressions: ours.yaml}\n", encoding="utf-8")
    with pytest.raises(TransqaError, match="expressions"):
        prepare(RunOptions(config=str(config)))


@pytest.mark.parametrize("value, shown", [(2e17, "2e+17"), (1.111111111e38, "1.11111e+38"), (float("inf"), "inf"),
                                          (9_999_999_999_999_998.0, "9,999,999,999,999,998 (10000 trillion)")])
def test_huge_values_are_described_without_endless_recursion(value, shown):
    from transqa.numbers.model import fmt
    assert fmt(value) == shown


def test_a_huge_source_number_is_reported_not_a_crash():
    doc = Document((Segment(1, "二十多万万亿", "3rd"), Segment(2, "１" * 39, "12")))
    messages = [f.message for f in run_rules(doc, RULES, Context()) if f.code == "NUM002"]
    assert any("(= 2e+17)" in m for m in messages) and any("(= 1.11111e+38)" in m for m in messages)

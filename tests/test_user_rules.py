"""The check types editors use in YAML: existence, substitution, paired, conditional, capitalization,
heading-case, metric, mixed-variants; the shared pattern helpers; load errors; runaway regexes."""

from __future__ import annotations

import time

import pytest

from transqa.checks import Context, registry
from transqa.engine import run_rules
from transqa.errors import TransqaError
from transqa.examples import example_document
from transqa.model import Rule
from transqa.packs import load_pack, validate_options
from transqa.userpatterns import PatternTimeout, backtracking_safe, compile_tokens, sentences


def rule(check: str, message: str = "{match}", **options) -> Rule:
    merged = validate_options(registry()[check], options, f"rule T{check}")
    return Rule(code="TST001", name="test-rule", check=check, category="style", severity="minor",
                message=message, options=merged)


def findings(r: Rule, *pairs):
    doc = example_document({"segments": [list(p) for p in pairs]})
    return run_rules(doc, [r], Context())


def matches(r: Rule, *pairs):
    return [f.match for f in findings(r, *pairs)]


# --- literal tokens ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("In order to win", ["In order to"]),
    ("in  order\tto win", ["in  order\tto"]),          # any whitespace between words
    ("reorder to win", []),                               # whole words only
    ("in order tomorrow", []),
])
def test_tokens_are_whole_words_with_flexible_spaces(text, found):
    assert matches(rule("existence", tokens=["in order to"]), ("为了", text)) == found


def test_tokens_match_curly_and_straight_apostrophes():
    r = rule("existence", tokens=["China's economy"])
    assert matches(r, ("", "China’s economy grew"), ("", "China's economy grew")) == ["China’s economy",
                                                                                     "China's economy"]


def test_chinese_tokens_on_the_source_side_need_no_word_boundaries():
    r = rule("existence", side="source", tokens=["等等"])
    found = findings(r, ("苹果、梨等等。", "apples, pears"))
    assert [(f.side, f.match, f.start) for f in found] == [("source", "等等", 4)]


def test_longest_token_wins():
    assert matches(rule("existence", tokens=["per", "per cent"]), ("", "5 per cent")) == ["per cent"]


def test_ignorecase_false_is_exact():
    r = rule("existence", tokens=["IPR"], ignorecase=False)
    assert matches(r, ("", "IPR and ipr")) == ["IPR"]


def test_exceptions_shield_hits_inside_them():
    r = rule("existence", tokens=["Peking"], exceptions=["Peking University"])
    assert matches(r, ("", "Peking University is in Peking.")) == ["Peking"]
    assert [f.start for f in findings(r, ("", "Peking University is in Peking."))] == [24]


def test_prefilter_does_not_hide_matches_with_other_case_or_spacing():
    matcher = compile_tokens(("reform and opening-up",), True)
    text = "REFORM  AND OPENING-UP"
    assert [m.group() for m in matcher.finditer(text)] == [text]


# --- regex patterns, scopes ----------------------------------------------------------------------

def test_sentence_scope_applies_anchors_per_sentence():
    r = rule("existence", patterns=[r"^However\b"], scope="sentence", ignorecase=False)
    found = findings(r, ("", "It rose. However, it fell. Mr. However said so."))
    assert [(f.match, f.start) for f in found] == [("However", 9)]


def test_heading_scope_looks_only_at_headings():
    r = rule("existence", tokens=["notice"], scope="heading")
    assert matches(r, ("关于专利的通知", "Notice on patents"), ("请注意。", "Please take notice.")) == ["Notice"]


def test_sentences_keep_abbreviations_and_split_chinese():
    text = "Mr. Li met U.S. officials. It went well! 他说。好的"
    spans = [text[a:b] for a, b in sentences(text)]
    assert spans == ["Mr. Li met U.S. officials.", "It went well!", "他说。", "好的"]


# --- substitution --------------------------------------------------------------------------------

def test_substitution_suggests_in_the_case_of_the_match():
    r = rule("substitution", "Use {preferred}", swap={"per cent": "percent", "e-mail": "email"})
    found = findings(r, ("", "Per cent, PER CENT, per cent and E-mail"))
    assert [(f.match, f.suggestion) for f in found] == [
        ("Per cent", "Percent"), ("PER CENT", "PERCENT"), ("per cent", "percent"), ("E-mail", "Email")]
    assert found[0].message == "Use Percent"


def test_substitution_skips_matches_already_in_the_preferred_form():
    r = rule("substitution", swap={"Web site": "website", "WeChat": "WeChat"}, ignorecase=True)
    assert matches(r, ("", "a website and WeChat")) == []


def test_substitution_regex_keys_expand_groups():
    r = rule("substitution", swap={r"(\d+) per cent": r"\1%"}, regex=True)
    assert [f.suggestion for f in findings(r, ("", "rose 5 per cent and 7 per cent"))] == ["5%", "7%"]


def test_substitution_case_sensitive_keys_are_distinct():
    r = rule("substitution", swap={"VNIC": "vNIC"}, ignorecase=False)
    assert [(f.match, f.suggestion) for f in findings(r, ("", "VNIC vnic"))] == [("VNIC", "vNIC")]


# --- paired --------------------------------------------------------------------------------------

def test_paired_back_reference_requires_the_same_number():
    r = rule("paired", "{source_match}: {group1} missing", source_pattern=r"(\d+)年",
             target_pattern=r"\b\1\b")
    found = findings(r, ("2019年和2020年", "in 2019 and 202"), ("2019年", "in 2019"))
    assert [(f.segment, f.side, f.match, f.message) for f in found] == [(1, "source", "2020年", "2020年: 2020 missing")]


def test_paired_back_reference_is_inserted_literally():
    r = rule("paired", source_pattern=r"(\d+\.\d+)亿", target_pattern=r"\1")
    assert matches(r, ("1.5亿", "1x5 billion")) == ["1.5亿"]        # the dot is not a wildcard
    assert matches(r, ("1.5亿", "150 million or 1.5 hundred million")) == []


def test_paired_absent_reports_each_forbidden_target_match():
    r = rule("paired", "{target_match} for {source_match}", source_tokens=["专利"],
             target_tokens=["copyright", "copyrights"], expect="absent")
    found = findings(r, ("专利保护", "copyright protection and copyrights"), ("版权", "copyright"))
    assert [(f.segment, f.side, f.match) for f in found] == [(1, "target", "copyright"), (1, "target", "copyrights")]
    assert found[0].message == "copyright for 专利"


def test_paired_named_groups():
    r = rule("paired", source_pattern=r"第(?P<n>\d+)届", target_pattern=r"\b\g<n>(?:st|nd|rd|th)\b")
    assert matches(r, ("第4届", "the 4th"), ("第4届", "the 14th")) == ["第4届"]


@pytest.mark.parametrize("options, error", [
    ({"source_pattern": r"(\d+)年", "target_pattern": r"\2"}, "group '2'"),
    ({"source_pattern": r"(\d+)年", "target_pattern": r"\g<n>"}, "group 'n'"),
    ({"source_pattern": r"年", "source_tokens": ["年"], "target_pattern": "x"}, "exactly one of 'source_tokens'"),
    ({"source_pattern": r"年"}, "exactly one of 'target_tokens'"),
    ({"source_pattern": r"年", "target_pattern": "(x", }, "invalid regular expression"),
    ({"source_pattern": r"年", "target_pattern": "x", "expect": "maybe"}, "'expect' must be one of"),
])
def test_paired_options_are_validated_at_load(options, error):
    with pytest.raises(TransqaError, match=error.replace("(", r"\(")):
        rule("paired", **options)


# --- conditional (document scope) ----------------------------------------------------------------

ACRONYM = dict(term=r"\b([A-Z]{3,6})\b", defined_by=r"\(([A-Z]{3,6})\)")


def test_conditional_flags_first_use_before_definition_only():
    r = rule("conditional", "{key}", **ACRONYM)
    found = findings(r, ("", "WIPO met. WIPO again."), ("", "World Intellectual Property Organization (WIPO)"),
                     ("", "WIPO later."))
    assert [(f.segment, f.start, f.message) for f in found] == [(1, 0, "WIPO")]


def test_conditional_definition_in_the_same_segment_counts():
    r = rule("conditional", **ACRONYM)
    assert findings(r, ("", "The World Intellectual Property Organization (WIPO) and WIPO staff")) == []


def test_conditional_exceptions_and_keyless_phrases():
    r = rule("conditional", exceptions=["GDP"], **ACRONYM)
    assert findings(r, ("", "GDP grew.")) == []
    plain = rule("conditional", term=r"\bthe Office\b",
                 defined_by=r"China National Intellectual Property Administration")
    assert matches(plain, ("", "the Office said"), ("", "China National Intellectual Property Administration")) == ["the Office"]
    assert matches(plain, ("", "China National Intellectual Property Administration"), ("", "the Office said")) == []


# --- capitalization and heading case -------------------------------------------------------------

def test_capitalization_enforces_the_written_form():
    brands = rule("capitalization", "{expected}", words=["WeChat"])
    assert [(f.match, f.suggestion) for f in findings(brands, ("", "on Wechat and wechat, not WeChat"))] == [
        ("Wechat", "WeChat"), ("wechat", "WeChat")]
    lower = rule("capitalization", words=["internet"])
    assert matches(lower, ("", "Internet use grew. We use the Internet daily.")) == ["Internet"]


def test_capitalization_skips_names_titles_and_capitals():
    r = rule("capitalization", words=["intellectual property", "economy"], skip_in_names=True)
    assert matches(r, ("", "the protection of Intellectual Property rights")) == ["Intellectual Property"]
    assert matches(r, ("", "the China National Intellectual Property Administration")) == []
    assert matches(r, ("", "the Ministry of Economy said")) == []           # across 'of'
    assert matches(r, ("", "Shanghai Steps Up Intellectual Property Protection")) == []   # title case
    assert matches(r, ("", "THE ECONOMY GREW")) == []


@pytest.mark.parametrize("style, target, expected", [
    ("title", "Opinions on strengthening the protection of patents", "Opinions on Strengthening the Protection of Patents"),
    ("title", "A guide to the WIPO treaties", "A Guide to the WIPO Treaties"),
    ("sentence", "Opinions On Strengthening Patent Protection in China", "Opinions on strengthening patent protection in China"),
])
def test_heading_case_rewrites_the_heading(style, target, expected):
    r = rule("heading-case", "{expected}", style=style, exceptions=["China"])
    found = findings(r, ("关于加强专利保护的意见", target))
    assert [f.suggestion for f in found] == [expected]
    assert found[0].start == 0 and found[0].end == len(target)


def test_heading_case_leaves_good_headings_and_sentences_alone():
    title = rule("heading-case", style="title")
    assert findings(title, ("关于加强专利保护的意见", "Opinions on Strengthening the Protection of Patents")) == []
    assert findings(title, ("会议讨论了专利保护。", "The meeting discussed the protection of patents.")) == []
    sentence = rule("heading-case", style="sentence", exceptions=["Beijing"])
    assert findings(sentence, ("北京的新规定", "New rules for Beijing")) == []


# --- metric --------------------------------------------------------------------------------------

def test_metric_words_per_sentence():
    r = rule("metric", "{count} > {limit} {unit}", max=5)
    found = findings(r, ("", "One two three four five six. Short one."))
    assert [(f.match, f.message) for f in found] == [("One two three four five six.", "6 > 5 words")]


@pytest.mark.parametrize("options, text, fires", [
    ({"count": "characters", "max": 10, "scope": "text"}, "0123456789", False),
    ({"count": "characters", "max": 10, "scope": "text"}, "0123456789X", True),
    ({"count": "commas", "max": 2, "scope": "text"}, "a, b, c", False),
    ({"count": "commas", "max": 2, "scope": "text"}, "a, b, c, d", True),
    ({"count": "matches", "tokens": ["very"], "max": 1, "scope": "text"}, "very very good", True),
    ({"count": "words", "min": 2, "scope": "text"}, "Hello", True),
    ({"count": "characters", "max": 4, "side": "source", "scope": "text"}, "", True),
])
def test_metric_counts(options, text, fires):
    source = "这是五个字" if options.get("side") == "source" else "甲"
    assert bool(findings(rule("metric", **options), (source, text))) is fires


# --- mixed-variants ------------------------------------------------------------------------------

def test_mixed_variants_flags_the_minority_form():
    r = rule("mixed-variants", "{form} vs {majority} x{majority_count}",
             forms={"percent": ["percent"], "per cent": ["per cent"]})
    found = findings(r, ("", "5 percent"), ("", "6 percent"), ("", "7 per cent"))
    assert [(f.segment, f.match, f.message) for f in found] == [(3, "per cent", "per cent vs percent x2")]


def test_mixed_variants_tie_goes_to_the_first_used_and_single_form_is_fine():
    r = rule("mixed-variants", forms={"program": ["program"], "programme": ["programme"]})
    assert [(f.segment, f.match) for f in findings(r, ("", "the programme"), ("", "the program"))] == [(2, "program")]
    assert findings(r, ("", "the program"), ("", "a program")) == []


# --- loading packs -------------------------------------------------------------------------------

def test_invalid_regex_is_a_load_error_naming_file_line_and_rule(fixtures):
    path = fixtures / "user_rules" / "bad_regex.yaml"
    with pytest.raises(TransqaError) as exc:
        load_pack(path)
    assert str(exc.value).startswith(f"{path}:11: rule USR002: invalid regular expression 'in (order to'")


def test_back_reference_to_a_missing_group_is_a_load_error(fixtures):
    with pytest.raises(TransqaError, match=r"bad_backref.yaml:3: rule USR003: .*group '2'"):
        load_pack(fixtures / "user_rules" / "bad_backref.yaml")


@pytest.mark.parametrize("check, options, error", [
    ("existence", {}, "at least one entry in 'tokens' or 'patterns'"),
    ("existence", {"tokens": ["x"], "scope": "paragraph"}, "'scope' must be one of text, sentence, heading"),
    ("existence", {"tokens": ["x"], "side": "both"}, "'side' must be one of source, target"),
    ("existence", {"tokens": [""]}, "'tokens' must be a list of non-empty strings"),
    ("existence", {"tokens": ["x"], "regex": True}, "unknown option 'regex'"),
    ("substitution", {}, "non-empty 'swap' map"),
    ("substitution", {"swap": {"a": 1}}, "maps strings to strings"),
    ("substitution", {"swap": {"(a": "b"}, "regex": True}, "invalid regular expression"),
    ("conditional", {"term": "x"}, "non-empty 'defined_by'"),
    ("capitalization", {}, "non-empty 'words'"),
    ("heading-case", {"style": "upper"}, "'style' must be one of title, sentence"),
    ("metric", {}, "needs 'max' and/or 'min'"),
    ("metric", {"count": "matches", "max": 1}, "needs 'tokens' or 'patterns'"),
    ("mixed-variants", {"forms": {"a": ["a"]}}, "at least two entries"),
    ("mixed-variants", {"forms": {"a": ["a"], "b": "(b"}}, "invalid regular expression"),
])
def test_options_are_validated(check, options, error):
    with pytest.raises(TransqaError, match=error.replace("(", r"\(")):
        rule(check, **options)


def test_placeholders_not_provided_by_the_check_are_load_errors(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("pack: p\nrules:\n  - code: USR010\n    name: x-y\n    check: existence\n"
                    "    category: style\n    severity: minor\n    message: '{preferred}'\n    tokens: [x]\n",
                    encoding="utf-8")
    with pytest.raises(TransqaError, match=r"placeholder \{preferred\} is not provided"):
        load_pack(pack)


# --- runaway regular expressions -----------------------------------------------------------------

@pytest.mark.parametrize("pattern, safe", [
    (r"(a+)+$", False), (r"(a|aa)+$", False), (r"(\w+)\s\1", False), (r"(?P<x>a)(?P=x)", False),
    (r"\s+\s+\s+\s+x", False), (r"(?:ab){2,5}", False),
    (r"\b\d+(?:[.,]\d+)?\s+ten thousand\b", True), (r"[a-z]+ly\b", True), (r"(?:ab)?c", True),
    (r"[\]a]+(x)", True),
])
def test_backtracking_safety_classification(pattern, safe):
    assert backtracking_safe(pattern) is safe


def test_catastrophic_pattern_stops_with_a_clear_error_in_bounded_time():
    r = rule("existence", patterns=[r"(a+)+$"])
    started = time.monotonic()
    with pytest.raises(PatternTimeout) as exc:
        findings(r, ("甲", "a" * 20000 + "b"))
    assert time.monotonic() - started < 5
    assert "'(a+)+$'" in str(exc.value) and "segment 1" in str(exc.value)


def test_catastrophic_pattern_through_the_cli_exits_2_naming_the_pattern(fixtures, run_cli, tmp_path):
    folder = fixtures / "user_rules"
    started = time.monotonic()
    code, out, err = run_cli("check", str(folder / "pathological.zh.txt"), str(folder / "pathological.en.txt"),
                             "--pack", str(folder / "catastrophic.yaml"), "--select", "USR004", cwd=tmp_path)
    assert time.monotonic() - started < 10
    assert code == 2
    assert "rule USR004: pattern '(a+)+$' took longer than" in err and "simplify it" in err


def test_safe_patterns_on_long_text_still_finish(tmp_path):
    r = rule("existence", patterns=[r"\bten thousand\b"])
    text = "word " * 40000 + "ten thousand"
    assert matches(r, ("", text)) == ["ten thousand"]


def test_capitalization_allows_capitals_at_the_start_of_a_quotation():
    r = rule("capitalization", words=["innovation"])
    assert matches(r, ("", 'themes "Innovation in IP" and “Innovation first”')) == []
    assert matches(r, ("", "themes of Innovation in IP")) == ["Innovation"]


def test_dollar_group_references_as_vale_and_verifika_write_them():
    paired = rule("paired", source_pattern=r"第(\d+)届", target_pattern=r"\b$1(?:st|nd|rd|th)\b")
    assert matches(paired, ("第4届", "the 4th"), ("第4届", "the 14th")) == ["第4届"]
    price = rule("paired", source_pattern=r"(\d+)美元", target_pattern=r"\$$1\b")
    assert matches(price, ("5美元", "costs $5"), ("5美元", "costs 5 dollars")) == ["5美元"]
    swap = rule("substitution", swap={r"(\d+) per cent": "$1%"}, regex=True)
    assert [f.suggestion for f in findings(swap, ("", "5 per cent"))] == ["5%"]


def test_existence_groups_are_placeholders():
    r = rule("existence", "{group1} then {group2}", patterns=[r"(\w+) (\w+) etc"])
    assert [f.message for f in findings(r, ("", "apples pears etc"))] == ["apples then pears"]


def test_heading_case_leaves_numbers_compounds_and_capitals_alone():
    title = rule("heading-case", "{expected}", style="title")
    found = findings(title, ("第69届国际宇航大会", "The 69th congress on cross-border data in the EU"))
    assert [f.suggestion for f in found] == ["The 69th Congress on Cross-border Data in the EU"]
    assert findings(title, ("法国将举办比赛", "CSIRO to FAST")) == []   # 'to' is not the last word


def test_questions_dialogue_and_fragments_are_not_headings():
    title = rule("heading-case", style="title")
    assert findings(title, ("你的评论是什么？", "What is your comment?")) == []
    assert findings(title, ("他说：“好。”", 'He said: "We will continue. "')) == []
    assert findings(title, ("他曾就读于", "From 1987 to 1991 he studied at the University of")) == []

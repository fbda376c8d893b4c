"""Document-scope terminology checks: term-inconsistent, segment-inconsistency, name-variants, acronyms."""

from pathlib import Path

import pytest

from transqa.checks import Context
from transqa.checks.names import definitions, extract_names
from transqa.engine import collect_records, finish_records, run_rules
from transqa.glossary import load_glossary
from transqa.model import Document, Segment
from transqa.packs import load_pack

ROOT = Path(__file__).resolve().parents[1]
RULES = {r.code: r for r in load_pack(ROOT / "rules" / "terminology.yaml")}
USER = (load_glossary(ROOT / "fixtures" / "terminology" / "user-terms.yaml"),)


def run(code, pairs, glossaries=()):
    segments = tuple(Segment(i, s, t) for i, (s, t) in enumerate(pairs, 1))
    return run_rules(Document(segments), [RULES[code]], Context(glossaries=tuple(glossaries)))


def spans(findings):
    return [(f.segment, f.match) for f in findings]


# --- term-inconsistent ------------------------------------------------------------------------------

def test_consistent_glossary_entry_reports_the_minority_rendering():
    pairs = [("专利代理师出席。", "Patent attorneys attended."),
             ("专利代理师发言。", "A patent agent spoke."),
             ("专利代理师提问。", "A patent attorney asked.")]
    findings = run("TERM004", pairs, USER)
    assert spans(findings) == [(2, "patent agent")]
    assert findings[0].suggestion == "patent attorney"


def test_consistent_entry_tie_keeps_the_first_rendering():
    pairs = [("专利代理师出席。", "A patent agent attended."), ("专利代理师发言。", "A patent attorney spoke.")]
    assert spans(run("TERM004", pairs, USER)) == [(2, "patent attorney")]


def test_all_entries_option_ignores_acronym_alternation():
    rule = RULES["TERM004"]
    rule = type(rule)(**{**rule.__dict__, "options": {**rule.options, "all_entries": True}})
    g = (load_glossary(ROOT / "fixtures" / "terminology" / "seed-terms.yaml"),)
    pairs = [("市委书记出席。", "The Party Secretary attended."),
             ("市委书记发言。", "The Secretary of the CPC Shanghai Municipal Committee spoke."),
             ("市委书记离开。", "The Party Secretary left."),
             ("世界知识产权组织", "the World Intellectual Property Organization"), ("世界知识产权组织", "WIPO")]
    segments = tuple(Segment(i, s, t) for i, (s, t) in enumerate(pairs, 1))
    found = run_rules(Document(segments), [rule], Context(glossaries=g))
    assert spans(found) == [(2, "Secretary of the CPC Shanghai Municipal Committee")]
    assert run_rules(Document(segments), [RULES["TERM004"]], Context(glossaries=g)) == []


def test_entries_without_consistent_flag_may_vary():
    pairs = [("根据专利合作条约提交。", "Filed under the PCT."),
             ("根据专利合作条约提交。", "Filed under the Patent Cooperation Treaty.")]
    assert run("TERM004", pairs, USER) == []


@pytest.mark.parametrize("pairs, expected", [
    ([("“五个中心”", '"Five Centers"'), ("“五个中心”", '"Five Hubs"'), ("“五个中心”", '"five centres"')], 2),
    ([("“五个中心”", '"Five Centers"'), ("“五个中心”", '"the five centers."')], 0),   # case, article? no: "the"
    ([("“黑车”", '"unlicensed car"'), ("“黑车”", '"unlicensed cars"')], 0),           # inflection
    ([("“一带一路”和“双11”", '"Singles Day" and "Belt and Road"'), ("“一带一路”", '"Belt and Road"')], 0),
    ([("“五个中心”", 'the "Five Centers'), ("“五个中心”", '"Five Hubs"')], 0),        # unbalanced quotes
])
def test_learned_quote_renderings(pairs, expected):
    assert len(run("TERM004", pairs)) == expected


def test_learned_quotes_can_be_switched_off():
    rule = RULES["TERM004"]
    rule = type(rule)(**{**rule.__dict__, "options": {**rule.options, "learn_quotes": False}})
    pairs = [("“五个中心”", '"Five Centers"'), ("“五个中心”", '"Five Hubs"'), ("“五个中心”", '"Five Hubs 2"')]
    segments = tuple(Segment(i, s, t) for i, (s, t) in enumerate(pairs, 1))
    assert run_rules(Document(segments), [rule], Context()) == []


# --- segment-inconsistency --------------------------------------------------------------------------

def test_identical_sources_different_targets():
    pairs = [("上海将加强知识产权保护。", "Shanghai will step up IP protection."),
             ("另一句。", "Another sentence."),
             ("上海将加强知识产权保护。", "Shanghai will step up IP protection."),
             ("上海将加强知识产权保护。 ", "Shanghai will strengthen IP protection.")]
    findings = run("CONS001", pairs)
    assert spans(findings) == [(4, "Shanghai will strengthen IP protection.")]
    assert "segment 1" in findings[0].message or "1" in findings[0].message


@pytest.mark.parametrize("pairs", [
    [("2022", "2022"), ("2022", "2,022")],                         # no letters: skipped
    [("是", "Yes"), ("是", "Yes.")],                                # shorter than min_chars
    [("上海将加强保护。", "Shanghai will step up protection."),
     ("上海将加强保护。", "Shanghai  will step up protection. ")],  # whitespace only
    [("上海将加强保护。", "Shanghai will step up protection."), ("上海将加强保护。", "")],  # empty: ACC001's job
])
def test_segment_inconsistency_look_alikes(pairs):
    assert run("CONS001", pairs) == []


# --- name-variants ----------------------------------------------------------------------------------

def test_extract_names_trims_sentence_words_and_keeps_connectors_inside():
    names = [" ".join(n[2]) for n in extract_names(
        "The Shanghai International Intellectual Property Forum was hosted by the WIPO Office in China.")]
    assert names == ["Shanghai International Intellectual Property Forum", "WIPO Office in China"]


@pytest.mark.parametrize("a, b", [
    ("the Shanghai Int'l Trade Center", "the Shanghai International Trade Center"),
    ("the Publicity Dept. of Shanghai", "the Publicity Department of Shanghai"),
    ("Huawei Technologies Co. Ltd", "Huawei Technologies Company Limited"),
    ("the Shanghai IP Protection Centre", "the Shanghai IP Protection Center"),
    ("the Beijing IP Court", "the Beijing Intellectual Property Court"),
])
def test_name_variants_fire(a, b):
    pairs = [("甲", f"{b} opened."), ("乙", f"Later {a} closed."), ("丙", f"{b} reopened.")]
    findings = run("CONS002", pairs)
    assert [f.segment for f in findings] == [2]


def test_name_variants_leaves_defined_organisation_acronyms_alone():
    pairs = [("甲", "The Director General of the World Health Organization (WHO) spoke."),
             ("乙", "The Director-General of the WHO spoke again."),
             ("丙", "The Director General of the World Health Organization left.")]
    assert run("CONS002", pairs) == []


@pytest.mark.parametrize("pairs", [
    [("甲", "The World Intellectual Property Organization (WIPO) said."), ("乙", "WIPO said.")],
    [("甲", "The Shanghai Government said."), ("乙", "The Shanghai Municipal People's Government said.")],
    [("甲", "Shanghai IP Protection Center opened."), ("乙", "Intellectual property protection matters.")],
    [("甲", "CPC Central Committee's decision"), ("乙", "the CPC Central Committee and the State Council")],
    [("甲", "The IP Office opened."), ("乙", "The Intellectual Property Office opened.")],  # nothing shared as written but the generic word
])
def test_name_variants_look_alikes(pairs):
    findings = run("CONS002", pairs)
    assert findings == [] or all(f.match != "IP Office" for f in findings)


# --- acronyms ---------------------------------------------------------------------------------------

def test_definitions_need_matching_initials():
    text = ("CNIPA (China National Intellectual Property Administration) and the World Intellectual "
            "Property Organization (WIPO), WIPO (Geneva), Small and Medium-sized Enterprises (SMEs)")
    found = {(d[0], d[1]) for d in definitions(text)}
    assert found == {("CNIPA", "before"), ("WIPO", "after"), ("SME", "after")}


def test_acronym_definition_order():
    findings = run("TERM005", [("甲", "CNIPA (China National Intellectual Property Administration) said")])
    assert findings[0].suggestion == "China National Intellectual Property Administration (CNIPA)"
    assert run("TERM005", [("甲", "WIPO (Geneva) said")]) == []


def test_acronym_before_definition_reports_first_early_use_only():
    pairs = [("甲", "The STC opened. The STC grew."), ("乙", "STC again."),
             ("丙", "The Shanghai Trade Center (STC) is new.")]
    assert spans(run("TERM006", pairs)) == [(1, "STC")]


@pytest.mark.parametrize("pairs", [
    [("甲", "The Shanghai Trade Center (STC) is new."), ("乙", "The STC opened.")],
    [("甲", "The STC opened.")],                                                  # never defined
    [("甲", "GDP grew."), ("乙", "Gross Domestic Product (GDP) grew.")],           # known acronym
])
def test_acronym_before_definition_look_alikes(pairs):
    assert run("TERM006", pairs) == []


# --- map/merge: chunked collection gives the same hits -----------------------------------------------

@pytest.mark.parametrize("code", ["TERM004", "TERM006", "CONS001", "CONS002"])
def test_chunked_collect_matches_whole_document(code):
    pairs = [("“五个中心”", '"Five Centers"'), ("甲", "The STC opened."),
             ("上海将加强保护。", "Shanghai will step up protection."),
             ("乙", "The Shanghai IP Court opened."), ("“五个中心”", '"Five Hubs"'),
             ("丙", "The Shanghai Trade Center (STC) is new."), ("上海将加强保护。", "Shanghai will protect."),
             ("丁", "The Shanghai Intellectual Property Court closed."), ("“五个中心”", '"Five Centers"'),
             ("戊", "The Shanghai Intellectual Property Court reopened.")]
    segments = tuple(Segment(i, s, t) for i, (s, t) in enumerate(pairs, 1))
    rule, context = RULES[code], Context()
    whole = list(finish_records(rule, collect_records(rule, segments, context), context, segments))
    records = collect_records(rule, segments[:4], context) + collect_records(rule, segments[4:], context, offset=4)
    assert list(finish_records(rule, records, context, segments)) == whole
    assert whole, f"{code} found nothing in the chunking document"

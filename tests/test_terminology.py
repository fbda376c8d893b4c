"""Glossary matching (transqa.terms) and the segment-scope glossary checks (term-missing, term-forbidden)."""

from pathlib import Path

import pytest

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.glossary import Glossary, Term, effective_terms, load_glossaries, load_glossary
from transqa.model import Document, Segment
from transqa.packs import default_glossary_paths, load_pack
from transqa.pipeline import RunOptions, check, prepare
from transqa.readers import read_document
from transqa.terms import TermIndex, find_rendering, fold, to_simplified

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures" / "terminology"
RULES = {r.code: r for r in load_pack(ROOT / "rules" / "terminology.yaml")}


def glossary(*terms: Term, name: str = "test") -> Glossary:
    return Glossary(name=name, path=f"/tmp/{name}.yaml", terms=terms)


def term(source, target, forbidden=(), kind="term", **kw) -> Term:
    as_tuple = lambda v: (v,) if isinstance(v, str) else tuple(v)  # noqa: E731
    return Term(source=as_tuple(source), target=as_tuple(target), forbidden=as_tuple(forbidden), kind=kind, **kw)


def run(code, pairs, glossaries):
    segments = tuple(Segment(i, s, t) for i, (s, t) in enumerate(pairs, 1))
    return run_rules(Document(segments), [RULES[code]], Context(glossaries=tuple(glossaries)))


# --- matching ---------------------------------------------------------------------------------------

def test_longest_source_match_wins():
    index = TermIndex([glossary(term("知识产权", "IP"), term("国家知识产权局", "CNIPA"),
                                term("国家知识产权局局长", "Commissioner of CNIPA"))])
    text = "国家知识产权局局长说，国家知识产权局重视知识产权。"
    assert [(h.start, h.end, h.pattern) for h in index.source_hits(text)] == [
        (0, 9, "国家知识产权局局长"), (11, 18, "国家知识产权局"), (20, 24, "知识产权")]


def test_traditional_source_matches_simplified_glossary_with_original_offsets():
    index = TermIndex([glossary(term("国家知识产权局", "CNIPA"))])
    text = "據國家知識產權局表示"
    (hit,) = index.source_hits(text)
    assert (hit.start, hit.end) == (1, 8)
    assert text[hit.start:hit.end] == "國家知識產權局"


def test_t2s_keeps_length():
    for text in ["國家知識產權局局長", "臺灣的軟體與滑鼠", "乾隆皇帝乾燥", "裏面 髮型"]:
        assert len(to_simplified(text)) == len(text)


def test_fold_keeps_length_even_for_odd_lowercase():
    text = "İstanbul Co\u2013operation ＷＩＰＯ"
    assert len(fold(text)) == len(text)
    assert fold("ＷＩＰＯ") == "wipo"


def test_latin_source_terms_respect_word_boundaries_and_acronym_case():
    index = TermIndex([glossary(term("WIPO", "WIPO"), term("IP", "IP"))])
    assert [h.pattern for h in index.source_hits("WIPO 和 IP 以及 wipo、ZIP、IPO")] == ["WIPO", "IP"]


@pytest.mark.parametrize("target, rendering, expected", [
    ("Two patents were granted.", "patent", [(4, 11)]),
    ("The patent's owner", "patent", [(4, 10)]),
    ("Both policies apply.", "policy", [(5, 13)]),
    ("CNIPA's report", "CNIPA", [(0, 5)]),
    ("the cnipa report", "CNIPA", []),
    ("patentable subject matter", "patent", []),
    ("a Patent Cooperation Treaty filing", "patent cooperation treaty", [(2, 27)]),
    ("the Director-General said", "Director General", [(4, 20)]),
    ("the Director\u00a0General said", "Director General", [(4, 20)]),
    ("the Shanghai's IP Center’s head", "IP Center", [(15, 24)]),
    ("Centers' heads", "Center", [(0, 8)]),
    ("small-and- medium enterprises", "small and medium enterprise", [(0, 29)]),
    ("the Patent\nCooperation  Treaty", "Patent Cooperation Treaty", [(4, 30)]),
    ("the WIPO  office", "WIPO Office", [(4, 16)]),
    ("the wipo  office", "WIPO Office", []),
    ("American officials said", "America", [(0, 8)]),
    ("two Americans", "America", [(4, 13)]),
    ("Chinese markets", "China", [(0, 7)]),
    ("Americana", "America", []),
    ("the U.S. said", "US", [(4, 8)]),
    ("the US said", "U.S.", [(4, 6)]),
    ("tell us more", "US", []),
    ("the u.s. said", "US", []),
    ("the U.S.A. said", "US", []),
])
def test_find_rendering(target, rendering, expected):
    assert find_rendering(target, fold(target), rendering) == expected


def test_user_entry_overrides_shipped_entry_for_the_same_source():
    shipped = glossary(term("国家知识产权局", ["China National Intellectual Property Administration", "CNIPA"]),
                       term("专利", "patent"), name="shipped")
    user = load_glossary(FIX / "user-terms.yaml")
    terms = effective_terms([shipped, user])
    cnipa = [t for t in terms if "国家知识产权局" in t.source]
    assert len(cnipa) == 1 and cnipa[0].target == ("CNIPA",) and cnipa[0].glossary == "user-terms"
    findings = run("TERM002", [("国家知识产权局发布年报。", "China National Intellectual Property Administration released it.")],
                   [shipped, user])
    assert [f.match for f in findings] == ["国家知识产权局"]


def test_consistent_flag_is_loaded_and_validated(tmp_path):
    g = load_glossary(FIX / "user-terms.yaml")
    assert [t.consistent for t in g.terms if t.source == ("专利代理师",)] == [True]
    bad = tmp_path / "bad.yaml"
    bad.write_text("terms:\n  - source: 专利\n    target: patent\n    consistent: yes please\n", encoding="utf-8")
    from transqa.errors import TransqaError
    with pytest.raises(TransqaError, match="consistent"):
        load_glossary(bad)


def test_json_glossary_loads_like_yaml(tmp_path):
    path = tmp_path / "g.json"
    path.write_text('{"glossary": "j", "terms": [{"source": "专利", "target": ["patent"], "kind": "term"}]}',
                    encoding="utf-8")
    g = load_glossary(path)
    assert g.name == "j" and g.terms[0].target == ("patent",)
    path.write_text('{"terms": [{"source": "专利", "target": ["patent"], "kind": "term"},]}', encoding="utf-8")
    from transqa.errors import TransqaError
    with pytest.raises(TransqaError, match="invalid JSON"):
        load_glossary(path)


# --- term-missing / term-forbidden ------------------------------------------------------------------

USER = [load_glossary(FIX / "user-terms.yaml")]


@pytest.mark.parametrize("source, target, fires", [
    ("发明专利申请量增长。", "Applications for invention patents grew.", []),
    ("发明专利申请量增长。", "Applications for patents grew.", ["发明专利"]),
    ("专利申请量增长。", "Patent filings grew.", []),
    ("专利申请量增长。", "Filings grew.", ["专利"]),
    ("专利申请量增长。", "", []),
    ("根据专利合作条约提交。", "Filed under the PCT.", []),
    ("根据专利合作条约提交。", "Filed under the pct.", ["专利合作条约"]),
    ("這項專利政策", "This patent policy", []),
    ("這項專利政策", "This policy", ["專利"]),
])
def test_term_missing(source, target, fires):
    assert [f.match for f in run("TERM002", [(source, target)], USER)] == fires


def test_term_missing_not_reported_when_forbidden_rendering_is_there():
    findings = run("TERM002", [("国家知识产权局发布年报。", "SIPO released its report.")], USER)
    assert findings == []
    forbidden = run("TERM001", [("国家知识产权局发布年报。", "SIPO released its report.")], USER)
    assert [(f.match, f.suggestion, f.side) for f in forbidden] == [("SIPO", "CNIPA", "target")]


def test_compound_term_accepted_when_parts_are_rendered():
    g = [glossary(term("国家知识产权局", ["China National Intellectual Property Administration", "CNIPA"]),
                  term("局长", "Commissioner", kind="title"),
                  term("国家知识产权局局长", ["Commissioner of CNIPA", "CNIPA Commissioner"], kind="title"))]
    ok = "CNIPA (China National Intellectual Property Administration) Commissioner Shen Changyu"
    assert run("TERM002", [("国家知识产权局局长申长雨", ok)], g) == []
    bad = run("TERM002", [("国家知识产权局局长申长雨", "CNIPA head Shen Changyu")], g)
    assert [f.match for f in bad] == ["国家知识产权局局长"]


def test_forbidden_needs_the_source_term_and_ignores_approved_spans():
    g = [glossary(term("国家知识产权局", "CNIPA", forbidden=["SIPO"], kind="organization"),
                  term("原国家知识产权局", ["former SIPO", "SIPO"], kind="organization"))]
    assert run("TERM001", [("他曾在专利局工作。", "He once worked at SIPO.")], g) == []
    assert run("TERM001", [("原国家知识产权局发布", "The former SIPO released")], g) == []
    assert [f.match for f in run("TERM001", [("国家知识产权局发布", "SIPO released")], g)] == ["SIPO"]


def test_shipped_entries_are_split_by_kind_between_major_and_minor_rules():
    shipped = load_glossaries(default_glossary_paths())
    assert shipped, "the shipped glossaries are missing"
    # 长三角 is a shipped place: reference-term-missing (minor), not term-missing (major)
    pair = [("推进长三角一体化。", "Promote integration of the region.")]
    assert run("TERM002", pair, shipped) == []
    assert [f.severity for f in run("TERM003", pair, shipped)] == ["minor"]
    # the same entry in a user glossary is authoritative: term-missing (major)
    user = glossary(term("长三角", "Yangtze River Delta", kind="place"), name="client")
    assert [f.severity for f in run("TERM002", pair, [*shipped, user])] == ["major"]


# --- the seed pair ----------------------------------------------------------------------------------

SEED = ROOT / "fixtures"


@pytest.fixture(scope="module")
def seed_report():
    prepared = prepare(RunOptions(select=["TERM", "CONS"]))
    document = read_document([str(SEED / "cnipa-forum.zh.txt"), str(SEED / "cnipa-forum.en.txt")])
    return check(document, prepared)


def test_seed_pair_flags_exactly_the_reviewed_terminology_defects(seed_report):
    got = {(f.segment, f.code, f.match) for f in seed_report.findings}
    assert (6, "TERM001", "Chairman Xi Jinping") in got
    assert (8, "TERM001", "Yangtze Delta") in got
    assert (1, "CONS002", "Shanghai International IP Forum") in got
    major = [f for f in seed_report.findings if f.severity in ("major", "critical")]
    assert {(f.segment, f.match) for f in major} == {(6, "Chairman Xi Jinping"), (8, "Yangtze Delta")}


@pytest.mark.parametrize("word", ["CNIPA", "WIPO", "Commissioner", "Director General", "Deputy Commissioner",
                                  "Vice Mayor", "Party Secretary"])
def test_seed_pair_correct_renderings_not_flagged(seed_report, word):
    assert not [f for f in seed_report.findings if f.side == "target" and word in f.match and f.code != "TERM005"]
    assert not [f for f in seed_report.findings if f.code in ("TERM002", "TERM003")]


def test_traditional_chinese_seed_gives_the_same_findings(seed_report, tmp_path):
    import opencc

    hant = tmp_path / "seed.zh-hant.txt"
    hant.write_text(opencc.OpenCC("s2t").convert((SEED / "cnipa-forum.zh.txt").read_text(encoding="utf-8")),
                    encoding="utf-8")
    assert hant.read_text(encoding="utf-8") != (SEED / "cnipa-forum.zh.txt").read_text(encoding="utf-8")
    prepared = prepare(RunOptions(select=["TERM", "CONS"]))
    report = check(read_document([str(hant), str(SEED / "cnipa-forum.en.txt")]), prepared)
    got = [(f.segment, f.code, f.side, f.start, f.end) for f in report.findings]
    assert got == [(f.segment, f.code, f.side, f.start, f.end) for f in seed_report.findings]
    assert ("6", "TERM001") in {(str(f.segment), f.code) for f in report.findings}


def _with(code, **options):
    rule = RULES[code]
    return type(rule)(**{**rule.__dict__, "options": {**rule.options, **options}})


def test_forbidden_anywhere_when_require_source_is_off():
    g = [glossary(term("国家知识产权局", "CNIPA", forbidden=["SIPO", "State Intellectual Property Office"]))]
    segments = (Segment(1, "他曾在那里工作。", "He once worked at the State Intellectual Property Office (SIPO)."),)
    rule = _with("TERM001", require_source=False)
    found = run_rules(Document(segments), [rule], Context(glossaries=tuple(g)))
    assert [(f.match, f.suggestion) for f in found] == [("State Intellectual Property Office", "CNIPA"), ("SIPO", "CNIPA")]
    assert run_rules(Document(segments), [RULES["TERM001"]], Context(glossaries=tuple(g))) == []


def test_origin_option_splits_user_and_shipped_entries():
    shipped = load_glossaries(default_glossary_paths())
    user = glossary(term("专利代理师", "patent attorney", kind="title"), name="client")
    pairs = (Segment(1, "专利代理师和国家知识产权局", "agents and the office"),)
    ctx = Context(glossaries=tuple([*shipped, user]))
    only_user = run_rules(Document(pairs), [_with("TERM002", origin="user")], ctx)
    only_shipped = run_rules(Document(pairs), [_with("TERM002", origin="shipped")], ctx)
    assert [f.match for f in only_user] == ["专利代理师"]
    assert [f.match for f in only_shipped] == ["国家知识产权局"]


def test_bad_rule_options_are_config_errors():
    from transqa.checks import registry
    from transqa.errors import TransqaError
    from transqa.packs import validate_options

    with pytest.raises(TransqaError, match="shipped_kinds"):
        validate_options(registry()["term-missing"], {"shipped_kinds": ["gadget"]}, "rule TERM002")
    with pytest.raises(TransqaError, match="origin"):
        validate_options(registry()["term-missing"], {"origin": "client"}, "rule TERM002")


def test_big_glossary_without_aliases_is_no_yaml_bomb(tmp_path, monkeypatch):
    """The alias-expansion limit must not refuse a large glossary that simply has many nodes."""
    from transqa import yamlio
    from transqa.errors import TransqaError

    monkeypatch.setattr(yamlio, "MAX_YAML_NODES", 200)
    path = tmp_path / "big.yaml"
    path.write_text("terms:\n" + "".join(f"  - source: 术语{k}\n    target: [term {k}, t{k}]\n    note: n\n"
                                        for k in range(100)), encoding="utf-8")
    assert len(load_glossary(path).terms) == 100
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nterms: []\n", encoding="utf-8")
    with pytest.raises(TransqaError, match="aliases expand"):
        load_glossary(bomb)


@pytest.mark.parametrize("source, target, fires", [
    ("美国疾控中心表示", "The CDC said", []),
    ("美国康奈尔大学的研究", "A Cornell University study", []),
    ("美国北达科他州的农民", "Farmers in North Dakota", []),
    ("美国当地时间周五", "On Friday local time", []),
    ("美国官员表示", "Officials said", ["美国"]),
    ("美国和中国的贸易", "trade with China", ["美国"]),
    ("美国公司表示", "The company said", ["美国"]),                       # a plain noun, not a name
    ("美国空军始终有一部分战机", "The air force always kept some planes", ["美国"]),  # 一部分 is no 部
    ("美国中央司令部与美国队", "CENTCOM and the team", ["美国"]),          # the second 美国 must be rendered
    ("美国中央司令部表示", "The Untied States Central Command said", ["美国"]),  # misspelt, not dropped
    ("美国疾控中心表示", "The Americas CDC said", []),                    # not near enough to a rendering
])
def test_term_that_heads_a_longer_name_may_be_dropped(source, target, fires):
    g = [glossary(term("美国", ["United States", "US", "America"]), term("中国", "China"))]
    assert [f.match for f in run("TERM002", [(source, target)], g)] == fires


def test_name_head_skip_stops_at_conjunctions_and_particles():
    g = [glossary(term("美国", ["United States", "US"]), term("国务院", "State Council"))]
    assert [f.match for f in run("TERM002", [("美国和中国国务院", "China's State Council")], g)] == ["美国"]
    assert [f.match for f in run("TERM002", [("美国的公司", "the companies")], g)] == ["美国"]


def test_index_compiled_once_for_the_same_glossaries_across_documents():
    from transqa.terms import term_index

    g = (glossary(term("专利", "patent")),)
    first, second = Context(glossaries=g), Context(glossaries=g)
    assert term_index(first) is term_index(second)
    other = Context(glossaries=(glossary(term("专利", "patent")),))
    assert term_index(other) is not term_index(first)


def test_astral_characters_keep_offsets_in_code_points():
    index = TermIndex([glossary(term("吉野家", "Yoshinoya"), term("𠮷野家", "Yoshinoya (𠮷)"))])
    text = "😀在𠮷野家和吉野家"
    hits = [(h.start, h.end, text[h.start:h.end]) for h in index.source_hits(text)]
    assert hits == [(2, 5, "𠮷野家"), (6, 9, "吉野家")]


@pytest.mark.parametrize("source, target, fires", [
    ("美国和美国", "the U.S. and the Untied States", ["Untied States"]),   # one rendering right, one misspelt
    ("特朗普总统", "President Trumpf", ["Trumpf"]),
    ("上海", "Shanghi", ["Shanghi"]),
    ("美国", "the United Nations and the United States", []),
    ("美国", "American and Americans", []),                               # adjective and plural accepted
    ("上海", "Shanghai's port", []),
])
def test_term_misspelled(source, target, fires):
    g = [glossary(term("美国", ["United States", "US", "U.S.", "America"]), term("特朗普", "Trump"),
                  term("上海", "Shanghai"))]
    assert [f.match for f in run("TERM007", [(source, target)], g)] == fires

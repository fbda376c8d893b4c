"""The shipped glossaries (rules/glossaries/*.yaml): well-formed, referenced, not self-contradictory,
and right on the seed pair (shared/seed/cnipa-forum.*, see its REVIEW.md).

Seed lines used below are copied into SEED as (source, target) pairs: the CNIPA article's English is
published by CNIPA, its Chinese stand-in was written for this project.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from transqa.glossary import KINDS, load_glossary
from transqa.terms import TermIndex, find_rendering, fold, leftmost_longest

GLOSSARY_DIR = Path(__file__).resolve().parents[1] / "rules" / "glossaries"
MINIMUM = {"cnipa": 150, "wipo": 60, "official-titles": 120}


@pytest.fixture(scope="module")
def glossaries():
    return {name: load_glossary(GLOSSARY_DIR / f"{name}.yaml") for name in MINIMUM}


@pytest.fixture(scope="module")
def index(glossaries):
    return TermIndex(list(glossaries.values()))


def _raw_entries(name):
    return yaml.safe_load((GLOSSARY_DIR / f"{name}.yaml").read_text(encoding="utf-8"))["terms"]


def _rendered(term, target):
    folded = fold(target)
    return [r for r in term.target if find_rendering(target, folded, r)]


def _forbidden(term, target):
    folded = fold(target)
    return [f for f in term.forbidden if find_rendering(target, folded, f)]


def _accepted(index, source, target):
    """{matched source string: accepted?} the way term-missing sees it: a term counts as rendered when
    one of its renderings occurs, or when smaller glossary terms that make it up are each rendered."""
    every = index.all_source_hits(source)
    result = {}
    for hit in index.source_hits(source):
        ok = bool(_rendered(hit.term, target))
        if not ok:
            inner = [(h.start, h.end, h) for h in every
                     if hit.start <= h.start and h.end <= hit.end and (h.start, h.end) != (hit.start, hit.end)]
            parts = [h for _, _, h in leftmost_longest(inner)]
            covered = {i for p in parts for i in range(p.start, p.end)}
            ok = bool(parts) and len(covered) == hit.end - hit.start and all(_rendered(p.term, target) for p in parts)
        result[hit.pattern] = ok
    return result


# ------------------------------------------------------------------------------------------ shape

@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_loads_and_meets_entry_count(glossaries, name):
    glossary = glossaries[name]
    assert glossary.name == name
    assert len(glossary.terms) >= MINIMUM[name]


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_every_entry_states_kind_and_ref(name):
    for raw in _raw_entries(name):
        label = raw.get("source")
        assert raw.get("kind") in KINDS, label
        ref = raw.get("ref", "")
        assert isinstance(ref, str) and len(ref.strip()) >= 10, label
        assert ref.startswith(("http://", "https://")) or " " in ref, f"{label}: ref is neither a URL nor a named document"


def test_no_source_term_is_listed_twice(glossaries):
    counts = Counter(s for g in glossaries.values() for t in g.terms for s in t.source)
    assert [s for s, n in counts.items() if n > 1] == []


def test_no_source_term_is_listed_twice_after_matching_normalisation(glossaries):
    # “十四五”规划 and "十四五"规划 fold to the same key; that is fine inside one entry only
    owners = {}
    for g in glossaries.values():
        for t in g.terms:
            for s in t.source:
                key = fold(s, simplify=True)
                assert owners.setdefault(key, id(t)) == id(t), s


def test_no_rendering_is_both_approved_and_forbidden_in_an_entry(glossaries):
    for g in glossaries.values():
        for t in g.terms:
            approved = {fold(r) for r in t.target}
            assert not approved & {fold(f) for f in t.forbidden}, t.source
            # nor does an approved rendering contain a forbidden one (it would be reported inside itself)
            for r in t.target:
                assert not [f for f in t.forbidden if find_rendering(r, fold(r), f)], (t.source, r)


def test_targets_are_unique_within_an_entry(glossaries):
    for g in glossaries.values():
        for t in g.terms:
            folded = [fold(r) for r in t.target]
            assert len(folded) == len(set(folded)), t.source


def test_no_short_source_known_to_match_inside_common_words(glossaries):
    # Chinese has no spaces: these would match inside 格外长的, 其中共有, 个人大数据, 地区长期, 国际局势
    risky = {"外长", "中共", "人大", "区长", "国际局", "部长", "中办", "发展议程"}
    sources = {s for g in glossaries.values() for t in g.terms for s in t.source}
    assert not sources & risky


# ------------------------------------------------------------------------------------------ content

@pytest.mark.parametrize("source, renderings, forbidden", [
    ("国家知识产权局", ["China National Intellectual Property Administration", "CNIPA"], ["SIPO", "State Intellectual Property Office"]),
    ("世界知识产权组织", ["World Intellectual Property Organization", "WIPO"], []),
    ("习近平总书记", ["General Secretary Xi Jinping", "CPC General Secretary Xi Jinping"], ["Chairman Xi Jinping"]),
    ("长三角", ["Yangtze River Delta"], ["Yangtze Delta"]),
    ("京津冀", ["Beijing-Tianjin-Hebei"], []),
    ("粤港澳大湾区", ["Guangdong-Hong Kong-Macao Greater Bay Area"], []),
    ("一带一路", ["Belt and Road Initiative"], ["One Belt One Road"]),
    ("“十四五”规划", ["14th Five-Year Plan"], []),
    ("党的二十大", ["20th CPC National Congress"], []),
    ("国家主席", ["President"], []),
    ("国务院总理", ["Premier"], []),
    ("国务委员", ["State Councilor"], []),
    ("全国人大常委会委员长", ["Chairman of the NPC Standing Committee"], []),
    ("市委书记", ["Party Secretary"], []),
    ("市长", ["Mayor"], []),
    ("副市长", ["Vice Mayor", "Deputy Mayor"], []),
    ("中共中央", ["CPC Central Committee"], []),
    ("国务院", ["State Council"], []),
    ("专利合作条约", ["Patent Cooperation Treaty", "PCT"], []),
    ("马德里体系", ["Madrid System"], []),
    ("海牙体系", ["Hague System"], []),
    ("巴黎公约", ["Paris Convention"], []),
    ("伯尔尼公约", ["Berne Convention"], []),
    ("与贸易有关的知识产权协定", ["TRIPS Agreement"], []),
    ("全球创新指数", ["Global Innovation Index"], []),
    ("仲裁与调解中心", ["Arbitration and Mediation Center"], []),
    ("世界知识产权组织中国办事处", ["WIPO Office in China"], []),
    ("发明专利", ["invention patent"], []),
    ("实用新型", ["utility model"], []),
    ("外观设计", ["design patent", "industrial design"], []),
    ("专利代理师", ["patent attorney"], []),
    ("无效宣告", ["invalidation"], []),
    ("复审", ["reexamination"], []),
    ("驰名商标", ["well-known trademark"], []),
    ("地理标志", ["geographical indication", "GI"], []),
    ("集成电路布图设计", ["layout-design of integrated circuit"], []),
    ("知识产权质押融资", ["IP pledge financing"], []),
    ("高价值专利", ["high-value patent"], []),
    ("专利密集型产业", ["patent-intensive industry"], []),
])
def test_required_entries(index, source, renderings, forbidden):
    hits = index.source_hits(source)
    assert [h.pattern for h in hits] == [source], f"{source} should be one entry, got {[h.pattern for h in hits]}"
    term = hits[0].term
    approved = {fold(r) for r in term.target}
    for r in renderings:
        assert fold(r) in approved, (source, r)
    for f in forbidden:
        assert fold(f) in {fold(x) for x in term.forbidden}, (source, f)


def test_every_forbidden_rendering_is_explained(glossaries):
    for g in glossaries.values():
        for t in g.terms:
            if t.forbidden:
                assert t.note, f"{t.source}: say why the forbidden renderings are wrong"


def test_sipo_note_covers_pre_2018_history(index):
    term = index.source_hits("国家知识产权局")[0].term
    assert "2018" in term.note and "history" in term.note
    former = index.source_hits("原国家知识产权局")[0].term
    assert _rendered(former, "the former SIPO")


# ------------------------------------------------------------------------------------------ seed pair

SEED = {  # 1-based line number in shared/seed/cnipa-forum.*.txt (as in REVIEW.md) -> (source, target), shortened to the clauses that matter
    4: ("上海市委书记陈吉宁出席并致辞。上海市委副书记、市长龚正与国家知识产权局局长申长雨共同为上海市知识产权保护中心揭牌。"
        "世界知识产权组织总干事邓鸿森通过视频致辞。",
        "Shanghai Party Secretary Chen Jining addressed the event. Shanghai Deputy Party Secretary/Mayor Gong Zheng "
        "joined CNIPA (China National Intellectual Property Administration) Commissioner Shen Changyu to inaugurate "
        "Shanghai IP Protection Center. Daren Tang, Director General of the World Intellectual Property Organization "
        "(WIPO) made an online speech."),
    6: ("陈吉宁在致辞中指出，党的二十大开启了全面建设社会主义现代化国家新征程。上海将深入贯彻落实习近平总书记关于知识产权工作的"
         "重要指示精神，全面落实党中央决策部署，立足“五个中心”战略定位。",
         "In his speech, Shanghai Party Secretary Chen noted the 20th CPC National Congress has sparked a new journey to "
         "build a modern socialist country in all respects. Shanghai will carry out Chairman Xi Jinping's important "
         "instructions on IP work, fully put CPC Central Committee's decisions and deployments into operation, based on "
         'the strategic positioning of the "Five Centers".'),
    8: ("推进长三角知识产权保护共治。着力培育高价值专利。",
         "promote co-governance of IP protection in Yangtze Delta region. strive to cultivate high-valued patents."),
    10: ("近年来，国家知识产权局认真学习贯彻习近平总书记重要指示精神和党中央、国务院决策部署。",
         "In recent years, CNIPA has been studying the important instructions of CPC General Secretary Xi Jinping, "
         "decisions and deployments of the CPC Central Committee and the State Council."),
    12: ("上海市政府高度重视知识产权发展，《关于加快建设知识产权强市的指导意见》《上海市知识产权保护和运用“十四五”规划》等政策为未来发展提供了清晰路线图。"
         "上海以系统观念加强知识产权生态体系建设，其中包括与世界知识产权组织的密切合作。",
         "The Shanghai Government gives priority to IP development. Policies such as the Guideline on Building the City "
         "into an IP Powerhouse and the 14th Five-Year Plan on IP "
         "protection and Utilization offer a clear road map. Shanghai takes a holistic approach to strengthening its IP "
         "ecosystem, including through close collaboration with WIPO."),
    14: ("上海市副市长陈群，国家知识产权局副局长胡文辉，世界知识产权组织总干事论坛特别代表、世界知识产权组织中国办事处主任刘华"
         "为第四届世界知识产权组织-上海知识产权创新奖获奖单位和个人颁奖。",
         "Chen Qun, Vice Mayor of Shanghai, Hu Wenhui, Deputy Commissioner of CNIPA, and Liu Hua, Special Representative "
         "of WIPO Director General for the Forum and Director of WIPO Office in China, presented the 4th WIPO-Shanghai "
         "IP-Innovation Awards to the winning organizations and individuals."),
    16: ("上海知识产权国际论坛由国家知识产权局、世界知识产权组织和上海市人民政府共同主办。",
         "The Shanghai International Intellectual Property Forum was hosted by the CNIPA, WIPO and the Shanghai "
         "Municipal People's Government."),
}


def test_seed_source_lines_are_real():
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "cnipa-forum.zh.txt"  # copy of shared/seed
    lines = seed.read_text(encoding="utf-8").split("\n")
    for number, (source, _) in SEED.items():
        for clause in source.split("。"):
            assert clause in lines[number - 1], (number, clause)


def test_seed_flags_chairman_xi_and_yangtze_delta(index):
    for number in (6, 8):
        source, target = SEED[number]
        flagged = {h.pattern: _forbidden(h.term, target) for h in index.source_hits(source)}
        if number == 6:
            assert "Chairman Xi Jinping" in flagged["习近平总书记"]
            assert _accepted(index, source, target)["习近平总书记"] is False
        else:
            assert flagged["长三角"] == ["Yangtze Delta"]
            assert _accepted(index, source, target)["长三角"] is False


def test_seed_accepts_its_correct_renderings(index):
    expected_terms = {"市委书记", "市委副书记", "市长", "国家知识产权局局长", "知识产权保护中心", "世界知识产权组织总干事",
                      "党的二十大", "党中央", "五个中心", "高价值专利", "习近平总书记", "国务院", "“十四五”规划",
                      "世界知识产权组织", "副市长", "国家知识产权局副局长", "世界知识产权组织中国办事处主任",
                      "上海知识产权国际论坛", "人民政府", "知识产权强市"}
    seen = set()
    for number, (source, target) in SEED.items():
        accepted = _accepted(index, source, target)
        seen.update(accepted)
        wrong = {"习近平总书记"} if number == 6 else {"长三角"} if number == 8 else set()
        assert {p for p, ok in accepted.items() if not ok} == wrong, number
    assert expected_terms <= seen, expected_terms - seen


def test_seed_renderings_raise_no_forbidden_match_elsewhere(index):
    for number, (source, target) in SEED.items():
        if number in (6, 8):
            continue
        assert {h.pattern: _forbidden(h.term, target) for h in index.source_hits(source) if _forbidden(h.term, target)} == {}


def test_no_rendering_is_a_fragment_of_a_name_split_at_a_comma(glossaries):
    # an unquoted comma in a YAML flow list splits "per 10,000 people" into "per 10" and "000 people"
    for g in glossaries.values():
        for t in g.terms:
            for r in t.target + t.forbidden:
                assert not re.match(r"\d{3}\b", r), (t.source, r)  # "000 people" from "10,000 people"
                assert not r.lower().startswith(("and ", "or ", "of ")), (t.source, r)
                assert r.count("(") == r.count(")"), (t.source, r)

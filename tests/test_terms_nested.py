"""term-missing / term-forbidden on a user glossary's term inside a longer matched term (中共中央 in the
shipped 中共中央总书记), on an acronym bracketed after a name it abbreviates (`... Agency (WHO)`), and on
a name written head first (`Central Committee of the CPC` for `CPC Central Committee`)."""

from dataclasses import replace

import pytest

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.glossary import Glossary, Term, load_glossaries
from transqa.model import Document, Segment
from transqa.packs import default_glossary_paths, load_pack, rules_dir

RULES = {r.code: r for r in load_pack(rules_dir() / "terminology.yaml")}
SHIPPED = tuple(load_glossaries(default_glossary_paths()))
# the bench glossary of scripts/evaluate.py (../shared/tools/inject.py), a client's glossary
USER = Glossary(name="client", path="/tmp/client.yaml", terms=(
    Term(source=("中共中央",), target=("CPC Central Committee", "Communist Party of China Central Committee")),
    Term(source=("世界卫生组织",), target=("World Health Organization", "WHO")),
    Term(source=("欧盟",), target=("European Union", "EU"), forbidden=("European Community",)),
    Term(source=("香港",), target=("Hong Kong",), forbidden=("Hongkong",)),
))


def findings(source, target, codes=("TERM001", "TERM002", "TERM003", "TERM007"), glossaries=(*SHIPPED, USER)):
    document = Document((Segment(1, source, target),))
    context = Context(glossaries=tuple(glossaries))
    return [(f.code, f.match) for code in codes for f in run_rules(document, [RULES[code]], context)]


@pytest.mark.parametrize("source, target, fires", [
    # the longer term's short rendering with a complement that is not an approved rendering of the inner term
    ("再次当选中共中央总书记", "re-elected General Secretary of the Chinese Politburo", [("TERM002", "中共中央")]),
    ("再次当选中共中央总书记", "re-elected as the General Secretary the Chinese Politburo", [("TERM002", "中共中央")]),
    ("中共中央政治局常委、国务院副总理汪洋",
     "Wang Yang, member of the Standing Committee of the Political Bureau of the Chinese Politburo and Vice Premier",
     [("TERM002", "中共中央")]),
    # rendered correctly: the long term in full, or the inner term inside another approved long rendering
    ("再次当选中共中央总书记", "re-elected General Secretary of the CPC Central Committee", []),
    ("中共中央政治局常委、国务院副总理汪洋",
     "Wang Yang, member of the Standing Committee of the Political Bureau of the CPC Central Committee and "
     "Vice Premier", []),
    ("中共中央总书记习近平", "General Secretary of the Communist Party of China Central Committee Xi Jinping", []),
    # the long term's approved rendering stands whole: the inner term is rendered by it
    ("中共中央总书记习近平", "General Secretary Xi Jinping", []),
    ("中共中央政治局常委、国务院副总理汪洋", "Wang Yang, a Politburo Standing Committee member and Vice Premier", []),
    ("欧盟委员会表示", "The European Commission said", []),
    # the head first, `of (the)` and the rest: the same name
    ("中共中央总书记、国家主席习近平",
     "General Secretary of the Central Committee of the Communist Party of China and President Xi Jinping", []),
    ("中共中央政治局委员张又侠", "Zhang Youxia, Member of the Political Bureau of the Central Committee of the CPC", []),
    ("中共中央发布通知", "The Central Committee of the CPC issued a notice", []),
])
def test_user_term_inside_a_longer_term(source, target, fires):
    assert findings(source, target) == fires


def test_inner_term_found_on_its_own_later_is_still_checked():
    # the first 欧盟 is rendered by `European Commission`; the second has no rendering
    assert findings("欧盟委员会和欧盟", "The European Commission and the bloc") == [("TERM002", "欧盟")]
    assert findings("欧盟委员会和欧盟", "The European Commission and the EU") == []


def test_inner_term_not_reported_again_when_the_longer_term_is_reported():
    user = Glossary(name="client", path="/tmp/client.yaml", terms=(
        Term(source=("专利",), target=("patent",)), Term(source=("专利合作条约",), target=("PCT",))))
    assert findings("根据专利合作条约提交。", "Filed under the pct.", ("TERM002",), (user,)) == [("TERM002", "专利合作条约")]


def test_shipped_term_inside_a_longer_shipped_term_is_left_to_the_longer_one():
    # 中共中央 is shipped too, but without a user entry only the matched (longest) term is checked
    assert findings("再次当选中共中央总书记", "re-elected General Secretary of the Chinese Politburo",
                    glossaries=SHIPPED) == []


def test_forbidden_rendering_of_a_user_term_inside_a_longer_term():
    assert findings("香港特别行政区政府", "the Hongkong SAR government", ("TERM001", "TERM002")) == [
        ("TERM001", "Hongkong")]
    assert findings("香港特别行政区政府", "the Hong Kong SAR government", ("TERM001", "TERM002")) == []


@pytest.mark.parametrize("target, fires", [
    ("The World Health Organisation Agency (WHO) recommends it.", [("TERM002", "世界卫生组织")]),
    ("The World Health Organization Agency (WHO) recommends it.", [("TERM002", "世界卫生组织")]),
    ("The World Health Organization (WHO) recommends it.", []),
    ("The World Health Organisation (WHO) recommends it.", []),       # British spelling of an approved name
    ("The Director-General of the World Health Organization (WHO) recommends it.", []),
    ("The UN health agency (WHO) recommends it.", []),                 # no name the acronym abbreviates
    ("WHO recommends it.", []),
    ("The WHO (World Health Organization) recommends it.", []),
    ("The World Health Organisation Agency (WHO) and the WHO recommend it.", []),  # a plain WHO renders it
])
def test_acronym_bracketed_after_a_name_counts_only_if_the_name_is_approved(target, fires):
    assert findings("世界卫生组织建议这样做。", target) == fires


# every shipped entry as a client's (so every term inside a longer one is checked): look-alikes on newstest
USER_SHIPPED = tuple(Glossary(name=g.name, path=f"/tmp/client-{g.name}.yaml",
                             terms=tuple(replace(t, path=f"/tmp/client-{g.name}.yaml") for t in g.terms))
                    for g in SHIPPED)


@pytest.mark.parametrize("source, target, fires", [
    # `of X` names the place before the term, not the body it belongs to
    ("桐乡市委书记盛勇军认为", "Sheng Yongjun, the municipal party secretary of Tongxiang, believes", []),
    # the longer term's forbidden rendering: term-forbidden reports it, not also each term inside it
    ("全国人大常委会委员长张德江出席", "Zhang Dejiang, president of the Standing Committee of the National "
     "People's Congress, attended", [("TERM001", "president of the Standing Committee")]),
    # the longer term heads a name English shortens (skip_name_heads): neither it nor its parts are required
    ("全国政协港澳台侨委员会主任杨衍银", "Yang Yanyin, Director of the Subcommittee of Hong Kong, Macao and Taiwan", []),
    # a curly apostrophe in the name before the acronym
    ("全国政协召开研讨会", "A symposium is held by the National Committee of the Chinese People’s Political "
     "Consultative Conference (CPPCC)", []),
])
def test_look_alikes_with_every_entry_a_client_entry(source, target, fires):
    assert findings(source, target, ("TERM001", "TERM002"), (*SHIPPED, *USER_SHIPPED)) == fires


@pytest.mark.parametrize("source, target, fires", [
    ("中共中央总书记、国家主席习近平", "General Secretary of Chinese Politburo and President Xi Jinping",
     [("TERM002", "中共中央")]),                                          # `of X Y`, no article
    ("中共中央总书记、国家主席习近平", "General Secretary of CPC Central Committee and President Xi Jinping", []),
    ("上海市委书记李强", "Li Qiang, Party Secretary of Shanghai Municipality", []),   # a place
    ("浙江省委书记车俊", "Che Jun, Party chief of the Zhejiang Province", []),
    ("上海市委书记李强", "Li Qiang, Party Secretary of Shanghai", []),
])
def test_complement_without_article_and_places(source, target, fires):
    assert findings(source, target, ("TERM001", "TERM002"), (*SHIPPED, *USER_SHIPPED)) == fires


def test_a_rendering_inside_the_complement_does_not_stand_whole():
    # `Politburo` renders 中共中央政治局委员 on its own, but here it is the complement of `Political Bureau`
    assert findings("中共中央政治局委员、中宣部部长黄坤明主持会议。", "Huang Kunming, member of the Political Bureau "
                    "of the Chinese Politburo and Head of the Central Propaganda Department, presided.") == [
        ("TERM002", "中共中央")]
    assert findings("中共中央政治局委员、中宣部部长黄坤明主持会议。", "Huang Kunming, a Politburo member and Head of "
                    "the Central Propaganda Department, presided.") == []

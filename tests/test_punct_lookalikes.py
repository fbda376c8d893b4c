"""PUNC/SPC false alarms met on real professional and MT text (newstest, TICO-19, WMT21 TED MQM):
each look-alike must not fire, and the real defect next to it still must."""

from __future__ import annotations

import pytest

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.examples import example_document
from transqa.packs import default_pack_paths, load_packs

RULES = {r.code: r for r in load_packs(default_pack_paths())}
SENTENCE = "上海将加强知识产权保护。"  # a whole source sentence: PUNC007's first word and PUNC008 apply


def marks(code: str, target: str, source: str = SENTENCE) -> list[str]:
    doc = example_document({"segments": [[source, target]]})
    return [f.match for f in run_rules(doc, [RULES[code]], Context())]


@pytest.mark.parametrize("code, target, expected", [
    # PUNC004: quotes with spaces inside (MT output, Chinese-origin English) balance by order
    ("PUNC004", 'people began to use the term " black holes " and realized that they were real', []),
    ("PUNC004", 'the largest of which is the " Big Bang. "', []),
    ("PUNC004", '" Wouldn\'t it be good if we could see those colors, " I heard you ask.', []),
    ("PUNC004", 'the trains of "Coordinated development", " Open development" and "Sharing development"', []),
    ("PUNC004", '" ‘Chinese Cotton 619’ has achieved a series of measures in southern Xinjiang. "', []),
    ("PUNC004", 'the so-called " lower strata of society" , which is manual work', []),
    # ... and still fire on a quote left over or a quotation never closed
    ("PUNC004", 'the term " black holes " and " white holes and "grey" ones', ['"']),
    ("PUNC004", 'the "Five Centers" strategy" was adopted', ['"']),
    ("PUNC004", 'in the “Action Plan (2017)“ jointly printed', ["“", "“"]),
    # PUNC007: stage directions, domain names, abbreviations, list numbers, brands
    ("PUNC007", "(laughs) It's better to stay away from that sound.", []),
    ("PUNC007", "(Laughter) (applause) What I've shown here", []),
    ("PUNC007", "[applause] Thank you.", []),
    ("PUNC007", "cctv.com news: On the 11th, reporters learned", []),
    ("PUNC007", "In Eurosurveillance 2020, Spiteri et al. reported on the first cases.", []),
    ("PUNC007", "We have reconfigurable robots -- 8 ft., 12 ft. long proteins.", []),
    ("PUNC007", "An attorney of Bowie, Md. who asked about it", []),
    ("PUNC007", "From Jan. through March", []),
    ("PUNC007", "2. we must convince ourselves that the new business can be large;", []),
    ("PUNC007", "Three tests: 1. we measure; 2. we compare.", []),
    ("PUNC007", "Yahoo! and Google agreed.", []),
    ("PUNC007", "He said e.g. patents, i.e. rights, vs. the rest at 9 a.m. sharp.", []),
    ("PUNC007", "He paused... and then left. Wait . . . and see.", []),
    # ... and still fire on a real lowercase start
    ("PUNC007", "thank you very much.", ["t"]),
    ("PUNC007", "Thank you. thank you all.", ["t"]),
    ("PUNC007", "Europe, Middle East and India, Africa. and the fuel surcharge is 652 yuan.", ["a"]),
    ("PUNC007", "It grew by 5. the rest fell.", ["t"]),
    ("PUNC007", "He came in. the door closed.", ["t"]),
    # PUNC005: emoticons, spaced ellipses, ratios
    ("PUNC005", "That was fun :)", []),
    ("PUNC005", "Nice one ;-)", []),
    ("PUNC005", "and so . . . on it went", []),
    ("PUNC005", "won by a ratio of 3 : 1", []),
    ("PUNC005", 'could see those colors" , I hear you ask.', [" ,"]),
    ("PUNC005", "varies from 40 to 400 .", [" ."]),
    ("PUNC005", 'Respond to the rumor of "layoff" : it is clear', [" :"]),
    # PUNC006: AP-style state abbreviations and other abbreviations before a comma
    ("PUNC006", "the military headquarters in Tampa, Fla., that oversees operations", []),
    ("PUNC006", "She grew up in Blue Bell, Pa., first picked up a stick", []),
    ("PUNC006", "Denver, Colo., start-up Convercent", []),
    ("PUNC006", "Spiteri et al., 2020", []),
    ("PUNC006", "in the Sino-Russia boundary area,.", [",."]),
    ("PUNC006", "This is how clever it is.. It's called obsidian.", [".."]),
])
def test_lookalike(code, target, expected):
    assert marks(code, target) == expected


@pytest.mark.parametrize("target, expected", [
    # SPC003: Wikipedia citation marks, file names, code, domain names
    ("the disease spreads.[12] The virus", []),
    ("it is rare.[citation needed] Most", []),
    ("open the attached Report.PDF or Summary.Docx", []),
    ("add a reference to Microsoft.Office.Interop first", []),
    ("then call Console.WriteLine(text) to print it", []),
    ("the HowMuch.Net visualization team", []),
    ("see Fig.1 and version 1.2.3 of J.R.R. Tolkien's notes at Xinhuanet.Com", []),
    ("the U.S. and e.g. Ph.D.Candidates", []),
    ("built with Node.JS and Socket.IO, streamed on Last.FM", []),
    # real glued sentences (TICO-19 has about 165) still fire
    ("the case.In addition, the virus", ["."]),
    ("seek effective solutions.(Translated from CNIPA Website)", ["."]),
    ("see the annex.[Note by the translator]", ["."]),
])
def test_missing_space_after_stop(target, expected):
    assert marks("SPC003", target) == expected


def test_missing_space_after_a_closing_quote_suggests_the_space_after_the_quote():
    doc = example_document({"segments": [["他说", 'source of infection without proper hand hygiene."Masks have also']]})
    (f,) = run_rules(doc, [RULES["SPC003"]], Context())
    assert f.match == '."' and f.suggestion == '." '
    # an opening quote (its partner follows) keeps the space before it
    doc = example_document({"segments": [["他说", 'It was done."Next one," he said.']]})
    (f,) = run_rules(doc, [RULES["SPC003"]], Context())
    assert f.match == "." and f.suggestion == ". "


def doc_marks(code: str, pairs, **options) -> list[tuple[int, str]]:  # (segment id, 1-based; match)
    rule = RULES[code]
    if options:
        from dataclasses import replace
        rule = replace(rule, options={**rule.options, **options})
    doc = example_document({"segments": [list(p) for p in pairs]})
    return [(f.segment, f.match) for f in run_rules(doc, [rule], Context())]


SPLIT = [  # newstest2018 363: one sentence over two lines, on both sides
    ("双方同意加快推进中巴自贸区第二阶段谈判，", "Both sides agreed to speed up the free trade talks with Pakistan,"),
    ("促进双方贸易平衡发展，推动两国企业加强合作。", "promote the balanced development of trade between the two countries."),
]
SPLIT_TARGET = [  # newstest2018 282: the source sentence ends, its translation goes on in the next line
    ("坚持世界是丰富多彩的、文明是多样的理念。", "We must uphold the idea that civilizations are diverse,"),
    ("让各种文明和谐共存。", "and allow all civilizations to coexist in harmony."),
]
MT_SLIPS = [  # two independent slips: a dropped full stop, then a lowercase start
    ("我们回家了。", "We went home"),
    ("然后我们吃了饭。", "then we ate."),
]


def test_sentence_split_over_two_segments_is_one_sentence():
    assert doc_marks("PUNC007", SPLIT) == []
    assert doc_marks("PUNC008", SPLIT_TARGET) == []
    # each half alone still fires, and so does the pair with continued_segments off
    assert doc_marks("PUNC007", SPLIT[1:]) == [(1, "p")]
    assert doc_marks("PUNC008", SPLIT_TARGET[:1]) == [(1, ",")]
    assert doc_marks("PUNC007", SPLIT, continued_segments=False) == [(2, "p")]
    assert doc_marks("PUNC008", SPLIT_TARGET, continued_segments=False) == [(1, ",")]


def test_independent_slips_in_neighbouring_segments_both_fire():
    assert doc_marks("PUNC008", MT_SLIPS) == [(1, "e")]
    assert doc_marks("PUNC007", MT_SLIPS) == [(2, "t")]
    # a lowercase start after a closed sentence fires (TED MQM: DIDI-NLP talk.6 511)
    pairs = [("他们在出生和死亡时相遇。", "They meet at birth and death."), ("非常感谢。", "thank you very much.")]
    assert doc_marks("PUNC007", pairs) == [(2, "t")]


def test_headlines_take_no_final_stop():
    assert marks("PUNC008", "Philippines First HSK Study Abroad and Employment Exhibition") == []
    assert marks("PUNC008", "Li Keqiang met Angela Merkel in Berlin") == ["n"]

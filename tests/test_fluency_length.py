"""The length model (LEN001 omission, LEN002 addition): units, robust z-scores, document centring."""

from __future__ import annotations

from transqa.checks import Context
from transqa.checks.length import sentence_counts, source_units, target_words
from transqa.engine import run_rules
from transqa.examples import example_document
from transqa.packs import default_pack_paths, load_packs

RULES = {r.code: r for r in load_packs(default_pack_paths())}
SOURCE = "上海将以最严格的举措加强知识产权保护，优化知识产权快速协同保护、纠纷多元化解机制。"  # 37 Han
FULL = ("Shanghai will take the most stringent measures to intensify IP protection and optimize rapid "
        "and coordinated IP protection and the diversified dispute settlement mechanism.")


def flagged(code, pairs):
    doc = example_document({"segments": [list(p) for p in pairs]})
    return [f.segment for f in run_rules(doc, [RULES[code]], Context())]


def test_units_count_names_and_skip_latin_glosses():
    assert source_units("西蒙·拜尔斯") == 3.0           # two name parts, 1.5 each
    assert source_units("西蒙·拜尔斯 (Simone Biles)") == 3.0  # the bracketed gloss says it again
    assert source_units("WIPO 报告 2022") == 2 + 1.5 * 2
    assert target_words("The U.S. grew 3.5% in 2022.") == 6


def test_a_name_inside_a_sentence_takes_only_the_characters_next_to_its_dots():
    # the Han run around the name is one regex match: 教授弗朗西斯科·雷耶斯全程带队 was 2 name parts
    # (3 units) for the whole 46-character sentence
    sentence = "尼加拉瓜国立农业大学自然资源和环境系的教授弗朗西斯科·雷耶斯全程带队参与了植树造林教育项目。"
    han = sum(1 for ch in sentence if "\u4e00" <= ch <= "\u9fff")
    assert source_units(sentence) == han - 3 - 3 + 1.5 * 2  # 弗朗西斯科 -> its 3 characters at the dot
    assert source_units("劳拉·特洛特、乔安娜·罗瑟尔·尚德") == 1.5 * 2 + 1.5 * 3  # middle parts whole
    assert source_units("特雷莎·梅的计划") == 1.5 * 2 + 1  # 梅的计 taken as the name: 划 left


def test_sentence_counts():
    assert sentence_counts("他来了。她也来了！", "He came. She came too!") == (2, 2)
    assert sentence_counts("他来了。她也来了", "He came, and so did she") == (2, 1)


def test_omission_flagged_and_full_translation_not():
    doc = [(SOURCE, FULL)] * 12
    assert flagged("LEN001", doc) == []
    cut = " ".join(FULL.split()[:9]) + "."
    assert flagged("LEN001", doc + [(SOURCE, cut)]) == [13]


def test_short_sources_are_exempt():
    assert flagged("LEN001", [(SOURCE, FULL)] * 12 + [("谢谢大家的大力支持。", "Thanks.")]) == []


def test_document_median_absorbs_a_verbose_translator():
    verbose = FULL + " It was stressed that these measures would be implemented with great care and rigour."
    assert flagged("LEN002", [(SOURCE, verbose)] * 40) == []
    # ... while the prior still catches the odd segment in a short document
    assert flagged("LEN002", [(SOURCE, FULL)] * 3 + [(SOURCE, verbose + " " + verbose)]) == [4]


def test_fewer_sentences_lower_the_omission_threshold():
    source = "上海将加强知识产权保护，优化快速协同保护机制。上海还将完善纠纷多元化解机制，深化改革。"
    full = ("Shanghai will strengthen IP protection and optimize the rapid coordinated protection mechanism. "
            "It will also improve the diversified dispute resolution mechanism and deepen reform.")
    short = "Shanghai will strengthen IP protection and optimize the protection mechanism."
    base = [(source, full)] * 12
    assert flagged("LEN001", base + [(source, short)]) == [13]
    doc = example_document({"segments": [list(p) for p in base + [(source, short)]]})
    (finding,) = run_rules(doc, [RULES["LEN001"]], Context())
    assert "sentences 1 of 2" in finding.message

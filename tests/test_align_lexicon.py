"""Soft line breaks, stray closing quotes and the lexicon learned from the document (transqa.align)."""

import random

from transqa import align
from transqa.align import align_sentences, learn_lexicon
from transqa.sentences import document_sentences, split_sentences



def _corpus(n=200, seed=3):
    """n parallel sentences of five content words each from a made-up 300-word lexicon (two-character
    Chinese words, six-letter English ones): every sentence has the same length, so only the words
    tell them apart."""
    rng = random.Random(seed)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [("".join(rng.sample(han, 2)), "".join(rng.choice(letters) for _ in range(6))) for _ in range(300)]
    zh, en = [], []
    for _ in range(n):
        picks = rng.sample(words, 5)
        zh.append("".join(z for z, _ in picks) + "。")
        en.append(" ".join(e for _, e in picks).capitalize() + ".")
    return zh, en, dict(words)


def _paragraphs(lines, lang, size=6):
    joiner = "" if lang == "zh" else " "
    return "\n\n".join(joiner.join(lines[k:k + size]) for k in range(0, len(lines), size))


def test_lexicon_is_learned_from_the_document_and_locates_a_dropped_sentence():
    zh, en, words = _corpus()
    src = document_sentences(_paragraphs(zh, "zh"), "zh")
    dropped = 21  # paragraph 3 (sentences 18-23): equal lengths, so lengths alone cannot place it
    en_text = "\n\n".join(" ".join(e for j, e in enumerate(en[k:k + 6], k) if j != dropped) for k in range(0, 200, 6))
    tgt = document_sentences(en_text, "en")
    assert len(src) == 200 and len(tgt) == 199
    beads = align_sentences(src, tgt)
    assert [b for b in beads if not b[0] or not b[1]] == [((dropped,), ())]
    stems = [align._stems(align.make_unit(s.text, "en")) for s in tgt]
    lexicon = learn_lexicon([s.text for s in src], stems, beads)
    learned = [(z, e) for z, e in words.items() if e in lexicon.get(z, ())]
    assert len(learned) > 150
    assert all(len(es) <= 2 for es in lexicon.values())


def test_without_the_lexicon_lengths_alone_misplace_it(monkeypatch):
    """The same documents with the lexicon switched off: the omission lands at the paragraph's edge."""
    monkeypatch.setattr(align, "learn_lexicon", lambda *args: {})
    zh, en, _ = _corpus()
    src = document_sentences(_paragraphs(zh, "zh"), "zh")
    en_text = "\n\n".join(" ".join(e for j, e in enumerate(en[k:k + 6], k) if j != 21) for k in range(0, 200, 6))
    beads = align_sentences(src, document_sentences(en_text, "en"))
    assert [b for b in beads if not b[0] or not b[1]] != [((21,), ())]


def test_short_documents_learn_nothing():
    zh, en, _ = _corpus(10)
    beads = [((k,), (k,)) for k in range(10)]
    stems = [align._stems(align.make_unit(e, "en")) for e in en]
    assert learn_lexicon(zh, stems, beads) == {}


def test_stray_closing_quote_stays_with_its_sentence():
    zh = "他说 ： “ 没有变化 。 ”莫兰说：“重点仍然是再平衡。”"
    assert [zh[a:b] for a, b in split_sentences(zh, "zh")] == ["他说 ： “ 没有变化 。 ”", "莫兰说：“重点仍然是再平衡。”"]
    en = 'He said: "Nothing has changed . " Moran said: "The focus remains."'
    assert [en[a:b] for a, b in split_sentences(en, "en")] == ['He said: "Nothing has changed . "',
                                                              'Moran said: "The focus remains."']


def test_line_broken_mid_sentence_is_a_soft_boundary():
    text = ("People of all countries should seek common ground,\n"
            "and work together.\n"
            "I proposed the Belt and Road Initiative.")
    got = [(s.text, s.line, s.joins_next) for s in document_sentences(text, "en")]
    assert got == [("People of all countries should seek common ground,", 1, True),
                   ("and work together.", 2, False),
                   ("I proposed the Belt and Road Initiative.", 3, False)]
    zh = document_sentences("各国人民应该求同存异\n共同为构建人类命运共同体而努力\n我提出一带一路倡议。", "zh")
    src_one = document_sentences("各国人民应该求同存异，共同为构建人类命运共同体而努力。\n我提出一带一路倡议。", "zh")
    tgt = document_sentences(text, "en")
    # line-aligned fragments keep their 1-1 links; one Chinese sentence takes both English pieces
    assert align_sentences(zh, tgt) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert align_sentences(src_one, tgt) == [((0,), (0, 1)), ((1,), (2,))]


def test_semicolon_clauses_merge_into_one_english_sentence():
    zh = document_sentences("具体包括：存在导向问题的广告；存在内容低俗问题的广告；存在超时超量问题的广告；"
                            "存在虚假宣传问题的广告；存在违法违规问题的广告。此次整治将全面覆盖。", "zh")
    assert [s.joins_next for s in zh] == [True, True, True, True, False, False]
    en = document_sentences("These include ads with misleading content, vulgar content, ads that run over time, "
                            "false publicity and illegal ads. The campaign will cover the whole country.", "en")
    assert align_sentences(zh, en) == [((0, 1, 2, 3, 4), (0,)), ((5,), (1,))]

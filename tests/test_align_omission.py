"""Where the aligner reports an omitted sentence (a 1-0 bead), and look-alikes that must stay merged."""

import pytest

from transqa import align
from transqa.align import align_sentences, bead_cost, make_unit
from transqa.sentences import document_sentences

# Four sentences of nearly the same length, no numbers or names: only punctuation tells them apart.
ZH = ["会议讨论了城市规划中的交通问题。", "他表示：“我们必须加快建设进度。”", "与会者就住房问题提出了很多建议。",
      "会议于当天下午顺利结束。"]
EN = ["The meeting discussed traffic in urban planning.", 'He said: "We must speed up construction."',
      "Participants made many suggestions on housing.", "The meeting ended smoothly that afternoon."]


def _align(zh, en):
    return align_sentences(document_sentences("".join(zh), "zh"), document_sentences(" ".join(en), "en"))


def _unaligned(beads):
    return [b for b in beads if not b[0] or not b[1]]


def test_punctuation_marks_of_each_language():
    assert make_unit("他说：“好。”你来吗？（注）", "zh").marks == {"quote", "question", "bracket"}
    assert make_unit("「好」", "zh").marks == {"quote"}
    assert make_unit('He said "yes" (twice). Coming?', "en").marks == {"quote", "question", "bracket"}
    assert make_unit("He said yes, twice: it's done.", "en").marks == frozenset()  # an apostrophe is no quote


def test_a_shared_quote_makes_the_cheaper_bead():
    quoted, plain = make_unit(ZH[1], "zh"), make_unit(ZH[0], "zh")
    en_quoted, en_plain = make_unit(EN[1], "en"), make_unit("He said that they must speed up building.", "en")
    assert len(EN[1]) == len("He said that they must speed up building.")
    assert bead_cost(quoted, en_quoted, 3.6, 0.8) < bead_cost(quoted, en_plain, 3.6, 0.8)
    assert bead_cost(plain, en_plain, 3.6, 0.8) < bead_cost(plain, en_quoted, 3.6, 0.8)


@pytest.mark.parametrize("dropped", [0, 1, 2])
def test_omission_is_reported_at_the_dropped_sentence(dropped):
    """A short document with one English sentence missing: a 1-0 bead at exactly that sentence, not a
    2-1 bead swallowing it (its own length ratio, a quarter short, made any merge look fair) nor a 1-0
    bead at a neighbour of the same length (the quotes say which Chinese sentence has its English)."""
    beads = _align(ZH, EN[:dropped] + EN[dropped + 1:])
    assert _unaligned(beads) == [((dropped,), ())]


def test_without_the_ratio_prior_the_omission_hides_in_a_merge(monkeypatch):
    monkeypatch.setattr(align, "RATIO_WEIGHT", 0)
    beads = _align(ZH, EN[:1] + EN[2:])
    assert not _unaligned(beads) and any(len(bs) == 2 for bs, _ in beads)


def test_without_punctuation_marks_the_omission_lands_on_a_neighbour(monkeypatch):
    monkeypatch.setattr(align, "MARK_MISS", 0.0)
    placed = [_unaligned(_align(ZH, EN[:d] + EN[d + 1:])) == [((d,), ())] for d in (0, 1, 2)]
    assert not all(placed)


def test_complete_translation_has_no_omission():
    assert _align(ZH, EN) == [((i,), (i,)) for i in range(4)]


def test_two_sentences_merged_in_one_with_the_quote_stay_a_2_1_bead():
    """Look-alike: the English joins the quote and the sentence after it. Both are translated, so no
    omission, though one of the two Chinese sentences alone would pair with the quoted English."""
    zh = [ZH[0], ZH[1], "这是加快城市建设的第一步。", ZH[3]]
    en = [EN[0], 'He said: "We must speed up construction," calling it the first step in building the city faster.',
          EN[3]]
    beads = _align(zh, en)
    assert beads == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_a_free_translation_of_a_short_document_is_no_omission():
    """Look-alike: a short English rendering, far below the usual ratio, of a two-sentence document
    is one merged sentence, not an omission."""
    zh = ["会议讨论并通过了预算。", "代表们决定明年再次审议。"]
    beads = _align(zh, ["The budget passed; it is reviewed next year."])
    assert beads == [((0, 1), (0,))]


NUM_ZH = [ZH[0], "全市2022年新建住房12万套，增长了15%。", ZH[2], ZH[3]]
NUM_EN = [EN[0], "The city built 120,000 homes in 2022, up 15%.", EN[2], EN[3]]


@pytest.mark.parametrize("dropped", [0, 1, 2])
def test_omission_next_to_or_of_a_sentence_with_numbers(dropped):
    """The numbers of a sentence left out are no charge against leaving it out; a sentence whose numbers
    are all in a neighbour's English is no omission."""
    assert _unaligned(_align(NUM_ZH, NUM_EN[:dropped] + NUM_EN[dropped + 1:])) == [((dropped,), ())]


def test_sentence_with_numbers_merged_with_the_next_stays_a_2_1_bead():
    en = [EN[0], "The city built 120,000 homes in 2022, up 15%, and participants made many suggestions on housing.",
          EN[3]]
    assert _align(NUM_ZH, en) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_a_title_may_be_quoted_in_english_or_not():
    """《卫报》 is "Guardian" in one translation and plain Guardian in another: neither is charged."""
    zh = make_unit("英国《卫报》评论称，这一选择具有象征意义。", "zh")
    assert zh.marks == {"title"}
    quoted = make_unit('The British "Guardian" said the choice was symbolic.', "en")
    plain = make_unit("The British Guardian said the choice was symbolic...", "en")
    assert len(quoted.marks) == 1 and not plain.marks and quoted.length == plain.length
    assert bead_cost(zh, quoted, 3.6, 0.8) == bead_cost(zh, plain, 3.6, 0.8)


@pytest.mark.parametrize("text, lang, strong, weak", [
    ("The upcoming first single transaction also kicked off.", "en", {}, {1.0: 1}),
    ("One of them said it was the first time.", "en", {}, {1.0: 2}),
    ("Half of the 30 firms, two of them new, joined.", "en", {30.0: 1, 2.0: 1}, {0.5: 1}),
    ("此次交易首单也预示着试点正式拉开序幕。", "zh", {}, {}),
    ("第一次有一个人来。", "zh", {}, {1.0: 2}),
    ("三个人来了，第二天又来了5个。", "zh", {3.0: 1, 2.0: 1, 5.0: 1}, {}),
    ("He bought 1 share.", "en", {1.0: 1}, {}),  # a 1 in digits is a full anchor
])
def test_numbers_below_two_in_words_are_weak_anchors(text, lang, strong, weak):
    """Numbers below 2 written in words (one, first, single, half; 一, 第一): on the zh-en line pairs of
    newstest 2017 and TICO-19 the other side of the line has the same value for only 29-51% of them
    (digits 92-99%, words from two up 75-97%)."""
    unit = make_unit(text, lang)
    assert (dict(unit.numbers), dict(unit.weak)) == (strong, weak)


def test_a_weak_number_earns_the_bonus_when_shared_but_costs_nothing_when_missing():
    zh = make_unit("边会期间有一名中国记者被警方带走。", "zh")
    assert bead_cost(zh, make_unit("During the meeting, one Chinese reporter was taken away by police.", "en"), 3.6, 0.8) \
        == pytest.approx(bead_cost(zh, make_unit("During the meeting, the Chinese reporter was taken away by police.", "en"),
                                   3.6, 0.8) - align.ANCHOR_BONUS)
    five = make_unit("边会期间有5名中国记者被警方带走。", "zh")  # look-alike: digits are still charged when missing
    assert bead_cost(five, make_unit("During the meeting, the Chinese reporters were taken away by police.", "en"), 3.6, 0.8) \
        > bead_cost(zh, make_unit("During the meeting, the Chinese reporter was taken away by police.", "en"), 3.6, 0.8)


def test_an_omitted_sentence_is_not_charged_for_its_predicted_words():
    """A 1-0 bead costs the same whatever the learned lexicon predicts for the sentence left out (like its
    numbers, what it would have said is no evidence against leaving it out); a bead with a partner is
    still charged for each predicted word its English misses."""
    from dataclasses import replace
    plain = make_unit(ZH[0], "zh")
    predicting = replace(plain, lex=frozenset({"meeting", "traffic", "urban", "planning"}))
    assert bead_cost(predicting, align.EMPTY, 3.6, 0.0099) == bead_cost(plain, align.EMPTY, 3.6, 0.0099)
    english = replace(make_unit("Participants made many suggestions on housing.", "en"),
                      lex=frozenset({"participant", "made", "many", "suggestion", "housing"}))
    assert bead_cost(predicting, english, 3.6, 0.8) == pytest.approx(
        bead_cost(plain, english, 3.6, 0.8) + 4 * align.LEXICON_MISS)


def test_an_ordinal_in_both_english_pieces_is_no_orphan():
    """The newstest 2017 case (line 537 dropped): the next Chinese sentence's English is two sentences
    that each say "first". Charged as two orphan numbers (2 x ORPHAN_COST) in the right 1-2 bead, they
    made the aligner hand the first one to the sentence with no translation and hide the omission."""
    zh = make_unit("此次即将完成的交易首单预示着青岛试点工作正式拉开序幕，这也将是全省首单和全国城市级首单。", "zh")
    pieces = [make_unit("The upcoming first single transaction indicates that the Qingdao pilot has kicked off.", "en"),
              make_unit("It will also be the first in Shandong and the first at city level in China.", "en")]
    assert align._orphans(pieces, zh) == 0


def test_a_number_in_digits_still_marks_an_orphan_in_a_merge():
    """Must-not-change: a merged Chinese sentence whose 11日 is nowhere in the English is still charged."""
    zh, other = make_unit("11日，多家企业来到交易中心。", "zh"), make_unit("企业提交了申购。", "zh")
    en = make_unit("Companies submitted applications.", "en")
    assert align._orphans([zh, other], en) == 1

"""Line structure as alignment evidence: when both documents break lines inside a paragraph, a bead ends
at a line break on both sides or on neither, and a line break inside a bead on one side has one on the
other (align.LINE_MISS). Look-alikes: running text, lines on one side only, and lines a translator
merged into one English sentence."""

import pytest

from transqa import align
from transqa.align import align_sentences
from transqa.sentences import document_sentences

ZH = ["市政府昨天公布了新的公共交通发展规划。", "市民对此反应积极。", "专家认为规划仍需细化。", "相关听证会将于下月举行。",
      "规划全文已在网上公布。"]
EN = ["The city government published a new public transport plan yesterday.", "Residents reacted positively.",
      "Experts say the plan still needs more detail.", "A hearing on it will be held next month.",
      "The full plan is online."]


def _odd(zh_text, en_text):
    """Beads other than 1-1."""
    beads = align_sentences(document_sentences(zh_text, "zh"), document_sentences(en_text, "en"))
    return [b for b in beads if len(b[0]) != 1 or len(b[1]) != 1]


def _without(d):
    return EN[:d] + EN[d + 1:]


@pytest.mark.parametrize("dropped", [1, 2])
def test_a_dropped_line_is_an_omission_where_both_sides_keep_lines(dropped):
    """Each sentence on a line of its own: the short dropped sentence is reported, not merged into its
    neighbour's bead (a merge would hold a Chinese line break the English lacks)."""
    assert _odd("\n".join(ZH), "\n".join(_without(dropped))) == [((dropped,), ())]


@pytest.mark.parametrize("dropped", [1, 2])
def test_without_the_line_charge_the_omission_hides_in_a_merge(dropped, monkeypatch):
    monkeypatch.setattr(align, "LINE_MISS", 0.0)
    beads = _odd("\n".join(ZH), "\n".join(_without(dropped)))
    assert beads and all(len(bs) == 2 and len(bt) == 1 for bs, bt in beads)


@pytest.mark.parametrize("dropped", [1, 2])
def test_running_text_or_lines_on_one_side_only_change_nothing(dropped, monkeypatch):
    """Look-alikes: no line structure on one side or both -> the charge is off (same beads as with
    LINE_MISS = 0), here the merge the lengths prefer."""
    cases = [("".join(ZH), " ".join(_without(dropped))), ("\n".join(ZH), " ".join(_without(dropped))),
             ("".join(ZH), "\n".join(_without(dropped)))]
    with_charge = [_odd(*case) for case in cases]
    monkeypatch.setattr(align, "LINE_MISS", 0.0)
    assert with_charge == [_odd(*case) for case in cases]
    assert all(len(b) == 1 and len(b[0][0]) == 2 for b in with_charge)


def test_complete_translation_with_lines_has_no_omission():
    assert _odd("\n".join(ZH), "\n".join(EN)) == []


@pytest.mark.parametrize("first", [
    "The city government published a new public transport plan yesterday, and residents reacted positively.",
    "The city government published a new public transport plan yesterday and residents reacted positively to it."])
def test_two_lines_a_translator_merged_into_one_stay_a_2_1_bead(first):
    """Look-alike: the English joins the first two lines in one sentence. Both are translated: a 2-1
    bead (charged once for the Chinese line break), no omission."""
    assert _odd("\n".join(ZH), "\n".join([first] + EN[2:])) == [((0, 1), (0,))]


def test_two_sentences_on_one_english_line_pair_with_one_chinese_line():
    """A 1-2 bead whose English sentences share a line ends at line breaks on both sides."""
    zh = ["会议讨论了城市规划中的交通问题和住房问题。", "会议于当天下午顺利结束。"]
    en = "The meeting discussed traffic in urban planning. It also discussed housing.\nThe meeting ended that afternoon."
    beads = align_sentences(document_sentences("\n".join(zh), "zh"), document_sentences(en, "en"))
    assert beads == [((0,), (0, 1)), ((1,), (2,))]

"""English sentences fused at a boundary with no stop, split where the Chinese kept it (align_split)."""

from transqa.align import _en_split_points, align_split
from transqa.sentences import document_sentences

ZH = ["民权团体针对密苏里州发出旅行警告。",
      "由于该州的歧视性政策和种族主义袭击，全国有色人种协进会向密苏里州发出了旅行警告。",
      "该警告将持续到明年八月。",
      "协会主席表示，旅客在该州应当格外小心。"]
EN = ["Civil rights group issues travel warning for Missouri",
      "The National Association for the Advancement of Colored People has issued a travel warning for "
      "Missouri because of its discriminatory policies and racist attacks.",
      "The warning lasts until next August.",
      "The president of the association said travellers should take extra care in the state."]


def _split(text):
    return [text[p:p + 12] for p in _en_split_points(text)]


def test_split_points_are_openers_after_a_word_without_a_stop():
    assert _split(EN[0] + " " + EN[1]) == ["The National"]
    assert _split("in Rio, Brazil, Thursday, Aug. Biles earned the first one") == ["Biles earned"]
    # not inside a name or code (A&M), not after a stop (the splitter's business), not next to the ends
    assert _split("their opener against Texas A&M on Sept. 3 at home") == []
    assert _split("It rained. The match went on") == []
    assert _split("a travel warning for Missouri The") == []
    assert _split("proud of me and how I am handling everything") == []  # "I" is capitalised anywhere


def test_headline_run_into_the_next_sentence_is_split_when_the_chinese_kept_the_boundary():
    src = document_sentences("".join(ZH), "zh")
    fused = document_sentences(" ".join(EN), "en")
    assert len(src) == 4 and len(fused) == 3  # the English headline has no stop
    tgt, beads = align_split(src, fused)
    assert [t.text for t in tgt] == EN
    assert beads == [((i,), (i,)) for i in range(4)]
    second = tgt[1]
    assert (second.line, second.column) == (1, len(EN[0]) + 1)  # where the piece starts on its line


def test_a_sentence_that_reads_well_whole_is_not_split():
    """A 2-1 bead whose English has an opener mid-sentence but whose halves do not fit the two Chinese
    sentences stays whole."""
    # the Chinese says all the English says (the debate in the hall too), so the English is no longer
    # than a translation of both sentences usually is
    zh = ["会议讨论了预算。", "在大厅里经过长时间辩论后，代表们一致通过了该预算，并决定明年再次审议。"]
    en = ["The delegates discussed the budget and, after a long debate in the hall The Chamber, approved it "
          "unanimously and decided to review it again next year."]
    src = document_sentences("".join(zh), "zh")
    tgt, beads = align_split(src, document_sentences(en[0], "en"))
    assert len(tgt) == 1 and beads == [((0, 1), (0,))]

"""Sentence.ends_line: the last sentence of a file line (what the aligner's line-structure charge reads)."""

from transqa.sentences import document_sentences


def _ends(text, lang):
    return [(s.text, s.ends_line) for s in document_sentences(text, lang)]


def test_last_sentence_of_each_line_ends_it():
    assert _ends("甲说。乙来了。\n丙走了。\n\n丁到了。", "zh") == [
        ("甲说。", False), ("乙来了。", True), ("丙走了。", True), ("丁到了。", True)]
    assert _ends("He left. She came.\nThey met.", "en") == [
        ("He left.", False), ("She came.", True), ("They met.", True)]


def test_running_text_ends_a_line_only_at_the_paragraph_end():
    assert [e for _, e in _ends("He left. She came. They met.", "en")] == [False, False, True]


def test_hard_wrapped_paragraph_is_one_line():
    """Look-alike: a paragraph wrapped at a fixed width has line breaks that are no structure."""
    text = ("The committee met on Monday to discuss the budget for the coming year and the\n"
            "plans for new housing. It agreed to publish its report before the end of the\n"
            "month. Members said the delay had been caused by late figures from the city.\n"
            "The report follows.")
    assert [e for _, e in _ends(text, "en")] == [False, False, False, True]


def test_a_line_broken_mid_sentence_still_ends_the_line():
    """The piece before a plainly mid-sentence break ends its line (joins_next says it continues; the
    aligner does not count such a break as line structure)."""
    sentences = document_sentences("While reserving differences,\nboth sides agreed.", "en")
    assert [(s.ends_line, s.joins_next) for s in sentences] == [(True, True), (True, False)]

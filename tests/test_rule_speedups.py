"""Fast paths of the fluency rules give exactly what the plain regexes give (fuzzed and on real text).

Each shortcut (a word count on bytes, a gate before a regex, a regex written to start at a literal)
must only save work: equal counts, equal matches, and a gate that never stops a text the regex matches.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from transqa.checks import capitalization, length, repetition
from transqa.textspans import WORD_RE

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def real_targets(limit: int = 3000) -> list[str]:
    path = DATA / "newstest" / "newstest2019.zh-en.en"
    return path.read_text(encoding="utf-8").splitlines()[:limit] if path.exists() else []


def fuzz(pieces: list[str], n: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def test_target_words_on_bytes_equals_the_regex_count():
    texts = fuzz(list("ab1 .'-,Z9\t") + ["\n", "’", "é", "a.b.c", "x'y"], 20000, 25, 1) + real_targets()
    texts += ["", "a", "a.b.c.d", "U.S. 3.5% -x- 'a' a'' ''b", "e-mail's co-op.", "a..b", "a.-b", "..."]
    for text in texts:
        assert length.target_words(text) == len(WORD_RE.findall(text)), repr(text)
    assert length.target_words("The U.S. grew 3.5% in 2022.") == 6


def test_has_han_is_a_search_for_han():
    for text in ["", "abc", "“quoted” text", "北京 Beijing", "x\U00020000", "é", "\u33ff"]:
        assert length.has_han(text) == (length._HAN_RE.search(text) is not None), text


def assert_gate_keeps_every_match(pattern, gate, texts, at_least: int) -> None:
    """Every text the regex matches passes the gate, over enough matches for the test to mean something."""
    matched = 0
    for text in texts:
        if pattern.search(text):
            matched += 1
            assert gate(text), repr(text)
    assert matched > at_least


def test_truncation_gate_never_stops_a_match():
    parts = ["the", "a", "an", "as", "which", "x", " ", "\n", ".", "!", "?", '"', "”", "’", "'", ")", "]", "-",
             "ta", "The", "\u3000"]
    assert_gate_keeps_every_match(length._DANGLING, length._may_dangle,
                                  fuzz(parts, 60000, 8, 2) + real_targets(), 500)
    assert not length._may_dangle("A complete sentence.") and not length._may_dangle("more than. ”")
    assert length._may_dangle("more than.”  ") and length._DANGLING.search("more than.”  ")


def test_doubled_word_gate_never_stops_a_match():
    parts = ["the", "The", "a", "x'", "'", "s", " ", "  ", "\n", ".", ",", "-", "(", "5", "_", "he", "that", "’",
             "T", "é", "ſ"]
    assert_gate_keeps_every_match(repetition._DOUBLED, repetition._may_double,
                                  fuzz(parts, 60000, 9, 3) + real_targets(), 100)
    assert not repetition._may_double("No word here is said twice.")
    assert repetition._may_double("the (the ") and repetition._may_double("students' students' book")


def test_loop_gate_never_stops_a_match():
    rng = random.Random(4)
    words = ["a", "b", "A", "c9", "ab", "B", "x_y", "1"]
    seps = [" ", "  ", ", ", ";", "-", " - ", ".", "'", "\n", "_"]

    def piece():
        return "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 4)))

    matched = 0
    for _ in range(40000):
        phrase = piece().rstrip()
        body = "".join((phrase.upper() if rng.random() < .2 else phrase) + rng.choice(seps)
                       for _ in range(rng.randint(1, 4)))
        text = (piece() if rng.random() < .5 else "") + body + (piece() if rng.random() < .5 else "")
        if rng.random() < .3:
            text = "".join(c if rng.random() > .05 else rng.choice(seps) for c in text)
        if repetition._LOOP.search(text):
            matched += 1
            assert repetition._periodic(repetition._ASCII_WORD.findall(text.lower())), repr(text)
    assert matched > 1000
    assert not repetition._periodic("one two one two one three".split())


def test_dice_below_equals_the_counted_dice():
    rng = random.Random(11)
    for _ in range(50000):
        a = [rng.choice("abcdefg") for _ in range(rng.randint(0, 12))]
        b = [rng.choice("abcdefgh") for _ in range(rng.randint(0, 12))]
        limit = rng.choice([0.0, 0.5, 0.7, 0.8, 1.0, rng.random(), 6 / 7])
        assert repetition._dice_below(a, b, limit) == (repetition.dice(a, b) < limit), (a, b, limit)


@pytest.mark.parametrize("seed", [5, 6])
def test_the_x_regex_finds_what_the_plain_one_finds(seed):
    plain = re.compile(r"\b[Tt]he\s+([A-Za-z][A-Za-z'’-]*)(?=(?:\s+(\S+))?)")
    parts = ["the", "The", "THE", "he", "t", "T", "x-", " ", "\n", "Forum", "cat", "'", "’", ".", "_", "9", "é"]
    for text in fuzz(parts, 20000, 10, seed) + real_targets():
        expected = [(m.start(), m.end(), m.groups()) for m in plain.finditer(text)]
        found = [(m.start() - 1, m.end(), m.groups()) for m in capitalization._THE.finditer(text)]
        assert found == expected, repr(text)


def test_length_rules_share_one_collect_pass(monkeypatch):
    from dataclasses import replace

    from transqa.checks import Context
    from transqa.engine import run_rules
    from transqa.model import Document, Location, Segment
    from transqa.pipeline import RunOptions, prepare

    lines = [("我们今天讨论了经济发展和社会进步的许多问题以及未来的计划。", "We discussed many questions of economic "
              "development and social progress today, as well as plans for the future.")] * 30
    lines[7] = ("这是一个很长的句子，里面有很多很多的汉字和内容需要翻译成英文，还有更多的内容。", "Short.")
    doc = Document(segments=tuple(Segment(n, s, t, Location("a", n), Location("b", n))
                                  for n, (s, t) in enumerate(lines, 1)))
    rules = [r for r in prepare(RunOptions()).rules if r.code in ("LEN001", "LEN002")]
    calls = []
    original = length.LengthRatio.collect
    monkeypatch.setattr(length.LengthRatio, "collect", staticmethod(
        lambda *a: calls.append(1) or original(*a)))
    together = run_rules(doc, rules, Context())
    assert len(calls) == len(lines)  # one pass for both rules
    alone = [f for rule in rules for f in run_rules(doc, [rule], Context())]
    assert sorted(together, key=lambda f: (f.segment, f.code)) == sorted(alone, key=lambda f: (f.segment, f.code))
    assert together  # the omission is found
    calls.clear()
    other = [rules[0], replace(rules[1], options={**rules[1].options, "min_units": 10.0, "z": 1.0})]
    together = run_rules(doc, other, Context())
    assert len(calls) == len(lines)  # collect reads no option (min_units is applied in finish): still shared
    alone = [f for rule in other for f in run_rules(doc, [rule], Context())]
    assert sorted(together, key=lambda f: (f.segment, f.code)) == sorted(alone, key=lambda f: (f.segment, f.code))


def test_word_shape_tests_equal_the_regexes():
    rng = random.Random(12)
    words = ["".join(rng.choice("aZbY'’-") for _ in range(rng.randint(1, 6))) for _ in range(20000)]
    words = [w for w in words if w[0].isalpha()] + ["The", "the", "THE", "Forum", "iPhone", "May", "ab", "Ab"]
    for w in words:
        assert capitalization._is_lower(w) == bool(capitalization._LOWER.fullmatch(w)), w
        assert capitalization._is_capitalised(w) == bool(capitalization._CAPITALISED.fullmatch(w)), w


@pytest.mark.parametrize("keys, most, expected", [
    ([], None, set()),
    ([5], None, set()),
    ([3, 1, 3, 2, 1, 3], None, {1, 3}),
    ([3, 1, 3, 2, 1, 3], 2, {1}),              # 3 is met three times: over `most`
    ([7] * 51 + [8] * 50 + [9], 50, {8}),      # the REP004 block bound
    ([2 ** 150, 2 ** 150, 1], None, {2 ** 150}),  # 160-bit keys
])
def test_repeated_keys_are_those_met_two_to_most_times(keys, most, expected):
    from transqa.checks.consistency import repeated_keys as _repeated
    assert _repeated(keys, most) == expected


def test_repeated_keys_equal_a_counter_on_random_keys():
    import random
    from collections import Counter
    from transqa.checks.consistency import repeated_keys as _repeated
    rng = random.Random(3)
    for _ in range(200):
        keys = [rng.randrange(12) for _ in range(rng.randrange(40))]
        counts = Counter(keys)
        assert _repeated(keys, 3) == {k for k, n in counts.items() if 2 <= n <= 3}
        assert _repeated(keys) == {k for k, n in counts.items() if n >= 2}

"""Literal gates and pre-scans only skip work: a text they let pass may match, one they stop cannot."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
import regex

from transqa import userpatterns as up
from transqa.checks import basic, language, punctuation, spacing
from transqa.packs import default_pack_paths, load_packs

NEWSTEST = Path(__file__).resolve().parents[2] / "shared" / "data" / "newstest" / "newstest2019.zh-en.en"
SAMPLE = ["Companies made great contributions to the economy, such as roads, bridges, etc.",
          "The Office said RMB 5 million yuan was paid in Peking.", "İstanbul ıs thiſ KELVIN Kilo",
          "3 ten thousand people", "WIPO (World Intellectual Property Organization)", "per cent, percent",
          "Beijing, Shanghai, and Guangzhou", "国家知识产权局（CNIPA）", "e.g. apples and so on"]


def texts(n: int = 300) -> list[str]:
    lines = NEWSTEST.read_text(encoding="utf-8").splitlines()[:n] if NEWSTEST.exists() else []
    rng = random.Random(5)
    out = list(SAMPLE)
    for line in lines + SAMPLE:
        out.append(line)
        # case flips and the letters regex matches case-insensitively to i, s and k (İ ı ſ K)
        out.append("".join(c.upper() if rng.random() < 0.3 else c for c in line))
        out.append(line.replace("i", "İ").replace("s", "ſ").replace("k", "\u212a"))
        out.append(line.upper().replace("I", "ı"))
    return out


def test_gate_needles():
    assert up.gate(r"\b(?:make|made)\s+(?:great\s+)?contributions?\s+to\b", True) == (("contribution",), True)
    assert up.gate(r"(?:\bsuch as\b|\be\.g\.)[^.;]{0,150}?\K\betc\b", True) == (("such as", "e.g."), True)
    assert up.gate(r"\d+\s+(?:ten thousand|hundred million)", True) == (("hundred million", "ten thousand"), True)
    assert up.gate(r"\d+\s+(?:ten[- ]thousand|hundred[- ]million)", True) == (("thousand", "hundred"), True)
    assert up.gate("RMB", False) == (("RMB",), False)
    assert up.gate("(?i)RMB", False) == (("rmb",), True)  # an inline flag folds the needles
    assert up.gate(", (?:and|or)", True) == ((", and", ", or"), True)  # literals and a literal choice join
    assert up.gate(" (and|or) x", True) == ((" and x", " or x"), True)
    assert up.gate("(?:a|b)c", True) == ((), False)  # too short to rule anything out
    # 5 x 5 = 25 strings would be more than MAX_NEEDLES: the choices stay two sets, the better one is used
    assert up.gate("(?:aaa|bbb|ccc|ddd|eee)(?:f|g|h|i|j)", True) == (("aaa", "bbb", "ccc", "ddd", "eee"), True)
    assert up.gate(", (?:and|or) then", True) == ((", and then", ", or then"), True)
    assert up.gate(r"\d+, \d+", True) == ((), False)
    assert up.gate(r"\d+(?:, |; )\d+ — \d", True) == ((" — ",), False)  # caseless needles: the raw text
    assert up.gate("国家(?:知识)产权", True) == (("国家知识产权",), False)
    assert up.gate("(?:enterprise|enterprises)", True) == (("enterprise",), True)  # a needle in another
    for no_gate in (r"[[:alpha:]]+x", r"(?:colour){e<=1}", r"\p{Han}+", r"\w+", r"a|\d", "x*", r"(?<=abc)\d"):
        assert up.gate(no_gate, True) == ((), False), no_gate
    assert up.gate("(?<=abc)def", False) == (("def",), False)  # look-arounds require nothing
    assert up.gate("万", True) == (("万",), False)  # one Han character is selective enough


def test_count_gates():
    assert up.count_gate(r", (?:and|or)(?<=[a-z]+, [a-z]+, (?:and|or))", True) == ((", ", 2, False),)
    assert up.count_gate(r"(?i)AB.ab", False) == (("ab", 2, True),)
    assert up.count_gate(r"x(ab).ab", False) == (("ab", 2, False),)  # a group is spanned once
    assert up.count_gate(r"(?:ab)+.ab", False) == ()  # a repeat is not looked into
    assert up.count_gate(r"ab(?=.ab)", False) == ()  # the look-ahead's `ab` may be the same one
    assert up.count_gate(r"ab|cd.ab", False) == ()  # neither alternative needs both
    assert not up.compile_regex(r"\w+, \w+, \w+ and", True).may_match("one, two and three")
    assert up.compile_regex(r"\w+, \w+, \w+ and", True).may_match("one, two, three and four")


def test_folded_needle_characters_fold_like_everything_regex_matches_to_them():
    cases = pytest.importorskip("regex._regex").get_all_cases
    flags = regex.IGNORECASE | regex.V0
    blocks = itertools.chain(range(128), *(range(lo, hi + 1) for lo, hi in up._CASELESS_BLOCKS))
    for code in blocks:
        char = chr(code)
        if not up._gate_char(char, True):
            continue
        others = cases(flags, code)
        if char.upper() == char.lower():  # caseless: matched by itself only, so compared unfolded
            assert others in ([], [code]), hex(code)
        for other in others:
            assert up.fold(chr(other)) == up.fold(char), (hex(code), hex(other))


def _shipped_matchers():
    out = []
    for rule in load_packs(default_pack_paths()):
        o, ic = rule.options, rule.options.get("ignorecase", True)
        for key in ("patterns",):
            out += [up.compile_regex(p, ic) for p in o.get(key, ())]
        for key in ("term", "defined_by", "source_pattern"):
            if o.get(key):
                out.append(up.compile_regex(o[key], ic))
        for key in ("tokens", "words", "exceptions", "source_tokens", "target_tokens"):
            if o.get(key):
                out.append(up.compile_tokens(tuple(o[key]), ic))
        if o.get("swap"):
            out += ([up.compile_regex(k, ic) for k in o["swap"]] if o.get("regex")
                    else [up.compile_tokens(tuple(o["swap"]), ic)])
        for value in (o.get("forms") or {}).values():
            out.append(up.compile_regex(value, ic) if isinstance(value, str) else up.compile_tokens(tuple(value), ic))
    return out


EXTRA = [("this", True), ("in", True), ("Kilo", True), ("is", False), ("İstanbul", True), (r"\bk\w+", True),
         (r"(?i)IS\b", False), (r"(?:such as|including)[^.]{0,40}?\Ketc", True), ("国家知识产权局", True),
         (r"\w+, \w+, \w+ and", True), (r"th.*th", True), (r"(?<=\w, \w+, )and", True), (r"(?:the)\W+the", True)]


def test_no_gate_hides_a_match():
    matchers = _shipped_matchers() + [up.compile_regex(p, ic) for p, ic in EXTRA]
    assert sum(bool(m.needles) for m in matchers) >= 8  # the shipped style rules do get gates
    stopped = 0
    for text in texts():
        low = up.fold(text)
        for m in matchers:
            if not m.may_match(text, low):
                stopped += 1
                assert m.compiled.search(text) is None, (m.pattern, m.needles, text)
    assert stopped > 100


PREFIXED = [(r"\bthe\s+\w+", True), (r"(?<=, )and\b", False), (r"^Hello", True), (r"(?m)^the", True),
            (r"ab\Kc", False), (r"(?:and|or)(?= )", True), (r"\bx(?=y)|z", True), (r"(?i)thİs", False)]


def test_searches_started_at_a_leading_literal_find_every_match():
    matchers = [m for m in _shipped_matchers() + [up.compile_regex(p, ic) for p, ic in EXTRA + PREFIXED]
                if m.prefixes]
    assert len(matchers) >= 8
    assert up.prefix_gate(r"\bx(?=y)|z", True) == ((), False)  # a top-level alternative without one
    assert up.prefix_gate(r"\Gab", False) == ((), False)
    assert up.compile_tokens(("per cent", "percent"), True).prefixes == ("per", "percent")  # each alternative
    assert up.prefix_gate(r"\b(?:make|made)\s+x", True) == (("made", "make"), True)
    rng = random.Random(8)
    samples = texts(150) + ["the the, and or Hello\nthe x, andy abc", "Hello the", "and", ""]
    samples += ["".join(rng.choice(["the ", "and ", ", ", "or", "Hello", "ab", "c", "x", "\n", "İ", "THE"])
                        for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for m in matchers:
        plain = up.Matcher(m.compiled)
        plain.prefixes = ()
        for text in samples:
            for pos, end in ((0, None), (3, len(text) - 1)):
                found = [x.span() for x in m.scan(text, pos=pos, endpos=end, isolate=False)]
                assert found == [x.span() for x in plain.scan(text, pos=pos, endpos=end, isolate=False)], \
                    (m.pattern, text)


def test_folded_tokens_see_dotted_and_long_letters():
    for token, text in (("is", "thİs İs"), ("this", "thiſ"), ("kilo", "\u212ailo"), ("I", "ı")):
        m = up.compile_tokens((token,), True)
        assert m.compiled.search(text) is not None and m.may_match(text), (token, text)


ALPHABET = "aZx .!?\"'“”‘’()[]{}:;-1iv \t\u00a0\u3000。，火Жあ한"


@pytest.mark.parametrize("seed", range(3))
def test_prescans_are_necessary_conditions(seed):
    rng = random.Random(seed)
    samples = [("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))) for _ in range(4000)]
    samples += texts(100)
    for text in samples:
        if punctuation._MID_START.search(text):
            assert punctuation._MID_START_GATE.search(text), text
        if spacing._GLUED_STOP.search(text):
            assert spacing._GLUED_STOP_GATE.search(text), text
        for m in punctuation._ENUMERATOR.finditer(text):
            assert punctuation._may_end_enumerator(text, m.end() - 1), text
        if spacing._SPACE_RUN.search(text) and text.isascii():
            assert "  " in text or "\t" in text, text
        if any(p.search(text) for _, p in language._SCRIPTS):
            assert language._ANY_SCRIPT.search(text), text
        if basic.HAN_RUN_RE.search(text):
            assert not text.isascii()


def _english_at_a_glance_reference(text: str) -> bool:
    padded = " " + text[:400].lower().replace(",", " ").replace(".", " ") + " "
    return sum(padded.count(hint) for hint in language._EN_HINTS) >= 2


def test_english_glance_shortcut_gives_the_same_answer():
    rng = random.Random(3)
    words = ["the", "The", "of", "OF", "the,", "of.", "the the", "and", "x", "İ", "\u212a", "...", ""]
    samples = texts(200) + [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    samples += ["x" * 396 + " the of the ", " the " * 100]
    for text in samples:
        assert language._english_at_a_glance(text) == _english_at_a_glance_reference(text), text

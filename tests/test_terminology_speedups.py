"""The per-segment shortcuts of the TERM rules against plain references: one tokenisation of a target
(words, set, spans), the gates before term-misspelled's word scan, one view per target shared by the
rules of a segment."""

from __future__ import annotations

import os
import random
from difflib import SequenceMatcher

import pytest

from transqa.checks import Context, registry
from transqa.checks import terminology as T
from transqa.checks.term_renderings import us_spelling
from transqa.glossary import load_glossaries
from transqa.model import Segment
from transqa.packs import default_glossary_paths
from transqa.pipeline import RunOptions, prepare
from transqa.terms import TermIndex, fold

TRICKY = ["", "123 456", "İstanbul and \u212Aelvin", "U.S. and U.K. officials.", "don’t--stop", "...abc.. d",
          "Untied States' envoy", "the Shanghi-based firm", "Trumpf, Trump.", "co-operation  Co-Operation",
          "ÄÖÜ straße", "a.b.c. x-", "It's the UNITED STATES’ turn", "\u212Aelvin scale"]


def _plain_spans(target):
    return [(m.start(), m.end(), m.group().lower().rstrip(".")) for m in T._WORD.finditer(target)]


@pytest.mark.parametrize("target", TRICKY)
def test_words_equal_a_plain_tokenisation(target):
    words = T._Words(target)
    spans = _plain_spans(target)
    assert words.words == [w for _, _, w in spans]
    assert words.vocab == {w for _, _, w in spans}
    assert [words.span(i) for i in range(len(spans))] == [(s, e) for s, e, _ in spans]
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for shortest, longest in ((1, 99), (5, 7), (3, 3)):
            assert words.candidates(letter, shortest, longest) == [
                i for i, (_, _, w) in enumerate(spans) if w[0] == letter and shortest <= len(w) <= longest]


VOCAB_PROBES = ["united", "states", "u.s", "us", "istanbul", "stanbul", "kelvin", "elvin", "don’t", "don", "stop",
                "abc", "d", "trump", "trumpf", "co-operation", "operation", "state", "the", "it's", "it", "s",
                "shanghi", "shanghi-based", "based", "a.b.c", "x-", "x", "turn", "united states", "unite", "'s", "’"]


@pytest.mark.parametrize("target", TRICKY + ["-united.", "'united'", "united..", "united.-", "xunited", "united’s",
                                              "U.S.-China", "(Trump)", "Trump's", ".-.trump", "the.the", "the the."])
def test_has_word_equals_membership_in_the_words(target):
    for probe in VOCAB_PROBES:
        view = T._Target(target)
        assert view.has_word(probe) == (probe in T._Words(target).vocab), (target, probe)
        view.words  # once the words exist, they answer
        assert view.has_word(probe) == (probe in view.words.vocab)


def _plain_misspelt(word, wanted, min_similarity):
    """term-misspelled's word test as first written (spelling variants before the ending test)."""
    word, wanted = word.replace(".", ""), wanted.replace(".", "")
    if word == wanted or word[:1] != wanted[:1] or abs(len(word) - len(wanted)) > 2 or min(len(word), len(wanted)) < 5:
        return False
    if us_spelling(word) == us_spelling(wanted) or word.replace("men", "man") == wanted.replace("men", "man"):
        return False
    prefix = len(os.path.commonprefix([word, wanted]))
    suffix = len(os.path.commonprefix([word[prefix:][::-1], wanted[prefix:][::-1]]))
    if suffix == 0:
        longer, shorter = (word, wanted) if len(word) > len(wanted) else (wanted, word)
        return len(longer) == len(shorter) + 1 and longer.startswith(shorter) and longer[-1] not in "sdyn"
    return SequenceMatcher(None, word, wanted).ratio() >= min_similarity


def _plain_near_misses(term, target, min_similarity):
    """The near-miss search without gates: every rendering, every target word."""
    spans = _plain_spans(target)
    vocab = {w for _, _, w in spans}
    for rendering in term.target:
        wanted = tuple(w.rstrip(".") for w in rendering.lower().split())
        absent = [k for k, w in enumerate(wanted) if w not in vocab]
        if len(absent) != 1:
            continue
        k, bad = absent[0], wanted[absent[0]]
        for i, (_, _, word) in enumerate(spans):
            first = i - k
            if word[:1] != bad[:1] or abs(len(word) - len(bad)) > 2 or first < 0 or first + len(wanted) > len(spans):
                continue
            window = [w for _, _, w in spans[first:first + len(wanted)]]
            if any(a != b for j, (a, b) in enumerate(zip(window, wanted)) if j != k) \
                    or not _plain_misspelt(word, bad, min_similarity):
                continue
            start, end = spans[first][0], spans[first + len(wanted) - 1][1]
            text = target[start:end].rstrip(".")
            if not T._rendered(term, text, fold(text)):
                yield start, start + len(text), text


def _mutations(word, rng):
    """A word as a typist gets it wrong (or right): swapped, dropped, doubled, changed letters."""
    if len(word) < 2:
        return [word]
    i = rng.randrange(len(word) - 1)
    return [word, word[:i] + word[i + 1] + word[i] + word[i + 2:], word[:i] + word[i + 1:],
            word[:i] + word[i] * 2 + word[i + 1:], word[:i] + rng.choice("aeiouxyz") + word[i + 1:],
            word + rng.choice("sdyne"), word.upper(), word.replace("z", "s"), word + "."]


@pytest.fixture(scope="module")
def shipped_terms():
    index = TermIndex(load_glossaries(default_glossary_paths()))
    return index.terms


def test_near_miss_gates_keep_every_near_miss(shipped_terms):
    rng = random.Random(3)
    fillers = ["the", "officials", "said", "of", "China", "in", "Beijing", "U.S.", "and", "policy", "states"]
    compared = found = 0
    for _ in range(6000):
        term = rng.choice(shipped_terms)
        rendering = rng.choice(term.target)
        words = [rng.choice(_mutations(w, rng)) for w in rendering.split()]
        if rng.random() < 0.3:  # another rendering's words mixed in, or the window broken up
            words.insert(rng.randrange(len(words) + 1), rng.choice(fillers))
        glue = rng.choice([" ", " ", " ", "-", "’", ".", " (", " 'x "])  # tokens joined or cut in odd places
        target = glue.join(rng.sample(fillers, 3) + words + rng.sample(fillers, 2)) + rng.choice(["", ".", "'s", "..."])
        view = T._Target(target)
        got = list(T._near_misses(term, view, 0.8))
        assert got == list(_plain_near_misses(term, target, 0.8)), (term.target, target)
        assert T._near_miss(term, T._Target(target)) == bool(got)
        compared += 1
        found += bool(got)
    assert compared == 6000 and found > 300  # the planted typos do get found


def test_misspelt_in_the_new_order_decides_as_before():
    rng = random.Random(9)
    words = ["united", "untied", "shanghai", "shanghi", "trump", "trumpf", "secretary", "secretariat",
             "regulation", "regulatory", "chairman", "chairmen", "organisation", "organization", "centre",
             "center", "defence", "defense", "colour", "color", "patents", "patent", "trumps", "united."]
    for a in words:
        for b in words:
            for mutated in _mutations(b, rng):
                assert T._misspelt(a, mutated, 0.8) == _plain_misspelt(a, mutated, 0.8), (a, mutated)


def test_term_rules_give_the_same_hits_with_a_view_per_rule_or_shared(monkeypatch):
    glossaries = tuple(load_glossaries(default_glossary_paths()))
    segments = [
        Segment(1, "国家知识产权局局长申长雨会见世界知识产权组织总干事。",
                "SIPO Commissioner Shen met the WIPO Director Generla."),
        Segment(2, "国家知识产权局和长三角。",
                "the China National Intellectual Property Adminstration and the Yangtze region"),
        Segment(3, "习近平总书记在长三角考察。", "Chairman Xi Jinping visited the Yangtze Delta region."),
        Segment(4, "原国家知识产权局发布年报。", "The former SIPO released its annual report."),
        Segment(5, "美国疾控中心表示。", "The CDC said."),
        Segment(6, "国家知识产权局", "   "),
    ]
    checks = registry()
    rules = [r for r in prepare(RunOptions()).rules if r.code in ("TERM001", "TERM002", "TERM003", "TERM007")]

    def run(kept):  # rule by rule, as the engine runs them
        monkeypatch.setattr(T, "_TARGETS_KEPT", kept)
        context = Context(glossaries=glossaries)
        return [[list(checks[r.check].run(seg, r.options, context)) for seg in segments] for r in rules]

    shared, alone = run(4096), run(0)  # 0: the view cache is emptied before every lookup
    assert len(rules) == 4 and shared == alone
    assert all(any(per_rule) for per_rule in shared)  # each rule reports something here


def test_spaced_rendering_search_is_skipped_only_when_it_cannot_match(shipped_terms):
    """find_rendering tries a rendering across runs of whitespace only when each of its words is in the
    target: every match of that pattern contains them all."""
    from transqa.terms import _spaced, _variants

    rng = random.Random(12)
    spaces = [" ", "  ", "\n", "\t ", "-", " - ", "\u00a0", "\u3000"]
    checked = matched = 0
    for _ in range(3000):
        term = rng.choice(shipped_terms)
        rendering = rng.choice(term.target)
        words = [rng.choice(_mutations(w, rng)) if rng.random() < 0.2 else w for w in rendering.split()]
        target = "The " + "".join(w + rng.choice(spaces) for w in words) + "said."
        folded = fold(target)
        for key, _ in _variants(rendering):
            if " " not in key.strip():
                continue
            checked += 1
            if _spaced(key).search(folded):
                matched += 1
                assert all(w in folded for w in key.split()), (key, target)
    assert checked > 1000 and matched > 300

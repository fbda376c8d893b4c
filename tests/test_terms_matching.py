"""Glossary matching against slow references: the automaton (every occurrence, automaton order), the
term-inconsistent prefilter (never skips a segment that has a term to compare), han-in-target's
source -> renderings table read from the columns."""

from __future__ import annotations

import random

import pytest

from transqa.glossary import Glossary, SourceRenderings, Term, load_glossaries, load_glossary
from transqa.packs import default_glossary_paths
from transqa.terms import PhraseMatcher, TermIndex, _boundary_ok, _case_ok, alternatives, fold

PHRASES = ["国家知识产权局", "知识产权", "国家知识产权局局长", "局长", "局", "發明專利", "专利", "专利局",
           "WIPO", "WIPO Lex", "ip", "Patent Office", "𠮷野家", "中华人民共和国专利法", "中华人民共和国"]
PIECES = PHRASES + ["的", "和", " ", "wipo", "Ip", "IP", "x", "國家知識產權局", "\udcff", "😀", "-", "　", "ＷＩＰＯ"]


def _reference(phrases: list[str], text: str, simplify: bool = True) -> list[tuple[int, int, str]]:
    """Every occurrence by str.find, filtered like PhraseMatcher, in the automaton's order: by end,
    then longest first."""
    folded = fold(text, simplify=simplify)
    keys = {}
    for phrase in phrases:
        keys[fold(phrase, simplify=simplify)] = phrase  # a later phrase with the same key wins
    out = []
    for key, phrase in keys.items():
        pos = folded.find(key)
        while pos >= 0:
            if _boundary_ok(folded, pos, pos + len(key), key) and _case_ok(text, pos, phrase):
                out.append((pos, pos + len(key), phrase))
            pos = folded.find(key, pos + 1)
    return sorted(out, key=lambda m: (m[1], m[0]))


def test_phrase_matcher_finds_what_str_find_finds_in_the_same_order():
    rng = random.Random(5)
    matcher = PhraseMatcher({p: n for n, p in enumerate(PHRASES)})
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    found = 0
    for text in texts:
        got = [(s, e, p) for s, e, p, _ in matcher.find_all(text)]
        if "\udcff" in text:  # a lone surrogate is matched as U+FFFD (same length)
            assert sorted(got) == sorted(_reference(PHRASES, text.replace("\udcff", "\ufffd")))
            continue
        assert got == _reference(PHRASES, text), text
        found += len(got)
    assert found > 5000


def test_nested_terms_all_reported_and_payloads_kept():
    matcher = PhraseMatcher({"国家知识产权局": 1, "知识产权": 2, "国家知识产权局局长": 3, "局长": 4})
    assert [(s, e, v) for s, e, _, v in matcher.find_all("國家知識產權局局長")] == [
        (2, 6, 2), (0, 7, 1), (0, 9, 3), (7, 9, 4)]


def _glossaries():
    entries = [Term(source=("专利", "發明專利"), target=("patent", "invention patent"), consistent=True),
               Term(source=("商标",), target=("trademark", "TM")),  # an acronym alternative
               Term(source=("地理标志",), target=("geographical indication", "GI", "geo-indication")),
               Term(source=("国家知识产权局",), target=("CNIPA",)),
               Term(source=("知识产权",), target=("IP", "intellectual property"), consistent=True),
               Term(source=("局",), target=("office",))]
    shipped = load_glossaries(default_glossary_paths())
    return [*shipped, Glossary(name="u", path="/tmp/u.yaml", terms=tuple(entries))]


@pytest.mark.parametrize("all_entries", [False, True])
def test_alternatives_prefilter_never_skips_a_segment_with_a_term_to_compare(all_entries):
    rng = random.Random(9)
    pieces = ["专利", "發明專利", "商标", "地理标志", "国家知识产权局", "知识产权", "局", "的", "和", "WIPO", "Madrid"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(2000)]
    index = TermIndex(_glossaries())
    skipped = compared = 0
    for n, text in enumerate(texts):
        if n % 2:
            index._hits.clear()  # half of them not in the hit cache
        wanted = any(len(alternatives(h.term.target, h.term.consistent, all_entries)) > 1
                     for h in index.source_hits(text))
        if n % 3 == 0:
            index._hits.clear()
        may = index.may_have_alternatives(text, all_entries)
        assert may or not wanted, text
        skipped += not may
        compared += wanted
    assert skipped > 100 and compared > 100


def test_alternatives_prefilter_skips_everything_without_such_entries():
    index = TermIndex(load_glossaries(default_glossary_paths()))
    assert not any(t.consistent for t in index.terms)
    assert not index.may_have_alternatives("国家知识产权局局长和专利", False)
    assert index._with_alternatives[False] is None


def _renderings_from_terms(glossaries) -> dict[str, tuple[str, ...]]:
    """Source string -> the lower-cased renderings of every entry with it, in load order, read from Terms."""
    expected: dict[str, tuple[str, ...]] = {}
    for glossary in glossaries:
        for term in glossary.terms:
            for source in term.source:
                expected[source] = expected.get(source, ()) + tuple(t.lower() for t in term.target)
    return expected


def test_source_renderings_equals_the_table_built_from_terms(tmp_path):
    path = tmp_path / "cols.yaml"
    path.write_text("glossary: cols\nterms:\n"
                    "  - {source: [专利, 發明專利], target: [Patent, Invention Patent], consistent: true}\n"
                    "  - {source: 专利, target: PATENT RIGHT}\n"
                    "  - {source: 局长, target: Commissioner}\n", encoding="utf-8")
    glossaries = [*load_glossaries(default_glossary_paths()), load_glossary(path), *_glossaries()[-1:]]
    expected = _renderings_from_terms(glossaries)
    assert expected["专利"][:3] == ("patent", "invention patent", "patent right")
    lazy = SourceRenderings(glossaries)  # what han-in-target uses: the table, read per string
    assert all(lazy.get(source) == renderings for source, renderings in expected.items())
    assert lazy.get("专利") == expected["专利"] and lazy.get("不是术语") is None
    dup = tmp_path / "dup.yaml"  # the same source in two entries of one glossary, one source per entry
    dup.write_text("glossary: dup\nterms:\n  - {source: 局长, target: Director}\n"
                   "  - {source: 局长, target: Head}\n", encoding="utf-8")
    both = [*glossaries, load_glossary(dup)]
    table = _renderings_from_terms(both)
    assert SourceRenderings(both).get("局长") == table["局长"] and table["局长"][-2:] == ("director", "head")

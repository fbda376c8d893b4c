"""Large glossaries: the column store (glossary.TermTable), its disk cache, and the prefix automaton
that terms.PhraseMatcher switches to for large phrase sets. Same results as the small-set paths."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from transqa import glossary_cache, terms
from transqa.errors import TransqaError
from transqa.glossary import Glossary, Term, TermTable, load_glossaries, load_glossary
from transqa.packs import default_glossary_paths
from transqa.terms import PhraseMatcher, TermIndex

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "fixtures" / "cnipa-forum.zh.txt").read_text(encoding="utf-8").splitlines()

ENTRIES = """glossary: cols
terms:
  - source: [专利, 發明專利]
    target: [patent, invention patent]
    forbidden: [patent right of invention]
    kind: term
    note: a note
    ref: https://example.org/a
    consistent: true
  - source: 国家知识产权局
    target: CNIPA
    kind: organization
    ref: https://example.org/a
  - {source: 局长, target: Commissioner, kind: title}
"""


def _hits(index: TermIndex, texts):
    return [[(h.start, h.end, h.pattern, h.term) for h in index.all_source_hits(t)] for t in texts]


def test_table_builds_terms_lazily_once_and_keeps_every_field(tmp_path):
    path = tmp_path / "cols.yaml"
    path.write_text(ENTRIES, encoding="utf-8")
    table = load_glossary(path).terms
    assert isinstance(table, TermTable) and len(table) == 3 and not table._made
    first = table[0]
    assert first is table[0] is table[-3] and len(table._made) == 1
    assert first == Term(source=("专利", "發明專利"), target=("patent", "invention patent"),
                         forbidden=("patent right of invention",), kind="term", note="a note",
                         ref="https://example.org/a", glossary="cols", path=str(path), line=3, consistent=True)
    assert table[1].forbidden == () and table[1].kind == "organization" and not table[1].consistent
    assert table[1].ref is table[0].ref  # one string object per distinct ref
    assert [t.source for t in table[1:]] == [("国家知识产权局",), ("局长",)]
    assert table == tuple(table) and table != tuple(table)[:2]
    with pytest.raises(IndexError):
        table[3]


def test_nul_in_an_entry_is_a_one_line_error(tmp_path):
    path = tmp_path / "nul.yaml"
    path.write_text('terms:\n  - {source: "专\\0利", target: patent}\n', encoding="utf-8")
    with pytest.raises(TransqaError, match="NUL"):
        load_glossary(path)


def test_columnar_cache_round_trips_every_column(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(glossary_cache, "CACHE_MIN_BYTES", 64)
    path = tmp_path / "cols.yaml"
    path.write_text(ENTRIES, encoding="utf-8")
    fresh = load_glossary(path)
    (cached,) = (tmp_path / "cache").iterdir()
    again = load_glossary(path)
    assert again.terms is not fresh.terms and again == fresh
    assert [t.line for t in again.terms] == [3, 10, 14]
    # a column of the wrong length or type is a miss, never an error or a half-read glossary
    good = cached.read_text(encoding="utf-8")
    for bad in (good.replace('"kind":[2,0,1]', '"kind":[2,0]'), good.replace('"line":[3,10,14]', '"line":[3,"x",14]'),
                good.replace('"multi_source":[0]', '"multi_source":[7]'), good[:-5]):
        assert bad != good
        cached.write_text(bad, encoding="utf-8")
        assert glossary_cache.read(cached, str(path)) is None
        assert load_glossary(path) == fresh


def _random_texts(rng, phrases, n=300):
    """Text built from pieces of the phrases (so prefixes and whole phrases occur, overlapping)."""
    pieces = [p[:rng.randint(1, len(p))] for p in rng.sample(phrases, min(len(phrases), 400))] + SEED
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(n)]


def test_prefix_automaton_finds_exactly_what_the_full_one_finds(monkeypatch):
    shipped = load_glossaries(default_glossary_paths())
    rng = random.Random(3)
    extra = [Term(source=("国家知识产权局专利局", "国家"), target=("x",)), Term(source=("局",), target=("y",)),
             Term(source=("𠮷野家", "WIPO Lex", "ip"), target=("z",))]
    laws = ["中华人民共和国" + name + "法" for name in ("专利", "商标", "著作权", "反不正当竞争", "民", "刑", "宪",
                                                   "海商", "公司", "合同", "证券", "保险")]
    extra += [Term(source=(law,), target=(f"law {n}",)) for n, law in enumerate(laws)]
    glossaries = [*shipped, Glossary(name="x", path="/tmp/x.yaml", terms=tuple(extra))]
    phrases = [s for g in glossaries for t in g.terms for s in t.source]
    texts = _random_texts(rng, phrases) + ["國家知識產權局局長", "\udcff国家知识产权局", "WIPO Lex and IP, wipo lex",
                                           "依据《中华人民共和国专利法》和中华人民共和国商标法、中华人民共和国法"]
    exact = TermIndex(glossaries)
    assert exact.matcher._groups is None
    monkeypatch.setattr(terms, "PREFIX_MIN_CHARS", 0)
    for prefix_chars in (1, 2, 3):
        monkeypatch.setattr(terms, "PREFIX_CHARS", prefix_chars)
        prefixed = TermIndex(glossaries)
        assert prefixed.matcher._groups is not None
        assert prefix_chars == 1 or any(type(g) is dict for g in prefixed.matcher._more.values())
        assert _hits(prefixed, texts) == _hits(exact, texts)
        assert sum(map(len, _hits(prefixed, texts))) > 300


def test_index_builds_terms_only_for_matches_and_later_glossaries_win(tmp_path):
    lines = ["glossary: many", "terms:"] + [f"  - {{source: 词{i:05d}, target: word {i}}}" for i in range(2000)]
    lines.append("  - {source: 国家知识产权局, target: the Office}")
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shipped = load_glossaries(default_glossary_paths())
    user = load_glossary(path)
    index = TermIndex([*shipped, user])
    hits = index.source_hits("国家知识产权局和词01234")
    assert [(h.pattern, h.term.target) for h in hits] == [("国家知识产权局", ("the Office",)),
                                                          ("词01234", ("word 1234",))]
    assert len(user.terms._made) == 2


def test_phrase_matcher_keeps_one_string_when_folding_changes_nothing():
    matcher = PhraseMatcher({"专利": 1, "WIPO": 2, "Patent Office": 3})
    assert matcher.patterns[0] is matcher.phrases[0]
    assert matcher.patterns[1:] == ["wipo", "patent office"]


def test_fold_many_equals_fold_one_by_one():
    texts = [s for g in load_glossaries(default_glossary_paths()) for t in g.terms for s in (*t.source, *t.target)]
    texts += ["İstanbul Co\u2013operation ＷＩＰＯ", "國家知識產權局", "乾隆皇帝乾燥", "裏面 髮型", "", "x"]
    for simplify in (False, True):
        assert terms.fold_many(texts, simplify=simplify) == [terms.fold(t, simplify=simplify) for t in texts]
        with_break = [*texts, "a\nb"]
        assert terms.fold_many(with_break, simplify=simplify) == [terms.fold(t, simplify=simplify) for t in with_break]


def test_large_json_glossary_is_cached_too(tmp_path, monkeypatch):
    import json

    monkeypatch.setenv("TRANSQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(glossary_cache, "CACHE_MIN_BYTES", 64)
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"glossary": "j", "terms": [{"source": ["专利", "專利"], "target": "patent"}]}),
                    encoding="utf-8")
    fresh = load_glossary(path)
    assert len(list((tmp_path / "cache").iterdir())) == 1
    again = load_glossary(path)
    assert again == fresh and again.name == "j" and again.terms[0].source == ("专利", "專利")

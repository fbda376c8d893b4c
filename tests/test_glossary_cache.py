"""The on-disk cache of large parsed glossaries (transqa.glossary_cache): same terms, safe misses."""

from __future__ import annotations

import pytest

from transqa import glossary_cache
from transqa.errors import TransqaError
from transqa.glossary import load_glossary


def _big_glossary(path, entries=300, extra=""):
    lines = ["glossary: big", "terms:"]
    lines += [f"  - {{source: 术语{i:05d}, target: [term number {i}, t{i}], forbidden: [bad {i}], ref: r{i}}}"
              for i in range(entries)]
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    assert path.stat().st_size >= glossary_cache.CACHE_MIN_BYTES
    return path


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRANSQA_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch):
    monkeypatch.setattr(glossary_cache, "CACHE_MIN_BYTES", 4096)  # the real one is 256 KiB


def test_cached_load_equals_fresh_load(tmp_path, cache):
    path = _big_glossary(tmp_path / "g.yaml")
    fresh = load_glossary(path)
    assert len(list(cache.iterdir())) == 1
    again = load_glossary(path)
    assert again == fresh and [t.line for t in again.terms] == [t.line for t in fresh.terms]
    assert again.terms[7].target == ("term number 7", "t7") and again.terms[7].forbidden == ("bad 7",)


def test_changed_content_misses_and_tampered_cache_is_ignored(tmp_path, cache):
    path = _big_glossary(tmp_path / "g.yaml")
    load_glossary(path)
    (cached,) = cache.iterdir()
    cached.write_text('{"format": "transqa-glossary-cache-1", "name": "x", "terms": [[1]]}', encoding="utf-8")
    assert load_glossary(path).terms[0].source == ("术语00000",)  # malformed cache: parsed again
    _big_glossary(path, extra="  - {source: 新词, target: new word}\n")
    assert load_glossary(path).terms[-1].source == ("新词",)
    assert len(list(cache.iterdir())) == 2


def test_errors_are_never_cached(tmp_path, cache):
    path = _big_glossary(tmp_path / "g.yaml", extra="  - {source: 坏, target: bad, kind: nonsense}\n")
    for _ in range(2):
        with pytest.raises(TransqaError, match="kind"):
            load_glossary(path)
    assert not cache.exists() or not list(cache.iterdir())


def test_empty_cache_dir_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSQA_CACHE_DIR", "")
    path = _big_glossary(tmp_path / "g.yaml")
    assert glossary_cache.cache_path(str(path), path.read_bytes()) is None
    assert len(load_glossary(path).terms) == 300


def test_a_copy_elsewhere_hits_and_keeps_its_own_path(tmp_path, cache):
    first = _big_glossary(tmp_path / "g.yaml")
    load_glossary(first)
    (tmp_path / "copy").mkdir()
    second = tmp_path / "copy" / "g.yaml"
    second.write_bytes(first.read_bytes())
    again = load_glossary(second)
    assert len(list(cache.iterdir())) == 1
    assert again.path == str(second) and {t.path for t in again.terms} == {str(second)}


def _phrases(n=2000):
    return [f"术语{i:05d}" for i in range(n)] + ["国家知识产权局", "知识产权", "WIPO"]


def test_compiled_automaton_is_read_back_and_matches_the_same(cache, monkeypatch):
    from transqa.terms import PhraseMatcher

    monkeypatch.setattr(glossary_cache, "AUTOMATON_MIN_CHARS", 100)
    text = "国家知识产权局的术语00042，术语01999、WIPO"
    fresh = PhraseMatcher({p: n for n, p in enumerate(_phrases())})
    assert len(list(cache.glob("automaton-*"))) == 1

    def no_build(*args, **kwargs):
        raise AssertionError("compiled again")

    import daachorse

    monkeypatch.setattr(daachorse, "CharwiseDoubleArrayAhoCorasick", type(
        "NoBuild", (), {"__new__": no_build, "deserialize": daachorse.CharwiseDoubleArrayAhoCorasick.deserialize}))
    cached = PhraseMatcher({p: n for n, p in enumerate(_phrases())})
    assert cached.find_all(text) == fresh.find_all(text) and len(fresh.find_all(text)) == 5


def test_corrupt_or_other_automaton_is_compiled_again(cache, monkeypatch):
    from transqa.terms import PhraseMatcher

    monkeypatch.setattr(glossary_cache, "AUTOMATON_MIN_CHARS", 100)
    text = "国家知识产权局的术语00042，"
    expected = PhraseMatcher({p: n for n, p in enumerate(_phrases())}).find_all(text)
    (path,) = cache.glob("automaton-*")
    raw = bytearray(glossary_cache.base64.b64decode(path.read_bytes()))
    raw[len(raw) // 2] ^= 0xFF  # still a valid automaton to daachorse, but not the one stored
    path.write_bytes(glossary_cache.base64.b64encode(bytes(raw)))
    assert PhraseMatcher({p: n for n, p in enumerate(_phrases())}).find_all(text) == expected
    assert glossary_cache.base64.b64decode(path.read_bytes()) != bytes(raw)  # rewritten
    path.write_text("not base64 !", encoding="utf-8")
    assert PhraseMatcher({p: n for n, p in enumerate(_phrases())}).find_all(text) == expected
    other = PhraseMatcher({p: n for n, p in enumerate(_phrases()[1:])})  # other patterns: other file
    assert len(list(cache.glob("automaton-*"))) == 2
    assert {phrase: n for _, _, phrase, n in other.find_all(text)}["国家知识产权局"] == 1999


def test_small_phrase_sets_and_disabled_cache_write_no_automaton(tmp_path, monkeypatch):
    from transqa.terms import PhraseMatcher

    monkeypatch.setenv("TRANSQA_CACHE_DIR", str(tmp_path / "c"))
    PhraseMatcher({p: n for n, p in enumerate(_phrases())})  # below the real AUTOMATON_MIN_CHARS
    monkeypatch.setattr(glossary_cache, "AUTOMATON_MIN_CHARS", 100)
    monkeypatch.setenv("TRANSQA_CACHE_DIR", "")
    PhraseMatcher({p: n for n, p in enumerate(_phrases())})
    assert not (tmp_path / "c").exists()

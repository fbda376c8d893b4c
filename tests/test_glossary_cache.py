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

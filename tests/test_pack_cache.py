"""The on-disk cache of shipped packs gives exactly the rules a fresh load gives, and skips nothing that can fail."""

from __future__ import annotations

import json

import pytest

from transqa import pack_cache, packs
from transqa.checks import registry
from transqa.packs import default_pack_paths, load_pack, load_packs


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSQA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cached_rules_equal_fresh_ones_and_skip_yaml(cache, monkeypatch):
    monkeypatch.setenv("TRANSQA_CACHE_DIR", "")
    fresh = load_packs(default_pack_paths())
    monkeypatch.setenv("TRANSQA_CACHE_DIR", str(cache))
    assert load_packs(default_pack_paths()) == fresh  # first run writes
    assert sorted(cache.iterdir()) == sorted(pack_cache._cache_file(p) for p in default_pack_paths())

    def no_yaml(path):
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(packs, "load_yaml_file", no_yaml)
    cached = load_packs(default_pack_paths())
    assert cached == fresh
    assert [r.pack for r in cached] == [r.pack for r in fresh]


def test_changed_pack_or_check_types_miss(cache):
    path = default_pack_paths()[0]
    raw = path.read_bytes()
    checks = registry()
    rules = load_pack(path, checks)
    assert pack_cache.read(path, raw, checks) == rules
    assert pack_cache.read(path, raw + b"\n# edited\n", checks) is None
    other = dict(checks)
    other.pop(sorted(other)[0])
    assert pack_cache.read(path, raw, other) is None


def test_malformed_cache_is_ignored(cache):
    path = default_pack_paths()[0]
    rules = load_pack(path)
    cached = pack_cache._cache_file(path)
    data = json.loads(cached.read_text(encoding="utf-8"))
    data["rules"][0]["enabled"] = "yes"
    cached.write_text(json.dumps(data), encoding="utf-8")
    assert pack_cache.read(path, path.read_bytes(), registry()) is None
    assert load_pack(path) == rules  # loaded again, and the cache rewritten
    cached.write_text("{not json", encoding="utf-8")
    assert load_pack(path) == rules


def test_only_json_exact_values_and_shipped_packs_are_cached(cache, tmp_path):
    assert pack_cache._plain({"a": [1, 2.5, None, True, "x", {"b": []}]})
    for value in ((1, 2), {1: "x"}, float("nan"), {"a": {3}}):
        assert not pack_cache._plain(value)
    user_pack = tmp_path / "mine.yaml"
    user_pack.write_bytes(default_pack_paths()[0].read_bytes())
    load_pack(user_pack)
    assert not list(cache.glob("pack-mine-*.json"))


def test_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSQA_CACHE_DIR", "")
    load_packs(default_pack_paths())
    assert pack_cache._cache_file(default_pack_paths()[0]) is None

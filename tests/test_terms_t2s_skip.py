"""The OpenCC t2s skip: a text without a character that t2s may change is not converted, and that
never changes a result (the conversion of every such text is the text itself)."""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path

import pytest

from transqa import glossary_cache, terms


def _convert(text: str) -> str:
    """terms.to_simplified without the skip (the conversion it stands for)."""
    if text.isascii():
        return text
    out = terms._t2s().convert(text)
    if len(out) == len(text):
        return out
    chars = terms._t2s().convert("\n".join(text)).split("\n")
    return "".join(c if len(c) == 1 else o for o, c in zip(text, chars)) if len(chars) == len(text) else text


@pytest.fixture(scope="module")
def changed() -> str:
    chars = glossary_cache.t2s_changed_chars()
    if chars is None:
        pytest.skip("this OpenCC cannot list its t2s dictionaries")
    return chars


@pytest.fixture(scope="module")
def keys(changed) -> list[str]:
    """Every key of the t2s dictionaries, exported with OpenCC's own tool."""
    import opencc

    root = Path(opencc.__file__).resolve().parent / "clib"
    out = []
    for path in glossary_cache._opencc_dicts(root / "share" / "opencc", "t2s.json"):
        text = subprocess.run([str(root / "bin" / "opencc_dict"), "-i", str(path), "-o", "/dev/stdout",
                               "-f", "ocd2", "-t", "text"], check=True, capture_output=True).stdout.decode()
        out += [line.split("\t")[0] for line in text.splitlines()]
    assert len(out) > 1000
    return out


@pytest.mark.parametrize("exported, expected", [
    ("乾淨\t干净", "乾淨"),            # every differing position
    ("看著\t看着", "著"),              # a phrase: only the character that changes (看 stays)
    ("乾隆\t乾隆", ""),                # a key that converts to itself changes nothing
    ("乾\t干 乾", "乾"),               # any candidate value counts
    ("丟\t丢\n著\t著", "丟"),
    ("甲乙\t丙", "甲乙"),              # a value of another length: the whole key
    ("甲乙", "甲乙"),                  # a line that does not parse: all of it
])
def test_changed_characters_of_an_exported_dictionary(exported, expected):
    assert glossary_cache._changed(exported) == set(expected)


def test_char_class_matches_exactly_its_characters():
    chars = "".join(sorted("abcxz你好\u3400\u3401\u3402"))
    pattern = re.compile(terms._char_class(chars))
    for code in range(0x20, 0x5000):
        assert (pattern.fullmatch(chr(code)) is not None) == (chr(code) in chars), hex(code)
    # a character beyond the BMP in the set stands for all of them (a superset: still exact)
    wide = re.compile(terms._char_class("a\U00020000"))
    assert wide.fullmatch("\U00020000") and wide.fullmatch("\U0002A6D6") and wide.fullmatch("\U0010FFFF")
    assert not wide.fullmatch("b") and not wide.fullmatch("\uffff")


def test_every_character_alone_converts_as_before(changed):
    texts = [chr(c) for c in [*range(0x80, 0xD800), *range(0xE000, 0x10000), *range(0x20000, 0x20400),
                              *range(0x2F800, 0x2FA20)]]
    assert sum(terms._converts_to_itself(t) for t in texts) > 50_000  # the skip is taken
    assert [t for t in texts if terms.to_simplified(t) != _convert(t)] == []


def test_every_dictionary_key_in_context_converts_as_before(keys):
    rng = random.Random(5)
    texts = [*keys, *(f"前{k}后" for k in keys), *(f"{k}{rng.choice(keys)}" for k in keys)]
    pool = "".join(keys) + "的是在了中国国家知识产权局发展看著乾隆乾淨"
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 20))) for _ in range(20_000)]
    assert [t for t in texts if terms.to_simplified(t) != _convert(t)] == []
    assert terms.fold_many(texts, simplify=True) == [terms.fold(t, simplify=True) for t in texts]


def test_simplified_text_is_not_converted_but_traditional_is(changed):
    assert terms._converts_to_itself("国家知识产权局局长在上海发表讲话")
    assert not terms._converts_to_itself("國家知識產權局局長")
    assert terms.to_simplified("國家知識產權局局長") == "国家知识产权局局长"
    assert terms.fold("CNIPA（國家知識產權局）", simplify=True) == "cnipa(国家知识产权局)"


def test_cache_is_written_read_back_and_recomputed_when_damaged(tmp_path, monkeypatch, changed):
    monkeypatch.setenv("TRANSQA_CACHE_DIR", str(tmp_path))
    assert glossary_cache.t2s_changed_chars() == changed
    (cached,) = tmp_path.glob("t2s-changed-*.txt")
    head, body = cached.read_text(encoding="utf-8").split("\n", 1)
    assert body == changed
    cached.write_text(f"{head}\n{changed[1:]}", encoding="utf-8")  # a character lost: checksum fails
    assert glossary_cache.t2s_changed_chars() == changed
    assert cached.read_text(encoding="utf-8").split("\n", 1)[1] == changed


@pytest.fixture
def fresh_skip(monkeypatch):
    """terms' skip state as in a new process (restored afterwards)."""
    monkeypatch.setattr(terms, "_T2S_SKIP", {"state": "new", "search": None, "conversions": 0})


def test_without_the_dictionary_list_every_text_is_converted(monkeypatch, fresh_skip):
    monkeypatch.setattr(glossary_cache, "_opencc_dicts", lambda share, config: None)
    assert glossary_cache.t2s_changed_chars() is None
    for _ in range(terms.T2S_SKIP_AFTER + 5):
        assert not terms._converts_to_itself("国家知识产权局")
    assert terms.to_simplified("國家知識產權局") == "国家知识产权局"


def test_a_cached_set_is_used_at_once_and_a_missing_one_computed_only_for_a_long_run(
        tmp_path, monkeypatch, fresh_skip, changed):
    monkeypatch.setenv("TRANSQA_CACHE_DIR", str(tmp_path))
    assert glossary_cache.t2s_changed_chars(compute=False) is None  # nothing cached: not computed
    calls = []
    real = glossary_cache.t2s_changed_chars
    monkeypatch.setattr(glossary_cache, "t2s_changed_chars",
                        lambda compute=True: calls.append(compute) or real(compute))
    for _ in range(terms.T2S_SKIP_AFTER):  # a short run: converted, the tool never run
        assert not terms._converts_to_itself("国家知识产权局")
    assert calls == [False] and not list(tmp_path.iterdir())
    assert terms._converts_to_itself("国家知识产权局") and calls == [False, True]
    assert terms.to_simplified("國家知識產權局") == "国家知识产权局"
    # the next process finds it in the cache and skips from its first text
    monkeypatch.setattr(terms, "_T2S_SKIP", {"state": "new", "search": None, "conversions": 0})
    assert terms._converts_to_itself("国家知识产权局") and calls == [False, True, False]

"""Record keys of the document checks are stable across processes; CAP001's fast title-case test equals the plain one."""

from __future__ import annotations

import os
import random
import subprocess
import sys

from transqa.checks.capitalization import _LONG_WORD, _title_cased
from transqa.checks.consistency import stable_hash


def test_stable_hash_is_the_same_in_another_process_with_another_hash_seed():
    texts = ["上海将加强知识产权保护。", "the us president", "", "\udc80 lone surrogate"]
    code = ("import sys; from transqa.checks.consistency import stable_hash; "
            "print([stable_hash(t) for t in eval(sys.argv[1])])")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code, repr(texts)], env=env, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == str([stable_hash(t) for t in texts])
    assert len({stable_hash(t) for t in texts}) == len(texts)
    assert all(0 <= stable_hash(t) < 2 ** 64 for t in texts)


def plain_title_cased(text: str) -> bool:
    long_words = _LONG_WORD.findall(text)[1:]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


def test_title_cased_matches_the_plain_count():
    rng = random.Random(1)
    pieces = ["Word", "word", "Abcd", "ab", "A", "1", " ", "é", "Éxyz", "_", "-", "WORD", "abc1def", "Ab"]
    texts = ["Shanghai Hosts The International Forum", "The forum was held in Shanghai on Monday"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 15))) for _ in range(5000)]
    assert any(_title_cased(t) for t in texts) and not all(_title_cased(t) for t in texts)
    for text in texts:
        assert _title_cased(text) == plain_title_cased(text), text


def test_norm_equals_the_whitespace_regex():
    """_norm joins str.split(); the regex it replaces collapsed `\\s+` and stripped: the same characters."""
    import random
    import re
    import sys

    from transqa.checks.consistency import _norm

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]
    pieces = [chr(c) for c in range(0x3100) if chr(c).isspace()] + ["a", "中", "b c", "\u200b", "x"]
    rng = random.Random(4)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert _norm(text) == re.sub(r"\s+", " ", text).strip(), repr(text)


def test_quote_pairs_gate_keeps_every_pair():
    """_quote_pairs returns early when one side has no quote character; the regexes find the same pairs."""
    import random

    from transqa.checks import consistency

    def ungated(source, target):
        src, tgt = consistency._quotes(consistency._QUOTE_SRC, source), consistency._quotes(consistency._QUOTE_TGT, target)
        if len(src) != 1 or len(tgt) != 1 or target.count('"') % 2:
            return []
        if any(not consistency.HAN_RE.search(s) for _, _, s in src):
            return []
        if any(len(t.split()) > consistency._MAX_QUOTE_WORDS or not consistency.LATIN_LETTER_RE.search(t)
               for _, _, t in tgt):
            return []
        return [(s, t) for (_, _, s), t in zip(src, tgt)]

    rng = random.Random(5)
    src_pieces, tgt_pieces = ["“", "”", "「", "」", "中国", "x", " "], ['"', "“", "”", "ab", " ", "C d"]
    fired = 0
    for _ in range(20000):
        source = "".join(rng.choice(src_pieces) for _ in range(rng.randint(0, 8)))
        target = "".join(rng.choice(tgt_pieces) for _ in range(rng.randint(0, 8)))
        assert consistency._quote_pairs(source, target) == ungated(source, target), (source, target)
        fired += bool(ungated(source, target))
    assert fired > 20  # pairs that pass every condition: the comparison is not vacuous


def test_title_cased_count_gate_on_real_and_title_like_text():
    """_title_cased rejects most ASCII texts by counting word-initial capitals against small-letter words:
    the same answers as the plain count on newstest, TICO-19 and title-like soup."""
    from pathlib import Path

    shared = Path(__file__).resolve().parents[2] / "shared" / "data"
    texts = []
    for path in [shared / "newstest" / "newstest2019.zh-en.en", shared / "tico19" / "tico19-test.en"]:
        texts += path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    rng = random.Random(7)
    pieces = ["Word", "Abcd", "word", "aBcd", "Q", " ", " ", "-", "1", "_", "é", "WORD", "ab", "The"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(20000)]
    assert sum(map(_title_cased, texts)) > 100
    for text in texts:
        assert _title_cased(text) == plain_title_cased(text), text


def test_stable_hash_is_the_8_byte_blake2b_digest():
    """stable_hash copies one blake2b state per text: the values are those of a fresh blake2b."""
    import hashlib

    rng = random.Random(8)
    texts = ["", "a", "上海", "\udc80", "the minister said that"]
    texts += ["".join(rng.choice("ab 中\u00e9\n") for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    for text in texts:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        assert stable_hash(text) == int.from_bytes(digest, "big")


def test_segment_inconsistency_finish_groups_only_repeated_sources():
    """CONS001's finish groups only sources met twice (keys found on a sorted copy): the hits, in order,
    of grouping every record (each group's hits made by the same _inconsistent)."""
    from collections import defaultdict

    from transqa.checks.consistency import _M64, SegmentInconsistency, _inconsistent, _norm
    from transqa.model import Location, Segment

    def oracle(records):
        groups = defaultdict(list)
        for record in records:
            groups[record[0] & _M64].append(record)
        for group in groups.values():
            if len(group) < 2:
                continue
            yield from _inconsistent([(_norm(r[2]), r[0] >> 64, r[1], r[2]) for r in group])

    rng = random.Random(15)
    sources = ["上海会议开幕", "经济发展很快", "中国代表团", "会议结束了", "天气很好啊"] + [f"句子{n}号文本" for n in range(300)]
    targets = ["The meeting opened", "The meeting  opened", " Growth is fast", "The delegation", "It ended"]
    records, segments = [], []
    for n in range(3000):
        segments.append(Segment(n + 1, rng.choice(sources), rng.choice(targets), Location("a", n), Location("b", n)))
        records += SegmentInconsistency.collect(n, segments[-1], {"min_chars": 4}, None)
    got = list(SegmentInconsistency.finish(records, {"min_chars": 4}, None, segments))
    # the oracle's records held the id and target: (index << 64 | source hash, id, target)
    with_texts = [(r, segments[r >> 64].id, segments[r >> 64].target) for r in records]
    assert len(got) > 100 and got == list(oracle(with_texts))

"""REP004, CONS001 and CONS002 keep ints (indexes, hashes, spans) as records, never texts; their `finish`
reads again only the segments it needs (checks.base.segments_at, SegmentStore.read_at), and a hash
collision never makes a wrong finding: groups are split on the texts as read."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from transqa.checks import Context, registry
from transqa.checks import consistency, repetition
from transqa.engine import collect_records, finish_records, run_rules
from transqa.model import Document, Location, Segment
from transqa.pipeline import RunOptions, prepare
from transqa.readers.segment_store import SegmentStore
from transqa.readers.text_pair import read_text_pair

TEXT_CODES = ("REP004", "CONS001", "CONS002")


def segment(n: int, source: str, target: str) -> Segment:
    return Segment(n + 1, source, target, Location("a.zh", n + 1), Location("b.en", n + 1))


def document(pairs) -> Document:
    return Document([segment(n, s, t) for n, (s, t) in enumerate(pairs)])


def rules_of(*codes):
    prepared = prepare(RunOptions(select=list(codes)))
    return [r for r in prepared.rules if r.code in codes], prepared.context()


# A document where each of the three rules fires, with look-alikes that must not fire.
PAIRS = [
    ("会议讨论了气候变化问题。", "The meeting discussed climate change and energy security."),
    ("部长会见了外国记者。", "The meeting discussed climate change and energy security."),  # REP004 fires
    ("会议讨论了气候变化问题", "The meeting discussed climate change and energy security."),  # alike source: no
    ("上海知识产权国际论坛成功举办", "Shanghai International IP Forum held"),
    ("上海知识产权国际论坛成功举办", "Shanghai International IP Forum held"),
    ("上海知识产权国际论坛成功举办", "Shanghai IP Forum took place"),  # CONS001 fires
    ("上海知识产权国际论坛已举办", "Shanghai IP Forum took place in May"),  # another source: no
    ("论坛开幕", "The Shanghai International Intellectual Property Forum opened."),  # CONS002 fires
    ("论坛由上海市人民政府主办。", "The Shanghai International Intellectual Property Forum was hosted by Shanghai."),
    ("论坛闭幕", "The Shanghai International IP Forum closed."),  # with lines 4-5, IP is the dominant form
    ("天气很好。", "The weather was fine on the first day of the spring forum."),
    ("天气不错。", "The weather looked bad on the last day of the autumn event."),  # same word count: no
]


def test_records_are_ints_without_texts():
    rules, context = rules_of(*TEXT_CODES)
    segments = document(PAIRS).segments
    for rule in rules:
        records = collect_records(rule, segments, context)
        assert records and all(type(r) is int for r in records), rule.code


def test_findings_fire_and_pass():
    rules, context = rules_of(*TEXT_CODES)
    found = {(f.code, f.segment) for f in run_rules(document(PAIRS), rules, context)}
    assert found == {("REP004", 2), ("CONS001", 6), ("CONS002", 8), ("CONS002", 9)}


def test_finish_without_the_segments_is_a_clear_error():
    rules, context = rules_of("CONS001")
    records = collect_records(rules[0], document(PAIRS).segments, context)
    with pytest.raises(RuntimeError, match="reads the segments in finish"):
        finish_records(rules[0], records, context)


class Counting(Sequence):
    """Segments that count which positions are read."""

    def __init__(self, segments):
        self.segments, self.read = list(segments), []

    def __len__(self):
        return len(self.segments)

    def __getitem__(self, index):
        self.read.append(index)
        return self.segments[index]


def test_finish_reads_only_the_candidates():
    rng = random.Random(2)
    words = "the minister said on monday that new rules would cut costs for small firms in our region".split()
    pairs = [(f"句子{n}号的中文文本内容", f"Line {n} " + " ".join(rng.sample(words, 9)) + f" {n}.") for n in range(300)]
    pairs[120] = (pairs[40][0], "A different translation of sentence forty altogether.")  # CONS001 pair
    pairs[250] = ("完全不同的另一个句子", pairs[17][1])  # REP004 pair
    segments = document(pairs).segments
    for code, wanted in (("CONS001", {40, 120}), ("REP004", {17, 250})):
        rules, context = rules_of(code)
        records = collect_records(rules[0], segments, context)
        counting = Counting(segments)
        hits = finish_records(rules[0], records, context, counting)
        assert sorted(i for i, _ in hits) == [max(wanted)], code
        assert set(counting.read) == wanted, code  # read: the repeated key's segments, nothing else


def test_cons002_reads_only_segments_with_names():
    rules, context = rules_of("CONS002")
    pairs = PAIRS + [("没有名字", "nothing capitalised here at all")] * 20
    segments = document(pairs).segments
    records = collect_records(rules[0], segments, context)
    counting = Counting(segments)
    assert sorted(i for i, _ in finish_records(rules[0], records, context, counting)) == [7, 8]
    assert set(counting.read) == {r & ((1 << 40) - 1) for r in records} and max(counting.read) < len(PAIRS)


@pytest.mark.parametrize("module", [consistency, repetition])
def test_a_hash_collision_makes_no_wrong_finding(module, monkeypatch):
    """Every text hashed alike: groups are split on the texts as read, so the findings are the same
    (different sources of equal length, targets of equal word count and different words must not merge)."""
    rules, context = rules_of("CONS001", "REP004")
    pairs = PAIRS + [("另一个中文句子。", "Shanghai IP Forum took place"),  # same target as a CONS001 group
                     ("第三个句子啊。", "Shanghai International IP Forum held"),
                     ("第三个句子啊。", "An entirely different line of text here."),  # CONS001 fires
                     ("海关总署发布数据", "The meeting discussed climate change and energy policy.")]
    expected = run_rules(document(pairs), rules, context)
    assert {(f.code, f.segment) for f in expected} >= {("CONS001", 15), ("REP004", 2)}
    monkeypatch.setattr(module, "stable_hash", lambda text: 7)
    assert run_rules(document(pairs), rules, Context(glossaries=context.glossaries)) == expected


def test_same_findings_when_segments_are_read_from_the_files(tmp_path, monkeypatch):
    """Over a SegmentStore (texts read again by byte offset) the findings equal the in-memory ones,
    blank lines skipped and CRLF line ends included."""
    rng = random.Random(5)
    pairs = [PAIRS[rng.randrange(len(PAIRS))] for _ in range(400)]
    src, tgt = tmp_path / "a.zh", tmp_path / "b.en"
    src.write_text("\r\n".join(s if n % 37 else "" for n, (s, _) in enumerate(pairs)) + "\r\n", encoding="utf-8")
    tgt.write_text("\r\n".join(t if n % 37 else "" for n, (_, t) in enumerate(pairs)) + "\r\n", encoding="utf-8")
    rules, context = rules_of(*TEXT_CODES)
    monkeypatch.delenv("TRANSQA_SEGMENT_STORE", raising=False)
    held = read_text_pair(str(src), str(tgt))
    monkeypatch.setenv("TRANSQA_SEGMENT_STORE", "1")
    stored = read_text_pair(str(src), str(tgt))
    assert isinstance(stored.segments, SegmentStore) and not isinstance(held.segments, SegmentStore)
    expected = run_rules(held, rules, context)
    assert {f.code for f in expected} == set(TEXT_CODES)
    assert run_rules(stored, rules, context) == expected


def test_read_at_equals_indexing(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSQA_SEGMENT_STORE", "1")
    rng = random.Random(9)
    lines = [("中" * rng.randint(0, 3000), "e" * rng.randint(0, 5000)) for _ in range(600)]
    (tmp_path / "a.zh").write_text("\n".join(s or "源" for s, _ in lines) + "\n", encoding="utf-8")
    (tmp_path / "b.en").write_text("\n".join(t for _, t in lines) + "\n", encoding="utf-8")
    store = read_text_pair(str(tmp_path / "a.zh"), str(tmp_path / "b.en")).segments
    assert isinstance(store, SegmentStore)
    for size in (0, 1, 5, 80, 600):
        wanted = [rng.randrange(len(store)) for _ in range(size)] + ([len(store) - 1] if size else [])
        assert store.read_at(wanted) == {i: store[i] for i in wanted}
    with pytest.raises(IndexError):
        store.read_at([len(store)])
    assert registry()["segment-inconsistency"].run.reads_segments

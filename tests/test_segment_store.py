"""SegmentStore (readers/segment_store.py): a text pair's segments read from the files on demand must be
exactly the segments the in-memory reader builds, on tricky files; anything it cannot promise falls
back to that reader; a file changed during the run is a one-line error (exit 2)."""

from __future__ import annotations

import json
import os
import pickle

import pytest

from transqa.errors import TransqaError
from transqa.model import Location, Segment
from transqa.readers import segment_store
from transqa.readers.segment_store import SegmentStore, build_segments
from transqa.readers.text_pair import read_text_pair


@pytest.fixture(autouse=True)
def store_on(monkeypatch):
    monkeypatch.setenv("TRANSQA_SEGMENT_STORE", "1")


def eager(source, target, **kwargs):
    """The in-memory reader (the store switched off)."""
    saved = os.environ.pop("TRANSQA_SEGMENT_STORE")
    try:
        return read_text_pair(str(source), str(target), **kwargs)
    finally:
        os.environ["TRANSQA_SEGMENT_STORE"] = saved


def test_off_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("TRANSQA_SEGMENT_STORE")
    source, target = write(tmp_path / "a.zh", ZH + b"\n"), write(tmp_path / "b.en", EN + b"\n")
    assert not isinstance(read_text_pair(str(source), str(target)).segments, SegmentStore)


def write(path, data: bytes):
    path.write_bytes(data)
    return path


ZH = "上海将加强知识产权保护。".encode()
EN = b"Shanghai will step up IP protection."
# (name, source bytes, target bytes): line breaks, marks, blank and whitespace-only lines, long lines
CASES = [
    ("lf", ZH + b"\n" + ZH + b"\n", EN + b"\n" + EN + b"\n"),
    ("no final newline", ZH + b"\n" + ZH, EN + b"\n" + EN),
    ("crlf", ZH + b"\r\n" + ZH + b"\r\n", EN + b"\r\n" + EN + b"\r\n"),
    ("cr only", ZH + b"\r" + ZH + b"\r", EN + b"\r" + EN),
    ("mixed breaks", ZH + b"\r\n" + ZH + b"\n" + ZH + b"\r" + ZH, EN + b"\n" + EN + b"\r\n" + EN + b"\r\r"[:1] + EN),
    ("bom", b"\xef\xbb\xbf" + ZH + b"\n", b"\xef\xbb\xbf" + EN + b"\n"),
    ("two boms", b"\xef\xbb\xbf\xef\xbb\xbf" + ZH + b"\n", EN + b"\n"),
    ("bom then crlf blank", b"\xef\xbb\xbf\r\n" + ZH + b"\r\n", b"\r\n" + EN + b"\r\n"),
    ("blank on both sides", ZH + b"\n\n\n" + ZH + b"\n\n", EN + b"\n\n\n" + EN + b"\n\n"),
    ("blank on one side", ZH + b"\n\n" + ZH + b"\n", EN + b"\n" + EN + b"\n\n"),
    ("unicode whitespace lines", ZH + "\n\u3000\n\u00a0 \n\x1c\n".encode() + ZH,
     EN + "\n\u2003\n \t\n\x1f\n".encode() + EN),
    ("not line breaks", "甲\x0b乙\x0c丙\u2028丁\u0085戊\n".encode() * 3, "a\x0bb\x0cc\u2028d\u0085e\n".encode() * 3),
    ("long lines", (ZH * 4000 + b"\n") * 3 + ZH, (EN * 3000 + b"\r\n") * 3 + EN),
    ("astral and combining", "𠀀𝐀e\u0301😀\n中\n".encode(), "𝒜 café 😀\nx\n".encode()),
    ("leading blank lines", b"\n\n" + ZH + b"\n", b"\n \n" + EN + b"\n"),
    ("trailing whitespace kept", ZH + b"  \t\n", EN + b" \n"),
]


@pytest.mark.parametrize("block", [segment_store.BLOCK_BYTES, 5, 64])
@pytest.mark.parametrize("name,src,tgt", CASES, ids=[case[0] for case in CASES])
def test_store_equals_the_eager_reader(tmp_path, monkeypatch, name, src, tgt, block):
    monkeypatch.setattr(segment_store, "BLOCK_BYTES", block)  # small blocks: every cut position is met
    source, target = write(tmp_path / "a.zh", src), write(tmp_path / "b.en", tgt)
    lazy, memory = read_text_pair(str(source), str(target)), eager(source, target)
    assert isinstance(lazy.segments, SegmentStore)
    assert lazy.inputs == memory.inputs
    expected = memory.segments
    assert len(lazy.segments) == len(expected)
    assert list(lazy.segments) == list(expected)
    assert [repr(s) for s in lazy.segments] == [repr(s) for s in expected]
    for i in range(-len(expected), len(expected)):
        assert lazy.segments[i] == expected[i]
    for start in range(len(expected) + 1):
        for stop in range(start, len(expected) + 2):
            assert lazy.segments[start:stop] == expected[start:stop]
    assert lazy.segments[::2] == expected[::2]
    assert list(lazy.segments.targets()) == [s.target for s in expected]
    ids = [s.id for s in expected]
    assert lazy.segments.by_ids(ids[::2] + [10 ** 6, "x"]) == {s.id: s for s in expected[::2]}
    assert lazy.segments == expected and expected == lazy.segments


def test_segments_built_fast_are_dataclass_segments():
    built = build_segments([3, 9], ["源", "s"], ["t", "u"], "a.zh", "b.en")
    assert built == [Segment(3, "源", "t", Location("a.zh", 3), Location("b.en", 3)),
                     Segment(9, "s", "u", Location("a.zh", 9), Location("b.en", 9))]
    assert [type(s) for s in built] == [Segment, Segment]
    assert built[0].meta == {} and hash(built[0].source_location) == hash(Location("a.zh", 3))
    with pytest.raises(TypeError):
        built[0].meta["x"] = 1
    assert segment_store._FAST  # if Segment gains a field, the store builds segments the slow way


GB = "上海将加强知识产权保护。\n".encode("gb18030")
# inputs the store does not take: the in-memory reader decides (detection, or its error)
FALLBACKS = [
    ("gb18030", GB, EN + b"\n"),
    ("utf-16 bom", "上海\n".encode("utf-16"), EN + b"\n"),
    ("xml declaration", b'<?xml version="1.0" encoding="gb2312"?>\n', EN + b"\n"),
    ("nul byte", ZH + b"\x00\n", EN + b"\n"),
    ("binary magic", b"%PDF-1.4\n", EN + b"\n"),
    ("control soup", bytes(range(1, 9)) * 20 + b"\n", EN + b"\n"),
    ("line counts differ", ZH + b"\n" + ZH + b"\n", EN + b"\n"),
    ("empty", b"", EN + b"\n"),
    ("blank only", b"\n \n", EN + b"\n" + EN + b"\n"),
    ("bom only", b"\xef\xbb\xbf", EN + b"\n"),
    ("broken utf-8", ZH * 20 + b"\xff\n", EN + b"\n"),
]


@pytest.mark.parametrize("name,src,tgt", FALLBACKS, ids=[case[0] for case in FALLBACKS])
def test_other_inputs_read_as_before(tmp_path, name, src, tgt):
    source, target = write(tmp_path / "a.zh", src), write(tmp_path / "b.en", tgt)
    assert segment_store.scan_pair(str(source), str(target)) is None
    try:
        expected = eager(source, target)
    except TransqaError as exc:
        with pytest.raises(TransqaError) as got:
            read_text_pair(str(source), str(target))
        assert (got.value.message, got.value.path, got.value.line) == (exc.message, exc.path, exc.line)
    else:
        got = read_text_pair(str(source), str(target))
        assert got == expected and not isinstance(got.segments, SegmentStore)


def test_fifo_and_given_encoding_read_in_memory(tmp_path):
    source, target = write(tmp_path / "a.zh", ZH + b"\n"), write(tmp_path / "b.en", EN + b"\n")
    assert not isinstance(read_text_pair(str(source), str(target), source_encoding="utf-8").segments,
                          SegmentStore)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert segment_store.scan_pair(str(fifo), str(target)) is None


def test_long_segment_error_unchanged(run_cli, tmp_path):
    from transqa.textio import MAX_SEGMENT_CHARS

    source = write(tmp_path / "a.zh", ZH + b"\n" + "字".encode() * (MAX_SEGMENT_CHARS + 1) + b"\n" + ZH + b"\n")
    target = write(tmp_path / "b.en", EN + b"\n" + EN + b"\n" + b"x" * (MAX_SEGMENT_CHARS + 5) + b"\n")
    assert isinstance(read_text_pair(str(source), str(target)).segments, SegmentStore)
    code, _, err = run_cli("check", str(source), str(target))
    assert code == 2
    assert err.strip().endswith(f"the source of segment 2 is {MAX_SEGMENT_CHARS + 1:,} characters long, over the "
                                f"{MAX_SEGMENT_CHARS:,} limit for one segment; put one sentence or paragraph "
                                "per line, or use --align")
    assert f"{source}:2" in err


@pytest.mark.parametrize("change", ["rewrite same size", "append", "replace", "delete"])
def test_input_changed_during_the_run(tmp_path, change):
    source, target = write(tmp_path / "a.zh", ZH + b"\n" + ZH + b"\n"), write(tmp_path / "b.en", EN + b"\nOK.\n")
    store = read_text_pair(str(source), str(target)).segments
    assert store[1].target == "OK."
    stat = target.stat()
    if change == "rewrite same size":
        target.write_bytes(EN + b"\nNo.\n")
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    elif change == "append":
        target.write_bytes(EN + b"\nOK.\nmore\n")
    elif change == "replace":
        write(tmp_path / "new", EN + b"\nOK.\n").replace(target)
    else:
        target.unlink()
    with pytest.raises(TransqaError) as got:
        list(store)
    assert got.value.path == str(target) and "while transqa was checking it; run the check again" in got.value.message
    with pytest.raises(TransqaError):
        store[1]


def test_input_changed_exits_2(run_cli, tmp_path, monkeypatch):
    from transqa import pipeline

    source, target = write(tmp_path / "a.zh", ZH + b"\n"), write(tmp_path / "b.en", EN + b"\n")
    check = pipeline.check

    def edit_then_check(document, prepared):
        target.write_bytes(EN + b" Edited.\n")
        return check(document, prepared)

    monkeypatch.setattr(pipeline, "check", edit_then_check)
    code, out, err = run_cli("check", str(source), str(target))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "changed while transqa was checking it; run the check again" in err


def test_store_pickles(tmp_path):
    source, target = write(tmp_path / "a.zh", ZH + b"\n\n" + ZH + b"\n"), write(tmp_path / "b.en", EN + b"\n\n" + EN)
    store = read_text_pair(str(source), str(target)).segments
    store[0:1]  # the cached slice is not pickled
    copy = pickle.loads(pickle.dumps(store))
    assert list(copy) == list(store) and copy._recent == (0, ())


def replicated(tmp_path, fixtures, copies: int):
    """The demo pair `copies` times (numbered, so consistency checks see distinct segments), with blank
    lines and CRLF breaks in the target."""
    src = (fixtures / "cnipa-forum.zh.txt").read_text(encoding="utf-8").splitlines()
    tgt = (fixtures / "cnipa-forum.en.txt").read_text(encoding="utf-8").splitlines()
    source, target = tmp_path / "big.zh", tmp_path / "big.en"
    with source.open("w", encoding="utf-8", newline="") as fs, target.open("w", encoding="utf-8", newline="") as ft:
        for copy in range(copies):
            for s, t in zip(src, tgt):
                fs.write(f"{s}（{copy}）\n" if s.strip() else "\n")
                ft.write(f"{t} ({copy})\r\n" if t.strip() else "\r\n")
            fs.write("\n")
            ft.write("\r\n")
    return source, target


def test_jobs_2_and_eager_reports_identical(run_cli, tmp_path, fixtures, monkeypatch):
    source, target = replicated(tmp_path, fixtures, 60)
    assert isinstance(read_text_pair(str(source), str(target)).segments, SegmentStore)
    reports = {}
    for name, jobs in (("lazy-1", "1"), ("lazy-2", "2")):
        out = tmp_path / f"{name}.json"
        assert run_cli("check", str(source), str(target), "--jobs", jobs, "--format", "json", "-o", str(out))[0] in (0, 1)
        reports[name] = out.read_text(encoding="utf-8")
    monkeypatch.delenv("TRANSQA_SEGMENT_STORE")
    out = tmp_path / "eager.json"
    assert run_cli("check", str(source), str(target), "--jobs", "1", "--format", "json", "-o", str(out))[0] in (0, 1)
    reports["eager"] = out.read_text(encoding="utf-8")
    assert reports["lazy-1"] == reports["eager"] == reports["lazy-2"]
    assert len(json.loads(reports["eager"])["findings"]) > 100


@pytest.mark.parametrize("fmt", ["terminal", "sarif", "junit", "html", "markdown", "gitlab"])
def test_reports_identical_to_eager(run_cli, tmp_path, fixtures, monkeypatch, fmt):
    source, target = replicated(tmp_path, fixtures, 3)
    lazy = tmp_path / "lazy"
    run_cli("check", str(source), str(target), "--format", fmt, "-o", str(lazy))
    monkeypatch.delenv("TRANSQA_SEGMENT_STORE")
    memory = tmp_path / "eager"
    run_cli("check", str(source), str(target), "--format", fmt, "-o", str(memory))
    assert lazy.read_bytes() == memory.read_bytes()

"""Readers for text pairs and bilingual TSV/CSV: encodings, line ends, blank lines, columns, errors."""

import pytest

from transqa.errors import TransqaError
from transqa.readers import read_document


def write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("src_bytes,tgt_bytes", [
    ("一\n\n二\n".encode(), b"one\n\ntwo\n"),                      # LF, trailing newline
    ("一\r\n\r\n二".encode(), b"one\r\n\r\ntwo"),                  # CRLF, no trailing newline
    (b"\xef\xbb\xbf" + "一\n\n二\n".encode(), b"one\n\ntwo"),      # BOM on one side only
])
def test_text_pair_variants(tmp_path, src_bytes, tgt_bytes):
    doc = read_document([write(tmp_path / "s.txt", src_bytes), write(tmp_path / "t.txt", tgt_bytes)])
    assert [(s.id, s.source, s.target) for s in doc.segments] == [(1, "一", "one"), (3, "二", "two")]
    assert doc.segments[1].target_location.line == 3


def test_unequal_line_counts_names_both_counts_and_divergence(tmp_path):
    src = write(tmp_path / "s.txt", "一\n\n二\n三\n".encode())
    tgt = write(tmp_path / "t.txt", b"one\ntwo\nthree\n")
    with pytest.raises(TransqaError) as exc:
        read_document([src, tgt])
    msg = str(exc.value)
    assert "4 lines" in msg and "has 3" in msg and "diverge at line 2" in msg and "--align" in msg


@pytest.mark.parametrize("content,expected", [
    ("source\ttarget\n上海\tShanghai\n北京\tBeijing\n", [("上海", "Shanghai"), ("北京", "Beijing")]),
    ("上海\tShanghai\n北京\tBeijing\n", [("上海", "Shanghai"), ("北京", "Beijing")]),
    ("id\tzh\ten\n1\t上海\tShanghai\n", [("上海", "Shanghai")]),
])
def test_tsv_with_and_without_header(tmp_path, content, expected):
    doc = read_document([write(tmp_path / "p.tsv", content.encode())])
    assert [(s.source, s.target) for s in doc.segments] == expected


def test_csv_quoted_fields_and_columns_option(tmp_path):
    path = write(tmp_path / "p.csv", '编号,英文,中文\n1,"Shanghai, China",中国上海\n'.encode())
    doc = read_document([path], columns="3,2")
    assert [(s.source, s.target) for s in doc.segments] == [("中国上海", "Shanghai, China")]
    doc = read_document([path], columns="中文,英文")
    assert doc.segments[0].target == "Shanghai, China"


@pytest.mark.parametrize("content,expected", [
    # written by a spreadsheet or Python's csv module: cells with a quotation mark are quoted, marks doubled
    ('zh\ten\n他说“不”。\t"He said ""no""."\n“五个中心”\t"the ""Five Centers"""\n',
     [("他说“不”。", 'He said "no".'), ("“五个中心”", 'the "Five Centers"')]),
    # a quoted cell may hold a line break and a tab
    ('zh\ten\n甲\t"a ""b""\tc\nd"\n乙\tB\n', [("甲", 'a "b"\tc\nd'), ("乙", "B")]),
    # plain TSV: a cell that starts with a quotation mark is text, not a quoted cell
    ('zh\ten\n“五个中心”战略\t"Five Centers" strategy\n他说“不”。\t"He said ""no"""\n',
     [("“五个中心”战略", '"Five Centers" strategy'), ("他说“不”。", '"He said ""no"""')]),
    ('zh\ten\n你好\t"Hello"\n', [("你好", '"Hello"')]),        # no doubled mark: nothing says it is quoted
    ('zh\ten\n你好\t"Hello\n再见\tBye"\n', [("你好", '"Hello'), ("再见", 'Bye"')]),  # never closed
])
def test_tsv_quoted_the_csv_way_or_not(tmp_path, content, expected):
    doc = read_document([write(tmp_path / "p.tsv", content.encode())])
    assert [(s.source, s.target) for s in doc.segments] == expected


def test_tsv_segment_ids_are_file_lines(tmp_path):
    doc = read_document([write(tmp_path / "p.tsv", "source\ttarget\n\n上海\tShanghai\n".encode())])
    assert doc.segments[0].id == 3


@pytest.mark.parametrize("name,content,needle", [
    ("ragged.tsv", "上海\tShanghai\n北京\n", "row has 1 column"),
    ("empty.tsv", "", "empty"),
    ("nul.tsv", "上海\tSh\x00anghai\n", "binary"),
])
def test_tsv_errors(tmp_path, name, content, needle):
    with pytest.raises(TransqaError) as exc:
        read_document([write(tmp_path / name, content.encode())])
    assert needle in str(exc.value) and name in str(exc.value)


def test_bad_columns_option(tmp_path):
    path = write(tmp_path / "p.tsv", "source\ttarget\n上海\tShanghai\n".encode())
    with pytest.raises(TransqaError, match="two columns"):
        read_document([path], columns="1")
    with pytest.raises(TransqaError, match="no column named"):
        read_document([path], columns="zh,nope")

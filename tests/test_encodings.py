"""Encodings: BOMs, declarations, strict UTF-8, GB18030/Big5 detection, overrides, line endings, binary."""

import codecs
import json

import pytest

from transqa import textio
from transqa.errors import TransqaError
from transqa.textio import decode, read_text, split_lines

ZH = "上海将加强知识产权保护。\n国家知识产权局局长申长雨出席论坛并致辞。\n"
ZH_TRAD = "上海將加強知識產權保護。\n國家知識產權局局長申長雨出席論壇並致辭。\n"
EN = "Shanghai will step up IP protection.\nCNIPA Commissioner Shen Changyu attended the forum.\n"

BOM_CASES = [
    ("utf-8-sig", codecs.BOM_UTF8 + ZH.encode("utf-8")),
    ("utf-16-le", codecs.BOM_UTF16_LE + ZH.encode("utf-16-le")),
    ("utf-16-be", codecs.BOM_UTF16_BE + ZH.encode("utf-16-be")),
    ("utf-32-le", codecs.BOM_UTF32_LE + ZH.encode("utf-32-le")),
    ("utf-32-be", codecs.BOM_UTF32_BE + ZH.encode("utf-32-be")),
]


@pytest.mark.parametrize("name,raw", BOM_CASES, ids=[c[0] for c in BOM_CASES])
def test_bom_decides_and_is_stripped(name, raw):
    decoded = decode(raw, "f.txt")
    assert (decoded.text, decoded.encoding, decoded.method) == (ZH, name, "bom")


def test_utf8_without_bom_is_tried_first():
    decoded = decode(ZH.encode("utf-8"), "f.txt")
    assert (decoded.text, decoded.encoding, decoded.method) == (ZH, "utf-8", "utf-8")


@pytest.mark.parametrize("text,encoding", [(ZH, "gb18030"), (ZH_TRAD, "big5"),
                                           ("知识产权\n", "gb18030"), ("知識產權\n", "big5"),
                                           ("国家知识产权局。", "gb18030"), ("國家知識產權局。", "big5")])
def test_legacy_chinese_detected(text, encoding):
    decoded = decode(text.encode(encoding), "f.txt")
    assert (decoded.text, decoded.encoding, decoded.method) == (text, encoding, "detected")


def test_gbk_bytes_decode_as_gb18030_superset():
    decoded = decode(ZH.encode("gbk"), "f.txt")
    assert decoded.text == ZH and decoded.encoding == "gb18030"


def test_legacy_scores_separate_the_two_encodings():
    gb = textio.legacy_scores(ZH.encode("gb18030"))
    big5 = textio.legacy_scores(ZH_TRAD.encode("big5"))
    assert gb["gb18030"] > 0.9 > gb["big5"]
    assert big5["big5"] > 0.9 > big5["gb18030"]


@pytest.mark.parametrize("declaration,encoding,expected", [
    ('<?xml version="1.0" encoding="GB2312"?>', "gb2312", "gb18030"),
    ("<?xml version='1.0' encoding='big5'?>", "big5", "big5"),
    ('<?xml version="1.0" encoding="UTF-8"?>', "utf-8", "utf-8"),
])
def test_xml_declaration_is_honoured(declaration, encoding, expected):
    text = declaration + "<a>知识</a>" if encoding != "big5" else declaration + "<a>知識</a>"
    decoded = decode(text.encode(encoding), "f.xml")
    assert decoded.text == text and decoded.encoding == expected and decoded.method == "declared"


def test_xml_utf16_without_bom_is_recognised_not_called_binary():
    text = '<?xml version="1.0"?><a>知识</a>'
    assert decode(text.encode("utf-16-le"), "f.xml").text == text
    assert decode(text.encode("utf-16-be"), "f.xml").text == text


def test_po_header_charset_is_honoured():
    text = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=BIG5\\n"\n\nmsgid "知識"\nmsgstr "knowledge"\n'
    decoded = decode(text.encode("big5"), "f.po")
    assert decoded.text == text and decoded.encoding == "big5" and decoded.method == "declared"


def test_po_template_placeholder_charset_is_ignored():
    text = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n'
    assert decode(text.encode(), "f.pot").method == "utf-8"


def test_declaration_that_lies_names_file_and_line():
    raw = '<?xml version="1.0" encoding="UTF-8"?>\n<a>\n'.encode() + "国家".encode("gb18030")
    with pytest.raises(TransqaError) as err:
        decode(raw, "f.xml")
    assert str(err.value).startswith("f.xml:3: cannot decode as utf-8 (as the file declares)")


def test_given_encoding_wins_over_detection():
    raw = "知识产权".encode("gb18030")
    assert decode(raw, "f", "gb18030").method == "given"
    with pytest.raises(TransqaError, match=r"f:1: cannot decode as big5 \(as given\)"):
        decode(raw + b"\xff\xff", "f", "big5")


def test_given_gbk_alias_and_unknown_name():
    assert decode("知识".encode("gbk"), "f", "GBK").encoding == "gb18030"
    with pytest.raises(TransqaError, match=r"^f: unknown text encoding 'klingon'$"):
        decode(b"abc", "f", "klingon")


def test_broken_utf8_is_reported_not_read_as_mojibake():
    raw = ("知识产权保护。" * 20 + "\n").encode() * 3 + b"bad \xff byte\n"
    with pytest.raises(TransqaError) as err:
        decode(raw, "f.txt")
    assert str(err.value).startswith("f.txt:4: broken UTF-8 (invalid bytes at offset")


@pytest.mark.parametrize("raw,fragment", [
    (b"hello\x00world", "contains NUL bytes"),
    ("中文\n".encode("utf-16-le"), "utf-16-le"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (bytes(range(1, 9)) * 40, "control characters"),
])
def test_binary_input_is_refused(raw, fragment):
    with pytest.raises(TransqaError, match=fragment):
        decode(raw, "f.bin")


def test_nul_after_given_decoding_names_line():
    with pytest.raises(TransqaError, match=r"^f:2: NUL character after decoding as utf-8"):
        decode(b"a\nb\x00", "f", "utf-8")


def test_a_few_text_controls_are_fine():
    assert decode(b"page one\x0cpage two\tcol\x1b[0m\r\n", "f").text.startswith("page one")


@pytest.mark.parametrize("text", ["a\nb\nc", "a\r\nb\r\nc\r\n", "a\rb\rc\r", "a\r\nb\nc\r"])
def test_line_endings(text):
    assert split_lines(text) == ["a", "b", "c"]


def test_size_limit_has_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    monkeypatch.setattr(textio, "MAX_INPUT_BYTES", 1024)
    with pytest.raises(TransqaError, match=r"big.txt: file is 0 MiB, over the 0 MiB input limit; split it"):
        read_text(path)


def test_bounded_read_reads_to_the_end_and_stops_at_the_limit(monkeypatch):
    import io

    monkeypatch.setattr(textio, "MAX_INPUT_BYTES", 3 * 1024 * 1024)
    data = bytes(range(256)) * 10_000  # 2.56 MB: several 1 MiB blocks after a short first read
    assert textio._bounded_read(io.BytesIO(data), 10) == data  # a file that grew since stat()
    assert textio._bounded_read(io.BytesIO(data), len(data) + 1) == data
    big = b"y" * (4 * 1024 * 1024)
    assert len(textio._bounded_read(io.BytesIO(big), 1 << 20)) == 3 * 1024 * 1024 + 1  # over: caller refuses


def test_a_pipe_longer_than_the_limit_is_refused(tmp_path, monkeypatch):
    import os
    import threading

    monkeypatch.setattr(textio, "MAX_INPUT_BYTES", 1024)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    def write():
        try:
            fifo.write_bytes(b"z" * 5000)
        except BrokenPipeError:  # the reader stopped at the limit
            pass

    writer = threading.Thread(target=write)
    writer.start()
    with pytest.raises(TransqaError, match="input over the 0 MiB limit"):
        read_text(fifo)
    writer.join(timeout=5)


def test_device_and_directory_are_refused(tmp_path):
    with pytest.raises(TransqaError, match="is a device"):
        read_text("/dev/zero")
    with pytest.raises(TransqaError, match="is a directory"):
        read_text(tmp_path)


# ---- through the CLI: the report names the encoding used; overrides work per side

def _pair(tmp_path, zh: bytes, en: bytes):
    (tmp_path / "zh.txt").write_bytes(zh)
    (tmp_path / "en.txt").write_bytes(en)
    return str(tmp_path / "zh.txt"), str(tmp_path / "en.txt")


@pytest.mark.parametrize("zh_encoding,zh_bytes,expected", [
    ("gb18030", ZH.encode("gb18030"), "gb18030"),
    ("big5", ZH_TRAD.encode("big5"), "big5"),
    ("utf-16 BOM", codecs.BOM_UTF16_LE + ZH.encode("utf-16-le"), "utf-16-le"),
    ("utf-8 BOM, CRLF", codecs.BOM_UTF8 + ZH.replace("\n", "\r\n").encode(), "utf-8-sig"),
])
def test_report_names_the_encoding(tmp_path, run_cli, zh_encoding, zh_bytes, expected):
    src, tgt = _pair(tmp_path, zh_bytes, EN.replace("\n", "\r").encode())
    code, out, err = run_cli("check", src, tgt, "-f", "json", cwd=tmp_path)
    assert code in (0, 1), err
    report = json.loads(out)
    assert report["inputs"]["encoding"] == {"source": expected, "target": "utf-8"}
    assert report["summary"]["segments"] == 2


def test_cli_override_per_side(tmp_path, run_cli):
    src, tgt = _pair(tmp_path, "知識".encode("big5") + b"\n", "Knowledge\n".encode("utf-16-le"))
    code, out, err = run_cli("check", src, tgt, "-f", "json", "--source-encoding", "big5",
                             "--target-encoding", "utf-16-le", cwd=tmp_path)
    assert code in (0, 1), err
    report = json.loads(out)
    assert report["inputs"]["encoding"] == {"source": "big5", "target": "utf-16-le"}


def test_cli_wrong_override_is_one_line(tmp_path, run_cli):
    src, tgt = _pair(tmp_path, ZH.encode("gb18030"), EN.encode())
    code, out, err = run_cli("check", src, tgt, "--source-encoding", "utf-8", cwd=tmp_path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "zh.txt:1: cannot decode as utf-8 (as given)" in err


def test_cli_target_encoding_needs_two_files(tmp_path, run_cli):
    (tmp_path / "p.tsv").write_text("知识\tknowledge\n", encoding="utf-8")
    code, _, err = run_cli("check", str(tmp_path / "p.tsv"), "--target-encoding", "utf-8", cwd=tmp_path)
    assert code == 2 and "--target-encoding applies to SOURCE TARGET input" in err


def test_cli_tsv_in_gb18030(tmp_path, run_cli):
    (tmp_path / "p.tsv").write_bytes("源文\t译文\n知识产权\tintellectual property\n".encode("gb18030"))
    code, out, err = run_cli("check", str(tmp_path / "p.tsv"), "-f", "json", cwd=tmp_path)
    assert code in (0, 1), err
    report = json.loads(out)
    assert report["inputs"]["encoding"] == "gb18030" and report["summary"]["segments"] == 1

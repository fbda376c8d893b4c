"""Malformed or hostile bilingual files: one line `file:line[:column]: message`, exit 2, nothing leaked."""

import pytest

from transqa.errors import TransqaError
from transqa.readers import read_document

CASES = [
    ("truncated.xlf", r"truncated.xlf:5:\d+: malformed XML: "),
    ("wrong-root.xlf", r"wrong-root.xlf:2: not an XLIFF or TMX file: the root element is <html>"),
    ("version-3.xlf", r"version-3.xlf:2: unsupported XLIFF version '3.0'"),
    ("no-target.xlf", r"no-target.xlf:6: trans-unit '2' has no <target>"),
    ("no-target-20.xliff", r"no-target-20.xliff:5: unit 'u9' has no <target>"),
    ("xxe.xlf", r"xxe.xlf:3: the DOCTYPE declares entity 'leak'; entity declarations are refused"),
    ("billion-laughs.xlf", r"billion-laughs.xlf:3: the DOCTYPE declares entity 'lol'"),
    ("undeclared-entity.xlf", r"undeclared-entity.xlf:5:\d+: malformed XML: Entity 'nbsp' not defined"),
    ("en-zh.xlf", r"en-zh.xlf:3: <file> 'x' declares en-US -> zh-CN; the reverse of what transqa checks"),
    ("truncated.tmx", r"truncated.tmx:7:\d+: malformed XML: Premature end of data"),
    ("wrong-root.tmx", r"wrong-root.tmx:2: not an XLIFF or TMX file: the root element is <translations>"),
    ("version-2.tmx", r"version-2.tmx:2: unsupported TMX version '2.0'"),
    ("no-target.tmx", r"no-target.tmx:5: <tu> '7' has no English \(en\) <tuv>"),
    ("xxe.tmx", r"xxe.tmx:2: the DOCTYPE declares entity 'leak'"),
    ("en-zh.tmx", r"en-zh.tmx:3: the TMX header srclang declares en-US"),
    ("bad.po", r"bad.po:6: malformed PO: Syntax error in po file: unescaped double quote found"),
    ("en-zh.po", r"en-zh.po:1: the PO header declares \? -> zh_CN"),
    ("empty-catalog.po", r"empty-catalog.po: no PO messages to check"),
]


@pytest.mark.parametrize("name, pattern", CASES, ids=[c[0] for c in CASES])
def test_malformed_file_gives_one_line_error(run_cli, fixtures, name, pattern):
    code, out, err = run_cli("check", str(fixtures / "formats" / "malformed" / name))
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("transqa: error: ")
    assert "Traceback" not in err
    import re

    assert re.search(pattern, err), err


def test_xxe_target_file_is_never_read(fixtures, monkeypatch):
    """Even the parser alone (no pre-scan) must not expand an external entity."""
    from lxml import etree

    from transqa.readers import xmlsafe

    path = fixtures / "formats" / "malformed" / "xxe.xlf"
    monkeypatch.chdir(path.parent)
    root = etree.fromstring(path.read_bytes(), parser=xmlsafe._parser())
    assert "XXE-LEAK-MARKER" not in etree.tostring(root, encoding="unicode")
    with pytest.raises(TransqaError):
        read_document([str(path)])


def test_billion_laughs_is_refused_quickly(fixtures):
    import time

    start = time.perf_counter()
    with pytest.raises(TransqaError):
        read_document([str(fixtures / "formats" / "malformed" / "billion-laughs.xlf")])
    assert time.perf_counter() - start < 1.0


def test_plain_doctype_without_entities_is_accepted(fixtures):
    # sample.tmx carries <!DOCTYPE tmx SYSTEM "tmx14.dtd">; the DTD is never fetched or loaded
    assert len(read_document([str(fixtures / "formats" / "sample.tmx")]).segments) == 3

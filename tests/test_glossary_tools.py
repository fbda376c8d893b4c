"""`transqa glossary import` (TBX-Basic, TBX v3, CSV, TSV) and `transqa glossary lint`."""

from pathlib import Path

import pytest

from transqa.glossary import load_glossary
from transqa.glossary_tools import import_glossary, lint_file

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "terminology"


def imported(tmp_path, name):
    out = tmp_path / "out.yaml"
    out.write_text(import_glossary(FIX / name), encoding="utf-8")
    return {t.source[0]: t for t in load_glossary(out).terms}


def test_import_tbx_basic(tmp_path):
    terms = imported(tmp_path, "basic.tbx")
    assert set(terms) == {"国家知识产权局", "实用新型"}  # the de/en entry has no Chinese side
    cnipa = terms["国家知识产权局"]
    assert cnipa.target == ("China National Intellectual Property Administration", "CNIPA")  # preferred first
    assert cnipa.forbidden == ("SIPO",)
    assert cnipa.note == "China's patent and trademark office"
    assert cnipa.ref == "basic.tbx#c1"
    assert terms["实用新型"].target == ("utility model",)


def test_import_tbx_v3_dca_and_dct(tmp_path):
    terms = imported(tmp_path, "v3.tbx")
    assert terms["世界知识产权组织"].target == ("World Intellectual Property Organization", "WIPO")
    assert terms["总干事"].target == ("Director General",)
    assert terms["总干事"].forbidden == ("Director-General",)


def test_import_csv_merges_rows_and_reads_optional_columns(tmp_path):
    terms = imported(tmp_path, "terms.csv")
    assert terms["专利代理师"].target == ("patent attorney", "patent agent")
    assert terms["专利代理师"].kind == "title"
    assert terms["发明专利"].target == ("invention patent", "patent for invention")
    assert terms["国家知识产权局"].forbidden == ("SIPO", "State Intellectual Property Office")
    assert terms["国家知识产权局"].note == "renamed 2018"


def test_import_tsv_columns_in_any_order(tmp_path):
    terms = imported(tmp_path, "terms.tsv")
    assert terms["商标局"].target == ("Trademark Office",)
    assert terms["地理标志"].target == ("Geographical indication",)


def test_cli_import_writes_a_loadable_glossary(run_cli, tmp_path):
    out = tmp_path / "g.yaml"
    code, _, err = run_cli("glossary", "import", str(FIX / "basic.tbx"), "-o", str(out))
    assert code == 0, err
    assert "2 entries" in err
    g = load_glossary(out)
    assert g.name == "basic" and len(g.terms) == 2


@pytest.mark.parametrize("name, content, message", [
    ("bad.csv", "foo,bar\n专利,patent\n", "no Chinese column"),
    ("bad2.csv", "zh,en\n专利\n", "row has 1 columns"),
    ("bad3.csv", "zh,en,kind\n专利,patent,gadget\n", "kind 'gadget'"),
    ("bad4.tsv", b"zh\ten\n\xd7\xa8\xc0\xfb\tpatent\n", "not UTF-8"),
    ("bad.txt", "zh,en\n", "unknown glossary format"),
    ("empty.csv", "", "empty file"),
])
def test_import_malformed_input_is_one_line_exit_2(run_cli, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, out, err = run_cli("glossary", "import", str(path), "-o", str(tmp_path / "out.yaml"))
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.yaml").exists()


def test_import_broken_and_hostile_tbx(run_cli, tmp_path):
    code, _, err = run_cli("glossary", "import", str(FIX / "broken.tbx"), "-o", str(tmp_path / "a.yaml"))
    assert code == 2 and "not well-formed XML" in err
    # external entities are never resolved; a DOCTYPE declaring entities is refused outright
    code, _, err = run_cli("glossary", "import", str(FIX / "xxe.tbx"), "-o", str(tmp_path / "b.yaml"))
    assert code == 2 and "entity declarations" in err
    assert not (tmp_path / "b.yaml").exists()


def test_import_refuses_to_overwrite_its_input(run_cli, tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("zh,en\n专利,patent\n", encoding="utf-8")
    code, _, err = run_cli("glossary", "import", str(path), "-o", str(path))
    assert code == 2 and "input" in err
    assert path.read_text(encoding="utf-8") == "zh,en\n专利,patent\n"


# --- lint -------------------------------------------------------------------------------------------

def test_lint_finds_each_kind_of_problem():
    _, problems = lint_file(FIX / "lint-problems.yaml")
    kinds = sorted(p.kind for p in problems)
    assert kinds == ["approved-and-forbidden", "duplicate-source", "overlapping-sources"]
    dup = next(p for p in problems if p.kind == "duplicate-source")
    assert dup.line == 6 and "line 4" in dup.message  # 專利局 folds to 专利局
    assert next(p for p in problems if p.kind == "overlapping-sources").is_warning


def test_lint_cli_exit_codes(run_cli):
    code, out, _ = run_cli("glossary", "lint", str(FIX / "lint-problems.yaml"))
    assert code == 1
    assert "lint-problems.yaml:6: error: duplicate-source" in out
    code, out, _ = run_cli("glossary", "lint", str(FIX / "user-terms.yaml"))
    assert code == 0 and "0 error(s), 0 warning(s)" in out


def test_lint_warnings_fail_only_with_strict(run_cli, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - source: 马德里商标国际注册\n    target: a\n"
                    "  - source: 商标国际注册马德里协定\n    target: b\n", encoding="utf-8")
    assert run_cli("glossary", "lint", str(path))[0] == 0
    assert run_cli("glossary", "lint", "--strict", str(path))[0] == 1


def test_lint_malformed_glossary_exit_2(run_cli, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - source: 专利\n", encoding="utf-8")
    code, _, err = run_cli("glossary", "lint", str(path))
    assert code == 2 and "missing 'target'" in err and len(err.strip().splitlines()) == 1


def test_shipped_glossaries_lint_without_errors(run_cli):
    from transqa.packs import default_glossary_paths

    paths = [str(p) for p in default_glossary_paths()]
    code, out, _ = run_cli("glossary", "lint", *paths)
    assert code == 0, out


# --- .xlsx ------------------------------------------------------------------------------------------

def _workbook(path, rows, *, sheets=1):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for n in range(1, sheets):
        book.create_sheet(f"other{n}").append(["zh", "en"])
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_xlsx_first_sheet_header_names_the_columns(tmp_path):
    path = _workbook(tmp_path / "terms.xlsx", [
        [None, None], ["Note", "English", "中文", "kind", "forbidden"],
        ["renamed 2018", "China National Intellectual Property Administration|CNIPA", "国家知识产权局", "organization", "SIPO"],
        [None, "patent agent", "专利代理师", "title", None],
        [None, "patent attorney", "专利代理师", None, None],
        [None, None, None, None, None],
        ["", "G20", "二十国集团", "organization", ""],
        ["", 5, "五", "", ""]], sheets=2)
    out = tmp_path / "out.yaml"
    out.write_text(import_glossary(path), encoding="utf-8")
    terms = {t.source[0]: t for t in load_glossary(out).terms}
    assert terms["国家知识产权局"].target == ("China National Intellectual Property Administration", "CNIPA")
    assert terms["国家知识产权局"].forbidden == ("SIPO",) and terms["国家知识产权局"].note == "renamed 2018"
    assert terms["专利代理师"].target == ("patent agent", "patent attorney") and terms["专利代理师"].kind == "title"
    assert terms["二十国集团"].target == ("G20",) and terms["五"].target == ("5",)


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("zh,en\n专利,patent\n", encoding="utf-8"), "not an .xlsx workbook"),
    (lambda p: _workbook(p, [["source language", "English"], ["专利", "patent"]]), "no Chinese column"),
    (lambda p: _workbook(p, [["zh", "en"]]), "no entries"),
    (lambda p: _workbook(p, []), "empty file"),
])
def test_bad_xlsx_is_a_one_line_error(run_cli, tmp_path, make, message):
    path = tmp_path / "bad.xlsx"
    make(path)
    code, _, err = run_cli("glossary", "import", str(path), "-o", str(tmp_path / "out.yaml"))
    assert code == 2 and message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.yaml").exists()

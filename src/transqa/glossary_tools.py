"""`transqa glossary import` and `transqa glossary lint`: bring termbases in, find problems in glossaries.

Import reads TBX (TBX-Basic 2.0 `martif`/`termEntry`/`langSet`/`tig`, and TBX v3 ISO 30042:2019
`tbx`/`conceptEntry`/`langSec`/`termSec`, DCA or DCT style) and CSV/TSV/.xlsx (first worksheet; openpyxl,
imported only then) with a header row naming the Chinese and English columns, and returns glossary YAML
text. TBX terms whose administrative status is deprecated, superseded or forbidden become `forbidden`
renderings; preferred terms come first.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from transqa.errors import TransqaError
from transqa.glossary import KINDS, Glossary, load_glossary

ZH_COLUMNS = ("zh", "zh-cn", "zh_cn", "zh-hans", "zho", "chi", "chinese", "source", "中文", "汉语")
EN_COLUMNS = ("en", "en-us", "en_us", "en-gb", "en_gb", "eng", "english", "target", "英文", "英语")
OPTIONAL_COLUMNS = ("forbidden", "note", "kind", "ref")
MULTI_SEPARATOR = "|"
BAD_STATUS = ("deprecated", "superseded", "forbidden", "obsolete", "notrecommended")
MAX_IMPORT_BYTES = 64 * 1024 * 1024


@dataclass
class Entry:
    source: list[str]
    target: list[str]
    forbidden: list[str]
    note: str = ""
    kind: str = "term"
    ref: str = ""

    def as_yaml_dict(self) -> dict:
        out: dict = {"source": self.source[0] if len(self.source) == 1 else self.source,
                     "target": self.target[0] if len(self.target) == 1 else self.target}
        if self.forbidden:
            out["forbidden"] = self.forbidden
        out["kind"] = self.kind
        for key in ("note", "ref"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


def _read_text_checks(path: Path) -> None:
    if not path.exists():
        raise TransqaError("file not found", path=str(path))
    if path.is_dir():
        raise TransqaError("is a directory", path=str(path))
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise TransqaError(f"file larger than {MAX_IMPORT_BYTES // 2**20} MiB", path=str(path))


def _read_text(path: Path) -> str:
    _read_text_checks(path)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TransqaError(f"not UTF-8 (byte offset {exc.start}); save the file as UTF-8", path=str(path)) from None


def _unique(items) -> list[str]:
    return list(dict.fromkeys(i for i in (s.strip() for s in items) if i))


# --- CSV / TSV --------------------------------------------------------------------------------------

def _csv_rows(path: Path) -> list[list[str]]:
    text = _read_text(path)
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=delimiter == ",",
                        quoting=csv.QUOTE_MINIMAL if delimiter == "," else csv.QUOTE_NONE)
    rows: list[list[str]] = []
    last_line = 0
    try:
        for row in reader:  # strict: an unclosed quote is an error, not the rest of the file in one cell
            rows.append(row)
            last_line = reader.line_num
    except csv.Error as exc:
        problem = "a quoted cell is never closed" if "end of data" in str(exc) else str(exc)
        raise TransqaError(f"malformed {'CSV' if delimiter == ',' else 'TSV'}: {problem}", path=str(path),
                           line=last_line + 1) from None
    return rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path) -> list[list[str]]:
    """The first worksheet's rows as strings (the row number in a sheet is its line in errors)."""
    import zipfile

    _read_text_checks(path)
    try:
        from openpyxl import load_workbook  # lazy: only `glossary import` of an .xlsx file needs it
    except ImportError:  # pragma: no cover - a declared dependency
        raise TransqaError("reading .xlsx needs the openpyxl package (pip install openpyxl)", path=str(path)) from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise TransqaError(f"not an .xlsx workbook ({type(exc).__name__}); save it as Excel .xlsx or as CSV",
                           path=str(path)) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        rows = [] if sheet is None else [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    while rows and not any(c.strip() for c in rows[0]):  # blank rows above the header
        rows.pop(0)
    return rows


def read_table(path: Path) -> list[Entry]:
    """CSV, TSV or .xlsx (first sheet) with a header row naming the zh and en columns."""
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    if not rows:
        raise TransqaError("empty file: expected a header row naming the zh and en columns", path=str(path))
    header = [h.strip().lower() for h in rows[0]]

    def column(names, label):
        found = [i for i, h in enumerate(header) if h in names]
        if not found:
            raise TransqaError(f"no {label} column in the header ({', '.join(rows[0])}); name it one of "
                               f"{', '.join(names[:4])}, ...", path=str(path), line=1)
        return found[0]

    zh, en = column(ZH_COLUMNS, "Chinese"), column(EN_COLUMNS, "English")
    extra = {name: header.index(name) for name in OPTIONAL_COLUMNS if name in header}
    merged: dict[str, Entry] = {}
    for line, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(zh, en):
            raise TransqaError(f"row has {len(row)} columns, the header has {len(header)}", path=str(path), line=line)
        sources = _unique(row[zh].split(MULTI_SEPARATOR))
        targets = _unique(row[en].split(MULTI_SEPARATOR))
        if not sources or not targets:
            raise TransqaError("empty zh or en cell", path=str(path), line=line)
        cell = {k: (row[i].strip() if i < len(row) else "") for k, i in extra.items()}
        kind = cell.get("kind") or "term"
        if kind not in KINDS:
            raise TransqaError(f"kind {kind!r} must be one of {', '.join(KINDS)}", path=str(path), line=line)
        forbidden = _unique(cell.get("forbidden", "").split(MULTI_SEPARATOR))
        key = sources[0]
        if key in merged:  # the same term on several rows: more renderings
            entry = merged[key]
            entry.target = _unique([*entry.target, *targets])
            entry.forbidden = _unique([*entry.forbidden, *forbidden])
        else:
            merged[key] = Entry(sources, targets, forbidden, note=cell.get("note", ""), kind=kind,
                                ref=cell.get("ref", ""))
    return list(merged.values())


# --- TBX --------------------------------------------------------------------------------------------

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, *names):
    return [c for c in element if _local(c.tag) in names]


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _status(term_group) -> str:
    for el in term_group.iter():
        name = _local(el.tag)
        if (name == "termNote" and el.get("type") == "administrativeStatus") or name == "administrativeStatus":
            return _text(el).lower().replace("-", "").replace(" ", "")
    return ""


def read_tbx(path: Path) -> list[Entry]:
    from lxml import etree  # lazy: only `glossary import` of a TBX file needs it

    _read_text(path)  # same size and encoding rules as the other formats
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise TransqaError(f"not well-formed XML: {exc.msg}", path=str(path), line=line) from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise TransqaError("entity declarations in the DOCTYPE are not supported (entities are never expanded)",
                           path=str(path))
    root = tree.getroot()
    if _local(root.tag) not in ("martif", "tbx"):
        raise TransqaError(f"not a TBX file (root element <{_local(root.tag)}>, expected <tbx> or <martif>)",
                           path=str(path), line=root.sourceline)
    entries = []
    for concept in root.iter():
        if _local(concept.tag) not in ("termEntry", "conceptEntry"):
            continue
        sides: dict[str, list[tuple[str, str]]] = {"zh": [], "en": []}
        notes = [_text(d) for d in _children(concept, "descrip", "note", "definition") if _text(d)]
        for lang_section in _children(concept, "langSet", "langSec"):
            lang = (lang_section.get(_XML_LANG) or lang_section.get("lang") or "").lower()
            side = "zh" if lang.startswith("zh") else "en" if lang.startswith("en") else None
            if side is None:
                continue
            for group in _children(lang_section, "tig", "ntig", "termSec"):
                terms = [t for t in group.iter() if _local(t.tag) == "term"]
                if terms and _text(terms[0]):
                    sides[side].append((_text(terms[0]), _status(group)))
        sources = _unique(t for t, status in sides["zh"] if not any(b in status for b in BAD_STATUS))
        preferred = [t for t, s in sides["en"] if s.startswith("preferred")]
        approved = [t for t, s in sides["en"] if not any(b in s for b in BAD_STATUS)]
        forbidden = _unique(t for t, s in sides["en"] if any(b in s for b in BAD_STATUS))
        targets = _unique([*preferred, *approved])
        if sources and targets:
            concept_id = concept.get("id")
            entries.append(Entry(sources, targets, forbidden, note=notes[0] if notes else "",
                                 ref=f"{path.name}#{concept_id}" if concept_id else path.name))
    return entries


def read_entries(path: str | Path) -> list[Entry]:
    """The entries of a TBX, CSV, TSV or .xlsx termbase (format chosen by the file extension)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".tbx", ".xml"):
        entries = read_tbx(p)
    elif suffix in (".csv", ".tsv", ".tab", ".xlsx"):
        entries = read_table(p)
    else:
        raise TransqaError(f"unknown glossary format {suffix or '(no extension)'!r}: use .tbx, .csv, .tsv or .xlsx",
                           path=str(p))
    if not entries:
        raise TransqaError("no entries with both a Chinese and an English term", path=str(p))
    return entries


def render_glossary(entries: list[Entry], name: str, description: str = "") -> str:
    import yaml

    data = {"glossary": name, "description": description, "terms": [e.as_yaml_dict() for e in entries]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def import_glossary(path: str | Path, name: str | None = None) -> str:
    """Glossary YAML text for a TBX, CSV, TSV or .xlsx file."""
    p = Path(path)
    return render_glossary(read_entries(p), name or p.stem, f"imported from {p.name}")


# --- lint -------------------------------------------------------------------------------------------

WARNING_KINDS = ("overlapping-sources",)  # worth a look; only fail `lint --strict`


@dataclass(frozen=True)
class Problem:
    line: int | None
    kind: str
    message: str

    @property
    def is_warning(self) -> bool:
        return self.kind in WARNING_KINDS


def lint_glossary(glossary: Glossary, *, min_overlap: int = 2) -> list[Problem]:
    """Duplicate sources (after folding case, dashes and traditional characters: the later entry
    silently wins), a rendering approved and forbidden at once, and sources that overlap by at least
    half of each so that the one matched first hides the other (`ABCD` + `CDEF`: in `ABCDEF` only
    `ABCD` is found). Shorter overlaps (健康中国 / 中国共产党) are left alone: they are chance."""
    from transqa.terms import fold

    def key(text: str) -> str:
        return fold(text, simplify=True)

    problems = []
    first_seen: dict[str, object] = {}
    for term in glossary.terms:
        for source in term.source:
            k = key(source)
            if k in first_seen and first_seen[k] is not term:  # variants inside one entry are harmless
                other = first_seen[k]
                problems.append(Problem(term.line, "duplicate-source",
                                        f"source {source!r} is also an entry at line {other.line}"))
            else:
                first_seen[k] = term
        both = {key(t) for t in term.target} & {key(f) for f in term.forbidden}
        for rendering in sorted(both):
            problems.append(Problem(term.line, "approved-and-forbidden",
                                    f"{rendering!r} is both an approved and a forbidden rendering of {term.source[0]!r}"))
    prefixes: dict[str, list[str]] = defaultdict(list)
    for source in first_seen:
        for i in range(min_overlap, len(source)):
            prefixes[source[:i]].append(source)
    for source, term in first_seen.items():
        if source.isascii():
            continue  # English sources match on word boundaries; character overlaps do not apply
        hidden = []
        for i in range(1, len(source) - min_overlap + 1):
            if 2 * (len(source) - i) < len(source):
                break  # short overlaps (健康中国 / 中国共产党) are chance, not shadowing
            if source[i:] in first_seen:
                continue  # the overlap is itself an entry (职务发明 / 发明人 share 发明): composition
            for other in prefixes.get(source[i:], ()):
                if 2 * (len(source) - i) >= len(other) and first_seen[other] is not term and source not in other:
                    hidden.append((other, source + other[len(source) - i:]))
        hidden = [(o, j) for o, j in hidden if j not in first_seen]
        if hidden:
            other, joined = hidden[0]
            names = ", ".join(repr(o) for o, _ in hidden[:4]) + (f" and {len(hidden) - 4} more" if len(hidden) > 4 else "")
            problems.append(Problem(term.line, "overlapping-sources",
                                    f"{source!r} overlaps {names}: in {joined!r} only {source!r} is matched "
                                    f"and {other!r} (line {first_seen[other].line}) is hidden"))
    return sorted(problems, key=lambda p: (p.line or 0, p.kind))


def lint_file(path: str | Path) -> tuple[Glossary, list[Problem]]:
    glossary = load_glossary(path)
    return glossary, lint_glossary(glossary)

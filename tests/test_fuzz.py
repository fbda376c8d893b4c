"""Property tests (hypothesis) over random Unicode: the engine and the readers never crash, spans are exact,
findings come from the catalogue, reports are deterministic.

Budgets are bounded so the suite stays fast; `HYPOTHESIS_PROFILE=thorough` runs 20x more examples.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.errors import TransqaError
from transqa.glossary import load_glossaries
from transqa.model import Document, Segment
from transqa.packs import default_glossary_paths, default_pack_paths, load_packs

settings.register_profile("transqa-ci", max_examples=120, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                 HealthCheck.function_scoped_fixture])
settings.register_profile("thorough", settings.get_profile("transqa-ci"), max_examples=2400)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "transqa-ci")
                               if os.environ.get("HYPOTHESIS_PROFILE") in ("thorough", "transqa-ci")
                               else "transqa-ci")
CHEAP = settings(PROFILE, max_examples=PROFILE.max_examples * 3)  # readers and loaders are fast

ALL_RULES = load_packs(default_pack_paths())  # every shipped rule, enabled or not
CATALOGUE = {r.code: r for r in ALL_RULES}
CONTEXT_GLOSSARIES = tuple(load_glossaries(default_glossary_paths()))


# ---- text strategies: scripts, planes, marks and controls a real file can hold (no lone surrogates)

def _chars(lo: int, hi: int) -> st.SearchStrategy[str]:
    return st.characters(min_codepoint=lo, max_codepoint=hi, blacklist_categories=("Cs",))


CHAR = st.one_of(
    _chars(0x4E00, 0x9FFF),                       # CJK unified ideographs
    _chars(0x3000, 0x303F), _chars(0xFF00, 0xFFEF),  # CJK punctuation, full-width forms
    _chars(0x20, 0x7E),                           # ASCII
    _chars(0x20000, 0x2A6DF), _chars(0x1F300, 0x1FAFF),  # astral: CJK extension B, emoji
    _chars(0x0300, 0x036F), _chars(0x20D0, 0x20FF),  # combining marks
    _chars(0x00, 0x1F), _chars(0x7F, 0x9F),       # C0 and C1 controls
    st.sampled_from(["\u00a0", "\u2009", "\u200b", "\u200d", "\u3000", "\ufeff", "\u2028", "\r", "\t", "\n"]),
    _chars(0x00C0, 0x024F), _chars(0x0600, 0x06FF), _chars(0x0400, 0x04FF),  # Latin ext., Arabic, Cyrillic
)
TOKENS = st.sampled_from([
    "国家知识产权局", "知识产权", "世界知识产权组织", "WIPO", "CNIPA", "SIPO", "上海", "Shanghai", "习近平",
    "2019年", "1.5亿", "3万", "5.6万亿元", "１２３", "三十", "第4届", "50%", "百分之五十", "12月3日",
    "2023-10-01", "10:30", "$5", "¥100", "Dec. 3", "3 million", "one", "the the", "  ", "。", "，", "“", "”",
    "(", ")", "（", "）", "《", "》", "...", "…", "——", "<b>", "</b>", "{0}", "%s", "&amp;", "\\n", "e.g.",
    "etc.", "Mr.", "COVID-19", "SARS-CoV-2", "Intellectual Property", "intellectual  property", "I", "a",
])
def mixed(*tokens: str, size: int = 200) -> st.SearchStrategy[str]:
    """Random text: characters from CHAR mixed with the given syntax tokens."""
    return st.lists(st.one_of(CHAR, st.sampled_from(tokens)), max_size=size).map("".join)


TEXT = st.lists(st.one_of(TOKENS, st.text(CHAR, max_size=12)), max_size=14).map("".join)
PAIRS = st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=4)


def _document(pairs) -> Document:
    return Document(segments=tuple(Segment(id=i, source=s, target=t) for i, (s, t) in enumerate(pairs, 1)))


@given(pairs=PAIRS)
@settings(PROFILE)
def test_engine_never_raises_and_spans_are_exact(pairs):
    document = _document(pairs)
    findings = run_rules(document, ALL_RULES, Context(glossaries=CONTEXT_GLOSSARIES))
    by_id = {s.id: s for s in document.segments}
    for f in findings:
        text = by_id[f.segment].text(f.side)
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.match == text[f.start:f.end], f
        rule = CATALOGUE[f.code]
        assert (f.name, f.severity, f.category) == (rule.name, rule.severity, rule.category)
        assert "{" + "match" + "}" not in f.message


@given(pairs=PAIRS)
@settings(PROFILE, max_examples=max(20, PROFILE.max_examples // 3))
def test_json_report_is_identical_across_runs(pairs, tmp_path_factory):
    from transqa.pipeline import RunOptions, check, prepare
    from transqa.reporters import render

    document = _document(pairs)
    if not _PREPARED:
        _PREPARED.append(prepare(RunOptions(config=str(_empty_config(tmp_path_factory)))))
    first = render(check(document, _PREPARED[0]), "json")
    second = render(check(document, _PREPARED[0]), "json")
    assert first == second
    report = json.loads(first)
    assert report["summary"]["segments"] == len(document.segments)


_CONFIG: list[Path] = []
_PREPARED: list = []


def _empty_config(factory) -> Path:
    if not _CONFIG:
        path = factory.mktemp("cfg") / "empty.yaml"
        path.write_text("{}\n", encoding="utf-8")
        _CONFIG.append(path)
    return _CONFIG[0]


# ---- readers and loaders: any bytes give a value or a TransqaError, never another exception

@given(raw=st.binary(max_size=300))
@settings(CHEAP)
def test_decode_any_bytes(raw):
    from transqa.textio import decode

    try:
        decoded = decode(raw, "f.txt")
    except TransqaError:
        return
    assert "\x00" not in decoded.text and not decoded.text.startswith("\ufeff")


@given(text=mixed("\t", ",", '"', "\n", "\r\n", "source\ttarget\n"))
@settings(CHEAP)
def test_table_reader_any_text(text, tmp_path_factory):
    from transqa.readers.table import read_table

    folder = tmp_path_factory.mktemp("tsv")
    for name in ("f.tsv", "f.csv"):
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="")
        try:
            document = read_table(str(path))
        except TransqaError:
            continue
        assert document.segments


@given(text=mixed(":", "-", " ", "\n", "[", "]", "{", "}", "&a", "*a", "!!", "!!python/object/apply:os.system",
                  "<<", "'", '"', "  "))
@settings(CHEAP)
def test_yaml_loader_any_text(text):
    from transqa.yamlio import load_yaml_text

    try:
        load_yaml_text(text, "x.yaml")
    except TransqaError:
        pass


@given(text=mixed("<", ">", "/", "=", '"', "&", ";", "<!DOCTYPE x [", "<!ENTITY e SYSTEM 'secret.txt'>", "]>",
                  "<?xml version='1.0'?>", "<xliff ", "version='1.2'", "version='2.0'", "<file>", "<body>",
                  "<trans-unit id='1'>", "</trans-unit>", "<source>", "</source>", "<target>", "</target>",
                  "<tmx version='1.4'>", "<tu>", "<tuv xml:lang='zh'>", "<tuv xml:lang='en'>", "<seg>", "</seg>",
                  "&e;", "<g id='1'>", "</g>", "<x id='2'/>", size=300))
@settings(CHEAP)
def test_xml_readers_any_text(text, tmp_path_factory):
    from transqa.readers import read_document

    path = tmp_path_factory.mktemp("xml") / "f.xlf"
    path.write_text(text, encoding="utf-8")
    try:
        read_document([str(path)])
    except TransqaError:
        pass


@given(text=mixed('msgid "', 'msgstr "', '"', "\\", "\n", "#, fuzzy\n", 'msgid_plural "', "msgstr[0] ",
                  "msgctxt ", 'msgid ""\nmsgstr ""\n"Language: en\\n"\n', size=300))
@settings(CHEAP)
def test_po_reader_any_text(text, tmp_path_factory):
    from transqa.readers import read_document

    path = tmp_path_factory.mktemp("po") / "f.po"
    path.write_text(text, encoding="utf-8")
    try:
        read_document([str(path)])
    except TransqaError:
        pass


# ---- user patterns: any regex an editor writes is a load error or a rule that runs (or times out) cleanly

REGEX_PIECES = st.sampled_from(["a", "b", "知识", " ", "+", "*", "?", "(", ")", "|", "[", "]", "[^", "^", "$", "\\b",
                                "\\", "{2,}", "{,3}", "(?<=", "(?<!", "(?=", "(?i)", ".", "\\1", "(?P<x>", "(?P=x)",
                                "\\w", "\\d", "\\p{Han}", "-", "{", "}", "(?:", "**", "(a+)+", "\\N{DOG}"])
USER_CHECKS = st.sampled_from(["existence", "substitution-target", "paired"])


@given(pieces=st.lists(REGEX_PIECES, min_size=1, max_size=10), kind=USER_CHECKS, pairs=PAIRS)
@settings(PROFILE, max_examples=max(30, PROFILE.max_examples // 2))
def test_user_patterns_load_or_fail_cleanly_and_run(pieces, kind, pairs, tmp_path_factory):
    from transqa.packs import load_pack

    pattern = "".join(pieces)
    options = {"existence": f"    patterns: [{json.dumps(pattern)}]\n",
               "substitution-target": f"    swap: {{{json.dumps(pattern)}: x}}\n    regex: true\n",
               "paired": f"    source_pattern: {json.dumps(pattern)}\n    target_pattern: {json.dumps(pattern)}\n"}[kind]
    check = "substitution" if kind.startswith("substitution") else kind
    path = tmp_path_factory.mktemp("pack") / "p.yaml"
    path.write_text("pack: p\nrules:\n  - code: FUZ001\n    name: fuzz-rule\n    check: " + check + "\n"
                    "    category: style\n    severity: minor\n    message: \"{match}\"\n" + options,
                    encoding="utf-8")
    try:
        rules = load_pack(path)
    except TransqaError:
        return
    document = _document(pairs)
    try:
        findings = run_rules(document, rules, Context())
    except TransqaError:
        return
    for f in findings:
        text = document.segments[f.segment - 1].text(f.side)
        assert f.match == text[f.start:f.end]


def test_catalogue_matches_rules_json(run_cli):
    """`transqa rules --json` is the catalogue the fuzz tests check findings against."""
    code, out, _ = run_cli("rules", "--json", cwd=Path(__file__).resolve().parents[1] / "fixtures")
    assert code == 0
    listed = {row["code"]: (row["name"], row["severity"], row["category"]) for row in json.loads(out)}
    assert listed == {r.code: (r.name, r.severity, r.category) for r in ALL_RULES}


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "-q"])

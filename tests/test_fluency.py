"""Issue 5 checks: repetition, untranslated / wrong language, punctuation, capitalisation, on real text.

The seed pair end to end, a fixture with one planted defect per line, and direct tests of the check
functions for the cases the YAML examples cannot express (spans, merging, costs).
"""

from __future__ import annotations

import json

import pytest

from transqa.checks import Context, registry
from transqa.checks.repetition import chrf, dice, sentence_spans, tokens
from transqa.engine import run_rules
from transqa.examples import example_document
from transqa.glossary import Glossary, Term
from transqa.packs import default_pack_paths, load_packs
from transqa.model import Document, Location, Segment

OURS = ("REP", "LANG", "LEN", "PUNC", "CAP", "ACC003")
SELECT = [arg for prefix in ("REP", "LANG", "LEN", "PUNC", "CAP", "ACC") for arg in ("--select", prefix)]
RULES = {r.code: r for r in load_packs(default_pack_paths())}


def findings_for(code: str, pairs, context: Context | None = None):
    doc = example_document({"segments": [list(p) for p in pairs]})
    return run_rules(doc, [RULES[code]], context or Context())


def json_report(run_cli, *args):
    code, out, err = run_cli("check", *args, "--format", "json")
    assert code in (0, 1), err
    return json.loads(out)


# ---- the seed pair, end to end -------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_findings(fixtures_dir=None):
    from pathlib import Path

    from transqa.pipeline import RunOptions, check, prepare
    from transqa.readers import read_document

    root = Path(__file__).resolve().parents[1] / "fixtures"
    prepared = prepare(RunOptions(select=["REP", "LANG", "LEN", "PUNC", "CAP", "ACC"]))
    document = read_document([str(root / "cnipa-forum.zh.txt"), str(root / "cnipa-forum.en.txt")])
    report = check(document, prepared)
    return document, [f for f in report.findings if f.code.startswith(OURS)]


def test_seed_line8_duplicate_flagged_at_the_second_copy(seed_findings):
    document, findings = seed_findings
    dup = [f for f in findings if f.code == "REP003"]
    assert [f.segment for f in dup] == [8]
    target = next(s.target for s in document.segments if s.id == 8)
    first = target.index("SMEs are the main forces for innovation")
    second = target.index("SMEs are the main forces for innovation", first + 1)
    assert dup[0].start == second and dup[0].end == len(target.rstrip())
    assert dup[0].severity == "major"
    assert "2 sentence(s)" in dup[0].message


def test_seed_forum_capitalisation_flagged_minor_or_info(seed_findings):
    _, findings = seed_findings
    cap = [f for f in findings if f.code == "CAP001" and f.match.lower() == "forum"]
    assert cap and all(f.severity in ("minor", "info") for f in cap)
    assert [(f.segment, f.match) for f in cap] == [(8, "forum")]


def test_seed_no_other_major_finding(seed_findings):
    _, findings = seed_findings
    major = [(f.code, f.segment) for f in findings if f.severity in ("major", "critical")]
    assert major == [("REP003", 8)]


def test_seed_through_the_cli(run_cli, fixtures):
    report = json_report(run_cli, str(fixtures / "cnipa-forum.zh.txt"), str(fixtures / "cnipa-forum.en.txt"), *SELECT)
    codes = {(f["code"], f["segment"]) for f in report["findings"]}
    assert ("REP003", 8) in codes and ("CAP001", 8) in codes
    assert "metrics" not in report["summary"]  # no --reference, no metrics key


# ---- one planted defect per line ---------------------------------------------------------------

EXPECTED = {
    1: set(),
    2: {"REP002"},
    3: {"ACC003"},
    4: {"ACC003"},
    5: {"LANG002"},
    6: {"LANG003"},
    7: {"PUNC003"},
    8: {"PUNC005", "PUNC006"},
    9: {"CAP001", "PUNC008"},
    10: {"PUNC002"},
}


def test_planted_defects_fixture(run_cli, fixtures):
    report = json_report(run_cli, str(fixtures / "fluency" / "mt-defects.zh.txt"),
                         str(fixtures / "fluency" / "mt-defects.en.txt"), *SELECT)
    got: dict[int, set] = {line: set() for line in EXPECTED}
    for f in report["findings"]:
        if f["code"].startswith(OURS) and f["code"] != "PUNC001":
            got[f["segment"]].add(f["code"])
    assert got == EXPECTED


# ---- repetition ---------------------------------------------------------------------------------

def test_sentence_spans_keep_offsets():
    text = "  One sentence here. Another one follows! And a third?  "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["One sentence here.", "Another one follows!", "And a third?"]


def test_dice_and_chrf_rank_near_duplicates_above_parallel_sentences():
    ctx = Context()
    a = "SMEs are the main forces for innovation, key creators of IPRs and beneficiaries of IP value."
    b = "SMEs are the main forces for innovation, key creators of IPRs, beneficiaries of IP values."
    c = "Prices of steel rose by 3% in May."
    d = "Prices of copper fell by 5% in June."
    assert dice(tokens(a), tokens(b)) > 0.85 and chrf(b, a, ctx) > 80
    assert dice(tokens(c), tokens(d)) < 0.7


def test_whole_segment_doubled_is_one_hit_on_the_second_half():
    target = "He attended the meeting on Monday. It was held in Beijing. " \
             "He attended the meeting on Monday. It was held in Beijing."
    found = findings_for("REP003", [("他出席了会议。会议在北京举行。", target)])
    assert len(found) == 1
    assert found[0].start == target.index("He attended", 1) and found[0].end == len(target)


def test_parallel_source_needs_an_exact_repeat():
    source = "专项行动开展至今，全市共受理投诉39件，同比下降63%；今年以来，全市受理投诉270件，同比下降62%。"
    target = ("Since the launch of the special action, the city has accepted 39 complaints with a decrease of 63%. "
              "Since the beginning of this year, the city has accepted 270 complaints with a decrease of 62%.")
    assert findings_for("REP003", [(source, target)]) == []


def test_loop_span_covers_the_repeats_only():
    target = "the development of the development of the development of the economy"
    (f,) = findings_for("REP002", [("发展", target)])
    assert f.start == len("the development of") and target[f.end:] == " the economy"


def test_duplicate_translation_points_at_the_later_segment():
    pairs = [("会议讨论了气候变化问题。", "The meeting discussed climate change and energy security."),
             ("天气很好。", "The weather was fine."),
             ("部长会见了外国记者。", "The meeting discussed climate change and energy security.")]
    (f,) = findings_for("REP004", pairs)
    assert f.segment == 3 and "segment 1" in f.message


def test_repeated_word_exceptions():
    assert findings_for("REP001", [("杨洋", "Yang Yang and Wei Wei came")]) == []
    assert len(findings_for("REP001", [("的", "The the report")])) == 1


# ---- untranslated and wrong language ------------------------------------------------------------

def test_han_in_target_whole_segment_is_one_finding():
    target = "陈吉宁出席了会议并发表讲话 (Chen)"
    (f,) = findings_for("ACC003", [("陈吉宁出席了会议并发表讲话", target)])
    assert (f.start, f.end) == (0, len(target))


def test_han_in_target_glossary_term_next_to_its_rendering_is_fine():
    term = Term(source=("国家知识产权局",), target=("China National Intellectual Property Administration", "CNIPA"))
    ctx = Context(glossaries=(Glossary(name="t", path="t.yaml", terms=(term,)),))
    target = "The CNIPA 国家知识产权局 issued a notice on patent quality today."
    assert findings_for("ACC003", [("国家知识产权局发布通知", target)], ctx) == []
    assert len(findings_for("ACC003", [("国家知识产权局发布通知", target)], Context())) == 1
    other = "The office 国家知识产权局 issued a notice on patent quality today."
    assert len(findings_for("ACC003", [("国家知识产权局发布通知", other)], ctx)) == 1
    # a short bracketed citation of the source's own words is a gloss, not an omission
    gloss = "The office (国家知识产权局) issued a notice on patent quality today."
    assert findings_for("ACC003", [("国家知识产权局发布通知", gloss)], Context()) == []


def test_langdetect_is_seeded_and_only_called_when_the_english_test_fails(monkeypatch):
    import transqa.checks.language as language

    calls = []
    real = language.detect_language
    monkeypatch.setattr(language, "detect_language", lambda text, ctx: calls.append(text) or real(text, ctx))
    english = "The meeting was held in Beijing last night and the minister attended it."
    assert findings_for("LANG003", [("会议", english)]) == []
    assert calls == []
    french = "La réunion a eu lieu à Pékin hier soir avec le ministre des affaires étrangères."
    results = {tuple(f.message for f in findings_for("LANG003", [("会议", french)])) for _ in range(3)}
    assert len(results) == 1 and "fr" in next(iter(results))[0]
    from langdetect import DetectorFactory

    assert DetectorFactory.seed == 0


# ---- punctuation ------------------------------------------------------------------------------

@pytest.mark.parametrize("code,target,expected", [
    ("PUNC003", "a (b [c] d) e", []),
    ("PUNC003", "a (b [c) d] e", ["(", ")"]),
    ("PUNC003", "Hubei Province (China) (Figure 1).", []),
    ("PUNC004", '"This is a lasting friendship. ", Marshall said.', []),
    ("PUNC004", '"We like the "One Belt One Road" plan. "', []),
    ("PUNC004", "He said “yes” and ”no”.", ["”", "”"]),
    ("PUNC005", "Why ? Because ...", ["?"]),
    ("PUNC006", "Apple Inc., Google Inc., etc., and the U.S., agreed.", []),
    ("PUNC006", "robots -- 8 ft., 12 ft. long proteins", []),
    ("PUNC006", "It is over.. Really,,", ["..", ",,"]),
    ("PUNC007", 'The staff saw a "who cares?" backlash. it was loud. (hereinafter the Office)', ["i"]),
])
def test_punctuation_cases(code, target, expected):
    found = findings_for(code, [("上海。", target)])
    assert [f.match.strip() for f in found] == expected


def test_missing_final_punctuation_span_is_the_last_character():
    (f,) = findings_for("PUNC008", [("他说：“我们将继续努力。”", 'He said: "We will keep working hard')])
    assert f.match == "d" and f.suggestion == "d."


# ---- speed: segment-scope checks stay cheap -----------------------------------------------------

def test_segment_checks_are_cheap_per_segment():
    import time

    checks = registry()
    rules = [r for r in RULES.values() if r.code.startswith(OURS) and checks[r.check].scope == "segment"]
    segment = Segment(1, "上海将以最严格的举措加强知识产权保护，优化知识产权快速协同保护。",
                      "Shanghai will take the most stringent measures to intensify IP protection, optimize "
                      "rapid and coordinated IP protection and enhance collaboration (with the courts).",
                      Location("t", 1), Location("t", 1))
    doc = Document(segments=(segment,) * 500)
    run_rules(doc, rules, Context())  # warm up regex caches
    start = time.perf_counter()
    run_rules(doc, rules, Context())
    per_segment = (time.perf_counter() - start) / 500
    assert per_segment < 0.002, f"{per_segment * 1e6:.0f} µs per segment for {len(rules)} rules"

#!/usr/bin/env python3
"""Evaluate the whole tool on real professional translations, with all default rules.

usage (from the repo root):  /work/venv/bin/python scripts/evaluate.py [--corpora NAME ...] [--out DIR] [--seed N]

For each corpus (newstest2017-2019, tico19, and the two human references of the WMT21 TED MQM set):
 1. `transqa check SRC TGT --format json` on the clean professional translation, no extra glossary:
    per rule code, the lines flagged and their share, and the share of lines with any major-or-critical
    finding (= false alarms on professional text);
 2. ../shared/tools/inject.py plants defects, transqa runs on the clean and the injected target with the
    bench glossary, and ../shared/tools/score_bench.py gives recall per defect kind and the false-alarm share.
Prints one table per corpus and summary tables, then how many rows of benchmarks/evaluation/false_alarms.tsv
(known false alarms: should pass) and missed_defects.tsv (known misses: should be flagged) get a finding.
Writes every report plus summary.json to --out.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

DATA = Path("../shared/data")
TOOLS = Path("../shared/tools")
CORPORA = {
    "newstest2017": ("newstest/newstest2017.zh-en.zh", "newstest/newstest2017.zh-en.en"),
    "newstest2018": ("newstest/newstest2018.zh-en.zh", "newstest/newstest2018.zh-en.en"),
    "newstest2019": ("newstest/newstest2019.zh-en.zh", "newstest/newstest2019.zh-en.en"),
    "tico19": ("tico19/tico19-test.zh", "tico19/tico19-test.en"),
    "ted-ref": "ref",    # MQM set: human reference systems, written out as a line-aligned pair
    "ted-refB": "refB",
}
MAJOR = {"major", "critical"}
SEED = 7  # inject.py's random seed (--seed): other seeds plant on other lines, with other choices


def run(*cmd: str) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1 = the quality gate failed, which is fine here
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
    return done.stdout


def ted_pair(system: str, out: Path) -> tuple[Path, Path]:
    rows = [json.loads(line) for line in (DATA / "mqm_ted/wmt21_ted_zhen_mqm.jsonl").open(encoding="utf-8")]
    rows = sorted((r for r in rows if r["system"] == system), key=lambda r: (r["doc_id"], r["seg_id"]))
    src, tgt = out / "ted.zh", out / "ted.en"
    src.write_text("".join(r["source"].replace("\n", " ") + "\n" for r in rows), encoding="utf-8")
    tgt.write_text("".join((r["target"] or "").replace("\n", " ") + "\n" for r in rows), encoding="utf-8")
    return src, tgt


def check(report: Path, *args) -> dict:
    run(sys.executable, "-m", "transqa", "check", *map(str, args), "--format", "json", "-o", str(report),
        "--fail-on", "none", "--quiet")
    return json.loads(report.read_text(encoding="utf-8"))


def evaluate(name: str, out: Path) -> dict:
    work = out / name
    work.mkdir(parents=True, exist_ok=True)
    spec = CORPORA[name]
    src, tgt = ted_pair(spec, work) if isinstance(spec, str) else (DATA / spec[0], DATA / spec[1])
    bench = work / "bench"
    if SEED == 7:  # inject.py's own default, through its command line
        run(sys.executable, str(TOOLS / "inject.py"), str(src), str(tgt), str(bench))
    else:  # its command line takes no seed: call main() with one
        run(sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import inject; "
            "inject.main(sys.argv[2], sys.argv[3], sys.argv[4], 30, int(sys.argv[5]))",
            str(TOOLS), str(src), str(tgt), str(bench), str(SEED))
    report = check(work / "default.json", src, tgt)
    gloss = ("--glossary", str(bench / "glossary.yaml"))
    clean = check(work / "clean.json", bench / "src.zh", bench / "clean.en", *gloss)
    check(work / "injected.json", bench / "src.zh", bench / "injected.en", *gloss)
    score = json.loads(run(sys.executable, str(TOOLS / "score_bench.py"), str(bench),
                           str(work / "clean.json"), str(work / "injected.json")))
    lines = report["summary"]["segments"]
    by_rule, severities, major_lines, any_lines = defaultdict(set), defaultdict(set), set(), set()
    for f in report["findings"]:
        by_rule[f["code"]].add(f["segment"])
        severities[f["code"]].add(f["severity"])
        any_lines.add(f["segment"])
        family = f["code"].rstrip("0123456789")
        by_rule[f"({family} any)"].add(f["segment"])
        if f["severity"] in MAJOR:
            major_lines.add(f["segment"])
            by_rule[f"({family} major+)"].add(f["segment"])
    bench_major = defaultdict(set)  # which rules make the bench's false alarms (clean run with its glossary)
    for f in clean["findings"]:
        if f["severity"] in MAJOR:
            bench_major[f["code"]].add(f["segment"])
    score["major_by_rule"] = {code: len(segs) for code, segs in sorted(bench_major.items())}
    rules = {code: {"lines": len(segs), "share": len(segs) / lines, "severity": "/".join(sorted(severities[code]))}
             for code, segs in sorted(by_rule.items())}
    return {"corpus": name, "lines": lines, "rules": rules, "major_share": len(major_lines) / lines,
            "any_share": len(any_lines) / lines, "bench": score}


def pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
                     for r in rows)


def print_corpus(r: dict) -> None:
    print(f"\n== {r['corpus']}: {r['lines']} lines; any finding {pct(r['any_share'])}, "
          f"any major/critical {pct(r['major_share'])}")
    rows = [["rule", "severity", "lines", "share"]]
    rows += [[code, v["severity"], str(v["lines"]), pct(v["share"])] for code, v in r["rules"].items()]
    print(table(rows))
    b = r["bench"]
    print(f"bench: recall {b['recall']:.3f}, false alarms (major+) {b['false_alarm_major']:.3f}, "
          f"any flag {b['flag_rate_any']:.3f}; " + ", ".join(f"{k} {v}" for k, v in b["per_kind"].items()))
    print("bench clean run, lines at major+ by rule (incl. planted lines): "
          + ", ".join(f"{k} {v}" for k, v in b["major_by_rule"].items()))


def print_summary(results: list[dict]) -> None:
    names = [r["corpus"] for r in results]
    print("\n== summary: share of clean professional lines flagged")
    rows = [["rule"] + names]
    rows.append(["(any major+)"] + [pct(r["major_share"]) for r in results])
    rows.append(["(any finding)"] + [pct(r["any_share"]) for r in results])
    codes = sorted({c for r in results for c in r["rules"]}, key=lambda c: (not c.startswith("("), c))
    rows += [[c] + [pct(r["rules"][c]["share"]) if c in r["rules"] else "    -" for r in results] for c in codes]
    print(table(rows))
    print("\n== summary: injected-defect recall (found/planted) and bench false alarms")
    kinds = sorted({k for r in results for k in r["bench"]["per_kind"]})
    rows = [["kind"] + names + ["total"]]
    for k in kinds + ["(all)"]:
        cells, hit, tot = [], 0, 0
        for r in results:
            per = r["bench"]["per_kind"]
            pairs = [per[x] for x in (kinds if k == "(all)" else [k]) if x in per]
            h, t = sum(int(p.split("/")[0]) for p in pairs), sum(int(p.split("/")[1]) for p in pairs)
            cells.append(f"{h}/{t}" if t else "-")
            hit, tot = hit + h, tot + t
        rows.append([k] + cells + [f"{hit}/{tot} {pct(hit / tot) if tot else ''}"])
    rows.append(["false alarm major+"] + [pct(r["bench"]["false_alarm_major"]) for r in results] + [""])
    print(table(rows))


def known_cases(out: Path) -> dict:
    """Rows of benchmarks/evaluation/*.tsv that get a finding: false_alarms should pass, missed_defects be flagged."""
    cases, status = Path("benchmarks/evaluation"), {}
    for name in ("false_alarms", "missed_defects"):
        report = check(out / f"{name}.json", cases / f"{name}.tsv", "--glossary", cases / "country-glossary.yaml")
        flagged = {f["segment"] for f in report["findings"]}
        status[name] = (len(flagged), report["summary"]["segments"])
        print(f"{name}.tsv: {len(flagged)} of {report['summary']['segments']} rows get a finding")
    return status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="+", choices=list(CORPORA), default=list(CORPORA))
    parser.add_argument("--out", type=Path, default=None, help="directory for reports (default: a temp dir)")
    parser.add_argument("--jobs", type=int, default=2, help="corpora evaluated at once")
    parser.add_argument("--seed", type=int, default=7,
                        help="inject.py's random seed (default 7, its own); others give held-out plants")
    args = parser.parse_args()
    global SEED
    SEED = args.seed
    out = args.out or Path(tempfile.mkdtemp(prefix="transqa-eval-"))
    commit = run("git", "rev-parse", "--short", "HEAD").strip()
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda n: evaluate(n, out), args.corpora))
    print(f"transqa at commit {commit} (plus any uncommitted edits); reports in {out}")
    for r in results:
        print_corpus(r)
    print_summary(results)
    print()
    cases = known_cases(out)
    (out / "summary.json").write_text(json.dumps({"commit": commit, "results": results, "known_cases": cases},
                                                 indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

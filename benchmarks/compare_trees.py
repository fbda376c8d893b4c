#!/usr/bin/env python3
"""CPU µs/segment of chosen rules in two source trees, interleaved (before, after, before, ...), medians.

    git archive <old-commit> src rules | tar -x -C /tmp/before      # a tree to compare with
    python benchmarks/compare_trees.py /tmp/before/src src --rules REP001,LEN001+LEN002,MINE,ALL --rounds 5

Each measurement is a fresh process with PYTHONPATH set to the tree's `src` (so the tree's own rules/
are loaded), running the rules through the engine over newstest 2017-2019 after a warm-up on 50
segments (as benchmarks/rule_costs.py does); --glossary adds glossaries, --pair SRC TGT replaces newstest
with one line-aligned pair (e.g. benchmarks/run.py's replicated corpus). A name joins codes with `+` to run them together;
ALL is every default rule, MINE every rule but NUM/DATE/TERM/CONS. On a loaded machine single runs
differ by ±30%: use several rounds and quote the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newstest"


def measure(names: list[str], glossaries: list[str] = (), pair: list[str] | None = None) -> dict:
    from transqa.engine import run_rules
    from transqa.model import Document, Location, Segment
    from transqa.pipeline import RunOptions, prepare

    docs = []
    files = [(Path(pair[0]), Path(pair[1]))] if pair else [(zh, zh.with_suffix(".en"))
                                                          for zh in sorted(DATA.glob("newstest*.zh-en.zh"))]
    for zh, en in files:
        pairs = zip(zh.read_text(encoding="utf-8").splitlines(), en.read_text(encoding="utf-8").splitlines())
        docs.append(Document(segments=tuple(Segment(n, s, t, Location(zh.name, n), Location(zh.name, n))
                                            for n, (s, t) in enumerate(pairs, 1))))
    count = sum(len(d.segments) for d in docs)
    prepared = prepare(RunOptions(glossaries=list(glossaries)))
    by_code = {r.code: r for r in prepared.rules}
    groups = {"ALL": prepared.rules,
              "MINE": [r for r in prepared.rules if not r.code.startswith(("NUM", "DATE", "TERM", "CONS"))]}
    out = {}
    for name in names:
        rules = groups.get(name) or [by_code[c] for c in name.split("+")]
        context = prepared.context()
        run_rules(Document(segments=docs[0].segments[:50]), rules, context)
        start = time.process_time()
        found = sum(len(run_rules(d, rules, context)) for d in docs)
        out[name] = ((time.process_time() - start) / count * 1e6, found)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--rules", default="MINE,ALL")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--glossary", action="append", default=[], help="add a glossary (repeatable)")
    parser.add_argument("--pair", nargs=2, metavar=("SRC", "TGT"), help="measure on this pair instead of newstest")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    names = args.rules.split(",")
    if args.worker:
        import transqa

        print(json.dumps({"_from": transqa.__file__, **measure(names, args.glossary, args.pair)}))
        return
    trees = {"before": str(Path(args.before).resolve()), "after": str(Path(args.after).resolve())}
    results: dict[str, list] = {k: [] for k in trees}
    for _ in range(args.rounds):
        for label, src in trees.items():
            env = dict(os.environ, PYTHONPATH=src)
            extra = [f"--glossary={g}" for g in args.glossary] + (["--pair", *args.pair] if args.pair else [])
            done = subprocess.run([sys.executable, __file__, args.before, args.after, "--rules", args.rules,
                                   "--worker", *extra], env=env, capture_output=True, text=True, check=True)
            measured = json.loads(done.stdout)
            if not measured.pop("_from").startswith(src):  # an installed transqa shadowed the tree
                raise SystemExit(f"transqa was not imported from {src}")
            results[label].append(measured)
    print(f"CPU µs/segment, medians of {args.rounds} interleaved rounds; findings before/after")
    print(f"{'rules':16} {'before':>8} {'after':>8}  findings")
    for name in names:
        before, after = (statistics.median(r[name][0] for r in results[k]) for k in trees)
        print(f"{name:16} {before:8.1f} {after:8.1f}  {results['before'][0][name][1]}/{results['after'][0][name][1]}")


if __name__ == "__main__":
    main()

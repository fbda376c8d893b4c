#!/usr/bin/env python3
"""CPU µs/segment of each document-scope rule's collect (map) and finish, in one tree or two, interleaved.

    python benchmarks/document_rule_costs.py                                  # this tree, newstest 2017-2019
    python benchmarks/document_rule_costs.py --before /tmp/before/src --rounds 5
    python benchmarks/document_rule_costs.py --before /tmp/before/src --pair src.zh tgt.en --rules REP004,CONS002

`collect` is called directly for every segment and `finish` on all the records (no engine, so the two
are timed apart; LEN001 and LEN002 each pay the collect they share in a real run). Each measurement
is a fresh process with PYTHONPATH set to the tree's `src`; within it the best of --repeat passes is
kept, across --rounds interleaved processes (before, after, before, ...) the median. On a shared
machine single runs differ by ±30%: quote medians of several rounds.
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


def measure(codes: list[str], pair: list[str] | None, repeat: int) -> dict:
    from transqa.checks import registry
    from transqa.model import Location, Segment
    from transqa.pipeline import RunOptions, prepare

    files = [(Path(pair[0]), Path(pair[1]))] if pair else \
        [(zh, zh.with_suffix(".en")) for zh in sorted(DATA.glob("newstest*.zh-en.zh"))]
    segments = []
    for src, tgt in files:
        lines = zip(src.read_text(encoding="utf-8").splitlines(), tgt.read_text(encoding="utf-8").splitlines())
        segments += [Segment(n, s, t, Location(src.name, n), Location(tgt.name, n)) for n, (s, t) in enumerate(lines, 1)]
    prepared = prepare(RunOptions())
    out = {}
    for rule in prepared.rules:
        check = registry()[rule.check]
        if check.scope != "document" or (codes and rule.code not in codes):
            continue
        collect, finish = check.run.collect, check.run.finish
        best_collect = best_finish = float("inf")
        for _ in range(repeat):
            context = prepared.context()
            start = time.process_time()
            records = [r for i, s in enumerate(segments) for r in collect(i, s, rule.options, context)]
            middle = time.process_time()
            more = (segments,) if getattr(check.run, "reads_segments", False) else ()  # finish reads texts
            hits = sum(1 for _ in finish(records, rule.options, context, *more))
            end = time.process_time()
            best_collect, best_finish = min(best_collect, middle - start), min(best_finish, end - middle)
        out[rule.code] = (best_collect / len(segments) * 1e6, best_finish / len(segments) * 1e6, len(records), hits)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", help="another tree's src directory to compare with")
    parser.add_argument("--after", default=str(Path(__file__).resolve().parents[1] / "src"))
    parser.add_argument("--rules", default="", help="codes joined by commas (default: every document rule)")
    parser.add_argument("--pair", nargs=2, metavar=("SRC", "TGT"), help="measure on this pair instead of newstest")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    codes = [c for c in args.rules.split(",") if c]
    if args.worker:
        import transqa

        print(json.dumps({"_from": transqa.__file__, **measure(codes, args.pair, args.repeat)}))
        return
    trees = {"before": args.before, "after": args.after} if args.before else {"after": args.after}
    trees = {label: str(Path(src).resolve()) for label, src in trees.items()}
    results: dict[str, list] = {label: [] for label in trees}
    for _ in range(args.rounds):
        for label, src in trees.items():
            command = [sys.executable, __file__, "--worker", "--rules", args.rules, "--repeat", str(args.repeat)]
            command += ["--pair", *args.pair] if args.pair else []
            done = subprocess.run(command, env=dict(os.environ, PYTHONPATH=src), capture_output=True, text=True,
                                  check=True)
            measured = json.loads(done.stdout)
            if not measured.pop("_from").startswith(src):  # an installed transqa shadowed the tree
                raise SystemExit(f"transqa was not imported from {src}")
            results[label].append(measured)
    print(f"CPU µs/segment, medians of {args.rounds} rounds (best of {args.repeat} passes each); records/hits")
    labels = list(trees)
    print(f"{'rule':8} " + " ".join(f"{'collect ' + lb:>15} {'finish ' + lb:>14}" for lb in labels) + "  records/hits")
    for code in results[labels[0]][0]:
        cells, counts = [], []
        for label in labels:
            rows = [r[code] for r in results[label]]
            cells.append(f"{statistics.median(r[0] for r in rows):15.1f} {statistics.median(r[1] for r in rows):14.1f}")
            counts.append(f"{rows[0][2]}/{rows[0][3]}")
        print(f"{code:8} " + " ".join(cells) + "  " + " ".join(counts))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Recall on planted defects over several inject.py seeds: plants nobody tuned the checks against.

usage (from the repo root):  /work/venv/bin/python scripts/seed_recall.py [--seeds 7 11 23 31 47] [--out DIR]

Runs scripts/evaluate.py once per seed (DIR/seed-N, about 20 s each) and prints, per defect kind, the
planted defects found over all six corpora for each seed, the total per seed, and the bench's share of
untouched lines flagged at major+ (its false alarms) per seed. Seed 7 is inject.py's own default, the one
the checks were developed against for six sessions; the others are held out.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def fraction_sum(values: list[str]) -> tuple[int, int]:
    found = total = 0
    for v in values:
        a, b = v.split("/")
        found, total = found + int(a), total + int(b)
    return found, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", nargs="+", type=int, default=[7, 11, 23, 31, 47])
    parser.add_argument("--out", type=Path, default=None, help="directory for the runs (default: a temp dir)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="transqa-seeds-"))
    summaries = {}
    for seed in args.seeds:
        run_dir = out / f"seed-{seed}"
        subprocess.run([sys.executable, "scripts/evaluate.py", "--out", str(run_dir), "--seed", str(seed)],
                       check=True, capture_output=True, text=True)
        summaries[seed] = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    kinds = sorted({k for s in summaries.values() for r in s["results"] for k in r["bench"]["per_kind"]})
    print(f"transqa at commit {next(iter(summaries.values()))['commit']}; runs in {out}")
    print(f"{'kind':22}" + "".join(f"{'seed ' + str(s):>16}" for s in args.seeds))
    rows = kinds + ["(all)"]
    for kind in rows:
        cells = []
        for seed in args.seeds:
            per = [r["bench"]["per_kind"].get(k) for r in summaries[seed]["results"]
                   for k in (kinds if kind == "(all)" else [kind])]
            found, total = fraction_sum([v for v in per if v])
            cells.append(f"{found}/{total}" + (f" {100 * found / total:.1f}%" if kind == "(all)" else ""))
        print(f"{kind:22}" + "".join(f"{c:>16}" for c in cells))
    alarms = []
    for seed in args.seeds:
        shares = [r["bench"]["false_alarm_major"] for r in summaries[seed]["results"]]
        alarms.append(f"{100 * min(shares):.1f}-{100 * max(shares):.1f}%")
    print(f"{'false alarm major+':22}" + "".join(f"{a:>16}" for a in alarms))


if __name__ == "__main__":
    main()

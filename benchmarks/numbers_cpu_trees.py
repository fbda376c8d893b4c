"""CPU µs per pair of `transqa.numbers.analyse` in two source trees, interleaved, medians.

    git archive <old-commit> src rules | tar -x -C /tmp/before
    python benchmarks/numbers_cpu_trees.py /tmp/before/src src --rounds 7

Each round runs a fresh process per tree (PYTHONPATH = the tree's src, so its own rules/data is read),
one warm-up pass over newstest 2017-2019 and then one timed pass (time.process_time), alternating
before, after, before, ... On a shared machine single runs move by ±30%: quote the medians, and the
instruction counts of numbers_instructions.py, which do not move.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from numbers_instructions import SETUP  # noqa: E402 (this script's folder is on sys.path)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newstest"
LOOP = SETUP + """for s, t in pairs:
    analyse(s, t, exprs)
t0 = time.process_time()
for s, t in pairs:
    analyse(s, t, exprs)
print(1e6 * (time.process_time() - t0) / len(pairs))
"""


def once(tree: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(Path(tree).resolve()))
    run = subprocess.run([sys.executable, "-c", LOOP, str(DATA)], env=env, capture_output=True, text=True, check=True)
    return float(run.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    times: dict[str, list[float]] = {args.before: [], args.after: []}
    for _ in range(args.rounds):
        for tree in (args.before, args.after):
            times[tree].append(once(tree))
    for tree, values in times.items():
        print(f"{tree}: median {statistics.median(values):.1f} µs/pair  (runs: {', '.join(f'{v:.1f}' for v in values)})")
    print(f"after/before: {statistics.median(times[args.after]) / statistics.median(times[args.before]):.3f}")


if __name__ == "__main__":
    main()

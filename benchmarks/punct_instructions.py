"""Instructions per segment of PUNC/SPC rules through the engine, counted by valgrind (not timed).

    python benchmarks/punct_instructions.py --tree /tmp/old/src --tree src PUNC007 PUNC008 SPC003
    (old tree: git archive <commit> | tar -x -C /tmp/old)

CPU time on the shared 2-core machine moves by ±30% with the other processes; an instruction count
does not. For each tree and rule, runs the rule alone (transqa.engine.run_rules, the map, merge and
finish steps) over newstest 2017-2019 as three documents, twice and once, under `valgrind
--tool=cachegrind --cache-sim=no` (PYTHONHASHSEED=0, no garbage collection: the count is the same
on every run); the difference per pair is the steady cost, without imports, loading and the
one-time compiling of patterns (eager at import or lazy at first use, LazyPattern), which the
once-run's total includes.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newstest"
CHILD = """
import gc, sys
gc.disable()  # a collection of the 8,000 segments falls at a different time when anything allocates more
from transqa.checks import Context
from transqa.engine import run_rules
from transqa.model import Document, Location, Segment
from transqa.packs import default_pack_paths, load_packs
rules = [r for r in load_packs(default_pack_paths()) if r.code in sys.argv[3:]]
docs = []
for year in (2017, 2018, 2019):
    src = open(f"{sys.argv[1]}/newstest{year}.zh-en.zh", encoding="utf-8").read().splitlines()
    tgt = open(f"{sys.argv[1]}/newstest{year}.zh-en.en", encoding="utf-8").read().splitlines()
    docs.append(Document(tuple(Segment(n, s, t, Location("s", n), Location("t", n))
                               for n, (s, t) in enumerate(zip(src, tgt), 1))))
for _ in range(int(sys.argv[2])):
    for doc in docs:
        run_rules(doc, rules, Context())
print(sum(len(d.segments) for d in docs))
"""


def instructions(tree: str, codes: list[str], passes: int) -> tuple[int, int]:
    env = {**os.environ, "PYTHONPATH": tree, "PYTHONHASHSEED": "0"}
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           sys.executable, "-c", CHILD, str(DATA), str(passes), *codes],
                          capture_output=True, text=True, env=env, check=True)
    count = int(re.search(r"I\s+refs:\s+([\d,]+)", done.stderr).group(1).replace(",", ""))
    return count, int(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="a src/ directory (repeatable)")
    parser.add_argument("codes", nargs="+")
    args = parser.parse_args()
    print(f"{'rule':8} " + " ".join(f"{t[-30:]:>30}" for t in args.tree) + "   (instructions per pair; total once)")
    for code in args.codes:
        cells = []
        for tree in args.tree:
            once, pairs = instructions(tree, [code], 1)
            twice, _ = instructions(tree, [code], 2)
            cells.append(f"{(twice - once) / pairs:14,.0f} ({once / 1e6:,.0f}M)")
        print(f"{code:8} " + " ".join(f"{c:>30}" for c in cells), flush=True)


if __name__ == "__main__":
    main()

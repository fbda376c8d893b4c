"""Instructions per segment of the shared number/date analysis, counted by valgrind (not timed).

    python benchmarks/numbers_instructions.py                      # the working tree
    python benchmarks/numbers_instructions.py --tree /tmp/old/src  # another tree (git archive <commit> | tar -x)

CPU time on a shared 2-core machine moves by ±30% with the other processes; an instruction count does
not. Runs `transqa.numbers.analyse` over newstest 2017-2019 once and not at all under
`valgrind --tool=cachegrind --cache-sim=no`, and prints the difference per pair (imports, loading
and pattern compilation cancel out). Needs valgrind; takes about a minute per tree.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newstest"
# The child's set-up (also used by numbers_cpu_trees.py): newstest 2017-2019 pairs from argv[1].
SETUP = """
import sys, time
from transqa.numbers import analyse, load_expressions
pairs = []
for year in (2017, 2018, 2019):
    src = open(f"{sys.argv[1]}/newstest{year}.zh-en.zh", encoding="utf-8").read().splitlines()
    tgt = open(f"{sys.argv[1]}/newstest{year}.zh-en.en", encoding="utf-8").read().splitlines()
    pairs += zip(src, tgt)
exprs = load_expressions()
"""
LOOP = SETUP + """for _ in range(int(sys.argv[2])):
    for s, t in pairs:
        analyse(s, t, exprs)
print(len(pairs))
"""


def instructions(tree: str | None, loops: int) -> tuple[int, int]:
    env = dict(os.environ, PYTHONPATH=tree) if tree else dict(os.environ)
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", LOOP, str(DATA), str(loops)],
                         env=env, capture_output=True, text=True, check=True)
    refs = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    return int(refs.group(1).replace(",", "")), int(run.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", help="a src directory to import transqa from (default: as installed)")
    args = parser.parse_args()
    base, _ = instructions(args.tree, 0)
    once, pairs = instructions(args.tree, 1)
    print(f"{pairs} pairs: {(once - base) / pairs:,.0f} instructions per pair for analyse()")


if __name__ == "__main__":
    main()

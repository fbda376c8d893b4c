"""Instructions per segment of glossary rules, counted by valgrind (not timed), in one or more trees.

    python benchmarks/term_instructions.py                                  # TERM001+TERM002+TERM003+TERM007
    python benchmarks/term_instructions.py --tree /tmp/old/src --tree src   # two trees (git archive <commit> | tar -x)
    python benchmarks/term_instructions.py --rules TERM007 --warm --glossary big.yaml

CPU time on a shared 2-core machine moves by ±30% with the other processes; an instruction count does
not. Runs the rules through the engine over newstest 2017-2019 (or --pair SRC TGT) once and not at
all under `valgrind --tool=cachegrind --cache-sim=no`, and prints the difference per segment (imports,
glossary loading and compiling cancel out: both runs check the first 50 segments first). The rules
run together in one Context, as in a real run, so the source lookups shared by the TERM rules are
counted once; with --warm every default TERM rule has run over the segments before (another Context),
so the glossary's per-text source-hit cache is warm and only the rules' own work is counted. Needs
valgrind; a few minutes per tree (more with a large --glossary: loading it runs under valgrind too).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newstest"
LOOP = """
import gc, json, sys
from transqa.engine import run_rules
from transqa.model import Document, Location, Segment
from transqa.pipeline import RunOptions, prepare
files, rules, glossaries, warm, measure = json.loads(sys.argv[1])
segments = []
for src, tgt in files:
    pairs = zip(open(src, encoding="utf-8").read().splitlines(), open(tgt, encoding="utf-8").read().splitlines())
    segments += [(s, t) for s, t in pairs]
doc = Document(segments=tuple(Segment(n, s, t, Location("s", n), Location("t", n))
                              for n, (s, t) in enumerate(segments, 1)))
prepared = prepare(RunOptions(glossaries=glossaries))
chosen = [r for r in prepared.rules if r.code in rules]
assert len(chosen) == len(rules), rules
if warm:
    run_rules(doc, [r for r in prepared.rules if r.code.startswith("TERM")], prepared.context())
context = prepared.context()
run_rules(Document(segments=doc.segments[:50]), chosen, context)
gc.collect()
gc.freeze()  # what is loaded so far is not traversed by the collections the measured part triggers
if measure:
    run_rules(doc, chosen, context)
print(len(segments))
"""


def instructions(tree: str | None, spec: list) -> tuple[int, int]:
    env = dict(os.environ, PYTHONHASHSEED="0")  # the same set and dict layouts in every run
    if tree:
        env["PYTHONPATH"] = str(Path(tree).resolve())
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", LOOP, json_arg(spec)], env=env, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(run.stderr[-2000:])
    refs = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    return int(refs.group(1).replace(",", "")), int(run.stdout.split()[-1])


def json_arg(spec: list) -> str:
    import json

    return json.dumps(spec)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", help="a src directory to import transqa from (repeatable; "
                                                        "default: as installed)")
    parser.add_argument("--rules", default="TERM001+TERM002+TERM003+TERM007")
    parser.add_argument("--glossary", action="append", default=[])
    parser.add_argument("--pair", nargs=2, metavar=("SRC", "TGT"))
    parser.add_argument("--warm", action="store_true", help="source-hit cache filled first (rules' own work only)")
    args = parser.parse_args()
    files = [args.pair] if args.pair else [(str(zh), str(zh.with_suffix(".en")))
                                           for zh in sorted(DATA.glob("newstest*.zh-en.zh"))]
    glossaries = [str(Path(g).resolve()) for g in args.glossary]
    rules = args.rules.split("+")
    for tree in args.tree or [None]:
        base, _ = instructions(tree, [files, rules, glossaries, args.warm, False])
        once, count = instructions(tree, [files, rules, glossaries, args.warm, True])
        print(f"{tree or 'installed'}: {args.rules}{' (warm)' if args.warm else ''}: {count} segments, "
              f"{(once - base) / count:,.0f} instructions per segment")


if __name__ == "__main__":
    main()

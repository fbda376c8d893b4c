#!/usr/bin/env python3
"""CPU cost of every enabled rule, in µs per segment, over newstest (or any zh/en line-aligned pair).

    python benchmarks/rule_costs.py                          # the three newstest years, default rules
    python benchmarks/rule_costs.py --repeat 3 --glossary g.yaml --select NUM --top 20
    python benchmarks/rule_costs.py --src a.zh --tgt a.en    # one document of your own

Each rule runs alone through the engine (map, merge, finish: the findings step included) on one
Document per input file, with a fresh Context per rule after a warm-up on the first 50 segments (so
compiled glossaries and regexes are counted in `setup ms`, not per segment). Best of --repeat runs, CPU
time of this process (wall time is distorted by other processes on a shared machine). Rules that share
a cached analysis (the number rules share one zh/en number alignment per segment) each pay it here; the
last line times all rules together in one Context, which is what a real run costs.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.model import Document, Location, Segment
from transqa.pipeline import RunOptions, prepare

ROOT = Path(__file__).resolve().parents[1]


def read_pair(src: Path, tgt: Path) -> Document:
    pairs = zip(src.read_text(encoding="utf-8").splitlines(), tgt.read_text(encoding="utf-8").splitlines())
    return Document(segments=tuple(Segment(n, s, t, Location(src.name, n), Location(tgt.name, n))
                                   for n, (s, t) in enumerate(pairs, 1)))


def documents(args: argparse.Namespace) -> list[Document]:
    if args.src:
        return [read_pair(Path(args.src), Path(args.tgt))]
    return [read_pair(zh, zh.with_suffix(".en")) for zh in sorted(Path(args.data).glob("newstest*.zh-en.zh"))]


def cpu_run(docs: list[Document], rules, context: Context) -> tuple[float, int]:
    start = time.process_time()
    found = sum(len(run_rules(doc, rules, context)) for doc in docs)
    return time.process_time() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "newstest"))
    parser.add_argument("--src")
    parser.add_argument("--tgt")
    parser.add_argument("--glossary", action="append", default=[])
    parser.add_argument("--select", action="append", default=[])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--top", type=int, default=0, help="print only the N most expensive rules")
    args = parser.parse_args()

    docs = documents(args)
    segments = sum(len(d.segments) for d in docs)
    prepared = prepare(RunOptions(glossaries=args.glossary, select=args.select))
    warm = Document(segments=docs[0].segments[:50])
    rows = []
    for rule in prepared.rules:
        best, setup, found = float("inf"), float("inf"), 0
        for _ in range(args.repeat):
            context = prepared.context()
            setup = min(setup, cpu_run([warm], [rule], context)[0])
            seconds, found = cpu_run(docs, [rule], context)
            best = min(best, seconds)
        rows.append((best / segments * 1e6, setup * 1e3, found, rule))
    shown = sorted(rows, key=lambda r: -r[0])[:args.top] if args.top else rows
    print(f"{segments} segments in {len(docs)} document(s), {len(prepared.rules)} rules, best of {args.repeat}\n")
    print(f"{'rule':8} {'name':40} {'µs/seg':>9} {'setup ms':>9} {'findings':>9}")
    for per, setup, found, rule in shown:
        print(f"{rule.code:8} {rule.name[:40]:40} {per:9.1f} {setup:9.1f} {found:9}")
    print(f"{'sum of rules alone':49} {sum(r[0] for r in rows):9.1f}")
    context = prepared.context()
    setup = cpu_run([warm], prepared.rules, context)[0]
    together = min(cpu_run(docs, prepared.rules, context)[0] for _ in range(args.repeat))
    print(f"{'all rules in one run':49} {together / segments * 1e6:9.1f} {setup * 1e3:9.1f}")


if __name__ == "__main__":
    main()

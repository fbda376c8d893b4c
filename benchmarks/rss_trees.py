#!/usr/bin/env python3
"""Peak RSS and CPU of `transqa check` in two (or more) source trees, runs interleaved, on benchmarks/run.py's corpus.

    git archive <old-commit> src rules | tar -x -C /tmp/before
    python benchmarks/rss_trees.py --trees before=/tmp/before/src,after=src --pairs 50000,100000,200000 --jobs 1,0
    python benchmarks/rss_trees.py --trees off=src,on=src --env on:TRANSQA_SEGMENT_STORE=1 --pairs 50000 --runs 5

Each run is a fresh `python -m transqa check SRC TGT --format json -o ...` with PYTHONPATH set to the
tree (so its own rules/ are loaded), with the shipped glossaries plus benchmarks/run.py's synthetic
100,000-entry glossary (--glossary-entries 0: without it); its disk caches are filled by a first,
unreported run. CPU = user + system of the process and its workers, peak RSS = ru_maxrss of the
largest of them (wait4). Prints every run, then per (pairs, jobs, tree) the median CPU and the
largest peak RSS, and the growth per extra pair between consecutive sizes. --jobs 0: transqa's default.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import build_corpus, synthetic_glossary  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def run(tree: str, env: dict, src: Path, tgt: Path, jobs: str, glossary: Path | None, out: Path):
    cmd = [sys.executable, "-m", "transqa", "check", str(src), str(tgt), "--format", "json", "-o", str(out),
           *(["--glossary", str(glossary)] if glossary else []), *(["--jobs", jobs] if jobs != "0" else [])]
    proc = subprocess.Popen(cmd, env={**os.environ, **env, "PYTHONPATH": tree}, cwd=out.parent,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(proc.stderr.read().decode()[-2000:])
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trees", required=True, help="name=path/to/src,...")
    parser.add_argument("--env", action="append", default=[], help="name:VAR=value, extra environment of a tree")
    parser.add_argument("--pairs", default="50000")
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--glossary-entries", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "newstest")
    args = parser.parse_args()
    trees = dict(item.split("=", 1) for item in args.trees.split(","))
    envs: dict[str, dict] = {name: {} for name in trees}
    for item in args.env:
        name, _, assignment = item.partition(":")
        key, _, value = assignment.partition("=")
        envs[name][key] = value
    work = Path(tempfile.mkdtemp(prefix="transqa-rss-"))
    glossary = synthetic_glossary(work / "synthetic.yaml", args.glossary_entries) if args.glossary_entries else None
    sizes = [int(n) for n in args.pairs.split(",")]
    corpora = {}
    for n in sizes:
        folder = work / str(n)
        folder.mkdir()
        corpora[n] = build_corpus(args.data, n, folder)[:2]
    first = next(iter(trees.items()))
    run(first[1], envs[first[0]], *corpora[sizes[0]], "1", glossary, work / "warm.json")  # fill the caches
    results: dict[tuple, list] = {}
    for _ in range(args.runs):
        for n in sizes:
            for jobs in args.jobs.split(","):
                for name, tree in trees.items():
                    cpu, rss = run(tree, envs[name], *corpora[n], jobs, glossary, work / "report.json")
                    results.setdefault((n, jobs, name), []).append((cpu, rss))
                    print(f"{n:>7} pairs  jobs {jobs}  {name:<8} CPU {cpu:7.2f} s  peak RSS {rss:6.0f} MB", flush=True)
    print(f"\n{'pairs':>7} {'jobs':>4} {'tree':<8} {'CPU median':>11} {'peak RSS':>9} {'KB per extra pair':>18}")
    for jobs in args.jobs.split(","):
        for name in trees:
            previous = None
            for n in sizes:
                rows = results[(n, jobs, name)]
                cpu, rss = statistics.median(r[0] for r in rows), max(r[1] for r in rows)
                growth = f"{(rss - previous[1]) * 1024 / (n - previous[0]):.2f}" if previous else ""
                print(f"{n:>7} {jobs:>4} {name:<8} {cpu:>9.2f} s {rss:>6.0f} MB {growth:>18}")
                previous = (n, rss)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Start-up cost of the CLI: `transqa --help` and the demo pair, CPU (user+sys from wait4) and wall.

    python benchmarks/startup_times.py                       # this checkout, 5 runs each
    python benchmarks/startup_times.py --runs 7 --tree old=/tmp/old/src --tree new=src

With several --tree (a `src` folder each, put first on PYTHONPATH), the trees run at the same time
in every round, so they share the machine's load (a busy shared machine distorts sequential runs).
Medians and minimums over the runs. Each tree gets its own TRANSQA_CACHE_DIR, warmed by one
untimed run, so cached packs and glossaries are measured as a user sees them after the first run;
--no-cache measures with caching off. Bytecode: by default as the environment has it; --pyc lets
Python write .pyc files under a temporary PYTHONPYCACHEPREFIX (as an installed package has them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {"help": ["--help"],
            "demo": ["check", str(ROOT / "fixtures" / "cnipa-forum.zh.txt"), str(ROOT / "fixtures" / "cnipa-forum.en.txt"),
                     "--fail-on", "none"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tree", action="append", default=[], help="LABEL=PATH of a src folder (repeatable)")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--pyc", action="store_true")
    args = parser.parse_args()
    trees = [t.split("=", 1) for t in args.tree] or [["this", str(ROOT / "src")]]
    scratch = Path(tempfile.mkdtemp(prefix="transqa-startup-"))
    envs = {}
    for label, path in trees:
        env = dict(os.environ, PYTHONPATH=str(Path(path).resolve()),
                   TRANSQA_CACHE_DIR="" if args.no_cache else str(scratch / f"cache-{label}"))
        if args.pyc:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
        envs[label] = env
        subprocess.run([sys.executable, "-m", "transqa", *COMMANDS["demo"]], env=env, cwd=scratch,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm caches and .pyc
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            started = {}
            for label, env in envs.items():
                started[label] = (time.perf_counter(), subprocess.Popen(
                    [sys.executable, "-m", "transqa", *command], env=env, cwd=scratch,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            for label, (t0, proc) in started.items():
                _, _, usage = os.wait4(proc.pid, 0)
                results.setdefault((label, name), []).append((usage.ru_utime + usage.ru_stime,
                                                              time.perf_counter() - t0))
    print(f"{'tree':10} {'command':8} {'cpu med':>8} {'cpu min':>8} {'wall med':>9} {'wall min':>9}   (ms, {args.runs} runs)")
    for (label, name), rows in sorted(results.items()):
        cpu, wall = [r[0] * 1000 for r in rows], [r[1] * 1000 for r in rows]
        print(f"{label:10} {name:8} {statistics.median(cpu):8.0f} {min(cpu):8.0f} {statistics.median(wall):9.0f} "
              f"{min(wall):9.0f}")


if __name__ == "__main__":
    main()

"""What a 100,000-entry glossary adds to a whole `transqa check` run (CPU seconds, peak RSS).

    /work/venv/bin/python benchmarks/glossary_run.py [--pairs 20000] [--runs 3] [--entries 100000]
    /work/venv/bin/python benchmarks/glossary_run.py --src /tmp/old/src --src /work/main/src   # two trees

The corpus and the synthetic glossary are benchmarks/run.py's (newstest pairs replicated to --pairs,
random Han terms). Each run is a fresh `python -m transqa check ... --jobs 1` process, with and without
`--glossary synthetic.yaml`, interleaved (A B A B ...) so machine load hits both alike; CPU time is
user + system of the child (wait4). The glossary's disk cache is filled once before timing, as any
second run of transqa on the same glossary finds it. With several --src, every tree runs both cases
(PYTHONPATH=SRC), also interleaved. Prints medians, min-max spread, and the overhead per pair.
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


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS MB of one child process."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(cmd)}: {proc.stderr.read().decode()[:300]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--src", action="append", help="source tree to put on PYTHONPATH (repeatable)")
    parser.add_argument("--select", action="append", default=[], help="only these rules (transqa --select)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "newstest")
    args = parser.parse_args(argv)
    trees = args.src or [str(ROOT / "src")]

    with tempfile.TemporaryDirectory(prefix="transqa-glossary-run-") as tmp:
        work = Path(tmp)
        src, tgt, _ = build_corpus(args.data, args.pairs, work)
        glossary = synthetic_glossary(work / "synthetic.yaml", args.entries)
        cases = {}
        for tree in trees:
            env = {**os.environ, "PYTHONPATH": tree, "TRANSQA_CACHE_DIR": str(work / "cache")}
            base = [sys.executable, "-m", "transqa", "check", str(src), str(tgt), "--format", "json",
                    "--output", str(work / "report.json"), "--jobs", "1", "-q",
                    *(f"--select={rule}" for rule in args.select)]
            label = "" if len(trees) == 1 else f"{tree}: "
            cases[f"{label}shipped only"] = (base, env)
            cases[f"{label}+ {args.entries:,}-entry glossary"] = (base + ["--glossary", str(glossary)], env)
        tiny_src, tiny_tgt = work / "tiny.zh", work / "tiny.en"
        tiny_src.write_text("国家知识产权局\n", encoding="utf-8")
        tiny_tgt.write_text("CNIPA\n", encoding="utf-8")
        for cmd, env in list(cases.values())[1::2]:  # fills the glossary disk caches for that tree's code
            timed([str(tiny_src) if a == str(src) else str(tiny_tgt) if a == str(tgt) else a for a in cmd], env)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, (cmd, env) in cases.items():
                results[name].append(timed(cmd, env))
    print(f"{args.pairs:,} pairs, --jobs 1, CPU seconds (user + sys), {args.runs} runs interleaved")
    medians = {}
    for name, rows in results.items():
        cpu = sorted(c for c, _ in rows)
        medians[name] = statistics.median(cpu)
        print(f"  {name:60} CPU median {medians[name]:7.2f} s (min {cpu[0]:.2f}, max {cpu[-1]:.2f}); "
              f"peak RSS {max(r for _, r in rows):.0f} MB")
    names = list(medians)
    for without, with_ in zip(names[::2], names[1::2]):
        extra = medians[with_] - medians[without]
        print(f"  {with_}: +{extra:.2f} CPU s over shipped only ({extra / args.pairs * 1e6:.0f} µs/pair)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput and memory benchmark: transqa vs pofilter vs a read-and-tokenise floor.

    python benchmarks/run.py                      # 200,000 pairs, 3 runs each
    python benchmarks/run.py --pairs 50000 --runs 5 --pofilter /path/to/pofilter
    python benchmarks/run.py --pairs 50000 --runs 1 --jobs 1 --glossary-entries 0   # without the synthetic glossary

Corpus: the newstest zh-en pairs in ../shared/data/newstest (or --data), replicated to --pairs with a
distinct mark of letters appended to both sides of each copy (so consistency checks see distinct segments),
checked with the shipped glossaries plus a synthetic 100,000-entry glossary (its disk caches are filled
by a one-pair run first, reported on its own line: a cold cache is a one-time cost per glossary file and
transqa version, not a per-run one). Every tool runs as its own
process; wall time and peak RSS (from wait4) per run; the table shows medians and ratios measured in the
same invocation. pofilter comes from translate-toolkit (GPL-3.0), installed only for the benchmark:
`python3 -m venv /tmp/tt && /tmp/tt/bin/pip install translate-toolkit`.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = r"""
import re, sys
word = re.compile(r"\w+")
n = 0
with open(sys.argv[1], encoding="utf-8") as s, open(sys.argv[2], encoding="utf-8") as t:
    for a, b in zip(s, t):
        n += len(word.findall(a)) + len(word.findall(b))
print(n)
"""


def build_corpus(data: Path, pairs: int, out: Path) -> tuple[Path, Path, Path]:
    src_lines, tgt_lines = [], []
    for zh in sorted(data.glob("*.zh")):
        en = zh.with_suffix(".en")
        a = zh.read_text(encoding="utf-8").splitlines()
        b = en.read_text(encoding="utf-8").splitlines()
        for s, t in zip(a, b):
            if s.strip() and t.strip():
                src_lines.append(s)
                tgt_lines.append(t)
    src, tgt, po = out / "src.zh", out / "tgt.en", out / "pairs.po"
    with src.open("w", encoding="utf-8") as fs, tgt.open("w", encoding="utf-8") as ft, \
            po.open("w", encoding="utf-8") as fp:
        fp.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n')
        for i in range(pairs):
            k = i % len(src_lines)
            copy = i // len(src_lines)
            mark = copy_mark(copy)
            s = src_lines[k] + (f"（{mark}）" if copy else "")
            t = tgt_lines[k] + (f" ({mark})" if copy else "")
            fs.write(s + "\n")
            ft.write(t + "\n")
            esc = lambda x: x.replace("\\", "\\\\").replace('"', '\\"')  # noqa: E731
            fp.write(f'msgctxt "{i}"\nmsgid "{esc(s)}"\nmsgstr "{esc(t)}"\n\n')
    return src, tgt, po


def copy_mark(copy: int) -> str:
    """Letters that make copy `copy` distinct (1 -> b, 25 -> z, 26 -> ba): not digits, which would give
    every pair a number to check (34% of newstest pairs have one) and cost the number rules ~100 µs per
    pair that a real document does not (the copies were marked (1), (2), ... until 2026-11-29)."""
    letters = ""
    while True:
        copy, r = divmod(copy, 26)
        letters = chr(ord("a") + r) + letters
        if not copy:
            return letters


def synthetic_glossary(path: Path, entries: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    han = [chr(c) for c in range(0x4E00, 0x9FA5)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    seen = set()
    with path.open("w", encoding="utf-8") as f:
        f.write("glossary: synthetic\nterms:\n")
        while len(seen) < entries:
            zh = "".join(rng.choice(han) for _ in range(rng.randint(4, 7)))
            if zh in seen:
                continue
            seen.add(zh)
            en = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(2))
            f.write(f"  - {{source: {zh}, target: {en}, ref: synthetic}}\n")
    return path


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system), peak RSS in MB and the exit code of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {err.strip()[:300]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--glossary-entries", type=int, default=100_000, help="0: no synthetic glossary")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "newstest")
    parser.add_argument("--pofilter", default=shutil.which("pofilter") or "/work/bench-venv/bin/pofilter")
    parser.add_argument("--transqa", default=str(Path(sys.executable).with_name("transqa")))
    parser.add_argument("--jobs", default="1,0", help="comma-separated --jobs values; 0 = transqa's default")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="transqa-bench-"))
    src, tgt, po = build_corpus(args.data, args.pairs, work)
    glossary = synthetic_glossary(work / "synthetic.yaml", args.glossary_entries) if args.glossary_entries else None
    report = work / "report.json"
    cases: dict[str, list[str]] = {}
    for jobs in args.jobs.split(","):
        label = f"transqa --jobs {jobs}" if jobs != "0" else "transqa (default jobs)"
        cmd = [args.transqa, "check", str(src), str(tgt), *(["--glossary", str(glossary)] if glossary else []),
               "--format", "json", "--output", str(report)]
        cases[label] = cmd + (["--jobs", jobs] if jobs != "0" else [])
    if Path(args.pofilter).exists():
        cases["pofilter"] = [args.pofilter, "--progress=none", "-i", str(po), "-o", str(work / "out.po")]
    else:
        print(f"(pofilter not found at {args.pofilter}: skipped)")
    cases["floor: read + tokenise"] = [sys.executable, "-c", FLOOR, str(src), str(tgt)]

    warm = None
    if glossary:  # fill the glossary disk caches once (parsed entries, automaton), reported on its own:
        one_zh, one_en = work / "one.zh", work / "one.en"  # a one-time cost per glossary file and version
        one_zh.write_text("国家知识产权局\n", encoding="utf-8")
        one_en.write_text("CNIPA\n", encoding="utf-8")
        warm = timed([args.transqa, "check", str(one_zh), str(one_en), "--glossary", str(glossary), "-q",
                      "--format", "json", "--output", str(work / "one.json")], work)
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in cases}
    for _ in range(args.runs):  # interleave tools so machine noise hits all of them alike
        for name, cmd in cases.items():
            wall, cpu, rss, _ = timed(cmd, work)
            results[name].append((wall, cpu, rss))

    print(f"\n{args.pairs:,} pairs, {args.glossary_entries:,}-entry synthetic glossary + shipped glossaries, "
          f"median of {args.runs} runs\n")
    # CPU time (user + system of the child) is printed too: on a shared machine wall time also counts
    # waiting for a core; with --jobs N the CPU time is the sum over workers.
    if warm:
        print(f"(before the runs: one pair with the synthetic glossary, filling its disk caches if empty: "
              f"{warm[0]:.2f} s wall, {warm[1]:.2f} s CPU, peak RSS {warm[2]:,.0f} MB)\n")
    print(f"{'tool':<26}{'wall s':>9}{'pairs/s':>11}{'CPU s':>9}{'pairs/CPU s':>13}{'peak RSS MB':>13}")
    med, med_cpu = {}, {}
    for name, rows in results.items():
        wall = statistics.median(w for w, _, _ in rows)
        cpu = statistics.median(c for _, c, _ in rows)
        rss = max(r for _, _, r in rows)
        med[name], med_cpu[name] = wall, cpu
        print(f"{name:<26}{wall:>9.2f}{args.pairs / wall:>11,.0f}{cpu:>9.2f}{args.pairs / cpu:>13,.0f}{rss:>13,.0f}")
    floor = med["floor: read + tokenise"]
    print()
    for name, wall in med.items():
        if name.startswith("transqa"):
            line = (f"{name}: {wall / floor:.1f}x the floor's time "
                    f"({med_cpu[name] / med_cpu['floor: read + tokenise']:.1f}x its CPU)")
            if "pofilter" in med:
                line += (f", {med['pofilter'] / wall:.2f}x pofilter's throughput "
                         f"({med_cpu['pofilter'] / med_cpu[name]:.2f}x per CPU second)")
            print(line)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where the CPU of one `transqa check --jobs 1` run goes: the rules' own work against everything else.

    python benchmarks/check_overhead.py /tmp/ns.zh /tmp/ns.en                 # any line-aligned pair
    python benchmarks/check_overhead.py --pairs 50000                         # benchmarks/run.py's corpus + glossary
    python benchmarks/check_overhead.py --pairs 50000 --copies 8000           # + rules alone on copy 0 vs copy 1

One process runs what the CLI runs (prepare, read, pipeline.check, render, write_atomic) with the engine's
steps wrapped, and prints CPU (time.process_time) per step: fixed costs in ms (imports, prepare, the
first segment chunk's lazy set-up is inside "segment rules"), per-pair costs in µs. Each step counts
its own time only (a wrapped step inside another is subtracted from it). Cyclic GC time is measured
with gc.callbacks and printed apart (it is also inside the steps it interrupted).

--copies N: benchmarks/run.py replicates newstest with a copy mark appended to both sides of every
copy after the first (letters since 2026-11-29, "（b）" / " (b)"; a number before, which gave every
replicated pair a number to check): the rules alone (warm
Context, as benchmarks/rule_costs.py runs them) on the first N pairs of copy 0 and of copy 1, in
alternating fresh processes, medians of --rounds.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

T = time.process_time
BENCH = Path(__file__).resolve().parent


def _wrapper(acc: collections.Counter, calls: collections.Counter, stack: list[float]):
    def wrap(owner, name: str, label: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            start = T()
            stack.append(0.0)
            try:
                return original(*args, **kwargs)
            finally:
                spent, inner = T() - start, stack.pop()
                acc[label] += spent - inner
                calls[label] += 1
                if stack:
                    stack[-1] += spent
        setattr(owner, name, timed)
    return wrap


def breakdown(src: str, tgt: str, glossaries: list[str], fmt: str) -> dict:
    """The steps of one run, in this process (call it in a fresh one: imports are counted)."""
    gc_time, gc_start, gc_runs = [0.0], [0.0], [0, 0, 0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_start[0] = T()
        else:
            gc_time[0] += T() - gc_start[0]
            gc_runs[info["generation"]] += 1
    gc.callbacks.append(on_gc)
    t0 = T()
    import transqa.cli  # noqa: F401  (typer, as the command line loads it)
    import transqa.engine as engine
    import transqa.pipeline as pipeline
    import transqa.scoring as scoring
    from transqa.outputs import write_atomic
    from transqa.readers import read_document
    from transqa.reporters import render
    imported = T() - t0

    acc, calls, stack = collections.Counter(), collections.Counter(), []
    wrap = _wrapper(acc, calls, stack)
    wrap(engine, "map_chunk", "segment rules (map_chunk)")
    wrap(engine, "collect_records", "document rules: collect")
    wrap(engine, "finish_records", "document rules: finish")
    wrap(engine, "_keyed_findings", "findings (_keyed_findings)")
    wrap(engine, "_sorted", "findings (_sorted)")
    wrap(pipeline, "apply_waivers", "waivers")
    wrap(pipeline, "_reference_metrics", "reference metrics")
    wrap(scoring, "word_count", "score: word count")
    wrap(pipeline, "score", "score: rest")
    steps = {}
    t = T()
    prepared = pipeline.prepare(pipeline.RunOptions(glossaries=glossaries, jobs=1))
    steps["prepare (packs, glossaries)"] = T() - t
    t = T()
    document = read_document([src, tgt], glossaries=prepared.glossaries)
    steps["read (decode, split, Segments)"] = T() - t
    gc_before = gc_time[0]
    t = T()
    report = pipeline.check(document, prepared)
    check = T() - t
    steps.update(acc)
    steps["check: the rest"] = check - sum(acc.values())
    t = T()
    with tempfile.TemporaryDirectory() as tmp:
        write_atomic(os.path.join(tmp, "report"), render(report, fmt))
    steps[f"render {fmt} + write"] = T() - t
    return {"pairs": len(document.segments), "findings": len(report.findings), "imports": imported,
            "steps": steps, "calls": dict(calls), "gc_check": gc_time[0] - gc_before, "gc_all": gc_time[0],
            "gc_runs": gc_runs, "total": T() - t0}


def rules_alone(src: str, tgt: str, glossaries: list[str]) -> float:
    """µs/pair of every default rule over the pair (warm Context, as rule_costs.py's last line)."""
    from transqa.engine import run_rules
    from transqa.model import Document
    from transqa.pipeline import RunOptions, prepare
    from transqa.readers import read_document

    prepared = prepare(RunOptions(glossaries=glossaries))
    document = read_document([src, tgt], glossaries=prepared.glossaries)
    context = prepared.context()
    run_rules(Document(segments=document.segments[:50]), prepared.rules, context)
    start = T()
    run_rules(document, prepared.rules, context)
    return (T() - start) / len(document.segments) * 1e6


def _child(args: list[str]) -> dict:
    proc = subprocess.Popen([sys.executable, __file__, "--child", json.dumps(args)], stdout=subprocess.PIPE,
                            text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"child failed: {args[0]}")
    result = json.loads(out.splitlines()[-1])
    result["process_cpu"] = usage.ru_utime + usage.ru_stime
    return result


def _slice(path: Path, start: int, count: int, out: Path) -> str:
    with path.open(encoding="utf-8") as f:
        lines = f.read().split("\n")[start:start + count]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(out)


def _cycle(data: Path) -> int:
    """Pairs in one copy of run.py's corpus (its non-blank newstest pairs)."""
    return sum(1 for zh in sorted(data.glob("*.zh"))
               for s, t in zip(zh.read_text(encoding="utf-8").splitlines(),
                               zh.with_suffix(".en").read_text(encoding="utf-8").splitlines())
               if s.strip() and t.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", nargs="?")
    parser.add_argument("tgt", nargs="?")
    parser.add_argument("--pairs", type=int, help="build benchmarks/run.py's replicated corpus of this size")
    parser.add_argument("--glossary-entries", type=int, default=100_000, help="with --pairs (0: none)")
    parser.add_argument("--glossary", action="append", default=[])
    parser.add_argument("--format", default="json")
    parser.add_argument("--copies", type=int, default=0, help="with --pairs: rules alone on copy 0 vs copy 1")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = json.loads(args.child)
        result = breakdown(*rest) if kind == "breakdown" else {"us": rules_alone(*rest)}
        print(json.dumps(result))
        return

    work = Path(tempfile.mkdtemp(prefix="transqa-overhead-"))
    glossaries = list(args.glossary)
    if args.pairs:
        sys.path.insert(0, str(BENCH))
        from run import build_corpus, synthetic_glossary

        data = BENCH.parents[1] / "shared" / "data" / "newstest"
        src, tgt, _ = build_corpus(data, args.pairs, work)
        src, tgt = str(src), str(tgt)
        if args.glossary_entries:
            glossaries.append(str(synthetic_glossary(work / "synthetic.yaml", args.glossary_entries)))
            _child(["rules", _slice(Path(src), 0, 1, work / "one.zh"), _slice(Path(tgt), 0, 1, work / "one.en"),
                    glossaries])  # fills the glossary's disk caches once
    elif args.src and args.tgt:
        src, tgt = args.src, args.tgt
    else:
        parser.error("give SRC TGT or --pairs N")

    result = _child(["breakdown", src, tgt, glossaries, args.format])
    n = result["pairs"]
    print(f"{n:,} pairs, {result['findings']:,} findings, glossaries: {glossaries or 'shipped only'}\n")
    print(f"{'step':34}{'CPU s':>9}{'µs/pair':>10}{'share':>8}")
    rows = [("imports", result["imports"]), *result["steps"].items()]
    total = sum(s for _, s in rows)
    for name, seconds in rows:
        print(f"{name:34}{seconds:9.3f}{seconds / n * 1e6:10.1f}{seconds / total:8.1%}")
    print(f"{'total in this process':34}{total:9.3f}{total / n * 1e6:10.1f}")
    rules = sum(s for name, s in rows if "rules" in name)
    print(f"{'  rules (segment + document)':34}{rules:9.3f}{rules / n * 1e6:10.1f}{rules / total:8.1%}")
    print(f"{'  everything else':34}{total - rules:9.3f}{(total - rules) / n * 1e6:10.1f}"
          f"{(total - rules) / total:8.1%}")
    print(f"{'the whole child process (wait4)':34}{result['process_cpu']:9.3f}"
          f"{result['process_cpu'] / n * 1e6:10.1f}   (+ interpreter start-up and exit)")
    print(f"cyclic GC (inside the steps above): {result['gc_check']:.3f} s in check "
          f"({result['gc_check'] / n * 1e6:.1f} µs/pair), {result['gc_all']:.3f} s in all; "
          f"collections by generation {result['gc_runs']}")

    if args.copies and args.pairs:
        cycle = _cycle(data)
        if args.pairs < cycle + args.copies or args.copies > cycle:
            raise SystemExit(f"--copies {args.copies}: needs --pairs >= {cycle + args.copies} and at most "
                             f"{cycle} (one copy is {cycle} pairs)")
        copies = {}
        for copy in (0, 1):
            start = copy * cycle
            copies[copy] = (_slice(Path(src), start, args.copies, work / f"copy{copy}.zh"),
                            _slice(Path(tgt), start, args.copies, work / f"copy{copy}.en"))
        times = {0: [], 1: []}
        for _ in range(args.rounds):
            for copy in (0, 1):
                times[copy].append(_child(["rules", *copies[copy], glossaries])["us"])
        a, b = statistics.median(times[0]), statistics.median(times[1])
        print(f"\nrules alone, first {args.copies:,} pairs, medians of {args.rounds}: copy 0 (newstest as is) "
              f"{a:.1f} µs/pair, copy 1 (its mark appended) {b:.1f} µs/pair, +{b - a:.1f} ({b / a - 1:+.0%})")


if __name__ == "__main__":
    main()

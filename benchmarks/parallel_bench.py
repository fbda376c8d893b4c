"""`--jobs` speed-up: transqa --jobs 1 vs --jobs N, wall and CPU (parent + reaped workers), same report.

    python benchmarks/parallel_bench.py --pairs 50000 --runs 3            # CLI runs, interleaved
    python benchmarks/parallel_bench.py --pairs 50000 --runs 0 --timeline 1,2  # where the CPU goes, per worker

Corpus and glossary as benchmarks/run.py (newstest replicated to --pairs, synthetic 100,000-entry
glossary). Each CLI run is its own process; wall, CPU (user + system from wait4, which includes the
workers the pool reaped) and the load average before it are printed per run, then medians, and the
JSON reports of every run are compared byte for byte.

--timeline runs the engine in this process with each worker task timed (CPU and wall): per worker the
tasks and their CPU, the parent's CPU before, during and after the parallel phase, and the wall time
the run would take with one free core per process (the critical path: serial parent CPU plus the
busiest worker, or the parallel CPU over the cores if that is more). On a loaded machine wall time
measures the other load; the critical path does not.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import build_corpus, synthetic_glossary  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def cli_run(cmd: list[str]) -> tuple[float, float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


class _Timed:
    """A worker task that appends its kind, pid, wall start and end, and CPU seconds to `log`."""

    def __init__(self, kind: str, log: Path):
        self.kind, self.log = kind, log

    def __call__(self, arg):
        from transqa import parallel

        w, c = time.perf_counter(), time.process_time()
        out = getattr(parallel, f"_untimed_{self.kind}_task")(arg)
        with self.log.open("a") as f:
            f.write(f"{self.kind} {os.getpid()} {w} {time.perf_counter()} {time.process_time() - c}\n")
        return out


def timeline(src: Path, tgt: Path, glossary: Path | None, jobs: int) -> None:
    from transqa import engine, parallel
    from transqa.pipeline import RunOptions, prepare
    from transqa.readers import read_document

    log = Path(tempfile.mkstemp(prefix="transqa-tasks-")[1])
    for kind in ("segment", "document"):
        if not hasattr(parallel, f"_untimed_{kind}_task"):
            setattr(parallel, f"_untimed_{kind}_task", getattr(parallel, f"_{kind}_task"))
        setattr(parallel, f"_{kind}_task", _Timed(kind, log))
    c0 = time.process_time()
    prepared = prepare(RunOptions(glossaries=[str(glossary)] if glossary else []))
    document = read_document([str(src), str(tgt)])
    context = prepared.context()
    marks = {}
    original = getattr(parallel._Workers.__init__, "untimed", parallel._Workers.__init__)

    def started(self, *args):
        marks["pool"] = time.process_time()
        original(self, *args)

    started.untimed = original
    parallel._Workers.__init__ = started
    in_process = getattr(engine._InProcess.document_hits, "untimed", engine._InProcess.document_hits)

    def documents(self, rules):
        marks["documents"] = time.process_time()
        return in_process(self, rules)

    documents.untimed = in_process
    engine._InProcess.document_hits = documents
    w0, c1 = time.perf_counter(), time.process_time()
    findings = engine.run_rules(document, prepared.rules, context, jobs=jobs)
    w1, c2 = time.perf_counter(), time.process_time()
    rows = [line.split() for line in log.read_text().splitlines()]
    log.unlink()
    workers: dict[str, list[float]] = {}
    for kind, pid, _, end, cpu in rows:
        workers.setdefault(pid, [0, 0.0, 0.0, 0.0])
        workers[pid][0] += 1
        workers[pid][1 if kind == "segment" else 2] += float(cpu)
        workers[pid][3] = max(workers[pid][3], float(end) - w0)
    print(f"\n--timeline, jobs {jobs}: {len(findings)} findings, run_rules wall {w1 - w0:.2f} s")
    print(f"parent CPU: prepare + read {c1 - c0:.2f} s, run_rules {c2 - c1:.2f} s"
          + (f" (of it before the pool {marks['pool'] - c1:.2f} s)" if "pool" in marks else "")
          + (f" (segment rules {marks['documents'] - c1:.2f} s, document rules {c2 - marks['documents']:.2f} s)"
             if "documents" in marks and jobs == 1 else ""))
    for pid, (tasks, seg, doc, end) in sorted(workers.items()):
        print(f"worker {pid}: {tasks} tasks, CPU segment chunks {seg:.2f} s + document rules {doc:.2f} s "
              f"= {seg + doc:.2f} s, last task ended at {end:.2f} s")
    busy = [seg + doc for _, seg, doc, _ in workers.values()]
    serial = (c1 - c0) + (marks.get("pool", c2) - c1)
    parent_parallel = c2 - marks.get("pool", c2)
    if busy:
        path = serial + max(max(busy), (sum(busy) + parent_parallel) / jobs)
        print(f"critical path (one free core per process): {path:.2f} s; workers' CPU {sum(busy):.2f} s, "
              f"parent CPU during the pool {parent_parallel:.2f} s, imbalance {max(busy) - min(busy):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--glossary-entries", type=int, default=100_000, help="0: no synthetic glossary")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "newstest")
    parser.add_argument("--src", type=Path, help="your own pair instead of the replicated corpus")
    parser.add_argument("--tgt", type=Path)
    parser.add_argument("--timeline", default="", metavar="JOBS",
                        help="comma-separated --jobs values to run in this process with every worker task timed")
    parser.add_argument("--transqa", default=str(Path(sys.executable).with_name("transqa")))
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="transqa-par-"))
    src, tgt = (args.src, args.tgt) if args.src else build_corpus(args.data, args.pairs, work)[:2]
    glossary = synthetic_glossary(work / "synthetic.yaml", args.glossary_entries) if args.glossary_entries else None
    base = [args.transqa, "check", str(src), str(tgt), *(["--glossary", str(glossary)] if glossary else []),
            "--format", "json"]
    if args.runs:
        cli_run(base + ["--jobs", "1", "-o", str(work / "warm.json")])  # fills the glossary cache
    results: dict[int, list[tuple[float, float, float]]] = {1: [], args.jobs: []}
    reports = []
    for run in range(args.runs):
        for jobs in results:
            load = os.getloadavg()[0]
            out = work / f"report-{jobs}-{run}.json"
            wall, cpu, rss = cli_run(base + ["--jobs", str(jobs), "-o", str(out)])
            results[jobs].append((wall, cpu, rss))
            reports.append(out.read_bytes())
            print(f"run {run + 1} --jobs {jobs}: wall {wall:7.2f} s  CPU {cpu:7.2f} s  peak RSS {rss:5.0f} MB  "
                  f"load average before {load:.2f}", flush=True)
    if args.runs:
        summary(results, args.jobs, reports, src.name)
    for jobs in filter(None, args.timeline.split(",")):
        timeline(src, tgt, glossary, int(jobs))


def summary(results: dict, jobs: int, reports: list[bytes], name: str) -> None:
    wall = {j: statistics.median(r[0] for r in rows) for j, rows in results.items()}
    cpu = {j: statistics.median(r[1] for r in rows) for j, rows in results.items()}
    runs = len(results[1])
    print(f"\n{name}: medians of {runs}: --jobs {jobs} wall speed-up {wall[1] / wall[jobs]:.2f}x, "
          f"CPU {cpu[jobs]:.2f} s vs {cpu[1]:.2f} s ({cpu[jobs] - cpu[1]:+.2f} s); "
          f"reports {'byte-identical' if len(set(reports)) == 1 else 'DIFFER'}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""What the document-scope rules keep per segment until `finish`, and what their map and finish steps cost.

    python benchmarks/doc_state.py                       # 50,000 replicated newstest pairs (benchmarks/run.py's corpus)
    python benchmarks/doc_state.py --pairs 200000 --repeat 3
    python benchmarks/doc_state.py --src a.zh --tgt a.en --select CONS

For each enabled document-scope rule, on one Document: bytes of records per segment (tracemalloc:
memory still allocated after the collect step over all segments, records kept alive, compiled
objects warmed up on the first 50 segments beforehand, and the bounded glossary-hit cache of
transqa/terms.py excluded, so only what the records hold is counted), then CPU µs per
segment of collect and of finish (best of --repeat, measured without tracemalloc, CPU time of this
process), and the finish step's own peak (tracemalloc: the most it allocated at once above the records,
which finish reads but does not free; `finish B/seg`). The last line adds the rules up. Works on older
trees too (PYTHONPATH=/tmp/before/src): the segments go to finish only where finish_records takes them.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from transqa.checks import registry
from transqa.engine import collect_records, finish_records
from transqa.pipeline import RunOptions, prepare

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rule_costs import read_pair  # noqa: E402
from run import build_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def records_kept(rule, segments, context, frames: int = 64) -> tuple[int, int]:
    """(records, bytes they keep allocated) of the rule's collect step over `segments` (tracemalloc,
    after a warm-up on the first 50 segments). Also used by store_records.py."""
    collect_records(rule, segments[:50], context)  # warm-up: compiled regexes, term index, memo
    gc.collect()
    tracemalloc.start(frames)
    before = tracemalloc.take_snapshot()
    records = collect_records(rule, segments, context)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    # bounded caches of shared modules (terms.py keeps the glossary hits of the last sources) are not records
    shared = [tracemalloc.Filter(False, "*/transqa/terms.py", all_frames=True)]
    kept = sum(d.size_diff for d in after.filter_traces(shared).compare_to(before.filter_traces(shared), "filename"))
    return len(records), kept


def finish_with(rule, records, context, segments) -> list:
    """finish_records, given the segments where it takes them (since checks could read them in finish)."""
    if "segments" in inspect.signature(finish_records).parameters:
        return finish_records(rule, records, context, segments)
    return finish_records(rule, records, context)


def finish_peak(rule, segments, context) -> int:
    """Bytes the finish step allocates at its peak, above the records it is given (tracemalloc)."""
    records = collect_records(rule, segments, context)
    finish_with(rule, records, context, segments)  # warm-up (chrF and other lazily built objects)
    gc.collect()
    tracemalloc.start(1)
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    finish_with(rule, records, context, segments)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak


def measure(rule, segments, prepared, repeat: int) -> tuple[float, float, float, int, int, float]:
    context = prepared.context()
    count, kept = records_kept(rule, segments, context)
    peak = finish_peak(rule, segments, context)
    collect_s = finish_s = float("inf")
    found = 0
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        records = collect_records(rule, segments, context)
        collect_s = min(collect_s, time.process_time() - start)
        start = time.process_time()
        found = len(finish_with(rule, records, context, segments))
        finish_s = min(finish_s, time.process_time() - start)
        del records
    n = len(segments)
    return kept / n, collect_s / n * 1e6, finish_s / n * 1e6, count, found, peak / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "newstest"))
    parser.add_argument("--pairs", type=int, default=50000)
    parser.add_argument("--src")
    parser.add_argument("--tgt")
    parser.add_argument("--glossary", action="append", default=[])
    parser.add_argument("--select", action="append", default=[])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.src:
            src, tgt = Path(args.src), Path(args.tgt)
        else:
            src, tgt, _ = build_corpus(Path(args.data), args.pairs, Path(tmp))
        segments = read_pair(src, tgt).segments
    prepared = prepare(RunOptions(glossaries=args.glossary, select=args.select))
    checks = registry()
    rules = [r for r in prepared.rules if checks[r.check].scope == "document"]
    print(f"{len(segments)} segments, {len(rules)} document-scope rules, best of {args.repeat}\n")
    print(f"{'rule':8} {'check':30} {'B/seg':>8} {'records':>8} {'collect µs':>11} {'finish µs':>10} {'findings':>9}"
          f" {'finish B/seg':>13}")
    total = [0.0, 0.0, 0.0]
    for rule in rules:
        per, collect_us, finish_us, count, found, peak = measure(rule, segments, prepared, args.repeat)
        total = [total[0] + per, total[1] + collect_us, total[2] + finish_us]
        print(f"{rule.code:8} {rule.check[:30]:30} {per:8.1f} {count:8} {collect_us:11.1f} {finish_us:10.1f} {found:9}"
              f" {peak:13.1f}")
    print(f"{'all':39} {total[0]:8.1f} {'':8} {total[1]:11.1f} {total[2]:10.1f}")


if __name__ == "__main__":
    main()

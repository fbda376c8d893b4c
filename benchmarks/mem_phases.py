#!/usr/bin/env python3
"""Peak and current RSS after each phase of one `transqa check` run, to see where memory goes.

    python benchmarks/mem_phases.py SRC TGT [--glossary G.yaml] [--jobs 1] [--format json]
    python benchmarks/mem_phases.py SRC TGT --jobs 0 --detail     # transqa's default jobs; RSS per document rule

Phases: imports, prepare (packs + glossaries), read, check (rules, waivers, score), render + write
(in pieces, as the CLI writes the report; --whole: render, then write, as before 9b25992).
RSS comes from /proc/self/status (VmRSS now, VmHWM = peak so far); Linux only. The run is the CLI's
(`pipeline.prepare`, `readers.read_document`, `pipeline.check`, `reporters.chunks`,
`outputs.write_atomic`), so its numbers are those of `/usr/bin/time -f %M transqa check ...` (with
--jobs > 1, of the parent process only: the workers' peaks are their own). The `read` line says whether
the segments are held in memory or read from the files on demand (readers/segment_store.py).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time


def rss() -> tuple[float, float]:
    values = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--glossary", action="append", default=[])
    parser.add_argument("--jobs", type=int, default=1, help="0: transqa's default (cores for large documents)")
    parser.add_argument("--format", default="json")
    parser.add_argument("--whole", action="store_true", help="render the report to one string, then write it "
                        "(as transqa did before 9b25992; the CLI writes it in pieces)")
    parser.add_argument("--detail", action="store_true", help="also RSS after each document rule's finish")
    args = parser.parse_args()

    start = time.process_time()

    def mark(phase: str) -> None:
        now, peak = rss()
        print(f"{phase:<18} RSS {now:7.1f} MB  peak {peak:7.1f} MB  CPU {time.process_time() - start:7.2f} s",
              flush=True)

    from transqa.outputs import write_atomic
    from transqa.pipeline import RunOptions, check, prepare
    from transqa.readers import read_document
    from transqa.reporters import render

    try:  # reporters.chunks: the report in pieces (since 9b25992); older trees render it whole
        from transqa.reporters import chunks
    except ImportError:
        chunks = None

    mark("imports")
    if args.detail:
        from transqa import engine

        finish_records, map_chunk = engine.finish_records, engine.map_chunk

        def traced_finish(rule, records, context, *segments):
            mark(f"  {rule.code} collected")
            out = finish_records(rule, records, context, *segments)
            mark(f"  {rule.code} finished")
            return out

        def traced_map(segments, offset, rules, context):
            out = map_chunk(segments, offset, rules, context)
            if offset == 0 and len(rules) > 1:
                mark("  chunk 0")
            return out

        engine.finish_records, engine.map_chunk = traced_finish, traced_map
    prepared = prepare(RunOptions(glossaries=args.glossary, jobs=args.jobs or None))
    mark("prepare")
    document = read_document(args.files, glossaries=prepared.glossaries)
    mark("read")
    held = type(document.segments).__name__
    print(f"  segments: {len(document.segments):,} in a {held}"
          + (" (read from the files on demand)" if held == "SegmentStore" else " (held in memory)"))
    report = check(document, prepared)
    del document
    mark("check")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "report")
        if chunks is not None and not args.whole:  # as the CLI writes it: in pieces, never joined
            write_atomic(path, chunks(report, args.format))
            mark("render + write")
        else:
            text = render(report, args.format)
            mark("render")
            write_atomic(path, text)
            mark("write")
        size = os.path.getsize(path)
    print(f"{len(report.document.segments):,} segments, {len(report.findings):,} findings, "
          f"report {size:,} bytes")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Bytes per segment each document rule's records hold when the segments are read on demand.

    TRANSQA_SEGMENT_STORE=1 python benchmarks/store_records.py SRC TGT

benchmarks/doc_state.py measures records over an in-memory Document, so texts that a record shares
with the Document are not counted there. Over a SegmentStore (readers/segment_store.py) every
segment is read afresh, so a record that keeps a segment's text keeps its own copy: this is the
per-pair state left once the Document itself is not held. tracemalloc, records kept alive after the
collect step over all segments (compiled objects warmed up on the first 50 segments, terms.py's
bounded hit cache excluded, as in doc_state.py).
"""

from __future__ import annotations

import gc
import sys
import tracemalloc

from transqa.checks import registry
from transqa.engine import collect_records
from transqa.pipeline import RunOptions, prepare
from transqa.readers import read_document


def main() -> None:
    prepared = prepare(RunOptions(jobs=1))
    context = prepared.context()
    segments = read_document(sys.argv[1:3]).segments
    print(f"{len(segments):,} segments in a {type(segments).__name__}")
    shared = [tracemalloc.Filter(False, "*/transqa/terms.py", all_frames=True)]
    for rule in prepared.rules:
        if registry()[rule.check].scope != "document":
            continue
        collect_records(rule, segments[:50], context)
        gc.collect()
        tracemalloc.start(16)
        before = tracemalloc.take_snapshot()
        records = collect_records(rule, segments, context)
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        kept = sum(d.size_diff for d in after.filter_traces(shared).compare_to(before.filter_traces(shared),
                                                                                 "filename"))
        print(f"{rule.code:<8} {len(records):>8,} records {kept / len(segments):>7.0f} B/segment")
        del records


if __name__ == "__main__":
    main()

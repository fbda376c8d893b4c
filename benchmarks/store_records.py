#!/usr/bin/env python3
"""Bytes per segment each document rule's records hold when the segments are read on demand.

    TRANSQA_SEGMENT_STORE=1 python benchmarks/store_records.py SRC TGT

benchmarks/doc_state.py measures records over an in-memory Document, so texts that a record shares
with the Document are not counted there. Over a SegmentStore (readers/segment_store.py) every
segment is read afresh, so a record that keeps a segment's text keeps its own copy: this is the
per-pair state left once the Document itself is not held. tracemalloc, records kept alive after the
collect step over all segments (compiled objects warmed up on the first 50 segments, terms.py's
bounded hit cache excluded, as in doc_state.py), and the finish step's peak above them
(doc_state.finish_peak; the segments it reads again are counted there).

    TRANSQA_SEGMENT_STORE=1 PYTHONPATH=/tmp/before/src python benchmarks/store_records.py SRC TGT   # an older tree
"""

from __future__ import annotations

import sys

from doc_state import finish_peak, records_kept  # this script's folder is on sys.path
from transqa.checks import registry
from transqa.pipeline import RunOptions, prepare
from transqa.readers import read_document


def main() -> None:
    prepared = prepare(RunOptions(jobs=1))
    context = prepared.context()
    segments = read_document(sys.argv[1:3]).segments
    print(f"{len(segments):,} segments in a {type(segments).__name__}")
    for rule in prepared.rules:
        if registry()[rule.check].scope != "document":
            continue
        count, kept = records_kept(rule, segments, context, frames=16)
        peak = finish_peak(rule, segments, context)
        print(f"{rule.code:<8} {count:>8,} records {kept / len(segments):>7.0f} B/segment"
              f"   finish peak {peak / len(segments):>7.0f} B/segment")


if __name__ == "__main__":
    main()

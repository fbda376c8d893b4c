#!/usr/bin/env python3
"""`transqa` with every document rule collected in ONE pass over the segments (a prototype of the engine
step, to measure what it saves when segments are read from the files: TRANSQA_SEGMENT_STORE=1).

    TRANSQA_SEGMENT_STORE=1 python benchmarks/one_pass_documents.py check SRC TGT --format json -o out.json --jobs 1

engine._InProcess.document_hits collects and finishes one document rule at a time, so a SegmentStore is
read once per rule (nine passes with the default rules). Here the rules are collected together, chunk
by chunk (CHUNK_SEGMENTS), then finished one by one, each rule's records dropped after its finish (kept
for the next rule with the same collect_key). The findings are the same; the cost is that all the
document rules' records are alive at once (about 0.3 KB per segment with the default rules).
"""

from __future__ import annotations

import runpy
import sys

from transqa import engine


def one_pass(self, rules):
    firsts, collecting = {}, []  # collect_key (or code) -> the code of the rule collecting for it
    keys = [engine.collect_key(rule) for rule in rules]
    for rule, key in zip(rules, keys):
        if (rule.code if key is None else key) not in firsts:
            firsts[rule.code if key is None else key] = rule.code
            collecting.append(rule)
    records: dict[str, list] = {rule.code: [] for rule in collecting}
    for start in range(0, len(self.segments), engine.CHUNK_SEGMENTS):
        chunk = engine.map_chunk(self.segments[start:start + engine.CHUNK_SEGMENTS], start, collecting, self.context)
        for code, items in chunk.records.items():
            records[code] += items
        del chunk
    for n, rule in enumerate(rules):
        source = firsts[rule.code if keys[n] is None else keys[n]]
        hits = engine.finish_records(rule, records[source], self.context, self.segments)
        if keys[n] is None or keys[n] not in keys[n + 1:]:
            del records[source]  # no later rule reads these records
        yield hits


if __name__ == "__main__":
    engine._InProcess.document_hits = one_pass
    sys.argv = ["transqa", *sys.argv[1:]]
    runpy.run_module("transqa", run_name="__main__")

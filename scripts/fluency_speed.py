#!/usr/bin/env python3
"""Time each issue-5 rule (REP, LANG, LEN, PUNC, CAP, ACC003, REF) over newstest, in µs per segment.

usage: python scripts/fluency_speed.py [DATA_DIR]   (default ../shared/data/newstest)
Each rule runs alone through the engine on all segments of the three years (one Document per year),
best of three runs, CPU time of this process (other processes on the machine distort wall time);
ACC001 (a check that does almost nothing) shows the engine's own cost per rule and segment. REF001 is timed with the reference set to the
target itself (sentence chrF per segment, which is what --reference costs).
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from transqa.checks import Context
from transqa.config import select_rules
from transqa.engine import run_rules
from transqa.model import Document, Location, Segment
from transqa.packs import default_pack_paths, load_packs


def documents(data_dir: str) -> list[Document]:
    docs = []
    for zh in sorted(Path(data_dir).glob("newstest*.zh-en.zh")):
        pairs = zip(zh.read_text(encoding="utf-8").splitlines(),
                    zh.with_suffix(".en").read_text(encoding="utf-8").splitlines())
        docs.append(Document(segments=tuple(Segment(n, s, t, Location(zh.name, n), Location(zh.name, n))
                                            for n, (s, t) in enumerate(pairs, 1))))
    return docs


def main(data_dir: str = "../shared/data/newstest") -> None:
    docs = documents(data_dir)
    with_ref = [replace(d, segments=tuple(replace(s, meta={"reference": s.target}) for s in d.segments))
                for d in docs]
    total_segments = sum(len(d.segments) for d in docs)
    rules = select_rules(load_packs(default_pack_paths()), ["ACC001", "REP", "LANG", "LEN", "PUNC", "CAP", "ACC003", "REF"], [])
    total = 0.0
    for rule in rules:
        best = float("inf")
        for _ in range(3):
            context = Context()
            start = time.process_time()
            for doc in (with_ref if rule.code.startswith("REF") else docs):
                run_rules(doc, [rule], context)
            best = min(best, time.process_time() - start)
        per = best / total_segments * 1e6
        total += per
        print(f"{rule.code:8} {rule.name:32} {per:8.1f} µs/segment")
    print(f"{'total':41} {total:8.1f} µs/segment over {total_segments} segments")


if __name__ == "__main__":
    main(*sys.argv[1:2])

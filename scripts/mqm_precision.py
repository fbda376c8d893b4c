#!/usr/bin/env python3
"""Do transqa's findings land on segments that human MQM raters also marked? (WMT21 TED zh-en MQM)

usage: python scripts/mqm_precision.py [MQM_JSONL] [--select PREFIX ...] [--min-severity SEV]
default: ../shared/data/mqm_ted/wmt21_ted_zhen_mqm.jsonl, prefixes REP LANG LEN PUNC CAP ACC

Each record is one system's translation of one segment, with the raters' errors. A record is "marked"
when it has at least one error other than No-error / Source error. Records are grouped into documents
per (system, talk) in segment order, so document-scope checks (length model, capitalisation,
duplicates) see one system's rendering of one talk. For each rule: how many records it flags, the
share of those that raters marked (precision against human judgement), the base rate of marked
records, the lift (precision / base rate), and the error category raters used most on them.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from transqa.checks import Context
from transqa.config import select_rules
from transqa.engine import run_rules
from transqa.model import SEVERITY_RANK, Document, Location, Segment
from transqa.packs import default_pack_paths, load_packs

NOT_ERRORS = {"No-error", "Source error"}


def load(path: str) -> dict[tuple[str, str], list[dict]]:
    docs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            docs[(record["system"], record["doc"])].append(record)
    for records in docs.values():
        records.sort(key=lambda r: r["seg_id"])
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="../shared/data/mqm_ted/wmt21_ted_zhen_mqm.jsonl")
    parser.add_argument("--select", action="append", default=None)
    parser.add_argument("--min-severity", default="info")
    args = parser.parse_args()
    rules = select_rules(load_packs(default_pack_paths()), args.select or ["REP", "LANG", "LEN", "PUNC", "CAP", "ACC"], [])
    rules = [r for r in rules if r.enabled and SEVERITY_RANK[r.severity] >= SEVERITY_RANK[args.min_severity]]
    docs = load(args.path)
    marked: dict[str, bool] = {}
    categories: dict[str, Counter] = {}
    flagged: dict[str, set[str]] = defaultdict(set)
    context = Context()
    for (system, talk), records in docs.items():
        segments = []
        for record in records:
            key = f"{system}|{talk}|{record['seg_id']}"
            errors = [e["category"] for e in record["errors"] if e["category"] not in NOT_ERRORS]
            marked[key] = bool(errors)
            categories[key] = Counter(errors)
            segments.append(Segment(id=key, source=record["source"], target=record["target"] or "",
                                    source_location=Location(talk, record["seg_id"]),
                                    target_location=Location(talk, record["seg_id"])))
        for finding in run_rules(Document(segments=tuple(segments)), rules, context):
            flagged[finding.code].add(str(finding.segment))
            flagged[f"{finding.code.rstrip('0123456789')} (family)"].add(str(finding.segment))
            flagged["(any major+)" if SEVERITY_RANK[finding.severity] >= 2 else "(any minor/info)"].add(
                str(finding.segment))
    base = sum(marked.values()) / len(marked)
    print(f"{len(marked)} records, {sum(marked.values())} marked by raters: base rate {base:.3f}\n")
    print(f"{'rule':18} {'flagged':>7} {'marked':>7} {'precision':>9} {'lift':>5}  most common rater category")
    severity = {r.code: r.severity for r in rules}
    for code in sorted(flagged):
        keys = flagged[code]
        hits = sum(marked[k] for k in keys)
        top = sum((categories[k] for k in keys), Counter()).most_common(1)
        label = f"{code} {severity.get(code, '')}".strip()
        print(f"{label:18} {len(keys):7d} {hits:7d} {hits / len(keys):9.3f} {hits / len(keys) / base:5.2f}  "
              f"{top[0][0] if top else '-'}")


if __name__ == "__main__":
    main()

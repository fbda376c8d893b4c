"""Summarise term findings of `transqa check --format json` reports (glossary precision on reference data).

Usage:
  transqa check SRC TGT --select TERM001 --select TERM002 --select TERM003 --format json -o out.json
  python scripts/glossary_flags.py out.json [more.json ...] [--show CODE] [--term 国务院]

Prints, per report: segments, segments with a major-or-above TERM001/TERM002 finding (the issue's
3% budget), minor TERM003 segments, and the source terms flagged most often.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

MAJOR = {"major", "critical"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("reports", nargs="+")
    ap.add_argument("--show", help="print the findings of this code with both texts")
    ap.add_argument("--term", help="only findings whose match is this term")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    for report in args.reports:
        data = json.loads(Path(report).read_text(encoding="utf-8"))
        inputs = data["inputs"]
        segments = data["summary"].get("segments") or inputs.get("segments") or 0
        findings = [f for f in data["findings"] if f["code"].startswith("TERM")]
        major = {f["segment"] for f in findings if f["severity"] in MAJOR and f["code"] in ("TERM001", "TERM002")}
        minor = {f["segment"] for f in findings if f["code"] == "TERM003"}
        by_term = Counter((f["code"], f["match"]) for f in findings if f["code"] in ("TERM001", "TERM002", "TERM003"))
        share = f"{100 * len(major) / segments:.2f}%" if segments else "?"
        print(f"{report}: {segments} segments; major TERM001/002 on {len(major)} ({share}); TERM003 on {len(minor)}")
        for (code, match), n in by_term.most_common(args.top):
            print(f"   {n:4d}  {code}  {match}")
        if args.show:
            for f in findings:
                if f["code"] == args.show and (not args.term or f["match"] == args.term):
                    print(f"-- seg {f['segment']} {f['match']}: {f['message'][:100]}")
    return None


if __name__ == "__main__":
    main()

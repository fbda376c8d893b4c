#!/usr/bin/env python3
"""List the planted defects that a `scripts/evaluate.py --out DIR` run did not find, to read them by hand.

    python scripts/planted_misses.py DIR [--kind omission]

A planted defect is missed when its line gains no finding over the clean run (score_bench.py's rule).
For each miss: corpus, line, kind, the codes the clean line already had, then the source, the clean
target and the injected target (cut at 250 characters).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path


def _by_line(report: Path) -> dict[int, Counter]:
    out: dict[int, Counter] = {}
    for finding in json.loads(report.read_text(encoding="utf-8"))["findings"]:
        out.setdefault(int(finding["segment"]), Counter())[finding["code"]] += 1
    return out


def misses(corpus: Path):
    bench = corpus / "bench"
    truth = {int(k): v for k, v in json.loads((bench / "truth.json").read_text()).items()}
    clean, injected = _by_line(corpus / "clean.json"), _by_line(corpus / "injected.json")
    texts = [(bench / name).read_text(encoding="utf-8").splitlines()
             for name in ("src.zh", "clean.en", "injected.en")]
    for line, kind in sorted(truth.items()):
        before = clean.get(line, Counter())
        if not injected.get(line, Counter()) - before:
            yield line, kind, dict(before), [t[line - 1] for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the --out folder of scripts/evaluate.py")
    parser.add_argument("--kind", help="only this planted kind (omission, num_change, ...)")
    args = parser.parse_args()
    kinds: Counter = Counter()
    for corpus in sorted(p for p in args.out.iterdir() if (p / "bench" / "truth.json").is_file()):
        for line, kind, before, (zh, clean, injected) in misses(corpus):
            if args.kind and kind != args.kind:
                continue
            kinds[kind] += 1
            print(f"== {corpus.name}:{line} {kind} clean codes {before}")
            for label, text in (("ZH", zh), ("CE", clean), ("IE", injected)):
                print(f"   {label} {text[:250]}")
    print("missed by kind:", dict(sorted(kinds.items())))


if __name__ == "__main__":
    main()

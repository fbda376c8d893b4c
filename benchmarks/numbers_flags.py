"""Flag rate and cost of the NUM/DATE checks on parallel text files (one segment per line).

usage: python benchmarks/numbers_flags.py SRC TGT [SRC TGT ...] [--show N] [--seed S]
Prints per file: lines, lines flagged at major, per-rule counts, µs per segment; with --show, N random
major flags for review.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.model import Document, Segment
from transqa.packs import load_packs, rules_dir


def main(argv: list[str]) -> None:
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    files = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] not in ("--show", "--seed"))]
    rules = [r for r in load_packs([rules_dir() / "numbers.yaml"]) if r.enabled]
    majors = []
    for src_path, tgt_path in zip(files[::2], files[1::2]):
        src = open(src_path, encoding="utf-8").read().splitlines()
        tgt = open(tgt_path, encoding="utf-8").read().splitlines()
        doc = Document(tuple(Segment(i + 1, s, t) for i, (s, t) in enumerate(zip(src, tgt))))
        t0 = time.perf_counter()
        findings = run_rules(doc, rules, Context())
        dt = time.perf_counter() - t0
        major_lines = {f.segment for f in findings if f.severity in ("major", "critical")}
        counts = Counter(f"{f.code} {f.name}" for f in findings)
        print(f"{src_path}: {len(doc.segments)} lines, {len(major_lines)} flagged major "
              f"({100 * len(major_lines) / len(doc.segments):.2f}%), {1e6 * dt / len(doc.segments):.0f} µs/segment")
        for k, v in sorted(counts.items()):
            print(f"   {k}: {v}")
        majors += [(src_path, doc.segments[f.segment - 1], f) for f in findings if f.severity == "major"]
    rng = random.Random(seed)
    for path, seg, f in rng.sample(majors, min(show, len(majors))):
        print(f"\n[{f.code}] {path.rsplit('/', 1)[-1]}:{seg.id} {f.message}\n  ZH: {seg.source}\n  EN: {seg.target}")


if __name__ == "__main__":
    main(sys.argv[1:])

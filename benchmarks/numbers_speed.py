"""Cost of the NUM/DATE rules per segment (best of N runs) on parallel text files.

usage: python benchmarks/numbers_speed.py SRC TGT [SRC TGT ...] [--repeat 3]
Prints µs/segment for all numbers rules through the engine, for the shared alignment alone, and for
segments whose source has no digits or numeral characters (the cheap pre-check path).
"""

from __future__ import annotations

import sys
import time

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.model import Document, Segment
from transqa.numbers import analyse, load_expressions
from transqa.numbers.zh import ANY_NUMERAL
from transqa.packs import load_packs, rules_dir


def best(fn, repeat: int) -> float:
    """Best CPU time of `repeat` runs (process time: less disturbed by other load on the machine)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def main(argv: list[str]) -> None:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    files = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--repeat")]
    pairs = []
    for src_path, tgt_path in zip(files[::2], files[1::2]):
        src = open(src_path, encoding="utf-8").read().splitlines()
        tgt = open(tgt_path, encoding="utf-8").read().splitlines()
        pairs += list(zip(src, tgt))
    doc = Document(tuple(Segment(i + 1, s, t) for i, (s, t) in enumerate(pairs)))
    rules = [r for r in load_packs([rules_dir() / "numbers.yaml"]) if r.enabled]
    exprs = load_expressions()
    plain = [(s, t) for s, t in pairs if not ANY_NUMERAL.search(s)]
    n = len(pairs)
    engine = best(lambda: run_rules(doc, rules, Context()), repeat)
    align = best(lambda: [analyse(s, t, exprs) for s, t in pairs], repeat)
    cheap = best(lambda: [analyse(s, t, exprs) for s, t in plain], repeat)
    print(f"{n} segments, {len(rules)} rules; {len(plain)} with no numeral in the source")
    print(f"  all NUM/DATE rules via the engine: {1e6 * engine / n:.0f} µs/segment (CPU time)")
    print(f"  shared alignment alone:            {1e6 * align / n:.0f} µs/segment")
    print(f"  segments with no source numeral:   {1e6 * cheap / max(1, len(plain)):.0f} µs/segment")


if __name__ == "__main__":
    main(sys.argv[1:])

"""What the glossary automaton's search alone costs per segment, shipped glossaries vs + 100k synthetic terms.

    /work/venv/bin/python benchmarks/term_automaton_cost.py [--rounds 21] [--variants]
    valgrind --tool=cachegrind --cache-sim=yes --LL=524288,8,64 python benchmarks/term_automaton_cost.py \\
        --only B --rounds 5     # minus the same with --rounds 0: instructions and misses of the search

The segments and the synthetic glossary are glossary_bench's (seed + newstest2019 sources, folded as
terms.PhraseMatcher folds them). Times `find_overlapping` of daachorse's character-wise automaton over
the folded texts, CPU time, the automata run in turn round by round; medians per segment and the
per-round ratio to the shipped-only automaton ("A"). `--between fold` folds the next segment between
two searches, as the real lookup does (the search then finds less of its automaton in cache; each
search is then timed alone, the clock's cost included).
With --variants also the 100k automaton without daachorse's prefilter, with its profile-guided
layout (corpus: the patterns themselves) and byte-wise: the same matches, other layouts.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import glossary_bench as gb  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--variants", action="store_true")
    parser.add_argument("--only", help="time just this automaton (A, B, ...): for cachegrind")
    parser.add_argument("--between", choices=["nothing", "fold"], default="nothing")
    args = parser.parse_args()

    import daachorse

    from transqa.glossary import load_glossaries, load_glossary
    from transqa.packs import default_glossary_paths
    from transqa.terms import TermIndex, fold

    segments = [line for line in gb.SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    news = gb.ROOT.parent / "shared" / "data" / "newstest" / "newstest2019.zh-en.zh"
    if news.exists():
        segments += news.read_text(encoding="utf-8").splitlines()[:2000]
    alphabet = "".join(re.findall(r"[\u4e00-\u9fff]", "".join(segments)))
    shipped = load_glossaries(default_glossary_paths())
    with tempfile.TemporaryDirectory() as tmp:
        gb.write_json(Path(tmp) / "synthetic.json", gb.synthetic_terms(args.entries, random.Random(7), alphabet))
        big = load_glossary(Path(tmp) / "synthetic.json")
    small, large = TermIndex(shipped).matcher, TermIndex([*shipped, big]).matcher
    folded = [fold(s, simplify=True) for s in segments]
    chars = daachorse.CharwiseDoubleArrayAhoCorasick
    automata = {"A": small._automaton.find_overlapping, "B": large._automaton.find_overlapping}
    if args.variants:
        automata["B, no prefilter"] = chars(large.patterns, use_prefilter=False).find_overlapping
        automata["B, layout from its patterns"] = chars(large.patterns, corpus=large.patterns).find_overlapping
        as_bytes = daachorse.DoubleArrayAhoCorasick([p.encode() for p in large.patterns]).find_overlapping
        positions = [dict((b, c) for c, b in enumerate([len(t[:i].encode()) for i in range(len(t) + 1)]))
                     for t in folded]
        encoded = [t.encode() for t in folded]
        expected = [automata["B"](t) for t in folded]
        assert all([(p[s], p[e], i) for s, e, i in as_bytes(b)] == x
                   for b, p, x in zip(encoded, positions, expected)), "byte-wise matches differ"
        automata["B, byte-wise"] = lambda text, _cache=dict(zip(folded, encoded)): as_bytes(_cache[text])
        for name, search in automata.items():
            assert name == "B, byte-wise" or [search(t) for t in folded] == expected, name
    if args.only:
        automata = {args.only: automata[args.only]}

    def run(search) -> float:
        clock = time.process_time
        if args.between == "nothing":  # the whole loop timed: no clock call per search
            start = clock()
            for text in folded:
                search(text)
            return clock() - start
        spent = 0.0  # each search timed alone (the clock's own cost is in both A and B)
        for raw, text in zip(segments, folded):
            if args.between == "fold":
                fold(raw, simplify=True)
            start = clock()
            search(text)
            spent += clock() - start
        return spent

    times: dict[str, list[float]] = {name: [] for name in automata}
    for _ in range(args.rounds):
        for name, search in automata.items():
            times[name].append(run(search))
    if not args.rounds:
        return 0
    per = 1e6 / len(folded)
    print(f"{len(folded)} segments; {args.rounds} rounds; between searches: {args.between}; "
          f"automata: A {len(small)} patterns, B {len(large)}")
    for name, spent in times.items():
        ratio = (f"; per-round ratio to A {statistics.median(b / a for a, b in zip(times['A'], spent)):.2f}"
                 if "A" in times and name != "A" else "")
        print(f"  {name:30} {statistics.median(spent) * per:5.2f} µs/segment{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

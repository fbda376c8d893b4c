"""Glossary scale benchmark: load + compile a synthetic N-entry glossary, and matching cost per segment.

    /work/venv/bin/python benchmarks/glossary_bench.py [--entries 100000] [--runs 5]
    /work/venv/bin/python benchmarks/glossary_bench.py --tree /tmp/old/src --tree src --rounds 5 --runs 3

Load and compile are timed in fresh processes (`--runs` of each kind, interleaved, medians), as a
`transqa check` pays them: CPU time (process_time) of loading the shipped glossaries plus the synthetic
one, and of compiling the index, and the child's peak RSS next to a child that loads only the shipped
glossaries. Kinds: YAML parsed (disk cache off), YAML from the glossary disk cache, JSON.
Matching is timed in this process with the shipped glossaries alone (baseline) and with the synthetic
glossary added, over the same segments (3 x `--runs`, interleaved); the ratio is what matters: of the
medians, and per round (both run back to back), with the middle half of the runs or rounds. So are
term-missing alone and every TERM rule through the engine on newstest2019 pairs (segment and document
rules). With --tree (repeatable), the matching part runs in one child process per tree and round,
the trees alternating (before/after comparisons; the older tree imports this script's API).
Writes only to a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "cnipa-forum.zh.txt"


def synthetic_terms(n: int, rng: random.Random, alphabet: str) -> list[tuple[str, list[str]]]:
    """n distinct sources of 4-8 characters drawn from `alphabet` (real text, so character frequencies
    and the automaton's shape are realistic, while few occur in the text by accident: glossary size,
    not a flood of hits, is what is measured), each with two English renderings."""
    seen: dict[str, None] = {}
    while len(seen) < n:
        seen.setdefault("".join(rng.choice(alphabet) for _ in range(rng.randint(4, 8))))
    return [(src, [f"synthetic term {k}", f"st{k}"]) for k, src in enumerate(seen, 1)]


def write_yaml(path: Path, terms) -> None:
    lines = ["glossary: synthetic", "terms:"]
    lines += [f"  - source: {s}\n    target: [{t[0]}, {t[1]}]\n    kind: term" for s, t in terms]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_json(path: Path, terms) -> None:
    data = {"glossary": "synthetic", "terms": [{"source": s, "target": t, "kind": "term"} for s, t in terms]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# CPU time of this process, not wall time: on a shared machine other processes' load inflates wall time
# several-fold, CPU time much less (caches and frequency still vary). The calibration loop uses wall time.
CLOCK = time.process_time
IDLE_CALIBRATION = 0.050  # assumed seconds for calibrate() on an idle core (CPython 3.11, current x86); not measured here


def calibrate() -> float:
    """Seconds for a fixed pure-Python loop: compare runs on busy and idle machines by this."""
    t0 = time.perf_counter()
    total = 0
    for i in range(1_000_000):
        total += i
    return time.perf_counter() - t0


def interleaved(fns, runs: int) -> list[list[float]]:
    """Times of several functions run in turn (A B C A B C ...), so load spikes hit all alike."""
    times = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t0 = CLOCK()
            fn()
            times[i].append(CLOCK() - t0)
    return times


def spread(times: list[float], per: float) -> str:
    """Median and the range of the middle half of the runs (per segment)."""
    q1, _, q3 = statistics.quantiles(times, n=4)
    return f"{statistics.median(times) * per:.1f} µs/segment (middle half of runs {q1 * per:.1f}-{q3 * per:.1f})"


def ratios(big: list[float], base: list[float]) -> str:
    """Ratio of medians, and the median and middle half of the per-round ratios (each round runs both
    back to back, so a load spike moves both)."""
    r = [b / a for a, b in zip(base, big)]
    q1, med, q3 = statistics.quantiles(r, n=4)
    return f"ratio {statistics.median(big) / statistics.median(base):.2f}; per round {med:.2f} ({q1:.2f}-{q3:.2f})"


CHILD = """
import sys, time
t0 = time.process_time()
from transqa.glossary import load_glossaries
from transqa.packs import default_glossary_paths
from transqa.terms import TermIndex
t1 = time.process_time()
glossaries = load_glossaries([*default_glossary_paths(), *sys.argv[1:]])
t2 = time.process_time()
index = TermIndex(glossaries)
index.source_hits("国家知识产权局局长")
t3 = time.process_time()
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(t1 - t0, t2 - t1, t3 - t2, peak / 1024)  # VmHWM: ru_maxrss would report the parent's peak after fork
"""


def fresh(paths, env) -> tuple[float, float, float, float]:
    """(import, load, compile) CPU seconds and peak RSS MB of a new process loading `paths`."""
    out = subprocess.run([sys.executable, "-c", CHILD, *map(str, paths)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return tuple(float(x) for x in out.split())


def load_and_compile(args, terms, cal_before):
    """Fresh-process load + compile timing and RSS; returns the synthetic glossary loaded here."""
    from transqa.glossary import load_glossary

    with tempfile.TemporaryDirectory() as tmp:
        ypath, jpath = Path(tmp) / "synthetic.yaml", Path(tmp) / "synthetic.json"
        write_yaml(ypath, terms)
        write_json(jpath, terms)
        no_cache, cache = {**os.environ, "TRANSQA_CACHE_DIR": ""}, {**os.environ, "TRANSQA_CACHE_DIR": tmp}
        fresh([ypath], cache)  # fills the disk cache
        kinds = {"shipped only": ([], no_cache), "YAML, parsed": ([ypath], no_cache),
                 "YAML, from the disk cache": ([ypath], cache), "JSON": ([jpath], no_cache)}
        runs: dict[str, list] = {k: [] for k in kinds}
        for _ in range(args.runs):
            for kind, (paths, env) in kinds.items():
                runs[kind].append(fresh(paths, env))
        big = load_glossary(jpath)
    med = {k: [statistics.median(r[i] for r in v) for i in range(4)] for k, v in runs.items()}
    base_rss = med["shipped only"][3]
    print(f"fresh process, {args.entries} entries + shipped: CPU seconds (median of {args.runs}); "
          f"peak RSS over a shipped-only process")
    for kind, (imp, load, comp, rss) in med.items():
        extra = "" if kind == "shipped only" else f"; RSS +{rss - base_rss:.0f} MB"
        print(f"  {kind:26} load {load * 1000:5.0f} ms, compile {comp * 1000:5.0f} ms, "
              f"load + compile {(load + comp) * 1000:5.0f} ms (imports {imp * 1000:.0f} ms){extra}")
    print("  target: load + compile < 2000 ms")
    cal = statistics.median([cal_before, *(calibrate() for _ in range(5))])
    scale = IDLE_CALIBRATION / cal
    print(f"machine load: calibration loop (1M additions, wall time) median {cal * 1000:.0f} ms, "
          f"{IDLE_CALIBRATION * 1000:.0f} ms assumed idle ({1 / scale:.1f}x); the times above are CPU time")

    return big


def measure(args, print_hits: bool = True) -> dict[str, list[float]]:
    """CPU seconds per run of each kind (interleaved): source matching with the shipped glossaries and
    with the synthetic one added (plain and with planted terms), term-missing, and every TERM rule
    through the engine (segment and document rules, one Context per run, as `transqa check` runs them)."""
    from transqa.checks import Context, registry
    from transqa.glossary import load_glossaries, load_glossary
    from transqa.packs import default_glossary_paths
    from transqa.terms import TermIndex

    rng = random.Random(7)
    shipped = load_glossaries(default_glossary_paths())
    source_lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    news = ROOT.parent / "shared" / "data" / "newstest" / "newstest2019.zh-en.zh"
    pairs = []
    if news.exists():
        source_lines += news.read_text(encoding="utf-8").splitlines()[:2000]
        pairs = list(zip(news.read_text(encoding="utf-8").splitlines(),
                         news.with_suffix(".en").read_text(encoding="utf-8").splitlines()))[:2000]
    segments = source_lines
    chars = sum(len(s) for s in segments)
    if print_hits:
        print(f"python {sys.version.split()[0]}; shipped glossaries: {sum(len(g.terms) for g in shipped)} entries; "
              f"{len(segments)} segments, {chars} characters; median of {args.runs} runs")

    alphabet = "".join(re.findall(r"[\u4e00-\u9fff]", "".join(segments)))
    terms = synthetic_terms(args.entries, rng, alphabet)
    cal_before = statistics.median(calibrate() for _ in range(5))
    with tempfile.TemporaryDirectory() as tmp:
        if args.matching_only:
            write_json(Path(tmp) / "synthetic.json", terms)
            big = load_glossary(Path(tmp) / "synthetic.json")
        else:
            big = load_and_compile(args, terms, cal_before)
        base_index, big_index = TermIndex(shipped), TermIndex([*shipped, big])
        # plant some synthetic terms so matching has hits to report
        planted = [s + big.terms[i].source[0] for i, s in enumerate(segments[:200])] + segments[200:]

        def match(index, texts):
            def run():
                index._hits.clear()  # the per-run cache would otherwise turn later runs into lookups
                return [index.source_hits(t) for t in texts]
            return run

        times = dict(zip(("match shipped", "match synthetic", "match planted"), interleaved(
            [match(base_index, segments), match(big_index, segments), match(big_index, planted)], 3 * args.runs)))
        if print_hits:
            for label, index, texts in (("shipped", base_index, segments), ("shipped + synthetic", big_index, segments),
                                        ("shipped + synthetic, planted", big_index, planted)):
                hits = sum(len(index.source_hits(t)) for t in texts)
                print(f"hits per segment, {label}: {hits / len(texts):.2f}")

        # the whole term-missing rule per segment, as the engine runs it
        from transqa.model import Segment

        check = registry()["term-missing"].run
        targets = ["The synthetic term and the China National Intellectual Property Administration."] * len(segments)
        segs = [Segment(i, s, t) for i, (s, t) in enumerate(zip(segments, targets))]  # same hits for both
        opts = dict(registry()["term-missing"].options)

        def rule(glossaries):
            def run():
                context = Context(glossaries=tuple(glossaries))
                index = big_index if len(glossaries) > len(shipped) else base_index
                index._hits.clear()
                context.memo(("transqa.terms.TermIndex", id(context.glossaries)), lambda: index)
                for seg in segs:
                    list(check(seg, opts, context))
            return run

        times.update(zip(("term-missing shipped", "term-missing synthetic"),
                         interleaved([rule(shipped), rule([*shipped, big])], 3 * args.runs)))
        if pairs:
            write_json(Path(tmp) / "synthetic.json", terms)
            times.update(zip(("TERM shipped", "TERM synthetic"),
                             term_rule_set(pairs, Path(tmp) / "synthetic.json", 3 * args.runs)))
    times["segments"], times["pairs"] = [len(segments)], [len(pairs)]
    return times


def term_rule_set(pairs, glossary: Path, runs: int) -> list[list[float]]:
    """Every TERM rule (segment and document scope) over newstest2019 pairs through the engine, with
    the shipped glossaries and with `glossary` added: CPU seconds per run, interleaved."""
    from transqa import terms
    from transqa.engine import run_rules
    from transqa.model import Document, Location, Segment
    from transqa.pipeline import RunOptions, prepare

    doc = Document(segments=tuple(Segment(n, s, t, Location("s", n), Location("t", n))
                                  for n, (s, t) in enumerate(pairs, 1)))
    prepared = [prepare(RunOptions(select=["TERM"])), prepare(RunOptions(select=["TERM"], glossaries=[str(glossary)]))]

    def run(prep):
        def go():
            for _, index in terms._COMPILED.values():
                index._hits.clear()  # a fresh run: no source lookups remembered from the last one
            run_rules(doc, prep.rules, prep.context(), jobs=1)
        return go

    fns = [run(p) for p in prepared]
    for fn in fns:
        fn()  # compile each glossary set once (a run pays it once, not per segment)
    return interleaved(fns, runs)


def report(times: dict[str, list[float]]) -> None:
    per = 1e6 / times["segments"][0]
    base, big, planted = times["match shipped"], times["match synthetic"], times["match planted"]
    print(f"source matching, shipped only:          {spread(base, per)}")
    print(f"source matching, shipped + synthetic:   {spread(big, per)}; {ratios(big, base)}")
    print(f"  same, 200 segments with planted terms: {spread(planted, per)}; {ratios(planted, base)}")
    r_base, r_big = times["term-missing shipped"], times["term-missing synthetic"]
    print(f"term-missing rule, shipped only:        {spread(r_base, per)}")
    print(f"term-missing rule, shipped + synthetic: {spread(r_big, per)}; {ratios(r_big, r_base)}")
    if "TERM shipped" in times:
        per = 1e6 / times["pairs"][0]
        t_base, t_big = times["TERM shipped"], times["TERM synthetic"]
        print(f"every TERM rule ({times['pairs'][0]} newstest2019 pairs, engine), shipped only:  {spread(t_base, per)}")
        print(f"every TERM rule, shipped + synthetic:   {spread(t_big, per)}; {ratios(t_big, t_base)}")


def trees(args) -> int:
    """Each --tree in its own child process (PYTHONPATH=tree), trees alternating round by round (A B A B
    ...), so load moves all alike; per tree the medians over rounds and the per-round ratios."""
    rounds: dict[str, list[dict]] = {t: [] for t in args.tree}
    for _ in range(args.rounds):
        for tree in args.tree:
            env = {**os.environ, "PYTHONPATH": str(Path(tree).resolve())}
            out = subprocess.run([sys.executable, __file__, "--matching-only", "--child", "--runs", str(args.runs),
                                  "--entries", str(args.entries)], env=env, check=True, capture_output=True,
                                 text=True).stdout
            rounds[tree].append(json.loads(out.splitlines()[-1]))
    print(f"{args.rounds} rounds, trees alternating; per round each kind {3 * args.runs} runs interleaved "
          f"(its median kept); medians over rounds, µs per segment")
    for tree, results in rounds.items():
        med = {k: [statistics.median(r[k]) for r in results] for k in results[0]}
        print(f"== {tree}")
        report(med)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--matching-only", action="store_true", help="skip the fresh-process load + compile timing")
    parser.add_argument("--tree", action="append", help="a src directory to import transqa from, in a child "
                                                        "process (repeatable: trees alternate round by round)")
    parser.add_argument("--rounds", type=int, default=5, help="with --tree: child processes per tree")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.tree:
        return trees(args)
    times = measure(args, print_hits=not args.child)
    if args.child:
        print(json.dumps(times))
    else:
        report(times)
    return 0


if __name__ == "__main__":
    sys.exit(main())

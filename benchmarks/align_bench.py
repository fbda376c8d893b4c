"""Measure sentence alignment (transqa.align) on documents built from line-aligned zh-en test sets.

Corpora: newstest 2017/2018/2019 (`--data`, newstest*.zh-en.zh/.en) and TICO-19 (`--tico`,
tico19-test.zh/.en). Runs of 3-8 consecutive lines (the same runs on both sides, fixed seed) become
paragraphs separated by blank lines, in one of two layouts:
  lines    each original line stays a file line inside its paragraph (the inputs keep line structure:
           the issue's "join runs of 3-8 lines into paragraphs");
  running  the paragraph's lines are joined into running text (one file line per paragraph; Chinese
           joined with nothing, English with a space), so the splitter must find every boundary itself.

How links are counted (the definition every figure below uses):
- A true link is an original line pair (zh line i, en line i). Every line pair counts, including the
  newstest 2018 lines that are sentence fragments cut at different places on the two sides.
- A link is recovered when the beads, coarsened to original lines (union-find over the lines the
  sentences of each bead start on), put zh line i and en line i together and with nothing else.
  A 1-2 bead whose two English sentences both come from line i counts; a 2-1 bead spanning lines i
  and i+1 loses both links.
- `%` = recovered / all true links: the headline figure. `%rec` = recovered / recoverable links,
  where recoverable means no sentence found by the splitter straddles that line's boundary on either
  side. In the running layout a headline without a final stop runs into the next line's text by
  construction, and no aligner can separate those two links again; `%rec` says how well the aligner
  does on what the splitter left separable, `%` says what a user gets.

Clean documents: every 1-0 / 0-1 bead would be a false ALN finding (`fa/1k`: both kinds per 1,000
source sentences). Omission test (--drop-rate of the paragraphs lose one target line): `exact` = a
1-0 bead holds a sentence of exactly the dropped line (ALN001 at the right line); `pm1` = a 1-0 bead
holds a sentence of the dropped line or of a line next to it in the same paragraph; other 1-0 beads
are false omissions, 0-1 beads false additions. `cpu` = CPU seconds of the alignment alone
(align_split: align_sentences, then English sentences fused at a stop-less boundary split where the
Chinese kept it; the links above are counted over the sentences it returns). `split` = English
sentences the aligner split, `@line` = how many of those pieces start exactly where an original line
starts (the rest are splits inside a line: wrong for a headline run-on, or a line holding two sentences).

    /work/venv/bin/python benchmarks/align_bench.py [--layout lines|running|both] [--sets 2019,tico]
    /work/venv/bin/python benchmarks/align_bench.py --timing    # one-paragraph files of 2,000 / 18,000 lines
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from transqa.align import align_split
from transqa.sentences import document_sentences

_LEAD = "\"'“‘”’「『（( "
_SHARED = Path(__file__).resolve().parents[2] / "shared/data"


def build(lines: list[str], runs: list[list[int]], skip: set[int], layout: str, lang: str):
    """Document text and, per file line, where each original line's text sits on it."""
    file_lines: list[str] = []
    where: dict[int, list[tuple[int, int, int]]] = {}  # file line -> [(offset, end, original index)]
    for run in runs:
        if file_lines:
            file_lines.append("")
        kept = [j for j in run if j not in skip]
        if layout == "lines":
            for j in kept:
                file_lines.append(lines[j].strip())
                where[len(file_lines)] = [(0, len(lines[j].strip()), j)]
            continue
        text, marks = "", []
        for j in kept:
            if text:
                text += "" if lang == "zh" else " "
            marks.append((len(text), len(text) + len(lines[j].strip()), j))
            text += lines[j].strip()
        file_lines.append(text)
        where[len(file_lines)] = marks
    return "\n".join(file_lines), where


def locate(sentences, where):
    """(original line of the sentence's first word, set of original lines its text overlaps)."""
    out = []
    for s in sentences:
        marks = where[s.line]
        lead = len(s.text) - len(s.text.lstrip(_LEAD))
        start = s.column - lead
        end = s.column + len(s.text) - lead
        first = max(j for off, _, j in marks if off <= s.column)
        covered = {j for off, stop, j in marks if off < end and stop > start}
        if len(marks) == 1 and end > marks[0][1]:  # lines layout: joined with the next line (wrap)
            covered.add(first + 1)
        out.append((first, covered))
    return out


def evaluate(zh, en, rng, drop_rate, layout):
    runs, i, dropped = [], 0, set()
    while i < len(zh):
        k = min(rng.randint(3, 8), len(zh) - i)
        runs.append(list(range(i, i + k)))
        if k >= 3 and rng.random() < drop_rate:
            dropped.add(rng.choice(runs[-1]))
        i += k
    run_of = {j: n for n, run in enumerate(runs) for j in run}
    zh_text, zh_where = build(zh, runs, set(), layout, "zh")
    en_text, en_where = build(en, runs, dropped, layout, "en")
    src, tgt = document_sentences(zh_text, "zh"), document_sentences(en_text, "en")
    straddled = {j for _, cov in locate(src, zh_where) + locate(tgt, en_where) if len(cov) > 1 for j in cov}
    found = {(s.line, s.column) for s in tgt}
    start = time.process_time()
    tgt, beads = align_split(src, tgt)
    seconds = time.process_time() - start
    src_at, tgt_at = locate(src, zh_where), locate(tgt, en_where)
    pieces = [s for s in tgt if (s.line, s.column) not in found]  # English sentences split by the aligner
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for bs, bt in beads:
        nodes = [("s", src_at[i][0]) for i in bs] + [("t", tgt_at[j][0]) for j in bt]
        for a in nodes[1:]:
            parent[find(a)] = find(nodes[0])
    groups: dict = {}
    for node in list(parent):
        groups.setdefault(find(node), set()).add(node)
    links = [i for i in range(len(zh)) if i not in dropped]
    ok = {i for i in links if groups.get(find(("s", i))) == {("s", i), ("t", i)}}
    recoverable = [i for i in links if i not in straddled]
    omitted = [{src_at[i][0] for i in bs} for bs, bt in beads if not bt]
    exact = {d for d in dropped if any(d in lines for lines in omitted)}
    near = {d for d in dropped if any(abs(j - d) <= 1 and run_of[j] == run_of[d] for lines in omitted for j in lines)}
    return {"links": len(links), "recovered": len(ok), "recoverable": len(recoverable),
            "recovered_of_recoverable": len(ok & set(recoverable)), "dropped": len(dropped),
            "exact": len(exact), "near": len(near), "sentences": len(src),
            "false_omissions": sum(1 for lines in omitted if not lines & dropped),
            "false_additions": sum(1 for bs, bt in beads if not bs), "seconds": seconds,
            "splits": len(pieces), "splits_at_line": sum(1 for s in pieces if any(
                off == s.column - (len(s.text) - len(s.text.lstrip(_LEAD))) for off, _, _ in en_where[s.line]))}


def corpora(args) -> list[tuple[str, Path, Path]]:
    out = [(p.name.split(".")[0], p, p.with_suffix(".en")) for p in sorted(Path(args.data).glob("newstest*.zh-en.zh"))]
    tico = Path(args.tico) / "tico19-test.zh"
    if tico.exists():
        out.append(("tico19", tico, tico.with_suffix(".en")))
    if args.sets:
        wanted = args.sets.split(",")
        out = [c for c in out if any(w in c[0] for w in wanted)]
    return out


def timing(sets) -> None:
    """CPU seconds for one-paragraph documents of 2,000, 6,000 and 18,000 lines (linear: ~9x, not ~81x)."""
    name, zh_path, en_path = sets[0]
    zh = zh_path.read_text(encoding="utf-8").splitlines()
    en = en_path.read_text(encoding="utf-8").splitlines()
    for n in (2000, 6000, 18000):
        zh_lines = [zh[k % len(zh)] for k in range(n)]
        en_lines = [en[k % len(en)] for k in range(n)]
        src = document_sentences("\n".join(zh_lines), "zh")
        tgt = document_sentences("\n".join(en_lines), "en")
        start = time.process_time()
        align_split(src, tgt)
        print(f"{name} one paragraph of {n} lines ({len(src)} / {len(tgt)} sentences): "
              f"{time.process_time() - start:.1f} CPU s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(_SHARED / "newstest"))
    parser.add_argument("--tico", default=str(_SHARED / "tico19"))
    parser.add_argument("--sets", default="", help="comma-separated substrings of set names (2017,tico)")
    parser.add_argument("--drop-rate", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--layout", choices=("running", "lines", "both"), default="both")
    parser.add_argument("--timing", action="store_true")
    args = parser.parse_args(argv)
    sets = corpora(args)
    if not sets:
        print(f"no newstest*.zh-en.zh under {args.data} nor tico19-test.zh under {args.tico}", file=sys.stderr)
        return 2
    if args.timing:
        timing(sets)
        return 0
    layouts = ("lines", "running") if args.layout == "both" else (args.layout,)
    print(f"{'set':<13}{'layout':<8}{'mode':<6}{'links':>6}{'recov':>7}{'%':>7}{'recoverable':>12}{'%rec':>7}"
          f"{'fa/1k':>7}{'dropped':>8}{'exact':>6}{'pm1':>5}{'false1-0':>9}{'false0-1':>9}{'cpu':>6}{'split':>6}{'@line':>6}")
    for name, zh_path, en_path in sets:
        zh = zh_path.read_text(encoding="utf-8").splitlines()
        en = en_path.read_text(encoding="utf-8").splitlines()
        for layout in layouts:
            for mode, rate in (("clean", 0.0), ("drop", args.drop_rate)):
                r = evaluate(zh, en, random.Random(args.seed), rate, layout)
                alarms = 1000 * (r["false_omissions"] + r["false_additions"]) / max(r["sentences"], 1)
                print(f"{name:<13}{layout:<8}{mode:<6}{r['links']:>6}{r['recovered']:>7}"
                      f"{100 * r['recovered'] / r['links']:>7.2f}{r['recoverable']:>12}"
                      f"{100 * r['recovered_of_recoverable'] / max(r['recoverable'], 1):>7.2f}"
                      f"{alarms if mode == 'clean' else float('nan'):>7.1f}"
                      f"{r['dropped']:>8}{r['exact']:>6}{r['near']:>5}{r['false_omissions']:>9}{r['false_additions']:>9}"
                      f"{r['seconds']:>6.1f}{r['splits']:>6}{r['splits_at_line']:>6}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure sentence alignment (transqa.align) on newstest documents built from line-aligned data.

For each newstest zh-en set, runs of 3-8 consecutive lines (same runs on both sides, fixed seed)
become paragraphs separated by blank lines, in one of two layouts:
  running  the paragraph's lines are joined into running text (one file line per paragraph), so the
           aligner must find sentence boundaries itself (the published-translation case);
  lines    each original line stays a file line inside its paragraph.
Every original line pair is a true link. A link is recovered when the beads, coarsened to original
lines, put that source line and that target line together and with nothing else. A link is
recoverable when no sentence found by the splitter straddles that line's boundary on either side
(a headline without a full stop runs into the next line in the running layout: no sentence aligner
can separate those two links again).

Clean documents: every 1-0 / 0-1 bead would be a false ALN finding. Omission test (--drop-rate of
the paragraphs lose one target line): detected = a 1-0 bead holds a sentence of exactly that line;
other 1-0 beads are false omissions, 0-1 beads false additions.

    /work/venv/bin/python benchmarks/align_bench.py [--data ../shared/data/newstest] [--drop-rate 0.2]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from transqa.align import align_sentences
from transqa.sentences import document_sentences

_LEAD = "\"'“‘”’「『（( "


def build(lines: list[str], runs: list[list[int]], skip: set[int], layout: str, lang: str):
    """Document text and, per sentence lookup, what original line a (file line, column) belongs to."""
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
    zh_text, zh_where = build(zh, runs, set(), layout, "zh")
    en_text, en_where = build(en, runs, dropped, layout, "en")
    src, tgt = document_sentences(zh_text, "zh"), document_sentences(en_text, "en")
    src_at, tgt_at = locate(src, zh_where), locate(tgt, en_where)
    straddled = {j for _, cov in src_at + tgt_at if len(cov) > 1 for j in cov}
    start = time.perf_counter()
    beads = align_sentences(src, tgt)
    seconds = time.perf_counter() - start
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
    omitted = [bs for bs, bt in beads if not bt]
    detected = {src_at[i][0] for bs in omitted for i in bs if src_at[i][0] in dropped}
    return {"links": len(links), "recovered": len(ok), "recoverable": len(recoverable),
            "recovered_of_recoverable": len(ok & set(recoverable)), "dropped": len(dropped),
            "detected": len(detected),
            "false_omissions": sum(1 for bs in omitted if not any(src_at[i][0] in dropped for i in bs)),
            "false_additions": sum(1 for bs, bt in beads if not bs), "seconds": seconds}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/newstest"))
    parser.add_argument("--drop-rate", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--layout", choices=("running", "lines", "both"), default="both")
    args = parser.parse_args(argv)
    files = sorted(Path(args.data).glob("newstest*.zh-en.zh"))
    if not files:
        print(f"no newstest*.zh-en.zh under {args.data}", file=sys.stderr)
        return 2
    layouts = ("running", "lines") if args.layout == "both" else (args.layout,)
    print(f"{'set':<13}{'layout':<8}{'mode':<6}{'links':>6}{'recov':>7}{'%':>7}{'recoverable':>12}{'%rec':>7}"
          f"{'dropped':>8}{'found':>6}{'false1-0':>9}{'false0-1':>9}{'sec':>6}")
    for path in files:
        zh = path.read_text(encoding="utf-8").splitlines()
        en = path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
        for layout in layouts:
            for mode, rate in (("clean", 0.0), ("drop", args.drop_rate)):
                r = evaluate(zh, en, random.Random(args.seed), rate, layout)
                print(f"{path.name.split('.')[0]:<13}{layout:<8}{mode:<6}{r['links']:>6}{r['recovered']:>7}"
                      f"{100 * r['recovered'] / r['links']:>7.2f}{r['recoverable']:>12}"
                      f"{100 * r['recovered_of_recoverable'] / max(r['recoverable'], 1):>7.2f}"
                      f"{r['dropped']:>8}{r['detected']:>6}{r['false_omissions']:>9}{r['false_additions']:>9}"
                      f"{r['seconds']:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

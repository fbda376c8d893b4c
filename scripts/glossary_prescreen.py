"""Pre-screen the shipped glossaries on professional translations: how often would a term be "missing"?

For every segment pair, every glossary term found in the Chinese (leftmost-longest, as term-missing
sees it) counts as rendered when one of its approved renderings is in the English, or when smaller
glossary terms that make it up are each rendered. Forbidden renderings found are counted separately.
This is the glossary data's view, independent of rule severities (the rules decide which kinds are
major: see rules/terminology.yaml).

  python scripts/glossary_prescreen.py ../shared/data/newstest/newstest2019.zh-en.{zh,en} [--dir rules/glossaries]
  python scripts/glossary_prescreen.py SRC TGT --show 国务院        # print the missed segments for one term
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from transqa.glossary import load_glossary
from transqa.terms import TermIndex, find_rendering, fold, leftmost_longest

MAJOR_KINDS = {"organization", "treaty"}


def rendered(term, target, folded):
    return any(find_rendering(target, folded, r) for r in term.target)


def accepted(index, hit, every, target, folded):
    if rendered(hit.term, target, folded):
        return True
    inner = [(h.start, h.end, h) for h in every
             if hit.start <= h.start and h.end <= hit.end and (h.start, h.end) != (hit.start, hit.end)]
    parts = [h for _, _, h in leftmost_longest(inner)]
    covered = {i for p in parts for i in range(p.start, p.end)}
    return bool(parts) and len(covered) == hit.end - hit.start and all(rendered(p.term, target, folded) for p in parts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("target")
    ap.add_argument("--dir", default=str(Path(__file__).resolve().parents[1] / "rules" / "glossaries"))
    ap.add_argument("--show", help="print the segments where this source string was missed")
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()
    glossaries = [load_glossary(p) for p in sorted(Path(args.dir).glob("*.yaml"))]
    index = TermIndex(glossaries)
    sources = Path(args.source).read_text(encoding="utf-8").split("\n")
    targets = Path(args.target).read_text(encoding="utf-8").split("\n")
    with_term = occurrences = 0
    missed_lines: dict[str, set[int]] = {"major-kind": set(), "other-kind": set()}
    forbidden_lines: set[int] = set()
    missed = Counter()
    for number, (src, tgt) in enumerate(zip(sources, targets), 1):
        if not src.strip() or not tgt.strip():
            continue
        every = index.all_source_hits(src)
        hits = index.source_hits(src)
        if not hits:
            continue
        with_term += 1
        folded = fold(tgt)
        seen = set()
        for hit in hits:
            if id(hit.term) in seen:
                continue
            seen.add(id(hit.term))
            occurrences += 1
            if any(find_rendering(tgt, folded, f) for f in hit.term.forbidden):
                forbidden_lines.add(number)
                continue
            if not accepted(index, hit, every, tgt, folded):
                missed[(hit.term.kind in MAJOR_KINDS, hit.pattern)] += 1
                missed_lines["major-kind" if hit.term.kind in MAJOR_KINDS else "other-kind"].add(number)
                if args.show == hit.pattern:
                    print(f"L{number}\n  ZH: {src[:160]}\n  EN: {tgt[:240]}")
    total = sum(1 for s, t in zip(sources, targets) if s.strip() and t.strip())
    print(f"{args.source}: {total} segment pairs, {with_term} contain a glossary term ({occurrences} term occurrences)")
    print(f"  missed organization/treaty terms: {len(missed_lines['major-kind'])} segments "
          f"({100 * len(missed_lines['major-kind']) / total:.2f}%)")
    print(f"  missed other terms (titles, places, policies, ...): {len(missed_lines['other-kind'])} segments")
    print(f"  forbidden rendering present: {len(forbidden_lines)} segments ({100 * len(forbidden_lines) / total:.2f}%)")
    for (major, pattern), n in missed.most_common(args.top):
        print(f"    {n:4d}  {'org/treaty' if major else 'other':10s}  {pattern}")


if __name__ == "__main__":
    main()

"""A glossary built to hit often on newstest and TICO-19, for checking that glossary speed-ups keep findings.

    python benchmarks/hit_often_glossary.py /tmp/me/hit.yaml [--entries 100000]
    transqa check A.zh A.en --glossary /tmp/me/hit.yaml --select TERM --select CONS --format json -o before.json

benchmarks/run.py's synthetic glossary (random Han strings) almost never occurs in real text, so it
measures glossary size, not the rules' work on hits. Here every source is a 2-5 character piece of a
real source line and its renderings are word windows of that line's translation (so a term is rendered
in its own segment and missing in others), 30% with a second rendering that is half the time misspelt
(swapped letters: term-misspelled), 25% with a forbidden rendering taken from the same translation,
5% marked `consistent`. On newstest 2017-2019 and TICO-19 it gives 13,000-26,000 findings per file.
Deterministic (seeded).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def pairs() -> list[tuple[str, str]]:
    out = []
    for zh in [*sorted((DATA / "newstest").glob("*.zh")), *sorted((DATA / "tico19").glob("*.zh"))]:
        out += zip(zh.read_text(encoding="utf-8").splitlines(),
                   zh.with_suffix(".en").read_text(encoding="utf-8").splitlines())
    return out


def window(words: list[str], rng: random.Random, longest: int) -> list[str]:
    size = rng.randint(1, min(longest, len(words)))
    start = rng.randrange(0, len(words) - size + 1)
    return words[start:start + size]


def misspell(word: str, rng: random.Random) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(2, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    lines = pairs()
    entries: dict[str, dict] = {}
    while len(entries) < args.entries:
        source, target = rng.choice(lines)
        runs, words = HAN.findall(source), WORD.findall(target)
        if not runs or not words:
            continue
        run = rng.choice(runs)
        size = rng.randint(2, min(5, len(run)))
        start = rng.randrange(0, len(run) - size + 1)
        term = run[start:start + size]
        if term in entries:
            continue
        renderings = [" ".join(window(words, rng, 3))]
        if rng.random() < 0.3:
            renderings.append(" ".join(misspell(w, rng) if rng.random() < 0.5 else w for w in window(words, rng, 3)))
        entry = {"source": term, "target": renderings, "ref": "hitoften",
                 "kind": rng.choice(["term", "name", "organization"])}
        if rng.random() < 0.25:
            forbidden = " ".join(window(words, rng, 2))
            if forbidden not in renderings:
                entry["forbidden"] = [forbidden]
        if rng.random() < 0.05:
            entry["consistent"] = True
        entries[term] = entry
    with args.output.open("w", encoding="utf-8") as f:
        f.write("glossary: hitoften\nterms:\n")
        for entry in entries.values():
            f.write("  - " + json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"{len(entries)} entries -> {args.output}")


if __name__ == "__main__":
    main()

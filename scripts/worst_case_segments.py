"""Time every shipped rule on adversarial segments at the segment-size limit (textio.MAX_SEGMENT_CHARS).

Finds checks whose cost grows faster than linearly with a segment's length (nested quantifiers,
all-pairs comparisons). Each rule gets LIMIT seconds per shape (SIGALRM); slower ones are listed.

    /work/venv/bin/python scripts/worst_case_segments.py [CHARS] [LIMIT_SECONDS]
"""

from __future__ import annotations

import signal
import sys
import time

from transqa.checks import Context
from transqa.engine import run_rules
from transqa.glossary import load_glossaries
from transqa.model import Document, Segment
from transqa.packs import default_glossary_paths, default_pack_paths, load_packs
from transqa.textio import MAX_SEGMENT_CHARS

N = int(sys.argv[1]) if len(sys.argv) > 1 else MAX_SEGMENT_CHARS
LIMIT = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0


def fit(unit: str) -> str:
    return (unit * (N // len(unit) + 1))[:N]


SHAPES = {  # name: (source, target)
    "one-han-char": (fit("中"), fit("a")),
    "han-run-then-interpunct": (fit("中")[:-1] + "·", fit("a ")),
    "repeated-word": (fit("知识"), fit("the ")),
    "digits": (fit("1"), fit("1")),
    "numbers-and-units": (fit("3万人，12.5%，2019年，"), fit("30,000 people, 12.5%, 2019, ")),
    "sentences": (fit("上海将加强知识产权保护。"), fit("Shanghai will step up IP protection. ")),
    "spaces": (fit("中 "), fit(" ")),
    "punctuation": (fit("，。"), fit(".,")),
    "brackets": (fit("（"), fit("(")),
    "quotes": (fit("“"), fit('"')),
    "capitals": (fit("中"), fit("ABC ")),
    "glossary-terms": (fit("国家知识产权局"), fit("SIPO ")),
}


class Slow(Exception):
    pass


def _alarm(signum, frame):
    raise Slow()


def main() -> None:
    rules = load_packs(default_pack_paths())
    context = Context(glossaries=tuple(load_glossaries(default_glossary_paths())))
    signal.signal(signal.SIGALRM, _alarm)
    slow = []
    for shape, (source, target) in SHAPES.items():
        document = Document(segments=(Segment(1, source, target),))
        for rule in rules:
            start = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, LIMIT)
            try:
                run_rules(document, [rule], context)
                outcome = "ok"
            except Slow:
                outcome = f">{LIMIT:g}s"
            except Exception as exc:  # noqa: BLE001 - a measurement script reports everything
                outcome = f"{type(exc).__name__}: {str(exc)[:80]}"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - start
            if outcome != "ok" or took > 1.0:
                slow.append((shape, rule.code, rule.check, round(took, 2), outcome))
        print(f"{shape}: done", file=sys.stderr)
    print(f"{len(rules)} rules x {len(SHAPES)} shapes at {N:,} characters; over 1 s or failing:")
    for row in slow:
        print("  ", *row)


if __name__ == "__main__":
    main()

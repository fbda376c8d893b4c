"""CPU time of the number/date analysis on segments dense with numbers (default 20,000 characters).

    /work/venv/bin/python benchmarks/numbers_worst_case.py [CHARS]

Each shape fills one segment (source and target) with numbers; prints extraction time per side and
the whole shared analysis (`transqa.numbers.analyse`: extraction, fixed expressions, alignment).
All-pairs alignment made these take 2 s ("numbers-and-units") to 38 s ("dates") at 20,000 characters.
"""

from __future__ import annotations

import sys
import time

from transqa.numbers import analyse, extract_en, extract_zh, load_expressions

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000


def fit(unit: str) -> str:
    return (unit * (N // len(unit) + 1))[:N]


def joined(parts) -> str:
    text = ""
    for part in parts:
        if len(text) >= N:
            break
        text += part
    return text[:N]


SHAPES = {
    "numbers-and-units": (fit("3万人，12.5%，2019年，"), fit("30,000 people, 12.5%, 2019, ")),
    "distinct-numbers": (joined(f"{i}人，" for i in range(1, 10**6)), joined(f"{i} people, " for i in range(1, 10**6))),
    "distinct-scaled": (joined(f"{i}.5亿元，" for i in range(1, 10**6)),
                        joined(f"{i * 3}.5 million, " for i in range(1, 10**6))),
    "dates": (joined(f"{2000 + i % 20}年{i % 12 + 1}月{i % 28 + 1}日，" for i in range(10**6)),
              joined(f"{['January', 'March', 'May'][i % 3]} {i % 28 + 1}, {2000 + i % 21}; " for i in range(10**6))),
    "ones": (fit("1，"), fit("1, ")),
    "chinese-numerals": (fit("三千五百万人，"), fit("thirty-five million people, ")),
}


def main() -> None:
    exprs = load_expressions()
    print(f"{N:,} characters per side; CPU seconds")
    print(f"{'shape':20} {'zh':>6} {'en':>6} {'analyse':>8}  quantities zh/en")
    for name, (source, target) in SHAPES.items():
        t0 = time.process_time()
        zh = extract_zh(source)
        t1 = time.process_time()
        en = extract_en(target)
        t2 = time.process_time()
        analyse(source, target, exprs)
        t3 = time.process_time()
        print(f"{name:20} {t1 - t0:6.2f} {t2 - t1:6.2f} {t3 - t2:8.2f}  {len(zh)}/{len(en)}", flush=True)


if __name__ == "__main__":
    main()

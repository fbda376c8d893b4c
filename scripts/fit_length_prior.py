#!/usr/bin/env python3
"""Fit the length-ratio prior (rules/length.yaml: prior_median, prior_a, prior_b) on WMT newstest zh-en.

usage: python scripts/fit_length_prior.py [DATA_DIR]   (default ../shared/data/newstest)

r = log((English words + 0.5) / Chinese units) per segment (units as in transqa.checks.length).
prior_median: the median of the three yearly medians (documents differ: -0.27 to -0.43).
prior_a, prior_b: residuals from each file's own median are binned by units (half-octaves; bins of
30+ segments whose median is 8+ units: below that a few one-word lines dominate); a least-squares line MAD(bin)^2 = a + b / median_units(bin) gives the spread model
sigma(units) = 1.4826 * sqrt(a + b / units). Prints the constants and the tail counts they imply.
"""

from __future__ import annotations

import math
import statistics
import sys
from pathlib import Path

from transqa.checks.length import log_ratio, source_units, target_words


def main(data_dir: str = "../shared/data/newstest") -> None:
    files = sorted(Path(data_dir).glob("newstest*.zh-en.zh"))
    residuals, medians = [], []
    for zh in files:
        en = zh.with_suffix(".en")
        pairs = zip(zh.read_text(encoding="utf-8").splitlines(), en.read_text(encoding="utf-8").splitlines())
        rows = [(u, log_ratio(u, w)) for u, w in ((source_units(s), target_words(t)) for s, t in pairs)
                if u >= 3 and w > 0]
        median = statistics.median(r for _, r in rows)
        medians.append(median)
        residuals += [(u, r - median) for u, r in rows]
        print(f"{zh.name}: {len(rows)} segments, median log ratio {median:.3f}")
    bins: dict[int, list] = {}
    for u, e in residuals:
        bins.setdefault(int(2 * math.log2(u)), []).append((u, e))
    xs, ys = [], []
    for key in sorted(bins):
        rows = bins[key]
        if len(rows) >= 30 and statistics.median(u for u, _ in rows) >= 8:
            xs.append(1 / statistics.median(u for u, _ in rows))
            ys.append(statistics.median(abs(e) for _, e in rows) ** 2)
            print(f"  units ~{1 / xs[-1]:.0f}: {len(rows)} segments, MAD {ys[-1] ** 0.5:.3f}")
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    a = max(my - b * mx, 0.0005)
    prior = statistics.median(medians)
    print(f"prior_median: {prior:.3f}\nprior_a: {a:.4f}\nprior_b: {b:.3f}")
    for z in (2.5, 3.0, 3.5, 4.0):
        low = sum(1 for u, e in residuals if u >= 15 and e / (1.4826 * math.sqrt(a + b / u)) <= -z)
        high = sum(1 for u, e in residuals if u >= 15 and e / (1.4826 * math.sqrt(a + b / u)) >= z)
        print(f"|z| >= {z}: {low} short, {high} long of {len(residuals)} (own-median residuals)")


if __name__ == "__main__":
    main(*sys.argv[1:2])

"""How often is the encoding of a GB18030 or Big5 file guessed right? transqa's textio vs charset-normalizer.

Snippets of N characters from the Chinese side of newstest2019 and tico19 (converted to traditional
characters with OpenCC for Big5), encoded, then decoded without naming the encoding. Snippets that are
also valid UTF-8 (possible for one or two characters) are counted apart: strict UTF-8 comes first.

    /work/venv/bin/python benchmarks/encoding_detection.py [DATA_DIR]
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import opencc
from charset_normalizer import from_bytes

from transqa.errors import TransqaError
from transqa.textio import decode

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
LENGTHS = (2, 4, 10, 40, 200)


def lines() -> list[str]:
    out = []
    for name in ("newstest/newstest2019.zh-en.zh", "tico19/tico19-test.zh"):
        out += (DATA / name).read_text(encoding="utf-8").splitlines()
    return out


def main() -> None:
    corpus = lines()
    to_traditional = opencc.OpenCC("s2t")
    print(f"{'encoding':9} {'chars':>5} {'n':>5} {'transqa':>8} {'charset-normalizer':>19} {'utf-8-valid':>11}")
    for encoding in ("gb18030", "big5"):
        for length in LENGTHS:
            rng = random.Random(length)
            tally = Counter()
            for i in range(0, len(corpus) - 5, 3):
                joined = " ".join(corpus[i:i + 5])
                start = rng.randrange(max(1, len(joined) - length))
                text = joined[start:start + length]
                if encoding == "big5":
                    text = to_traditional.convert(text)
                try:
                    raw = text.encode(encoding)
                except UnicodeEncodeError:
                    continue
                if raw.isascii():
                    continue
                try:
                    raw.decode("utf-8")
                    tally["utf8"] += 1
                    continue
                except UnicodeDecodeError:
                    pass
                tally["n"] += 1
                try:
                    tally["transqa"] += decode(raw, "snippet").text == text
                except TransqaError:
                    pass
                best = from_bytes(raw, cp_isolation=["gb18030", "big5", "utf_8"]).best()
                tally["cn"] += best is not None and str(best) == text
            n = tally["n"]
            print(f"{encoding:9} {length:5} {n:5} {tally['transqa'] / n:8.1%} {tally['cn'] / n:19.1%} "
                  f"{tally['utf8']:11}")


if __name__ == "__main__":
    main()

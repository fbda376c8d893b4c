"""Dump everything the number analysis decides for each pair, to compare two versions of the code.

    /work/venv/bin/python benchmarks/numbers_identity.py OUT.jsonl SRC TGT [SRC TGT ...]

One JSON line per pair: repr of extract_zh(source), extract_en(target) with and without number words,
analyse() with and without the fixed expressions, and (for hostile input) each extractor on the other
side's text. Speed work must leave the file byte-identical; to compare with an older commit:

    git archive <commit> | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old/src python benchmarks/numbers_identity.py /tmp/old.jsonl A.zh A.en ...
    python benchmarks/numbers_identity.py /tmp/new.jsonl A.zh A.en ... && cmp /tmp/old.jsonl /tmp/new.jsonl

Set INDEXED_ABOVE=0 to send every segment through the indexed alignment (numbers/align_index.py).
"""

from __future__ import annotations

import json
import os
import sys

from transqa.numbers import analyse, compare, extract_en, extract_zh, load_expressions


def main(argv: list[str]) -> None:
    out_path, files = argv[0], argv[1:]
    if os.environ.get("INDEXED_ABOVE"):
        compare.INDEXED_ABOVE = int(os.environ["INDEXED_ABOVE"])
    exprs = load_expressions()
    with open(out_path, "w", encoding="utf-8") as out:
        for src_path, tgt_path in zip(files[::2], files[1::2]):
            with open(src_path, encoding="utf-8") as s, open(tgt_path, encoding="utf-8") as t:
                for source, target in zip(s.read().splitlines(), t.read().splitlines()):
                    record = [repr(extract_zh(source)), repr(extract_en(target)), repr(extract_en(target, False)),
                              repr(analyse(source, target, exprs)), repr(analyse(source, target)),
                              repr(extract_zh(target)), repr(extract_en(source))]
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])

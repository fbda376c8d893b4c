"""Inline tags (XLIFF/TMX placeholders) missing from, added to, or reordered in the target.

Readers put each inline tag as U+FFFC in the text and list the tags per side in
`segment.meta["tags"]` ({"key", "markup", "at"}; a bare string is taken as the key, and `at` defaults
to the n-th U+FFFC). Tags are compared by key (`<g1>`, `</g1>`, `<x2/>`): a key the source has more
often than the target is missing (reported at the source tag), one the target has more often is
extra, and of the shared tags those outside the longest common order are out of order. Segments
without tag information (plain text pairs) are not checked.
"""

from __future__ import annotations

from collections import Counter

from transqa.checks.base import check_type
from transqa.model import Hit

TAG_CHAR = "\ufffc"
PROBLEMS = ("missing", "extra", "order")


def _validate(options):
    if options["problem"] not in PROBLEMS:
        raise ValueError(f"problem must be one of {', '.join(PROBLEMS)}")


def _tags(segment, side: str) -> list[tuple[str, int]]:
    """(key, offset of its placeholder) for one side, in text order."""
    raw = (segment.meta.get("tags") or {}).get(side) or []
    text = segment.text(side)
    slots = [i for i, ch in enumerate(text) if ch == TAG_CHAR]
    out = []
    for n, tag in enumerate(raw):
        key = tag if isinstance(tag, str) else tag["key"]
        at = tag.get("at") if isinstance(tag, dict) else None
        if at is None or not 0 <= at < len(text):
            at = slots[n] if n < len(slots) else max(len(text) - 1, 0)
        out.append((key, at))
    return out


def _numbered(tags):
    seen: Counter = Counter()
    out = []
    for key, at in tags:
        seen[key] += 1
        out.append(((key, seen[key]), at))
    return out


def _lcs(a: list, b: list) -> set:
    """Items of `b` on one longest common subsequence of a and b."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    keep, i, j = set(), 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            keep.add(b[j])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return keep


@check_type("inline-tags", options={"problem": "missing"}, placeholders=("tag",), validate=_validate)
def inline_tags(segment, options, context):
    """Tags of the source missing in the target (`problem: missing`), tags only in the target
    (`extra`), or shared tags in another order (`order`)."""
    if not segment.meta.get("tags"):
        return ()
    return _tag_hits(segment, options["problem"])


def _tag_hits(segment, problem: str):
    source, target = _numbered(_tags(segment, "source")), _numbered(_tags(segment, "target"))
    src_ids, tgt_ids = {k for k, _ in source}, {k for k, _ in target}
    if problem == "missing":
        hits = [("source", key, at) for key, at in source if key not in tgt_ids]
    elif problem == "extra":
        hits = [("target", key, at) for key, at in target if key not in src_ids]
    else:
        shared_src = [k for k, _ in source if k in tgt_ids]
        shared_tgt = [k for k, _ in target if k in src_ids]
        kept = _lcs(shared_src, shared_tgt)
        hits = [("target", key, at) for key, at in target if key in src_ids and key not in kept]
    for side, (key, _), at in hits:
        yield Hit(side, at, at + 1, {"tag": key})

"""Document-scope consistency: a source term, a segment or a name rendered two ways in one document.

All are map/merge checks (see checks/base.py): `collect` keeps small records per segment, `finish`
groups them and reports the minority renderings, suggesting the dominant one (the most frequent; on a
tie, the one used first). Different sources with identical targets are the duplicate-translation
check's business (rules/repetition), not this module's.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

from transqa.checks.base import check_type, segments_at
from transqa.model import Hit
from transqa.terms import alternatives, find_rendering, fold, term_index
from transqa.textspans import HAN_RE, LATIN_LETTER_RE

_SPACE_RE = re.compile(r"\s+")


def _norm(text: str) -> str:
    """`_SPACE_RE.sub(" ", text).strip()`: str.split() splits on the characters `\\s` matches (both are
    Py_UNICODE_ISSPACE; tested over all code points), 5x faster than the regex."""
    return " ".join(text.split())


_BLAKE2B_8 = hashlib.blake2b(digest_size=8)  # copied per text: a third cheaper than a new blake2b(..., digest_size=8)


def stable_hash(text: str) -> int:
    """A 64-bit hash of `text`, the same in every process (records cross process boundaries under
    --jobs and dask, where Python's salted str hash differs); a collision is a 1 in 2**64 event.
    The 8-byte blake2b digest of the UTF-8 text (surrogates passed through), big-endian."""
    digest = _BLAKE2B_8.copy()
    digest.update(text.encode("utf-8", "surrogatepass"))
    return int.from_bytes(digest.digest(), "big")


_M64 = (1 << 64) - 1


def body_span(text: str) -> tuple[int, int]:
    """(start, end) of `text` without surrounding whitespace."""
    body = text.strip()
    start = text.index(body)
    return start, start + len(body)


def repeated_keys(keys: list[int], most: int | None = None) -> set[int]:
    """The keys met 2 to `most` times, found on a sorted copy: a pointer per record at the peak instead
    of a dict entry and a list per distinct key (at 200,000 pairs that list-per-key grouping was the
    run's peak RSS, +50 MB)."""
    found: set[int] = set()
    ordered = sorted(keys)
    run = 1
    for k in range(1, len(ordered) + 1):
        if k < len(ordered) and ordered[k] == ordered[k - 1]:
            run += 1
            continue
        if run >= 2 and (most is None or run <= most):
            found.add(ordered[k - 1])
        run = 1
    return found


def repeated_groups(records: list, keys: list[int]) -> dict[int, list]:
    """key -> the records (in order) of each key met twice or more; `keys[i]` is the key of `records[i]`.
    Most keys occur once and get no dict entry or list (CONS001's and REP004's finish peaks)."""
    shared = repeated_keys(keys)
    groups: dict[int, list] = defaultdict(list)
    for key, record in zip(keys, records):
        if key in shared:
            groups[key].append(record)
    return groups


READ_BATCH = 4096  # segments read at once by `with_segments` (their texts are alive only for that batch)


def with_segments(segments, groups, index_of, batch: int = READ_BATCH):
    """(group, index -> segment) for each group of records, in order: the segments of consecutive groups
    (`index_of(record)` is a record's document position) are read together, about `batch` at a time,
    and the mapping holds the segments of the group's batch only (use it before the next group)."""
    pending: list = []
    wanted: list[int] = []
    for group in groups:
        pending.append(group)
        wanted += map(index_of, group)
        if len(wanted) >= batch:
            read = segments_at(segments, wanted)
            yield from ((g, read) for g in pending)
            pending, wanted = [], []
    if pending:
        read = segments_at(segments, wanted)
        yield from ((g, read) for g in pending)


def _dominant(items):
    """items: (key, order) pairs; the most frequent key, ties broken by first use."""
    counts = Counter(k for k, _ in items)
    first = {}
    for key, order in items:
        first.setdefault(key, order)
    return max(counts, key=lambda k: (counts[k], -first[k]))


# --- segment-inconsistency -------------------------------------------------------------------------

@check_type("segment-inconsistency", scope="document", options={"min_chars": 4},
            placeholders=("first", "other"))
class SegmentInconsistency:
    """Identical source segments (ignoring surrounding and repeated whitespace) with different targets.

    The segments whose target differs from the dominant translation are reported, with that
    translation as suggestion. Sources shorter than `min_chars` or without letters are skipped.
    """

    reads_segments = True  # finish reads the segments whose source hash repeats (checks/base.py)

    @staticmethod
    def collect(index, segment, options, context):
        source = _source_of(segment)
        target = segment.target
        if len(source) < options["min_chars"] or not target or target.isspace():  # isspace: `not strip()`
            return ()
        if not (HAN_RE.search(source) or LATIN_LETTER_RE.search(source)):
            return ()
        # one int: the index and a 64-bit hash of the source; `finish` reads the segments again, only
        # those whose hash is met more than once
        return (index << 64 | stable_hash(source),)  # a tuple: no generator per segment

    @staticmethod
    def finish(records, options, context, segments):
        hashed = repeated_groups(records, [record & _M64 for record in records]).values()
        for group, read in with_segments(segments, hashed, _index_of):
            by_source: dict[str, list] = defaultdict(list)  # sources as written: a hash collision merges none
            for record in group:
                segment = read[record >> 64]
                by_source[_source_of(segment)].append(
                    (_norm(segment.target), record >> 64, segment.id, segment.target))
            for same in by_source.values():
                yield from _inconsistent(same)


def _source_of(segment) -> str:
    """What CONS001 compares: the source with whitespace runs as one space, and a PO plural form's number."""
    source = _norm(segment.source)
    if "plural" in segment.meta:  # PO plural forms: Chinese has one form, English several
        source += f"\x00{segment.meta['plural']}"
    return source


def _index_of(record: int) -> int:
    return record >> 64


def _inconsistent(group):
    """Hits for the targets that differ from the dominant one; group: (normalised target, index, id,
    target) of segments with one source, in document order."""
    if len({r[0] for r in group}) < 2:
        return
    best = _dominant([(r[0], r[1]) for r in group])
    first = next(r for r in group if r[0] == best)
    for target, index, _, text in group:
        if target != best:
            yield Hit("target", *body_span(text), {"first": first[2], "other": best},
                      suggestion=best, segment=index)


# --- term-inconsistent -----------------------------------------------------------------------------

_QUOTE_SRC = re.compile(r"“([^“”]{2,80})”|「([^「」]{2,80})」")
_QUOTE_TGT = re.compile(r"“([^“”]{2,200})”|\"([^\"]{2,200})\"")


def _quotes(regex, text):
    return [(m.start(m.lastindex), m.end(m.lastindex), m.group(m.lastindex)) for m in regex.finditer(text)]


_STEM = re.compile(r"(?:'s|s'|ies|es|s|ing|ed|e)$")
_MAX_QUOTE_WORDS = 8


def _tgt_key(text: str) -> str:
    """Case, spacing and inflection do not make a different rendering (`tour`/`tours`, `reduce`/`reducing`)."""
    words = re.findall(r"[\w']+", fold(text))
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    return " ".join(_STEM.sub("", w) if len(w) > 3 else w for w in words)


def _quote_pairs(source: str, target: str):
    """Source quoted phrases paired in order with the target's, only when the pairing is unambiguous:
    exactly one on each side (word order moves quotes around), straight quotes balanced, short target phrases."""
    if not (("“" in source or "「" in source) and ("“" in target or '"' in target)):
        return []  # no quote on one side (nearly every segment): the regexes cannot find one there
    src, tgt = _quotes(_QUOTE_SRC, source), _quotes(_QUOTE_TGT, target)
    if len(src) != 1 or len(tgt) != 1 or target.count('"') % 2:
        return []
    if any(not HAN_RE.search(s) for _, _, s in src):
        return []
    if any(len(t.split()) > _MAX_QUOTE_WORDS or not LATIN_LETTER_RE.search(t) for _, _, t in tgt):
        return []
    return [(s, t) for (_, _, s), t in zip(src, tgt)]


@check_type("term-inconsistent", scope="document", options={"learn_quotes": True, "all_entries": False},
            placeholders=("term", "preferred", "first"))
class TermInconsistent:
    """One source term rendered two ways in one document.

    Glossary entries marked `consistent: true` (their approved renderings are alternatives; house
    style is to pick one), or with `all_entries` every entry with two or more renderings that are not
    acronyms (a full name and its acronym are meant to alternate). With `learn_quotes`, renderings
    learned from the document itself: a segment with exactly one quoted phrase in the source (“…”,
    「…」) and one in the target pairs them, and the same source phrase quoted with a different target
    phrase elsewhere is reported (case, articles and inflection do not count as different).
    """

    @staticmethod
    def collect(index, segment, options, context):
        target = segment.target
        if not target or target.isspace():  # `not target.strip()`, without a copy
            return ()
        found = []  # a list, not a generator per segment
        terms = term_index(context)
        if len(terms) and terms.may_have_alternatives(segment.source, options["all_entries"]):
            folded = fold(target)
            seen = set()
            for hit in terms.source_hits(segment.source):
                term = hit.term
                renderings = alternatives(term.target, term.consistent, options["all_entries"])
                if len(renderings) < 2 or id(term) in seen:
                    continue
                seen.add(id(term))
                places = sorted(((s, -e), r) for r in renderings for s, e in find_rendering(target, folded, r))
                if places:
                    (start, neg_end), rendering = places[0]  # leftmost, then longest
                    end = -neg_end
                    found.append(("term", f"{term.glossary}\x1f{term.source[0]}", hit.pattern, rendering,
                                  index, segment.id, start, end, rendering))
        if options["learn_quotes"]:
            for s, (start, end, t) in _quote_pairs(segment.source, target):
                found.append(("quote", _norm(s), _norm(s), _tgt_key(t), index, segment.id, start, end, _norm(t)))
        return found

    @staticmethod
    def finish(records, options, context):
        groups = defaultdict(list)
        for record in records:
            groups[record[:2]].append(record)
        for group in groups.values():
            if len({r[3] for r in group}) < 2:
                continue
            best = _dominant([(r[3], r[4]) for r in group])
            first = next(r for r in group if r[3] == best)
            for _, _, term, rendering, index, _, start, end, _ in group:
                if rendering != best:
                    yield Hit("target", start, end, {"term": term, "preferred": first[8], "first": first[5]},
                              suggestion=first[8], segment=index)

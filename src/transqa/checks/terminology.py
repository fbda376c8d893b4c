"""Glossary checks on one segment: a source term without an approved rendering, a forbidden rendering.

The run's glossaries (shipped first, then config `glossaries:`, then `--glossary`) are compiled once
per run into a `TermIndex` (see transqa.terms). Which entries a rule covers is a rule option, so the
YAML can give client glossaries and official names a higher severity than reference terms.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from transqa.checks.base import check_type
from transqa.glossary import KINDS
from transqa.model import Hit
from transqa.terms import find_rendering, fold, is_shipped, leftmost_longest, term_index

ORIGINS = ("all", "shipped", "user")
# A term followed (within six characters, no punctuation or function word such as 和/的/在) by one of
# these heads a longer name whose English often drops it: 美国疾控中心 `the CDC`, 美国环保局 `the EPA`,
# 美国康奈尔大学 `Cornell University`, 美国北达科他州 `North Dakota`, 美国当地时间 `local time`.
_NAME_HEAD = re.compile(r"(?:(?![和与及或同跟的在对向把被从为是了将也都又])[\u4e00-\u9fff]){1,6}?"
                        r"(?:中心|局|署|部(?![分署门])|委员会|办公室|公司|集团|银行|交易所|学会|协会|基金会|联盟|"
                        r"大学|学院|研究院|研究所|医院|法院|议会|国会|电视台|通讯社|日报|网(?![络上民友页])|州|省)"
                        r"|当地时间")
_IGNORABLE = set(" \t·、，,.-—()（）“”\"'《》的")


def _validate(options):
    bad = [k for k in options["shipped_kinds"] if k not in KINDS]
    if bad:
        raise ValueError(f"unknown kind {bad[0]!r} in 'shipped_kinds' (kinds: {', '.join(KINDS)})")
    if options["origin"] not in ORIGINS:
        raise ValueError(f"'origin' must be one of {', '.join(ORIGINS)}")


def _target_index(segment, context):
    """The run's compiled glossary index, or None when the target is blank or no glossary is loaded."""
    if not segment.target.strip():
        return None
    index = term_index(context)
    return index if len(index) else None


def _covers(term, options) -> bool:
    """Entries of user glossaries always count (a client's glossary is authoritative); entries of the
    shipped reference glossaries only if their kind is in `shipped_kinds` (empty = every kind)."""
    shipped = is_shipped(term)
    if options["origin"] != "all" and (options["origin"] == "shipped") != shipped:
        return False
    return not shipped or not options["shipped_kinds"] or term.kind in options["shipped_kinds"]


def _rendered(term, target: str, folded: str) -> bool:
    return any(find_rendering(target, folded, r) for r in term.target)


def _composed(hit, all_hits, target: str, folded: str, source: str) -> bool:
    """True when smaller glossary terms cover the hit and each is rendered (局长 + 国家知识产权局 for
    国家知识产权局局长 rendered `CNIPA ... Commissioner`)."""
    inner = [(h.start, h.end, h) for h in all_hits
             if hit.start <= h.start and h.end <= hit.end and (h.start, h.end) != (hit.start, hit.end)]
    parts = [h for _, _, h in leftmost_longest(inner)]
    if not parts:
        return False
    covered = set()
    for part in parts:
        covered.update(range(part.start, part.end))
    gaps = [source[i] for i in range(hit.start, hit.end) if i not in covered]
    return all(c in _IGNORABLE for c in gaps) and all(_rendered(p.term, target, folded) for p in parts)


def _heads_a_name(source: str, hit) -> bool:
    return _NAME_HEAD.match(source, hit.end) is not None


_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


_SPELLING_VARIANTS = ((re.compile(r"is(ation|e|ed|es|ing)\b"), r"iz\1"), (re.compile(r"our\b"), "or"),
                      (re.compile(r"tre\b"), "ter"), (re.compile(r"ence\b"), "ense"))


def _us_spelling(word: str) -> str:
    for pattern, replacement in _SPELLING_VARIANTS:
        word = pattern.sub(replacement, word)
    return word


def _misspelt(word: str, wanted: str, min_similarity: float) -> bool:
    """One word that looks like a typo of another (`untied`/`united`, `shanghi`/`shanghai`,
    `trumpf`/`trump`), not another form of it (`secretariat`/`secretary`, `regulatory`/`regulation`,
    `chairmen`/`chairman`, `Organisation`/`Organization`)."""
    from difflib import SequenceMatcher

    word, wanted = word.replace(".", ""), wanted.replace(".", "")
    if word == wanted or word[:1] != wanted[:1] or abs(len(word) - len(wanted)) > 2 or min(len(word), len(wanted)) < 5:
        return False
    if _us_spelling(word) == _us_spelling(wanted) or word.replace("men", "man") == wanted.replace("men", "man"):
        return False
    prefix = len(os.path.commonprefix([word, wanted]))
    suffix = len(os.path.commonprefix([word[prefix:][::-1], wanted[prefix:][::-1]]))
    if suffix == 0:  # the words differ at the end: an inflection or derivation unless one letter is tacked on
        longer, shorter = (word, wanted) if len(word) > len(wanted) else (wanted, word)
        return len(longer) == len(shorter) + 1 and longer.startswith(shorter) and longer[-1] not in "sdyn"
    return SequenceMatcher(None, word, wanted).ratio() >= min_similarity


class _Words:
    """A target's words (lower case, final dot dropped): the set first, the spans only when needed."""

    __slots__ = ("target", "_vocab", "_spans")

    def __init__(self, target: str):
        self.target, self._vocab, self._spans = target, None, None

    @property
    def vocab(self) -> set[str]:
        if self._vocab is None:
            self._vocab = {w.lower().rstrip(".") for w in _WORD.findall(self.target)}
        return self._vocab

    @property
    def spans(self) -> list[tuple[int, int, str]]:
        if self._spans is None:
            self._spans = [(m.start(), m.end(), m.group().lower().rstrip(".")) for m in _WORD.finditer(self.target)]
        return self._spans


@lru_cache(maxsize=8192)
def _wanted(rendering: str) -> tuple[str, ...]:
    return tuple(w.rstrip(".") for w in rendering.lower().split())


def _near_misses(term, target: str, min_similarity: float, words: _Words | None = None):
    """(start, end, text) of target word windows that are an approved rendering with exactly one word
    misspelt (`Untied States`, `Shanghi`, `Trumpf`) and are not an accepted form (plural, possessive,
    adjective) of any rendering. Only renderings with exactly one word absent from the target are
    tried, and only at target words that could be that word misspelt (cheap filters first)."""
    words = _Words(target) if words is None else words
    vocab = words.vocab
    for rendering in term.target:
        wanted = _wanted(rendering)
        absent = [k for k, w in enumerate(wanted) if w not in vocab]
        if len(absent) != 1:
            continue
        k, bad = absent[0], wanted[absent[0]]
        spans = words.spans
        for i, (_, _, word) in enumerate(spans):
            first = i - k
            if word[:1] != bad[:1] or abs(len(word) - len(bad)) > 2 or first < 0 \
                    or first + len(wanted) > len(spans):
                continue
            window = [w for _, _, w in spans[first:first + len(wanted)]]
            if any(a != b for j, (a, b) in enumerate(zip(window, wanted)) if j != k) \
                    or not _misspelt(word, bad, min_similarity):
                continue
            start, end = spans[first][0], spans[first + len(wanted) - 1][1]
            text = target[start:end].rstrip(".")
            if not _rendered(term, text, fold(text)):
                yield start, start + len(text), text


def _near_miss(term, target: str) -> bool:
    return next(_near_misses(term, target, 0.8), None) is not None


@check_type("term-misspelled", options={"shipped_kinds": [], "origin": "all", "min_similarity": 0.8},
            placeholders=("term", "preferred", "glossary", "kind"), validate=_validate)
def term_misspelled(segment, options, context):
    """A glossary term is in the source and the target has a misspelt form of an approved rendering
    (`Untied States`, `Shanghi`, `Trumpf`), even when another occurrence is rendered correctly."""
    target = segment.target
    index = _target_index(segment, context)
    if index is None:
        return
    seen = set()
    words = None
    for hit in index.source_hits(segment.source):
        term = hit.term
        if id(term) in seen or not _covers(term, options):
            continue
        seen.add(id(term))
        words = _Words(target) if words is None else words
        for start, end, _ in _near_misses(term, target, options["min_similarity"], words):
            if term.forbidden and any(find_rendering(target, fold(target), f) for f in term.forbidden):
                break  # term-forbidden reports it
            yield Hit("target", start, end, {"term": hit.pattern, "preferred": term.preferred,
                                             "glossary": term.glossary, "kind": term.kind},
                      suggestion=term.preferred)
            break


@check_type("term-missing", options={"shipped_kinds": [], "origin": "all", "compose": True,
                                     "skip_name_heads": True},
            placeholders=("term", "preferred", "renderings", "glossary", "kind"), validate=_validate)
def term_missing(segment, options, context):
    """A glossary source term occurs in the source and none of its approved renderings is in the target.

    One hit per term and segment, on the source span. Not reported when the target contains one of the
    term's forbidden renderings (term-forbidden reports that), nor when smaller glossary terms that
    make up the matched term are each rendered (`compose`), nor (`skip_name_heads`) when the term
    begins a longer name that English commonly shortens (美国疾控中心 `the CDC`, 美国康奈尔大学
    `Cornell University`, 美国北达科他州 `North Dakota`).
    """
    index = _target_index(segment, context)
    if index is None:
        return
    all_hits = index.all_source_hits(segment.source)
    if not all_hits:
        return
    target = segment.target
    folded = fold(target)
    seen = set()
    near: dict[int, bool] = {}  # per term, not per occurrence: 7,000 occurrences made this quadratic

    def near_miss(term) -> bool:
        if id(term) not in near:
            near[id(term)] = _near_miss(term, target)
        return near[id(term)]

    for hit in index.source_hits(segment.source, all_hits):
        term = hit.term
        if id(term) in seen or not _covers(term, options):
            continue
        if options["skip_name_heads"] and _heads_a_name(segment.source, hit) \
                and (_rendered(term, target, folded) or not near_miss(term)):
            continue  # this occurrence may be dropped (unless misspelt); a later one may not
        seen.add(id(term))
        if _rendered(term, target, folded):
            continue
        if any(find_rendering(target, folded, f) for f in term.forbidden):
            continue
        if options["compose"] and _composed(hit, all_hits, target, folded, segment.source):
            continue
        yield Hit("source", hit.start, hit.end,
                  {"term": hit.pattern, "preferred": term.preferred, "renderings": " / ".join(term.target),
                   "glossary": term.glossary, "kind": term.kind},
                  suggestion=term.preferred)


@check_type("term-forbidden", options={"shipped_kinds": [], "origin": "all", "require_source": True},
            placeholders=("term", "preferred", "glossary", "kind"), validate=_validate)
def term_forbidden(segment, options, context):
    """A forbidden rendering of a glossary term occurs in the target; the suggestion is the preferred one.

    With `require_source` (default) only the forbidden renderings of terms found in the source count,
    and a forbidden string inside an approved rendering of a term in the source (`former SIPO` approved
    for 原国家知识产权局) is not reported.
    """
    target = segment.target
    index = _target_index(segment, context)
    if index is None:
        return
    if options["require_source"]:
        hits = index.source_hits(segment.source)
        if not any(h.term.forbidden for h in hits):
            return
        folded = fold(target)
        terms = list({id(h.term): (h.pattern, h.term) for h in hits}.values())
        candidates = [(start, end, (pattern, term)) for pattern, term in terms for forbidden in term.forbidden
                      for start, end in find_rendering(target, folded, forbidden)]
        if candidates:  # not inside an approved rendering of a term in the source (`former SIPO`)
            approved = [span for _, term in terms for r in term.target for span in find_rendering(target, folded, r)]
            candidates = [c for c in candidates if not any(a <= c[0] and c[1] <= b for a, b in approved)]
        found = leftmost_longest(candidates)
    else:
        found = [(s, e, (t.source[0], t)) for s, e, _, t in index.forbidden_hits(target)]
    for start, end, (pattern, term) in found:
        if not _covers(term, options):
            continue
        yield Hit("target", start, end, {"term": pattern, "preferred": term.preferred,
                                         "glossary": term.glossary, "kind": term.kind},
                  suggestion=term.preferred)

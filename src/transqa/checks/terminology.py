"""Glossary checks on one segment: a source term without an approved rendering, a forbidden rendering.

The run's glossaries (shipped first, then config `glossaries:`, then `--glossary`) are compiled once
per run into a `TermIndex` (see transqa.terms). Which entries a rule covers is a rule option, so the
YAML can give client glossaries and official names a higher severity than reference terms.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache

from transqa.checks.base import check_type
from transqa.glossary import KINDS
from transqa.checks.term_renderings import (inverted, rendered_here, renders_whole, us_spelling,
                                            user_terms_inside)
from transqa.model import Hit
from transqa.terms import find_rendering, fold, is_shipped, is_shipped_path, leftmost_longest, term_index

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


class _Run:
    """Per run: the compiled glossary index (None when no glossary is loaded) and the targets seen
    lately (see _Target)."""

    __slots__ = ("index", "targets", "users")

    def __init__(self, index, users: bool = False):
        self.index = index if len(index) else None
        self.users = users  # a user glossary is loaded: its terms inside longer ones are checked too
        self.targets: dict[str, _Target] = {}

    def target(self, text: str) -> _Target:
        view = self.targets.get(text)
        if view is None:
            if len(self.targets) >= _TARGETS_KEPT:
                self.targets.clear()
            view = self.targets[text] = _Target(text)
        return view


# The engine runs rule by rule over chunks of 2,000 segments (engine.CHUNK_SEGMENTS): keeping the views
# of the last 2,048 targets lets the four TERM rules of a chunk share one view per target (views are only
# made for targets whose source has a glossary term: a few KB each, ~6 KB with a term in every segment).
_TARGETS_KEPT = 2048
_LAST: list = [None, None, None]  # weakref to the last context, its glossaries, its _Run


def _run_state(context) -> _Run:
    """This run's _Run: four rules ask for it on every segment, so the last one is kept at hand."""
    last = _LAST
    if last[0] is not None and last[0]() is context and last[1] is context.glossaries:
        return last[2]
    state = context.memo(("transqa.checks.terminology", id(context.glossaries)),
                         lambda: _Run(term_index(context),
                                      any(not is_shipped_path(g.path) for g in context.glossaries)))
    last[:] = weakref.ref(context), context.glossaries, state
    return state


def _target_index(segment, context):
    """The run's compiled glossary index, or None when the target is blank or no glossary is loaded."""
    target = segment.target
    if not target or target.isspace():  # `not target.strip()` without a copy
        return None
    return _run_state(context).index


class _Target:
    """One target's folded and lower-case forms, words, and the spans of each rendering looked up in it,
    computed once and shared by the TERM rules of a segment."""

    __slots__ = ("text", "_folded", "_lower", "_words", "_found", "_has")

    def __init__(self, text: str):
        self.text, self._folded, self._lower, self._words = text, None, None, None
        self._found: dict[str, list[tuple[int, int]]] = {}
        self._has: dict[str, bool] = {}

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def words(self) -> _Words:
        if self._words is None:
            self._words = _Words(self.text)
        return self._words

    def find(self, rendering: str) -> list[tuple[int, int]] | tuple:
        """find_rendering(text, fold(text), rendering), remembered (callers only read it; () if none)."""
        spans = self._found.get(rendering)
        if spans is None:
            spans = self._found[rendering] = find_rendering(self.text, self.folded, rendering) or ()
        return spans

    def rendered(self, term) -> bool:
        return any(self.find(r) for r in term.target)

    def has_word(self, word: str) -> bool:
        """`word in self.words.vocab`, mostly found without splitting the target into words."""
        known = self._has.get(word)
        if known is None:
            known = self._has[word] = self._has_word(word)
        return known

    def _has_word(self, word: str) -> bool:
        text, lower = self.text, self.lower
        if len(lower) != len(text):  # lower case moved the offsets (`İ`): look in the words
            return word in self.words.vocab
        if not _VOCAB_WORD.fullmatch(word):
            return False
        # A word of the vocabulary is a run of [A-Za-z'’.-] from its first letter, final dots dropped.
        n, size = len(word), len(text)
        at = lower.find(word)
        while at >= 0:
            if _TOKEN_CHARS.fullmatch(text, at, at + n):
                before = at - 1
                while before >= 0 and text[before] in "'’.-":
                    before -= 1
                if before < 0 or text[before] not in _ASCII_LETTERS:
                    after = at + n
                    while after < size and text[after] == ".":
                        after += 1
                    if after == size or text[after] not in _TOKEN_CHAR_SET:
                        return True
            at = lower.find(word, at + 1)
        return False


def _covers(term, options) -> bool:
    """Entries of user glossaries always count (a client's glossary is authoritative); entries of the
    shipped reference glossaries only if their kind is in `shipped_kinds` (empty = every kind)."""
    shipped = is_shipped(term)
    if options["origin"] != "all" and (options["origin"] == "shipped") != shipped:
        return False
    return not shipped or not options["shipped_kinds"] or term.kind in options["shipped_kinds"]


def _rendered(term, target: str, folded: str) -> bool:
    return any(find_rendering(target, folded, r) for r in term.target)


def _composed(hit, all_hits, view: _Target, source: str) -> bool:
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
    return all(c in _IGNORABLE for c in gaps) and all(view.rendered(p.term) for p in parts)


def _heads_a_name(source: str, hit) -> bool:
    return _NAME_HEAD.match(source, hit.end) is not None


_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_TOKEN_CHARS = re.compile(r"[A-Za-z'’.-]*")
_VOCAB_WORD = re.compile(r"[a-z](?:[a-z'’.-]*[a-z'’-])?")  # lower case, no final dot
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_TOKEN_CHAR_SET = _ASCII_LETTERS | frozenset("'’.-")


def _misspelt(word: str, wanted: str, min_similarity: float) -> bool:
    """One word that looks like a typo of another (`untied`/`united`, `shanghi`/`shanghai`,
    `trumpf`/`trump`), not another form of it (`secretariat`/`secretary`, `regulatory`/`regulation`,
    `chairmen`/`chairman`, `Organisation`/`Organization`)."""
    word, wanted = word.replace(".", ""), wanted.replace(".", "")
    if word == wanted or word[:1] != wanted[:1] or abs(len(word) - len(wanted)) > 2 or min(len(word), len(wanted)) < 5:
        return False
    shorter = min(len(word), len(wanted))
    prefix = 0  # os.path.commonprefix of the two, and of what follows it read backwards, spelt out
    while prefix < shorter and word[prefix] == wanted[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shorter - prefix and word[-1 - suffix] == wanted[-1 - suffix]:
        suffix += 1
    if suffix == 0:  # the words differ at the end: an inflection or derivation unless one letter is tacked on
        longer, shorter = (word, wanted) if len(word) > len(wanted) else (wanted, word)
        if not (len(longer) == len(shorter) + 1 and longer.startswith(shorter) and longer[-1] not in "sdyn"):
            return False  # decided before the spelling variants below (the usual case, and the cheap one)
    if us_spelling(word) == us_spelling(wanted) or word.replace("men", "man") == wanted.replace("men", "man"):
        return False
    if suffix == 0:
        return True
    from difflib import SequenceMatcher

    return SequenceMatcher(None, word, wanted).ratio() >= min_similarity


class _Words:
    """A target's words (lower case, final dot dropped), found once: the list, the set, and their spans
    only for a word window that is reported."""

    __slots__ = ("target", "words", "_vocab", "_spans", "_candidates")

    def __init__(self, target: str):
        tokens = _WORD.findall(target)  # its letters are ASCII: lower case joined is lower case per token
        self.target = target
        self.words = [w.rstrip(".") for w in " ".join(tokens).lower().split(" ")] if tokens else []
        self._vocab, self._spans, self._candidates = None, None, {}

    @property
    def vocab(self) -> set[str]:
        if self._vocab is None:
            self._vocab = set(self.words)
        return self._vocab

    def span(self, i: int) -> tuple[int, int]:
        """(start, end) of word `i` in the target."""
        if self._spans is None:
            self._spans = [m.span() for m in _WORD.finditer(self.target)]
        return self._spans[i]

    def candidates(self, letter: str, shortest: int, longest: int) -> list[int]:
        """Positions in `words` of the words beginning with `letter` with a length in the range, in order."""
        key = (letter, shortest, longest)
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = [i for i, word in enumerate(self.words)
                                             if word[0] == letter and shortest <= len(word) <= longest]
        return found


@lru_cache(maxsize=8192)
def _wanted(rendering: str) -> tuple[str, ...]:
    return tuple(w.rstrip(".") for w in rendering.lower().split())


@lru_cache(maxsize=8192)
def _typo_plans(renderings: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], tuple[bool, ...]], ...]:
    """(words, per word: 5+ letters without dots) of each rendering that can have exactly one word
    absent from a target and that word of 5+ letters (only such a word can be the misspelt one,
    `_misspelt`): not a rendering without a word that long, nor one with two words that are never a
    target word (`19th`, `G20`: digits), nor with one such word shorter than 5 letters."""
    plans = []
    for rendering in renderings:
        wanted = _wanted(rendering)
        sized = tuple(len(w.replace(".", "")) >= 5 for w in wanted)
        never = [j for j, w in enumerate(wanted) if not _VOCAB_WORD.fullmatch(w)]
        if any(sized) and len(never) < 2 and all(sized[j] for j in never):
            plans.append((wanted, sized))
    return tuple(plans)


def _near_misses(term, view: _Target, min_similarity: float):
    """(start, end, text) of target word windows that are an approved rendering with exactly one word
    misspelt (`Untied States`, `Shanghi`, `Trumpf`) and are not an accepted form (plural, possessive,
    adjective) of any rendering. Only renderings with exactly one word absent from the target are
    tried (found without splitting the target into words), and only at target words that could be
    that word misspelt (cheap filters first)."""
    target = view.text
    for wanted, sized in _typo_plans(term.target):
        # exactly one word absent from the target, and one of 5+ letters (_misspelt needs them): the long
        # words first (the rendering is usually there, and its long words are rarely inside others)
        k, two = None, False
        for j, w in enumerate(wanted):
            if sized[j] and not view.has_word(w):
                two = k is not None
                if two:
                    break
                k = j
        if k is None or two or not all(sized[j] or view.has_word(w) for j, w in enumerate(wanted)):
            continue
        bad = wanted[k]
        words = view.words
        seq = words.words
        for i in words.candidates(bad[:1], max(5, len(bad) - 2), len(bad) + 2):
            word = seq[i]
            first = i - k
            if first < 0 or first + len(wanted) > len(seq):
                continue
            window = seq[first:first + len(wanted)]
            if any(a != b for j, (a, b) in enumerate(zip(window, wanted)) if j != k) \
                    or not _misspelt(word, bad, min_similarity):
                continue
            start, end = words.span(first)[0], words.span(first + len(wanted) - 1)[1]
            text = target[start:end].rstrip(".")
            if not _rendered(term, text, fold(text)):
                yield start, start + len(text), text


def _near_miss(term, view: _Target) -> bool:
    return next(_near_misses(term, view, 0.8), None) is not None


@check_type("term-misspelled", options={"shipped_kinds": [], "origin": "all", "min_similarity": 0.8},
            placeholders=("term", "preferred", "glossary", "kind"), validate=_validate)
def term_misspelled(segment, options, context):
    """A glossary term is in the source and the target has a misspelt form of an approved rendering
    (`Untied States`, `Shanghi`, `Trumpf`), even when another occurrence is rendered correctly."""
    index = _target_index(segment, context)
    if index is None:
        return ()
    hits = index.source_hits(segment.source)
    if not hits:
        return ()  # not a generator: nothing to create for the usual segment
    return _misspelled(segment, hits, options, context)


def _misspelled(segment, hits, options, context):
    view = _run_state(context).target(segment.target)
    seen = set()
    for hit in hits:
        term = hit.term
        if id(term) in seen or not _covers(term, options):
            continue
        seen.add(id(term))
        for start, end, _ in _near_misses(term, view, options["min_similarity"]):
            if term.forbidden and any(view.find(f) for f in term.forbidden):
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

    A user glossary's term inside a longer matched term (中共中央 in 中共中央总书记) is checked too,
    unless a rendering of the longer term stands whole in the target (see renders_whole). An acronym
    rendering in brackets after a name it abbreviates counts only if that name is approved (see
    rendered_here): `World Health Organisation Agency (WHO)` does not render 世界卫生组织.
    """
    index = _target_index(segment, context)
    if index is None:
        return ()
    all_hits = index.all_source_hits(segment.source)
    if not all_hits:
        return ()  # not a generator: nothing to create for the usual segment
    return _missing(segment, index, all_hits, options, context)


def _missing(segment, index, all_hits, options, context):
    state = _run_state(context)
    view = state.target(segment.target)
    seen = set()
    near: dict[int, bool] = {}  # per term, not per occurrence: 7,000 occurrences made this quadratic

    def near_miss(term) -> bool:
        if id(term) not in near:
            near[id(term)] = _near_miss(term, view)
        return near[id(term)]

    selected = index.source_hits(segment.source, all_hits)
    nested = state.users and len(all_hits) > len(selected)
    for hit in selected:
        term, settled = hit.term, False  # settled: reported, or its wrong rendering or omission allowed
        if id(term) not in seen and _covers(term, options):
            if options["skip_name_heads"] and _heads_a_name(segment.source, hit) \
                    and (view.rendered(term) or not near_miss(term)):
                settled = True  # this occurrence may be dropped (unless misspelt); a later one may not
            else:
                seen.add(id(term))
                if not rendered_here(term, view) and not any(view.find(f) for f in term.forbidden) \
                        and not (options["compose"] and _composed(hit, all_hits, view, segment.source)) \
                        and not inverted(term, view):
                    settled = True
                    yield _missing_hit(hit)
        if nested and not settled and not any(view.find(f) for f in term.forbidden):
            # (a forbidden rendering of the longer term: term-forbidden reports it, and that covers the rest)
            whole = None
            for inner in user_terms_inside(hit, all_hits):
                if id(inner.term) in seen or not _covers(inner.term, options):
                    continue
                if whole is None:
                    whole = renders_whole(hit, all_hits, view)
                if whole:
                    continue  # (not seen: another occurrence of the inner term, on its own, is checked)
                seen.add(id(inner.term))
                if not rendered_here(inner.term, view) and not any(view.find(f) for f in inner.term.forbidden) \
                        and not inverted(inner.term, view):
                    yield _missing_hit(inner)


def _missing_hit(hit) -> Hit:
    term = hit.term
    return Hit("source", hit.start, hit.end,
               {"term": hit.pattern, "preferred": term.preferred, "renderings": " / ".join(term.target),
                "glossary": term.glossary, "kind": term.kind},
               suggestion=term.preferred)


@check_type("term-forbidden", options={"shipped_kinds": [], "origin": "all", "require_source": True},
            placeholders=("term", "preferred", "glossary", "kind"), validate=_validate)
def term_forbidden(segment, options, context):
    """A forbidden rendering of a glossary term occurs in the target; the suggestion is the preferred one.

    With `require_source` (default) only the forbidden renderings of terms found in the source count
    (a user glossary's term inside a longer matched term included), and a forbidden string inside an
    approved rendering of a term in the source (`former SIPO` approved for 原国家知识产权局) is not
    reported.
    """
    index = _target_index(segment, context)
    if index is None:
        return ()
    if options["require_source"]:
        hits = index.source_hits(segment.source)
        if hits and _run_state(context).users:  # with the user terms inside longer ones
            all_hits = index.all_source_hits(segment.source)
            if len(all_hits) > len(hits):
                hits = hits + [inner for hit in hits for inner in user_terms_inside(hit, all_hits)]
        if not hits or not any(h.term.forbidden for h in hits):
            return ()  # not a generator: nothing to create for the usual segment
        view = _run_state(context).target(segment.target)
        terms = list({id(h.term): (h.pattern, h.term) for h in hits}.values())
        candidates = [(start, end, (pattern, term)) for pattern, term in terms for forbidden in term.forbidden
                      for start, end in view.find(forbidden)]
        if candidates:  # not inside an approved rendering of a term in the source (`former SIPO`)
            approved = [span for _, term in terms for r in term.target for span in view.find(r)]
            candidates = [c for c in candidates if not any(a <= c[0] and c[1] <= b for a, b in approved)]
        found = leftmost_longest(candidates)
    else:
        found = [(s, e, (t.source[0], t)) for s, e, _, t in index.forbidden_hits(segment.target)]
    return [Hit("target", start, end, {"term": pattern, "preferred": term.preferred,
                                       "glossary": term.glossary, "kind": term.kind},
                suggestion=term.preferred)
            for start, end, (pattern, term) in found if _covers(term, options)]

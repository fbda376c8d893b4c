"""Which target text counts as a term's rendering, beyond finding an approved rendering in it.

Used by term-missing (checks/terminology.py): an acronym in brackets after a name it abbreviates
(`World Health Organisation Agency (WHO)`), a name with its head first (`Central Committee of the CPC`),
and a user glossary's term inside a longer matched term (中共中央 in 中共中央总书记), which the longer
term's rendering covers only where it stands whole (`General Secretary`, not `General Secretary of the
Chinese Politburo`). British and American spellings count as one (`us_spelling`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from transqa.terms import fold, is_shipped, leftmost_longest

_SPELLING_VARIANTS = ((re.compile(r"is(ation|e|ed|es|ing)\b"), r"iz\1"), (re.compile(r"our\b"), "or"),
                      (re.compile(r"tre\b"), "ter"), (re.compile(r"ence\b"), "ense"))


def us_spelling(word: str) -> str:
    for pattern, replacement in _SPELLING_VARIANTS:
        word = pattern.sub(replacement, word)
    return word


# An acronym in brackets abbreviates the name just before it: `World Health Organisation Agency (WHO)`
# names an agency, whatever the acronym. The name: capitalised words, with of/the/for/and/... inside.
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.&-]*[ \t]+(?:(?:of|the|for|and|on|in|de)[ \t]+)*)*[A-Z][\w'’.&-]*"
                          r"[ \t]*\($")
_SMALL_WORDS = frozenset(("of", "the", "for", "and", "on", "in", "de"))


def rendered_here(term, view) -> bool:
    """view.rendered(term), except that an acronym in brackets after a name that its letters abbreviate
    makes that name the rendering: it counts only if the name ends with an approved full rendering
    (British or American spelling), and a rendering inside a name that does not (`World Health
    Organization Agency (WHO)`) does not count either. See also inverted."""
    if not view.rendered(term):
        return False
    text = view.text
    if "(" not in text:
        return True
    wrong = [name for r in _acronym_renderings(term.target) if "(" + r[:1] in text for start, _ in view.find(r)
             if (name := _misnamed(term, text, start, r))]
    return not wrong or any(not any(a <= s and e <= b for a, b in wrong) for r in term.target for s, e in view.find(r))


@lru_cache(maxsize=8192)
def _acronym_renderings(renderings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(r for r in renderings if r.isupper())


def _misnamed(term, text: str, start: int, acronym: str) -> tuple[int, int] | None:
    """The span of the name and bracketed acronym when the acronym at `start` follows, in brackets, a
    name whose initials contain its letters and that does not end with an approved full rendering."""
    if start == 0 or text[start - 1] != "(":
        return None
    m = _NAME_BEFORE.search(text, max(0, start - 160), start)
    if m is None:
        return None
    words = m.group().rstrip(" \t(").split()
    initials = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()
    if acronym.replace(".", "") not in initials:
        return None  # not its expansion (`the Fed (US)`)
    name = _us_words(" ".join(words))
    if name[-1].endswith("'s"):
        name[-1] = name[-1][:-2]
    full = [_us_words(r) for r in term.target if not r.isupper()]
    if not full or any(name[-len(w):] == w for w in full if w):
        return None
    return m.start(), start + len(acronym) + (text[start + len(acronym):start + len(acronym) + 1] == ")")


def _us_words(name: str) -> list[str]:
    return [us_spelling(w) for w in fold(name).split()]  # fold: ’ -> ', hyphens -> spaces


@lru_cache(maxsize=8192)
def _inversions(rendering: str) -> tuple[str, tuple[str, ...]]:
    """A multi-word name with its head first and the rest after `of (the)`: `Central Committee of the
    CPC` for `CPC Central Committee`, `President of the US` for `US President` (the same name). With
    the folded last word, which each of them contains as it is (a word find_rendering must see)."""
    words = rendering.split()
    if len(words) < 2 or rendering.isupper():
        return "", ()
    return fold(words[-1]), tuple(f"{' '.join(words[k:])} of{the} {' '.join(words[:k])}"
                                  for k in range(1, len(words)) for the in (" the", ""))


def inverted(term, view) -> bool:
    for r in term.target:
        last, inversions = _inversions(r)
        if last and last in view.folded and any(view.find(v) for v in inversions):
            return True
    return False


def user_terms_inside(hit, all_hits):
    """Entries of user glossaries matched strictly inside `hit` (中共中央 in 中共中央总书记): the longest
    match wins the source, but a client's term inside it still has to be rendered (see renders_whole)."""
    inside = [(h.start, h.end, h) for h in all_hits if hit.start <= h.start and h.end <= hit.end
              and h.term is not hit.term and (h.start, h.end) != (hit.start, hit.end) and not is_shipped(h.term)]
    return [h for _, _, h in leftmost_longest(inside)]  # 副委员长, not also the 委员长 inside it


# After a rendering of the longer term, `(of) the X` or `of X Y` spells out the body it belongs to: the
# translator rendered the inner term there (`General Secretary of the Chinese Politburo`, `... of Chinese
# Politburo`). Not `of X` (one word) nor `of X Province`: a place the Chinese puts before the term
# (桐乡市委书记 `Party secretary of Tongxiang`, 上海市委书记 `Party Secretary of Shanghai Municipality`),
# nor a rendering of the glossary term just before the longer one in the source.
_COMPLEMENT = re.compile(r"[ \t]+(?:(?:of[ \t]+)?the[ \t]+|of[ \t]+(?=[A-Z][\w'’.-]*[ \t]+[A-Z]))(?=[A-Z])")
_NAME_AFTER = re.compile(r"(?:[A-Z][\w'’.-]*[ \t]+)*[A-Z][\w'’.-]*")
_PLACE_WORDS = frozenset(("municipality", "province", "city", "county", "prefecture", "district", "region",
                          "township", "town", "village", "state"))


def _complement(text: str, end: int) -> tuple[int, int] | None:
    """The span of the name in the complement after a rendering ending at `end`, or None (see _COMPLEMENT)."""
    m = _COMPLEMENT.match(text, end)
    if m is None:
        return None
    name = _NAME_AFTER.match(text, m.end())
    return None if name.group().rsplit(None, 1)[-1].lower() in _PLACE_WORDS else name.span()


def renders_whole(hit, all_hits, view) -> bool:
    """True when an approved rendering of the longer term of `hit` stands in the target without a
    complement naming what it belongs to (`Politburo`, `General Secretary Xi`, `European Commission`):
    the terms inside it are rendered by it. `General Secretary of the ...` or `Standing Committee of the
    Political Bureau of the ...` leave the inner term to the complement, which must then be an approved
    rendering, unless the complement renders the glossary term just before `hit` in the source. A
    rendering inside such a complement does not stand whole (`Political Bureau of the Chinese Politburo`)."""
    text, before, whole, names = view.text, None, [], []
    for r in hit.term.target:
        for start, end in view.find(r):
            name = _complement(text, end)
            if name is not None:
                if before is None:
                    before = [h.term for h in all_hits if h.end == hit.start]
                if not any(s == name[0] for t in before for b in t.target for s, _ in view.find(b)):
                    names.append(name)
                    continue
            whole.append(start)
    return any(not any(a <= start < b for a, b in names) for start in whole)

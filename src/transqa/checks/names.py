"""Target-side name checks over a document: one entity named two ways, acronyms and their definitions.

Names are runs of capitalised words (`Shanghai International IP Forum`), joined by spaces or hyphens
and allowing lower-case connectors inside (`Office in China`). Each word maps to canonical words via a
small abbreviation table (IP -> intellectual property, Int'l -> international, Dept. -> department,
Co. -> company, Centre -> center, ...). Two names are variants when the canonical words of one occur in
the other but the words as written differ. Acronyms the document defines for an organisation
(`World Health Organization (WHO)`) are deliberately not expanded: `Director-General of the WHO` after
that definition is what the definition is for.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import defaultdict

from transqa.checks.base import check_type
from transqa.checks.consistency import _dominant, with_segments
from transqa.checks.name_tokens import bounds_reader
from transqa.model import Hit
from transqa.userpatterns import rule_state

# Case-sensitive abbreviations (acronyms) and case-insensitive ones (keys lower case, no final period).
ACRONYMS = {"IP": "intellectual property", "IPR": "intellectual property rights",
            "IPRs": "intellectual property rights", "R&D": "research and development",
            "S&T": "science and technology", "SME": "small and medium sized enterprise",
            "SMEs": "small and medium sized enterprises", "HQ": "headquarters"}
ABBREVIATIONS = {"int'l": "international", "intl": "international", "dept": "department",
                 "co": "company", "corp": "corporation", "govt": "government", "gov't": "government",
                 "univ": "university", "assn": "association", "assoc": "association", "natl": "national",
                 "nat'l": "national", "admin": "administration", "inst": "institute", "ctr": "center",
                 "mgmt": "management", "ltd": "limited", "intern'l": "international", "&": "and",
                 "centre": "center", "organisation": "organization", "programme": "program",
                 "defence": "defense", "labour": "labor"}
CONNECTORS = {"of", "and", "for", "on", "in", "the", "de", "&", "to"}
LEADING = {"the", "a", "an", "this", "that", "these", "in", "on", "at", "for", "by", "as", "during", "from",
           "with", "and", "but", "when", "while", "after", "before", "under", "since", "if", "its", "his",
           "her", "their", "our", "mr", "mrs", "ms", "dr"}

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&'’]*\.?|&")
_JOIN = re.compile(r"^[ \u00a0-]$")


def _word(surface: str) -> str:
    return surface.rstrip(".").replace("’", "'")


def _canonical(surface: str) -> list[str]:
    word = _word(surface)
    if word.endswith("'s"):
        word = word[:-2]
    expansion = ACRONYMS.get(word)
    if expansion is None and surface.endswith(".") or word.lower() in ABBREVIATIONS:
        expansion = ABBREVIATIONS.get(word.lower())
    return (expansion or word.lower()).split()


def _form(surface: str) -> str:
    word = _word(surface).lower()
    return word[:-2] if word.endswith("'s") else word


def _is_name_word(surface: str) -> bool:
    return surface[0].isupper()


def _tokens(text: str, pos: int = 0, endpos: int | None = None):
    for m in _TOKEN.finditer(text, pos, len(text) if endpos is None else endpos):
        surface, end = m.group(), m.end()
        if surface.endswith(".") and _word(surface).lower() not in ABBREVIATIONS:
            surface, end = surface[:-1], end - 1  # a full stop, not an abbreviation
        yield m.start(), end, surface


# From a token boundary, skip tokens exactly as _TOKEN reads them up to the next one that could start
# a name: a capitalised token followed, over joins (one space, no-break space or hyphen; _JOIN's `$`
# also allows a newline after it) and connectors, by another capitalised token. Lowercase stretches
# and lone capitalised words (most of a text) are skipped by this one regex.
_JOIN_RE = "[ \u00a0-]\n?"
_NAME_START_RE = (rf"[A-Z][A-Za-z0-9&'’]*+\.?{_JOIN_RE}(?:(?i:of|and|for|on|in|the|de|to|&){_JOIN_RE})*[A-Z]")
_TO_NAME = re.compile(r"(?:[^A-Za-z0-9&]*+(?:&|[A-Za-z0-9][A-Za-z0-9&'’]*+\.?+))*?[^A-Za-z0-9&]*+"
                      rf"(?={_NAME_START_RE})")
# The same start searched for anywhere (also inside a token): where it is first met, _TO_NAME need only
# start reading tokens from the space before it (no token holds a space, so tokens read from there are
# the tokens read from the start). Most texts are searched in C alone.
_NAME_START = re.compile(_NAME_START_RE)
_JOINS = frozenset(a + b for a in " \u00a0-" for b in ("", "\n"))  # the texts _JOIN matches


def _next_name(text: str, pos: int) -> int | None:
    """`_TO_NAME.match(text, pos).end()` (the next token from `pos` that starts a name), or None."""
    found = _NAME_START.search(text, pos)
    if found is None:
        return None
    space = text.rfind(" ", pos, found.start())
    m = _TO_NAME.match(text, space + 1 if space >= 0 else pos)
    return m.end() if m else None


def _runs(text: str):
    """Maximal runs of tokens that start with a name word and go on over name words and connectors,
    each joined to the previous by one space, no-break space or hyphen. Tokens are read only from
    each name word on: the stretches between names are skipped by regex searches."""
    start = _next_name(text, 0)
    while start is not None:
        run, stop, end = [], None, 0
        for token in _tokens(text, start):
            a, b, surface = token
            if run and not (text[end:a] in _JOINS and (surface[0].isupper() or surface.lower() in CONNECTORS)):
                stop = token
                break
            run.append(token)
            end = b
        yield run
        if stop is not None and stop[2][0].isupper():  # the token that ended this run starts the next
            start = stop[0]
        else:
            start = _next_name(text, stop[1] if stop is not None else end)


def _names(text: str):
    """Runs trimmed of sentence words in front and connectors behind, with two name words or more."""
    for run in _runs(text):
        while run and _word(run[0][2]).lower() in LEADING:
            run.pop(0)
        while run and run[-1][2].lower() in CONNECTORS:
            run.pop()
        if sum(1 for t in run if _is_name_word(t[2])) >= 2:
            yield run


# start, end, start, end, ... of the names `_names` yields, each run found by one regex search
# (checks/name_tokens.py; the same bounds: tests/test_name_tokens.py, tests/test_names_extraction.py)
_name_bounds = bounds_reader(_tokens, ABBREVIATIONS, CONNECTORS, LEADING)


def extract_names(text: str):
    """(start, end, [surface tokens], [token spans]) for capitalised multi-word names in `text`."""
    return [(run[0][0], run[-1][1], [t[2] for t in run], [(t[0], t[1]) for t in run]) for run in _names(text)]


_DEF_AFTER = re.compile(r"\(([A-Z][A-Za-z&]*[A-Z])s?\)")
_DEF_BEFORE = re.compile(r"\b([A-Z][A-Za-z&]*[A-Z])s?\s?\(([^()]{3,120})\)")
# An acronym: capitals not preceded by a word character, & or -. Written to start with its first capital
# and look behind it (`(?<![\w&-][A-Z])` there is `(?<![\w&-])` before it), so that the regex engine
# scans for a capital quickly instead of trying the lookbehind at every position: 2.4x faster, the same
# matches (tests/test_names_extraction.py).
_ACRONYM = re.compile(r"([A-Z](?<![\w&-][A-Z])[A-Z&]*[A-Z])s?(?![\w&-])")
_CAPITALS = re.compile(r"[A-Z][A-Z&]*[A-Z]")  # what _ACRONYM needs, found fast (no lookbehind to try first)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _split(words: list[str]) -> list[tuple[str, bool]]:
    """Words for initials: hyphenated parts after the first may be skipped (`Medium-sized`)."""
    out = []
    for word in words:
        parts = [p for p in word.split("-") if p]
        out += [(p, i > 0 or p.lower() in CONNECTORS) for i, p in enumerate(parts)]
    return out


def _initials_match(letters: str, words: list[str]) -> bool:
    """The acronym's capitals spell the initials of `words` (connectors may be skipped)."""
    caps = [c for c in letters.upper() if c.isalpha()]
    items = _split(words)

    def match(i, j):
        if i == len(caps):
            return all(skip for _, skip in items[j:])
        if j == len(items):
            return False
        word, skip = items[j]
        if word[0].upper() == caps[i] and match(i + 1, j + 1):
            return True
        return skip and match(i, j + 1)

    return bool(items) and not items[0][1] and match(0, 0)


def definitions(text: str):
    """(acronym, form, def_start, def_end, expansion) for `Full Name (ACR)` and `ACR (Full Name)`."""
    found = []
    if "(" not in text:  # both forms have a parenthesis
        return found
    for m in _DEF_AFTER.finditer(text):
        acr = m.group(1)
        before = [(w.start(), w.group()) for w in _WORDS.finditer(text[max(0, m.start() - 200):m.start()])]
        offset = max(0, m.start() - 200)
        for k in range(1, min(len(before), 12) + 1):
            words = [w for _, w in before[-k:]]
            if _initials_match(acr, words):
                start = offset + before[-k][0]
                found.append((acr, "after", start, m.end(), text[start:m.start()].strip()))
                break
    for m in _DEF_BEFORE.finditer(text):
        if _initials_match(m.group(1), _WORDS.findall(m.group(2))):
            found.append((m.group(1), "before", m.start(), m.end(), m.group(2).strip()))
    return found


@check_type("name-variants", scope="document", options={"min_shared": 1},
            placeholders=("other", "count"))
class NameVariants:
    """One entity named two ways in the target: an abbreviation in one place, its expansion in another.

    `Shanghai International IP Forum` vs `Shanghai International Intellectual Property Forum`;
    `Int'l`/`International`, `Dept.`/`Department`, `Co.`/`Company`, `Centre`/`Center`. The names must
    share at least `min_shared` words as written. An organisation's acronym (`WIPO`, `the WHO`) is its
    normal short form and is not expanded. The less frequent form is reported.
    """

    reads_segments = True  # finish reads the targets of the segments with names again (checks/base.py)

    @staticmethod
    def collect(index, segment, options, context):
        bounds = _name_bounds(segment.target)
        if not bounds:
            return ()
        # one int: the index, then each name's start and end; `finish` reads the names' texts again
        if index >> _INDEX_BITS:
            raise ValueError(f"name-variants: segment index {index} needs more than {_INDEX_BITS} bits")
        record, shift = index, _INDEX_BITS
        for k in range(0, len(bounds), 2):
            record |= (bounds[k] << 32 | bounds[k + 1]) << shift
            shift += 64
        return (record,)

    @staticmethod
    def finish(records, options, context, segments):
        return _variants(records, options, segments)


_INDEX_BITS = 40  # a CONS002 record: the segment index in its low bits, then 64 bits per name
_M_INDEX, _M32, _M64 = (1 << _INDEX_BITS) - 1, (1 << 32) - 1, (1 << 64) - 1


def _names_of(record: int):
    """(start, end) of each name of a CONS002 record, in order (no name is all zeros: end > 0)."""
    rest = record >> _INDEX_BITS
    while rest:
        yield rest >> 32 & _M32, rest & _M32
        rest >>= 64


def _occurrences(records, segments):
    """(record number, index, start, end, name's text) of every name, in order, the targets read again
    (in batches: only a batch's texts are alive at a time)."""
    numbered = list(enumerate(records))
    for batch, read in with_segments(segments, _batches(numbered), lambda item: item[1] & _M_INDEX):
        for r, record in batch:
            index = record & _M_INDEX
            target = read[index].target
            for start, end in _names_of(record):
                yield r, index, start, end, target[start:end]


def _batches(items: list, size: int = 1024):
    return (items[k:k + size] for k in range(0, len(items), size))


def _variants(records, options, segments):
    """NameVariants.finish."""
    # One entry per distinct name text; an occurrence is three ints in arrays (its record, name and
    # start), not a tuple of lists: 200,000 pairs have ~200,000 occurrences of a few thousand names.
    name_of: dict[str, int] = {}  # a name's text -> its number
    texts: list[str] = []  # number -> the name's text
    occ_record, occ_name, occ_start = array("q"), array("q"), array("q")
    for r, _, start, _, text in _occurrences(records, segments):
        number = name_of.get(text)
        if number is None:
            number = name_of[text] = len(texts)
            texts.append(text)
        occ_record.append(r)
        occ_name.append(number)
        occ_start.append(start)
    del name_of
    abbreviated: set[str] = set()  # canonical words of tokens written otherwise (IP, Int'l, Centre)
    words_of: dict[str, tuple] = {}  # token -> (canonical words, written otherwise, form): see _name_entry
    # number -> (tokens, spans from the name's start, token position of each key word, key)
    names = [_name_entry(text, abbreviated, words_of) for text in texts]
    # keys in order of first occurrence (names are numbered in that order); two forms of one key
    # differ in a token written otherwise than its canonical words
    distinct = [key for key in dict.fromkeys(entry[3] for entry in names)
                if len(key) >= 3 and not abbreviated.isdisjoint(key)]
    wanted = {w for key in distinct for w in key}
    names_with = defaultdict(list)  # wanted word -> numbers of the names whose key has it
    for number, entry in enumerate(names):
        for w in set(entry[3]) & wanted:
            names_with[w].append(number)
    per_name = [array("q") for _ in names]  # name number -> its occurrences, in order
    for n, number in enumerate(occ_name):
        per_name[number].append(n)
    frequency = {w: sum(len(per_name[number]) for number in numbers) for w, numbers in names_with.items()}
    sets: dict[str, array] = {}

    def occurrences_with(word: str) -> array:
        # the occurrences whose key has `word`, in document order (8 bytes each)
        if word not in sets:
            sets[word] = array("q", sorted(n for number in names_with[word] for n in per_name[number]))
        return sets[word]

    # entity key (canonical words of a shorter name) -> occurrence, first and last token of each place
    # the key is found, three ints in an array (an occurrence meets a key once per position k); a form
    # (form_of) is shared by all occurrences of its name
    forms: dict[tuple, array] = {}
    form_of: dict[tuple[int, int, int], tuple[str, ...]] = {}
    for key in distinct:
        rarest = min(key, key=lambda w: frequency[w])
        for n in occurrences_with(rarest):
            tokens, _, position, seq = names[occ_name[n]]
            for k in range(len(seq) - len(key) + 1):
                if seq[k:k + len(key)] != key:
                    continue
                first, last = position[k], position[k + len(key) - 1]
                whole = (k == 0 or position[k - 1] != first) and (
                    k + len(key) == len(seq) or position[k + len(key)] != last)
                if whole:
                    if (occ_name[n], first, last) not in form_of:
                        form_of[occ_name[n], first, last] = tuple(words_of[t][2] for t in tokens[first:last + 1])
                    forms.setdefault(key, array("q")).extend((n, first, last))
    reported = set()
    for places in forms.values():
        found = []  # (form, index, start, end, occurrence) of each place, in the order found
        for j in range(0, len(places), 3):
            n, first, last = places[j:j + 3]
            spans, offset = names[occ_name[n]][1], occ_start[n]
            found.append((form_of[occ_name[n], first, last], records[occ_record[n]] & _M_INDEX,
                          spans[first][0] + offset, spans[last][1] + offset, n))
        variants = {f[0] for f in found}
        if len(variants) < 2:
            continue
        common = set.intersection(*(set(v) for v in variants))
        if len(common) < options["min_shared"]:
            continue
        ordered = sorted(found, key=lambda f: (f[1], f[2]))
        best = _dominant([(f[0], f[1]) for f in ordered])
        shown = next(f for f in ordered if f[0] == best)
        shown = texts[occ_name[shown[4]]][shown[2] - occ_start[shown[4]]:shown[3] - occ_start[shown[4]]]
        count = sum(1 for f in found if f[0] == best)
        for form, index, start, end, _ in found:
            if form != best and (index, start, end) not in reported:
                reported.add((index, start, end))
                yield Hit("target", start, end, {"other": shown, "count": count},
                          suggestion=shown, segment=index)


def _name_entry(text: str, abbreviated: set[str], words_of: dict[str, tuple] | None = None) -> tuple:
    """(tokens, spans from the name's start, the token position of each key word, key: the canonical
    words, interned) of one name's text; adds to `abbreviated` the canonical words of tokens written
    otherwise than them. `words_of` caches each token's (canonical words, written otherwise, form):
    names share most of their tokens."""
    if words_of is None:
        words_of = {}
    tokens, spans, key, position = [], [], [], []
    for start, end, t in _tokens(text):
        entry = words_of.get(t)
        if entry is None:
            canonical, form = _canonical(t), _form(t)
            entry = words_of[t] = (tuple(sys.intern(w) for w in canonical), canonical != [form], form)
        if entry[1]:
            abbreviated.update(entry[0])
        if len(entry[0]) == 1:
            position.append(len(tokens))
        else:
            position += [len(tokens)] * len(entry[0])
        key += entry[0]
        tokens.append(t)
        spans.append((start, end))
    return tokens, spans, tuple(position), tuple(key)


KNOWN_ACRONYMS = ["GDP", "CEO", "AI", "IT", "TV", "UK", "US", "USA", "EU", "UN", "PRC", "DNA", "COVID", "CPC",
                  "WIPO", "PCT", "WTO", "BRICS", "NATO", "APEC", "ASEAN", "G20", "OK", "PM", "AM"]


@check_type("acronym-definition-order", options={}, placeholders=("acronym", "expansion"))
def acronym_definition_order(segment, options, context):
    """An acronym defined as `ACR (Full Name)`; house style is `Full Name (ACR)` on first use.

    Only parentheses whose words' initials spell the acronym count, so `WIPO (Geneva)` is not a definition.
    """
    for acr, form, start, end, expansion in definitions(segment.target):
        if form == "before":
            yield Hit("target", start, end, {"acronym": acr, "expansion": expansion},
                      suggestion=f"{expansion} ({acr})")


def _known(options) -> frozenset[str]:
    return frozenset(options["known"])


@check_type("acronym-before-definition", scope="document", options={"known": KNOWN_ACRONYMS},
            placeholders=("acronym", "defined"))
class AcronymBeforeDefinition:
    """An acronym is used before the place where the document defines it (`Full Name (ACR)` or
    `ACR (Full Name)`). Acronyms the document never defines are not reported (many need no definition);
    `known` lists acronyms that never need one. Only the first early use of each acronym is reported.
    """

    @staticmethod
    def collect(index, segment, options, context):
        text = segment.target
        found = [("def", acr, index, segment.id, start) for acr, _, start, _, _ in definitions(text)]
        if _CAPITALS.search(text) is None:  # no two capitals in a row: no acronym (most targets)
            return found
        known = rule_state(context, options, _known)
        seen = set()
        for m in _ACRONYM.finditer(text):
            acr = m.group(1)
            if acr not in known and acr not in seen:
                seen.add(acr)
                found.append(("use", sys.intern(acr), index, segment.id, m.start(), m.end()))  # acronyms recur
        return found

    @staticmethod
    def finish(records, options, context):
        defined = {}
        for record in records:
            if record[0] == "def":
                defined.setdefault(record[1], record)
        for record in records:
            if record[0] != "use" or record[1] not in defined:
                continue
            _, acr, index, _, start, end = record
            _, _, def_index, def_id, def_start = defined[acr]
            if index < def_index or (index == def_index and end <= def_start):
                defined.pop(acr)  # report the first early use only
                yield Hit("target", start, end, {"acronym": acr, "defined": def_id}, segment=index)

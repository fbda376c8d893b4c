"""Repetition in the English target: doubled words, MT loops, a sentence said twice, duplicate translations.

Near-duplicate similarity is decided in two steps so that the cost stays per candidate, not per pair:
1. a cheap token test (multiset Dice of lowercased words, plus a length ratio) finds candidate pairs;
2. sacrebleu's sentence chrF (character n-grams, so `value`/`values` and small rewordings still score
   high, and word order counts through n-grams that cross word boundaries) confirms them.
chrF costs about 0.25 ms a pair here (measured, see the closing note of issue 5), the Dice test about
5 µs, and on newstest fewer than 1 in 100 segments has a candidate pair at all.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from operator import add

from transqa.checks.base import check_type
from transqa.checks.consistency import body_span, repeated_groups, repeated_keys, stable_hash, with_segments
from transqa.checks.length import has_han
from transqa.model import Hit

_DOUBLED = re.compile(r"\b([A-Za-z][A-Za-z'’]*)(\s+)(\1)\b(?![-'’])", re.IGNORECASE)
# Function words that double only by mistake, even when both are capitalised (`The The`).
_FUNCTION = frozenset("the a an of to in on at for and or but is are was were be by with as that this it".split())
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A sentence: text up to . ! ? (with closing quotes/brackets, even a spaced one: `distrust. " However`)
# followed by space and a likely sentence start (after ? and ! also a lowercase one: chat-style text).
# Written to start with one character class (the first [.!?]; the second branch checks it was ! or ?)
# so that the regex engine scans for that class quickly: 6x faster than a top-level alternation.
_SENT_END = re.compile(r"[.!?](?:[.!?]*(?: ?[\"”’')\]])*\s+(?=[\"“‘(\[]?[A-Z0-9])"
                       r"|(?<=[!?])[!?]*(?: ?[\"”’')\]])*\s+(?=[a-z]))")
# An n-gram of 2-8 words repeated three or more times in a row (an MT loop). `\1` matches case-insensitively.
_LOOP = re.compile(r"\b([^\W_]+(?:[\s,;-]+[^\W_]+){1,7})(?:[\s,;-]+\1\b){2,}", re.IGNORECASE)
_SRC_KEEP = re.compile(r"[^\W_]+")
_WORD_SPAN = re.compile(r"\S+")


# `that that` is fine only as a clause word plus a pronoun subject, which a verb follows at once (`said
# that that was`, `that that never happens`) or after one lowercase noun (`that that idea never worked`).
# Anything else is a slip: a subject or noun phrase (`said that that the company`, `that that China
# would`, `that that mutual trust`), a preposition or adverb (`that that according to`, `that that soon`),
# a quotation, `to`, an end (`works that that way.`). Professional references here have one `that
# that` in 10,000 lines (`felt that that was`); MT outputs of the WMT21 TED MQM set none. `had had the
# chance` is always fine.
_ADVERB = r"(?:(?:never|not|also|just|really|still|only|probably|certainly|surely|always|often|alone)\s+)?"
_AUX = (r"(?:is|was|are|were|be|been|has|had|have|does|did|do|will|would|can|could|may|might|must|shall"
        r"|should|isn't|wasn't|doesn't|didn't|won't|wouldn't|can't|couldn't|hasn't|hadn't|'s|'ll|'d)")
_S_VERB = (r"(?:means|makes|seems|works|helps|needs|shows|goes|gets|takes|comes|looks|matters|says|sounds"
           r"|happens|changes|depends|remains)")
_NOT_A_NOUN = r"(?:the|a|an|this|these|those|they|he|she|we|i|you|it|there|their|its|his|her|our|my|your)"
_CLAUSE_AFTER_THAT = re.compile(
    rf"\s*{_ADVERB}(?:{_AUX}|[a-z]+(?:s|ed))\b"                        # that that was / means / happened
    rf"|\s+(?!{_NOT_A_NOUN}\b)[a-z]+\s+{_ADVERB}(?:{_AUX}|[a-z]+ed|{_S_VERB})\b")  # that that idea worked
# ... and only where a clause can start: after a verb of saying, thinking or seeing, a copula, a pronoun,
# `so`/`such`, an adjective or noun that takes a clause (`sure that`, `the idea that`), or any -ed form.
# After any other noun the first `that` is a relative pronoun (`the DNA that that determines`, `any
# country that that does`), after a preposition or conjunction no clause word fits (`look at that
# that`, `When that that expression`).
_CLAUSE_BEFORE = re.compile(
    r"(?:^|\W)(?:said|says?|saying|told|tells?|know[sn]?|knew|think|thinks|thought|believes?|see[sn]?|saw"
    r"|finds?|found|feels?|felt|hopes?|hoping|means?|meant|reali[sz](?:e|es|ing)|shows?|shown|notices?|imagine"
    r"|conclude|clarify|wonder|hear|heard|argues?|claims?|insists?|suggests?|ensures?|agrees?|admits?|notes?"
    r"|is|was|are|were|be|been|being|so|such|now|given|fact|idea|belief|news|sense|view|sure|clear|true"
    r"|likely|possible|certain|aware|glad|afraid|obvious|evident|they|we|he|she|i|you|it|[a-z]+ed)"
    r"\s+$", re.IGNORECASE)


@check_type("repeated-word", options={"exceptions": ["had", "that"]}, placeholders=("word",))
def repeated_word(segment, options, context):
    """The same word twice in a row (`the the`), case-insensitive; `exceptions` lists words that may double.

    Not flagged: `two two-year-olds` (the second is part of a compound) and capitalised pairs of content
    words, which are mostly reduplicated Chinese given names (`Yang Yang`, `Wei Wei`).
    """
    text = segment.target
    if not _may_double(text):
        return ()
    return _doubled_words(text, options)


# An ASCII text with letters and apostrophes kept (lowercased) and all else turned into spaces: a
# match of _DOUBLED is a word ending one of its tokens and starting the next, so the next token is the
# word itself (after it comes a space-like character: \b, not ' or -) unless the word ends in an
# apostrophe, which then also ends the first token (`' ` in the mapped text).
_KEEP_LETTERS = bytes(c if chr(c).isalpha() or chr(c) == "'" else 32 for c in range(128)) + b" " * 128


def _may_double(text: str) -> bool:
    """False when _DOUBLED cannot match: no token ends with the whole next token (ASCII texts only)."""
    if not text.isascii():  # case-insensitive matching of non-ASCII letters: leave it to the regex
        return True
    mapped = text.encode("ascii").lower().translate(_KEEP_LETTERS)
    if b"' " in mapped:
        return True
    words = mapped.split()
    return any(map(bytes.endswith, words, words[1:]))


def _doubled_words(text, options):
    allowed = {w.lower() for w in options["exceptions"]}
    for m in _DOUBLED.finditer(text):
        word = m.group(1)
        if word.lower() in allowed and not (word.lower() == "that" and _slipped_that(text, m)):
            continue
        if word[0].isupper() and m.group(3)[0].isupper() and word.lower() not in _FUNCTION:
            continue  # reduplicated given names: Yang Yang, Wei Wei, Lang Lang
        yield Hit("target", m.start(3), m.end(3), {"word": word}, suggestion=word)


def _slipped_that(text: str, m: re.Match) -> bool:
    return not (_CLAUSE_AFTER_THAT.match(text, m.end())
                and _CLAUSE_BEFORE.search(text, max(0, m.start() - 16), m.start()))


@check_type("repeated-phrase", placeholders=("phrase", "times"))
def repeated_phrase(segment, options, context):
    """A phrase of 2-8 words repeated three or more times in a row: a typical MT hallucination loop.

    The span covers the repeats after the first occurrence; the suggestion keeps one occurrence.
    A loop repeats some word pair three times, so segments where no word pair occurs three times
    (nearly all) are skipped before the backtracking regex runs.
    """
    words = segment.target.lower().split()
    if len(words) - len(set(words)) < 4:  # three copies of a 2+ word phrase repeat at least 4 words
        return ()
    pairs = list(zip(words, words[1:]))
    if len(pairs) - len(set(pairs)) < 2 or max(Counter(pairs).values()) < 3:
        return ()
    if segment.target.isascii() and not _periodic(_ASCII_WORD.findall(segment.target.lower())):
        return ()  # the backtracking regex costs ~0.3 ms on such a segment, this test ~15 µs
    return _loops(segment)


def _loops(segment):
    for m in _LOOP.finditer(segment.target):
        phrase = m.group(1)
        times = len(re.findall(r"\b" + re.escape(phrase) + r"\b", m.group(), re.IGNORECASE))
        yield Hit("target", m.end(1), m.end(), {"phrase": phrase, "times": times}, suggestion="")


_ASCII_WORD = re.compile(r"[a-z0-9]+")  # _LOOP's words ([^\W_]+) in a lowercased ASCII text


def _periodic(words: list[str]) -> bool:
    """Some 2-8 words repeated three times in a row, which every _LOOP match is: its phrase's words
    and separators are repeated exactly (ignoring case), and separators hold no word characters."""
    for k in range(2, 9):
        same = 0
        for a, b in zip(words, words[k:]):
            same = same + 1 if a == b else 0
            if same >= 2 * k:
                return True
    return False


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, trailing space excluded; cheap, abbreviation-tolerant enough."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.end() - len(m.group()) + len(m.group().rstrip())
        spans.append((start, end))
        start = m.end()
    tail = text[start:].rstrip()
    if tail.strip():
        spans.append((start, start + len(tail)))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans if text[a:b].strip()]


_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")  # _TOKEN's matches in a lowercased ASCII text


def tokens(text: str) -> list[str]:
    low = text.lower()
    return (_ASCII_TOKEN if low.isascii() else _TOKEN).findall(low)  # explicit classes: 30% faster


def dice(a: list[str], b: list[str]) -> float:
    """Multiset Dice coefficient of two token lists (0..1)."""
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2.0 * common / (len(a) + len(b))


def chrf(hypothesis: str, reference: str, context) -> float:
    """sacrebleu sentence chrF (0-100), symmetric: the mean of both directions. Imported lazily."""
    def build():
        from sacrebleu.metrics import CHRF

        return CHRF()

    metric = context.memo(("sacrebleu", "chrf"), build)
    forward = metric.sentence_score(hypothesis, [reference]).score
    backward = metric.sentence_score(reference, [hypothesis]).score
    return (forward + backward) / 2.0


def _similar(a_text: str, a_tok: list[str], b_text: str, b_tok: list[str], options, context) -> float | None:
    """Similarity 0-100 if the pair is a near duplicate, else None (cheap test first, chrF only then)."""
    if a_tok == b_tok:
        return 100.0
    shorter, longer = sorted((len(a_tok), len(b_tok)))
    if shorter < options["min_words"] or shorter / longer < options["min_length_ratio"]:
        return None
    if _dice_below(a_tok, b_tok, options["min_dice"]):
        return None
    score = chrf(b_text, a_text, context)
    return score if score >= options["min_chrf"] else None


# Near repeats are looked for among the previous NEAR_WINDOW sentences (exact ones everywhere), so a
# segment of thousands of sentences costs linear time, not quadratic (a 200,000-character line: 84 s).
NEAR_WINDOW = 50
_DUP_OPTIONS = {"min_words": 5, "min_length_ratio": 0.6, "min_dice": 0.7, "min_chrf": 70.0,
                "max_source_similarity": 0.5}
_SRC_CLAUSE = re.compile(r"[^。！？；!?;]+")


def _source_parallel(source: str, limit: float) -> bool:
    """True when two clauses of the source are themselves alike (parallel structure, listed figures)."""
    clauses = [_source_key(c) for c in _SRC_CLAUSE.findall(source)]
    clauses = [c for c in clauses if len(c) >= 6]
    return any(_source_similarity(clauses[i], clauses[j]) >= limit
               for j in range(1, len(clauses)) for i in range(max(0, j - NEAR_WINDOW), j))


@check_type("duplicate-sentence", options=_DUP_OPTIONS, placeholders=("similarity", "sentences"))
def duplicate_sentence(segment, options, context):
    """A sentence of the target said again later in the same segment, exactly or nearly.

    Points at the second copy; consecutive repeated sentences (a block translated twice) are one hit.
    When the source itself has two alike clauses (parallel structure), only exact repeats count.
    """
    text = segment.target
    if text.count(" ") < 2 * options["min_words"] - 1:
        return ()
    spans = sentence_spans(text) if _SENT_END.search(text) else ()
    if len(spans) < 2:
        return _said_twice(text, options) if not _doubled(_source_key(segment.source)) else ()
    return _duplicates(segment, text, spans, options, context)


def _doubled(key: str) -> bool:
    half = len(key) // 2
    return bool(key) and len(key) % 2 == 0 and key[:half] == key[half:]


def _said_twice(text: str, options):
    """A target with no sentence break that is one run of words said twice (a headline pasted again:
    `Nostalgia Goes Niche in "X" Nostalgia Goes Niche in "X"`): the second half is the repeat. Not
    when the source says it twice too (`谢谢大家，谢谢大家`)."""
    words = list(_WORD_SPAN.finditer(text))
    half = len(words) // 2
    if len(words) % 2 or half < options["min_words"]:
        return ()
    if [m.group().lower() for m in words[:half]] != [m.group().lower() for m in words[half:]]:
        return ()
    return (Hit("target", words[half].start(), len(text.rstrip()), {"similarity": 100, "sentences": 1},
                suggestion=""),)


def _duplicates(segment, text, spans, options, context):
    toks = [tokens(text[a:b]) for a, b in spans]
    repeats: list[tuple[int, float]] = []
    parallel = None
    far: set[tuple[str, ...]] = set()  # sentences before the window: compared for exact repeats only
    for j in range(1, len(spans)):
        if j > NEAR_WINDOW:
            far.add(tuple(toks[j - NEAR_WINDOW - 1]))
        if len(toks[j]) < options["min_words"]:
            continue
        if tuple(toks[j]) in far:
            repeats.append((j, 100.0))
            continue
        for i in range(max(0, j - NEAR_WINDOW), j):
            score = _similar(text[slice(*spans[i])], toks[i], text[slice(*spans[j])], toks[j], options, context)
            if score is not None and score < 100.0 and parallel is None:
                parallel = _source_parallel(segment.source, options["max_source_similarity"])
            if score is not None and (score == 100.0 or not parallel):
                repeats.append((j, score))
                break
    # merge consecutive repeated sentences into one block
    block: list[tuple[int, float]] = []
    for item in repeats + [(-2, 0.0)]:
        if block and item[0] != block[-1][0] + 1:
            first, last = block[0][0], block[-1][0]
            similarity = round(min(s for _, s in block))
            yield Hit("target", spans[first][0], spans[last][1],
                      {"similarity": similarity, "sentences": len(block)}, suggestion="")
            block = []
        block.append(item)


def _source_key(text: str) -> str:
    return "".join(_SRC_KEEP.findall(text.lower()))


def _bigrams(text: str) -> Counter:
    return Counter(map(add, text, text[1:])) if len(text) > 1 else Counter([text])


def _source_similarity(a: str, b: str) -> float:
    """Dice coefficient of the character-bigram multisets of `a` and `b` (0..1)."""
    x, y = _bigrams(a), _bigrams(b)
    total = sum(x.values()) + sum(y.values())
    return 2.0 * sum((x & y).values()) / total if total else 1.0


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # binary search with C-level slice comparisons
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


_PREFIX_NEEDED: dict[tuple[int, float], int] = {}


def _prefix_needed(total: int, limit: float) -> int:
    """The least p with `2.0 * max(p - 1, 0) / total >= limit` (the prefix test of _alike_by_bounds,
    non-decreasing in p), or total + 2 if none is as small as that (no common prefix is that long)."""
    p = 0
    while p <= total + 1 and not 2.0 * max(p - 1, 0) / total >= limit:
        p += 1
    _PREFIX_NEEDED[total, limit] = p
    return p


def _alike_by_bounds(a: str, b: str, limit: float) -> bool | None:
    """`_source_similarity(a, b) >= limit` when bounds decide it, else None.

    The bigrams of a common prefix and of a common suffix (not overlapping it) are shared, which
    bounds the similarity from below; the smaller bigram count bounds it from above.
    """
    if a == b:
        return 1.0 >= limit
    if len(a) < 2 or len(b) < 2:
        return None
    total = len(a) + len(b) - 2
    if 2.0 * (min(len(a), len(b)) - 1) / total < limit:
        return False
    need = _PREFIX_NEEDED.get((total, limit)) or _prefix_needed(total, limit)
    if a[:need] == b[:need] and need <= min(len(a), len(b)):
        return True  # a common prefix of `need` characters, so p >= need below: one slice comparison
    p = _common_prefix(a, b)
    if 2.0 * max(p - 1, 0) / total >= limit:
        return True
    q = min(_common_prefix(a[::-1], b[::-1]), min(len(a), len(b)) + 1 - p)
    return True if 2.0 * (max(p - 1, 0) + max(q - 1, 0)) / total >= limit else None


def _sources_alike(a: str, b: str, limit: float) -> bool:
    """`_source_similarity(a, b) >= limit`, from bounds when they suffice (most candidate pairs)."""
    alike = _alike_by_bounds(a, b, limit)
    return _source_similarity(a, b) >= limit if alike is None else alike


def _dice_below(a: list[str], b: list[str], limit: float) -> bool:
    """`dice(a, b) < limit`, counting repeated words only when bounds from the sets do not decide it:
    the shared words count at least once each and at most once plus the side's surplus of repeats."""
    if not a or not b:
        return 0.0 < limit
    sa, sb = frozenset(a), frozenset(b)
    shared, total = len(sa & sb), len(a) + len(b)
    if 2.0 * shared / total >= limit:
        return False
    if 2.0 * (shared + min(len(a) - len(sa), len(b) - len(sb))) / total < limit:
        return True
    return _dice_with_sets(a, b, sa, sb) < limit


def _dice_with_sets(a: list[str], b: list[str], sa: frozenset, sb: frozenset) -> float:
    """`dice(a, b)` given the words' sets: counts only the shared words when either side repeats one."""
    shared = sa & sb
    if len(a) == len(sa) and len(b) == len(sb):
        common = len(shared)
    else:
        ca, cb = Counter(a), Counter(b)
        common = sum(min(ca[w], cb[w]) for w in shared)
    return 2.0 * common / (len(a) + len(b)) if a and b else 0.0


@check_type("duplicate-translation", scope="document",
            options={"min_words": 6, "min_chrf": 85.0, "max_source_similarity": 0.5, "near": True,
                     "near_max_source_similarity": 0.25},
            placeholders=("other", "similarity"))
class DuplicateTranslation:
    """Different sources with identical (or, with `near`, near-identical) targets across the document.

    Sources that are themselves alike (`max_source_similarity`, character-bigram Dice after dropping
    punctuation; the stricter `near_max_source_similarity` for near-identical targets, since paraphrased
    sources legitimately get near-identical translations) are skipped: a repeated sentence may legitimately be translated the same way.
    Near-identical candidates are found by blocking on the first and last four words, filtered by
    length, set Jaccard and Dice, then confirmed with chrF, so the cost stays linear in the document size.
    """

    reads_segments = True  # finish reads the segments of the records that share a key (checks/base.py)

    @staticmethod
    def collect(index, segment, options, context):
        if has_han(segment.target):
            return ()
        toks = tokens(segment.target)
        if len(toks) < options["min_words"]:
            return ()
        if not segment.source.strip():  # no source (an --align addition): ALN002 reports it
            return ()
        # one int: the index, the word count and 64-bit hashes of the first four and the last four words
        # (the keys `finish` groups on); the texts are read again only for segments that share a key
        return (index << 160 | len(toks) << 128 | stable_hash(" ".join(toks[:4])) << 64 |
                stable_hash(" ".join(toks[-4:])),)

    @staticmethod
    def finish(records, options, context, segments):
        first_of: dict[int, tuple] = {}
        limit = options["max_source_similarity"]
        for group in _exact_groups(records, segments):
            representatives: list = []  # a few earlier segments with distinct sources, to bound the work
            for record in group:
                earlier = next((r for r in representatives if not _sources_alike(r[2], record[2], limit)), None)
                if earlier is not None:
                    first_of[record[0]] = (earlier, 100)
                elif len(representatives) < 5 and all(r[2] != record[2] for r in representatives):
                    representatives.append(record)
        if options["near"]:
            _near(records, first_of, options, context, segments)
        for indexes, read in with_segments(segments, _batches(sorted(first_of)), int):
            for index in indexes:
                earlier, score = first_of[index]
                yield Hit("target", *body_span(read[index].target), {"other": earlier[1], "similarity": score},
                          segment=index)


_M64 = (1 << 64) - 1
_M160 = (1 << 160) - 1  # word count, first and last four words


def _index(record: int) -> int:
    return record >> 160


def _batches(items: list, size: int = 1024):
    return (items[k:k + size] for k in range(0, len(items), size))


def _view(index: int, segment) -> tuple:
    """(index, id, source key, words joined by spaces) of a segment."""
    return index, segment.id, _source_key(segment.source), " ".join(tokens(segment.target))


def _exact_groups(records, segments):
    """Views of the segments with identical words, two or more, in document order: identical words have
    the same count, first and last four words, so only segments whose records share those are read
    again (and grouped on their words as read: a hash collision merges no groups)."""
    keyed = repeated_groups(records, [record & _M160 for record in records]).values()
    for group, read in with_segments(segments, keyed, _index):
        same: dict[str, list] = defaultdict(list)
        for record in group:
            view = _view(record >> 160, read[record >> 160])
            same[view[3]].append(view)
        yield from (g for g in same.values() if len(g) > 1)


_MAX_BLOCK = 50  # a block of more near-duplicate candidates is boilerplate, not a duplicated translation


def _words(text: str) -> list[str]:
    return text.split(" ") if text else []


def _near(records, first_of, options, context, segments):
    """Near-identical targets: blocked on the first and last four words, filtered cheaply, confirmed by chrF."""
    firsts = repeated_keys([record >> 64 & _M64 for record in records], _MAX_BLOCK)
    lasts = repeated_keys([record & _M64 for record in records], _MAX_BLOCK)
    blocks: dict[tuple, list] = defaultdict(list)  # only blocks of 2 to _MAX_BLOCK records, in the order met
    for record in records:
        if record >> 64 & _M64 in firsts:
            blocks[(0, record >> 64 & _M64)].append(record)
        if record & _M64 in lasts:
            blocks[(1, record & _M64)].append(record)
    del firsts, lasts
    limit = options["near_max_source_similarity"]
    for group, read in with_segments(segments, blocks.values(), _index):
        found = [read[r >> 160] for r in group]
        counts = [r >> 128 & 0xFFFFFFFF for r in group]
        texts = [segment.target for segment in found]
        keys: list = [None] * len(group)  # source keys, then the words only for pairs whose sources differ
        joined: list = [None] * len(group)
        words: list = [None] * len(group)
        sets: list = [None] * len(group)
        for k in range(1, len(group)):
            if group[k] >> 160 in first_of:
                continue
            count, text, key = counts[k], texts[k], keys[k]
            for i in range(k):
                # the length test first, on the counts alone; the same target text has the same words
                # (`a == b` below). Every test here only skips the pair, so their order does not change
                # which pairs reach chrF: the cheap source bound next, which needs no target words
                if min(counts[i], count) < 0.8 * max(counts[i], count) or texts[i] == text:
                    continue
                if key is None:
                    key = keys[k] = _source_key(found[k].source)
                if keys[i] is None:
                    keys[i] = _source_key(found[i].source)
                if _alike_by_bounds(keys[i], key, limit):
                    continue
                if words[i] is None:
                    joined[i] = " ".join(tokens(texts[i]))
                    words[i] = _words(joined[i])
                if words[k] is None:
                    joined[k] = " ".join(tokens(text))
                    words[k] = _words(joined[k])
                a, b = words[i], words[k]
                if a == b:
                    continue
                sa = sets[i] = sets[i] or frozenset(a)
                sb = sets[k] = sets[k] or frozenset(b)
                shared = len(sa & sb)
                if shared < 0.7 * (len(sa) + len(sb) - shared):  # set Jaccard (|a | b| counted): a C-speed cut
                    continue
                if _dice_with_sets(a, b, sa, sb) < 0.8 or _sources_alike(keys[i], key, limit):
                    continue
                score = chrf(joined[k], joined[i], context)
                if score >= options["min_chrf"]:
                    # (index, id, source key, words) of the earlier segment, as `_view` gives them
                    first_of[group[k] >> 160] = ((group[i] >> 160, found[i].id, keys[i], joined[i]), round(score))
                    break

"""Sentence alignment of two documents that do not line up (`transqa check zh.txt en.txt --align`).

Both files are split into paragraphs (blank lines) and sentences (transqa.sentences). Paragraphs are
aligned first, then the sentences inside each aligned group of paragraphs, both with the same
Gale & Church (1993) style dynamic program: the cost of a bead is -log P(bead type) plus -log of the
two-sided normal tail of the length difference (English characters vs. Chinese characters times the
document's own length ratio, pulled towards a typical zh-en ratio in short documents, whose own ratio
an omission skews), minus a bonus for every anchor the two sides share and plus a small penalty for
every number left without a partner (not for the numbers of a sentence left out: they are no evidence
against leaving it out). Anchors are numbers (transqa.numbers when present, else digit strings),
Latin-script tokens of the Chinese side (WIPO, COVID-19, 5G) found in the English, names romanised in
pinyin (上海/Shanghai, 吉宁/Jining: the pinyin of 1-3 consecutive Han characters equal to a capitalised
English word), and glossary terms whose source is in the Chinese and a rendering in the English.
Punctuation a translation keeps (quotes, a question mark, brackets: MARKS) costs a penalty when only
one side of a bead has it. Bead types: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 1-0 (a source
sentence with no translation: an omission) and 0-1 (a target sentence with no source: an addition);
sentences that are pieces of one sentence broken at a soft break (Sentence.joins_next: a line break
plainly mid-sentence, a Chinese ；) merge as if they were one, in beads of up to 7 sentences.
Numbers below 2 written in words (one, first, half; 一, 第一) are weak anchors: the other side of a
line pair has them in only 29-51% of cases (newstest 2017, TICO-19), against 92-99% for digits, so
sharing one earns the bonus but missing one is no charge (Unit.weak).

Line structure survives translation like punctuation: when both sides of a group of paragraphs break
lines inside it (one sentence or one item per line), each bead that ends at a line break on one side
only, or holds a line break on one side and not the other, costs LINE_MISS. A sentence dropped from
such a document then leaves a 1-0 bead instead of hiding in a merge across a line break, or taking
the second sentence of the next line's English. Running text, hard-wrapped paragraphs and mid-sentence
breaks (joins_next) carry no line structure.

Two passes (after Moore 2002 and hunalign, which bootstrap a dictionary from the text itself): the
1-1 beads of a first pass teach a lexicon of Chinese character bigrams and the English stems they keep
appearing with (`learn_lexicon`; Dice over beads, words in more than 5% of sentences left out), and
the second pass rewards each predicted stem found on the other side of a bead and charges for each
one missing (not for a sentence left without a partner: like its numbers, what it would have said is
no evidence against leaving it out). This is
what puts an omission at the right sentence when neighbouring sentences have similar lengths. Short
documents (< 20 one-to-one beads) learn nothing and align on lengths and anchors alone. Both passes
are linear: a huge paragraph is searched in a band around the length diagonal, and in the second
pass around the first pass's path.

After the alignment (`align_split`, what --align uses), an English sentence that a 2-1 bead pairs with
two Chinese sentences is split where a headline without a stop ran into the next sentence, when the
two halves align better (split_fused, at the end of this module).

Each bead becomes one Segment (source and target sentences joined), with `meta["bead"]` ("1-1",
"1-0", ...) for the ALN rules, ids `LINE.K` (K-th sentence starting on source line LINE; `+LINE.K` for
a target sentence with no source) and locations on the lines where the sentences start.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field, replace

from transqa.errors import TransqaError
from transqa.model import Document, Location, Segment
from transqa.sentences import Sentence, document_sentences
from transqa.textio import read_text

# Bead priors. Sentences: measured on newstest 2017-2019 zh-en (lines whose Chinese and English
# sentence counts are 1:1 0.71-0.83, 1:2 0.10-0.15, 1:3 0.02-0.04, 2:1 0.015-0.027, 2:2 <= 0.04,
# 3:1 <= 0.009): Chinese run-on sentences are split in English far more often than merged, so a
# merge costs more than in Gale & Church's European figures; 1-0 and 0-1 keep their 0.0099.
# Paragraphs: a translator's paragraphs mirror the source's, so a split or merged paragraph is
# about as rare as an added or dropped one.
PRIORS = {(1, 1): 0.8, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.025, (1, 2): 0.12, (2, 2): 0.01,
          (1, 3): 0.03, (3, 1): 0.004, (1, 4): 0.008}
PARAGRAPH_BEADS = {(1, 1): 0.95, (1, 0): 0.01, (0, 1): 0.01, (2, 1): 0.005, (1, 2): 0.005, (2, 2): 0.002,
                   (1, 3): 0.002, (3, 1): 0.002}
SKIP_COST = 0.5         # length cost of a 1-0 / 0-1 bead (no partner: nothing to compare)
VARIANCE = 12.0         # s^2 per character of the ratio-scaled length (sqrt model alone on newstest zh-en:
                        # 6.7-11.2; 12 with RATIO_SD below gave the best recall and fewest false beads)
RATIO_SD = 0.1          # plus a spread proportional to length: a translator's style shifts whole
PARAGRAPH_RATIO_SD = 0.25  # paragraphs (Gale & Church's sqrt-only model is too strict for long units)
WEAK_NUMBER = 2         # numbers below this written in words (one, first, half; 一, 第一) are weak anchors: the
                        # other side of a line pair has them in 29-51% of cases (digits 92-99%; newstest 2017, TICO-19)
ORPHAN_COST = 2.5       # per sentence merged into a bead although none of its numbers is on the other side
REPEAT_SIMILARITY = 0.75  # word-set Jaccard (and the same numbers) for a repeat of an earlier sentence
REPEAT_SKIP_COST = 0.5   # a repeated target sentence left unaligned (reported as an addition)
REPEAT_MERGE_COST = 4.0  # ... or merged into a bead with source text
ANCHOR_BONUS = 1.5      # per anchor shared by both sides of a bead
ANCHOR_MISS = 0.4       # per number on one side only
SOFT_MERGE = 0.4        # a bead whose sentences on one side are the pieces of one sentence broken over lines
                        # (Sentence.joins_next) is priced as the bead with those pieces counted once, times this
SOFT_SHAPES = [(a, b) for a in range(1, 7) for b in range(1, 7) if a + b <= 7]  # bead sizes allowed with soft breaks
LEXICON_BONUS = 1.0     # per English stem of the bead predicted by the lexicon learned from the document
LEXICON_MISS = 0.3      # per predicted stem absent from the bead's English
LEXICON_ORPHAN = 5      # a Chinese sentence with this many predictions, none in the English, is an orphan in a merge
LEXICON_MIN_PAIRS = 2   # a Chinese bigram and an English stem must share at least this many 1-1 beads
LEXICON_DICE = 0.4      # ... and have a Dice coefficient of at least this over the 1-1 beads
LEXICON_PER_BIGRAM = 2  # the best few stems (by Dice) per bigram: chance pairs of rare words are many
LEXICON_MAX_SHARE = 0.05  # bigrams and stems in more than this share of the sentences are too common to tell
LINE_MISS = 2.0         # per line break at a bead end or inside a bead on one side only (both sides breaking lines in the group)
MIN_BAND = 20           # paragraph DP band half-width around the length diagonal
SENTENCE_BAND = 40      # the same for the sentences of very large paragraph groups
SECOND_PASS_BAND = 12   # ... around the first pass's path, in the second (lexicon) pass
RATIO_PRIOR = 3.6       # English characters per Chinese one (newstest 2017-2019 and TICO-19 documents: 3.35-4.23)
RATIO_WEIGHT = 300      # ... counted as this many Chinese characters beside the document's own
MARK_MISS = 0.5         # per kind of punctuation mark (MARKS) on one side of a bead only (no bonus when on both:
                        # a quoted nickname repeated through a paragraph then paid for splitting it into more beads)

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
_EN_WORD = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{3,}(?![A-Za-z])")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_SPACE = re.compile(r"\s+")
# Punctuation a translation keeps (zh-en line pairs of newstest 2017/2019 and TICO-19: an English line has
# quotes in 83-98% of the lines whose Chinese has them, in 0-3% of the others; question marks 93-100% vs
# 0%; brackets 36-82% vs 0-1%)
MARKS = {"zh": {"quote": re.compile(r"[“”「」『』\"]"), "question": re.compile(r"[？?]"), "bracket": re.compile(r"[（(]"),
                "title": re.compile(r"《")},  # a title (《卫报》) may be quoted in English or not: never charged
         "en": {"quote": re.compile(r"[“”\"]"), "question": re.compile(r"\?"), "bracket": re.compile(r"\(")}}


@dataclass
class Unit:
    """What the aligner knows of one sentence or paragraph."""

    length: int
    numbers: Counter = field(default_factory=Counter)  # value -> occurrences
    latin: frozenset = frozenset()     # source: Latin tokens (lowercased); target: all words
    terms: frozenset = frozenset()     # glossary entries found (source term / a target rendering)
    repeat: bool = False               # target: near-copy of an earlier sentence of its paragraph group
    soft: bool = False                 # ends at a line break plainly mid-sentence (Sentence.joins_next)
    lex: frozenset = frozenset()       # source: English stems the learned lexicon predicts; target: its stems
    marks: frozenset = frozenset()     # punctuation that survives translation: quotes, a question, brackets
    line_end: bool = False             # a line break follows (Sentence.ends_line); never set on merged units
    weak: Counter = field(default_factory=Counter)     # numbers below 2 in words (one, first; 一): a bonus when
                                                       # shared, but their absence is no evidence (WEAK_NUMBER)


def _digit_numbers(text: str) -> list:
    out = []
    for m in _DIGITS.finditer(text):
        raw = m.group().replace(",", "")
        try:
            out.append(float(raw))
        except ValueError:
            continue
    return out


@lru_cache(maxsize=2)
def _extractor(lang: str):
    """transqa.numbers' extractor for `lang` (reads 二十, 11月18日, 'three'), or None if absent."""
    try:
        if lang == "zh":
            from transqa.numbers.zh import extract_zh as extract
        else:
            from transqa.numbers.en import extract_en as extract
    except ImportError:
        return None
    return extract


def _number_keys(text: str, lang: str) -> tuple[list, list]:
    """Comparable number values (dates as (y, m, d), everything else as a float), and apart from them
    the weak ones: values below 2 written in words."""
    extract = _extractor(lang)
    if extract is None:
        return _digit_numbers(text), []
    try:
        quantities = extract(text)
    except Exception:  # a number-module bug must not stop the alignment: fall back to digits
        return _digit_numbers(text), []
    strong, weak = [], []
    for q in quantities:
        if q.date is not None or q.value is not None:
            (weak if q.date is None and q.words and q.value < WEAK_NUMBER else strong).append(
                q.date if q.value is None else float(q.value))
    return strong, weak


def _term_index(glossaries) -> list[tuple[int, tuple[str, ...], tuple[str, ...]]]:
    out = []
    for g in glossaries or ():
        for term in getattr(g, "terms", ()):
            out.append((len(out), tuple(term.source), tuple(t.lower() for t in term.target)))
    return out


def _zh_length(text: str) -> int:
    """Characters of a Chinese sentence, Latin letters and digits counted at a third (an English word
    kept in the Chinese, such as a name in brackets, would otherwise weigh like a run of Han text)."""
    ascii_alnum = len(_ASCII_ALNUM.findall(text))
    return len(_SPACE.sub("", text)) - ascii_alnum + round(ascii_alnum / 3)


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[str, tuple[str, ...]]:
    """Han character -> its toneless pinyin readings (at most two); empty without pypinyin."""
    try:
        from pypinyin.pinyin_dict import pinyin_dict
    except ImportError:  # pragma: no cover - pypinyin is a declared dependency
        return {}
    table = {}
    for code, readings in pinyin_dict.items():
        plain = []
        for reading in readings.split(",")[:2]:
            base = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
            plain.append(base.replace("ü", "u"))
        table[chr(code)] = tuple(dict.fromkeys(plain))
    return table


def name_candidates(sentences: list[str]) -> frozenset[str]:
    """Capitalised English words that could be romanised Chinese (Shanghai, Jining, Qingdao)."""
    return frozenset(m.group().lower() for text in sentences for m in _CAPITALISED.finditer(text))


def _romanised(text: str, vocabulary: frozenset[str]) -> set[str]:
    """Pinyin of 1-3 consecutive Han characters of `text` that occurs as an English word in `vocabulary`."""
    table = _pinyin_table()
    found: set[str] = set()
    for run in _HAN_RUN.findall(text):
        readings = [table.get(ch, ()) for ch in run]
        for i in range(len(run)):
            spellings = [""]
            for k in range(i, min(i + 3, len(run))):
                spellings = [a + b for a in spellings for b in readings[k]]
                found.update(w for w in spellings if w in vocabulary)
    return found


def make_unit(text: str, lang: str, terms=(), names: frozenset[str] = frozenset()) -> Unit:
    length = _zh_length(text) if lang == "zh" else len(text)
    if lang == "zh":
        latin = frozenset(t.lower() for t in _LATIN.findall(text)) | _romanised(text, names)
        found = frozenset(i for i, sources, _ in terms if any(s in text for s in sources))
    else:
        latin = frozenset(w.lower() for w in _EN_WORD.findall(text))
        lowered = text.lower()
        found = frozenset(i for i, _, targets in terms if any(t in lowered for t in targets))
    marks = frozenset(name for name, pattern in MARKS[lang].items() if pattern.search(text))
    strong, weak = _number_keys(text, lang)
    return Unit(length, Counter(strong), latin, found, marks=marks, weak=Counter(weak))


def merge(units: list[Unit]) -> Unit:
    if len(units) == 1:
        return units[0]
    numbers: Counter = Counter()
    weak: Counter = Counter()
    for u in units:
        numbers.update(u.numbers)
        weak.update(u.weak)
    return Unit(sum(u.length for u in units), numbers, frozenset().union(*(u.latin for u in units)),
                frozenset().union(*(u.terms for u in units)), lex=frozenset().union(*(u.lex for u in units)),
                marks=frozenset().union(*(u.marks for u in units)), weak=weak)


def _tail(delta: float) -> float:
    """-log of the two-sided normal tail beyond |delta| (Gale & Church's match probability)."""
    p = math.erfc(abs(delta) / math.sqrt(2))
    return -math.log(max(p, 1e-300))


def bead_cost(src: Unit, tgt: Unit, ratio: float, prior: float, ratio_sd: float = RATIO_SD) -> float:
    expected = src.length * ratio
    if not src.length or not tgt.length:
        cost = -math.log(prior) + SKIP_COST
    else:
        mean = (expected + tgt.length) / 2
        spread = math.sqrt(VARIANCE * mean + (ratio_sd * mean) ** 2)
        cost = -math.log(prior) + _tail((tgt.length - expected) / spread)
    shared = _shared(src.numbers, tgt.numbers)
    lonely = sum(src.numbers.values()) + sum(tgt.numbers.values()) - 2 * shared
    shared += _shared(src.weak, tgt.weak)
    if not tgt.length:  # an omitted sentence's numbers are not evidence against leaving it out
        lonely = 0
    latin = len(src.latin & tgt.latin) if src.latin and tgt.latin else 0
    terms = len(src.terms & tgt.terms)
    lex = len(src.lex & tgt.lex) if src.lex and tgt.lex else 0
    # a sentence left without a partner is not charged for its predictions: like its numbers, what it
    # would have said is no evidence against leaving it out
    missed = LEXICON_MISS * (len(src.lex) - lex) if tgt.length else 0.0
    if src.marks != tgt.marks and src.length and tgt.length:
        odd = src.marks ^ tgt.marks
        missed += MARK_MISS * len(odd - {"title", "quote"} if "title" in src.marks else odd)
    return cost - ANCHOR_BONUS * (shared + latin + terms) - LEXICON_BONUS * lex + ANCHOR_MISS * lonely + missed


def _orphans(parts: list[Unit], other: Unit, lexical: bool = False) -> int:
    """Sentences merged into a bead whose numbers all miss the other side (`lexical`: or, for Chinese
    sentences, none of whose LEXICON_ORPHAN+ predicted English stems is there): evidence they do not belong."""
    if len(parts) < 2 or not other.length:
        return 0
    return sum(1 for u in parts if (u.numbers and not _shared(u.numbers, other.numbers))
               or (lexical and other.lex and len(u.lex) >= LEXICON_ORPHAN and not u.lex & other.lex))


def _mark_repeats(units: list[Unit]) -> list[Unit]:
    """Flag target sentences that nearly copy an earlier one of the same group (>= 6 words, word-set
    Jaccard >= REPEAT_SIMILARITY, the same numbers): a passage translated twice, which a length model
    would otherwise hide in a 1-2 bead."""
    # Only earlier sentences sharing one of a few of this sentence's rarest words are compared (prefix
    # filtering): Jaccard >= s needs |A & B| >= s|A|, so B misses at most |A| - floor(s|A|) words of A and
    # contains one of any |A| - floor(s|A|) + 1 of them. Same result as comparing with every earlier
    # sentence, which made a one-paragraph 18,000-line file quadratic (minutes).
    frequency = Counter(word for unit in units for word in unit.latin)
    postings: dict[str, list[int]] = {}
    out = []
    for k, unit in enumerate(units):
        words = unit.latin
        repeat = False
        if len(words) >= 6:
            prefix = sorted(words, key=lambda w: (frequency[w], w))[:len(words) - math.floor(REPEAT_SIMILARITY * len(words)) + 1]
            candidates = {i for w in prefix for i in postings.get(w, ())}
            repeat = any(len(words & units[i].latin) >= REPEAT_SIMILARITY * len(words | units[i].latin)
                         and unit.numbers == units[i].numbers for i in candidates)
        for word in words:
            postings.setdefault(word, []).append(k)
        out.append(replace(unit, repeat=True) if repeat else unit)
    return out


def _shared(a: Counter, b: Counter) -> int:
    """Size of the multiset intersection (Counter & is several times slower for these tiny maps)."""
    if not a or not b:
        return 0
    if len(a) > len(b):
        a, b = b, a
    return sum(min(n, b[k]) for k, n in a.items() if k in b)


EMPTY = Unit(0)


def align_units(src: list[Unit], tgt: list[Unit], ratio: float, beads: dict = PRIORS,
                band: int | None = None, ratio_sd: float = RATIO_SD,
                centres: list[int] | None = None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Least-cost sequence of beads covering both lists in order (dynamic programming); with `band`,
    only the cells within `band` of `centres` (default: the length diagonal) are computed."""
    n, m = len(src), len(tgt)
    inf = math.inf
    # one dict per row holding only the cells computed (the band): full (n+1) x (m+1) tables made an
    # 18,000-line --align run quadratic in time and memory (4,000 lines: 500 MB) though the band is narrow
    cost: list[dict[int, float]] = [{} for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int] | None]] = [{} for _ in range(n + 1)]
    cost[0][0] = 0.0
    if band is not None and centres is None:
        centres = _diagonal(src, tgt)
    src_soft, tgt_soft = _cumulative(src, "soft"), _cumulative(tgt, "soft")
    repeated = [0]
    for u in tgt:
        repeated.append(repeated[-1] + u.repeat)
    shapes = list(beads.items())
    # line structure: when both sides break lines inside the group, a bead should end at a line break on
    # both sides or on neither (src_end[i]: a line break follows unit i-1; the group's end is one)
    # and a line break inside a bead on one side should have one inside it on the other
    lines = any(u.line_end for u in src[:-1]) and any(u.line_end for u in tgt[:-1])
    src_end = [True] + [u.line_end for u in src[:-1]] + [True]
    tgt_end = [True] + [u.line_end for u in tgt[:-1]] + [True]
    src_breaks, tgt_breaks = _cumulative(src, "line_end"), _cumulative(tgt, "line_end")
    extras = [(shape, 0.0) for shape in SOFT_SHAPES if shape not in beads] if src_soft[-1] or tgt_soft[-1] else []
    reach = max((a for a, _ in SOFT_SHAPES), default=1)
    src_spans: dict[tuple[int, int], Unit] = {}
    tgt_spans: dict[tuple[int, int], Unit] = {}

    def span(units, cache, a, b):
        if a == b:
            return EMPTY
        if (a, b) not in cache:
            cache[a, b] = merge(units[a:b])
        return cache[a, b]
    for i in range(n + 1):
        if centres is None:
            lo, hi = 0, m
        else:
            lo, hi = max(0, centres[i] - band), min(m, centres[i] + band)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, move = inf, None
            # the longer soft-break beads only where a soft break lies within their reach
            soft_near = extras and ((i > 1 and src_soft[i - 1] > src_soft[max(0, i - reach)])
                                    or (j > 1 and tgt_soft[j - 1] > tgt_soft[max(0, j - reach)]))
            for (di, dj), prior in (shapes + extras if soft_near else shapes):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                if not prior:  # a longer bead, only for the pieces of sentences broken at soft breaks
                    joined = (di - _inner(src_soft, pi, i), dj - _inner(tgt_soft, pj, j))
                    if joined == (di, dj) or joined not in beads:
                        continue
                before = cost[pi].get(pj, inf)
                if before == inf:
                    continue
                s = span(src, src_spans, pi, i)
                t = span(tgt, tgt_spans, pj, j)
                if di > 1 or dj > 1:
                    joined = (di - _inner(src_soft, pi, i), dj - _inner(tgt_soft, pj, j))
                    if joined != (di, dj) and joined in beads:
                        prior = max(prior, SOFT_MERGE * beads[joined])
                repeats = repeated[j] - repeated[pj]
                if repeats and not di:  # a sentence translated twice: the copy is an addition
                    c = before + REPEAT_SKIP_COST * repeats + (bead_cost(s, t, ratio, prior) if dj > 1 else 0)
                else:
                    c = before + bead_cost(s, t, ratio, prior, ratio_sd) + REPEAT_MERGE_COST * repeats
                    if di > 1 or dj > 1:
                        c += ORPHAN_COST * (_orphans(src[pi:i], t, LEXICON_ORPHAN > 0) + _orphans(tgt[pj:j], s))
                if lines:
                    c += LINE_MISS * ((src_end[i] != tgt_end[j])
                                      + abs(_inner(src_breaks, pi, i) - _inner(tgt_breaks, pj, j)))
                if c < best:
                    best, move = c, (di, dj)
            cost[i][j], back[i][j] = best, move
    if back[n].get(m) is None and (n or m):
        raise RuntimeError("alignment found no path")  # cannot happen: 1-0 and 0-1 always connect
    out = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        out.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return out[::-1]


def _cumulative(units: list[Unit], flag: str) -> list[int]:
    out = [0]
    for u in units:
        out.append(out[-1] + getattr(u, flag))
    return out


def _inner(cumulative: list[int], a: int, b: int) -> int:
    """Soft line breaks between the units a..b-1 (the one after the last unit is not inside)."""
    return cumulative[b - 1] - cumulative[a] if b - a > 1 else 0


_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_STEM_WORD = re.compile(r"[a-z]{3,}")


def _stems(unit: Unit) -> frozenset[str]:
    """Lower-case alphabetic words of an English unit, a plural -s cut off (tariffs -> tariff)."""
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 4 and not w.endswith("ss") else w
                     for w in unit.latin if _STEM_WORD.fullmatch(w))


def learn_lexicon(src_texts: list[str], tgt_stems: list[frozenset], beads) -> dict[str, tuple[str, ...]]:
    """Chinese character bigram -> English stems that translate it, learned from the document itself
    (the 1-1 beads of a first alignment pass), after Moore (2002) and hunalign: a pair that keeps
    turning up in the same beads (Dice >= LEXICON_DICE, >= LEXICON_MIN_PAIRS beads) is a translation.
    Linear in the number of beads; empty for short documents, which then align on lengths and anchors."""
    pairs = [(frozenset(_HAN_PAIR.findall(src_texts[bs[0]])), tgt_stems[bt[0]])
             for bs, bt in beads if len(bs) == 1 and len(bt) == 1]
    if len(pairs) < 20:
        return {}
    src_df = Counter(z for zs, _ in pairs for z in zs)
    tgt_df = Counter(e for _, es in pairs for e in es)
    limit = max(LEXICON_MIN_PAIRS, LEXICON_MAX_SHARE * len(pairs))
    together: Counter = Counter()
    for zs, es in pairs:
        zs = [z for z in zs if LEXICON_MIN_PAIRS <= src_df[z] <= limit]
        es = [e for e in es if LEXICON_MIN_PAIRS <= tgt_df[e] <= limit]
        together.update((z, e) for z in zs for e in es)
    lexicon: dict[str, list[tuple[float, str]]] = {}
    for (z, e), n in together.items():
        dice = 2 * n / (src_df[z] + tgt_df[e])
        if n >= LEXICON_MIN_PAIRS and dice >= LEXICON_DICE:
            lexicon.setdefault(z, []).append((dice, e))
    return {z: tuple(e for _, e in sorted(found, reverse=True)[:LEXICON_PER_BIGRAM]) for z, found in lexicon.items()}


def _predict(text: str, lexicon: dict[str, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(e for z in _HAN_PAIR.findall(text) for e in lexicon.get(z, ()))


def _diagonal(src: list[Unit], tgt: list[Unit]) -> list[int]:
    """For each source position, the target position at the same share of the text (by length)."""
    src_cum, tgt_cum = [0], [0]
    for u in src:
        src_cum.append(src_cum[-1] + u.length + 1)
    for u in tgt:
        tgt_cum.append(tgt_cum[-1] + u.length + 1)
    scale = tgt_cum[-1] / max(src_cum[-1], 1)
    return [bisect.bisect_left(tgt_cum, c * scale) for c in src_cum]


def _ratio(src: list[Unit], tgt: list[Unit]) -> float:
    """English characters per Chinese character: the document's own ratio, pulled towards RATIO_PRIOR as
    if RATIO_WEIGHT more Chinese characters had been translated at that ratio. A short document's own
    ratio moves with what it omits (one sentence of four dropped lowers it by a quarter, and the shorter
    English then looks like a fair rendering of two sentences merged); a long one's barely notices."""
    s, t = sum(u.length for u in src), sum(u.length for u in tgt)
    return min(max((t + RATIO_PRIOR * RATIO_WEIGHT) / (s + RATIO_WEIGHT), 0.5), 8.0) if s and t else RATIO_PRIOR


def align_sentences(src: list[Sentence], tgt: list[Sentence], glossaries=()) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads over the two sentence lists: paragraphs first, then sentences within aligned paragraphs."""
    return _align(src, tgt, glossaries)[0]


def align_split(src: list[Sentence], tgt: list[Sentence], glossaries=()):
    """(tgt, beads): align_sentences, then English sentences fused at a boundary with no stop split
    where the Chinese kept it (split_fused); the target list returned holds the pieces."""
    beads, src_units, tgt_units, ratio, unit_of = _align(src, tgt, glossaries)
    return split_fused(src, tgt, beads, src_units, tgt_units, ratio, unit_of)


def _align(src, tgt, glossaries):
    terms = _term_index(glossaries)
    names = name_candidates([s.text for s in tgt])
    src_units = [replace(make_unit(s.text, "zh", terms, names), soft=s.joins_next, line_end=s.ends_line and not s.joins_next) for s in src]
    tgt_units = [replace(make_unit(s.text, "en", terms), soft=s.joins_next, line_end=s.ends_line and not s.joins_next) for s in tgt]
    ratio = _ratio(src_units, tgt_units)
    beads = _align_document(src, tgt, src_units, tgt_units, ratio)
    tgt_stems = [_stems(u) for u in tgt_units]
    lexicon = learn_lexicon([s.text for s in src], tgt_stems, beads)

    def unit_of(text: str) -> Unit:  # an English sentence as the last pass saw its sentences
        unit = make_unit(text, "en", terms)
        return replace(unit, lex=_stems(unit)) if lexicon else unit
    if not lexicon:
        return beads, src_units, tgt_units, ratio, unit_of
    src_units = [replace(u, lex=_predict(s.text, lexicon)) for u, s in zip(src_units, src)]
    tgt_units = [replace(u, lex=stems) for u, stems in zip(tgt_units, tgt_stems)]
    first_path = []  # target position of each source sentence in the first pass
    for bs, bt in beads:
        first_path.extend((bt[0] if bt else first_path[-1] if first_path else 0) for _ in bs)
    return _align_document(src, tgt, src_units, tgt_units, ratio, first_path), src_units, tgt_units, ratio, unit_of


def _align_document(src, tgt, src_units, tgt_units, ratio, first_path=None):
    """Paragraphs, then the sentences of each aligned group of paragraphs. `first_path`: where a first
    pass put each source sentence; a second pass over one huge group searches a narrow band around it."""
    def groups(sentences):
        out: dict[int, list[int]] = {}
        for i, s in enumerate(sentences):
            out.setdefault(s.paragraph, []).append(i)
        return list(out.values())

    src_paras, tgt_paras = groups(src), groups(tgt)
    para_beads = align_units([merge([src_units[i] for i in p]) for p in src_paras],
                             [merge([tgt_units[i] for i in p]) for p in tgt_paras], ratio,
                             PARAGRAPH_BEADS, band=MIN_BAND, ratio_sd=PARAGRAPH_RATIO_SD)
    beads = []
    for sp, tp in para_beads:
        s_idx = [i for p in sp for i in src_paras[p]]
        t_idx = [i for p in tp for i in tgt_paras[p]]
        band = None if len(s_idx) * len(t_idx) <= 40000 else SENTENCE_BAND  # one huge paragraph
        centres = None
        if band and first_path and s_idx and t_idx:
            band = SECOND_PASS_BAND
            centres = [min(max(first_path[i] - t_idx[0], 0), len(t_idx)) for i in s_idx] + [len(t_idx)]
        for bs, bt in align_units([src_units[i] for i in s_idx], _mark_repeats([tgt_units[i] for i in t_idx]),
                                  ratio, band=band, centres=centres):
            beads.append((tuple(s_idx[k] for k in bs), tuple(t_idx[k] for k in bt)))
    return beads


def _ids(sentences: list[Sentence]) -> list[str]:
    seen: Counter = Counter()
    out = []
    for s in sentences:
        seen[s.line] += 1
        out.append(f"{s.line}.{seen[s.line]}")
    return out


def read_aligned(source: str, target: str, *, source_encoding: str | None = None,
                 target_encoding: str | None = None, glossaries=()) -> Document:
    texts = {}
    for path, enc in ((source, source_encoding), (target, target_encoding)):
        decoded = read_text(path, enc)
        if not decoded.text.strip():
            raise TransqaError("file is empty (no text to check)", path=path)
        texts[path] = decoded
    src = document_sentences(texts[source].text, "zh")
    tgt, beads = align_split(src, document_sentences(texts[target].text, "en"), glossaries)
    src_ids, tgt_ids = _ids(src), _ids(tgt)
    segments = []
    last_src_line, last_tgt_line = 1, 1
    for bs, bt in beads:
        src_line = src[bs[0]].line if bs else last_src_line
        tgt_line = tgt[bt[0]].line if bt else last_tgt_line
        last_src_line, last_tgt_line = src_line, tgt_line
        seg_id = src_ids[bs[0]] if bs else "+" + tgt_ids[bt[0]]
        segments.append(Segment(
            id=seg_id, source="".join(src[i].text for i in bs), target=" ".join(tgt[i].text for i in bt),
            source_location=Location(source, src_line), target_location=Location(target, tgt_line),
            meta={"bead": f"{len(bs)}-{len(bt)}", "aligned": True}))
    kinds = Counter(s.meta["bead"] for s in segments)
    return Document(segments=tuple(segments), inputs={
        "format": "aligned-text", "source": source, "target": target,
        "encoding": {"source": texts[source].encoding, "target": texts[target].encoding},
        "alignment": {"source_sentences": len(src), "target_sentences": len(tgt),
                      "beads": dict(sorted(kinds.items()))}})


# --- English sentences fused at a boundary with no stop ------------------------------------------------
# A headline or caption without a final stop run into the text after it fuses with the next sentence
# (`...travel warning for Missouri The National Association...`, `...Thursday, Aug. Biles earned...`). When
# the Chinese side kept the boundary, the alignment has a 2-1 bead; the English sentence is tried split at
# each place where a capitalised sentence opener follows a word without a stop, and the split stands when
# the two 1-1 beads score, by the same bead model, better than the 2-1 bead by SPLIT_COST. (Splitting a Chinese sentence
# fused the same way was tried and left out: with no punctuation to go by, lengths place the Chinese split
# a few characters off as often as not.)
SPLIT_COST = 1.5  # an opener after a word without a stop is as often a title (told The Associated Press)
_EN_OPENERS = frozenset("""the a an in on at it this that these those he she they we you his her its their our
but and as after before for from with according when while there if by to since under last following during
however meanwhile also some many most more one two three four five six seven eight nine ten""".split())
_EN_SPLIT = re.compile(r"(?<=[a-z0-9%)\]”’\"'])(\s+)(?=[“‘\"(]?([A-Z][a-z]*)[\s,])")
# ... or any capitalised word after an abbreviation that also ends sentences (`on Thursday, Aug. Biles earned`)
_EN_SPLIT_ABBREVIATED = re.compile(r"(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Inc|Ltd|Co|Corp|etc)\.(\s+)(?=[“‘\"(]?([A-Z][a-z]+)[\s,])")


def _en_split_points(text: str) -> list[int]:
    """Offsets where a capitalised sentence opener follows a word without a stop, or any capitalised word
    follows an abbreviation that may end a sentence (2+ words each side)."""
    found = [m for m in _EN_SPLIT.finditer(text) if m.group(2).lower() in _EN_OPENERS]
    found += list(_EN_SPLIT_ABBREVIATED.finditer(text))
    return sorted(m.end(1) for m in found if len(text[:m.start(1)].split()) >= 2 and len(text[m.end(1):].split()) >= 2)


def _piece(s: Sentence, a: int, b: int) -> Sentence:
    """s.text[a:b] as a sentence of its own, on the same line (s lies on one line)."""
    text = s.text[a:b].strip()
    a += len(s.text[a:b]) - len(s.text[a:b].lstrip())
    lead = next((k for k, ch in enumerate(s.text) if ch.isalnum()), 0)
    first = next((k for k in range(a, a + len(text)) if s.text[k].isalnum()), a)
    last = b == len(s.text)
    return replace(s, text=text, column=s.column + first - lead, joins_next=s.joins_next and last, ends_line=s.ends_line and last)


def split_fused(src: list[Sentence], tgt: list[Sentence], beads, src_units, tgt_units, ratio, unit_of):
    """(tgt, beads) with the English sentences of 2-1 beads split where two 1-1 beads score better."""
    new_tgt, out = [], []
    for bs, bt in beads:
        pieces = None
        if len(bs) == 2 and len(bt) == 1 and tgt[bt[0]].single_line:
            # priced as the alignment priced the 2-1 bead (cheaper when the two are one sentence broken over lines)
            prior = max(PRIORS[2, 1], SOFT_MERGE * PRIORS[1, 1]) if src[bs[0]].joins_next else PRIORS[2, 1]
            whole = bead_cost(merge([src_units[i] for i in bs]), tgt_units[bt[0]], ratio, prior)
            pieces = _split_english(tgt[bt[0]], src_units[bs[0]], src_units[bs[1]], whole, ratio, unit_of)
        if pieces is None:
            out.append((bs, tuple(range(len(new_tgt), len(new_tgt) + len(bt)))))
            new_tgt.extend(tgt[j] for j in bt)
        else:
            out.extend([((bs[0],), (len(new_tgt),)), ((bs[1],), (len(new_tgt) + 1,))])
            new_tgt.extend(pieces)
    return new_tgt, out


def _split_english(en: Sentence, z1: Unit, z2: Unit, whole: float, ratio, unit_of):
    best, choice = whole - SPLIT_COST, None
    for q in _en_split_points(en.text):
        e1, e2 = _piece(en, 0, q), _piece(en, q, len(en.text))
        c = bead_cost(z1, unit_of(e1.text), ratio, PRIORS[1, 1]) + bead_cost(z2, unit_of(e2.text), ratio, PRIORS[1, 1])
        if c < best:
            best, choice = c, [e1, e2]
    return choice

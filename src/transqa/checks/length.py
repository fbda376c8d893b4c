"""Omission and addition from length: log(English words / Chinese length units) per segment.

Each segment's log ratio r is compared with the document's own median, shrunk towards a prior median
for short documents, and scaled by a prior spread that shrinks with segment length (a count ratio
behaves like a Poisson ratio: var(r) ≈ a + b/units), widened when the whole document is looser than
the prior. z = (r - centre) / (k · sigma(units)); far below = omission, far above = addition.
The prior constants come from scripts/fit_length_prior.py on ../shared/data/newstest/ (see the rule's
comments). A target with fewer sentences than its source lowers the omission threshold (supporting
signal). Document scope, map/merge: each segment contributes a small record of counts.
"""

from __future__ import annotations

import math
import re
import statistics
from array import array

from transqa.checks.base import check_type, segments_at
from transqa.model import Hit
from transqa.textspans import HAN, english_word_count

_HAN_RE = re.compile(f"[{HAN}]")
# `[X][X]*`, not `[X]+`: the regex engine scans for a pattern's first character class quickly only when
# the pattern starts with the class itself, not with a repeat of it (same matches, 1.1-2x faster here).
_HAN_RUN = re.compile(f"[{HAN}][{HAN}]*")
# A transliterated foreign name, parts joined by an interpunct: 西蒙·拜尔斯 is 2 words, not 5 characters.
_NAME = re.compile(f"(?<![{HAN}])[{HAN}]+(?:[·・•‧][{HAN}]+)+")  # starts at a run's start: linear, not quadratic
# Latin words and numbers in the source; a bracketed Latin gloss right after Han text is not counted
# (西蒙·拜尔斯 (Simone Biles) is one name, said twice).
_SRC_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9]*(?:[.,'’-][A-Za-z0-9]+)*")
_SRC_GLOSS = re.compile(f"(?<=[{HAN}])\\s*[(（][A-Za-z][A-Za-z .'’-]*[)）]")
_ZH_SENT = re.compile(r"[。！？!?][。！？!?]*[”’」』）)]*")
# A sentence end (only counted): a stop after a lowercase letter, digit, % or closing quote/bracket,
# before a capital or the end. Written to start at the stop, the rarer character, which the regex
# engine scans for quickly (4x faster than starting at every letter; the same count).
_EN_SENT = re.compile(r"[.!?](?<=[a-z0-9%)\"”’][.!?])[.!?]*[\"”’')]*(?=\s+[\"“‘(]?[A-Z0-9]|\s*$)")

NAME_PART_UNITS = 1.5
EDGE_PART_CHARS = 3  # a transliterated name's part is mostly 2-3 characters (特洛特, 巴克, 安德森)
LATIN_TOKEN_UNITS = 1.5


def has_han(text: str) -> bool:
    """A Han character in `text`; an ASCII text (most English) is not searched."""
    return not text.isascii() and _HAN_RE.search(text) is not None


def _han_count(text: str) -> int:
    return sum(map(len, _HAN_RUN.findall(text)))  # runs, not characters: 4x faster than one match each


def source_units(source: str) -> float:
    """Length of a Chinese source in units: Han characters, name parts and Latin/number tokens."""
    text = _SRC_GLOSS.sub("", source) if "(" in source or "（" in source else source
    units = 0.0
    if "·" in text or "・" in text or "•" in text or "‧" in text:
        for m in _NAME.finditer(text):
            parts = re.split("[·・•‧]", m.group())
            # the first and last parts run on into the text around the name (教授弗朗西斯科·雷耶斯全程带队):
            # only their EDGE_PART_CHARS characters next to the dot are taken for the name
            edges = min(len(parts[0]), EDGE_PART_CHARS) + min(len(parts[-1]), EDGE_PART_CHARS)
            units += NAME_PART_UNITS * len(parts) - edges - sum(map(len, parts[1:-1]))
    units += _han_count(text) + LATIN_TOKEN_UNITS * len(_SRC_TOKEN.findall(text))
    return units


target_words = english_word_count  # the same count as the score's


def sentence_counts(source: str, target: str) -> tuple[int, int]:
    """(source sentences, target sentences); an unterminated final sentence counts too."""
    src_end, tgt_end = source.rstrip(), target.rstrip()  # empty exactly when strip() is
    src = len(_ZH_SENT.findall(source)) + (1 if src_end and not _ZH_SENT.search(src_end[-3:]) else 0)
    tgt = len(_EN_SENT.findall(target)) + (1 if tgt_end and tgt_end[-1] not in ".!?\"”’')" else 0)
    return src, tgt


def log_ratio(units: float, words: int) -> float:
    return math.log((words + 0.5) / units)


def _validate(options):
    if options["direction"] not in ("short", "long"):
        raise ValueError("direction must be 'short' (omission) or 'long' (addition)")
    if options["prior_b"] <= 0 or options["z"] <= 0:
        raise ValueError("prior_b and z must be positive")


_OPTIONS = {
    "direction": "short",       # short: omission; long: addition
    "z": 3.5,                   # robust z-score beyond which a segment is flagged
    "supported_z": 2.5,         # omission threshold when the target also has fewer sentences
    "cut_end_z": 2.0,           # omission threshold when the target ends on a word a cut leaves (`of.`)
    "min_units": 15.0,          # segments with a shorter source are exempt (too noisy)
    "prior_median": -0.350,     # fitted by scripts/fit_length_prior.py on newstest 2017-2019
    "prior_a": 0.0088,          # MAD(r)^2 ≈ a + b / units, fitted likewise
    "prior_b": 0.319,
    "prior_weight": 30.0,       # segments' worth of confidence in the prior median
}


@check_type("length-ratio", scope="document", options=_OPTIONS, validate=_validate,
            placeholders=("words", "expected", "z", "sentences"))
class LengthRatio:
    """The target is far shorter (omission) or longer (addition) than this document's translations usually are."""

    collect_options = ()  # collect reads no option: LEN001 and LEN002 share one pass (engine.collect_key)
    reads_segments = True  # finish counts sentences only for its candidates (checks/base.py)

    @staticmethod
    def collect(index, segment, options, context):
        source, target = segment.source, segment.target
        units = source_units(source)
        if units < 3:
            return ()  # a tuple, not a generator: cheaper for the engine to take per segment
        words = english_word_count(target)
        if has_han(target) and _han_count(target) >= words:
            return ()  # a target still mostly in Chinese is ACC003's finding, not a length question
        return (_pack(index, units, words),)

    @staticmethod
    def finish(records, options, context, segments):
        a, b, n0 = max(options["prior_a"], 1e-6), options["prior_b"], options["prior_weight"]
        sqrt = math.sqrt  # sigma(units) below is 1.4826 * sqrt(a + b / units), written inline (same floats)

        # position, units and log ratio of each record with words, in arrays (24 bytes a record, not a
        # tuple: at 200,000 pairs a list of tuples was the finish's peak, 28 MB); log_ratio written inline
        at, unit_of, ratio_of = array("q"), array("d"), array("d")
        log = math.log
        for position, record in enumerate(records):
            _, units, words = _unpack(record)
            if words > 0:
                at.append(position)
                unit_of.append(units)
                ratio_of.append(log((words + 0.5) / units))
        if not ratio_of:
            return
        n = len(ratio_of)
        centre = (n * statistics.median(ratio_of) + n0 * options["prior_median"]) / (n + n0)
        spread = statistics.median(abs(x - centre) / (1.4826 * sqrt(a + b / units))
                                   for units, x in zip(unit_of, ratio_of)) / 0.6745
        k = min(3.0, max(1.0, (n * spread + n0) / (n + n0)))
        short, limit, supported, cut_end, min_units = (options["direction"] == "short", options["z"],
                                                       options["supported_z"], options["cut_end_z"],
                                                       options["min_units"])
        beyond = -min(limit, supported, cut_end) if short else limit
        # candidates: a hit, or (omissions) a z that a target with fewer sentences would make one; their
        # sentences are counted on the texts, read together (a words > 0 target has a non-empty body)
        candidates = []
        for position, units, ratio in zip(at, unit_of, ratio_of):
            if units < min_units:
                continue
            z = (ratio - centre) / (k * (1.4826 * sqrt(a + b / units)))
            if (z <= beyond) if short else (z >= beyond):
                index, _, words = _unpack(records[position])
                candidates.append((index, units, words, z))
        del at, unit_of, ratio_of
        texts = segments_at(segments, [c[0] for c in candidates]) if candidates else {}
        for index, units, words, z in candidates:
            segment = texts[index]
            src_sent, tgt_sent = sentence_counts(segment.source, segment.target)
            if short and not (z <= -limit or _supported(z, supported, cut_end, segment, src_sent, tgt_sent)):
                continue
            target = segment.target
            body = target.strip()
            start = len(target) - len(target.lstrip())  # where `body` starts (target.find(body))
            args = {"words": words, "expected": round(units * math.exp(centre)), "z": round(z, 1),
                    "sentences": f"{tgt_sent} of {src_sent}"}  # the message's numbers: only for hits
            yield Hit("target", start, start + len(body), args, segment=index)


# A record is one int of bit fields (28 bytes instead of a 64-byte tuple): from the low bits up, units
# x 2 (units are multiples of 0.5), target words, and the segment index in the remaining high bits. A
# value too wide for its field (a huge segment) makes the record a plain tuple instead.
def _pack(index, units, words):
    units2 = int(units * 2)
    if units * 2 != units2 or units2 >> 16 or words >> 16:
        return (index, units, words)
    return (index << 32) | units2 | words << 16


def _unpack(record) -> tuple:
    if type(record) is tuple:
        return record
    return record >> 32, (record & 0xFFFF) / 2, (record >> 16) & 0xFFFF


def _supported(z, supported, cut_end, segment, src_sent, tgt_sent) -> bool:
    """A z short of the plain threshold is still an omission with supporting evidence: a word a cut
    leaves at the end (z <= -cut_end_z; an auxiliary after its subject z <= -supported_z), or fewer
    sentences or clauses than the source (z <= -supported_z)."""
    if z > -min(supported, cut_end):
        return False
    ending = _ending(segment.target)
    if z <= -cut_end and ending == CUT_END:
        return True
    return z <= -supported and (ending is not None or src_sent >= 2 and tgt_sent < src_sent
                                or _fewer_clauses(segment.source, segment.target))


# Clauses: the pieces between Chinese ，；：。！？ (and , ; : ! ?), and between English , ; : . ! ? before a
# space or the end, or around a spaced dash; a piece counts when it has a letter, digit or Han character.
_ZH_CLAUSE_BREAK = re.compile(r"[，；：。！？,;:!?]")
_EN_CLAUSE_BREAK = re.compile(r"[,;:.!?](?=[\s\"”’')]|$)|\s[-–—]{1,2}\s")
_WORD_CHAR = re.compile(r"\w")
MIN_SOURCE_CLAUSES = 4


def clause_count(text: str, breaks: re.Pattern) -> int:
    return sum(1 for piece in breaks.split(text) if _WORD_CHAR.search(piece))


def _fewer_clauses(source: str, target: str) -> bool:
    """A source of 4+ clauses rendered in half as many or fewer: a cut drops the clauses after it
    (`对触碰底线的行为，不能听之任之，必须敢于亮剑，以法治正义捍卫英烈尊严。` -> `We cannot let actions that
    touch the bottom line drift. We must dare.`). With z <= -supported_z, as fewer sentences."""
    src = clause_count(source, _ZH_CLAUSE_BREAK)
    return src >= MIN_SOURCE_CLAUSES and 2 * clause_count(target, _EN_CLAUSE_BREAK) <= src


# Words a cut mid-clause leaves at the end (`... the rise of.`, `... on the road "in.`, `... will be.`,
# `... and they.`): prepositions, possessives, modals, subject pronouns, subordinators. On newstest
# 2017-2019, TICO-19 and the TED references (9,951 segments of 15+ units) one clean target ending on one
# has z <= -2.0: `... we all are.`, an auxiliary after its subject, which is why those (ELLIPSIS: `it
# has.`, `than they did.`) need z <= -supported_z, as the shorter list of 886fb3a did.
CUT_END, ELLIPSIS = "cut", "ellipsis"
_PREPOSITIONS = "of in to with for on at by from into about toward towards among amid via per upon onto including"
_DETERMINERS = "its their his her my our your this these those"
_AUXILIARIES = "has have had is was are were will would can could should must may might shall be been"
_SUBJECTS = "i we they he she"
_SUBORDINATORS = "because whether although though if"
_CUT_WORDS = frozenset(" ".join((_PREPOSITIONS, _DETERMINERS, _AUXILIARIES, _SUBJECTS, _SUBORDINATORS)).split())
_AUXILIARY = frozenset(_AUXILIARIES.split())
_ELLIPSIS_SUBJECTS = frozenset("i you he she it we they who there all".split())
_TOKEN = re.compile(r"\w+")  # findall, not a search anchored at $: linear (a `...$` search retries at every start)


def _ending(text: str):
    """CUT_END, ELLIPSIS (an auxiliary right after its subject: `we all are.`) or None."""
    tokens = _TOKEN.findall(text[-60:])
    word = tokens[-1].lower() if tokens else ""
    if word not in _CUT_WORDS:
        return None
    before = tokens[-2].lower() if len(tokens) > 1 else ""
    return ELLIPSIS if word in _AUXILIARY and before in _ELLIPSIS_SUBJECTS else CUT_END


# Words that never end an English sentence: a target ending `... more than.` or `... of the.` was cut off.
# On newstest 2017-2019, TICO-19 and the TED MQM targets (25,000 lines) these end 1 line (`... help but.`,
# an MT error); `of`, `to`, `with`, `that`, `on` do end real sentences and are not listed.
# `a kind.`, `a sort.`: nouns that need their `of` complement after a/an (`one of a kind.` is whole);
# none of the 25,000 lines above ends like that.
_DANGLING = re.compile(r"(?<![\w'’-])(the|an|a|and|or|nor|but|than|which|whose|as"
                       r"|(?<!\bof )an? (?:kind|sort|type|variety|series))\s*[.!?]+[\"”’')\]]*\s*$")
_DANGLING_WORDS = ("the", "an", "a", "and", "or", "nor", "but", "than", "which", "whose", "as",
                   "kind", "sort", "type", "variety", "series")


def _may_dangle(text: str) -> bool:
    """False when `text` cannot match _DANGLING: its end, read backwards as the regex reads it forwards
    (space, closing quotes, at least one stop, space), is not preceded by one of the words."""
    core = text.rstrip().rstrip("\"”’')]")
    word_end = core.rstrip(".!?")
    return len(word_end) < len(core) and word_end.rstrip().endswith(_DANGLING_WORDS)


@check_type("truncated-sentence", placeholders=("word",))
def truncated_sentence(segment, options, context):
    """The target ends with a word no sentence ends with (`the.`, `and.`, `than.`): it was cut off."""
    if not _may_dangle(segment.target):  # nearly every target: the regex would scan it all
        return ()
    return _truncated(segment)


def _truncated(segment):
    m = _DANGLING.search(segment.target)
    if m and segment.source.strip():
        yield Hit("target", m.start(1), m.end(1), {"word": m.group(1)})

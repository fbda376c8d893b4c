"""Punctuation in the English target: Chinese fullwidth marks left behind."""

from __future__ import annotations

import functools
import re

from transqa.checks.base import check_type, segments_at
from transqa.lazyre import LazyPattern
from transqa.model import Hit

# Fullwidth / CJK marks and their ASCII replacements. U+201C/U+201D (“ ”) are shared with English
# typography and only flagged when `curly_quotes` is on.
FULLWIDTH = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
             "【": "[", "】": "]", "《": "\"", "》": "\"", "、": ",", "「": "\"", "」": "\"",
             "『": "\"", "』": "\"", "〈": "\"", "〉": "\"", "…": "...", "—": "-"}
_CURLY = {"“": "\"", "”": "\""}


def _validate(options):
    if not isinstance(options["marks"], str) or not options["marks"]:
        raise ValueError("marks must be a non-empty string of characters")


@functools.lru_cache(maxsize=64)
def _marks_pattern(marks: str) -> tuple[re.Pattern, bool]:
    """The pattern for a run of `marks`, and whether an ASCII text can contain none of them."""
    return re.compile("[" + re.escape(marks) + "]+"), not any(c.isascii() for c in marks)


@check_type("fullwidth-punctuation", options={"marks": "，。：；！？（）【】《》、「」『』〈〉", "curly_quotes": False},
            placeholders=("mark", "replacement"), validate=_validate)
def fullwidth_punctuation(segment, options, context):
    """Chinese (fullwidth) punctuation in the English target, with the ASCII mark as suggestion."""
    pattern, non_ascii = _marks_pattern(options["marks"] + ("“”" if options["curly_quotes"] else ""))
    if non_ascii and segment.target.isascii():
        return ()
    return [_fullwidth_hit(m.start(), m.end(), m.group()) for m in pattern.finditer(segment.target)]


def _fullwidth_hit(start: int, end: int, mark: str) -> Hit:
    replacement = "".join(FULLWIDTH.get(ch, _CURLY.get(ch, ch)) for ch in mark)
    return Hit("target", start, end, {"mark": mark, "replacement": replacement}, suggestion=replacement)


# ---- Chinese marks written as sequences (…… ellipsis, —— dash) ------------------------------------------
_SEQUENCE_RE = re.compile(r"…{2,}|—{2,}|\u2015{2,}")
_SEQUENCE_ASCII = {"…": "...", "—": "—", "\u2015": "—"}


@check_type("chinese-dash-ellipsis", placeholders=("mark", "replacement"))
def chinese_dash_ellipsis(segment, options, context):
    """The Chinese six-dot ellipsis (……) or two-em dash (——) in the English target; English uses ... and —."""
    text = segment.target
    if "……" not in text and "——" not in text and "――" not in text:
        return ()
    return [Hit("target", m.start(), m.end(), {"mark": m.group(), "replacement": _SEQUENCE_ASCII[m.group()[0]]},
                suggestion=_SEQUENCE_ASCII[m.group()[0]]) for m in _SEQUENCE_RE.finditer(text)]


# ---- Unbalanced brackets and quotes -----------------------------------------------------------------
_PAIRS = {")": "(", "]": "[", "}": "{"}
_BRACKET_RE = re.compile(r"[()\[\]{}]")
# List enumerators and emoticons use a closing bracket alone: `1)`, `a)`, `:)`.
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s(]))(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\)|[:;]-?[()\]\[]")


def _may_end_enumerator(text: str, pos: int) -> bool:
    """Whether an _ENUMERATOR match can end at `pos`: the character before is a digit (`\\d`), an ASCII
    letter, or `:` `;` `-` (emoticons)."""
    if pos == 0:
        return False
    before = text[pos - 1]
    return before in ":;-" or before.isdigit() or (before.isascii() and before.isalpha())


@check_type("unbalanced-brackets", placeholders=("bracket",))
def unbalanced_brackets(segment, options, context):
    """An opening bracket without its closing one, or the reverse: ( ) [ ] { }. List enumerators `1)` are fine."""
    text = segment.target
    if not _BRACKET_RE.search(text):
        return ()
    return _bracket_hits(text)


def _bracket_hits(text: str):
    skip = None  # end positions of enumerators and emoticons, found only when one may matter
    stack: list[tuple[str, int]] = []
    for m in _BRACKET_RE.finditer(text):
        ch, pos = m.group(), m.start()
        if not (stack and stack[-1][0] == "(") and _may_end_enumerator(text, pos):
            if skip is None:
                skip = {e.end() - 1 for e in _ENUMERATOR.finditer(text)}
            if pos in skip:
                continue
        if ch in "([{":
            stack.append((ch, pos))
        elif stack and stack[-1][0] == _PAIRS[ch]:
            stack.pop()
        else:
            yield Hit("target", pos, pos + 1, {"bracket": ch})
    for ch, pos in stack:
        yield Hit("target", pos, pos + 1, {"bracket": ch})


_QUOTE_RE = re.compile(r'["“”]')


_NEXT_TO_SPACE = frozenset("([{—-/")  # a quote after these opens, like one after a space
_BEFORE_SPACE = frozenset(",.;:!?)]")  # a quote before these closes, like one before a space


def _quote_side(text: str, pos: int) -> int:
    """1: a straight quote that opens (after the start, a space or a bracket, before a non-space);
    -1: one that closes (after a non-space); 0: spaced on both sides (`the term " black holes " and`,
    common in MT output and Chinese-origin English), which opens or closes by the quotes before it."""
    before = text[pos - 1] if pos else " "
    if not (before.isspace() or before in _NEXT_TO_SPACE):
        return -1
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return 0 if after.isspace() or after in _BEFORE_SPACE else 1


@check_type("unbalanced-quotes", options={"continued_quotes": True}, placeholders=("quote",))
def unbalanced_quotes(segment, options, context):
    """A double quotation mark without its partner: straight " or curly “ ”.

    Each mark is read as opening or closing (curly marks by their shape, straight ones by the
    neighbouring spaces; one with spaces on both sides opens when no quotation is open and closes
    one otherwise). With `continued_quotes`, a quotation that runs in from the previous segment
    (the first mark closes) or on into the next one (the last mark opens) is accepted: sentence-split
    news text and multi-paragraph quotations do that. Single quotes are not checked (apostrophes).
    """
    text = segment.target
    if '"' not in text and "“" not in text and "”" not in text:
        return ()
    return _quote_hits(text, options["continued_quotes"])


def _quote_hits(text: str, continued: bool):
    marks = [(m.start(), m.group()) for m in _QUOTE_RE.finditer(text)]
    if not marks:
        return
    stack: list[int] = []  # positions of open quotations; nesting the same mark is common in news copy
    last_open = None
    for n, (pos, mark) in enumerate(marks):
        side = 1 if mark == "“" else -1 if mark == "”" else _quote_side(text, pos)
        if side > 0 or (side == 0 and not stack):
            stack.append(pos)
            last_open = pos
        elif stack:
            stack.pop()
        elif not (continued and n == 0):
            yield Hit("target", pos, pos + 1, {"quote": mark})
    if stack and continued and stack == [last_open]:
        return  # the quotation runs on into the next segment
    for pos in stack:
        yield Hit("target", pos, pos + 1, {"quote": text[pos]})


# ---- Spacing and doubling around punctuation ---------------------------------------------------------
# A space before , ; : ! ? or a sentence-final . (not an ellipsis, spaced `. . .` included, a decimal
# `.5`, `.NET`-like names, or an emoticon `:)` `;-)`).
_SPACE_BEFORE = LazyPattern(r"(?<=[\w\"”’')\]])([ \t\u00a0]+)([,!?]|[;:](?!-?[()\[\]])|\.(?![.\w]| \.))(?!\w)")
# A ratio or score written with spaces, `3 : 1`: not a stray space.
_SPACED_RATIO = LazyPattern(r"\s*\d")
# Doubled or clashing marks: `,,` `;;` `::` `..` (not `...`), `,.` `.,` `;.` `?.` ...
_DOUBLED_PUNCT = re.compile(r"(?<![.…])(?:,,|;;|::|\.\.(?!\.)|[,;:][.,;]|[!?][.,;]|\.[,;])(?![.…])")
_SPACE_PUNCT_GATE = re.compile(r"\s[,;:!?.]")
_PUNCT_PAIR_GATE = re.compile(r"[,;:!?.][,;:.]")


class _ByFirstChar:
    """`search(text) is not None` for a regex `[chars]rest`, as one regex per character of `chars` that
    starts with it: the regex engine scans for a leading literal quickly (a C loop) but tests a leading
    class at every character, and a character absent from the text (`in`, also a C scan) is skipped."""

    def __init__(self, chars: str, rest: str):
        self.searches = tuple((c, re.compile(re.escape(c) + rest).search) for c in chars)

    def __call__(self, text: str) -> bool:
        for char, search in self.searches:
            if char in text and search(text) is not None:
                return True
        return False


# _SPACE_PUNCT_GATE and _PUNCT_PAIR_GATE found (tests/test_punctuation_gates.py: the same texts)
_may_space_before_punct = _ByFirstChar(",;:!?.", r"(?<=\s.)")
_may_double_punct = _ByFirstChar(",;:!?.", "[,;:.]")

# Words that take a full stop mid-sentence: titles, company forms, units, months, AP-style US state
# abbreviations (`Tampa, Fla., said`), reference words (`et al.`, `Fig.`). One list for PUNC006 and PUNC007
# (PUNC006 also takes `in.` for inches; a sentence ending `came in.` is too common for PUNC007 to skip).
_ABBREVIATIONS = ("etc|Inc|Ltd|Co|Corp|Bros|Jr|Sr|St|No|Nos|vs|al|cf|ca|approx|incl|esp|viz|Dr|Mr|Mrs|Ms|Prof|"
                  "Gov|Gen|Sen|Rep|Lt|Col|Capt|Sgt|Rev|Hon|Assn|Assoc|Dept|dept|Univ|Ave|Blvd|Mt|Ft|Fig|Figs|fig|"
                  "Vol|vol|pp|ed|eds|Eq|eq|ft|lb|lbs|oz|yd|mi|sq|min|sec|hr|hrs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
                  "Sep|Sept|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|"
                  "Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|Wis|Wyo")
_LONGEST = 9  # a window that holds the longest abbreviation and its stop (\b sees the character before it)
_ABBREVIATION_DOT = LazyPattern(r"(?:\b[A-Za-z]\.|\b(?:in|" + _ABBREVIATIONS + r")\.)$")  # used on rare hits only


@check_type("space-before-punctuation", placeholders=("mark",))
def space_before_punctuation(segment, options, context):
    """A space before , ; : ! ? or a final full stop (`word ,`). Ellipses and decimals are fine."""
    if not _may_space_before_punct(segment.target):
        return ()
    text = segment.target
    return [Hit("target", m.start(1), m.end(2), {"mark": m.group(2)}, suggestion=m.group(2))
            for m in _SPACE_BEFORE.finditer(text)
            if not (m.group(2) == ":" and text[m.start(1) - 1].isdigit() and _SPACED_RATIO.match(text, m.end()))]


@check_type("doubled-punctuation", placeholders=("marks",))
def doubled_punctuation(segment, options, context):
    """Two punctuation marks where one belongs: `,,` `..` `,.` `;.` `?.`. Abbreviations (`etc.,` `U.S.,`) are fine."""
    text = segment.target
    if not _may_double_punct(text):
        return ()
    return _doubled_hits(text)


def _doubled_hits(text: str):
    for m in _DOUBLED_PUNCT.finditer(text):
        if m.group()[0] == "." and _ABBREVIATION_DOT.search(text, max(0, m.start() - _LONGEST), m.start() + 1):
            continue
        yield Hit("target", m.start(), m.end(), {"marks": m.group()}, suggestion=m.group()[0])


# ---- Sentence starts and ends ---------------------------------------------------------------------
_FIRST_WORD = re.compile(r"[\s\"“‘'(\[«—-]*([^\W\d_][\w'’-]*)")
_MID_START = re.compile(r"(?<=[a-z0-9%\"”’)][.!?])([\"”’)]*\s+[\"“‘(]?)([a-z][\w'’-]*)")
# What a _MID_START match needs, without its per-position look-behind (a fast scan for most texts).
_MID_START_GATE = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]?[a-z]")
_may_start_mid_sentence = _ByFirstChar(".!?", r"[\"”’)]*\s+[\"“‘(]?[a-z]")  # _MID_START_GATE found
_INNER_CAPITAL = re.compile(r"[a-z][\w'’-]*[A-Z]")  # iPhone, eBay, mRNA: lowercase by design
_ZH_SENTENCE_START = LazyPattern(r"^[\s“‘「『（(《]*[\u3400-\u9fff]")
_ZH_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*\s*$")
# English ends, plus Chinese ones (those are PUNC001's business, not a missing mark).
# A closing parenthetical after a finished sentence: `solutions. (Translated from ...)`, `(Xinhua)`.
_TRAILING_NOTE = re.compile(r"[.!?][\"”’']?\s*[(\[][^()\[\]]*[)\]]\s*$")
_EN_SENTENCE_END = re.compile(r"(?:[.!?…。！？]|\.\.\.)[\"”’')\]」』）\s]*$|[:;：；]\s*$")
_ABBREVIATION_BEFORE = LazyPattern(r"(?:\b[A-Za-z]|\b(?:i\.e|e\.g|" + _ABBREVIATIONS + r"))\.$")
# A lowercase name: a domain or file name (`cctv.com news:`), an e-mail address or URL (`www`, `http://`).
_NAME_AFTER = LazyPattern(r"\.[a-z]|@|://")
# A stop that does not end a sentence: a list number at the start or after a colon or semicolon
# (`2. we must ...; 3. we must ...`), or a brand with an exclamation mark (`Yahoo! and Google`).
_NOT_A_STOP = LazyPattern(r"(?:(?:^|[:;])\s*\(?(?:\d{1,2}|[ivxIVX]{1,4})\)?\.|\b(?:Yahoo|Jeopardy)!)$")
# A fragment continuing the previous segment's sentence starts lowercase by design: `and allow all...`.
_CONTINUATION = frozenset("""and or but nor so yet that which who whom whose where when while as than
with without of to in on at by for from into about after before between through under over the a an
is are was were be been has have had will would can could should may might including such said""".split())


# ---- Sentences split across segments ---------------------------------------------------------------
# Line-aligned news, subtitles and MT input often split one sentence over two segments: the first
# ends in a comma or `and`, the second starts lowercase. With `continued_segments` (PUNC007, PUNC008),
# such a pair is read as one sentence: finish reads the neighbour of each candidate (segments_at).
_CLOSING = "\"”’')]」』）》 \t\u3000"
_SOURCE_ENDS = frozenset("。！？!?.…")
_TARGET_ENDS = frozenset(".!?…")
# A target tail no English sentence ends on: a comma, semicolon, colon or dash, or a function word.
_OPEN_MARKS = frozenset(",;:，；：、—–-")
_OPEN_WORDS = frozenset("""and or but nor that which whose the a an of to with by for from as than including such
between whether if because into""".split())


def _open_tail(target: str) -> bool:
    """The target ends on a comma, semicolon, colon or dash, or on a word like `and`, `the`, `of`."""
    body = target.rstrip(_CLOSING)
    last = body[-1:]
    if last in _OPEN_MARKS:  # ("" is not in it: an empty body falls through to isalpha, False)
        return True
    return last.isalpha() and body[body.rfind(" ") + 1:].lower() in _OPEN_WORDS


def _leaves_open(segment) -> bool:
    """The segment's sentence goes on in the next one: its source does not end with a sentence mark
    (it ends with ，； or nothing), or its target ends on a comma or a word like `and`, `the`, `of`."""
    source = segment.source
    if source[-1:] not in _SOURCE_ENDS:  # fast path: most sources end on their mark
        tail = source.rstrip(_CLOSING)[-1:]
        if tail and tail not in _SOURCE_ENDS:
            return True
    target = segment.target
    return target[-1:] not in _TARGET_ENDS and _open_tail(target)


def _in_brackets(lead: str) -> bool:
    """A stage direction or aside in brackets is no sentence start: `(laughs) Thank you.`, `[applause]`."""
    return "(" in lead or "[" in lead


def _lowercase_start(text: str):
    """The first word of `text` when it starts lowercase (not iPhone-like, not in a bracket), else None."""
    if text[:1].isupper():
        return None
    first = _FIRST_WORD.match(text)
    if first and first.group(1)[0].islower() and not _INNER_CAPITAL.match(first.group(1)) \
            and not _in_brackets(first.group()) and not _NAME_AFTER.match(text, first.end()):
        return first
    return None


@check_type("lowercase-sentence-start", scope="document", options={"continued_segments": True},
            placeholders=("word",))
class LowercaseSentenceStart:
    """A sentence of the target starts with a lowercase letter.

    The first word counts only when the source is a whole sentence (starts with a Han character, ends
    with 。！？) and the word is not a typical continuation (`and`, `that`, `with`...); with
    `continued_segments`, not when the previous segment leaves its sentence open (its source ends
    with ， or no mark, its target with a comma or `and`): the segment continues a sentence split
    across lines. Words with an inner capital (iPhone, eBay, mRNA), words after abbreviations
    (`e.g.`, `vs.`) or list numbers, stage directions (`(laughs)`) and domain names are fine.
    """

    reads_segments = True  # finish reads the segment before each first-word candidate (checks/base.py)

    @staticmethod
    def collect(index, segment, options, context):
        text = segment.target
        first = _lowercase_start(text)
        mid = _may_start_mid_sentence(text)
        if not (first or mid):
            return ()
        records = []
        if first and first.group(1).lower() not in _CONTINUATION \
                and _ZH_SENTENCE_START.match(segment.source) and _ZH_SENTENCE_END.search(segment.source[-8:]):
            records.append((index, first.start(1), first.group(1), True))
        if mid:
            records += [(index, start, word, False) for start, word in _mid_sentence_starts(text)]
        return records

    @staticmethod
    def finish(records, options, context, segments):
        wanted = sorted({r[0] - 1 for r in records if r[3] and r[0]}) if options["continued_segments"] else ()
        before = segments_at(segments, wanted) if wanted else {}
        for index, start, word, first in records:
            if first and index - 1 in before and _leaves_open(before[index - 1]):
                continue  # the previous segment's sentence goes on here
            yield Hit("target", start, start + 1, {"word": word}, suggestion=word[0].upper(), segment=index)


def _mid_sentence_starts(text: str):
    """(offset, word) of each lowercase word that starts a sentence after . ! ? inside the text."""
    for m in _MID_START.finditer(text):
        word = m.group(2)
        stop = m.start(1)
        if _INNER_CAPITAL.match(word) or "(" in m.group(1) \
                or _ABBREVIATION_BEFORE.search(text, max(0, stop - _LONGEST), stop) \
                or _NOT_A_STOP.search(text, 0, stop):
            continue
        if text[m.start(1) - 1] in "!?" and m.group(1)[:1] in "\"”’)":
            continue  # a quoted question or exclamation inside a sentence: `a "who cares?" backlash`
        yield m.start(2), word


_STOPS = frozenset(".!?…。！？:;：；")


def _ends_sentence(target: str) -> bool:
    """`not target.strip() or _EN_SENTENCE_END.search(target[-12:])`, without the regex when the last
    character but white space is a stop or colon within those 12 (then the regex matches there)."""
    body = target.rstrip()
    if not body:
        return True
    if body[-1] in _STOPS and len(target) - len(body) < 12:
        return True
    return _EN_SENTENCE_END.search(target[-12:]) is not None


_MINOR_WORDS = frozenset("a an the and or but nor of in on at to for by with from as vs via into".split())
_WORD = LazyPattern(r"[^\W\d_][\w'’-]*")


def _headline(text: str) -> bool:
    """Title Case with three or more content words (`Philippines First HSK Study Abroad Exhibition`):
    English headlines take no final full stop even where the Chinese one has 。."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _MINOR_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


@check_type("missing-final-punctuation", scope="document", options={"continued_segments": True},
            placeholders=("mark",))
class MissingFinalPunctuation:
    """The source ends a sentence (。！？) but the target ends without . ! ? (or an ellipsis, colon).

    Not flagged: a closing note after the stop (`solutions. (Xinhua)`), a Title Case headline, and
    with `continued_segments` a target whose sentence goes on in the next segment (that one starts
    lowercase, and this one ends on a comma or a word like `and`, or the next starts `and`, `to` ...).
    """

    reads_segments = True  # finish reads the segment after each candidate (checks/base.py)

    @staticmethod
    def collect(index, segment, options, context):
        target = segment.target
        if _ends_sentence(target):  # most targets: decided without a regex, before the source's
            return ()
        m = _ZH_SENTENCE_END.search(segment.source[-8:])  # only the tail matters: cheap on long segments
        if not m or _TRAILING_NOTE.search(target[-200:]) or _headline(target):
            return ()
        end = len(target.rstrip())
        mark = FULLWIDTH.get(m.group().strip()[0], m.group().strip()[0])
        return [(index, end, mark, target[end - 1], _open_tail(target))]

    @staticmethod
    def finish(records, options, context, segments):
        count = len(segments)
        wanted = sorted(r[0] + 1 for r in records if r[0] + 1 < count) if options["continued_segments"] else ()
        after = segments_at(segments, wanted) if wanted else {}
        for index, end, mark, last, open_tail in records:
            following = after.get(index + 1)
            first = following is not None and _lowercase_start(following.target)
            if first and (open_tail or first.group(1).lower() in _CONTINUATION):
                continue  # the sentence goes on in the next segment
            yield Hit("target", end - 1, end, {"mark": mark}, suggestion=last + mark, segment=index)

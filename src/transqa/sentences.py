"""Paragraphs (blank-line separated) and sentences of a plain-text document, with their file lines.

Chinese sentences end at 。！？； (and ！？!?…… runs), closing quotes and brackets staying with the
sentence. English sentences end at . ! ? followed by space and a capital, digit, quote or bracket,
except after abbreviations (Mr., Nov., No. 5, U.S., e.g.), initials (J. K. Rowling) and inside
decimals (3.5). A span of nothing but closing quotes or brackets (`变化 。 ”`, `it . "`) belongs to the
sentence before it. A line break inside a paragraph ends a sentence (titles, datelines, list items,
one sentence per line) unless the paragraph is hard-wrapped (`_blocks`; joined lines get a space, or
nothing between two CJK characters). A break that is plainly mid-sentence (`_continues`: `...while
reserving differences,` / `and work together...`) still ends the sentence, flagged `joins_next`: a hint
the aligner uses to merge it with the next one cheaply, so line-aligned inputs keep their line links.
A Chinese sentence ending in ； is flagged the same way (translators often keep the clauses in one
English sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transqa.textspans import HAN

CLOSERS = "”’\"'」』）)】》〉\\]"
_CLOSING = "”’\"'」』）)】》〉]"
# ASCII ! ? end a Chinese sentence only before a space, a closing mark or the end: a bare `?` between
# Han characters is usually a mangled middle dot (尼尔?布莱克).
_ZH_END = re.compile(f"(?:[。！？；]+[!?]*|[!?]+(?=[\\s{CLOSERS}]|$)|…+|\\.{{3,}})[{CLOSERS}]*(?:\\s+[”’」』）】》〉]+)?")
# A closing quote set off by a space (`it. ” Then`) still belongs to the sentence it closes.
_EN_END = re.compile(f"[.!?]+[{CLOSERS}]*(?:\\s+[”’](?=\\s))?(?=\\s+[\\[(\"“‘'A-Z0-9{HAN}]|\\s*$)")
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "rev", "hon", "pres", "amb", "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "art", "fig", "p", "pp", "para", "sec", "ch",
    "inc", "ltd", "co", "corp", "dept", "univ", "assn", "bros", "vs", "etc", "al", "approx", "est", "ca",
}
# Words that end abbreviations only when a number follows: "No. 5", "Art. 3" (not "said no. The ...").
_NUMBER_ABBREVIATIONS = {"no", "nos", "vol", "art", "fig", "p", "pp", "para", "sec", "ch"}
_FIRST_WORD_CHAR = re.compile(r"\w")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int           # 1-based file line where the sentence starts
    paragraph: int      # 0-based paragraph index
    column: int = 0     # 0-based offset of its first word character in that line (whitespace-stripped)
    joins_next: bool = False  # ends at a line break that is plainly mid-sentence (continues on the next line)
    single_line: bool = True  # its text lies on one file line (offsets in it map to columns of that line)
    ends_line: bool = True    # a line break (or the paragraph's end) follows it: the last sentence of its line


def paragraphs(text: str) -> list[list[tuple[int, str]]]:
    """Paragraphs as lists of (1-based line, line text), split at blank lines."""
    out: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if line.strip():
            current.append((n, line))
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


_WIDTH = {"en": (40, 100), "zh": (20, 60)}  # plausible hard-wrap widths, in characters
_SENTENCE_FINAL = re.compile(f"[.!?。！？；…][{CLOSERS}]*$")


def _hard_wrapped(lines: list[str], lang: str) -> bool:
    """A paragraph wrapped at a fixed width: 3+ lines, the non-final ones of nearly equal length
    within a plausible width, and most of them ending mid-sentence."""
    body = [line.strip() for line in lines[:-1]]
    if len(body) < 2:
        return False
    width = max(len(line) for line in body)
    low, high = _WIDTH[lang]
    open_ends = sum(1 for line in body if not _SENTENCE_FINAL.search(line))
    return low <= width <= high and all(len(line) >= 0.75 * width for line in body) and open_ends * 2 >= len(body)


_ZH_OPEN_END = re.compile(r"[，、：,:（(“‘《—-]$")


def _continues(line: str, following: str, lang: str) -> bool:
    """A line plainly broken mid-sentence: English ending in a lower-case letter, digit, comma or hyphen
    and followed by a lower-case start; Chinese ending in a comma, enumeration comma, colon or an
    opening bracket or quote (a Chinese line ending in a Han character may be a headline)."""
    last, first = line.rstrip()[-1:], following.lstrip()[:1]
    if lang == "zh":
        return bool(_ZH_OPEN_END.search(last))
    return bool(re.match(r"[a-z0-9,;:\-–—(]", last)) and bool(re.match(r"[a-z0-9(]", first))


def _blocks(lines: list[tuple[int, str]], lang: str) -> list[tuple[str, list[tuple[int, int]], bool]]:
    """Runs of joined lines as text, each with (offset, line) marks of where its lines start and
    whether it ends mid-sentence (continues in the next block).

    A line break ends a sentence (titles, datelines, list items, one sentence per line) unless the
    paragraph is hard-wrapped at a fixed width; a break plainly mid-sentence (`_continues`) is flagged
    instead of joined: lower-case lines without a stop are as often one utterance per line (TICO-19's
    dialogues: 38 false omissions per 2,100 lines when such lines were joined) as one sentence wrapped."""
    han = re.compile(f"[{HAN}]")
    breaks = [_continues(line, lines[k + 1][1], lang) for k, (_, line) in enumerate(lines[:-1])]
    wrapped = _hard_wrapped([line for _, line in lines], lang)
    out: list[tuple[str, list[tuple[int, int]], bool]] = []
    text, marks = "", []
    for k, (n, line) in enumerate(lines):
        line = line.strip()
        if text:
            text += "" if han.match(text[-1]) and han.match(line[0]) else " "
        marks.append((len(text), n))
        text += line
        if k + 1 == len(lines) or not wrapped:
            out.append((text, marks, k + 1 < len(lines) and breaks[k]))
            text, marks = "", []
    return out


def _en_boundary(text: str, end: int, match_start: int) -> bool:
    if text[match_start] != ".":
        return True
    before = _WORD_BEFORE.search(text[:match_start + 1])
    if not before:
        return True
    word = before.group(1)
    lowered = word.lower().rstrip(".")
    rest = text[end:].lstrip()
    if "." in word or len(word) == 1:          # U.S., e.g., initials J. / K.
        return bool(len(word) > 2 and rest[:1].isupper() and word.lower() not in ("e.g.", "i.e.")
                    and _sentence_start(rest))
    if lowered in _NUMBER_ABBREVIATIONS:
        return not rest[:1].isdigit()
    return lowered not in ABBREVIATIONS


_SPACED_QUOTE = re.compile(r'\s+"(?=\s|$)')


def _en_closing_quote(text: str, end: int) -> int:
    """`changed . " Moran said`: a spaced straight quote after the stop closes the sentence when the
    sentence has an odd number of straight quotes."""
    quote = _SPACED_QUOTE.match(text, end)
    if quote and text.count('"', text.rfind("\n", 0, end) + 1, end) % 2:
        return quote.end()
    return end


def _sentence_start(rest: str) -> bool:
    """After U.S./U.K.: a new sentence only if the next word is a common sentence opener."""
    first = re.match(r"[A-Za-z]+", rest)
    return bool(first) and first.group().lower() in {"the", "it", "this", "that", "he", "she", "they", "we",
                                                     "in", "on", "at", "but", "and", "a", "an", "its", "their"}


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of one paragraph, surrounding spaces excluded."""
    spans, start = [], 0
    if lang == "zh":
        ends = [m.end() for m in _ZH_END.finditer(text)]
    else:
        ends = [_en_closing_quote(text, m.end()) for m in _EN_END.finditer(text)
                if _en_boundary(text, m.end(), m.start())]
    for end in [*ends, len(text)]:
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            if spans and not chunk.strip(_CLOSING + " \t\u3000"):  # a quote left behind by ` 。 ”`
                spans[-1] = (spans[-1][0], start + len(chunk.rstrip()))
            else:
                spans.append((start + lead, start + len(chunk.rstrip())))
        start = end
    return spans


def document_sentences(text: str, lang: str) -> list[Sentence]:
    """Every sentence of a document, in order, with its starting line and paragraph index."""
    out = []
    for index, lines in enumerate(paragraphs(text)):
        for joined, marks, continues in _blocks(lines, lang):
            spans = split_sentences(joined, lang)
            for k, (start, end) in enumerate(spans):
                first = _FIRST_WORD_CHAR.search(joined, start, end)  # a stray quote belongs to the next line
                anchor = first.start() if first else start
                line = max(n for offset, n in marks if offset <= anchor)
                text = joined[start:end]
                soft = (continues and k + 1 == len(spans)) or text.rstrip(_CLOSING + " ").endswith("；")
                out.append(Sentence(text, line, index, anchor - max(
                    offset for offset, n in marks if offset <= anchor), soft,
                    not any(start < offset < end for offset, _ in marks), k + 1 == len(spans)))
    return out

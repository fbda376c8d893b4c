"""Is the target English at all? Wrong script, pinyin instead of a translation, another Latin-script language.

Decided by script counts and a cheap English test first (precompiled regexes, a few µs a segment);
langdetect (≈ 2.6 ms a call, non-deterministic unless seeded) is imported lazily and called only for
longer Latin-script targets that fail the English test, with `DetectorFactory.seed` fixed.
"""

from __future__ import annotations

import re

from transqa.checks.base import check_type
from transqa.lazyre import LazyPattern
from transqa.model import Hit

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+(?:['’][A-Za-z]+)?")
# Scripts that are neither Latin nor Han; each maps to the language it most likely is.
_SCRIPTS = (
    ("Japanese (kana)", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")),
    ("Korean (Hangul)", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("Cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("Arabic", re.compile(r"[\u0600-\u06ff]")),
    ("Greek", re.compile(r"[\u0370-\u03ff]")),
    ("Thai", re.compile(r"[\u0e00-\u0e7f]")),
)
# Frequent English words (function words plus common news vocabulary that is spelled differently in
# other Latin-script languages); a real English sentence of 6+ words nearly always has some.
_ENGLISH = frozenset("""
the of and to a in is it that for was on are as with he she they be at by this have from or had not but
what all were we when your can said there an which their if will one do no would out so up about into than
them then its our has been who could more these two may other also after most over new only how us
year years his her him you i me my people between against under says while before because should
off down just made make get got take took go goes going gets new first last next many much own same such
very each every any some both few per via among during without within across since until according
day days week weeks month months time times world country countries government state states city cities
police official officials president minister report reports percent million billion company companies
market price prices team game games season win won wins players fans work works working workers jobs
public service services project projects plan plans development national international local
american british chinese european china us u.s. uk eu un trump xi beijing london washington
""".split())
# Function words of other Latin-script languages (fr es de it pt nl id/ms), none of them English words:
# a target must show some before langdetect is asked (it names *a* language for any text, English too).
_FOREIGN = frozenset("""
le la les des du et est une un que qui dans pour pas sur avec ce cette sont ont été aux par
el los las del y es una por con para se lo como pero más está están muy
der die das und ist nicht mit den dem ein eine einen zu auf für sich von im auch wird werden
il gli della che di è non per sono nel alla questo anche
os da do das dos é não com uma mais também foi pelo pela
het een en van niet zijn wordt ook voor
yang dan di ini itu dengan untuk tidak ada dari ke akan pada dalam
""".split())
_ANY_SCRIPT = LazyPattern("|".join(pattern.pattern for _, pattern in _SCRIPTS))  # one class would take 10 ms to compile
_NON_ASCII_LETTER = re.compile(r"[\u00c0-\u024f]")

# One pinyin syllable: optional initial, a final, optional tone number; tone-marked vowels allowed.
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|üan|ai|ei|ao|ou|an|en|er|in|un|vn|ün|ia|ie|iu|"
          r"ua|uo|ui|ue|ve|üe|a|o|e|i|u|v|ü)")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_WORD = re.compile(f"(?:{_INITIAL}{_FINAL}[1-5]?)+", re.IGNORECASE)
_TONE_MARK = re.compile(f"[{_TONED}]")
_DETONE = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuüüüü")


# Two of these in a text make it English enough for both pinyin and other-language checks (C-level
# substring counts instead of tokenising every segment).
_EN_HINTS = (" the ", " of ", " and ", " to ", " is ", " for ", " that ", " with ", " was ", " are ", " has ",
             " will ", " said ")


def _english_at_a_glance(text: str) -> bool:
    head = text[:400]
    if head.count(" the ") + head.count(" of ") >= 2:
        return True  # each of these is also in `padded` below (a shortcut, same answer)
    padded = " " + head.lower().replace(",", " ").replace(".", " ") + " "
    hits = 0
    for hint in _EN_HINTS:
        hits += padded.count(hint)
        if hits >= 2:
            return True
    return False


def _letters(text: str) -> int:
    return len(_LATIN.findall(text))


def english_share(words: list[str]) -> float:
    """Share of words that are among the most frequent English words."""
    return sum(map(_ENGLISH.__contains__, map(str.lower, words))) / len(words) if words else 0.0


def is_pinyin(word: str) -> bool:
    return _PINYIN_WORD.fullmatch(word.lower().translate(_DETONE)) is not None


def detect_language(text: str, context) -> tuple[str, float]:
    """langdetect's best guess (language, probability), deterministic; imported on first use."""
    def factory():
        from langdetect import DetectorFactory, detect_langs

        DetectorFactory.seed = 0
        return detect_langs

    detect_langs = context.memo(("langdetect",), factory)
    try:
        best = detect_langs(text)[0]
    except Exception:  # langdetect raises on text without features; that is "unknown", not an error
        return "unknown", 0.0
    return best.lang, best.prob


def _span(text: str) -> tuple[int, int]:
    body = text.strip()
    start = text.index(body) if body else 0
    return start, start + len(body)


@check_type("target-wrong-script", options={"min_share": 0.5}, placeholders=("script",))
def target_wrong_script(segment, options, context):
    """Most letters of the target are in a script that is neither Latin nor Han (kana, Hangul, Cyrillic...)."""
    text = segment.target
    if text.isascii() or not _ANY_SCRIPT.search(text):  # no letter of any listed script: no count to weigh
        return ()
    latin = _letters(text)
    for script, pattern in _SCRIPTS:
        count = len(pattern.findall(text))
        if count and count >= options["min_share"] * (count + latin):
            return [Hit("target", *_span(text), {"script": script})]
    return ()


@check_type("pinyin-target", options={"min_words": 5, "min_share": 0.8}, placeholders=("words",))
def pinyin_target(segment, options, context):
    """The target is romanised Chinese (pinyin) rather than English.

    Needs `min_words` words (`min_words` - 1 of them distinct), `min_share` of them pinyin syllables
    that are not common English words, and almost no English function words. Tone marks count as
    pinyin. Many short English words also parse as pinyin (`like`, `long`, `men`), hence the thresholds.
    """
    if _english_at_a_glance(segment.target):
        return ()
    words = _WORD.findall(segment.target)
    if len(words) < options["min_words"] or english_share(words) > 0.1:
        return ()
    pinyin = {w.lower() for w in words if w.lower() not in _ENGLISH and (_TONE_MARK.search(w) or is_pinyin(w))}
    count = sum(1 for w in words if w.lower() in pinyin)
    if count >= options["min_share"] * len(words) and len(pinyin) >= options["min_words"] - 1:
        return [Hit("target", *_span(segment.target), {"words": len(words)})]
    return ()


@check_type("target-not-english", options={"min_words": 6, "max_english_share": 0.15, "min_probability": 0.9,
                                           "ignore": ["en"]},
            placeholders=("language", "probability"))
def target_not_english(segment, options, context):
    """A Latin-script target in another language (French, Spanish, Indonesian...).

    Only targets of `min_words` words or more whose share of common English words is at most
    `max_english_share` reach langdetect; it must name a language outside `ignore` with at least
    `min_probability`. langdetect is asked only when the target also shows a positive sign of another
    language (two function words of French, Spanish, German, Italian, Portuguese, Dutch or Indonesian,
    or two accented letters), never for ASCII title-case lines (headlines); each call costs 5-50 ms.
    Pinyin is left to the pinyin rule.
    """
    if _english_at_a_glance(segment.target):
        return ()
    words = _WORD.findall(segment.target)
    if len(words) < options["min_words"] or english_share(words) > options["max_english_share"]:
        return ()
    if sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words) and segment.target.isascii():
        return ()  # an English headline in title case (langdetect costs ~50 ms on these, and says English)
    foreign = sum(map(_FOREIGN.__contains__, map(str.lower, words)))
    if foreign < 2 and len(_NON_ASCII_LETTER.findall(segment.target)) < 2:
        return ()  # no positive sign of another language: short English lines are not sent to langdetect
    if sum(1 for w in words if is_pinyin(w)) >= 0.8 * len(words):
        return ()
    language, probability = detect_language(segment.target, context)
    if language not in options["ignore"] and language != "unknown" and probability >= options["min_probability"]:
        return [Hit("target", *_span(segment.target), {"language": language, "probability": round(probability, 2)})]
    return ()

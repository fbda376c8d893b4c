"""Numbers, dates and times in Chinese text -> `Quantity`s, with spans into the original text.

Passes run in order and each claims its span: decades and event names, vague amounts, dates and
times (zh_dates.py), percentages and fractions, then ordinals and plain numbers. A Chinese numeral
becomes a number only where the context says it is one (a classifier or unit after it, 第 before it,
a scale inside it): 四川, 一些, 统一, 万一, 一带一路, 三农, 两会, 十分 (very), 千万 (must) stay words.
Vague amounts (几十, 数万, 上百) are kept as vague quantities: they explain a translation's number but
are never reported; 两三天 and 三四个 are not numbers at all.
"""

from __future__ import annotations

import re

from transqa.numbers.cnparse import DIGITS, parse, scale_of
from transqa.numbers.model import START, Quantity, mask_long_digit_runs, place_of
from transqa.numbers.units import zh_unit
from transqa.numbers.zh_base import (ANY_NUMERAL, CN, CNNUM, DNUM, NUM, VAGUE_BEFORE, D, _approx, _ascii, _Claims,
                                     _ident, _label, _next_in, _num)
from transqa.numbers.zh_dates import NUMSTART, _dates, _special_dates, _times

# A bare numeral right after one of these is part of a word: 统一, 唯一, 之一, 周一, 初一, 星期三.
WORD_BEFORE = set("统唯同之专划单归合均整逐周期拜初万千百十星群独凡")



# --- percentages, fractions, per-N ---------------------------------------------------------------
PERCENT_RE = re.compile(
    rf"(?=[{NUMSTART}约近逾超大])(?P<a>约|近|逾|超过|大约)?(?:(?P<pre>百分之|千分之|万分之)(?P<v1>{NUM})"
    rf"|(?P<v2>{DNUM})\s*(?P<sign>[%％‰])"
    rf"|(?P<v5>{DNUM})(?=\s?[-—–~～至到和、及与]\s?{DNUM}\s*(?:[%％]|多?个百分点))"
    rf"|(?P<v3>{NUM})(?P<pts>多?个百分点|个(?=[和、及与]{NUM}多?个百分点))"
    rf"|(?P<v6>百分百)"
    rf"|(?P<v4>[一二两三四五六七八九1-9])成(?![不为立功长员本果熟就交绩效人年都])"
    rf"|(?P<den>{NUM})分之(?P<num>{NUM})"
    rf"|(?<![0-9/.])(?P<sn>{D}{{1,2}})/(?P<sd>{D}{{1,3}})(?![0-9/]))")
TENTHS_GATE = re.compile(r"[一二两三四五六七八九1-9]成")   # what the 成 branch of PERCENT_RE needs
PER_RE = re.compile(r"(?=每)每(?P<per>十万|百万|千万|十|百|千|万|亿)")

# --- plain numbers ---------------------------------------------------------------------------------
NUMBER_RE = re.compile(
    rf"(?=[{NUMSTART}第负\-−－])(?:(?P<ord>第)?(?P<neg>(?<![^\s为是：:（(，,])(?<![0-9０-９%％]\s)[-−－](?=[0-9０-９][0-9０-９.]*(?![-0-9]))|负)?(?P<d>{DNUM})(?P<dmore>[多余])?(?:个(?=[万亿](?!元)))?(?P<dscale>[十百千万亿]*)(?P<dmore2>[多余])?"
    rf"|(?P<ord2>第)?(?P<c>{CNNUM})(?P<cmore>[多余来])?(?P<cscale>(?<=[多余])[万亿]+)?)")

# Classifiers and units: a Chinese numeral followed by one of these is a number (longest first).
CLASSIFIERS = sorted("""
个 位 名 人 次 年 月 日 天 届 项 家 件 条 种 所 座 岁 倍 元 块 角 秒 周 分钟 小时 个月 公里 千米 米 厘米 毫米
吨 公斤 千克 克 斤 亩 公顷 平方 立方 辆 架 艘 场 轮 批 份 只 头 本 部 台 张 篇 首 句 层 栋 间 户 例 宗 期
版 款 套 门 类 组 队 支 枚 颗 季度 股 度 里 英里 美元 欧元 英镑 日元 港元 韩元 卢布 澳元 人次 倍 强 段
片 处 节 集 章 款 点 票 幅 桩 起 趟 遍 顿 笔 任 代 声 届 例 所 座 口 棵 株 匹 对 双 副 扇 盏 册 道 圈 拨 批
位数 千瓦 瓦 伏 升 毫升 赛季 局 球 分 岁 世纪 年代 剂 针 剂次 床 级 星 环 线 号 路 区 省 市 县 国 大 方 强 名
""".split(), key=len, reverse=True)
CLASSIFIER_RE = re.compile("|".join(map(re.escape, dict.fromkeys(CLASSIFIERS))))
# After a bare Chinese numeral these classifiers read as a word, not a count: 一点 (a bit), 一时, 一道.
WORDY = {("一", "点"), ("一", "时"), ("一", "道"), ("一", "起"), ("一", "方"), ("一", "度"), ("一", "路"),
         ("一", "口"), ("一", "代"), ("一", "大"), ("一", "线"), ("一", "号"), ("一", "国"),
         ("两", "国"), ("一", "分"), ("万", "分"), ("一", "任"), ("一", "级"),
         ("一", "批"), ("一", "区"), ("一", "道"), ("一", "声"), ("一", "处"), ("一", "对"),
         ("三", "国"), ("万", "里"), ("一", "片"), ("一", "段"), ("一", "把"), ("一", "场"), ("一", "步")}


def _after_a_number(text: str, end: int) -> bool:
    """Whether the last character before `end`, spaces skipped, ends a number (a digit or a percent sign)."""
    i = end - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and (text[i].isdigit() or text[i] in "%％")


def _percents(text: str, claims: _Claims, out: list[Quantity]) -> None:
    # every percent, fraction and 成 pattern needs one of these characters
    gate = ("%" in text or "％" in text or "‰" in text or "/" in text or "分之" in text or "百分" in text
            or "成" in text and TENTHS_GATE.search(text) is not None)
    for m in (PERCENT_RE.finditer(text) if gate else ()):
        g = m.groupdict()
        if not claims.free(m.start(), m.end()):
            continue
        kind, raw = "percent", g["v1"] or g["v2"] or g["v3"] or g["v4"] or g["v5"] or ("百" if g["v6"] else None)
        negative = g["v2"] and m.start("v2") > 0 and text[m.start("v2") - 1] in "-−－" and \
            not _after_a_number(text, m.start("v2") - 1)      # 13-25%, 13 -25%: a range, not minus 25%
        if g["pre"] == "千分之" or g["sign"] == "‰":
            kind = "permille"
        value = _num(raw) if raw else None
        if g["pre"] == "万分之" and value is not None:
            kind, value = "fraction", value / 10_000
        elif g["v4"]:
            value = value * 10 if value is not None else None
        elif g["sn"]:
            num, den = _num(g["sn"]), _num(g["sd"])
            if not den or num is None or num >= den:
                continue
            kind, value, raw = "fraction", num / den, None
        elif g["den"]:
            den, num = _num(g["den"]), _num(g["num"])
            if not den or num is None or text[max(0, m.start() - 1):m.start()] in VAGUE_BEFORE:
                continue
            kind, value, raw = "fraction", num / den, None
        if value is None:
            continue
        if negative:
            value = -value
        start = m.start() + len(g["a"] or "")         # the span starts at the number, after 约/超过
        approx = bool(g["a"]) or _approx(text, m.start(), m.end())
        claims.take(m.start(), m.end())
        place = place_of(_ascii(raw)) if raw and raw[0] in "0123456789０１２３４５６７８９" else None
        out.append(Quantity(kind, value, start, m.end(), text[start:m.end()], approx=approx,
                            words=not (raw or "1")[0].isdigit(), place=place))
    for m in (PER_RE.finditer(text) if "每" in text else ()):
        if claims.free(m.start(), m.end()):
            claims.take(m.start(), m.end())
            out.append(Quantity("cardinal", float(scale_of(m.group("per"))), m.start(), m.end(), m.group(),
                                words=True))


# What the text right after a numeral must start with for _classifier_after to find one
CLASSIFIER_OR_MORE_FIRST = frozenset("多余来" + "".join(c[0] for c in CLASSIFIERS))


def _classifier_after(text: str, end: int) -> re.Match | None:
    """The classifier right after a Chinese numeral (多/余/来 between them allowed): 三个, 十多家."""
    if text[end:end + 1] not in CLASSIFIER_OR_MORE_FIRST:
        return None
    return CLASSIFIER_RE.match(text[end:end + 3].lstrip("多余来"))


def _accept_cn(text: str, start: int, end: int, token: str, ord2: str | None) -> bool:
    """Is this run of Chinese numeral characters (token, ending at `end`; the match, 第 included,
    starts at `start`) a number here (and not part of a word)? The classifier after it is looked up
    only by the tests that read it."""
    before = text[start - 1] if start else ""
    nxt = text[end:end + 1]
    if before in VAGUE_BEFORE or nxt == "几" or (nxt and nxt in "两三四五六七八九" and len(token) == 1):
        return False
    if len(token) > 1 and all(ch in DIGITS for ch in token):
        return False                                         # 三四个, 两三天: a vague range; 唯一一家, 一一: words
    if token[0] in "万亿":
        return False                                         # 万一 (in case), 万物, 亿万
    if (token in "千百" if len(token) == 1 else token.strip("万亿千百") == "") and not _classifier_after(text, end):
        return False                                         # 千万 (must), 万物, 百姓
    if ord2 or "点" in token or nxt and nxt in RANGE_SIGNS and RANGE_NEXT.match(text, end):
        return True
    if len(token) == 1 or token in ("十", "两"):
        after_cls = _classifier_after(text, end)
        if not after_cls:
            return False
        classifier = after_cls.group()
        if (token, classifier[0]) in WORDY or (token, classifier) in WORDY:
            return False
        if before in WORD_BEFORE:
            return False
        if token == "十" and nxt == "分" and not text.startswith("分钟", end):
            return False
        return True
    if before in WORD_BEFORE and not _classifier_after(text, end):
        return False
    has_unit = any(ch in "十百千万亿拾佰仟" for ch in token)
    if has_unit and any(ch in DIGITS for ch in token) or _classifier_after(text, end):
        return True
    return token.startswith("十") and len(token) == 2


SI_UNITS = "米克瓦焦帕赫卡伏升字"
RANGE_SIGNS = "-—–~～至到"
RANGE_NEXT = re.compile(rf"[{RANGE_SIGNS}]{CN}")
RANGE_SEP = re.compile(r"^\s*(?:[-—–~～至到]|－|或)\s*$")


# The characters NUMBER_RE's lookahead lets a match start with: its search (tried at every position, as
# it starts with a lookahead) starts at the first of them, found by a scan in C
NUMBER_START = re.compile(rf"[{NUMSTART}第负\-−－]")


def _rate_in_li(text: str, start: int, end: int) -> bool:
    """3厘 after 利率/孳息率/年息 (Hong Kong usage): 3 per cent, not 3 (厘米, 厘升, 厘克 are units)."""
    return (text.startswith("厘", end) and not text.startswith(("厘米", "厘升", "厘克"), end)
            and any(c in text[max(0, start - 12):start] for c in "率息"))


def _numbers(text: str, claims: _Claims, out: list[Quantity]) -> None:
    found: list[tuple[Quantity, int, int]] = []   # (quantity, scale applied, index in out): range scale carry-over
    first = NUMBER_START.search(text)
    for m in NUMBER_RE.finditer(text, first.start()) if first else ():
        start, match_end = m.span()
        if not claims.free(start, match_end):
            # the match may overlap a claimed date only at its tail (第3季度...); skip it whole
            continue
        # all groups at once (one call instead of one per group); their spans only where needed
        ord1, neg, raw, dmore, scale_chars, dmore2, ord2, token, cmore, cscale = m.groups()
        ordinal = bool(ord1 or ord2)
        if raw:
            d_start, d_end = m.span("d")
            dscale_end = m.end("dscale")
            if scale_chars and scale_chars[-1] in "千百" and _next_in(text, dscale_end, SI_UNITS):
                scale_chars, dscale_end = scale_chars[:-1], dscale_end - 1   # 10千米 = 10 km, 3亿千瓦 = 300m kW
            if scale_chars and parse(scale_chars) is None:
                scale_chars = ""
            end = dscale_end if scale_chars else d_end
            more = dmore or (dmore2 if scale_chars else None)
            if dmore and not scale_chars:
                end = d_end
            digits = _ascii(raw)                               # (read once: the value and its place)
            value = _num(digits)
            if value is None:
                continue
            if neg or start >= 2 and text.startswith("零下", start - 2):
                value = -value
            scale = scale_of(scale_chars) if scale_chars else 1
            ordinal = ordinal or text.startswith("届", end)
            ident = _ident(text, d_start, d_end)
            kind = "ordinal" if ordinal else "cardinal"
            if not ordinal and scale == 1 and text.startswith("厘", end) and _rate_in_li(text, start, end):
                kind, end = "percent", end + 1
            q = Quantity(kind, round(value * scale, 6), start, end, text[start:end],
                         approx=bool(more) or _approx(text, start, end),
                         place=place_of(digits, scale), ident=ident,
                         label=_label(text, d_start) if ident else "",
                         article=value == 1 and scale == 1 and bool(CLASSIFIER_RE.match(text, end)),
                         unit=zh_unit(text, end))
        else:
            end = m.end("c")
            if not _accept_cn(text, start, end, token, ord2):
                continue
            value = parse(token)
            if value is None:
                continue
            scale = 1
            stripped = token.rstrip("万亿")
            if stripped != token and stripped:
                scale = scale_of(token[len(stripped):])
            if cscale:                                         # 二十多万 = 200,000+
                value *= scale_of(cscale)
                end = m.end("cscale")
            ordinal = ordinal or text.startswith("届", end)   # 十三届人大: the 13th NPC
            if len(token) == 1 and token in "百千万亿" and not ordinal:
                continue                                       # 千年古镇, 百万富翁: idiom more than count
            if start >= 2 and text.startswith("零下", start - 2):
                value = -value                                 # 零下十二摄氏度: minus 12
            q = Quantity("ordinal" if ordinal else "cardinal", value, start, end, text[start:end],
                         approx=bool(cmore) or _approx(text, start, end), words=True,
                         unit=zh_unit(text, end))
        claims.take(q.start, q.end)
        # (the scale test first: a range's regex is read only after a scaled number)
        if scale > 1 and found and found[-1][1] == 1 and RANGE_SEP.match(text[found[-1][0].end:q.start]):
            prev, _, at = found[-1]               # 3至5万: the first end takes the second's scale
            fixed = Quantity(prev.kind, prev.value * scale, prev.start, prev.end, prev.text,
                             approx=prev.approx, words=prev.words,
                             place=(prev.place or 1) * scale, ident=prev.ident)
            out[at] = fixed
            found[-1] = (fixed, scale, at)
        found.append((q, scale, len(out)))
        out.append(q)


# A space between a digit and a Chinese character (either order). The pattern starts with the space
# class (the lookbehinds read the character before that first space), so its search skips to the next
# space in C instead of trying the pattern at every position
SPACED = re.compile(r"[ \u00a0](?:(?<=[0-9０-９%][ \u00a0])[ \u00a0]*(?=[\u4e00-\u9fff])"
                    r"|(?<=[\u4e00-\u9fff][ \u00a0])[ \u00a0]*(?=[0-9０-９]))")
DECADE_RE = re.compile(rf"(?=[0-9０-９世一二三四五六七八九十])(?:{D}{{1,2}}世纪)?(?:{D}*[0０][、，,和与至到\-—])*{D}*[0０]年代"
                       rf"|(?:{D}{{1,2}}|[一二三四五六七八九十]{{1,3}})世纪"
                       r"|[一二三四五六七八九]十年代"
                       r"|(?<![0-9])[1-9][、，,和与至到\-—][1-9]0年代"
                       rf"|{D}+分{D}+(?:秒{D}*)?|(?<![0-9])[1-9]0(?:[、,，和与及][1-9]0)*后|世纪[0-9一二三四五六七八九十]+年代")

DIGIT_FEN = re.compile(r"[0-9０-９]分[0-9０-９]")      # DECADE_RE's only pattern without 年代, 世纪 or 0后


def _compact(text: str) -> tuple[str, list[int] | None]:
    """Drop spaces between digits and Chinese (`2017 年 8 月`, `1000 万`); map back to original offsets."""
    if " " not in text and "\u00a0" not in text or not SPACED.search(text):
        return text, None
    pieces: list[str] = []
    index: list[int] = []                  # the original offset of each character kept
    kept = 0
    for m in SPACED.finditer(text):
        pieces.append(text[kept:m.start()])
        index += range(kept, m.start())
        kept = m.end()
    pieces.append(text[kept:])
    index += range(kept, len(text))
    return "".join(pieces), index


def extract_zh(text: str) -> list[Quantity]:
    """All numbers, dates and times in a Chinese text, in text order."""
    if not ANY_NUMERAL.search(text):
        return []
    text = mask_long_digit_runs(text)
    original = text
    text, index = _compact(text)
    claims, out = _Claims(len(text)), []
    if "年代" in text or "世纪" in text or "0后" in text or "分" in text and DIGIT_FEN.search(text):
        for m in DECADE_RE.finditer(text):           # 80年代, 20世纪70年代, 90后: decades are not numbers
            claims.take(m.start(), m.end())
    _special_dates(text, claims, out)
    _vague(text, claims, out)
    _dates(text, claims, out)
    _times(text, claims, out)
    _percents(text, claims, out)
    _numbers(text, claims, out)
    if "平" in text or "握手言和" in text:
        _drawn_scores(text, out)
    out.sort(key=START)
    if index is not None:
        out = [_remap(q, index, original) for q in out]
    return out


# a level score: 1:1平局, 以2比2战平, 0：0握手言和 (the translation may say only "a draw")
DRAWN_SCORE = re.compile(r"(\d{1,2})\s*[:：比]\s*(\d{1,2})(?=\s*(?:平|战平|打平|逼平|的平局|握手言和))")


def _drawn_scores(text: str, out: list[Quantity]) -> None:
    """Both sides of a level score are soft (vague): "ended in a draw" renders 1:1平局 without its
    numbers. A score that is not level (3:1领先) stays strict."""
    drawn = {m.span(g) for m in DRAWN_SCORE.finditer(text) if m.group(1) == m.group(2) for g in (1, 2)}
    if drawn:
        out[:] = [q.as_vague() if (q.start, q.end) in drawn and q.kind == "cardinal" else q for q in out]


VAGUE_RE = re.compile(r"(?=[上成数几好十])(?:上|成|数|几|好几|十几)(?P<s>十万|百万|千万|十|百|千|万|亿)"
                      r"|十几(?P<s3>)"
                      r"|(?P<a>[一二三四五六七八九])(?P<b>[二三四五六七八九])(?P<s2>十|百|千|万)")


# The two characters every VAGUE_RE match starts with (a superset): a search that runs in C
VAGUE_GATE = re.compile("[上成数几好十一二三四五六七八九][十百千万亿几二三四五六七八九]")


def _vague(text: str, claims: _Claims, out: list[Quantity]) -> None:
    """上万, 数十, 五六十: no exact value, but a translation's 10,000 or 50 to 60 is not an addition."""
    gate = VAGUE_GATE.search(text)
    if gate is None:
        return
    for m in VAGUE_RE.finditer(text, gate.start()):     # every match starts with a gate hit
        if m.group("s"):
            values = [float(scale_of(m.group("s")) * (10 if m.group().startswith("十几") else 1))]
        elif m.group("s3") is not None:
            values = [10.0]
        elif DIGITS[m.group("b")] - DIGITS[m.group("a")] == 1:
            scale = scale_of(m.group("s2"))
            values = [float(DIGITS[m.group("a")] * scale), float(DIGITS[m.group("b")] * scale)]
        else:
            continue
        claims.take(m.start(), m.end())
        for v in values:
            out.append(Quantity("cardinal", v, m.start(), m.end(), m.group(), approx=True, words=True, vague=True))


def _remap(q: Quantity, index: list[int], original: str) -> Quantity:
    start, end = index[q.start], index[q.end - 1] + 1
    return q.moved(start, end, original[start:end])

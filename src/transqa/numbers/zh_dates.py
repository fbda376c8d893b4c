"""Dates and times in Chinese text: 2022年12月9日, 12月9日, 18日 (month from earlier), 二〇二二年,
2022-12-09, 上午9时30分, 9月26-28日, 农历十月十七, “7·19”, 2009-11年."""

from __future__ import annotations

import re

from transqa.numbers.cnparse import parse
from transqa.numbers.model import Quantity
from transqa.numbers.zh_base import (D, VAGUE_BEFORE, _ascii, _Claims, _ident, _next_in, _num, _prev_in)

# --- dates -------------------------------------------------------------------------------------
_Y = rf"(?:{D}{{4}}|[〇零一二三四五六七八九]{{4}})"
_M = rf"(?:{D}{{1,2}}|十[一二]?|[一二三四五六七八九])"
_DAY = rf"(?:{D}{{1,2}}|[二三]?十[一二三四五六七八九]?|二十|三十|[一二三四五六七八九])"
# 号 as the day of the month in broadcast style (普京一号分别与…会晤, 王沪宁二号在北京): before a time of
# day, a comma, or a verb of news, and not after a spacecraft or rocket (天宫二号在轨, 长征五号运载)
_DAY_HAO = (r"(?<!长征.)(?<!长征..)(?<!神舟.)(?<!神舟..)(?<!天宫.)(?<!嫦娥.)(?<!天舟.)(?<!北斗.)"
            r"号(?=[上下晚凌早中，,]|在|说|宣布|签署|出席|分别|举行|召开|启程|一致|视察|傍晚|发表|会见|表示|抵达)")
NUMSTART = "0-9０-９〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
DATE_RE = re.compile(
    rf"(?=[{NUMSTART}])(?<![0-9０-９.．])(?:(?P<y>{_Y})年(?:(?P<m>{_M})月(?:份)?(?:(?P<d>{_DAY})[日号])?)?"
    rf"|(?P<m2>{_M})月(?:份)?(?:(?P<d2>{_DAY})[日号])?"
    rf"|(?P<d3>{_DAY})(?:日(?![本元报内前后常益期子常间光])|{_DAY_HAO})"
    rf")")
ISO_DATE_RE = re.compile(rf"(?=[0-9０-９])(?<![0-9.])({D}{{4}})([-/.．])({D}{{1,2}})\2({D}{{1,2}})(?![0-9])")
# What DATE_RE and TIME_RE cannot match without: a numeral right before 年/月/日/号 (时/点/:): searches
# that run in C, cheaper than trying the patterns themselves at every position
DATE_GATE = re.compile("[0-9０-９〇零一二三四五六七八九十][年月日号]")
TIME_GATE = re.compile("[0-9０-９零一二三四五六七八九十][时点:：]")
RANGE_MONTH_RE = re.compile(rf"({D}{{1,2}}|十[一二]?|[一二三四五六七八九])(?:月份?)?[-—–~～至到]$")

# --- times ---------------------------------------------------------------------------------------
_PERIOD = "凌晨|早上|早晨|清晨|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|当晚|晚"
_H = rf"(?:{D}{{1,2}}|[零一二三四五六七八九十]{{1,3}})"
TIME_RE = re.compile(
    rf"(?=[{NUMSTART}凌早清上中午下傍晚夜当])(?:(?P<p>{_PERIOD})?(?P<h>{_H})(?:时|点(?![0-9０-９])|点(?={D}{{1,2}}分))(?:(?P<mi>{_H})分|(?P<half>半)|整)?"
    rf"|(?<![0-9.])(?P<h2>{D}{{1,2}})[:：](?P<mi2>{D}{{2}})(?![0-9]))")
PM_PERIODS = {"下午", "傍晚", "晚上", "晚间", "夜间", "夜里", "当晚", "晚"}
DAY_RANGE_RE = re.compile(rf"({_M})月({_DAY})[-—–~～至到及和、]({_DAY})[日号]")
EVENT_DATE_RE = re.compile(r"(?<![0-9])([0-9]{1,2})[·•]([0-9]{1,2})(?![0-9])"
                           r"|(?<=[“\"「『])(1[0-2]|[1-9])\.([0-3]?[0-9])(?=[\u4e00-\u9fff])")   # “7.19洪灾”
YEAR_RANGE_RE = re.compile(rf"(?<![0-9])((?:19|20){D}{{2}})[-—–~/至到]({D}{{2}})(?![0-9０-９\-/.．月])年?")
# What DAY_RANGE_RE and YEAR_RANGE_RE cannot match without (searches that run in C): a month and
# its first day; 19xx or 20xx and the range sign
DAY_RANGE_GATE = re.compile("[0-9０-９十一二三四五六七八九]月[0-9０-９十一二三四五六七八九]")
YEAR_RANGE_GATE = re.compile("[12][09][0-9０-９][0-9０-９][-—–~/至到]")
LUNAR_RE = re.compile(r"(?:农历|阴历)(?P<m>正|十[一二]?|[一二三四五六七八九])月(?P<d>初[一二三四五六七八九十]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])")


def _special_dates(text: str, claims: _Claims, out: list[Quantity]) -> None:
    event = "·" in text or "•" in text or "." in text
    for m in (EVENT_DATE_RE.finditer(text) if event else ()):           # “8·11”汇改, 9·11: an event's name, matched as 8.11
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        claims.take(m.start(), m.end())
        out.append(Quantity("cardinal", float(f"{month}.{day}"), m.start(), m.end(), m.group(), ident=True))
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:    # and the date it names (July 19)
            out.append(Quantity("date", None, m.start(), m.end(), m.group(), date=(None, int(month), int(day)),
                                ident=True))
    for m in (DAY_RANGE_RE.finditer(text) if "月" in text and DAY_RANGE_GATE.search(text) else ()):            # 9月26-28日: two dates of one month
        mo, d1, d2 = (int(_num(g)) for g in m.groups())
        if claims.free(m.start(), m.end()) and 1 <= mo <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31:
            claims.take(m.start(), m.end())
            out.append(Quantity("date", None, m.start(), m.start(3), text[m.start():m.start(3)], date=(None, mo, d1)))
            out.append(Quantity("date", None, m.start(3), m.end(), m.group(3) + text[m.end(3):m.end()],
                                date=(None, mo, d2), inferred=True))
    for m in (LUNAR_RE.finditer(text) if "农历" in text or "阴历" in text else ()):                # 农历十月十七: a lunar month and day
        month = 1 if m.group("m") == "正" else int(parse(m.group("m")))
        day = int(parse(m.group("d").lstrip("初")))
        claims.take(m.start("m"), m.end())
        out.append(Quantity("date", None, m.start("m"), m.end(), text[m.start("m"):m.end()], date=(None, month, day)))
    for m in (YEAR_RANGE_RE.finditer(text) if ("19" in text or "20" in text) and YEAR_RANGE_GATE.search(text) else ()):           # 2009-11年: 2009 to 2011
        first = int(_ascii(m.group(1)))
        second = first // 100 * 100 + int(_ascii(m.group(2)))
        if second <= first:
            continue
        claims.take(m.start(), m.end())
        out.append(Quantity("year", float(first), m.start(1), m.end(1), m.group(1)))
        out.append(Quantity("year", float(second), m.start(2), m.end(2), m.group(2)))


def _dates(text: str, claims: _Claims, out: list[Quantity]) -> None:
    iso = "-" in text or "/" in text or "." in text or "．" in text
    for m in (ISO_DATE_RE.finditer(text) if iso else ()):
        y, mo, d = int(_ascii(m.group(1))), int(_ascii(m.group(3))), int(_ascii(m.group(4)))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            claims.take(m.start(), m.end())
            out.append(Quantity("date", None, m.start(), m.end(), m.group(), date=(y, mo, d)))
    month = None
    gate = ("年" in text or "月" in text or "日" in text or "号" in text) and DATE_GATE.search(text)
    # a match holds a gate hit no more than 3 characters after its start (the numeral before 年/月/日/号
    # has at most 4 characters): the search, tried at every position, starts 3 before the first hit
    for m in (DATE_RE.finditer(text, max(0, gate.start() - 3)) if gate else ()):
        if not claims.free(m.start(), m.end()) or _ident(text, m.start(), m.end()):
            continue
        g = m.groupdict()
        y = _num(g["y"]) if g["y"] else None
        mo = _num(g["m"] or g["m2"] or "") if (g["m"] or g["m2"]) else None
        d = _num(g["d"] or g["d2"] or g["d3"] or "") if (g["d"] or g["d2"] or g["d3"]) else None
        if mo is not None and not 1 <= mo <= 12 or d is not None and not 1 <= d <= 31:
            continue
        if g["d3"]:
            before = text[max(0, m.start() - 1):m.start()]
            if before in VAGUE_BEFORE or _prev_in(text, m.start(), "第每") or _next_in(text, m.end(), "内来"):
                continue
            if len(g["d3"]) == 1 and not g["d3"].isdigit() and text[m.end() - 1] == "日" and not (
                    month is not None and _prev_in(text, m.start(), "至到-—–~～、和及")):
                continue                          # 休战一日, 三日: days, not the 1st or 3rd (三日至五日 is)
            mo = month
        if g["y"] and mo is None:
            if not (1000 <= y <= 2999) or _next_in(text, m.end(), "来间内多前"):
                continue                          # 3年 is three years, not a year; 2000年来: 2000 years
            claims.take(m.start(), m.end())
            out.append(Quantity("year", y, m.start(), m.end(), m.group(), words=not g["y"][0].isdigit()))
            continue
        if g["m2"] and not g["d2"]:
            before = text[max(0, m.start() - 1):m.start()]
            if before in VAGUE_BEFORE or _prev_in(text, m.start(), "个每第") or _next_in(text, m.end(), "内来"):
                continue
        if mo is not None:
            month = int(mo)
        claims.take(m.start(), m.end())
        parts = (int(y) if y else None, int(mo) if mo else None, int(d) if d else None)
        out.append(Quantity("date", None, m.start(), m.end(), m.group(), date=parts, inferred=bool(g["d3"])))
        # 1-9月 / 1至3月: the first month of a range
        r = RANGE_MONTH_RE.search(text[max(0, m.start() - 6):m.start()])
        if r and (g["m"] or g["m2"]) and not (g["d"] or g["d2"]):
            first = _num(r.group(1))
            if first and 1 <= first <= 12:
                s = m.start() - len(r.group())
                claims.take(s, m.start())
                out.append(Quantity("date", None, s, s + len(r.group(1)), r.group(1),
                                    date=(parts[0], int(first), None)))


def _times(text: str, claims: _Claims, out: list[Quantity]) -> None:
    gate = ("时" in text or "点" in text or ":" in text or "：" in text) and TIME_GATE.search(text)
    if not gate:
        return
    # a match holds a gate hit no more than 4 characters after its start (a period word of at most 2,
    # an hour of at most 3 characters): the search starts 4 before the first hit
    for m in TIME_RE.finditer(text, max(0, gate.start() - 4)):
        g = m.groupdict()
        if not claims.free(m.start(), m.end()):
            continue
        hour = _num(g["h"] or g["h2"])
        minute = _num(g["mi"] or g["mi2"]) if (g["mi"] or g["mi2"]) else (30 if g["half"] else None)
        if g["h"] and not g["h"][0].isdigit() and not (g["p"] or g["mi"] or g["half"] or
                                                        _next_in(text, m.end(), "许整")):
            continue                              # 一时, 三点: words unless a period or minutes say time
        if g["h"] and text[max(0, m.start() - 1):m.start()] in VAGUE_BEFORE | {"小", "每"}:
            continue
        if hour is None or hour > 24 or (minute is not None and minute >= 60):
            continue
        pm = None if not g["p"] else g["p"] in PM_PERIODS
        claims.take(m.start(), m.end())
        out.append(Quantity("time", None, m.start(), m.end(), m.group(),
                            date=(int(hour), None if minute is None else int(minute), pm)))

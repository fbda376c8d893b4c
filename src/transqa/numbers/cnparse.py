"""Chinese numeral strings -> values: 十九, 两千三百万, 一百零五, 一万五, 三点五, 二〇二二 (digit by digit)."""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}
_DIGIT_SET = frozenset(DIGITS)
CN_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(BIG)
FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def scale_of(chars: str) -> int:
    """The multiplier of a run of scale characters after digits: 万 -> 1e4, 万亿 -> 1e12, 千万 -> 1e7."""
    value = 1
    for ch in chars:
        value *= UNITS.get(ch) or BIG.get(ch) or 1
    return value


def parse_int(s: str) -> int | None:
    """A well-formed Chinese integer, or None (`一五一十`, `十十` and other non-numbers)."""
    if not s:
        return None
    if _DIGIT_SET.issuperset(s):                # 二〇二二: digit by digit
        return int("".join(str(DIGITS[ch]) for ch in s)) if len(s) > 1 else DIGITS[s]
    total = section = 0
    number: int | None = None
    last_unit = 10**9
    last_big = 10**13
    prev_unit = None
    for ch in s:
        if ch in DIGITS:
            if number is not None and number != 0 and DIGITS[ch] != 0:
                return None                      # two digits in a row inside a scaled numeral
            number = DIGITS[ch]
            continue
        if ch in UNITS:
            unit = UNITS[ch]
            if unit >= last_unit:
                return None
            if number is None:
                if unit != 10 or section or total:  # 十 alone means 10; 百/千 alone only at the start
                    if unit == 10 and (section or total):
                        number = 1
                    elif not (section or total):
                        number = 1
                    else:
                        return None
                else:
                    number = 1
            section += number * unit
            number, last_unit, prev_unit = None, unit, unit
            continue
        big = BIG[ch]
        if big >= last_big and not (ch == "亿" and last_big == 10_000):
            return None
        chunk = section + (number or 0)
        if ch == "亿":
            total = (total + chunk) * big
        else:
            if chunk == 0 and total == 0:
                chunk = 1                        # 万 alone at the start (万元 handled by callers)
            total += chunk * big
        section, number, last_unit, last_big, prev_unit = 0, None, 10**9, big, big
    if number:
        # 一万五 = 15,000, 三千五 = 3,500: a trailing digit after a unit means the next unit down
        if prev_unit and prev_unit >= 100 and s[-2] not in DIGITS:
            number *= prev_unit // 10
        section += number
    return total + section


def parse(s: str) -> float | None:
    """Integer or decimal (三点五, 零点五) Chinese numeral, with trailing 万/亿 applying to the whole."""
    if "点" in s:
        whole, _, rest = s.partition("点")
        tail = rest.rstrip("万亿")
        scale = scale_of(rest[len(tail):])
        if not tail or not all(ch in DIGITS for ch in tail):
            return None
        head = parse_int(whole) if whole else 0
        if head is None:
            return None
        return (head + float("0." + "".join(str(DIGITS[c]) for c in tail))) * scale
    value = parse_int(s)
    return None if value is None else float(value)

"""Unit conversions translators make (亩 -> hectares, 公里 -> miles, 斤 -> kg): a converted value matches."""

from __future__ import annotations

import re

from transqa.numbers.trie import trie_pattern

# Chinese unit after a number -> canonical name
ZH_UNITS = {"亩": "mu", "公顷": "ha", "公里": "km", "千米": "km", "英里": "mile", "斤": "jin", "公斤": "kg",
            "千克": "kg", "吨": "t", "英尺": "ft", "米": "m", "摄氏度": "C", "℃": "C", "华氏度": "F", "英亩": "acre",
            # money: kept with the value for messages and suggestions, never converted
            "元": "yuan", "人民币": "yuan", "美元": "USD", "欧元": "EUR", "英镑": "GBP", "日元": "JPY", "港元": "HKD",
            "港币": "HKD", "卢布": "RUB", "韩元": "KRW"}
ZH_UNIT_RE = re.compile(r"(?:多|余)?(" + trie_pattern(ZH_UNITS) + ")")   # a trie: the longest unit, as a flat list
EN_UNITS = {"hectare": "ha", "hectares": "ha", "ha": "ha", "mile": "mile", "miles": "mile", "km": "km",
            "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km", "kg": "kg",
            "kilogram": "kg", "kilograms": "kg", "pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb",
            "feet": "ft", "foot": "ft", "ft": "ft", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
            "acre": "acre", "acres": "acre", "mu": "mu", "°C": "C", "°F": "F", "Fahrenheit": "F",
            "Celsius": "C", "tons": "t", "tonnes": "t", "ton": "t", "tonne": "t"}
EN_UNIT_RE = re.compile(r"\s*-?\s*(?:square\s+)?(" + trie_pattern(EN_UNITS) + r")\b")
FACTORS = {("mu", "ha"): 1 / 15, ("mu", "acre"): 0.164737, ("ha", "acre"): 2.471054, ("ha", "mu"): 15.0,
           ("km", "mile"): 0.621371, ("mile", "km"): 1.609344, ("jin", "kg"): 0.5, ("jin", "lb"): 1.102311,
           ("kg", "lb"): 2.204623, ("t", "lb"): 2204.623, ("ft", "m"): 0.3048, ("m", "ft"): 3.28084,
           ("acre", "ha"): 0.404686}


# The characters a match of each pattern can start with (EN_UNIT_RE: also any space): when the one at
# the number's end is not among them, the pattern is not tried (most numbers have no unit)
ZH_UNIT_FIRST = frozenset("多余" + "".join(u[0] for u in ZH_UNITS))
EN_UNIT_FIRST = frozenset("-s" + "".join(u[0] for u in EN_UNITS))


def zh_unit(text: str, end: int) -> str:
    if text[end:end + 1] not in ZH_UNIT_FIRST:
        return ""
    m = ZH_UNIT_RE.match(text, end)
    return ZH_UNITS[m.group(1)] if m else ""


def en_unit(text: str, end: int) -> str:
    first = text[end:end + 1]
    if not first or not (first in EN_UNIT_FIRST or first.isspace()):
        return ""
    m = EN_UNIT_RE.match(text, end)
    return EN_UNITS[m.group(1)] if m else ""


def converted(value: float, source_unit: str, target_unit: str) -> float | None:
    """The source value in the target's unit, or None when no conversion applies."""
    if not source_unit or not target_unit or source_unit == target_unit:
        return None
    if (source_unit, target_unit) == ("C", "F"):
        return value * 9 / 5 + 32
    factor = FACTORS.get((source_unit, target_unit))
    return value * factor if factor else None

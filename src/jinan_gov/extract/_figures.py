"""Figures in a target clause: numbers with their units, ranges and quality classes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinan_gov.text.numerals import parse_chinese_quantity

__all__ = ("Figure", "between_digits", "find_figures", "number_value")

# --- figures ------------------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT_WORDS = (
    "个百分点|百分点|%|‰|倍|微克/立方米|毫克/立方米|毫克/升|吨标准煤|标准煤|"
    "千瓦时|千瓦|平方公里|平方米|立方米|公里|千米|公顷|公斤|千克|标准箱|标箱|"
    "人次|美元|小时|元|人|户|个|家|项|所|座|套|辆|台|张|间|件|名|条|处|"
    "头|只|吨|斤|亩|度|米|天|岁|册|场|例|床|艘|架|位"
)
_BASE_UNITS = _UNIT_WORDS.split("|")
_PER = "(?:/(?:万元|人|户|月|年|天|日|亩|吨|千瓦时|立方米|平方米))?"
_BASE = "|".join(re.escape(unit) for unit in sorted(_BASE_UNITS, key=len, reverse=True))
# A magnitude alone is a unit too (城镇新增就业11万以上, 外贸进出口1.4万亿), unless a CJK
# word follows it (3万余人, 20万株 are not figures).
_UNIT = (
    rf"(?:(?:万亿|亿|万)?(?:{_BASE}){_PER}"
    r"|(?:万亿|亿|万)(?=以|左右|上下|及以|之内|[^\u4e00-\u9fff]|$))"
)
_RANGE_SEPARATOR = "——|—|–|－|-|~|～|〜|至|到"
# A minus sign is a sign only where no number or unit stands before it (涨幅-0.5%; 增长-1%至1%):
# 4.5-5% is a range.
_SIGN = r"(?:(?<![A-Za-z0-9.%‰\-])-)?"
_SINGLE = re.compile(rf"(?<![A-Za-z0-9.第])(?P<number>{_SIGN}(?:{_NUMBER}))(?P<unit>{_UNIT})?")
_RANGE_TAIL = re.compile(
    rf"(?P<sep>{_RANGE_SEPARATOR})(?P<number>-?(?:{_NUMBER}))(?P<unit>{_UNIT})"
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
_CLASS = re.compile(
    r"(?<![A-Za-z])(?P<number>III|II|IV|VI|I|V)(?P<unit>类)(?=及以上|以上|及以下|以下|以内)"
)

# Chinese numerals: 千分之六 (6 ‰), 百分之五 (5 %), and counts of two or more characters
# with a unit (一千二百人, 两个百分点); a lone 一 (一个, 一批) is a word, not a figure.
_CN = "[一二三四五六七八九十百千万亿两零〇]"
_CHINESE = re.compile(
    rf"(?<!{_CN})(?:(?P<per>千分之|百分之)(?P<fraction>{_CN}{{1,4}})"
    rf"|(?P<number>{_CN}{{2,8}}|两|[一二三四五六七八九](?=个百分点))(?P<unit>{_UNIT}))"
)
_PER_UNITS = {"千分之": "‰", "百分之": "%"}
# Words that may stand between a subject and its figure, longest first within a group.


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # the number
    end: int  # after the unit (and the range)
    value: float
    value_upper: float | None
    unit: str | None
    separator: str | None


def between_digits(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()


def number_value(text: str) -> float:
    return float(text.replace(",", "").replace(" ", ""))


def _arabic_figures(text: str, start: int, end: int) -> list[Figure]:
    """The figures (a number with its unit, or a range) in ``text[start:end]``.

    A number without a unit is not a figure: list numbers (1.), years (2026年)
    and names (5G) are skipped that way.
    """
    found: list[Figure] = []
    position = start
    while True:
        match = _SINGLE.search(text, position, end)
        if match is None:
            return found
        position = match.end()
        value = number_value(match["number"])
        unit = match["unit"]
        tail = _RANGE_TAIL.match(text, match.end(), end)
        other = None if tail is None else number_value(tail["number"])
        if (
            tail is not None
            and other is not None
            and unit in (None, tail["unit"])
            and other != value
        ):
            low, upper = min(value, other), max(value, other)  # 5.5%—5% is 5%—5.5%
            figure = Figure(match.start(), tail.end(), low, upper, tail["unit"], tail["sep"])
            found.append(figure)
            position = tail.end()
        elif unit is not None:
            found.append(Figure(match.start(), match.end(), value, None, unit, None))


def find_figures(text: str, start: int, end: int) -> list[Figure]:
    """Arabic figures and bounded quality classes in ``text[start:end]``, in text order."""
    found = _arabic_figures(text, start, end)
    others = [
        Figure(match.start(), match.end(), _ROMAN[match["number"]], None, "类", None)
        for match in _CLASS.finditer(text, start, end)
    ]
    others.extend(_chinese_figures(text, start, end))
    return sorted(found + others, key=lambda figure: figure.start) if others else found


def _chinese_figures(text: str, start: int, end: int) -> list[Figure]:
    found = []
    for match in _CHINESE.finditer(text, start, end):
        digits = match["fraction"] or match["number"]
        try:
            value = float(parse_chinese_quantity(digits))
        except ValueError:
            continue
        unit = _PER_UNITS[match["per"]] if match["per"] else match["unit"]
        found.append(Figure(match.start(), match.end(), value, None, unit, None))
    return found


def __dir__() -> list[str]:
    return list(__all__)

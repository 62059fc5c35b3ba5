"""Figures in a target clause: numbers with their units, ranges and quality classes."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_UNIT = (
    "(?:万亿|亿|万)?(?:"
    + "|".join(re.escape(unit) for unit in sorted(_BASE_UNITS, key=len, reverse=True))
    + ")"
    + _PER
)
_RANGE_SEPARATOR = "——|—|–|－|-|~|～|〜|至|到"
_SINGLE = re.compile(rf"(?<![A-Za-z0-9.第])(?P<number>{_NUMBER})(?P<unit>{_UNIT})?")
_RANGE_TAIL = re.compile(rf"(?P<sep>{_RANGE_SEPARATOR})(?P<number>{_NUMBER})(?P<unit>{_UNIT})")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
_CLASS = re.compile(
    r"(?<![A-Za-z])(?P<number>III|II|IV|VI|I|V)(?P<unit>类)(?=及以上|以上|及以下|以下|以内)"
)

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
    return float(text.replace(",", ""))


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
        if tail is not None and unit in (None, tail["unit"]) and number_value(tail["number"]) > value:
            upper = number_value(tail["number"])
            figure = Figure(match.start(), tail.end(), value, upper, tail["unit"], tail["sep"])
            found.append(figure)
            position = tail.end()
        elif unit is not None:
            found.append(Figure(match.start(), match.end(), value, None, unit, None))


def find_figures(text: str, start: int, end: int) -> list[Figure]:
    """Arabic figures and bounded quality classes in ``text[start:end]``, in text order."""
    found = _arabic_figures(text, start, end)
    classes = [
        Figure(match.start(), match.end(), _ROMAN[match["number"]], None, "类", None)
        for match in _CLASS.finditer(text, start, end)
    ]
    return sorted(found + classes, key=lambda figure: figure.start) if classes else found


def __dir__() -> list[str]:
    return list(__all__)

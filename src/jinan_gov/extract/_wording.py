"""The qualifying words around a figure: 控制在…左右, 达到…以上, 不低于, 力争 ….

:func:`strip_prefixes` peels the words before a figure off the subject,
:func:`suffix_at` reads the bound after it and :func:`qualify` maps both to the
qualifier of the conventions (``tests/data/reports/CONVENTIONS.md``).
"""

from __future__ import annotations

__all__ = ("AT_MOST", "qualify", "strip_prefixes", "suffix_at")

_SUFFIXES = ("及以上", "以上", "及以下", "以下", "以内", "之内", "左右", "上下")
# A quality class held at a level: 水质保持在Ⅱ类及以上 (Ⅱ is "II" after NFKC). Only a class
# followed by a bound is a figure; 达到或好于Ⅲ类水体比例 merely names what is counted.
_STRIVE = ("力争达到", "争取达到", "努力达到", "力争突破", "力争实现", "力争", "争取")
_AT_LEAST = ("不低于", "不少于", "至少")
AT_MOST = ("不超过", "不高于", "控制在", "低于", "少于")
_EXCEED = ("突破", "超过", "高于", "多于", "超")
# 达到 X is reach; a level held (稳定在45亿斤) with no bound is a plain figure.
_REACH = ("达到", "稳定在", "保持在", "维持在", "稳定", "保持", "达")
_ABOUT = ("大约", "约")
_NEUTRAL = ("在", "为")
_PREFIXES = tuple(
    sorted(
        (*_STRIVE, *_AT_LEAST, *AT_MOST, *_EXCEED, *_REACH, *_ABOUT, *_NEUTRAL),
        key=len,
        reverse=True,
    )
)
# A level the figure is held at: 达到 … 以上 reads "达到…以上".
_LEVEL = ("达到", "稳定在", "保持在", "维持在", "控制在", "达")


def strip_prefixes(text: str, start: int, end: int) -> tuple[int, list[str]]:
    """Peel qualifying words off the end of ``text[start:end]``; return the new end."""
    words: list[str] = []
    while end > start:
        for word in _PREFIXES:
            if text.startswith(word, end - len(word)) and end - len(word) >= start:
                words.insert(0, word)
                end -= len(word)
                break
        else:
            break
    return end, words


def qualify(words: list[str], suffix: str, separator: str | None) -> tuple[str, str | None]:
    """Map the qualifying words of one figure to (qualifier, qualifier_zh)."""
    level = next((word for word in words if word in _LEVEL), None)
    if separator is not None:
        return "range", f"…{separator}…"
    strive = next((word for word in words if word in _STRIVE), None)
    if strive is not None:
        return "strive", strive
    if suffix in ("左右", "上下"):
        if "控制在" in words:
            return "cap_about", f"控制在…{suffix}"
        return "about", f"{level}…{suffix}" if level else suffix
    if suffix in ("以上", "及以上"):
        return "at_least", f"{level}…{suffix}" if level else suffix
    if suffix in ("以内", "以下", "之内", "及以下"):
        return "at_most", f"{level}…{suffix}" if level else suffix
    for group, qualifier in (
        (_AT_LEAST, "at_least"),
        (AT_MOST, "at_most"),
        (_EXCEED, "exceed"),
        (_ABOUT, "about"),
        (("达到", "达"), "reach"),
    ):
        word = next((word for word in words if word in group), None)
        if word is not None:
            return qualifier, word
    return "plain", None


def suffix_at(text: str, index: int, end: int) -> str:
    for suffix in _SUFFIXES:
        if text.startswith(suffix, index) and index + len(suffix) <= end:
            return suffix
    return ""


def __dir__() -> list[str]:
    return list(__all__)

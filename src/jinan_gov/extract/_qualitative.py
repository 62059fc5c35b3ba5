"""Clauses of a target list that state no figure: qualitative targets, riders and framing.

Every clause of the list is a row (second edition of the conventions), so a clause
without a figure is read as one of:

* a qualitative target: a subject and a predicate that states where it should go
  (国际收支基本平衡, 生态环境质量持续改善, 固定资产投资实现正增长, 乡村振兴取得新进展,
  提高居民基础养老金);
* a rider that qualifies the clause before it (在实际工作中努力争取更好结果, 努力跑赢全国,
  加快构建优势): a note of that row, never a row;
* anything else (framing such as 综合考虑…, a list label such as 就业目标, a bare subject
  waiting for a shared predicate): no row.

All regular expressions here are linear.
"""

from __future__ import annotations

import re

__all__ = ("is_label", "is_rider", "qualitative_direction", "qualitative_span")

# A predicate starts with one of these words; the subject is what comes before it.
_PREDICATE_START = re.compile(
    r"保持|实现|继续|进一步|持续|稳步|稳中|稳定|基本|取得|完成|达到|符合|明显|逐步|不断|"
    r"有效|全面|合理|总体|只增不减|显著|平稳|量稳质升|回稳|企稳|止跌|正增长|提高|提升|下降|降低|"
    r"减少|改善|好转|优化|增加|进入|位居|力保|确保|守住|不发生"
)
# … and ends with one of these (a completed statement, not a fragment).
_PREDICATE_END = re.compile(
    r"(?:改善|平衡|稳定|水平|提升|提高|增长|下降|降低|减少|进展|向好|有增|质升|不减|回升|"
    r"提质|前列|目标|任务|指标|要求|标准|优化|增加|区间|成效|好转|加快|巩固|增强|扩大|"
    r"见效|突破|回稳|企稳|止跌|底线|不发生|控制|同步|协调|压减|削减|下达|红线)(?:任务|目标)?$"
)
# Clauses that qualify another clause or frame the list: never rows.
_RIDER = re.compile(
    r"争取|力争|努力|跑赢|更好|更优|更快|加快|对标|位次|赶超|追赶|奋力|尽力|全力|力求"
)
_FRAMING = re.compile(
    r"^(?:在|综合|考虑|统筹|兼顾|按照|围绕|根据|结合|立足|着眼|坚持|建议|提出|主要是|"
    r"这|上述|以上|其中|同时|与|为|使|把|将|要|我们|今年|全年|明年)"
)
# A verb-first clause (提高居民基础养老金) is a target only when its object is a measured
# quantity; with a subject first, every completed statement of the list is one (乡村振兴取得
# 新进展 included): a list's clauses are its targets.
_INDICATOR = re.compile(
    r"(?:值|额|量|率|收入|投资|消费|价格|物价|水平|质量|排放|能耗|强度|收支|状况|平衡|就业|"
    r"面积|人口|指标|比重|占比|比例|规模|总量|效益|进出口|外贸|出口|进口|外资|利润|税收|"
    r"CPI|GDP|PM2\.5|天数|标准|养老金|补助|保障|储备|存款|贷款|债务|赤字|耕地|森林|水质|"
    r"空气|环境|碳排放|污染物|浓度|人口)(?:等|等方面|等各项)?(?:指标|目标|任务)?$"
)
_VERB_FIRST = re.compile(r"(?:提高|提升|增加|扩大|降低|减少|完成)(?=\S{2,})")
_MAX_CLAUSE = 40
_MAX_LABEL = 8
_LABEL = re.compile(r"(?:主要)?(?:预期)?(?:目标|指标|任务)$")

_NEUTRAL = re.compile(
    r"基本平衡|保持平衡|总体平衡|收支平衡|保持稳定|基本稳定|总体稳定|保持平稳|合理水平|合理区间|"
    r"稳中提质|稳定在合理"
)
_STABLE_GROWTH = re.compile(r"稳定增长|平稳增长|稳步增长")


def is_rider(words: str) -> bool:
    """Whether a clause without a figure qualifies the clause before it (争取更好结果)."""
    return _RIDER.search(words) is not None


def is_label(words: str) -> bool:
    """Whether a short clause only labels what follows (就业目标, 经济增长, 价格)."""
    return len(words) <= _MAX_LABEL and _LABEL.search(words) is not None


def qualitative_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(name end, predicate start)`` of a qualitative target in ``text[start:end]``.

    The name is ``text[start:name_end]`` (empty for a verb-first clause such as
    提高居民基础养老金, whose object is then the name) and the predicate is
    ``text[predicate_start:end]``. None when the clause is no qualitative target.

    >>> text = "国际收支基本平衡"
    >>> qualitative_span(text, 0, len(text))
    (4, 4)
    >>> qualitative_span("加快构建优势", 0, 6) is None
    True
    """
    words = text[start:end]
    if not words or len(words) > _MAX_CLAUSE or _FRAMING.match(words) or is_rider(words):
        return None
    if _VERB_FIRST.match(words) and not _PREDICATE_END.search(words):
        return (start, start) if _INDICATOR.search(words) else None
    found = _PREDICATE_START.search(text, start + 2, end)
    if found is None or _PREDICATE_END.search(text, found.start(), end) is None:
        return None
    return found.start(), found.start()


def qualitative_direction(predicate: str) -> str:
    """``neutral`` for a level held (基本平衡, 保持稳定, 合理水平), else ``higher``.

    >>> qualitative_direction("基本平衡"), qualitative_direction("持续改善")
    ('neutral', 'higher')
    """
    if _NEUTRAL.search(predicate) and not _STABLE_GROWTH.search(predicate):
        return "neutral"
    return "higher"


def __dir__() -> list[str]:
    return list(__all__)

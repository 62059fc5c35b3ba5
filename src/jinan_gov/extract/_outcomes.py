"""Last year's outcomes: the figures a report's review (or a plan's part 一) states.

The review runs from the start of the text to the first forward-looking part: a heading
or sentence that opens the 十五五 plan, this year's work (2026年重点工作, 今年…) or the
main targets. Each sentence in it is read with the clause grammar of the target paragraph
(:func:`jinan_gov.extract._clause_grammar.parse_sentence`), so figures, ranges, 分别 lists
and subjects carried over from the previous clause are read the same way; ranks
(居全国第3位, 首位) are added. A figure gets an indicator key only when it describes the
whole jurisdiction (not 其中…, not a city or district) and the year reviewed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import polars as pl

from jinan_gov.extract._clause_grammar import Row, new_context, parse_sentence
from jinan_gov.extract._indicator_names import english_name
from jinan_gov.extract._indicators import indicator_key, indicator_measure
from jinan_gov.extract._paragraph import find_paragraph, sentence_spans
from jinan_gov.schemas.validation import validate
from jinan_gov.text.normalize import fold_text, normalize_text, require_text
from jinan_gov.text.numerals import parse_chinese_numeral, parse_chinese_quantity

if TYPE_CHECKING:
    from pandera.typing.polars import DataFrame

    from jinan_gov.schemas import ExtractedOutcomeSchema

__all__ = (
    "Outcome",
    "extract_outcomes",
    "find_outcomes",
    "outcome_rows",
    "review_span",
    "review_year",
)

_SENTENCE_START = (
    r"(?:^|(?<=[。！？!?:：\n]))\s*"
    r"(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）])?\s*"
)
_END = re.compile(
    _SENTENCE_START + r"(?:“?十五五”?|(?:关于)?20\d\d年(?:的)?(?:国民)?(?:经济社会发展)?(?:的)?"
    r"(?:总体要求|主要目标|主要预期目标|主要任务|重点工作|工作安排|工作任务|政府工作|重点任务)"
    r"(?![^，。,]{0,6}(?:完成|实现|收官))"  # 2025年主要目标任务圆满完成 is the review's
    r"|(?:今年|明年)(?:的)?(?:政府)?(?:工作|主要任务|重点工作)(?:安排|任务)?[，,:：。]"
    r"|(?:今年|20\d\d年)?(?:全[省市区县])?(?:经济社会)?(?:发展)?(?:的)?主要(?:预期)?目标(?:是|为|建议))"
)
_REVIEW_YEAR = re.compile(
    r"(20\d\d)年(?:和“?十四五”?时期)?(?:的)?(?:工作回顾|国民经济和社会发展计划执行情况|工作总结)"
)
_TITLE_YEAR = re.compile(r"(20\d\d)年[^。\n]{0,20}(?:政府工作报告|国民经济和社会发展计划)")
_MULTI_YEAR = re.compile(r"年均|累计|五年来|五年间|五年|十四五|期间|以来|多年")
_FROM = re.compile(r"从|由")
_TO = re.compile(r"(?:提高|提升|增加|增长|扩大|下降|降低|减少|跃升|上升|增)?(?:到|至)")
_SUB_REGION = re.compile(
    r"^(?:其中|[^全本我各，。、\d地]{2,4}(?:市|新区|县|自治州|区)(?![场民级属委政府域内外间])"
    r"|浦东|雄安|自贸|示范区|开发区|高新区)"
)
_GENERIC_PLACE = re.compile(r"^(?:城市|设区市|地级市|县级市|中心城区|城区|市区|农村|城乡|社区)")
_GAP = re.compile(r"(?:高于|快于|低于|超过|好于)(?:全国|全省|全市|同期|平均)")
_RANK = re.compile(
    r"(?:居|位居|位列|排名|跃居|稳居|保持|列|排|至|到|连续\d{1,2}年)(?:全国|全省|全球|世界|中部|西部|东北)?"
    r"(?:各省区市|省份|城市)?(?:第(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})(?:位|名)?"
    r"|(?P<first>首位|榜首|第一)|前(?P<top>\d{1,2}|[一二三四五六七八九十]{1,3})(?:位|名|强)?)"
)
_QUALIFIERS = {
    "at_least": "over",
    "exceed": "over",
    "about": "about",
    "cap_about": "about",
    "at_most": "at_most",
}
_APPROX_BEFORE = re.compile(r"(?:约|近|接近|大约)$")
_OVER_AFTER = re.compile(r"^(?:余|多)")
_DECLINE = re.compile(r"下降|减少|降低|回落")
_SIGNED_CHANGES = ("growth",)
_HEAD_WORDS = re.compile(
    r"^(?:全年|今年|去年|一年来|过去一年|同时|并|其中|全[省市区县]|我[省市区]|实现|完成)+"
)
_ABOUT_OVER = re.compile(r"(?P<n>\d+(?:\.\d+)?(?:万亿|亿|万)?)(?P<w>[余多])(?=[\u4e00-\u9fff%])")
_CHINESE = re.compile(
    r"(?P<q>过|超过|超|逾|近|约|达|突破|达到)(?P<n>[一二两三四五六七八九十百千]{1,4})(?P<m>万亿|亿|万)?"
    r"(?P<u>元|美元|个|家|人|户|辆|吨|亩|套|项|件|座|所|名|台)"
)
_ALTERNATIVE_UNIT = re.compile(r"[（(][\u4e00-\u9fff]{1,2}[)）]")
_FIGURE_TAIL = re.compile(r"(?:\d.*|[、，]+|(?:由|从).*)$")
_FIVE_YEAR_CONTEXT = re.compile(
    r"十四五”?(?:时期|期间|以来)|五年来|过去五年|五年间|这五年|的五年|回望“?十四五"
)
_FIVE_YEAR_WINDOW = 600
_CHANGE = re.compile(r"增长|提高|提升|增加|下降|降低|减少|新增|稳定在|保持在|稳定|保持")
_LIMIT = 2_000_000  # characters read at most: bounds the work on any input


@dataclass(frozen=True, slots=True)
class Outcome:
    """One figure statement of a review; offsets are into the normalised text."""

    name_zh: str
    indicator: str | None
    year: int | None
    period: str
    value: float
    unit: str | None
    qualifier: str
    start: int
    end: int


def review_year(text: str) -> int | None:
    """The year the review describes: 2025年工作回顾, or the year before the title's."""
    found = _REVIEW_YEAR.search(text, 0, min(len(text), 20_000))
    if found is not None:
        return int(found[1])
    title = _TITLE_YEAR.search(text, 0, min(len(text), 5_000))
    return None if title is None else int(title[1]) - 1


def review_span(text: str, targets_start: int | None) -> tuple[int, int]:
    """Where the review of a normalised text starts and ends."""
    end = min(len(text), _LIMIT) if targets_start is None else targets_start
    found = _END.search(text, 0, end)
    if found is not None:
        end = found.start()
    return 0, end


def _rank(text: str, start: int, end: int) -> list[tuple[int, int, float]]:
    ranks: list[tuple[int, int, float]] = []
    for match in _RANK.finditer(text, start, end):
        if match["first"]:
            value = 1
        else:
            number = match["n"] or match["top"]
            try:
                value = int(number) if number.isdigit() else parse_chinese_numeral(number)
            except ValueError:
                continue
        ranks.append((match.start(), match.end(), float(value)))
    return ranks


def _qualifier(text: str, row: Row) -> str:
    qualifier = _QUALIFIERS.get(row.qualifier, "plain")
    if qualifier == "plain":
        number_start = row.end - 1
        while number_start > row.start and not text[number_start].isdigit():
            number_start -= 1
        if _APPROX_BEFORE.search(text, row.start, _figure_start(text, row)):
            return "about"
    return qualifier


def _figure_start(text: str, row: Row) -> int:
    """Where the figure of a row starts (the first digit after its name)."""
    index = row.start + len(row.name_zh) if text.startswith(row.name_zh, row.start) else row.start
    while index < row.end and not text[index].isdigit():
        index += 1
    return index


def _period(text: str, sentence_start: int, row: Row, year: int | None) -> tuple[str, int | None]:
    clause_start = max(text.rfind(mark, sentence_start, row.end) for mark in "，；,;")
    clause_start = max(clause_start, sentence_start)
    figure = _figure_start(text, row)
    if _MULTI_YEAR.search(text, clause_start, row.end):
        return "multi_year", None
    if _CHANGE.search(text, clause_start, figure) and _FIVE_YEAR_CONTEXT.search(
        text, max(0, sentence_start - _FIVE_YEAR_WINDOW), figure
    ):
        return "multi_year", None
    before = text[clause_start:figure]
    if _FROM.search(before) and _TO.search(text, row.end, row.end + 6) and year is not None:
        return "other", year - 1
    return "year", year


def _whole(name: str) -> bool:
    if _GENERIC_PLACE.match(name):
        return True
    return _SUB_REGION.match(name) is None


def _key(text: str, row: Row, name: str, whole: bool) -> str | None:
    if not whole or row.unit is None:
        return None
    gap_window = text[max(row.start, row.end - 30) : row.end]
    if _GAP.search(gap_window) and row.unit == "个百分点":
        return None
    return indicator_key(_HEAD_WORDS.sub("", name), row.unit)


def _signed(key: str | None, name: str, value: float) -> float:
    if key is not None and indicator_measure(key) in _SIGNED_CHANGES and _DECLINE.search(name):
        return -value
    return value


def find_outcomes(text: str, start: int, end: int, year: int | None) -> list[Outcome]:
    """Every figure statement of ``text[start:end]`` (a normalised text), in text order."""
    found: list[Outcome] = []
    # 6800余个 -> 余6800个 (same length, so offsets hold): the grammar reads the figure.
    swapped = _ABOUT_OVER.sub(lambda m: m["w"] + m["n"], text[:end])
    seen: set[tuple[int, float, str | None]] = set()
    for a, b in sentence_spans(swapped, start, end):
        context = new_context()
        try:
            rows = parse_sentence(swapped, a, b, context)
        except (ValueError, IndexError):  # a sentence the grammar cannot read: skip it
            rows = []
        for row in rows:
            if row.value is None or (row.end, row.value, row.unit) in seen:
                continue
            seen.add((row.end, row.value, row.unit))
            over = row.name_zh.endswith(("余", "多"))
            name = row.name_zh.strip().rstrip("余多")
            alternative = _ALTERNATIVE_UNIT.match(text, row.end)
            if alternative is not None and row.unit is not None:
                row.unit += alternative.group()
                row.end = alternative.end()
            period, row_year = _period(text, a, row, year)
            whole = _whole(name) and not text.startswith("其中", max(a, row.start - 2))
            key = _key(text, row, name, whole) if period == "year" else None
            outcome = Outcome(
                name_zh=name,
                indicator=key,
                year=row_year,
                period=period,
                value=_signed(key, name, row.value),
                unit=row.unit,
                qualifier="over" if over else _qualifier(text, row),
                start=row.start,
                end=row.end,
            )
            found.append(outcome)
        found.extend(_chinese_figures(text, a, b, year))
        for rank_start, rank_end, value in _rank(text, a, b):
            clause = max(text.rfind(mark, a, rank_start) for mark in "，；,;")
            name_start = max(clause + 1, a)
            name = _FIGURE_TAIL.sub("", text[name_start:rank_start].strip())
            if len(name) < 2 or name.endswith(("均", "倒数", "都")):
                continue
            period, row_year = ("multi_year", None) if _MULTI_YEAR.search(name) else ("year", year)
            found.append(
                Outcome(name, None, row_year, period, value, "位", "rank", name_start, rank_end)
            )
    found.sort(key=lambda outcome: (outcome.start, outcome.end))
    return found


def _chinese_figures(text: str, start: int, end: int, year: int | None) -> list[Outcome]:
    """Figures in Chinese numerals after a qualifying word: 过千亿元, 超百万辆."""
    rows: list[Outcome] = []
    for match in _CHINESE.finditer(text, start, end):
        try:
            value = parse_chinese_quantity(match["n"])
        except ValueError:
            continue
        clause = max(text.rfind(mark, start, match.start()) for mark in "，；,;、")
        name_start = max(clause + 1, start)
        name = text[name_start : match.start()].strip()
        qualifier = "about" if match["q"] in ("近", "约") else "over"
        if match["q"] in ("达", "达到"):
            qualifier = "plain"
        unit = (match["m"] or "") + match["u"]
        period = "multi_year" if _MULTI_YEAR.search(name) else "year"
        row_year = None if period == "multi_year" else year
        rows.append(
            Outcome(
                name, None, row_year, period, float(value), unit, qualifier, name_start, match.end()
            )
        )
    return rows


def _model() -> type[ExtractedOutcomeSchema]:
    from jinan_gov.schemas import ExtractedOutcomeSchema  # noqa: PLC0415

    return ExtractedOutcomeSchema


@cache
def _schema() -> pl.Schema:
    columns = _model().to_schema().columns
    return pl.Schema({name: column.dtype.type for name, column in columns.items()})


def outcome_frame(outcomes: list[Outcome], text: str) -> pl.DataFrame:
    """The rows of :class:`ExtractedOutcomeSchema` for ``outcomes`` of ``text``."""
    return pl.DataFrame(
        {
            "id": [f"o{number:02d}" for number in range(1, len(outcomes) + 1)],
            "indicator": [o.indicator for o in outcomes],
            "name_zh": [o.name_zh for o in outcomes],
            "name_en": [english_name(o.name_zh) for o in outcomes],
            "year": [o.year for o in outcomes],
            "period": [o.period for o in outcomes],
            "value": [o.value for o in outcomes],
            "unit": [o.unit for o in outcomes],
            "qualifier": [o.qualifier for o in outcomes],
            "quote": [text[o.start : o.end] for o in outcomes],
            "start": [o.start for o in outcomes],
            "end": [o.end for o in outcomes],
        },
        schema=_schema(),
    )


def _check_text(text: object) -> str:
    return require_text(text, "extract_outcomes")  # also refuses lone surrogates


def extract_outcomes(text: str) -> DataFrame[ExtractedOutcomeSchema]:
    """Read the outcomes a report or plan states for the year before its targets.

    The review is the start of a work report (过去一年…, 2025年工作回顾, the 十四五
    retrospective) or part 一 of a plan, up to the first forward-looking part (the 十五五
    plan, this year's work or main targets). Every figure stated there is a row.

    Parameters
    ----------
    text
        A whole report or plan (raw PDF text or clean), or just its review.

    Returns
    -------
    DataFrame[ExtractedOutcomeSchema]
        One row per figure statement, in text order; empty when the text states none.
        ``quote`` is ``extraction_text(text)[start:end]``.

    Raises
    ------
    TypeError
        ``text`` is not a ``str``.

    Examples
    --------
    >>> rows = extract_outcomes(
    ...     "一、2025年工作回顾。全省地区生产总值5.2万亿元、增长5.4%，居民消费价格下降0.1%。"
    ... )
    >>> rows.select("indicator", "value", "unit").rows()
    [('gdp', 5.2, '万亿元'), ('gdp_growth', 5.4, '%'), ('cpi_growth', -0.1, '%')]
    >>> rows["year"].to_list()
    [2025, 2025, 2025]
    """
    return validate(_model(), outcome_rows(text))


def outcome_rows(text: str) -> pl.DataFrame:
    """The frame of :func:`extract_outcomes`, not yet validated (a panel validates once)."""
    normalised = normalize_text(fold_text(_check_text(text)))
    # the review ends where the main targets start, however the document words the opening
    paragraph = find_paragraph(normalised)
    start, end = review_span(normalised, None if paragraph is None else paragraph.start)
    outcomes = find_outcomes(normalised, start, end, review_year(normalised))
    return outcome_frame(outcomes, normalised)


def __dir__() -> list[str]:
    return list(__all__)

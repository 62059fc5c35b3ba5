"""The Pandera models of what the extractor reads from any plan or report.

Imported by :mod:`jinan_gov.schemas` on first use of a model (pandera is heavy).
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from jinan_gov.schemas._base import Strict
from jinan_gov.schemas.vocab import (
    DIRECTIONS,
    EXTRACTED_QUALIFIERS,
)

__all__ = ("ExtractedOutcomeSchema", "ExtractedTargetSchema")

_RELATIVE = ("above_benchmark", "in_step")


class ExtractedTargetSchema(Strict):
    """One target of a main-target paragraph read by :func:`jinan_gov.extract_targets`.

    Offsets and quotes refer to the normalised text
    ``normalize_text(fold_text(text))`` of the input.
    """

    id: str = pa.Field(
        unique=True, str_matches=r"^t\d{2,}$", description="Row id within the result: t01, t02 …"
    )
    target_no: int = pa.Field(unique=True, ge=1, description="Position in the text, from 1.")
    name_zh: str = pa.Field(
        description="What is measured, in the text's words, with the change verb when the "
        "figure is a change (地区生产总值增长, 城镇调查失业率, 单位GDP二氧化碳排放下降)."
    )
    name_en: str | None = pa.Field(
        nullable=True,
        description="English name when the subject is a common indicator (GDP growth, "
        "surveyed urban unemployment rate …); null otherwise.",
    )
    indicator: str | None = pa.Field(
        nullable=True,
        str_matches=r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
        description="Indicator key of the concept and measure (gdp_growth, "
        "surveyed_unemployment_rate …; see jinan_gov.extract.INDICATORS), the same in every "
        "document and as the bundled tables' indicator column; null for a name outside the "
        "vocabulary.",
    )
    value: float | None = pa.Field(
        nullable=True,
        description="The figure as written (下降3% -> 3, 1.2万亿元 -> 1.2, 涨幅-0.5% -> -0.5; "
        "lower bound of a range; the margin of 高于全国平均水平1个百分点以上 -> 1); null for "
        "qualitative targets and relative targets without a margin.",
    )
    value_upper: float | None = pa.Field(
        nullable=True, description="Upper bound of a range (5%—5.5% -> 5.5), else null."
    )
    unit: str | None = pa.Field(
        nullable=True,
        description="Unit as written after NFKC (%, 万人, 亿斤, 个百分点, 微克/立方米 …); "
        "'%' for a relative target on a growth rate; null otherwise without a figure.",
    )
    value_base: float | None = pa.Field(nullable=True, description="value, 万/亿 expanded.")
    unit_base: str | None = pa.Field(nullable=True, description="unit without 万/亿 (亿斤 -> 斤).")
    qualifier: str = pa.Field(
        isin=EXTRACTED_QUALIFIERS,
        description="How the figure is qualified: plain, at_least (以上/不低于), about (左右), "
        "cap_about (控制在…左右), at_most (以内/不超过), exceed (突破/超过), reach (达到), "
        "range (5%—5.5%), above_benchmark (高于全省平均水平), in_step (与经济增长同步), "
        "strive (力争), qualitative (完成下达的目标, no figure).",
    )
    qualifier_zh: str | None = pa.Field(
        nullable=True,
        description="The qualifying words as written (以上, 控制在…左右, 高于全省平均水平 …); "
        "null for plain figures.",
    )
    benchmark: str | None = pa.Field(
        nullable=True,
        description="What a relative target is compared with: 全国, 全省, 全市, 经济增长, "
        "or the text's own words for anything else; null for other qualifiers.",
    )
    direction: str = pa.Field(
        isin=DIRECTIONS,
        description="higher or lower is better (unemployment, prices, caps: lower; growth, "
        "output, reductions stated as 下降X%, completion of targets: higher).",
    )
    quote: str = pa.Field(
        str_length={"min_value": 1},
        description="Shortest verbatim span of the normalised text stating the subject, the "
        "figure and its qualifier.",
    )
    start: int = pa.Field(ge=0, description="Offset of the quote in the normalised text.")
    end: int = pa.Field(ge=1, description="Offset just after the quote (exclusive).")
    note: str | None = pa.Field(
        nullable=True,
        description="Riders that qualify the row without being targets themselves "
        "(在实际工作中努力争取更好结果, 争取更优水平).",
    )

    @pa.dataframe_check
    @classmethod
    def consistent(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """value null for qualitative rows, and for relative ones except a margin over a
        benchmark (above_benchmark), set for all others; benchmark only for relative ones,
        value_upper exactly for ranges (above value), end - start the quote's length."""
        qualifier = pl.col("qualifier")
        upper = pl.col("value_upper")
        return data.lazyframe.select(
            (qualifier.is_in([*_RELATIVE, "qualitative"]) | pl.col("value").is_not_null())
            & ((qualifier != "qualitative") | pl.col("value").is_null())
            & (
                (qualifier == "above_benchmark")
                | ~qualifier.is_in(_RELATIVE)
                | pl.col("value").is_null()
            )
            & (qualifier.is_in(_RELATIVE) == pl.col("benchmark").is_not_null())
            & ((qualifier == "range") == upper.is_not_null())
            & (upper.is_null() | (upper > pl.col("value")))
            & (pl.col("end") - pl.col("start") == pl.col("quote").str.len_chars())
        )


# --- Outcomes read from any plan or work report (jinan_gov.extract) ---------------------


class ExtractedOutcomeSchema(Strict):
    """One figure a review states, read by :func:`jinan_gov.extract.extract_outcomes`.

    The review is the part of a work report (过去一年/2025年工作回顾) or plan (part 一)
    that reports last year's results. Offsets and quotes refer to the normalised text
    ``normalize_text(fold_text(text))`` of the input.
    """

    id: str = pa.Field(
        unique=True, str_matches=r"^o\d{2,}$", description="Row id within the result: o01, o02 …"
    )
    indicator: str | None = pa.Field(
        nullable=True,
        str_matches=r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
        description="Indicator key (see jinan_gov.extract.INDICATORS) of a whole-jurisdiction "
        "figure of the year reviewed; null for a sub-region (某市, 其中…), a component, a "
        "multi-year figure, a gap to a benchmark, or a name outside the vocabulary.",
    )
    name_zh: str = pa.Field(
        description="What is measured, in the text's words, with the change verb when the "
        "figure is a change (地区生产总值增长, 居民消费价格下降)."
    )
    name_en: str | None = pa.Field(
        nullable=True, description="English name of a common indicator; null otherwise."
    )
    year: int | None = pa.Field(
        nullable=True,
        description="The year the figure describes (the year reviewed, or the year of a "
        "baseline 从A提高到B); null for multi-year figures and when the text does not say "
        "which year it reviews.",
    )
    period: str = pa.Field(
        isin=["year", "multi_year", "other"],
        description="year (the year reviewed), multi_year (年均, 累计, 十四五, 五年来: year is "
        "null) or other (another year, such as the baseline of 从A提高到B).",
    )
    value: float = pa.Field(
        description="The figure, signed as the indicator means it: a decline of a growth "
        "concept is negative (居民消费价格下降0.1% -> -0.1), a reduction concept stated as "
        "下降X is X (能耗下降3.2% -> 3.2); a rank is its position (首位 -> 1)."
    )
    unit: str | None = pa.Field(
        nullable=True, description="Unit as written after NFKC (%, 亿元, 万人, 个百分点, 位 …)."
    )
    qualifier: str = pa.Field(
        isin=["plain", "about", "over", "at_most", "rank"],
        description="plain, about (约, 近, 左右), over (以上, 超过, 突破, 余), at_most (以内, "
        "不超过) or rank (居全国第3位, 首位).",
    )
    quote: str = pa.Field(
        str_length={"min_value": 1},
        description="Verbatim span of the normalised text stating the subject and figure.",
    )
    start: int = pa.Field(ge=0, description="Offset of the quote in the normalised text.")
    end: int = pa.Field(ge=1, description="Offset just after the quote (exclusive).")

    @pa.dataframe_check
    @classmethod
    def consistent(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """year null for multi-year figures (and set for other years), keys only for figures
        of the year, end - start the quote's length."""
        period = pl.col("period")
        year = pl.col("year")
        return data.lazyframe.select(
            ((period != "multi_year") | year.is_null())
            & ((period != "other") | year.is_not_null())
            & (pl.col("indicator").is_null() | (period == "year"))
            & (pl.col("end") - pl.col("start") == pl.col("quote").str.len_chars())
        )


def __dir__() -> list[str]:
    return list(__all__)

"""The Pandera models of the plan's tables, the sources, attainment and extraction.

Imported by :mod:`jinan_gov.schemas` on first use of a model (pandera is heavy).
"""

from __future__ import annotations

import datetime as dt

import pandera.polars as pa
import polars as pl
from pandera.engines import polars_engine

from jinan_gov.schemas._base import Strict
from jinan_gov.schemas.vocab import (
    DIRECTIONS,
    DOC_IDS,
    EXTRACTED_QUALIFIERS,
    FLAGS,
    INDICATOR_TABLES,
    KINDS,
    MEASURES,
    QUALIFIERS,
    STATUSES,
    TIERS,
)

__all__ = (
    "ActualsSchema",
    "AppointmentSchema",
    "AssessmentSchema",
    "DocumentSchema",
    "ExtractedOutcomeSchema",
    "ExtractedTargetSchema",
    "IndicatorSchema",
    "IndicatorSearchSchema",
)


class DocumentSchema(Strict):
    """One row per official document in the bundled gazette issue."""

    doc_id: str = pa.Field(
        unique=True, isin=DOC_IDS, description="Stable English id of the document."
    )
    doc_no: str = pa.Field(
        unique=True, description="Official document number, e.g. 济政发〔2023〕4号."
    )
    title_zh: str = pa.Field(
        description="Title of the numbered document, i.e. of the notice (通知) that carries "
        "doc_no, as printed, issuer included, e.g. 济南市人民政府关于印发济南市2023年国民经济和"
        "社会发展计划的通知."
    )
    title_en: str = pa.Field(description="title_zh in English (our translation).")
    attachment_title_zh: str | None = pa.Field(
        nullable=True,
        description="Title of the text the notice issues (印发), as printed above it, e.g. "
        "济南市2023年国民经济和社会发展计划; null for a notice with no attachment.",
    )
    attachment_title_en: str | None = pa.Field(
        nullable=True, description="attachment_title_zh in English (our translation)."
    )
    issuer_zh: str = pa.Field(description="Issuing authority in Chinese.")
    issuer_en: str = pa.Field(description="Issuing authority in English.")
    issued_on: dt.date = pa.Field(description="Date the document was issued (印发).")
    gazette_zh: str = pa.Field(description="Gazette issue that published the document (Chinese).")
    gazette_en: str = pa.Field(description="Gazette issue that published the document (English).")
    quote: str = pa.Field(
        description="Verbatim substring of the normalised document proving the row."
    )

    @pa.dataframe_check
    @classmethod
    def notice_titles_name_their_attachment(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """title_zh is the issuer's notice (…关于…的通知), naming the attachment it issues."""
        title, attachment = pl.col("title_zh"), pl.col("attachment_title_zh")
        issued = pl.col("issuer_zh") + pl.lit("关于印发") + attachment + pl.lit("的通知")
        return data.lazyframe.select(
            title.str.starts_with(pl.col("issuer_zh") + pl.lit("关于"))
            & title.str.ends_with("的通知")
            & (attachment.is_null() | (title == issued))
            & (attachment.is_null() == pl.col("attachment_title_en").is_null())
        )


class AppointmentSchema(Strict):
    """Government counsellors (市政府参事) appointed by 济政字〔2023〕25号."""

    name_zh: str = pa.Field(unique=True, description="Name of the appointee, as printed.")
    name_pinyin: str = pa.Field(description="Hanyu Pinyin romanisation of the name (ours).")
    position_zh: str = pa.Field(description="Position appointed to, in Chinese.")
    position_en: str = pa.Field(description="Position appointed to, in English.")
    doc_id: str = pa.Field(isin=DOC_IDS, description="Document that makes the appointment.")
    appointed_on: dt.date = pa.Field(description="Date of the appointing notice.")
    quote: str = pa.Field(
        description="Verbatim substring of the normalised document naming the appointee."
    )

    @pa.dataframe_check
    @classmethod
    def quote_names_appointee(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """The quote must contain the appointee's name."""
        return data.lazyframe.select(pl.col("quote").str.contains(pl.col("name_zh"), literal=True))


# --- Target attainment -----------------------------------------------------------------


class ActualsSchema(Strict):
    """Actual values to assess: one row per target (per scenario)."""

    id: str = pa.Field(description="Target id, e.g. gdp_growth_2023.")
    actual: float = pa.Field(
        nullable=True,
        description="Actual value in the target's own measure and unit (a growth target takes "
        "a growth rate in %; a qualitative target takes 1 for met, 0 for not met).",
    )
    scenario: str | None = pa.Field(nullable=True, description="Optional what-if scenario name.")


class AssessmentSchema(Strict):
    """The result of :func:`jinan_gov.assess`: one row per assessed target per scenario.

    ``scenario`` and ``id`` keep the dtype of the input's columns (String by default; an
    integer, Categorical or Enum scenario, a Categorical or Enum id). Labels repeated on
    every row are Enum (``qualifier``, ``status``, ``tier_reached``) or Categorical
    (``name_en``, ``unit``, ``reason``), which keeps a million-row result small.
    """

    scenario: str | None = pa.Field(
        nullable=True, description="Scenario name (null if none), in the input's dtype."
    )
    id: str = pa.Field(description="Target id, in the input's dtype.")
    name_en: polars_engine.Categorical = pa.Field(description="Target name in English.")
    qualifier: polars_engine.Enum = pa.Field(
        dtype_kwargs={"categories": list(QUALIFIERS)},
        description="How the target is qualified (see QUALIFIERS).",
    )
    unit: polars_engine.Categorical = pa.Field(
        nullable=True, description="Unit of target, actual and gap."
    )
    target: float | None = pa.Field(
        nullable=True, description="The target figure (lower bound / floor tier)."
    )
    target_upper: float | None = pa.Field(nullable=True, description="Upper bound of a range.")
    target_middle: float | None = pa.Field(nullable=True, description="Middle tier (目标).")
    target_stretch: float | None = pa.Field(nullable=True, description="Stretch tier (力争).")
    tolerance: float | None = pa.Field(
        nullable=True, description="Absolute tolerance applied to a 左右 target, in its unit."
    )
    actual: float | None = pa.Field(nullable=True, description="The actual value assessed.")
    benchmark: float | None = pa.Field(
        nullable=True, description="Reference value of a relative target (provincial average)."
    )
    attained: bool | None = pa.Field(
        nullable=True, description="Whether the target was attained; null if not assessable."
    )
    status: polars_engine.Enum = pa.Field(
        dtype_kwargs={"categories": list(STATUSES)},
        description="exceeded, met, missed or not_assessable.",
    )
    gap: float | None = pa.Field(
        nullable=True,
        description="actual minus target (or minus benchmark), in the target's unit.",
    )
    tier_reached: polars_engine.Enum = pa.Field(
        nullable=True,
        dtype_kwargs={"categories": list(TIERS)},
        description="Highest tier reached by a tiered target.",
    )
    binding: bool | None = pa.Field(
        nullable=True, description="Binding (约束性) main target; null for task targets."
    )
    reason: polars_engine.Categorical = pa.Field(
        description="Short English explanation of the status."
    )

    @classmethod
    def to_schema(cls) -> pa.DataFrameSchema:
        """The schema, with ``scenario`` and ``id`` accepting the input's label dtypes."""
        schema = super().to_schema()
        return schema.update_columns({"scenario": {"dtype": None}, "id": {"dtype": None}})


# --- The 2023 plan's indicators -------------------------------------------------------


class IndicatorSchema(Strict):
    """One quantitative statement of the 2023 plan: a 2022 outcome or a 2023 target.

    Rows come from three curated tables (``table``): part 一 of the plan
    (2022 outcomes), part 二 (2023 main targets) and part 三 (2023 task
    targets). Every row carries the verbatim ``quote`` that states it.
    """

    id: str = pa.Field(
        unique=True,
        str_matches=r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
        description="Stable, unique English snake_case id, e.g. gdp_growth_2023.",
    )
    indicator: str = pa.Field(
        str_matches=r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
        description="The concept measured; an outcome and a target of the same thing share it.",
    )
    table: str = pa.Field(isin=INDICATOR_TABLES, description="Curated table the row belongs to.")
    kind: str = pa.Field(isin=KINDS, description="outcome (2022 result) or target (2023 goal).")
    year: int = pa.Field(isin=[2022, 2023], description="Year the figure refers to.")
    section: str = pa.Field(
        description="Position in the plan: part, section, topic, item, e.g. 三(一)一是1."
    )
    section_title_zh: str = pa.Field(description="Title of the (一)-level section, in Chinese.")
    section_title_en: str = pa.Field(description="Title of the (一)-level section, in English.")
    topic_title_zh: str | None = pa.Field(
        nullable=True, description="Title of the 一是/二是-level heading, where there is one."
    )
    topic_title_en: str | None = pa.Field(
        nullable=True, description="English title of the 一是/二是-level heading."
    )
    subsection_title_zh: str | None = pa.Field(
        nullable=True, description="Title of the numbered (1./2.) heading, where there is one."
    )
    subsection_title_en: str | None = pa.Field(
        nullable=True, description="English title of the numbered (1./2.) heading."
    )
    name_zh: str = pa.Field(description="What is measured, in the plan's Chinese wording.")
    name_en: str = pa.Field(description="What is measured, in English.")
    value: float | None = pa.Field(
        nullable=True,
        description="The figure as written (lower bound of a range, floor of tiers); "
        "null only for relative or qualitative targets. Declines are negative.",
    )
    value_upper: float | None = pa.Field(
        nullable=True, description="Upper bound of a range (qualifier 'range')."
    )
    value_target: float | None = pa.Field(
        nullable=True, description="Middle tier (目标) of a tiered target."
    )
    value_stretch: float | None = pa.Field(
        nullable=True, description="Stretch tier (力争) of a tiered target."
    )
    unit: str | None = pa.Field(
        nullable=True,
        description="Unit as written (亿元, 万个, %, 个百分点, 元/月 ...); null without a figure.",
    )
    value_base: float | None = pa.Field(
        nullable=True, description="value with 万/亿/万亿 expanded (4.7万个 -> 47000)."
    )
    unit_base: str | None = pa.Field(
        nullable=True, description="unit without its 万/亿/万亿 multiplier (万个 -> 个)."
    )
    measure: str = pa.Field(isin=MEASURES, description="What kind of quantity the figure is.")
    qualifier: str = pa.Field(isin=QUALIFIERS, description="How the figure is qualified.")
    qualifier_zh: str | None = pa.Field(
        nullable=True, description="The qualifying words as written, e.g. 以上, 左右, 控制在…左右."
    )
    direction: str = pa.Field(
        isin=DIRECTIONS,
        description=(
            "Which values are better: higher (almost everything, and a qualitative target: "
            "attaining it is better than not), lower (caps, prices, accidents, pollution) or "
            "neutral (a volume of work the plan schedules, such as projects or households "
            "to expropriate, where more is not better)."
        ),
    )
    binding: bool | None = pa.Field(
        nullable=True,
        description="Main targets only: True for binding (约束性), False for indicative (预期性).",
    )
    flag: str | None = pa.Field(
        nullable=True, isin=FLAGS, description="Set where the source looks wrong; never corrected."
    )
    note: str | None = pa.Field(nullable=True, description="Explanation of a flag or a reading.")
    doc_id: str = pa.Field(isin=DOC_IDS, description="Document the row comes from.")
    quote: str = pa.Field(
        description="Verbatim substring of the normalised document that states the figure."
    )

    @pa.dataframe_check
    @classmethod
    def figure_present_unless_relative(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """value is null exactly for relative (above_benchmark) and qualitative rows."""
        no_figure = pl.col("qualifier").is_in(["above_benchmark", "qualitative"])
        return data.lazyframe.select(no_figure == pl.col("value").is_null())

    @pa.dataframe_check
    @classmethod
    def bounds_match_qualifier(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """value_upper only for ranges, tiers only for tiered targets, in increasing order."""
        frame = data.lazyframe
        is_range = pl.col("qualifier") == "range"
        is_tiers = pl.col("qualifier") == "tiers"
        return frame.select(
            (is_range == pl.col("value_upper").is_not_null())
            & (is_tiers == pl.col("value_stretch").is_not_null())
            & (pl.col("value_target").is_null() | is_tiers)
            & (pl.col("value_upper").is_null() | (pl.col("value_upper") > pl.col("value")))
            & (pl.col("value_stretch").is_null() | (pl.col("value_stretch") > pl.col("value")))
        )

    @pa.dataframe_check
    @classmethod
    def qualitative_targets_are_better_attained(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """A qualitative target (met or not) has direction higher: attaining it is better."""
        return data.lazyframe.select(
            (pl.col("qualifier") != "qualitative") | (pl.col("direction") == "higher")
        )

    @pa.dataframe_check
    @classmethod
    def binding_only_for_main_targets(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """binding is set for every main target and for nothing else."""
        return data.lazyframe.select(
            (pl.col("table") == "targets_2023") == pl.col("binding").is_not_null()
        )

    @pa.dataframe_check
    @classmethod
    def kind_matches_year(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Outcomes are 2022 figures, targets 2023 figures."""
        return data.lazyframe.select(
            ((pl.col("kind") == "outcome") == (pl.col("year") == 2022))
            & ((pl.col("kind") == "outcome") == (pl.col("table") == "outcomes_2022"))
        )

    @pa.dataframe_check
    @classmethod
    def flagged_rows_explain_why(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """A flag always comes with a note."""
        return data.lazyframe.select(pl.col("flag").is_null() | pl.col("note").is_not_null())


class IndicatorSearchSchema(Strict):
    """Rows of the plan ranked for a free-text query by :func:`jinan_gov.search_indicators`."""

    id: str = pa.Field(description="Indicator row id, as in :func:`jinan_gov.indicators`.")
    score: float = pa.Field(gt=0, description="BM25 relevance score; higher is better.")
    name_en: str = pa.Field(description="What is measured, in English.")
    name_zh: str = pa.Field(description="What is measured, in the plan's words.")
    kind: str = pa.Field(isin=KINDS, description="outcome (2022 result) or target (2023 goal).")
    year: int = pa.Field(isin=[2022, 2023], description="Year of the figure.")
    matched: pl.List(pl.String) = pa.Field(  # type: ignore[valid-type]
        description=(
            "Why the row came up: the query's words found in it and the glossary terms "
            "the query was expanded with, as 'term ← query words'."
        )
    )

    @pa.dataframe_check
    @classmethod
    def best_first(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Scores never increase down the frame."""
        return data.lazyframe.select(pl.col("score").diff().fill_null(0) <= 0)


# --- Targets read from any plan or work report (jinan_gov.extract) ----------------------

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
        ge=0,
        description="The figure as written and positive (下降3% -> 3, 1.2万亿元 -> 1.2; lower "
        "bound of a range); null for relative and qualitative targets.",
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
        """value null exactly for relative/qualitative rows, benchmark only for relative ones,
        value_upper exactly for ranges (above value), end - start the quote's length."""
        qualifier = pl.col("qualifier")
        upper = pl.col("value_upper")
        return data.lazyframe.select(
            (qualifier.is_in([*_RELATIVE, "qualitative"]) == pl.col("value").is_null())
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

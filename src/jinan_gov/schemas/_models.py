"""The Pandera models of the plan's tables, the sources, attainment and extraction.

Imported by :mod:`jinan_gov.schemas` on first use of a model (pandera is heavy).
"""

from __future__ import annotations

import datetime as dt

import pandera.polars as pa
import polars as pl
from pandera.engines import polars_engine

from jinan_gov.schemas._base import Ranked, Strict, matched_field
from jinan_gov.schemas.vocab import (
    DIRECTIONS,
    DOC_IDS,
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
    warning: polars_engine.Categorical = pa.Field(
        nullable=True,
        description="Set when the actual looks like the wrong unit (more than 100× or under "
        "1/100 of the target, or a fraction where the target is in %); the value is kept.",
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


class IndicatorSearchSchema(Ranked):
    """Rows of the plan ranked for a free-text query by :func:`jinan_gov.search_indicators`."""

    id: str = pa.Field(description="Indicator row id, as in :func:`jinan_gov.indicators`.")
    score: float = pa.Field(gt=0, description="BM25 relevance score; higher is better.")
    name_en: str = pa.Field(description="What is measured, in English.")
    name_zh: str = pa.Field(description="What is measured, in the plan's words.")
    kind: str = pa.Field(isin=KINDS, description="outcome (2022 result) or target (2023 goal).")
    year: int = pa.Field(isin=[2022, 2023], description="Year of the figure.")
    matched: pl.List(pl.String) = matched_field("row")  # type: ignore[valid-type]


# --- Targets read from any plan or work report (jinan_gov.extract) ----------------------


def __dir__() -> list[str]:
    return list(__all__)

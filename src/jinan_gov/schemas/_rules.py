"""The Work Rules' schemas: chapters, articles, structured facts and search results.

Part of the data dictionary: every name here is public as :mod:`jinan_gov.schemas`.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from jinan_gov.schemas._base import Ranked, Strict, matched_field
from jinan_gov.schemas.vocab import (
    FACT_KINDS,
    FACT_UNITS,
    HEDGES,
    MEETING_ROLES,
    MEETINGS,
    PERIODS,
    RULE_QUALIFIERS,
    RULES_ARTICLE_COUNT,
    RULES_CHAPTER_COUNT,
    RULES_DOC_ID,
    SIGNATURE_ROLES,
)

__all__ = (
    "FACT_KINDS",
    "FACT_UNITS",
    "HEDGES",
    "MEETINGS",
    "MEETING_ROLES",
    "PERIODS",
    "RULES_ARTICLE_COUNT",
    "RULES_CHAPTER_COUNT",
    "RULES_DOC_ID",
    "RULE_QUALIFIERS",
    "SIGNATURE_ROLES",
    "ArticleAnnotationSchema",
    "ArticleSchema",
    "ChapterSchema",
    "RuleFactSchema",
    "SearchResultSchema",
)


# --- The Work Rules (济政发〔2023〕6号) ------------------------------------------------

_SNAKE = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
_ARTICLE_LABEL = r"^第[一二三四五六七八九十]+条$"


def _in_order(column: str, count: int) -> pl.Expr:
    """``column`` is exactly 1, 2, ..., count in row order."""
    return (pl.col(column) == pl.int_range(1, pl.len() + 1)) & (pl.len() == count)


class ChapterSchema(Strict):
    """The 13 chapters (章) of the Work Rules, in order, with the articles each spans."""

    chapter_no: int = pa.Field(
        unique=True, ge=1, le=RULES_CHAPTER_COUNT, description="Chapter number, 1-13."
    )
    chapter_title_zh: str = pa.Field(
        unique=True, description="Chapter title as printed, without the 第…章 label, e.g. 会议制度."
    )
    chapter_title_en: str = pa.Field(description="Chapter title in English (our translation).")
    first_article: int = pa.Field(
        ge=1, le=RULES_ARTICLE_COUNT, description="Number of the chapter's first article."
    )
    last_article: int = pa.Field(
        ge=1, le=RULES_ARTICLE_COUNT, description="Number of the chapter's last article."
    )
    doc_id: str = pa.Field(isin=[RULES_DOC_ID], description="Document the chapter belongs to.")

    @pa.dataframe_check
    @classmethod
    def chapters_tile_the_articles(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Chapters 1-13 in order; their article ranges run 1-76 without gap or overlap."""
        previous_last = pl.col("last_article").shift(1).fill_null(0)
        return data.lazyframe.select(
            _in_order("chapter_no", RULES_CHAPTER_COUNT)
            & (pl.col("first_article") == previous_last + 1)
            & (pl.col("first_article") <= pl.col("last_article"))
            & (pl.col("last_article").max() == RULES_ARTICLE_COUNT)
        )


class ArticleAnnotationSchema(Strict):
    """Our English annotations of the 76 articles (``rules_articles.csv``).

    The Chinese text is not stored here: :func:`jinan_gov.rules.articles`
    derives it from the normalised source and joins these columns on.
    """

    article_no: int = pa.Field(
        unique=True, ge=1, le=RULES_ARTICLE_COUNT, description="Article number, 1-76."
    )
    title_en: str = pa.Field(description="Short English heading of the article (ours).")
    summary_en: str = pa.Field(
        description="One or two English sentences summarising the article (ours)."
    )
    keywords_en: str = pa.Field(
        description="Space-separated English search terms (ours), used only by rules.search()."
    )

    @pa.dataframe_check
    @classmethod
    def one_row_per_article_in_order(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Articles 1-76, each once, in order."""
        return data.lazyframe.select(_in_order("article_no", RULES_ARTICLE_COUNT))


class ArticleSchema(Strict):
    """The 76 articles (条) of the Work Rules with their Chinese text and English notes."""

    chapter_no: int = pa.Field(
        ge=1, le=RULES_CHAPTER_COUNT, description="Number of the chapter holding the article."
    )
    chapter_title_zh: str = pa.Field(description="Title of that chapter, as printed.")
    chapter_title_en: str = pa.Field(description="Title of that chapter in English.")
    article_no: int = pa.Field(
        unique=True, ge=1, le=RULES_ARTICLE_COUNT, description="Article number, 1-76."
    )
    label_zh: str = pa.Field(
        unique=True, str_matches=_ARTICLE_LABEL, description="Article label, e.g. 第三十九条."
    )
    title_en: str = pa.Field(description="Short English heading of the article (ours).")
    summary_en: str = pa.Field(
        description="One or two English sentences summarising the article (ours)."
    )
    text_zh: str = pa.Field(
        description="The article's paragraphs verbatim from the normalised source, joined with "
        "a newline, label included (第三十九条\\u3000…); enumerated items (一)… are separate lines."
    )
    doc_id: str = pa.Field(isin=[RULES_DOC_ID], description="Document the article belongs to.")

    @pa.dataframe_check
    @classmethod
    def articles_in_order_within_chapters(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Articles 1-76 in order; chapter numbers never decrease."""
        return data.lazyframe.select(
            _in_order("article_no", RULES_ARTICLE_COUNT)
            & (pl.col("chapter_no").diff().fill_null(1) >= 0)
        )

    @pa.dataframe_check
    @classmethod
    def text_starts_with_label(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Each text opens with its own label and an ideographic space."""
        return data.lazyframe.select(
            pl.col("text_zh").str.starts_with(pl.col("label_zh") + pl.lit("\u3000"))
        )


class RuleFactSchema(Strict):
    """Structured facts of the Work Rules: meetings, time limits, frequencies, length limits,
    who signs what, and what silence or delay means.

    A fact with a figure has ``value``, ``unit``, ``figure_zh`` and ``qualifier`` all set;
    a fact without one (``及时``, ``定期``, who chairs a meeting …) has all four null.
    """

    fact_id: str = pa.Field(
        unique=True, str_matches=_SNAKE, description="Stable, unique English snake_case id."
    )
    kind: str = pa.Field(
        isin=FACT_KINDS,
        description="What sort of rule the fact states: meeting (who fills a role of one of "
        "the four meetings, or what the meeting does), time_limit (by when something must be "
        "done: a number of days, 及时 promptly, 提前/事先 in advance, 按期 on time), frequency "
        "(how often), length_limit (how long or how many: characters, matters, briefings), "
        "signature (who signs, vets or approves a document) or silence (what silence or delay "
        "entails: deemed consent, a circular, accountability).",
    )
    article_no: int = pa.Field(
        ge=1, le=RULES_ARTICLE_COUNT, description="Article that states the fact."
    )
    meeting: str | None = pa.Field(
        nullable=True,
        isin=MEETINGS,
        description="Which of the four meetings (全体会议 plenary, 常务会议 executive, "
        "市长办公会议 mayor_office, 专题会议 special_topic) the fact concerns, if any.",
    )
    role: str | None = pa.Field(
        nullable=True,
        isin=MEETING_ROLES + SIGNATURE_ROLES,
        description="For meeting facts the aspect (members, convened_by, chaired_by, attendees, "
        "tasks, decides, agenda_proposed_by, agenda_set_by, leave); for signature facts what "
        "the person in who_* does (signs, vets, approves); null for other kinds.",
    )
    subject_zh: str = pa.Field(description="What the fact is about, in Chinese.")
    subject_en: str = pa.Field(description="What the fact is about, in English.")
    who_zh: str | None = pa.Field(
        nullable=True,
        description="Who, in Chinese, as persons or bodies only (no verbs): for meeting facts "
        "whoever fills the role (the members, the convener, the chair, the attendees, who "
        "proposes or sets the agenda, whom to ask for leave); for signature facts who signs, "
        "vets or approves; for silence facts whose silence or delay it is; for the other kinds "
        "who the rule binds. Null when the rule names nobody.",
    )
    who_en: str | None = pa.Field(nullable=True, description="who_zh in English.")
    value: float | None = pa.Field(
        nullable=True, gt=0, description="The figure (5 working days, 3 times ...); null if none."
    )
    unit: str | None = pa.Field(
        nullable=True, isin=FACT_UNITS, description="Unit of value; null without a figure."
    )
    figure_zh: str | None = pa.Field(
        nullable=True,
        description="The figure as written in the quote, e.g. 5个工作日, 3次, 一次, 5000字.",
    )
    period: str | None = pa.Field(
        nullable=True, isin=PERIODS, description="Frequencies only: the period the count is per."
    )
    qualifier: str | None = pa.Field(
        nullable=True,
        isin=RULE_QUALIFIERS,
        description="How value bounds the rule: at_most (以内, 内), at_least (不少于), "
        "about, exactly; null without a figure.",
    )
    hedge: str | None = pa.Field(
        nullable=True,
        isin=HEDGES,
        description="Softening word in the quote: generally (一般), in_principle (原则上).",
    )
    detail_en: str = pa.Field(description="English explanation of the fact.")
    doc_id: str = pa.Field(isin=[RULES_DOC_ID], description="Document the fact comes from.")
    quote: str = pa.Field(
        description="Verbatim substring of the normalised Work Rules stating the fact; "
        "contains figure_zh when there is a figure."
    )

    @pa.dataframe_check
    @classmethod
    def figure_columns_together(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """value, unit, figure_zh and qualifier are all set or all null."""
        has = pl.col("value").is_not_null()
        return data.lazyframe.select(
            (pl.col("unit").is_not_null() == has)
            & (pl.col("figure_zh").is_not_null() == has)
            & (pl.col("qualifier").is_not_null() == has)
        )

    @pa.dataframe_check
    @classmethod
    def figure_in_quote(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """The figure as written is inside the quote."""
        return data.lazyframe.select(
            pl.col("figure_zh").is_null()
            | pl.col("quote").str.contains(pl.col("figure_zh"), literal=True)
        )

    @pa.dataframe_check
    @classmethod
    def role_matches_kind(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Meeting facts carry a meeting role, signature facts a signature role and a signer."""
        kind, role = pl.col("kind"), pl.col("role")
        return data.lazyframe.select(
            pl.when(kind == "meeting")
            .then(role.is_in(MEETING_ROLES).fill_null(False))
            .when(kind == "signature")
            .then(role.is_in(SIGNATURE_ROLES).fill_null(False) & pl.col("who_zh").is_not_null())
            .otherwise(role.is_null())
        )

    @pa.dataframe_check
    @classmethod
    def period_only_for_frequencies(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Only a frequency has a period, and a frequency with a figure always has one."""
        is_freq = pl.col("kind") == "frequency"
        return data.lazyframe.select(
            (pl.col("period").is_null() | is_freq)
            & (~is_freq | pl.col("value").is_null() | pl.col("period").is_not_null())
        )

    @pa.dataframe_check
    @classmethod
    def who_in_both_languages(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """who_zh and who_en are set together."""
        return data.lazyframe.select(pl.col("who_zh").is_null() == pl.col("who_en").is_null())

    @pa.dataframe_check
    @classmethod
    def hedge_is_in_quote(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """A hedge is only recorded when its Chinese word is in the quote."""
        quote = pl.col("quote")
        return data.lazyframe.select(
            pl.when(pl.col("hedge") == "generally")
            .then(quote.str.contains("一般", literal=True))
            .when(pl.col("hedge") == "in_principle")
            .then(quote.str.contains("原则上", literal=True))
            .otherwise(True)
        )


class SearchResultSchema(Ranked):
    """Articles of the Work Rules ranked for a free-text query by :func:`jinan_gov.rules.search`."""

    article_no: int = pa.Field(ge=1, le=RULES_ARTICLE_COUNT, description="Article number.")
    score: float = pa.Field(gt=0, description="BM25 relevance score; higher is better.")
    label_zh: str = pa.Field(
        str_matches=_ARTICLE_LABEL, description="Article label, e.g. 第五十条."
    )
    title_en: str = pa.Field(description="English heading of the article.")
    snippet: str = pa.Field(
        description="Short window of the article's Chinese text around its best-matching part."
    )
    matched: pl.List(pl.String) = matched_field("article")  # type: ignore[valid-type]


def __dir__() -> list[str]:
    return list(__all__)

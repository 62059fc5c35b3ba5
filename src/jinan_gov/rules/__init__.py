"""The Work Rules of the Jinan municipal government (济政发〔2023〕6号) as data.

13 chapters and 76 articles. The Chinese text of every article is *derived*
from the normalised source (:func:`jinan_gov.text.sources.source_text`) when it is
first needed, never copied into a table; only our English headings, summaries
and search keywords (``rules_articles.csv``), the chapter list
(``rules_chapters.csv``) and the structured facts (``rules_facts.csv``) are
curated. Every load cross-checks the curated tables against the source.

``text_zh`` (and :attr:`Article.text`) is the article's paragraphs verbatim,
joined with ``"\\n"``, **label included**: ``第三十九条\\u3000对需…``.
Enumerated items ``(一)…`` are separate lines of the article they belong to.
Joining the chapter headings and article texts in order gives back the body of
the Rules exactly.

>>> article(39).label_zh
'第三十九条'
>>> facts().filter(kind="time_limit", unit="working_days")["fact_id"].to_list()
['meeting_documents_issue_working_days', 'countersign_reply_working_days']
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

import polars as pl

from jinan_gov.errors import UnknownIdError
from jinan_gov.rules._article import Article, article
from jinan_gov.rules._source import parsed
from jinan_gov.schemas.tables import cached_frame, read_table
from jinan_gov.schemas.validation import validate
from jinan_gov.schemas.vocab import (
    FACT_KINDS,
    MEETINGS,
    RULES_ARTICLE_COUNT,
    RULES_DOC_ID,
    TIME_LIMIT_FACTS,
)
from jinan_gov.text.numerals import to_chinese_numeral
from jinan_gov.workdays import add_working_days

if TYPE_CHECKING:  # the models (and pandera) are imported on first validation
    from collections.abc import Iterable

    from pandera.typing.polars import DataFrame

    from jinan_gov.schemas import (
        ArticleAnnotationSchema,
        ArticleSchema,
        ChapterSchema,
        RuleFactSchema,
        SearchResultSchema,
    )
    from jinan_gov.workdays import HolidayNotice

__all__ = (
    "TIME_LIMIT_FACTS",
    "Article",
    "article",
    "articles",
    "chapters",
    "due_date",
    "facts",
    "search",
    "select_facts",
)

_VALID = f"the Work Rules have articles 1-{RULES_ARTICLE_COUNT}"


# --- Loaders ---------------------------------------------------------------------------


@cached_frame
def _chapters() -> DataFrame[ChapterSchema]:
    from jinan_gov.schemas import ChapterSchema  # noqa: PLC0415

    table = read_table("rules_chapters.csv", ChapterSchema)
    curated = list(
        table.select("chapter_no", "chapter_title_zh", "first_article", "last_article").iter_rows()
    )
    if curated != list(parsed().chapters):
        raise RuntimeError(
            "rules_chapters.csv disagrees with the chapters of the Work Rules source: "
            f"{curated} != {list(parsed().chapters)}"
        )
    return table


def chapters() -> DataFrame[ChapterSchema]:
    """The 13 chapters of the Work Rules, one row each, with the articles they span.

    Returns
    -------
    DataFrame[ChapterSchema]
        Columns ``chapter_no``, ``chapter_title_zh``, ``chapter_title_en``,
        ``first_article``, ``last_article``, ``doc_id``. Titles and article
        ranges are checked against the source on first load.

    Examples
    --------
    >>> chapters().filter(chapter_no=8).select("chapter_title_zh", "first_article", "last_article").row(0)
    ('会议制度', 36, 47)
    """  # noqa: E501
    return _chapters()


@cached_frame
def _annotations() -> DataFrame[ArticleAnnotationSchema]:
    from jinan_gov.schemas import ArticleAnnotationSchema  # noqa: PLC0415

    return read_table("rules_articles.csv", ArticleAnnotationSchema)


@cached_frame
def _articles() -> DataFrame[ArticleSchema]:
    from jinan_gov.schemas import ArticleSchema  # noqa: PLC0415

    notes = _annotations()
    source = parsed().articles
    chapter_titles = {
        no: (zh, en)
        for no, zh, en in _chapters()
        .select("chapter_no", "chapter_title_zh", "chapter_title_en")
        .iter_rows()
    }
    numbers = pl.Series("article_no", [n for n, _, _ in source], pl.Int64)
    if not numbers.equals(notes.get_column("article_no")):
        raise RuntimeError("rules_articles.csv: articles are not 1-76 in the order of the source")
    # Columns side by side (both tables are in article order): no join, no query to plan.
    frame = notes.hstack(
        [
            pl.Series("chapter_no", [c for _, c, _ in source], pl.Int64),
            pl.Series("chapter_title_zh", [chapter_titles[c][0] for _, c, _ in source]),
            pl.Series("chapter_title_en", [chapter_titles[c][1] for _, c, _ in source]),
            pl.Series("label_zh", [f"第{to_chinese_numeral(n)}条" for n, _, _ in source]),
            pl.Series("text_zh", [text for _, _, text in source]),
            pl.Series("doc_id", [RULES_DOC_ID] * len(source)),
        ]
    )[list(ArticleSchema.to_schema().columns)]
    return validate(ArticleSchema, frame)


def articles() -> DataFrame[ArticleSchema]:
    """The 76 articles of the Work Rules: Chinese text from the source, English notes curated.

    Returns
    -------
    DataFrame[ArticleSchema]
        One row per article, in order: ``chapter_no``, ``chapter_title_zh``,
        ``chapter_title_en``, ``article_no``, ``label_zh``, ``title_en``,
        ``summary_en``, ``text_zh`` (verbatim, label included, items on their
        own lines) and ``doc_id``.

    Examples
    --------
    >>> frame = articles()
    >>> frame.height, frame["label_zh"][38], frame["title_en"][38]
    (76, '第三十九条', 'Preparing items for plenary and executive meetings')
    >>> print(frame.filter(article_no=26)["text_zh"].item())
    第二十六条　实行市政府领导集体学法制度,一般每季度组织一次集中学习。
    """
    return _articles()


@cached_frame
def _facts() -> DataFrame[RuleFactSchema]:
    from jinan_gov.schemas import RuleFactSchema  # noqa: PLC0415

    table = read_table("rules_facts.csv", RuleFactSchema)
    texts = {n: text for n, _, text in parsed().articles}
    misplaced = [
        fact_id
        for fact_id, number, quote in table.select("fact_id", "article_no", "quote").iter_rows()
        if quote not in texts[number]
    ]
    if misplaced:
        raise RuntimeError(f"rules_facts.csv: quotes not found in their article: {misplaced}")
    return table


def facts() -> DataFrame[RuleFactSchema]:
    """Structured facts of the Work Rules, one row per fact, each with its verbatim quote.

    ``kind`` is one of ``meeting`` (members, convener, chair, attendees, tasks,
    agenda, leave of the four meetings), ``time_limit``, ``frequency``,
    ``length_limit``, ``signature`` (who signs, vets or approves which
    document) and ``silence`` (what silence or delay entails). ``who_zh`` and
    ``who_en`` name persons or bodies only: who fills the meeting role, who
    signs, whose silence it is, or who the rule binds. Figures carry
    ``value``/``unit``/``figure_zh``/``qualifier``; frequencies a ``period``;
    soft rules a ``hedge`` (一般 generally, 原则上 in principle).

    Examples
    --------
    >>> f = facts()
    >>> f.filter(fact_id="executive_meeting_per_month").select(
    ...     "value", "unit", "period", "qualifier", "hedge").row(0)
    (3.0, 'times', 'per_month', 'at_least', 'generally')
    >>> f.filter(meeting="special_topic", role="convened_by")["who_en"].item()
    'the mayor or a vice mayor, or the secretary-general or a deputy secretary-general on their behalf'
    """  # noqa: E501
    return _facts()


# --- Due dates -------------------------------------------------------------------------

_DUE_UNITS = ("working_days", "days")


def select_facts(kind: str = "", meeting: str = "") -> DataFrame[RuleFactSchema]:
    """The facts of the Work Rules of one kind and/or about one meeting.

    Parameters
    ----------
    kind
        One of :data:`jinan_gov.schemas.FACT_KINDS` (``"meeting"``, ``"time_limit"`` …);
        ``""`` for all.
    meeting
        One of :data:`jinan_gov.schemas.MEETINGS`; ``""`` for all.

    Raises
    ------
    ValueError
        An unknown kind or meeting (the message lists the valid ones).

    Examples
    --------
    >>> select_facts("time_limit")["fact_id"].head(2).to_list()
    ['meeting_documents_issue_working_days', 'countersign_reply_working_days']
    >>> select_facts(meeting="plenary", kind="meeting")["role"].to_list()[:2]
    ['members', 'convened_by']
    """
    if kind and kind not in FACT_KINDS:
        raise ValueError(f"unknown fact kind {kind!r}; valid: {', '.join(FACT_KINDS)}")
    if meeting and meeting not in MEETINGS:
        raise ValueError(f"unknown meeting {meeting!r}; valid: {', '.join(MEETINGS)}")
    frame: pl.DataFrame = facts()
    if kind:
        frame = frame.filter(kind=kind)
    if meeting:
        frame = frame.filter(meeting=meeting)
    return cast("DataFrame[RuleFactSchema]", frame)  # rows of a validated table


def _due(unit: str, value: int, start: dt.date, notices: Iterable[HolidayNotice] = ()) -> dt.date:
    """The last day of a limit of ``value`` ``unit`` counted from the day after ``start``."""
    if unit == "working_days":
        return add_working_days(start, value, notices=notices)
    return start + dt.timedelta(days=value)


def due_date(fact_id: str, start: dt.date, *, notices: Iterable[HolidayNotice] = ()) -> dt.date:
    """The last day allowed by a time limit of the Rules that starts on ``start``.

    A limit of *n* working days (``N个工作日内``) ends on the *n*-th working day
    after ``start``: the start day itself never counts, weekends and public
    holidays are skipped and make-up working days (调休) count, per China's
    official calendar (:func:`jinan_gov.workdays.add_working_days`). A limit in
    calendar days ends *n* days after ``start``. Which event ``start`` is (the
    end of the meeting, the receipt of a countersignature request) is stated
    in the fact's ``detail_en``.

    Parameters
    ----------
    fact_id
        A ``time_limit`` fact whose unit is ``working_days`` or ``days``, e.g.
        ``"countersign_reply_working_days"``.
    start
        The day the clock starts (a ``datetime.date``; not a ``datetime``).
    notices
        State Council holiday notices for years the bundled calendar does not cover
        yet (:func:`jinan_gov.workdays.load_holiday_notice`), as for
        :func:`jinan_gov.workdays.add_working_days`.

    Raises
    ------
    UnknownIdError
        ``fact_id`` is not a fact (the message suggests close matches).
    ValueError
        The fact exists but is not a time limit in days (the message lists
        the facts that are).
    TypeError
        ``fact_id`` is not a ``str`` or ``start`` is not a ``datetime.date``.
    CalendarNotPublishedError
        The count runs into a year whose holiday schedule is not published and for
        which no notice is given.

    Examples
    --------
    A countersignature request received on Friday 2023-04-28, just before the
    May Day break (04-29 to 05-03 off, Saturday 05-06 a make-up working day):
    05-04, 05-05, 05-06, 05-08, 05-09.

    >>> import datetime as dt
    >>> due_date("countersign_reply_working_days", dt.date(2023, 4, 28))
    datetime.date(2023, 5, 9)
    >>> due_date("executive_meeting_per_month", dt.date(2023, 4, 28))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: fact 'executive_meeting_per_month' is a frequency, not a time limit in days; ...
    """
    if not isinstance(fact_id, str):
        raise TypeError(f"fact_id must be a str, got {type(fact_id).__name__} {fact_id!r}")
    table = facts()
    rows = table.filter(fact_id=fact_id)
    if rows.is_empty():
        raise UnknownIdError("rule fact", fact_id, table["fact_id"])
    row = rows.row(0, named=True)
    dated = table.filter(pl.col("kind") == "time_limit", pl.col("unit").is_in(_DUE_UNITS))
    if row["kind"] != "time_limit" or row["unit"] not in _DUE_UNITS:
        what = f"a {row['kind']}"
        if row["kind"] == "time_limit":
            what = "a time limit without a fixed number of days"
        raise ValueError(
            f"fact {fact_id!r} is {what}, not a time limit in days; due_date() works for: "
            + ", ".join(dated["fact_id"])
        )
    if isinstance(start, dt.datetime) or not isinstance(start, dt.date):
        raise TypeError(
            f"start must be a datetime.date (not a datetime or str), got "
            f"{type(start).__name__} {start!r}"
        )
    return _due(row["unit"], int(row["value"]), start, notices)


# --- Search ---------------------------------------------------------------------------


def search(query: str, limit: int = 5) -> DataFrame[SearchResultSchema]:
    """Rank the articles of the Work Rules for a question in Chinese or English.

    Okapi BM25 (k1 = 1.2, b = 0.75) over weighted fields per article, scores
    summed: the Chinese text with its chapter title and fact wording
    (character bigrams, unigrams, digit runs), the English title, our
    summary, keywords and fact descriptions, and a plain-English account of
    the article (English words Snowball-stemmed, stop words dropped). The
    query is folded first (full-width forms, traditional characters, case)
    and expanded with a curated bilingual glossary of government terms, so
    that everyday words find the terms of art (``一起签字`` and ``co-sign``
    find 会签); scores are scaled by the share of the query's words an
    article matches. The index is built once, on the first call.

    Parameters
    ----------
    query
        A question or keywords, e.g. ``"会签文件一般应在几个工作日内回复?"`` or
        ``"How often does the executive meeting meet?"``.
        Only its first 1000 characters
        (:data:`jinan_gov.search.bm25.QUERY_CHARS`) are analysed, so a pasted document
        takes milliseconds, not seconds.
    limit
        Maximum number of articles returned (``>= 1``).

    Returns
    -------
    DataFrame[SearchResultSchema]
        ``article_no``, ``score`` (descending), ``label_zh``, ``title_en``, a
        ``snippet`` of the article's Chinese text around its best-matching
        sentence and ``matched``, the list of the query's words found in the
        article and of the glossary terms that matched (``"会签 ← co-sign"``).
        Empty (same columns) when nothing matches.

    Raises
    ------
    TypeError
        ``query`` is not a ``str`` or ``limit`` is not an ``int`` (``bool`` included).
    ValueError
        ``query`` is empty or only whitespace, or ``limit < 1``.

    Examples
    --------
    >>> search("会签文件一般应在几个工作日内回复?", limit=1)["label_zh"].item()
    '第五十条'
    >>> search("How often does the executive meeting meet?", limit=3)["article_no"].to_list()[0]
    38
    >>> search("zzzz").height
    0
    """
    from jinan_gov.rules._index import search_rules  # noqa: PLC0415

    return search_rules(query, limit)


def __dir__() -> list[str]:
    return list(__all__)

"""Search the Work Rules and the plan's indicators in Chinese or English.

Both searches use one ranking machine (Okapi BM25 over Chinese character
bigrams and stemmed English words, with the query expanded by a curated
bilingual glossary of government terms); only the fields indexed differ.
Each result row says which words matched (``matched``), including the
glossary terms the query was expanded with (``"会签 ← co-sign"``).

:func:`jinan_gov.rules.search` ranks the articles of the Work Rules;
:func:`search_indicators` ranks the rows of :func:`jinan_gov.indicators`.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, cast

import polars as pl

from jinan_gov._ranking import Field, Hit, Index, Query, tokens_en, tokens_zh

if TYPE_CHECKING:  # pandera is imported when a table is first loaded, not with this module
    from pandera.typing.polars import DataFrame

    from jinan_gov.schemas import IndicatorSearchSchema, SearchResultSchema

__all__ = ("search_indicators", "search_rules")

_SNIPPET_CHARS = 60
_NOTES_WEIGHT = 0.6
_TITLE_WEIGHT = 1.0
_NOTES_ZH_WEIGHT = 0.3
# An article's score is its BM25 score plus this share of its best passage's (one sentence
# of the text, of our summary or notes, or one fact), each relative to the best of the query:
# a question is usually about one provision, and the article that answers it has a passage
# that holds most of the question, where a neighbour only shares its words here and there.
_PASSAGE_WEIGHT = 0.5
_PASSAGE_DEPTH = 40
_ARTICLE_DEPTH = 30  # deeper changes no result on any question set: the bonus is too small
_CLAUSE_EN = re.compile(r"(?<=[.;:])\s+")
_CLAUSE_ZH = re.compile(r"(?<=[。;:])|\n")


def _check(query: object, limit: object, example: str = "'会签 工作日'") -> None:
    if not isinstance(query, str):
        raise TypeError(f"query must be a str, got {type(query).__name__} {query!r}")
    if not query.strip():
        raise ValueError(f"query is empty: ask a question or give keywords, e.g. {example}")
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"limit must be an int, got {type(limit).__name__} {limit!r}")
    if limit < 1:
        raise ValueError(f"limit must be >= 1, got {limit}")


# --- Work Rules ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _RulesIndex:
    index: Index
    passage_index: Index
    passage_article: tuple[int, ...]  # the article (index position) of each passage
    labels: tuple[str, ...]
    titles: tuple[str, ...]
    # Per article: its sentences (Chinese) and the tokens each can be matched on.
    passages: tuple[tuple[tuple[str, frozenset[str]], ...], ...]


@cache
def _rules_index() -> _RulesIndex:
    from jinan_gov.rules import _annotations, articles, facts  # noqa: PLC0415

    frame = articles()
    keywords = _annotations()["keywords_en"]
    fact_zh: dict[int, list[str]] = defaultdict(list)
    fact_en: dict[int, list[str]] = defaultdict(list)
    fact_rows: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for row in facts().iter_rows(named=True):
        number = row["article_no"]
        fact_zh[number].append(f"{row['subject_zh']} {row['who_zh'] or ''}")
        fact_en[number].append(f"{row['subject_en']} {row['who_en'] or ''} {row['detail_en']}")
        fact_rows[number].append(
            (row["quote"], f"{row['subject_en']} {row['detail_en']}", row["subject_zh"])
        )
    notes_en, notes_zh = _plain_notes()
    bodies, english, passages = [], [], []
    passage_zh: list[str] = []  # every passage of every article, for the passage index
    passage_en: list[str] = []
    passage_article: list[int] = []
    for doc, (row, words) in enumerate(zip(frame.iter_rows(named=True), keywords, strict=True)):
        number = row["article_no"]
        body = row["text_zh"][len(row["label_zh"]) + 1 :]
        bodies.append(f"{body} {row['chapter_title_zh']} {' '.join(fact_zh[number])}")
        english.append(
            f"{row['summary_en']} {words} {row['chapter_title_en']} {' '.join(fact_en[number])}"
        )
        sentences = [s for s in _CLAUSE_ZH.split(body) if s.strip()]
        passages.append(
            tuple(
                (
                    sentence,
                    frozenset(
                        tokens_zh(sentence)
                        + [
                            token
                            for quote, detail, _ in fact_rows[number]
                            if quote[:12] in sentence
                            for token in tokens_en(detail.lower())
                        ]
                    ),
                )
                for sentence in sentences
            )
        )
        pieces = [(sentence, "") for sentence in sentences]
        pieces += [(s, "") for s in _CLAUSE_ZH.split(notes_zh[doc]) if s.strip()]
        pieces += [
            ("", s)
            for text in (row["summary_en"], notes_en[doc])
            for s in _CLAUSE_EN.split(text)
            if s.strip()
        ]
        pieces += [(f"{subject} {quote}", detail) for quote, detail, subject in fact_rows[number]]
        for zh, en in pieces:
            passage_zh.append(zh)
            passage_en.append(en)
            passage_article.append(doc)
    index = Index(
        [
            Field("zh", bodies),
            Field("en", list(frame["title_en"]), _TITLE_WEIGHT),
            Field("en", english),
            Field("en", notes_en, _NOTES_WEIGHT),
            Field("zh", notes_zh, _NOTES_ZH_WEIGHT),
        ]
    )
    return _RulesIndex(
        index,
        Index([Field("zh", passage_zh), Field("en", passage_en)]),
        tuple(passage_article),
        tuple(frame["label_zh"]),
        tuple(frame["title_en"]),
        tuple(passages),
    )


def _plain_notes() -> tuple[list[str], list[str]]:
    """Our plain English and everyday Chinese account of each article, for search only."""
    text = files("jinan_gov.data").joinpath("rules_search_notes.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    numbers = [int(row[0]) for row in rows[1:]]
    if rows[0] != ["article_no", "plain_en", "plain_zh"] or numbers != list(range(1, 77)):
        raise RuntimeError(
            "rules_search_notes.csv: expected article_no,plain_en,plain_zh for articles 1-76"
        )
    return [row[1] for row in rows[1:]], [row[2] for row in rows[1:]]


def _snippet(rules: _RulesIndex, hit: Hit, query_en: set[str]) -> str:
    """The sentence of the article that best covers the query, cut to ~60 characters."""
    wanted = [(t, rules.index.idf("zh", t)) for t in hit.tokens_zh]
    wanted += [(t, rules.index.idf("en", t)) for t in query_en]
    best, best_score = rules.passages[hit.doc][0][0], 0.0
    for sentence, tokens in rules.passages[hit.doc]:
        score = sum(w for t, w in wanted if t in tokens)
        if score > best_score:
            best, best_score = sentence, score
    if len(best) <= _SNIPPET_CHARS:
        return best
    hits = [best.find(t) for t in hit.tokens_zh if len(t) > 1 and t in best]
    centre = min(hits) if hits else 0
    begin = max(0, min(centre - _SNIPPET_CHARS // 3, len(best) - _SNIPPET_CHARS))
    text = best[begin : begin + _SNIPPET_CHARS]
    return ("…" if begin else "") + text + ("…" if begin + _SNIPPET_CHARS < len(best) else "")


def _ranked(rules: _RulesIndex, query: Query, limit: int) -> list[Hit]:
    """The best articles: BM25 of the article plus a share of its best passage's."""
    articles = rules.index.rank(query, max(limit, _ARTICLE_DEPTH))
    if not articles:
        return []
    best_passage: dict[int, float] = {}
    for score, passage in rules.passage_index.rank(query, _PASSAGE_DEPTH):
        doc = rules.passage_article[passage]
        best_passage[doc] = max(best_passage.get(doc, 0.0), score)
    top_article, top_passage = articles[0][0], max(best_passage.values(), default=1.0)
    combined = sorted(
        (
            (score / top_article + _PASSAGE_WEIGHT * best_passage.get(doc, 0.0) / top_passage, doc)
            for score, doc in articles
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )
    return [rules.index.explain(query, doc, score) for score, doc in combined[:limit]]


def search_rules(query: str, limit: int = 5) -> DataFrame[SearchResultSchema]:
    """Rank the articles of the Work Rules; see :func:`jinan_gov.rules.search`."""
    _check(query, limit)
    rules = _rules_index()
    analysed = Query.of(query)
    hits = _ranked(rules, analysed, limit)
    query_en = set(analysed.own["en"])
    frame = _frame(
        _rules_schema(),
        [h.doc + 1 for h in hits],
        [h.score for h in hits],
        [rules.labels[h.doc] for h in hits],
        [rules.titles[h.doc] for h in hits],
        [_snippet(rules, h, query_en) for h in hits],
        [list(h.matched) for h in hits],
    )
    return cast("DataFrame[SearchResultSchema]", frame)


def _frame(schema: pl.Schema, *columns: list[Any]) -> pl.DataFrame:
    """A result frame from its columns, in the schema's order (one construction, no copies)."""
    return pl.DataFrame(dict(zip(schema.names(), columns, strict=True)), schema=schema)


@cache
def _rules_schema() -> pl.Schema:
    from jinan_gov._tables import polars_schema  # noqa: PLC0415
    from jinan_gov.schemas import SearchResultSchema  # noqa: PLC0415

    return polars_schema(SearchResultSchema)


@cache
def _indicator_schema() -> pl.Schema:
    from jinan_gov._tables import polars_schema  # noqa: PLC0415
    from jinan_gov.schemas import IndicatorSearchSchema  # noqa: PLC0415

    return polars_schema(IndicatorSearchSchema)


# --- Indicators ------------------------------------------------------------------------

# Where a word is found matters: in the name it says what the row measures, in a section
# title only what part of the plan it is in.
_NAME_WEIGHT = 1.0
_CONTEXT_WEIGHT = 0.3


@dataclass(frozen=True, slots=True)
class _IndicatorIndex:
    index: Index
    # id, name_en, name_zh, kind, year of each row, in index order
    rows: tuple[tuple[str, str, str, str, int], ...]


@cache
def _indicator_index() -> _IndicatorIndex:
    from jinan_gov.plan import indicators  # noqa: PLC0415

    frame = indicators()
    titles = ("section_title", "topic_title", "subsection_title")

    def joined(*columns: str) -> list[str]:
        return (
            frame.select(pl.concat_str(columns, separator=" ", ignore_nulls=True))
            .to_series()
            .to_list()
        )

    ids = frame["id"].str.replace_all("_", " ").to_list()
    index = Index(
        [
            Field("en", [f"{i} {n}" for i, n in zip(ids, frame["name_en"], strict=True)]),
            Field("zh", frame["name_zh"].to_list()),
            Field("en", joined(*(f"{t}_en" for t in titles)), _CONTEXT_WEIGHT),
            Field("zh", joined("unit", *(f"{t}_zh" for t in titles)), _CONTEXT_WEIGHT),
        ]
    )
    return _IndicatorIndex(
        index, tuple(frame.select("id", "name_en", "name_zh", "kind", "year").iter_rows())
    )


def search_indicators(query: str, limit: int = 10) -> DataFrame[IndicatorSearchSchema]:
    """Find rows of the plan (:func:`jinan_gov.indicators`) without knowing their ids.

    The same ranking as :func:`jinan_gov.rules.search`: BM25 over the row's id
    words and English name, its Chinese name, and (at a lower weight) its unit
    and the titles of its section, topic and item in both languages, with the
    query folded and expanded by the bilingual glossary (``GDP`` finds
    地区生产总值, ``就业`` finds *jobs*).

    Parameters
    ----------
    query
        Keywords or a question in English or Chinese, e.g. ``"GDP growth"``,
        ``"城镇新增就业"`` or ``"R&D spending"``.
    limit
        Maximum number of rows returned (``>= 1``).

    Returns
    -------
    DataFrame[IndicatorSearchSchema]
        ``id``, ``score`` (descending), ``name_en``, ``name_zh``, ``kind``,
        ``year`` and ``matched`` (the query's words found in the row and the
        glossary terms that matched). Empty, with the same columns, when
        nothing matches. Rows with the same score keep the order of
        :func:`jinan_gov.indicators` (2022 outcomes first).

    Raises
    ------
    TypeError
        ``query`` is not a ``str`` or ``limit`` is not an ``int``.
    ValueError
        ``query`` is empty or only whitespace, or ``limit < 1``.

    Examples
    --------
    >>> search_indicators("GDP growth", limit=2)["id"].to_list()
    ['gdp_growth_2023', 'gdp_growth_2022']
    >>> search_indicators("数字经济占比", limit=1).select("id", "kind", "year").row(0)
    ('digital_economy_share_2022', 'outcome', 2022)
    >>> search_indicators("zzzz").height
    0
    """
    _check(query, limit, example="'GDP growth' or '城镇新增就业'")
    found = _indicator_index()
    hits = found.index.search(query, limit)
    rows = [found.rows[h.doc] for h in hits]
    frame = _frame(
        _indicator_schema(),
        [r[0] for r in rows],
        [h.score for h in hits],
        [r[1] for r in rows],
        [r[2] for r in rows],
        [r[3] for r in rows],
        [r[4] for r in rows],
        [list(h.matched) for h in hits],
    )
    return cast("DataFrame[IndicatorSearchSchema]", frame)


def __dir__() -> list[str]:
    return list(__all__)

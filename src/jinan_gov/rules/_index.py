"""The search index of the Work Rules: articles, their passages and facts, ranked by BM25.

Built only from the Rules' own frames (:func:`jinan_gov.rules.articles`, :func:`facts
<jinan_gov.rules.facts>` and the articles' search annotations) and the plain-language notes
shipped for search, on the ranking machinery of :mod:`jinan_gov.search.bm25`.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, cast

from jinan_gov.search import check_query, result_frame
from jinan_gov.search.bm25 import Field, Hit, Index, Query, tokens_en, tokens_zh

__all__ = ("search_rules",)

if TYPE_CHECKING:  # pandera is imported when a table is first loaded, not with this module
    from pandera.typing.polars import DataFrame

    from jinan_gov.schemas import SearchResultSchema

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
    from jinan_gov.schemas import SearchResultSchema  # noqa: PLC0415

    check_query(query, limit, example="'会签 工作日'")
    rules = _rules_index()
    analysed = Query.of(query)
    hits = _ranked(rules, analysed, limit)
    query_en = set(analysed.own["en"])
    frame = result_frame(
        SearchResultSchema,
        [h.doc + 1 for h in hits],
        [h.score for h in hits],
        [rules.labels[h.doc] for h in hits],
        [rules.titles[h.doc] for h in hits],
        [_snippet(rules, h, query_en) for h in hits],
        [list(h.matched) for h in hits],
    )
    return cast("DataFrame[SearchResultSchema]", frame)


def __dir__() -> list[str]:
    return list(__all__)

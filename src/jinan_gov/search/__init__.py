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

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, cast

import polars as pl

from jinan_gov.search.bm25 import Field, Index

if TYPE_CHECKING:  # pandera is imported when a table is first loaded, not with this module
    from pandera.polars import DataFrameModel
    from pandera.typing.polars import DataFrame

    from jinan_gov.schemas import IndicatorSearchSchema

__all__ = ("search_indicators",)


def check_query(query: object, limit: object, example: str) -> None:
    """Refuse a query that is not a non-empty ``str`` or a limit that is not an int >= 1."""
    if not isinstance(query, str):
        raise TypeError(f"query must be a str, got {type(query).__name__} {query!r}")
    if not query.strip():
        raise ValueError(f"query is empty: ask a question or give keywords, e.g. {example}")
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"limit must be an int, got {type(limit).__name__} {limit!r}")
    if limit < 1:
        raise ValueError(f"limit must be >= 1, got {limit}")


def result_frame(model: type[DataFrameModel], *columns: list[Any]) -> pl.DataFrame:
    """A result frame of ``model`` from its columns, in the schema's order (one construction)."""
    schema = _polars_schema(model)
    return pl.DataFrame(dict(zip(schema.names(), columns, strict=True)), schema=schema)


@cache
def _polars_schema(model: type[DataFrameModel]) -> pl.Schema:
    from jinan_gov.schemas.tables import polars_schema  # noqa: PLC0415

    return polars_schema(model)


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
    from jinan_gov.schemas import IndicatorSearchSchema  # noqa: PLC0415

    check_query(query, limit, example="'GDP growth' or '城镇新增就业'")
    found = _indicator_index()
    hits = found.index.search(query, limit)
    rows = [found.rows[h.doc] for h in hits]
    frame = result_frame(
        IndicatorSearchSchema,
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

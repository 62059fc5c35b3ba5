"""The base of every schema: strict (no undocumented column) and never coercing."""

from __future__ import annotations

from typing import Any

import pandera.polars as pa
import polars as pl

__all__ = ("Ranked", "Strict", "matched_field")


class Strict(pa.DataFrameModel):
    """A strict, non-coercing DataFrameModel."""

    class Config:
        strict = True
        coerce = False


class Ranked(Strict):
    """A search result: rows in descending ``score`` order."""

    @pa.dataframe_check
    @classmethod
    def best_first(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Scores never increase down the frame."""
        return data.lazyframe.select(pl.col("score").diff().fill_null(0) <= 0)


def matched_field(what: str) -> Any:
    """The ``matched`` column of a search result, saying why ``what`` came up."""
    return pa.Field(
        description=(
            f"Why the {what} came up: the query's words found in it and the glossary terms "
            "the query was expanded with, as 'term ← query words'."
        )
    )


def __dir__() -> list[str]:
    return list(__all__)

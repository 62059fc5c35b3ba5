"""The base of every schema: strict (no undocumented column) and never coercing."""

from __future__ import annotations

import pandera.polars as pa

__all__ = ("Strict",)


class Strict(pa.DataFrameModel):
    """A strict, non-coercing DataFrameModel."""

    class Config:
        strict = True
        coerce = False


def __dir__() -> list[str]:
    return list(__all__)

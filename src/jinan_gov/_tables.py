"""Read the curated CSV tables shipped inside the package and validate them."""

from __future__ import annotations

from importlib.resources import files
from typing import TypeVar

import pandera.polars as pa
import polars as pl
from pandera.typing.polars import DataFrame

__all__ = ("polars_schema", "read_csv", "read_package_text", "read_table")

ModelT = TypeVar("ModelT", bound=pa.DataFrameModel)

_DATA_PACKAGE = "jinan_gov.data"


def read_package_text(filename: str) -> str:
    """Return a UTF-8 text file shipped in ``jinan_gov/data``."""
    return files(_DATA_PACKAGE).joinpath(filename).read_text(encoding="utf-8")


def polars_schema(model: type[pa.DataFrameModel]) -> pl.Schema:
    """The Polars dtypes a Pandera model declares, in column order."""
    columns = model.to_schema().columns
    return pl.Schema({name: column.dtype.type for name, column in columns.items()})


def read_table(filename: str, model: type[ModelT]) -> DataFrame[ModelT]:
    """Read ``jinan_gov/data/<filename>`` as the model's dtypes and validate it fully.

    The CSV must have exactly the model's columns, in order; empty cells are nulls.
    """
    frame = read_csv(filename, polars_schema(model))
    return model.validate(frame, lazy=True)


def read_csv(filename: str, schema: pl.Schema) -> pl.DataFrame:
    """Read ``jinan_gov/data/<filename>`` with exactly these columns and dtypes (no validation)."""
    raw = files(_DATA_PACKAGE).joinpath(filename).read_bytes()
    return pl.read_csv(raw, schema=schema)

"""Read the curated CSV tables shipped inside the package and validate them."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from importlib.resources import files
from typing import TYPE_CHECKING, Generic, ParamSpec, TypeVar, cast

import polars as pl

from jinan_gov.schemas.validation import validate

if TYPE_CHECKING:  # pandera is imported with the schemas, on first validation
    import pandera.polars as pa
    from pandera.typing.polars import DataFrame

__all__ = ("cached_frame", "polars_schema", "read_csv", "read_package_text", "read_table")

ModelT = TypeVar("ModelT", bound="pa.DataFrameModel")
FrameT = TypeVar("FrameT", bound=pl.DataFrame)
P = ParamSpec("P")

_DATA_PACKAGE = "jinan_gov.data"


def read_package_text(filename: str) -> str:
    """Return a UTF-8 text file shipped in ``jinan_gov/data``."""
    return files(_DATA_PACKAGE).joinpath(filename).read_text(encoding="utf-8")


def polars_schema(model: type[pa.DataFrameModel]) -> pl.Schema:
    """The Polars dtypes a Pandera model declares, in column order.

    A column that accepts any dtype (an assessment's ``scenario`` and ``id``) reads as String.
    """
    columns = model.to_schema().columns
    return pl.Schema(
        {
            name: pl.String() if column.dtype is None else column.dtype.type
            for name, column in columns.items()
        }
    )


def read_table(filename: str, model: type[ModelT]) -> DataFrame[ModelT]:
    """Read ``jinan_gov/data/<filename>`` as the model's dtypes and validate it fully.

    The CSV must have exactly the model's columns, in order; empty cells are nulls.
    """
    frame = read_csv(filename, polars_schema(model))
    return validate(model, frame)


def read_csv(filename: str, schema: pl.Schema) -> pl.DataFrame:
    """Read ``jinan_gov/data/<filename>`` with exactly these columns and dtypes (no validation)."""
    raw = files(_DATA_PACKAGE).joinpath(filename).read_bytes()
    return pl.read_csv(raw, schema=schema)


def _without_collections(loader: Callable[P, FrameT]) -> Callable[P, FrameT]:
    """``loader`` with Python's cyclic garbage collector paused while it runs.

    Building a table makes many short-lived objects (Pandera builds and deep-copies a schema,
    checks, expressions) but no garbage cycles worth collecting; the collections its
    allocations set off were a tenth of loading every table. If collection is already off
    (the caller's choice, or another loader running), it is left as it is; if another thread
    turns it off while a table is being built, it is back on once the table is built.
    """

    @functools.wraps(loader)
    def build(*args: P.args, **kwargs: P.kwargs) -> FrameT:
        if not gc.isenabled():
            return loader(*args, **kwargs)
        gc.disable()
        try:
            return loader(*args, **kwargs)
        finally:
            gc.enable()

    return build


class _CachedFrame(Generic[P, FrameT]):
    """A loader whose frame is built once; every call returns a clone of it."""

    def __init__(self, loader: Callable[P, FrameT]) -> None:
        self._cached = functools.cache(_without_collections(loader))
        self._call = cast("Callable[P, FrameT]", self._cached)
        functools.update_wrapper(self, loader)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> FrameT:
        return cast("FrameT", self._call(*args, **kwargs).clone())

    def cache_info(self) -> functools._CacheInfo:
        """Hits, misses and size of the cache (the frames themselves stay private)."""
        return self._cached.cache_info()


def cached_frame(loader: Callable[P, FrameT]) -> _CachedFrame[P, FrameT]:
    """Cache a loader's frame, and hand every caller a clone of it.

    The frame is built (read and validated) once per distinct arguments; each
    call returns ``frame.clone()``, which shares the immutable column buffers
    (no data is copied) but is a separate object: in-place changes by a caller
    (``df[0, "value"] = 99.0``, ``df.columns = [...]``, ``df.drop_in_place``,
    ``df.extend``) stay in that caller's frame, and later calls, ``assess`` and
    the search index keep seeing the bundled data. The cached frame itself is
    never handed out.
    """
    return _CachedFrame(loader)


def __dir__() -> list[str]:
    return list(__all__)

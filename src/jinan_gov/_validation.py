"""Validate a frame against a Pandera model in one Polars query when it passes.

Pandera's Polars backend runs every check of a model as a query of its own: a nullable
check, a uniqueness check and each ``Field`` check per column, then each dataframe check,
each collected separately, with Python bookkeeping around it. For the package's small
tables that overhead, not the checks, is most of the cost of loading them.

:func:`validate` evaluates the very same checks (the model's own check functions, with the
same ``ignore_na`` rule, nullability including NaN, uniqueness and exact dtypes) as one
combined query. When every check passes, the frame is valid and is returned as it is. When
anything fails, or the model uses a feature this fast path does not reproduce (coercion,
regex or optional columns that are absent, element-wise or grouped checks, parsers,
defaults), it hands the frame to Pandera's own ``validate(lazy=True)``, so failures are
reported exactly as before: the fast path can only ever say "valid" for a frame Pandera
would accept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

import polars as pl

if TYPE_CHECKING:  # pandera is imported with the schemas, on first validation
    import pandera.polars as pa
    from pandera.typing.polars import DataFrame

__all__ = ("passes", "validate")

ModelT = TypeVar("ModelT", bound="pa.DataFrameModel")


class _UnsupportedError(Exception):
    """The model uses a feature the fast path does not reproduce."""


def validate(model: type[ModelT], frame: pl.DataFrame) -> DataFrame[ModelT]:
    """``model.validate(frame, lazy=True)``, in one query when the frame is valid.

    Raises
    ------
    pandera.errors.SchemaErrors
        The frame breaks the model (Pandera's own report, with every failure).
    """
    if passes(model, frame):
        return cast("DataFrame[ModelT]", frame)
    return model.validate(frame, lazy=True)


def passes(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> bool:
    """Whether every check of ``model`` passes on ``frame``; False also when unsure."""
    try:
        query = _checks_query(model, frame)
        verdicts = query.collect().row(0)
    except (_UnsupportedError, pl.exceptions.PolarsError, TypeError, ValueError, LookupError):
        return False
    return all(verdict is not False for verdict in verdicts)


def _checks_query(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> pl.LazyFrame:
    from pandera.api.polars.types import PolarsData  # noqa: PLC0415

    schema = model.to_schema()
    plain = schema.strict is True and not (
        schema.coerce
        or schema.ordered
        or schema.unique
        or schema.dtype is not None
        or schema.add_missing_columns
        or schema.drop_invalid_rows
        or getattr(schema, "parsers", None)
    )
    if not plain or list(frame.columns) != list(schema.columns):
        raise _UnsupportedError
    lazy = frame.lazy()
    core: list[pl.Expr] = []
    parts: list[pl.LazyFrame] = []
    for name, column in schema.columns.items():
        if column.regex or column.coerce or column.default is not None:
            raise _UnsupportedError
        if getattr(column, "parsers", None):
            raise _UnsupportedError
        dtype = frame.schema[name]
        if column.dtype is not None and dtype != column.dtype.type:
            raise _UnsupportedError
        if not column.nullable:
            present = pl.col(name).is_not_null()
            if dtype.is_float():
                present = present & pl.col(name).is_not_nan()
            core.append(present.all().alias(f"_nullable_{len(core)}"))
        if column.unique:
            core.append(pl.col(name).is_duplicated().any().not_().alias(f"_unique_{len(core)}"))
        parts.extend(_check(check, PolarsData(lazy, name), len(parts)) for check in column.checks)
    parts.extend(_check(check, PolarsData(lazy, "*"), len(parts)) for check in schema.checks)
    # One row of verdicts: the core checks and each check's rows reduced with all().
    return pl.concat([lazy.select(core or [pl.lit(True)]), *parts], how="horizontal")


def _check(check: Any, data: Any, index: int) -> pl.LazyFrame:
    """One check's verdict per row, as Pandera's Polars check backend computes it."""
    from pandera.api.function_dispatch import Dispatcher  # noqa: PLC0415
    from pandera.backends.polars import builtin_checks  # noqa: PLC0415

    if check.element_wise or check.groupby is not None or check.raise_warning:
        raise _UnsupportedError
    function = check._check_fn
    if isinstance(function, Dispatcher):  # a built-in check: isin, str_matches, ge …
        function = getattr(builtin_checks, check.name, None)
        if function is None:
            raise _UnsupportedError
    output = function(data, **check._check_kwargs)
    name = f"_check_{index}"
    if isinstance(output, bool):
        return pl.LazyFrame({name: [output]})
    if not isinstance(output, pl.LazyFrame):
        raise _UnsupportedError
    verdict = pl.all_horizontal(pl.all())
    verdict = verdict | verdict.is_null() if check.ignore_na else verdict.fill_null(False)
    return output.select(verdict.alias(name)).select(pl.col(name).all())


def __dir__() -> list[str]:
    return list(__all__)

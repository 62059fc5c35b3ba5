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
        verdicts = _verdicts(model, frame)
    except Exception:  # pandera's internals changed, or a check the fast path cannot read:
        return False  # Pandera's public validate decides instead
    return all(verdict is not False for verdict in verdicts)


def _verdicts(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> tuple[Any, ...]:
    """One verdict per check: True, False, or None when a check had only nulls."""
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
    verdicts: list[pl.Expr] = []
    parts: list[pl.LazyFrame] = []  # checks that are more than one select
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
            verdicts.append(present.all())
        if column.unique:
            verdicts.append(pl.col(name).is_duplicated().any().not_())
        for check in column.checks:
            _add_check(check, PolarsData(lazy, name), verdicts, parts)
    for check in schema.checks:
        _add_check(check, PolarsData(lazy, "*"), verdicts, parts)
    # Every check reduced with all(), in one eager select where the check is a select:
    # for small frames Polars spends far more planning a query than running the checks.
    named = [verdict.alias(f"_check_{index}") for index, verdict in enumerate(verdicts)]
    row = frame.select(named or [pl.lit(True)])
    if parts:
        row = pl.concat([row.lazy(), *parts], how="horizontal").collect()
    return row.row(0)


class _SelectRecorder:
    """Stands in for the LazyFrame a check selects from, and keeps what it selects."""

    def select(self, *exprs: pl.Expr) -> _Selected:
        return _Selected(exprs)


class _Selected:
    def __init__(self, exprs: tuple[pl.Expr, ...]) -> None:
        self.exprs = exprs


def _add_check(check: Any, data: Any, verdicts: list[pl.Expr], parts: list[pl.LazyFrame]) -> None:
    """Add one check's verdict: as an expression when the check is a single select."""
    function = _check_function(check)
    try:
        recorded = function(data._replace(lazyframe=_SelectRecorder()), **check._check_kwargs)
    except AttributeError:  # the check uses more of the LazyFrame than select
        recorded = None
    if isinstance(recorded, _Selected) and all(
        isinstance(expr, pl.Expr) for expr in recorded.exprs
    ):
        verdicts.append(_reduce(check, pl.all_horizontal(*recorded.exprs)))
        return
    output = function(data, **check._check_kwargs)
    name = f"_part_{len(parts)}"
    if isinstance(output, bool):
        parts.append(pl.LazyFrame({name: [output]}))
        return
    if not isinstance(output, pl.LazyFrame):
        raise _UnsupportedError
    verdict = _reduce(check, pl.all_horizontal(pl.all()))
    parts.append(output.select(verdict.alias(name)))


def _check_function(check: Any) -> Any:
    """The function Pandera's Polars check backend runs for ``check``."""
    from pandera.api.function_dispatch import Dispatcher  # noqa: PLC0415
    from pandera.backends.polars import builtin_checks  # noqa: PLC0415

    if check.element_wise or check.groupby is not None or check.raise_warning:
        raise _UnsupportedError
    function = check._check_fn
    if isinstance(function, Dispatcher):  # a built-in check: isin, str_matches, ge …
        function = getattr(builtin_checks, check.name, None)
        if function is None:
            raise _UnsupportedError
    return function


def _reduce(check: Any, verdict: pl.Expr) -> pl.Expr:
    """A check's per-row verdict reduced to one, with Pandera's ``ignore_na`` rule."""
    return verdict.fill_null(check.ignore_na).all()


def __dir__() -> list[str]:
    return list(__all__)

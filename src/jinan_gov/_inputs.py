"""The inputs of :func:`jinan_gov.assess`: actual values and benchmarks, checked and conformed.

Mappings, Polars frames and CSV files a user wrote become one LazyFrame layout
(``scenario``, ``id``, the value column); anything else is refused with an error naming the
value and what is valid. Public through :mod:`jinan_gov.attainment` (``read_actuals``,
``read_benchmarks``).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Collection, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path

import polars as pl

from jinan_gov.errors import InvalidActualsError
from jinan_gov.schemas import ActualsSchema

__all__ = (
    "ACTUALS_SCHEMA",
    "BENCHMARK_SCHEMA",
    "as_lazy",
    "check_tolerance",
    "decimal",
    "read_actuals",
    "read_benchmarks",
    "real",
    "shown",
)

ACTUALS_SCHEMA = pl.Schema({"scenario": pl.String, "id": pl.String, "actual": pl.Float64})
"""The layout actual values are conformed to."""
BENCHMARK_SCHEMA = pl.Schema({"scenario": pl.String, "id": pl.String, "benchmark": pl.Float64})
"""The layout benchmarks are conformed to."""


def decimal(value: float) -> Decimal:
    """The decimal a float was written as (its shortest round-trip representation)."""
    return Decimal(repr(float(value)))


def is_bool(value: object) -> bool:
    """True for ``bool`` and NumPy's ``bool_`` (without importing NumPy)."""
    kind = type(value)
    return isinstance(value, bool) or (kind.__module__ == "numpy" and kind.__name__ in _NP_BOOLS)


_NP_BOOLS = ("bool", "bool_")


def shown(value: object) -> str:
    """A short repr of a value for an error message (huge integers are summarised)."""
    if isinstance(value, numbers.Integral) and abs(int(value)).bit_length() > 200:
        digits = int(abs(int(value)).bit_length() * math.log10(2)) + 1
        return f"an integer of about {digits} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def real(value: object) -> float | None:
    """A Python or NumPy real number as the float it was written as; None if not a number.

    A NumPy float32 ``5.7`` is 5.69999980926513671875 in binary; its shortest representation,
    ``5.7``, is what the caller wrote, so it becomes the float 5.7. Raises OverflowError for
    an integer too large for a float.
    """
    if is_bool(value) or not isinstance(value, numbers.Real):
        return None
    if isinstance(value, float | int):
        return float(value)
    if type(value).__module__ == "numpy" and isinstance(value, numbers.Real):
        return float(str(value)) if not isinstance(value, numbers.Integral) else float(int(value))
    return float(value)


def check_tolerance(tolerance: object) -> Decimal:
    """Check a tolerance and return it as the exact decimal the caller wrote."""
    if isinstance(tolerance, Decimal):
        exact = tolerance
    else:
        number = real(tolerance)
        if number is None:
            raise TypeError(
                f"tolerance must be a number (e.g. 0.05), got {type(tolerance).__name__} "
                f"{shown(tolerance)}"
            )
        try:
            exact = decimal(number)
        except (InvalidOperation, ValueError):
            exact = Decimal("NaN")
    if not (exact.is_finite() and 0 <= exact < 1):
        raise ValueError(f"tolerance must be a fraction in [0, 1), got {shown(tolerance)}")
    return exact


def frame_from_mapping(
    values: Mapping[str, object], column: str, qualitative: Collection[str]
) -> pl.DataFrame:
    """``{target_id: value}`` as a frame; True/False only for the ``qualitative`` targets."""
    ids: list[str] = []
    values_out: list[float] = []
    for key, value in values.items():
        if not isinstance(key, str):
            raise InvalidActualsError(f"{column} keys must be target ids (str), got {key!r}")
        if is_bool(value):
            if column != "actual" or key not in qualitative:
                raise InvalidActualsError(
                    f"{column} for {key!r} is {value!r}, a boolean; True/False is only for "
                    f"the qualitative target(s) {sorted(qualitative)}: give a number"
                )
            values_out.append(1.0 if value else 0.0)
        else:
            try:
                number = real(value)
            except OverflowError:
                raise InvalidActualsError(
                    f"{column} for {key!r} is too large for a float: {shown(value)}"
                ) from None
            if number is None:
                raise InvalidActualsError(
                    f"{column} for {key!r} must be a number (or True/False for a qualitative "
                    f"target), got {type(value).__name__} {shown(value)}"
                )
            values_out.append(number)
        ids.append(key)
    return pl.DataFrame(
        {"scenario": [None] * len(ids), "id": ids, column: values_out},
        schema={"scenario": pl.String, "id": pl.String, column: pl.Float64},
    )


def conform(frame: pl.DataFrame | pl.LazyFrame, column: str, schema: pl.Schema) -> pl.LazyFrame:
    """Check the columns and dtypes of a user frame; return it as a LazyFrame in `schema`."""
    names = frame.collect_schema()
    missing = [name for name in ("id", column) if name not in names]
    if missing:
        raise InvalidActualsError(
            f"{column} frame is missing column(s) {missing}; expected id, {column}[, scenario]"
        )
    extra = sorted(set(names) - set(schema))
    if extra:
        raise InvalidActualsError(f"{column} frame has unexpected column(s) {extra}")
    if names["id"] != pl.String:
        raise InvalidActualsError(f"column 'id' must hold strings, got {names['id']}")
    dtype = names[column]
    if not (dtype.is_numeric() or dtype in (pl.Boolean, pl.Null)):
        raise InvalidActualsError(f"column {column!r} must be numeric, got {dtype}")
    if dtype == pl.Boolean and column != "actual":
        raise InvalidActualsError(
            f"column {column!r} holds booleans; {column}s are numbers (e.g. a growth rate in %)"
        )
    if "scenario" in names and names["scenario"] not in (pl.String, pl.Null):
        raise InvalidActualsError(f"column 'scenario' must hold strings, got {names['scenario']}")
    lazy = frame.lazy()
    if "scenario" not in names:
        lazy = lazy.with_columns(scenario=pl.lit(None, dtype=pl.String))
    if dtype.is_float() and dtype != pl.Float64:
        # A float32 5.7 is 5.69999980926513671875: read it as the decimal it shows, 5.7.
        lazy = lazy.with_columns(pl.col(column).cast(pl.String))
    return lazy.select(
        *(pl.col(name).cast(dtype) for name, dtype in schema.items()),
        _boolean=pl.lit(dtype == pl.Boolean),
    )


def as_lazy(
    data: Mapping[str, object] | pl.DataFrame | pl.LazyFrame,
    column: str,
    schema: pl.Schema,
    qualitative: Collection[str],
) -> pl.LazyFrame:
    """Actuals or benchmarks in any accepted form as a LazyFrame in ``schema``."""
    if isinstance(data, pl.DataFrame | pl.LazyFrame):
        return conform(data, column, schema)
    if isinstance(data, Mapping):
        return (
            frame_from_mapping(data, column, qualitative)
            .lazy()
            .with_columns(_boolean=pl.lit(False))
        )
    raise TypeError(
        f"{column}s must be a mapping {{target_id: value}} or a Polars DataFrame/LazyFrame, "
        f"got {type(data).__name__}"
    )


def read_values_csv(path: str | Path, column: str) -> pl.DataFrame:
    """Read ``id,<column>[,scenario]`` from a CSV a user wrote, with clear errors."""
    source = Path(path)
    if not source.is_file():
        raise InvalidActualsError(f"no such {column}s file: {source}")
    try:
        raw = pl.read_csv(source, schema_overrides={"id": pl.String, "scenario": pl.String})
    except (pl.exceptions.PolarsError, UnicodeDecodeError) as error:
        raise InvalidActualsError(f"cannot read {source} as CSV: {error}") from error
    missing = [c for c in ("id", column) if c not in raw.columns]
    if missing:
        raise InvalidActualsError(f"{source}: missing column(s) {missing}; need id,{column}")
    extra = sorted(set(raw.columns) - {"id", column, "scenario"})
    if extra:
        raise InvalidActualsError(f"{source}: unexpected column(s) {extra}")
    if not (raw.schema[column].is_numeric() or raw.schema[column] == pl.Null):
        raise InvalidActualsError(
            f"{source}: column {column!r} must be numeric; "
            f"found e.g. {raw[column].drop_nulls()[:3].to_list()}"
        )
    if "scenario" not in raw.columns:
        raw = raw.with_columns(scenario=pl.lit(None, dtype=pl.String))
    frame = raw.select(
        pl.col("id").cast(pl.String), pl.col(column).cast(pl.Float64), pl.col("scenario")
    )
    if frame["id"].null_count():
        raise InvalidActualsError(f"{source}: invalid {column}s (id: not_nullable)")
    return frame


def read_actuals(path: str | Path) -> pl.DataFrame:
    """Read a CSV of actual values (``id,actual[,scenario]``) and validate it.

    Raises
    ------
    InvalidActualsError
        The file is missing, unreadable, lacks the columns or holds non-numeric actuals.
    """
    return ActualsSchema.validate(read_values_csv(path, "actual"), lazy=True)


def read_benchmarks(path: str | Path) -> pl.DataFrame:
    """Read a CSV of benchmarks (``id,benchmark[,scenario]``) for :func:`assess`.

    Raises
    ------
    InvalidActualsError
        The file is missing, unreadable, lacks the columns or holds non-numeric benchmarks.
    """
    return read_values_csv(path, "benchmark")


def __dir__() -> list[str]:
    return list(__all__)

"""The inputs of :func:`jinan_gov.assess`: actual values and benchmarks, checked and conformed.

Mappings, Polars frames, pandas frames, anything that speaks the Arrow C stream interface
(pyarrow tables, DuckDB relations) and CSV files a user wrote all become a Polars frame with
``id``, the value column and optionally ``scenario``; anything else is refused with an error
naming the value and what is valid.
"""

from __future__ import annotations

import math
import numbers
import struct
from collections.abc import Collection, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol, cast

import polars as pl

from jinan_gov.errors import InvalidActualsError, brief
from jinan_gov.text.normalize import require_text

__all__ = (
    "SUPPORTED",
    "ArrowStream",
    "FrameInput",
    "check_tolerance",
    "conform",
    "decimal",
    "frame_from_mapping",
    "half_shown",
    "is_bool",
    "is_frame_like",
    "real",
    "shown",
    "to_polars",
)

SUPPORTED = (
    "a mapping {target_id: value}, a Polars DataFrame/LazyFrame, a pandas DataFrame or an "
    "object with __arrow_c_stream__ (a pyarrow Table, a DuckDB relation)"
)
"""What :func:`jinan_gov.assess` accepts, for error messages."""

FrameInput = pl.DataFrame | pl.LazyFrame
"""A Polars frame after conversion."""


class ArrowStream(Protocol):
    """An object speaking the Arrow C stream interface: pyarrow, pandas ≥ 2.2, DuckDB …"""

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        """Export the data as an Arrow C stream (a PyCapsule)."""


_ID_DTYPES = "String, Categorical or Enum"
_SCENARIO_DTYPES = "String, an integer type, Categorical or Enum"


def decimal(value: float) -> Decimal:
    """The decimal a float was written as (its shortest round-trip representation)."""
    return Decimal(repr(float(value)))


_NP_BOOLS = ("bool", "bool_")


def is_bool(value: object) -> bool:
    """True for ``bool`` and NumPy's ``bool_`` (without importing NumPy)."""
    kind = type(value)
    return isinstance(value, bool) or (kind.__module__ == "numpy" and kind.__name__ in _NP_BOOLS)


def shown(value: object) -> str:
    """A short repr of a value for an error message (huge integers are summarised)."""
    if isinstance(value, numbers.Integral) and abs(int(value)).bit_length() > 200:
        digits = int(abs(int(value)).bit_length() * math.log10(2)) + 1
        return f"an integer of about {digits} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _half(value: float) -> float:
    """The nearest IEEE half-precision (float16) value."""
    half: float = struct.unpack("e", struct.pack("e", value))[0]
    return half


def half_shown(value: float) -> float:
    """A float16 value as the decimal it shows (its shortest half-precision representation).

    >>> half_shown(5.69921875)
    5.7
    """
    if not math.isfinite(value):
        return value
    for digits in range(1, 6):
        text = f"{value:.{digits}g}"
        try:
            if _half(float(text)) == value:
                return float(text)
        except OverflowError:
            continue
    return value


def _shown_halves(series: pl.Series) -> pl.Series:
    """A Float16 column as the decimals it shows, in Float64 (one lookup per distinct value)."""
    wide = series.cast(pl.Float64)
    distinct = wide.unique().drop_nulls().drop_nans()
    return wide.replace(distinct, [half_shown(v) for v in distinct.to_list()])


def real(value: object) -> float | None:
    """A Python or NumPy real number as the float it was written as; None if not a number.

    A NumPy float32 ``5.7`` is 5.69999980926513671875 in binary; its shortest representation,
    ``5.7``, is what the caller wrote, so it becomes the float 5.7. Raises OverflowError for
    an integer too large for a float.

    >>> real(5), real(True), real("5")
    (5.0, None, None)
    """
    if is_bool(value) or not isinstance(value, numbers.Real):
        return None
    if isinstance(value, float | int):
        return float(value)
    if isinstance(value, numbers.Integral):
        return float(int(value))
    if type(value).__module__ == "numpy":
        number = float(str(value))  # float16/float32: the decimal it shows
        return half_shown(float(value)) if type(value).__name__ == "float16" else number
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
    values: Mapping[object, object],
    column: str,
    qualitative: Collection[str],
    *,
    none: bool = False,
) -> pl.DataFrame:
    """``{target_id: value}`` as a frame; True/False only for the ``qualitative`` targets.

    ``none``: ``None`` is a value not yet known (null); else it is refused.
    """
    ids: list[str] = []
    values_out: list[float | None] = []
    for key, value in values.items():
        if not isinstance(key, str):
            raise InvalidActualsError(
                f"{column} keys must be target ids (str), got {type(key).__name__} {shown(key)}"
            )
        if not key.isascii():
            require_text(key, "assess")  # a lone surrogate is refused in one line
        if value is None:
            if not none:
                raise InvalidActualsError(
                    f"{column} for {brief(key)} is None: give a value, or missing='unknown' "
                    "to assess it as not yet known"
                )
            values_out.append(None)
        elif is_bool(value):
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
        {"id": ids, column: values_out}, schema={"id": pl.String, column: pl.Float64}
    )


def is_frame_like(data: object) -> bool:
    """A Polars or pandas frame, or an object speaking the Arrow C stream interface."""
    return (
        isinstance(data, pl.DataFrame | pl.LazyFrame)
        or _is_pandas_frame(data)
        or hasattr(data, "__arrow_c_stream__")
    )


def _is_pandas_frame(data: object) -> bool:
    kind = type(data)
    return kind.__module__.startswith("pandas") and kind.__name__ == "DataFrame"


def _pandas_dtype_problem(frame: Any, column: str) -> str | None:
    """Why a pandas column cannot be a numeric value column, naming its pandas dtype."""
    if column not in frame.columns:
        return None
    series = frame[column]
    dtype = str(series.dtype)
    if dtype == "category":
        return f"column {column!r} must be numeric, got a pandas Categorical"
    if dtype == "object":
        bad = [v for v in series.head(1000).tolist() if v is not None and not _numberish(v)]
        if bad:
            return (
                f"column {column!r} must be numeric, got pandas object dtype holding "
                f"{type(bad[0]).__name__} {shown(bad[0])}; convert it with pandas.to_numeric"
            )
    return None


def _numberish(value: object) -> bool:
    return real(value) is not None or is_bool(value)


def _series_problem(data: object, column: str) -> str | None:
    """Why a pandas or Polars Series is not a frame of values, and what to pass instead."""
    kind = type(data)
    if kind.__name__ != "Series" or not kind.__module__.startswith(("pandas", "polars")):
        return None
    library = "pandas" if kind.__module__.startswith("pandas") else "Polars"
    instead = (
        f"series.rename({column!r}).rename_axis('id').reset_index() or series.to_dict()"
        if library == "pandas"
        else f"a DataFrame with columns id and {column}"
    )
    return (
        f"{column}s must be a frame with columns id, {column}[, scenario] or a mapping, "
        f"got a {library} Series: pass {instead}"
    )


def _duplicate_columns(frame: Any, column: str) -> str | None:
    """The duplicated column names of a pandas frame, which no Polars frame can hold."""
    names = [str(name) for name in frame.columns]
    dupes = sorted({name for name in names if names.count(name) > 1})
    if not dupes:
        return None
    return (
        f"{column} frame has duplicate column name(s) {[brief(n) for n in dupes][:5]}; "
        f"expected each of id, {column}[, scenario] once"
    )


def to_polars(data: object, column: str) -> FrameInput:
    """A Polars frame for any accepted frame-like input (zero-copy where Polars can)."""
    if isinstance(data, pl.DataFrame | pl.LazyFrame):
        return data
    series = _series_problem(data, column)
    if series:
        raise InvalidActualsError(series)
    if _is_pandas_frame(data):
        duplicated = _duplicate_columns(data, column)
        if duplicated:
            raise InvalidActualsError(duplicated)
        problem = _pandas_dtype_problem(data, column)
        if problem:
            raise InvalidActualsError(problem)
        try:
            # NaN stays NaN (it is refused like NaN in a Polars frame, not read as missing).
            converted: pl.DataFrame = pl.from_pandas(cast(Any, data), nan_to_null=False)
            return converted
        except ImportError as error:
            raise ImportError(
                "reading a pandas DataFrame needs pyarrow: pip install 'jinan-gov[pandas]'"
            ) from error
        except Exception as error:  # pyarrow raises its own ArrowInvalid/ArrowTypeError
            raise InvalidActualsError(
                f"cannot convert the pandas DataFrame: {str(error).splitlines()[0]}"
            ) from error
    if hasattr(data, "__arrow_c_stream__"):
        try:
            return pl.DataFrame(data)
        except Exception as error:  # a foreign stream can fail in its own way
            raise InvalidActualsError(
                f"cannot read the Arrow stream of {type(data).__name__}: "
                f"{str(error).splitlines()[0]}"
            ) from error
    raise TypeError(f"{column}s must be {SUPPORTED}, got {type(data).__name__}")


def _is_label(dtype: pl.DataType) -> bool:
    return dtype in (pl.String, pl.Null, pl.Categorical) or isinstance(dtype, pl.Enum)


def conform(frame: FrameInput, column: str) -> tuple[FrameInput, bool]:
    """Check a user frame's columns and dtypes; return it with ``column`` as Float64.

    ``id`` may be String, Categorical or Enum and ``scenario`` also an integer type; both
    keep the caller's dtype (a Null column, as in an empty frame, becomes String). The second
    value says whether the values were booleans (only valid for the qualitative target).
    """
    names = frame.collect_schema()
    missing = [name for name in ("id", column) if name not in names]
    if missing:
        raise InvalidActualsError(
            f"{column} frame is missing column(s) {missing}; expected id, {column}[, scenario]"
        )
    extra = sorted(set(names) - {"id", column, "scenario"})
    if extra:
        raise InvalidActualsError(
            f"{column} frame has unexpected column(s) {extra}; expected id, {column}[, scenario]"
        )
    if not _is_label(names["id"]):
        raise InvalidActualsError(f"column 'id' must hold {_ID_DTYPES}, got {names['id']}")
    scenario = names.get("scenario", pl.Null())
    if not (_is_label(scenario) or scenario.is_integer()):
        raise InvalidActualsError(f"column 'scenario' must hold {_SCENARIO_DTYPES}, got {scenario}")
    dtype = names[column]
    if not (dtype.is_numeric() or dtype in (pl.Boolean, pl.Null)):
        raise InvalidActualsError(f"column {column!r} must be numeric, got {dtype}")
    if dtype == pl.Boolean and column != "actual":
        raise InvalidActualsError(
            f"column {column!r} holds booleans; {column}s are numbers (e.g. a growth rate in %)"
        )
    value = pl.col(column)
    if dtype == pl.Float16:
        # Polars shows a float16 5.7 as 5.6992188: read it as the decimal float16 shows, 5.7.
        value = value.map_batches(_shown_halves, return_dtype=pl.Float64)
    elif dtype.is_float() and dtype != pl.Float64:
        # A float32 5.7 is 5.69999980926513671875: read it as the decimal it shows, 5.7.
        value = value.cast(pl.String)
    casts = [value.cast(pl.Float64)]
    if names["id"] == pl.Null:
        casts.append(pl.col("id").cast(pl.String))
    if scenario == pl.Null and "scenario" in names:
        casts.append(pl.col("scenario").cast(pl.String))
    needs_cast = dtype != pl.Float64 or len(casts) > 1
    conformed = frame.with_columns(casts) if needs_cast else frame
    return conformed, dtype == pl.Boolean


def __dir__() -> list[str]:
    return list(__all__)

"""Was each 2023 target met? Qualifier-aware, vectorised assessment of actual values.

Each target is read the way the plan states it; the semantics live in one place,
:mod:`jinan_gov.attainment._semantics` (see the README's semantics table).

The status vocabulary follows the NDRC's annual plan report ("higher than
projected", "as projected", "lower than projected") but is stated in terms of
performance, so it reads the same for floors and for caps: ``exceeded`` (better
than projected), ``met`` (as projected), ``missed`` (worse than projected) and
``not_assessable``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal, SupportsFloat, cast, overload

import polars as pl

from jinan_gov.attainment._engine import assess_frame, check_benchmark_scenarios, result_schema
from jinan_gov.attainment._inputs import (
    SUPPORTED,
    ArrowStream,
    check_tolerance,
    conform,
    frame_from_mapping,
    is_frame_like,
    to_polars,
)
from jinan_gov.attainment._semantics import TARGET_COLUMNS, Compiled, compile_targets
from jinan_gov.attainment._user_csv import CsvSource, read_values_csv
from jinan_gov.attainment._what_if import what_if_targets
from jinan_gov.errors import InvalidActualsError, InvalidTargetsError, brief
from jinan_gov.plan import indicators
from jinan_gov.schemas.vocab import DEFAULT_TOLERANCE, STATUSES

if TYPE_CHECKING:  # the models (and pandera) are imported on first validation
    from pandera.typing.polars import DataFrame

    from jinan_gov.schemas import AssessmentSchema

__all__ = (
    "DEFAULT_TOLERANCE",
    "assess",
    "assessable_targets",
    "attainment_summary",
    "check_benchmark_scenarios",
    "read_actuals",
    "read_benchmarks",
    "what_if_targets",
)


@cache
def _plan_targets() -> pl.DataFrame:
    """The plan's target rows, in the columns the semantics need (private: never handed out)."""
    return indicators().filter(pl.col("kind") == "target").select(list(TARGET_COLUMNS))


@lru_cache(maxsize=16)
def _compiled(tolerance: Decimal) -> Compiled:
    return compile_targets(_plan_targets(), tolerance)


def _compiled_targets(targets: object, tolerance: Decimal) -> Compiled:
    """A table of extracted targets (any frame of ExtractedTargetSchema), checked and compiled."""
    import pandera.errors  # noqa: PLC0415 - pandera on first validation

    from jinan_gov.schemas import ExtractedTargetSchema  # noqa: PLC0415

    if not isinstance(targets, pl.DataFrame):
        raise TypeError(
            "targets must be a Polars DataFrame of ExtractedTargetSchema (from extract_targets "
            f"or read_extracted_targets), got {type(targets).__name__}"
        )
    # A panel (extract_many) is keyed by (doc, id): its targets are assessed as "doc/id".
    # Columns beyond the schema's (doc, a user's province …) are ignored, not an error.
    keys = (
        pl.col("doc").cast(pl.String) + "/" + pl.col("id")
        if "doc" in targets.columns
        else pl.col("id")
    )
    columns = list(ExtractedTargetSchema.to_schema().columns)
    missing = [name for name in columns if name not in targets.columns]
    if missing:
        raise InvalidTargetsError(
            f"targets do not match ExtractedTargetSchema: missing columns {missing}"
        )
    try:
        labels = targets.select(keys.alias("id"))["id"]
        numbered = targets.select(columns).with_columns(
            id=pl.format("t{}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(2)),
            target_no=pl.int_range(1, pl.len() + 1, dtype=pl.Int64),
        )
        checked = ExtractedTargetSchema.validate(numbered).with_columns(id=labels)
    except (pandera.errors.SchemaError, pandera.errors.SchemaErrors) as error:
        first = str(error).strip().splitlines()[0][:300]
        raise InvalidTargetsError(f"targets do not match ExtractedTargetSchema: {first}") from None
    if labels.is_duplicated().any():
        first = labels.filter(labels.is_duplicated())[0]
        raise InvalidTargetsError(
            f"targets: id {first!r} is given more than once (add a doc column)"
        )
    no_figure = pl.lit(None, dtype=pl.Float64)
    return compile_targets(
        checked.select(
            "id",
            pl.coalesce("name_en", "name_zh").alias("name_en"),
            "qualifier",
            "direction",
            "unit",
            "value",
            "value_upper",
            no_figure.alias("value_target"),
            no_figure.alias("value_stretch"),
            pl.lit(None, dtype=pl.Boolean).alias("binding"),
        ),
        tolerance,
    )


@cache
def _outcome_ids() -> frozenset[str]:
    return frozenset(indicators().filter(pl.col("kind") == "outcome")["id"])


def assessable_targets() -> list[str]:
    """Ids that :func:`assess` accepts: every main target and task target.

    >>> "gdp_growth_2023" in assessable_targets()
    True
    """
    return _plan_targets()["id"].to_list()


Values = Mapping[str, SupportsFloat] | pl.DataFrame | ArrowStream
"""A mapping, a Polars or pandas DataFrame or an Arrow stream (see :func:`assess`)."""


Missing = Literal["error", "unknown"]
"""What a missing actual means: an error (the default) or a value not yet known."""
_MISSING = ("error", "unknown")
_SAY_UNKNOWN = "missing='unknown' (jinan-gov assess --blank-unknown) says blanks are not yet known"


def _check_missing(missing: object) -> None:
    if missing not in _MISSING:
        raise ValueError(f"missing must be 'error' or 'unknown', got {brief(missing)}")


def _refuse_missing(batch: pl.DataFrame) -> None:
    """An error naming the first row whose actual is missing."""
    nulls = batch["actual"].null_count()
    if not nulls:
        return
    first = batch.with_row_index("_row").filter(pl.col("actual").is_null()).row(0, named=True)
    scenario = first.get("scenario")
    where = "" if scenario is None else f" in scenario {brief(str(scenario))}"
    raise InvalidActualsError(
        f"no actual for {brief(str(first['id']))}{where} (row {first['_row']}; {nulls} "
        f"missing): give a value, or {_SAY_UNKNOWN}"
    )


def _values(
    data: object, column: str, compiled: Compiled, *, none: bool = False
) -> tuple[pl.DataFrame | pl.LazyFrame, bool]:
    """Actuals or benchmarks in any accepted form, conformed; and whether they were booleans.

    ``none``: ``None`` in a mapping is a missing value (else an error).
    """
    if isinstance(data, Mapping):
        qualitative = {compiled.ids[i] for i in compiled.qualitative}
        return frame_from_mapping(data, column, qualitative, none=none), False
    if is_frame_like(data):
        return conform(to_polars(data, column), column)
    raise TypeError(f"{column}s must be {SUPPORTED}, got {type(data).__name__}")


@overload
def assess(
    actuals: pl.LazyFrame,
    *,
    benchmarks: Values | pl.LazyFrame | None = None,
    tolerance: SupportsFloat = DEFAULT_TOLERANCE,
    targets: pl.DataFrame | None = None,
    missing: Missing = "error",
) -> pl.LazyFrame: ...
@overload
def assess(
    actuals: Values,
    *,
    benchmarks: Values | pl.LazyFrame | None = None,
    tolerance: SupportsFloat = DEFAULT_TOLERANCE,
    targets: pl.DataFrame | None = None,
    missing: Missing = "error",
) -> DataFrame[AssessmentSchema]: ...
def assess(
    actuals: Values | pl.LazyFrame,
    *,
    benchmarks: Values | pl.LazyFrame | None = None,
    tolerance: SupportsFloat = DEFAULT_TOLERANCE,
    targets: pl.DataFrame | None = None,
    missing: Missing = "error",
) -> DataFrame[AssessmentSchema] | pl.LazyFrame:
    """Assess actual values against the plan's 2023 targets, or against targets you give.

    Parameters
    ----------
    actuals
        ``{target_id: value}``, or a frame with columns ``id``, ``actual`` and optionally
        ``scenario`` (many what-if scenarios at once): a Polars DataFrame or LazyFrame, a
        pandas DataFrame, or any object with ``__arrow_c_stream__`` (a pyarrow Table, a
        DuckDB relation), read without a copy where Polars can. ``id`` may be String,
        Categorical or Enum, ``scenario`` also an integer type; both keep their dtype in the
        result. Values are in the target's own measure: a growth target takes a growth rate
        in %, a percentage-point target the change in points, the qualitative target
        True/False (or 1/0). NumPy scalars work wherever Python numbers do.
    benchmarks
        Reference values for the relative targets (增速高于全省平均水平), e.g. the provincial
        growth rate: ``{target_id: value}`` or a frame with ``id``, ``benchmark`` and
        optionally ``scenario`` (a benchmark without a scenario holds for every scenario).
    tolerance
        Relative tolerance of 左右 targets (default 0.05: 6%左右 is met from 5.7 to 6.3). The
        band's edges are computed exactly in decimal and belong to the band.
    targets
        Another table of targets, keyed by its ``id``: a frame of
        :class:`~jinan_gov.schemas.ExtractedTargetSchema`, as
        :func:`jinan_gov.extract_targets` or
        :func:`jinan_gov.extract.read_extracted_targets` give. Its qualifiers are read
        with the same semantics (``in_step``, 与经济增长同步, is met when the actual keeps
        pace with the benchmark: actual >= benchmark). Default: the plan's 2023 main and
        task targets.
    missing
        What a missing actual (``None`` in a mapping, a null in a frame, a blank CSV cell)
        means: ``"error"`` (the default) refuses it, naming the row; ``"unknown"`` reads it
        as not yet known, assessed ``not_assessable``.

    Returns
    -------
    DataFrame[AssessmentSchema]
        One row per assessed target and scenario, in the input's order (a Polars DataFrame
        whatever the input). Labels repeated on every row are Enum (``qualifier``,
        ``status``, ``tier_reached``) or Categorical (``name_en``, ``unit``, ``reason``). A
        LazyFrame input gives a LazyFrame whose checks run when it is collected.

    Raises
    ------
    UnknownIdError
        An id that is not a target (the message suggests close matches).
    ValueError
        ``targets`` does not match :class:`~jinan_gov.schemas.ExtractedTargetSchema`.
    InvalidActualsError
        NaN or infinite values, duplicate ids within a scenario, non-numeric values, booleans
        for a numeric target, a benchmark for a target that has none, missing columns.
    TypeError
        An input of a type that is not supported, a tolerance that is not a number, or
        ``targets`` that is not a Polars DataFrame.

    Examples
    --------
    >>> result = assess({"gdp_growth_2023": 6.1, "cpi_growth_2023": 2.0})
    >>> result.select("id", "status", "attained", pl.col("gap").round(2)).rows()
    [('gdp_growth_2023', 'exceeded', True, 0.6), ('cpi_growth_2023', 'exceeded', True, -1.0)]
    >>> assess({"foreign_trade_growth_2023": 5.0})["status"].item()
    'not_assessable'
    >>> assess({"foreign_trade_growth_2023": 5.0}, benchmarks={"foreign_trade_growth_2023": 4.2})[
    ...     "status"
    ... ].item()
    'met'
    """
    exact = check_tolerance(tolerance)
    _check_missing(missing)
    compiled = _compiled(exact) if targets is None else _compiled_targets(targets, exact)
    outcome_ids = _outcome_ids() if targets is None else frozenset[str]()
    frame, boolean = _values(actuals, "actual", compiled, none=missing == "unknown")
    bench: pl.DataFrame | pl.LazyFrame | None = None
    if benchmarks is not None:
        bench, _ = _values(benchmarks, "benchmark", compiled)

    def run(batch: pl.DataFrame) -> pl.DataFrame:
        if missing == "error":
            _refuse_missing(batch)
        collected = bench.collect() if isinstance(bench, pl.LazyFrame) else bench
        return assess_frame(
            batch,
            compiled,
            benchmarks=collected,
            boolean=boolean,
            outcome_ids=outcome_ids,
        )

    if isinstance(frame, pl.LazyFrame):
        names = frame.collect_schema()
        schema = result_schema(compiled, names.get("scenario", pl.Null()), names["id"])
        return frame.map_batches(run, schema=schema)
    return cast("DataFrame[AssessmentSchema]", run(frame))


def attainment_summary(
    assessed: pl.DataFrame | pl.LazyFrame, by: str | Iterable[str] = ("scenario",)
) -> pl.DataFrame:
    """Counts by status and whether every binding target was attained.

    Parameters
    ----------
    assessed
        The output of :func:`assess`.
    by
        A grouping column of the assessment, or several, e.g. ``("scenario", "qualifier")``.

    Returns
    -------
    polars.DataFrame
        One row per group: ``assessed`` (targets with a status other than
        not_assessable), one count column per status, ``share_attained`` (null when nothing
        in the group was assessable) and
        ``all_binding_attained``: False as soon as a binding target was missed, True when
        every binding target was assessed and attained, null otherwise (one is missing or
        not assessable).

    >>> actuals = {"gdp_growth_2023": 5.0, "new_urban_jobs_2023": 16}
    >>> actuals["energy_emission_targets_2023"] = True
    >>> summary = attainment_summary(assess(actuals))
    >>> summary.select("exceeded", "met", "missed", "all_binding_attained").row(0)
    (1, 1, 1, True)
    """
    if isinstance(assessed, pl.LazyFrame):
        frame = assessed.collect()
    elif isinstance(assessed, pl.DataFrame):
        frame = assessed
    else:
        raise TypeError(
            f"assessed must be the DataFrame returned by assess(), got {type(assessed).__name__}"
        )
    if isinstance(by, str):
        by = (by,)
    elif not (isinstance(by, Iterable) and all(isinstance(c, str) for c in by)):
        raise TypeError(f"by must be a column name or a tuple of column names, got {by!r}")
    unknown = [column for column in by if column not in frame.columns]
    if unknown:
        raise ValueError(f"cannot group by {unknown}: not columns of the assessment")
    missing = [c for c in ("status", "attained", "binding") if c not in frame.columns]
    if missing:
        raise ValueError(f"not an assessment (missing {missing}); pass the output of assess()")
    binding = pl.col("binding").fill_null(value=False)
    binding_ids = set(_plan_targets().filter(pl.col("binding").fill_null(value=False))["id"])
    counts = [(pl.col("status") == status).sum().alias(status) for status in STATUSES]
    assessed_count = (pl.col("status") != "not_assessable").sum()
    return frame.group_by(list(by), maintain_order=True).agg(
        assessed_count.alias("assessed"),
        *counts,
        pl.when(assessed_count > 0)
        .then(pl.col("attained").sum() / assessed_count)
        .alias("share_attained"),
        pl.when((pl.col("attained").filter(binding) == False).any())  # noqa: E712
        .then(False)
        .when(pl.col("id").filter(binding).n_unique() < len(binding_ids))
        .then(None)
        .when(pl.col("attained").filter(binding).is_null().any())
        .then(None)
        .otherwise(True)
        .alias("all_binding_attained"),
    )


def _read(source: CsvSource | Values | pl.LazyFrame, column: str) -> pl.DataFrame:
    """Values from a CSV source or a frame, in the schema's dtypes."""
    if is_frame_like(source):
        frame, _ = conform(to_polars(source, column), column)
        collected = frame.collect() if isinstance(frame, pl.LazyFrame) else frame
        if "scenario" not in collected.columns:
            collected = collected.with_columns(scenario=pl.lit(None, dtype=pl.String))
        return collected.select(
            pl.col("id").cast(pl.String), column, pl.col("scenario").cast(pl.String)
        )
    return read_values_csv(cast(CsvSource, source), column)


def _qualitative_ids(targets: pl.DataFrame | None) -> frozenset[str]:
    """The ids of the qualitative targets: the plan's, or those of a table of targets."""
    exact = check_tolerance(DEFAULT_TOLERANCE)
    compiled = _compiled(exact) if targets is None else _compiled_targets(targets, exact)
    return frozenset(str(compiled.ids[i]) for i in compiled.qualitative)


def read_actuals(
    source: CsvSource | pl.DataFrame | pl.LazyFrame | ArrowStream,
    *,
    targets: pl.DataFrame | None = None,
    missing: Missing = "error",
) -> pl.DataFrame:
    """Read actual values (``id,actual[,scenario]``) from a CSV or a frame and validate them.

    Parameters
    ----------
    source
        A CSV path, ``"-"`` for standard input (named pipes and ``/dev/stdin`` work too), an
        open file, or a frame (Polars, pandas, Arrow). A CSV may be UTF-8 (with or without a
        BOM), UTF-16 with a BOM or GB18030/GBK; values may carry spaces and full-width digits.
        Every column is read as the schema's dtype, never guessed from the first rows. A
        qualitative target's actual may be written ``true``/``false`` (any case) or 1/0.
    targets
        The table of targets the actuals are for, as for :func:`assess` (default: the
        plan's): only its qualitative targets may be ``true``/``false``.
    missing
        ``"error"`` (the default): an empty actual cell is refused, naming its line;
        ``"unknown"``: it is read as null, a value not yet known (``not_assessable``).

    Returns
    -------
    polars.DataFrame
        ``id`` (String), ``actual`` (Float64) and ``scenario`` (String, null if absent);
        a header-only CSV gives an empty frame of these dtypes.

    Raises
    ------
    InvalidActualsError
        The file is missing, a directory, undecodable, lacks the columns, has a row without
        an id or a value that is not a number (the message names the line), or ``true`` /
        ``false`` for a target that is not qualitative.
    """
    from jinan_gov.schemas import ActualsSchema  # noqa: PLC0415 - pandera on first validation

    _check_missing(missing)
    if is_frame_like(source):
        frame = _read(source, "actual")
    else:
        frame = read_values_csv(
            cast(CsvSource, source),
            "actual",
            _qualitative_ids(targets),
            blanks=missing == "unknown",
        )
    return cast(pl.DataFrame, ActualsSchema.validate(frame, lazy=True))


def read_benchmarks(
    source: CsvSource | pl.DataFrame | pl.LazyFrame | ArrowStream,
) -> pl.DataFrame:
    """Read benchmarks (``id,benchmark[,scenario]``) for :func:`assess`, like :func:`read_actuals`.

    Raises
    ------
    InvalidActualsError
        The file is missing, a directory, undecodable, lacks the columns, has a row without
        an id or a value that is not a number (the message names the line).
    """
    return _read(source, "benchmark")


def __dir__() -> list[str]:
    return list(__all__)

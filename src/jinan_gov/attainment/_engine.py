"""Assess many rows fast and in little memory: target lookup, checks, result columns.

The per-row work on millions of scenario rows is integer lookups and float comparisons:

- an id becomes its target's row number with one hash lookup (or, for an Enum or
  Categorical id column, a lookup per category, not per row);
- the per-target columns (name, figures, thresholds) are gathered by that number; when the
  rows repeat the same targets in the same order (a scenario grid), one block is built and
  shared by every repetition, so those columns cost almost nothing;
- duplicates are ruled out without hashing when each scenario is one contiguous run.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import pairwise
from typing import cast

import polars as pl

from jinan_gov.attainment._semantics import Compiled, outcome_expr, outcomes
from jinan_gov.errors import InvalidActualsError, UnknownIdError, brief

__all__ = (
    "RESULT_COLUMNS",
    "assess_frame",
    "check_benchmark_scenarios",
    "index_of",
    "result_schema",
    "shown_difference",
    "warning_expr",
)

RESULT_COLUMNS = (
    "scenario",
    "id",
    "name_en",
    "qualifier",
    "unit",
    "target",
    "target_upper",
    "target_middle",
    "target_stretch",
    "tolerance",
    "actual",
    "benchmark",
    "attained",
    "status",
    "gap",
    "tier_reached",
    "binding",
    "reason",
    "warning",
)
_OUTCOME_COUNT = 6
_SCALE = 100.0  # an actual more than 100× (or under 1/100 of) its target is flagged


def warning_expr() -> pl.Expr:
    """A note when an actual looks like the wrong unit for its target; null otherwise.

    Flagged, never changed: more than 100 times or less than 1/100 of the target, or a
    fraction where the target is in % (0.059 for 5.9 %).
    """
    actual, target = pl.col("actual"), pl.col("target")
    unit = pl.col("unit").cast(pl.String)
    ratio = actual.abs() / target.abs()
    percent = actual * 100 / target
    fraction = (unit == "%") & (actual.abs() < 1) & (percent >= 0.5) & (percent <= 2)
    usable = target.is_not_null() & (target != 0) & actual.is_not_null() & (actual != 0)
    in_unit = pl.concat_str(
        pl.lit(" (in "), unit.fill_null("its unit"), pl.lit("): check the unit")
    )
    return (
        pl.when(usable & fraction)
        .then(pl.lit("looks like a fraction; the target is in % (give 5.9, not 0.059)"))
        .when(usable & (ratio > _SCALE))
        .then(pl.concat_str(pl.lit("more than 100× the target"), in_unit))
        .when(usable & (ratio < 1 / _SCALE))
        .then(pl.concat_str(pl.lit("less than 1/100 of the target"), in_unit))
        .cast(pl.Categorical)
        .alias("warning")
    )


_EXTRACTED_ID = re.compile(r"(?:[^/]+/)?t\d{2,}")  # extract_targets' ids, or a panel's doc/t01
_BATCH_ROWS = 1 << 18
_PERIOD_SEARCH = 1 << 14
_INDEX = pl.UInt32  # a target's row: tables of targets may exceed 65,535 rows


def index_of(ids: pl.Series, compiled: Compiled) -> pl.Series:
    """Each id's row in the compiled targets (null for an unknown or missing id)."""
    positions = pl.Series(range(len(compiled.ids)), dtype=_INDEX)

    def lookup(labels: pl.Series) -> pl.Series:
        return labels.replace_strict(compiled.ids, positions, default=None, return_dtype=_INDEX)

    dtype = ids.dtype
    if isinstance(dtype, pl.Enum):
        return lookup(pl.Series(dtype.categories)).gather(ids.to_physical())
    if dtype == pl.Categorical:
        present = ids.unique().drop_nulls()
        codes = present.to_physical()
        size = int(cast(int, codes.max())) + 1 if len(codes) else 0
        table = pl.Series([None] * size, dtype=_INDEX).scatter(
            codes, lookup(present.cast(pl.String))
        )
        return table.gather(ids.to_physical())
    return lookup(ids.cast(pl.String))


def _cycle(block: pl.Series, period: int) -> pl.Series:
    """``block`` repeated to cover a batch starting at any phase of the period."""
    repeats = _BATCH_ROWS // period + 2
    return block[pl.int_range(repeats * period, eager=True, dtype=pl.UInt32) % period]


def _repeating(column: pl.Series, batches: list[tuple[int, int]]) -> int | None:
    """The length of the block the column repeats from its first row on, if it does.

    Checked batch by batch against one shared cycle of the block, so no column is copied.
    """
    n = len(column)
    if n < 4 or column.null_count():
        return None
    head = column.head(_PERIOD_SEARCH)
    repeats = (head.slice(1) == head[0]).arg_true()
    if not len(repeats) or n < 2 * (int(repeats[0]) + 1):
        return None
    period = int(repeats[0]) + 1
    cycle = _cycle(column.head(period), period)
    for offset, length in batches:
        if not (column.slice(offset, length) == cycle.slice(offset % period, length)).all():
            return None
    return period


def _batches(frame: pl.DataFrame) -> list[tuple[int, int]]:
    """(offset, length) of row batches that never straddle a chunk of any column."""
    cuts = {0, frame.height, *range(0, frame.height, _BATCH_ROWS)}
    for column in frame.get_columns():
        offset = 0
        for length in column.chunk_lengths():
            offset += length
            cuts.add(offset)
    ordered = sorted(cuts)
    return [(start, stop - start) for start, stop in pairwise(ordered)]


class _PerTarget:
    """Per-target columns for any batch of rows: one shared block when the rows repeat."""

    def __init__(self, columns: pl.DataFrame, index: pl.Series, period: int | None) -> None:
        self.columns = columns
        self.period = period
        self.tile: pl.DataFrame | None = None
        if period is not None:
            block = columns[index.head(period)]
            repeats = _BATCH_ROWS // period + 2
            self.tile = block[pl.int_range(repeats * period, eager=True, dtype=pl.UInt32) % period]

    def rows(self, offset: int, index: pl.Series) -> pl.DataFrame:
        """The columns for the rows from ``offset`` whose target rows are ``index``."""
        if self.tile is None or self.period is None:
            return self.columns[index]
        return self.tile.slice(offset % self.period, len(index))


def _first(frame: pl.DataFrame, mask: pl.Series, column: str = "id") -> str:
    """The first five distinct values where ``mask`` holds, each cut for a message."""
    values = frame.filter(mask)[column].unique(maintain_order=True).head(5).to_list()
    return "[" + ", ".join(brief(value) for value in values) + "]"


def _duplicates_ruled_out(work: pl.DataFrame, period: int | None) -> bool:
    """True when the rows provably hold each (scenario, target) at most once, without hashing.

    Scenario grids list each scenario as one contiguous run of rows. When the runs' scenarios
    are distinct, a pair can only repeat inside a run; it cannot when every run is one block
    of distinct targets repeated down the frame, nor when targets strictly increase within
    each run. When this cheap proof fails, the pairs are hashed.
    """
    scenario = pl.col("scenario")
    changes = work.select(scenario.ne_missing(scenario.shift(1)).sum()).item()
    if 2 * changes > work.height:  # mostly runs of one row: hashing is as cheap as a proof
        return False
    runs = work.select(scenario.rle().struct.unnest())
    if runs["value"].n_unique() != runs.height:
        return False
    if period is not None and work["_idx"].head(period).n_unique() == period:
        lengths = runs["len"]
        if (lengths.head(-1) == period).all() and lengths[-1] <= period:
            return True
    index = pl.col("_idx")
    increasing = (index > index.shift(1)) | scenario.ne_missing(scenario.shift(1))
    return bool(work.select(increasing.all()).item())


def _check_duplicates(work: pl.DataFrame, period: int | None) -> None:
    if _duplicates_ruled_out(work, period):
        return
    pairs = pl.struct("scenario", "_idx")
    if work.select(pl.col("scenario").hash(seed=7) + pl.col("_idx")).n_unique() == work.height:
        return
    duplicated = work.select(pairs.is_duplicated()).to_series()
    if duplicated.any():
        row = work.filter(duplicated).row(0, named=True)
        raise InvalidActualsError(
            f"duplicate actual for id {brief(row['id'])} in scenario {brief(row['scenario'])}"
        )


def _check(
    work: pl.DataFrame, compiled: Compiled, boolean: bool, outcome_ids: Collection[str]
) -> None:
    """Raise for the first problem in the rows, naming the offending ids."""
    index, actual = pl.col("_idx"), pl.col("actual")
    qualitative = index.is_in(list(compiled.qualitative))
    problems = {
        "unknown": index.is_null(),
        "nonfinite": ~actual.is_finite(),
        "qualitative": qualitative & ~actual.is_in([0.0, 1.0]),
        "boolean": ~qualitative & actual.is_not_null() if boolean else pl.lit(value=False),
    }
    flags = work.select(*(condition.any().alias(name) for name, condition in problems.items())).row(
        0, named=True
    )
    if flags["unknown"]:
        unknown = work.filter(index.is_null())
        missing = unknown["id"].null_count()
        if missing:
            raise InvalidActualsError(f"id is missing (null) on {missing} row(s)")
        first = str(unknown["id"][0])
        if first in outcome_ids:
            raise InvalidActualsError(
                f"{brief(first)} is a 2022 outcome, not a target; assess the 2023 targets"
            )
        advice = ""
        if outcome_ids and _EXTRACTED_ID.fullmatch(first):
            advice = (
                f"{brief(first)} looks like an id of extracted targets (t01, t02 … from "
                "extract_targets): pass that table as targets= (jinan-gov assess --targets FILE)"
            )
        raise UnknownIdError("target id", first, compiled.ids.to_list(), advice)
    if flags["nonfinite"]:
        bad = _first(work, work.select(problems["nonfinite"].fill_null(value=False)).to_series())
        raise InvalidActualsError(f"actual is NaN or infinite for {bad}")
    if flags["qualitative"]:
        bad = _first(work, work.select(problems["qualitative"].fill_null(value=False)).to_series())
        raise InvalidActualsError(f"qualitative target(s) {bad} take True/False (1/0) as actual")
    if flags["boolean"]:
        bad = _first(work, work.select(problems["boolean"]).to_series())
        named = [compiled.ids[i] for i in compiled.qualitative]
        raise InvalidActualsError(
            f"True/False given for {bad}; booleans are only for the qualitative target(s) "
            f"{named}: give numbers"
        )


def _benchmark_table(benchmarks: pl.DataFrame, compiled: Compiled) -> pl.DataFrame:
    """Checked benchmarks with their target's row: ``scenario``, ``_idx``, ``benchmark``."""
    indexed = benchmarks.with_columns(_idx=index_of(benchmarks["id"], compiled))
    relative = [compiled.ids[i] for i in compiled.relative]
    wrong = indexed.filter(~pl.col("_idx").is_in(list(compiled.relative)).fill_null(value=False))
    if wrong.height:
        first = wrong["id"][0]
        if first is not None and first in set(compiled.ids):
            raise InvalidActualsError(
                f"benchmark given for {_first(wrong, wrong['id'].is_not_null())}, which are not "
                f"relative (高于全省平均水平) targets; relative targets: {sorted(relative)}"
            )
        raise UnknownIdError("target id (benchmark)", first, relative)
    nonfinite = indexed.filter(~pl.col("benchmark").is_finite())
    if nonfinite.height:
        raise InvalidActualsError(
            f"benchmark is NaN or infinite for {nonfinite['id'].head(5).to_list()}"
        )
    if "scenario" not in indexed.columns:
        indexed = indexed.with_columns(scenario=pl.lit(None, dtype=pl.String))
    if indexed.select(pl.struct("scenario", "_idx").is_duplicated().any()).item():
        raise InvalidActualsError("duplicate benchmark for the same id and scenario")
    return indexed.select("scenario", "_idx", "benchmark")


def check_benchmark_scenarios(benchmarks: pl.DataFrame, scenarios: pl.Series) -> None:
    """Refuse a benchmark whose scenario no actual has, naming the known scenarios."""
    if "scenario" not in benchmarks.columns:
        return
    given = benchmarks["scenario"].drop_nulls()
    known = scenarios.drop_nulls().unique(maintain_order=True)
    try:
        unknown = given.filter(~given.cast(known.dtype).is_in(known.implode()).fill_null(True))
    except pl.exceptions.PolarsError:
        unknown = given
    if unknown.len():
        shown = ", ".join(brief(v) for v in known.head(5).to_list()) or "none"
        more = " ..." if known.len() > 5 else ""
        raise InvalidActualsError(
            f"benchmark given for scenario {brief(unknown[0])}, which no actual has; "
            f"known scenarios: {shown}{more}"
        )


def _split_benchmarks(
    columns: pl.DataFrame, benchmarks: pl.DataFrame, compiled: Compiled, scenarios: pl.Series
) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """Benchmarks given for every scenario become a per-target column; those given for one
    scenario come back as a table to join per (scenario, target), overriding them."""
    table = _benchmark_table(benchmarks, compiled)
    everywhere = table.filter(pl.col("scenario").is_null())
    per_target = pl.Series([None] * columns.height, dtype=pl.Float64).scatter(
        everywhere["_idx"], everywhere["benchmark"]
    )
    columns = columns.with_columns(benchmark=per_target)
    per_scenario = table.filter(pl.col("scenario").is_not_null())
    if not per_scenario.height:
        return columns, None
    check_benchmark_scenarios(per_scenario, scenarios)  # every one fits the dtype and exists
    keyed = per_scenario.with_columns(pl.col("scenario").cast(scenarios.dtype))
    return columns, keyed.rename({"benchmark": "_scenario_benchmark"})


def result_schema(compiled: Compiled, scenario: pl.DataType, ids: pl.DataType) -> pl.Schema:
    """The dtypes of the result for these scenario and id dtypes."""
    known = {**compiled.columns.schema, **outcomes().schema}
    labels = {
        "scenario": pl.String() if scenario == pl.Null else scenario,
        "id": pl.String() if ids == pl.Null else ids,
        "warning": pl.Categorical(),
    }
    return pl.Schema(
        {name: labels.get(name) or known.get(name) or pl.Float64() for name in RESULT_COLUMNS}
    )


_DIGITS = 15  # significant decimal digits a float holds reliably
_EXACT_POWERS = 22  # 10**k is an exact float up to k = 22
_POWERS = pl.Series([10.0**k for k in range(_EXACT_POWERS + 1)], dtype=pl.Float64)


def shown_difference(left: pl.Expr, right: pl.Expr) -> pl.Expr:
    """``left - right`` as the decimals they show allow: 6.1 - 5.5 is 0.6, not
    0.5999999999999996.

    The difference is rounded to the 15 significant digits a float holds, counted from the
    larger input (the place where the binary subtraction's error lies); inputs below 1e-8 or
    from 1e15 on keep the binary difference (their scale is not an exact power of ten).
    """
    difference = left - right
    largest = pl.max_horizontal(left.abs(), right.abs())
    places = (_DIGITS - 1) - largest.log10().floor()
    # A lookup of the exact powers of ten: cheaper than pow, and exact.
    scale = pl.lit(_POWERS).gather(places.clip(0, _EXACT_POWERS).cast(pl.UInt32))
    return (
        pl.when((largest > 0) & places.is_between(0, _EXACT_POWERS))
        .then((difference * scale).round(0) / scale)
        .otherwise(difference)
    )


class _Describe:
    """Turns a batch of checked rows with their per-target columns into result rows."""

    def __init__(self, per_scenario: pl.DataFrame | None, *, benchmarks: bool) -> None:
        self.per_scenario = per_scenario
        self.key = (pl.col("_code") * _OUTCOME_COUNT + outcome_expr(benchmarks=benchmarks)).alias(
            "_key"
        )
        table = outcomes()
        columns: dict[str, pl.Expr] = {
            name: pl.lit(table[name]).gather(pl.col("_key")).alias(name) for name in table.columns
        }
        if benchmarks:
            columns["gap"] = shown_difference(
                pl.col("actual"), pl.coalesce("target", "benchmark")
            ).alias("gap")
        else:
            columns["benchmark"] = pl.lit(None, dtype=pl.Float64).alias("benchmark")
            columns["gap"] = shown_difference(pl.col("actual"), pl.col("target")).alias("gap")
        columns["warning"] = warning_expr()
        self.result = [columns.get(name, pl.col(name)) for name in RESULT_COLUMNS]

    def __call__(self, work: pl.DataFrame) -> pl.DataFrame:
        if self.per_scenario is not None:
            work = work.join(
                self.per_scenario, on=["scenario", "_idx"], how="left", maintain_order="left"
            ).with_columns(benchmark=pl.coalesce("_scenario_benchmark", "benchmark"))
        return work.with_columns(self.key).select(self.result)


def assess_frame(
    frame: pl.DataFrame,
    compiled: Compiled,
    *,
    benchmarks: pl.DataFrame | None,
    boolean: bool,
    outcome_ids: Collection[str],
) -> pl.DataFrame:
    """Assess conformed actuals (``id``, Float64 ``actual``, optional ``scenario``).

    The rows are handled in batches that follow the input's own chunks, so no input column
    is copied; the result's columns are chunked like the batches.
    """
    if "scenario" not in frame.columns:
        frame = frame.with_columns(scenario=pl.lit(None, dtype=pl.String))
    frame = frame.select("scenario", "id", "actual")
    batches = _batches(frame)
    ids = frame["id"]
    # A scenario grid repeats one block of ids: compare strings (cheap) instead of hashing.
    period = _repeating(ids, batches) if ids.dtype == pl.String else None
    if period is not None:
        cycle = _cycle(index_of(ids.head(period), compiled), period)
        indices = [cycle.slice(offset % period, length) for offset, length in batches]
    else:
        indices = [index_of(ids.slice(offset, length), compiled) for offset, length in batches]
    work = pl.concat(
        [
            frame.slice(offset, length).with_columns(_idx=index)
            for (offset, length), index in zip(batches, indices, strict=True)
        ]
        or [frame.with_columns(_idx=pl.lit(None, dtype=_INDEX))],
        rechunk=False,
    )
    _check(work, compiled, boolean, outcome_ids)
    if period is None:
        period = _repeating(work["_idx"], batches)
    _check_duplicates(work, period)
    columns, per_scenario = compiled.columns, None
    if benchmarks is not None:
        columns, per_scenario = _split_benchmarks(columns, benchmarks, compiled, work["scenario"])
    per_target = _PerTarget(columns, work["_idx"], period)
    describe = _Describe(per_scenario, benchmarks=benchmarks is not None)
    parts = []
    for offset, length in batches or [(0, 0)]:
        rows = work.slice(offset, length)
        parts.append(
            describe(pl.concat([rows, per_target.rows(offset, rows["_idx"])], how="horizontal"))
        )
    return pl.concat(parts, rechunk=False)


def __dir__() -> list[str]:
    return list(__all__)

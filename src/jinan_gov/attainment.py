"""Was each 2023 target met? Qualifier-aware, vectorised assessment of actual values.

Each target is read the way the plan states it (see the README's semantics table):

=================  ==========================================================
qualifier          attained when (direction "higher"; mirrored for "lower")
=================  ==========================================================
at_least, strive   actual >= target (以上, 不低于, 不少于, 力争)
plain, reach       actual >= target (a bare figure or 达到 is a floor)
exceed             actual > target (突破, 超过: the figure must be passed)
about              actual >= target - tolerance (左右; above the band = exceeded)
cap_about          actual <= target + tolerance (控制在…左右)
at_most            actual <= target (以内, 不超过)
range              actual >= lower bound (2—3个; above the upper bound = exceeded)
tiers              actual >= floor tier; ``tier_reached`` names the highest tier
above_benchmark    actual > benchmark (高于全省平均水平); no benchmark: not assessable
qualitative        actual is true (1) / false (0)
=================  ==========================================================

The status vocabulary follows the NDRC's annual plan report ("higher than
projected", "as projected", "lower than projected") but is stated in terms of
performance, so it reads the same for floors and for caps: ``exceeded`` (better
than projected), ``met`` (as projected), ``missed`` (worse than projected) and
``not_assessable``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from typing import SupportsFloat, cast, overload

import polars as pl
from pandera.typing.polars import DataFrame

from jinan_gov._inputs import (
    ACTUALS_SCHEMA,
    BENCHMARK_SCHEMA,
    as_lazy,
    check_tolerance,
    decimal,
    read_actuals,
    read_benchmarks,
)
from jinan_gov._what_if import what_if_targets
from jinan_gov.errors import InvalidActualsError, UnknownIdError
from jinan_gov.plan import indicators
from jinan_gov.schemas import STATUSES, AssessmentSchema

__all__ = (
    "DEFAULT_TOLERANCE",
    "assess",
    "assessable_targets",
    "attainment_summary",
    "read_actuals",
    "read_benchmarks",
    "what_if_targets",
)

DEFAULT_TOLERANCE = 0.05
"""Relative tolerance of a 左右 ("about") target: 6%左右 is met from 5.7 to 6.3."""

_RESULT_COLUMNS = tuple(AssessmentSchema.to_schema().columns)

# How each target compares an actual value: one small integer code per target, so the per-row
# work on a million scenario rows is arithmetic on numbers, never string matching.
_FLOOR, _EXCEED, _CAP, _ABOUT_HIGH, _ABOUT_LOW, _ABOUT_BAND, _CAP_ABOUT = range(7)
_RANGE, _TIERS, _BENCHMARK, _QUALITATIVE = range(7, 11)

# Per-row outcome codes; _MET_MIDDLE is "met" at the middle (目标) tier of a tiered target.
_EXCEEDED, _MET, _MISSED, _NOT_ASSESSABLE, _MET_MIDDLE = range(5)
_OUTCOMES = 5

_REASONS: dict[tuple[int, str], str] = {
    (_FLOOR, "exceeded"): "above the floor (以上/不低于/达到)",
    (_FLOOR, "met"): "exactly at the floor",
    (_FLOOR, "missed"): "below the floor",
    (_EXCEED, "exceeded"): "passed the figure (突破/超过)",
    (_EXCEED, "missed"): "did not pass the figure (突破/超过 needs more than it)",
    (_CAP, "exceeded"): "below the cap (以内/不超过)",
    (_CAP, "met"): "exactly at the cap",
    (_CAP, "missed"): "above the cap",
    (_ABOUT_HIGH, "exceeded"): "above the 左右 band: higher than projected",
    (_ABOUT_HIGH, "met"): "within the 左右 band: as projected",
    (_ABOUT_HIGH, "missed"): "below the 左右 band",
    (_ABOUT_LOW, "exceeded"): "below the 左右 band: lower (better) than projected",
    (_ABOUT_LOW, "met"): "within the 左右 band: as projected",
    (_ABOUT_LOW, "missed"): "above the 左右 band",
    (_ABOUT_BAND, "met"): "within the 左右 band",
    (_ABOUT_BAND, "missed"): "outside the 左右 band",
    (_CAP_ABOUT, "exceeded"): "well below the 控制在…左右 cap",
    (_CAP_ABOUT, "met"): "at or under the 控制在…左右 cap (within tolerance)",
    (_CAP_ABOUT, "missed"): "above the 控制在…左右 cap plus tolerance",
    (_RANGE, "exceeded"): "above the upper bound of the range",
    (_RANGE, "met"): "within the range",
    (_RANGE, "missed"): "below the lower bound of the range",
    (_TIERS, "exceeded"): "reached the stretch tier (力争)",
    (_TIERS, "met"): "reached the floor tier (不低于)",
    (_TIERS, "met_middle"): "reached the target tier (目标)",
    (_TIERS, "missed"): "below the floor tier (不低于)",
    (_BENCHMARK, "met"): "higher than the benchmark (高于全省平均水平)",
    (_BENCHMARK, "missed"): "not higher than the benchmark",
    (_QUALITATIVE, "met"): "reported as met",
    (_QUALITATIVE, "missed"): "reported as not met",
}
_NO_ACTUAL = "no actual value given"
_NO_BENCHMARK = "relative target: needs a benchmark (e.g. the provincial average)"


def _comparison_code() -> pl.Expr:
    qualifier, direction = pl.col("qualifier"), pl.col("direction")
    floor_words = qualifier.is_in(["plain", "reach"])
    return (
        pl.when(qualifier.is_in(["at_least", "strive"]) | (floor_words & (direction != "lower")))
        .then(_FLOOR)
        .when(qualifier == "exceed")
        .then(_EXCEED)
        .when((qualifier == "at_most") | (floor_words & (direction == "lower")))
        .then(_CAP)
        .when((qualifier == "about") & (direction == "higher"))
        .then(_ABOUT_HIGH)
        .when((qualifier == "about") & (direction == "lower"))
        .then(_ABOUT_LOW)
        .when(qualifier == "about")
        .then(_ABOUT_BAND)
        .when(qualifier == "cap_about")
        .then(_CAP_ABOUT)
        .when(qualifier == "range")
        .then(_RANGE)
        .when(qualifier == "tiers")
        .then(_TIERS)
        .when(qualifier == "above_benchmark")
        .then(_BENCHMARK)
        .otherwise(_QUALITATIVE)
        .cast(pl.Int8)
    )


@cache
def _targets() -> pl.DataFrame:
    """Every target row with the columns assess() reports, its index and comparison code."""
    return (
        indicators()
        .filter(pl.col("kind") == "target")
        .select(
            "id",
            "name_en",
            "qualifier",
            "unit",
            pl.col("value").alias("target"),
            pl.col("value_upper").alias("target_upper"),
            pl.col("value_target").alias("target_middle"),
            pl.col("value_stretch").alias("target_stretch"),
            "binding",
            _comparison_code().alias("_code"),
        )
        .with_row_index("_idx")
    )


@cache
def _target_ids() -> pl.Enum:
    """The target ids as an Enum: casting to it maps an id to its row index in one pass."""
    return pl.Enum(_targets()["id"].to_list())


def assessable_targets() -> list[str]:
    """Ids that :func:`assess` accepts: every main target and task target.

    >>> "gdp_growth_2023" in assessable_targets()
    True
    """
    return _targets()["id"].to_list()


def _band_edges(targets: pl.Series, tolerance: Decimal) -> pl.DataFrame:
    """Per target: the 左右 band ``|t| * tolerance`` and its edges, computed in decimal.

    Float arithmetic would put ``1 - 0.18`` at 0.8200000000000001, so an actual of 0.82,
    exactly on the edge, would fall outside. The edges are exact decimals rounded once to
    the nearest float, which is the float a user gets when typing the edge.
    """
    rows: list[tuple[float | None, float | None, float | None]] = []
    for value in targets:
        if value is None:
            rows.append((None, None, None))
            continue
        target = decimal(value)
        band = abs(target) * tolerance
        rows.append((float(band), float(target - band), float(target + band)))
    return pl.DataFrame(rows, schema=["_band", "_low_edge", "_high_edge"], orient="row").cast(
        pl.Float64
    )


def _parameters(tolerance: Decimal) -> pl.DataFrame:
    """Per target: its comparison folded into thresholds on x = sign * actual.

    missed   when x < miss_below (or x == miss_below if strict) or x > miss_above;
    exceeded when not missed and x > exceed_above (or x == exceed_above if inclusive).
    A relative target has no miss_below of its own: the row's benchmark takes its place.
    """
    t = pl.col("target")
    band, low, high = pl.col("_band"), pl.col("_low_edge"), pl.col("_high_edge")
    code = pl.col("_code")
    inf = float("inf")
    miss_below = (
        pl.when(code.is_in([_FLOOR, _EXCEED, _RANGE, _TIERS]))
        .then(t)
        .when(code == _CAP)
        .then(-t)
        .when(code.is_in([_ABOUT_HIGH, _ABOUT_BAND]))
        .then(low)
        .when(code.is_in([_ABOUT_LOW, _CAP_ABOUT]))
        .then(-high)
        .when(code == _QUALITATIVE)
        .then(1.0)
    )
    exceed_above = (
        pl.when(code.is_in([_FLOOR, _EXCEED]))
        .then(t)
        .when(code == _CAP)
        .then(-t)
        .when(code == _ABOUT_HIGH)
        .then(high)
        .when(code.is_in([_ABOUT_LOW, _CAP_ABOUT]))
        .then(-low)
        .when(code == _RANGE)
        .then(pl.col("target_upper"))
        .when(code == _TIERS)
        .then(pl.col("target_stretch"))
        .otherwise(inf)
    )
    about = code.is_in([_ABOUT_HIGH, _ABOUT_LOW, _ABOUT_BAND, _CAP_ABOUT])
    targets = _targets()
    edges = _band_edges(targets["target"], tolerance)
    return pl.concat([targets, edges], how="horizontal").select(
        "_code",
        "target",
        "target_middle",
        pl.when(code.is_in([_CAP, _ABOUT_LOW, _CAP_ABOUT]))
        .then(-1.0)
        .otherwise(1.0)
        .alias("_sign"),
        miss_below.alias("_miss_below"),
        pl.when(code == _ABOUT_BAND).then(high).otherwise(inf).alias("_miss_above"),
        exceed_above.alias("_exceed_above"),
        code.is_in([_EXCEED, _BENCHMARK]).alias("_strict"),
        (code == _TIERS).alias("_inclusive"),
        pl.when(about).then(band).alias("tolerance"),
    )


@cache
def _outcome_table() -> pl.DataFrame:
    """Dense lookup: row ``idx * _OUTCOMES + outcome`` describes that target with that outcome."""
    names = {_EXCEEDED: "exceeded", _MET: "met", _MISSED: "missed", _MET_MIDDLE: "met_middle"}
    tiers = {_EXCEEDED: "stretch", _MET: "floor", _MET_MIDDLE: "target"}
    rows: list[tuple[str, str | None, str | None]] = []
    for code in _targets()["_code"]:
        for outcome in range(_OUTCOMES):
            name = names.get(outcome)
            reason = _REASONS.get((code, name)) if name else _NO_BENCHMARK
            status = "not_assessable" if name is None else name.removesuffix("_middle")
            tier = tiers.get(outcome) if code == _TIERS else None
            rows.append((status, tier, reason))
    described = pl.DataFrame(
        rows,
        schema={"status": pl.String, "tier_reached": pl.String, "reason": pl.String},
        orient="row",
    )
    repeated = _targets().select(pl.exclude("_idx", "_code", "id").repeat_by(_OUTCOMES).explode())
    return pl.concat([described, repeated], how="horizontal").with_columns(
        attained=pl.when(pl.col("status") == "not_assessable")
        .then(None)
        .otherwise(pl.col("status") != "missed")
    )


def _gather(table: pl.DataFrame, index: pl.Expr, columns: Iterable[str]) -> list[pl.Expr]:
    """Look columns of a small table up by row index, as expressions over a large frame."""
    return [pl.lit(table[column]).gather(index).alias(column) for column in columns]


def _outcome_code() -> pl.Expr:
    x = pl.col("actual") * pl.col("_sign")
    miss_below = pl.coalesce("_miss_below", "benchmark")
    missed = (
        (x < miss_below) | (pl.col("_strict") & (x == miss_below)) | (x > pl.col("_miss_above"))
    )
    above = pl.col("_exceed_above")
    exceeded = (x > above) | (pl.col("_inclusive") & (x == above))
    middle = (pl.col("_code") == _TIERS) & (pl.col("actual") >= pl.col("target_middle"))
    return (
        pl.when(pl.col("actual").is_null() | miss_below.is_null())
        .then(_NOT_ASSESSABLE)
        .when(missed)
        .then(_MISSED)
        .when(exceeded)
        .then(_EXCEEDED)
        .when(middle)
        .then(_MET_MIDDLE)
        .otherwise(_MET)
    )


def _finish(checked: pl.LazyFrame) -> pl.LazyFrame:
    """From actuals with their thresholds to the documented result columns."""
    key = (pl.col("_idx") * _OUTCOMES + _outcome_code()).alias("_key")
    gap = (
        pl.when(pl.col("_code") == _BENCHMARK)
        .then(pl.col("actual") - pl.col("benchmark"))
        .when(pl.col("_code") != _QUALITATIVE)
        .then(pl.col("actual") - pl.col("target"))
    )
    keyed = checked.select(
        "scenario", "id", "actual", "benchmark", "tolerance", key, gap.alias("gap")
    )
    table = _outcome_table()
    described = keyed.with_columns(
        _gather(table, pl.col("_key"), (c for c in table.columns if c != "reason")),
        reason=pl.when(pl.col("actual").is_null())
        .then(pl.lit(_NO_ACTUAL))
        .otherwise(pl.lit(table["reason"]).gather(pl.col("_key"))),
    )
    return described.select(_RESULT_COLUMNS)


def _as_lazy_input(
    data: Mapping[str, object] | pl.DataFrame | pl.LazyFrame, column: str, schema: pl.Schema
) -> pl.LazyFrame:
    qualitative = _targets().filter(pl.col("_code") == _QUALITATIVE)["id"]
    return as_lazy(data, column, schema, frozenset(qualitative))


def _first(frame: pl.DataFrame, condition: pl.Expr, column: str = "id") -> list[str]:
    return frame.filter(condition)[column].unique(maintain_order=True).head(5).to_list()


def _fingerprint() -> pl.Expr:
    """A hash per (scenario, target): equal for duplicates, rarely equal otherwise."""
    return pl.col("scenario").hash(seed=7) + pl.col("_idx").cast(pl.UInt64)


def _problems() -> dict[str, pl.Expr]:
    actual, benchmark, code = pl.col("actual"), pl.col("benchmark"), pl.col("_code")
    return {
        "unknown": code.is_null(),
        "actual": actual.is_nan() | actual.is_infinite(),
        "benchmark": benchmark.is_nan() | benchmark.is_infinite(),
        "qualitative": (code == _QUALITATIVE) & ~actual.is_in([0.0, 1.0]),
        "boolean": pl.col("_boolean") & (code != _QUALITATIVE) & actual.is_not_null(),
        "misplaced": benchmark.is_not_null() & (code != _BENCHMARK),
    }


def _duplicates_ruled_out() -> pl.Expr:
    """True when the rows provably hold each (scenario, target) at most once, without hashing.

    Generated scenario grids usually list each scenario as one contiguous run with the targets
    in a fixed order. Then ``run * n_targets + target index`` strictly increases down the
    frame, and the runs' scenario names are distinct: no pair can repeat. When this cheap
    proof fails, :func:`_check_joined` falls back to hashing every (scenario, target) pair.
    """
    scenario = pl.col("scenario")
    starts = scenario.ne_missing(scenario.shift(1)) | (pl.int_range(pl.len()) == 0)
    key = starts.cum_sum().cast(pl.UInt64) * len(_targets()) + pl.col("_idx").cast(pl.UInt64)
    increasing = (key.diff() > 0).all()
    distinct_runs = scenario.filter(starts).n_unique() == starts.sum()
    return increasing & distinct_runs


def _problem_flags(frame: pl.LazyFrame) -> pl.LazyFrame:
    """One row of booleans: which check fails, and whether duplicates are ruled out cheaply."""
    return frame.select(
        *(condition.any().alias(name) for name, condition in _problems().items()),
        _duplicates_ruled_out().alias("duplicates_ruled_out"),
    )


def _has_duplicates(frame: pl.DataFrame) -> bool:
    """Whether a (scenario, target) pair repeats: a hash count first, exact only on suspicion."""
    if frame.select(_fingerprint().n_unique()).item() == frame.height:
        return False
    return bool(frame.select(pl.struct("scenario", "_idx").is_duplicated().any()).item())


def _check_joined(frame: pl.DataFrame) -> pl.DataFrame:
    """Data checks on actuals with their targets; raises naming the offending ids."""
    problems = _problems()
    flags = _problem_flags(frame.lazy()).collect().row(0, named=True)
    if flags["unknown"]:
        unknown = _first(frame, problems["unknown"])
        outcome_ids = set(indicators().filter(pl.col("kind") == "outcome")["id"])
        if unknown[0] in outcome_ids:
            raise InvalidActualsError(
                f"{unknown[0]!r} is a 2022 outcome, not a target; assess the 2023 targets"
            )
        raise UnknownIdError("target id", unknown[0], assessable_targets())
    for name in ("actual", "benchmark"):
        if flags[name]:
            bad = _first(frame, problems[name])
            raise InvalidActualsError(f"{name} is NaN or infinite for {bad}")
    if flags["qualitative"]:
        bad = _first(frame, problems["qualitative"])
        raise InvalidActualsError(f"qualitative target(s) {bad} take True/False (1/0) as actual")
    if flags["boolean"]:
        bad = _first(frame, problems["boolean"])
        raise InvalidActualsError(
            f"True/False given for {bad}; booleans are only for the qualitative target(s) "
            f"{_first(_targets(), pl.col('_code') == _QUALITATIVE)}: give numbers"
        )
    if flags["misplaced"]:
        bad = _first(frame, problems["misplaced"])
        raise InvalidActualsError(
            f"benchmark given for {bad}, which are not relative (高于全省平均水平) targets"
        )
    if not flags["duplicates_ruled_out"] and _has_duplicates(frame):
        dup = frame.filter(pl.struct("scenario", "_idx").is_duplicated()).row(0, named=True)
        raise InvalidActualsError(
            f"duplicate actual for id {dup['id']!r} in scenario {dup['scenario']!r}"
        )
    return frame


def _check_benchmarks(benchmarks: pl.LazyFrame) -> pl.LazyFrame:
    def check(frame: pl.DataFrame) -> pl.DataFrame:
        relative = set(_targets().filter(pl.col("_code") == _BENCHMARK)["id"])
        wrong = _first(frame, ~pl.col("id").is_in(list(relative)))
        if wrong:
            if wrong[0] in set(_targets()["id"]):
                raise InvalidActualsError(
                    f"benchmark given for {wrong}, which are not relative (高于全省平均水平) "
                    f"targets; relative targets: {sorted(relative)}"
                )
            raise UnknownIdError("target id (benchmark)", wrong[0], relative)
        if frame.select(pl.struct("scenario", "id").is_duplicated().any()).item():
            raise InvalidActualsError("duplicate benchmark for the same id and scenario")
        return frame

    return benchmarks.map_batches(check, schema=BENCHMARK_SCHEMA)


@overload
def assess(
    actuals: Mapping[str, SupportsFloat] | pl.DataFrame,
    *,
    benchmarks: Mapping[str, SupportsFloat] | pl.DataFrame | None = None,
    tolerance: SupportsFloat = DEFAULT_TOLERANCE,
) -> DataFrame[AssessmentSchema]: ...
@overload
def assess(
    actuals: pl.LazyFrame,
    *,
    benchmarks: Mapping[str, SupportsFloat] | pl.DataFrame | pl.LazyFrame | None = None,
    tolerance: SupportsFloat = DEFAULT_TOLERANCE,
) -> pl.LazyFrame: ...
def assess(
    actuals: Mapping[str, SupportsFloat] | pl.DataFrame | pl.LazyFrame,
    *,
    benchmarks: Mapping[str, SupportsFloat] | pl.DataFrame | pl.LazyFrame | None = None,
    tolerance: SupportsFloat = DEFAULT_TOLERANCE,
) -> DataFrame[AssessmentSchema] | pl.LazyFrame:
    """Assess actual values against the plan's 2023 targets.

    Parameters
    ----------
    actuals
        ``{target_id: value}``, or a Polars DataFrame/LazyFrame with columns ``id``,
        ``actual`` and optionally ``scenario`` (many what-if scenarios at once). Values are in
        the target's own measure: a growth target takes a growth rate in %, a
        percentage-point target the change in points, a qualitative target True/False.
    benchmarks
        Reference values for the relative targets (增速高于全省平均水平), e.g. the provincial
        growth rate: ``{target_id: value}`` or a frame with ``id``, ``benchmark`` and
        optionally ``scenario``.
    tolerance
        Relative tolerance of 左右 targets (default 0.05: 6%左右 is met from 5.7 to 6.3).

    Returns
    -------
    DataFrame[AssessmentSchema]
        One row per assessed target and scenario; a LazyFrame input gives a LazyFrame whose
        checks run when it is collected.

    Raises
    ------
    UnknownIdError
        An id that is not a target (the message suggests close matches).
    InvalidActualsError
        NaN or infinite values, duplicate ids within a scenario, non-numeric values, a
        benchmark for a target that has none, missing columns.

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
    exact_tolerance = check_tolerance(tolerance)
    lazy_input = isinstance(actuals, pl.LazyFrame)
    index = pl.col("id").cast(_target_ids(), strict=False).to_physical().cast(pl.UInt32)
    parameters = _parameters(exact_tolerance)
    frame = (
        _as_lazy_input(actuals, "actual", ACTUALS_SCHEMA)
        .with_columns(_idx=index)
        .with_columns(_gather(parameters, pl.col("_idx"), parameters.columns))
    )
    if benchmarks is None:
        frame = frame.with_columns(benchmark=pl.lit(None, dtype=pl.Float64))
    else:
        bench = _as_lazy_input(benchmarks, "benchmark", BENCHMARK_SCHEMA).drop("_boolean")
        frame = _join_benchmarks(frame, bench)
    if lazy_input:
        # Checks run when the caller collects; the plan stays lazy until then.
        return _finish(frame.map_batches(_check_joined, schema=frame.collect_schema()))
    # Eager: compute the result and the check flags in one parallel pass; only on a failed
    # flag is the input looked at again, to name the offending rows.
    prepared = frame.collect().lazy()
    result, flags = pl.collect_all([_finish(prepared), _problem_flags(prepared)])
    *problems, duplicates_ruled_out = flags.row(0)
    if any(problems) or not duplicates_ruled_out:
        _check_joined(prepared.collect())
    return cast(DataFrame[AssessmentSchema], result)


def _join_benchmarks(frame: pl.LazyFrame, benchmarks: pl.LazyFrame) -> pl.LazyFrame:
    """Attach benchmarks: per-scenario ones override those given for every scenario."""
    bench = _check_benchmarks(benchmarks)
    per_scenario = bench.filter(pl.col("scenario").is_not_null())
    everywhere = bench.filter(pl.col("scenario").is_null()).select("id", "benchmark")
    return (
        frame.join(everywhere, on="id", how="left", maintain_order="left")
        .join(
            per_scenario.rename({"benchmark": "_scenario_benchmark"}),
            on=["scenario", "id"],
            how="left",
            maintain_order="left",
        )
        .with_columns(benchmark=pl.coalesce("_scenario_benchmark", "benchmark"))
        .drop("_scenario_benchmark")
    )


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
    binding_ids = set(_targets().filter(pl.col("binding").fill_null(value=False))["id"])
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


def __dir__() -> list[str]:
    return list(__all__)

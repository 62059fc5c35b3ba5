"""How a target's wording reads an actual value: the one definition of attainment.

A target is its figures (``value``, ``value_upper``, ``value_target``, ``value_stretch``), its
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
above_benchmark    actual > benchmark (高于全省平均水平); with a margin ``value``
                   (高于全国平均水平1个百分点以上) actual >= benchmark + value;
                   no benchmark: not assessable
in_step            actual >= benchmark (与经济增长同步: keeps pace); no benchmark: not assessable
qualitative        actual is true (1) / false (0)
=================  ==========================================================
=======
``qualifier`` and its ``direction``. :data:`SEMANTICS` maps every qualifier × direction pair
to one way of comparing (:func:`comparison`); :func:`limits` turns that into thresholds on
the actual (exact at the 左右 band edges); :func:`compile_targets` does both for every row of
a target frame, in whatever schema it comes from, as long as it has :data:`TARGET_COLUMNS`.
Per row, :func:`outcome_expr` compares an actual (and a benchmark) with the thresholds, and
:func:`outcomes` describes each outcome. :func:`semantics_table` is the table of every pair
that the documentation shows (``docs/guide/attainment.md``; a test keeps the two equal).

To assess actuals against another table of targets (extracted from a report, say), give it
the :data:`TARGET_COLUMNS`, compile it with :func:`compile_targets` and hand the result to
:func:`._engine.assess_frame`. A new qualifier is one more row in ``_BY_QUALIFIER``; a new
way of comparing one more code, one branch in :func:`limits`, its reasons in ``_REASONS``
and its wording in ``_WORDING``; nothing else changes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import NamedTuple

import polars as pl

from jinan_gov.errors import InvalidTargetsError, brief
from jinan_gov.schemas.vocab import DIRECTIONS, QUALIFIERS, STATUSES, TIERS

__all__ = (
    "QUALIFIER_DTYPE",
    "RELATIVE_CODES",
    "SEMANTICS",
    "STATUS_DTYPE",
    "TARGET_COLUMNS",
    "TIER_DTYPE",
    "Compiled",
    "Limits",
    "comparison",
    "compile_targets",
    "limits",
    "outcome_expr",
    "outcomes",
)

TARGET_COLUMNS = pl.Schema(
    {
        "id": pl.String,
        "name_en": pl.String,
        "qualifier": pl.String,
        "direction": pl.String,
        "unit": pl.String,
        "value": pl.Float64,
        "value_upper": pl.Float64,
        "value_target": pl.Float64,
        "value_stretch": pl.Float64,
        "binding": pl.Boolean,
    }
)
"""The columns a target frame needs (in any order; others are ignored)."""

# How a target compares an actual value.
FLOOR, EXCEED, CAP, ABOUT_HIGH, ABOUT_LOW, ABOUT_BAND, CAP_ABOUT = range(7)
RANGE, TIERS_CODE, BENCHMARK, QUALITATIVE, IN_STEP = range(7, 12)
UNDER, RANGE_LOW, RANGE_BAND, TIERS_LOW, BENCHMARK_LOW, IN_STEP_LOW = range(12, 18)
_COMPARISONS = 18
RELATIVE_CODES = (BENCHMARK, IN_STEP, BENCHMARK_LOW, IN_STEP_LOW)

# Per-row outcomes; MET_MIDDLE is "met" at the middle (目标) tier of a tiered target.
EXCEEDED, MET, MISSED, NO_BENCHMARK, MET_MIDDLE, NO_ACTUAL = range(6)
_OUTCOME_COUNT = 6

# Every qualifier × direction pair, defined once: the comparison for (higher, lower, neutral).
# A neutral target reads like a higher-is-better one, except where the wording states a band
# (左右, a range): then inside the band is met and outside it missed, in either direction.
_BY_QUALIFIER: dict[str, tuple[int, int, int]] = {
    "at_least": (FLOOR, CAP, FLOOR),
    "strive": (FLOOR, CAP, FLOOR),
    "plain": (FLOOR, CAP, FLOOR),
    "reach": (FLOOR, CAP, FLOOR),
    "exceed": (EXCEED, UNDER, EXCEED),
    "about": (ABOUT_HIGH, ABOUT_LOW, ABOUT_BAND),
    "cap_about": (CAP_ABOUT, CAP_ABOUT, CAP_ABOUT),
    "at_most": (CAP, CAP, CAP),
    "range": (RANGE, RANGE_LOW, RANGE_BAND),
    "tiers": (TIERS_CODE, TIERS_LOW, TIERS_CODE),
    "above_benchmark": (BENCHMARK, BENCHMARK_LOW, BENCHMARK),
    "in_step": (IN_STEP, IN_STEP_LOW, IN_STEP),
    "qualitative": (QUALITATIVE, QUALITATIVE, QUALITATIVE),
}
SEMANTICS: dict[tuple[str, str], int] = {
    (qualifier, direction): codes[i]
    for qualifier, codes in _BY_QUALIFIER.items()
    for i, direction in enumerate(DIRECTIONS)
}
"""The comparison code of every (qualifier, direction) pair."""

_REASONS: dict[tuple[int, int], str] = {
    (FLOOR, EXCEEDED): "above the floor (以上/不低于/达到)",
    (FLOOR, MET): "exactly at the floor",
    (FLOOR, MISSED): "below the floor",
    (EXCEED, EXCEEDED): "passed the figure (突破/超过)",
    (EXCEED, MISSED): "did not pass the figure (突破/超过 needs more than it)",
    (UNDER, EXCEEDED): "below the figure (lower is better)",
    (UNDER, MISSED): "did not get below the figure (lower is better)",
    (CAP, EXCEEDED): "below the cap (以内/不超过)",
    (CAP, MET): "exactly at the cap",
    (CAP, MISSED): "above the cap",
    (ABOUT_HIGH, EXCEEDED): "above the 左右 band: higher than projected",
    (ABOUT_HIGH, MET): "within the 左右 band: as projected",
    (ABOUT_HIGH, MISSED): "below the 左右 band",
    (ABOUT_LOW, EXCEEDED): "below the 左右 band: lower (better) than projected",
    (ABOUT_LOW, MET): "within the 左右 band: as projected",
    (ABOUT_LOW, MISSED): "above the 左右 band",
    (ABOUT_BAND, MET): "within the 左右 band",
    (ABOUT_BAND, MISSED): "outside the 左右 band",
    (CAP_ABOUT, EXCEEDED): "well below the 控制在…左右 cap",
    (CAP_ABOUT, MET): "at or under the 控制在…左右 cap (within tolerance)",
    (CAP_ABOUT, MISSED): "above the 控制在…左右 cap plus tolerance",
    (RANGE, EXCEEDED): "above the upper bound of the range",
    (RANGE, MET): "within the range",
    (RANGE, MISSED): "below the lower bound of the range",
    (RANGE_LOW, EXCEEDED): "below the lower bound of the range (lower is better)",
    (RANGE_LOW, MET): "within the range",
    (RANGE_LOW, MISSED): "above the upper bound of the range (lower is better)",
    (RANGE_BAND, MET): "within the range",
    (RANGE_BAND, MISSED): "outside the range",
    (TIERS_CODE, EXCEEDED): "reached the stretch tier (力争)",
    (TIERS_CODE, MET): "reached the floor tier (不低于)",
    (TIERS_CODE, MET_MIDDLE): "reached the target tier (目标)",
    (TIERS_CODE, MISSED): "below the floor tier (不低于)",
    (TIERS_LOW, EXCEEDED): "reached the stretch tier (力争; lower is better)",
    (TIERS_LOW, MET): "reached the floor tier (lower is better)",
    (TIERS_LOW, MET_MIDDLE): "reached the target tier (目标; lower is better)",
    (TIERS_LOW, MISSED): "above the floor tier (lower is better)",
    (BENCHMARK, MET): "higher than the benchmark (by at least its margin, if any)",
    (BENCHMARK, MISSED): "not higher than the benchmark (plus its margin, if any)",
    (BENCHMARK_LOW, MET): "lower (better) than the benchmark (by at least its margin, if any)",
    (BENCHMARK_LOW, MISSED): "not lower than the benchmark (minus its margin, if any)",
    (IN_STEP, MET): "at least as fast as the benchmark (同步)",
    (IN_STEP, MISSED): "slower than the benchmark",
    (IN_STEP_LOW, MET): "no higher than the benchmark (同步; lower is better)",
    (IN_STEP_LOW, MISSED): "higher than the benchmark (lower is better)",
    (QUALITATIVE, MET): "reported as met",
    (QUALITATIVE, MISSED): "reported as not met",
}
_NO_ACTUAL = "no actual value given"
_NO_BENCHMARK = "relative target: needs a benchmark (e.g. the provincial average)"

STATUS_DTYPE = pl.Enum(STATUSES)
TIER_DTYPE = pl.Enum(TIERS)
QUALIFIER_DTYPE = pl.Enum(QUALIFIERS)


def comparison(qualifier: str, direction: str) -> int:
    """How a target with this qualifier and direction compares an actual value.

    >>> comparison("about", "lower") == ABOUT_LOW
    True
    >>> comparison("range", "lower") == RANGE_LOW
    True
    """
    if qualifier not in _BY_QUALIFIER:
        raise InvalidTargetsError(
            f"unknown qualifier {brief(qualifier)}; valid: {', '.join(QUALIFIERS)}"
        )
    if direction not in DIRECTIONS:
        raise InvalidTargetsError(
            f"unknown direction {brief(direction)}; valid: {', '.join(DIRECTIONS)}"
        )
    return SEMANTICS[(qualifier, direction)]


class Limits(NamedTuple):
    """Thresholds on an actual value ``a``, checked in this order.

    missed when ``a < low`` or ``a > high`` (or, for a relative target, behind its
    benchmark); otherwise exceeded when ``a > above`` or ``a < below``; otherwise met, at the
    middle tier when ``a > middle`` or ``a < under_middle``. ``band`` is the absolute
    tolerance of a 左右 target.
    """

    low: float
    high: float
    above: float
    below: float
    middle: float
    band: float | None
    under_middle: float = -math.inf


_INF = math.inf


def _exact(value: float) -> Decimal:
    """The decimal a float was written as (its shortest round-trip representation)."""
    return Decimal(repr(float(value)))


def limits(
    code: int,
    value: float | None,
    *,
    upper: float | None = None,
    middle: float | None = None,
    stretch: float | None = None,
    tolerance: Decimal = Decimal("0.05"),
) -> Limits:
    """The thresholds of one target (see :class:`Limits`).

    The 左右 band edges are exact decimals (``1 - 0.18`` is 0.82, not 0.8200000000000001),
    rounded once to the nearest float: an actual typed as the edge is on it, so inside.

    >>> limits(ABOUT_HIGH, 1.0, tolerance=Decimal("0.18")).low
    0.82
    """
    if code in RELATIVE_CODES:
        return Limits(-_INF, _INF, _INF, -_INF, _INF, None)
    if code == QUALITATIVE:
        return Limits(1.0, _INF, _INF, -_INF, _INF, None)
    if value is None:
        raise InvalidTargetsError("a target compared with a figure needs a value")
    band: float | None = None
    low, high, above, below, mid = -_INF, _INF, _INF, -_INF, _INF
    if code in (ABOUT_HIGH, ABOUT_LOW, ABOUT_BAND, CAP_ABOUT):
        exact = _exact(value)
        width = abs(exact) * tolerance
        band, low_edge, high_edge = float(width), float(exact - width), float(exact + width)
        if code == ABOUT_HIGH:
            low, above = low_edge, high_edge
        elif code == ABOUT_BAND:
            low, high = low_edge, high_edge
        else:  # ABOUT_LOW, CAP_ABOUT: lower is better
            high, below = high_edge, low_edge
    elif code == FLOOR:
        low = above = value
    elif code == EXCEED:
        low, above = math.nextafter(value, _INF), value
    elif code == UNDER:
        high, below = math.nextafter(value, -_INF), value
    elif code == CAP:
        high = below = value
    elif code == RANGE:
        low, above = value, upper if upper is not None else _INF
    elif code == RANGE_LOW:  # lower is better: above the range missed, below it exceeded
        high, below = (upper if upper is not None else value), value
    elif code == RANGE_BAND:
        low, high = value, upper if upper is not None else value
    elif code == TIERS_CODE:
        low = value
        above = math.nextafter(stretch, -_INF) if stretch is not None else _INF
        mid = math.nextafter(middle, -_INF) if middle is not None else _INF
    elif code == TIERS_LOW:
        high = value
        below = math.nextafter(stretch, _INF) if stretch is not None else -_INF
        under = math.nextafter(middle, _INF) if middle is not None else -_INF
        return Limits(low, high, above, below, mid, band, under)
    return Limits(low, high, above, below, mid, band)


@dataclass(frozen=True)
class Compiled:
    """Targets ready to assess: ids, per-target columns, and thresholds (all private copies).

    ``columns`` holds, per target, the result's descriptive columns and the thresholds
    (``_low`` … ``_middle``), ``_code`` (:func:`comparison`) and ``_relative``.
    """

    ids: pl.Series
    columns: pl.DataFrame
    qualitative: tuple[int, ...]
    relative: tuple[int, ...]


_FIGURES = ("value", "value_upper", "value_target", "value_stretch")


def _check_finite(frame: pl.DataFrame) -> None:
    """Refuse a NaN or infinite figure, naming the target and its row."""
    bad = pl.any_horizontal(~pl.col(name).is_finite().fill_null(value=True) for name in _FIGURES)
    rows = frame.with_row_index("_row").filter(bad)
    if rows.height:
        row = rows.row(0, named=True)
        column = next(name for name in _FIGURES if not math.isfinite(row[name] or 0.0))
        raise InvalidTargetsError(
            f"target {brief(row['id'])} (row {row['_row']}) has {column} {row[column]}; "
            "target figures must be finite numbers (empty where the qualifier has none)"
        )


def compile_targets(targets: pl.DataFrame, tolerance: Decimal) -> Compiled:
    """Thresholds and descriptive columns for every row of a target frame."""
    missing = [name for name in TARGET_COLUMNS if name not in targets.columns]
    if missing:
        raise InvalidTargetsError(
            f"target frame lacks column(s) {missing}; needs {list(TARGET_COLUMNS)}"
        )
    frame = targets.select(pl.col(name).cast(dtype) for name, dtype in TARGET_COLUMNS.items())
    _check_finite(frame)
    codes: list[int] = []
    rows: list[Limits] = []
    for row in frame.iter_rows(named=True):
        code = comparison(row["qualifier"], row["direction"])
        codes.append(code)
        rows.append(
            limits(
                code,
                row["value"],
                upper=row["value_upper"],
                middle=row["value_target"],
                stretch=row["value_stretch"],
                tolerance=tolerance,
            )
        )
    thresholds = pl.DataFrame(
        rows,
        schema={
            "_low": pl.Float64,
            "_high": pl.Float64,
            "_above": pl.Float64,
            "_below": pl.Float64,
            "_middle": pl.Float64,
            "tolerance": pl.Float64,
            "_under_middle": pl.Float64,
        },
        orient="row",
    )
    code_series = pl.Series("_code", codes, dtype=pl.UInt8)
    columns = pl.concat(
        [
            frame.select(
                pl.col("name_en").cast(pl.Categorical),
                pl.col("qualifier").cast(QUALIFIER_DTYPE),
                pl.col("unit").cast(pl.Categorical),
                pl.col("value").alias("target"),
                pl.col("value_upper").alias("target_upper"),
                pl.col("value_target").alias("target_middle"),
                pl.col("value_stretch").alias("target_stretch"),
                "binding",
            ),
            thresholds,
            code_series.to_frame(),
        ],
        how="horizontal",
    )
    return Compiled(
        ids=frame["id"].clone(),
        columns=columns,
        qualitative=tuple(i for i, code in enumerate(codes) if code == QUALITATIVE),
        relative=tuple(i for i, code in enumerate(codes) if code in RELATIVE_CODES),
    )


def outcome_expr(benchmarks: bool) -> pl.Expr:
    """Per row, the outcome code from ``actual`` (and ``benchmark``) and the thresholds."""
    actual = pl.col("actual")
    missed = (actual < pl.col("_low")) | (actual > pl.col("_high"))
    code = pl.col("_code")
    unassessable = code.is_in(RELATIVE_CODES)
    if benchmarks:
        benchmark = pl.col("benchmark")
        margin = pl.col("target")  # 高于全国平均水平1个百分点以上: the benchmark plus 1
        behind = (
            pl.when((code == BENCHMARK) & margin.is_not_null())
            .then(actual < benchmark + margin)
            .when(code == BENCHMARK)
            .then(actual <= benchmark)
            .when(code == IN_STEP)
            .then(actual < benchmark)
            .when((code == BENCHMARK_LOW) & margin.is_not_null())
            .then(actual > benchmark - margin)
            .when(code == BENCHMARK_LOW)
            .then(actual >= benchmark)
            .when(code == IN_STEP_LOW)
            .then(actual > benchmark)
            .otherwise(pl.lit(value=False))
        )
        missed = missed | behind.fill_null(value=False)
        unassessable = unassessable & benchmark.is_null()
    exceeded = (actual > pl.col("_above")) | (actual < pl.col("_below"))
    return (
        pl.when(actual.is_null())
        .then(NO_ACTUAL)
        .when(unassessable)
        .then(NO_BENCHMARK)
        .when(missed)
        .then(MISSED)
        .when(exceeded)
        .then(EXCEEDED)
        .when((actual > pl.col("_middle")) | (actual < pl.col("_under_middle")))
        .then(MET_MIDDLE)
        .otherwise(MET)
        .cast(pl.UInt8)
    )


@cache
def outcomes() -> pl.DataFrame:
    """Row ``comparison * 6 + outcome`` describes that outcome of that kind of comparison.

    Columns attained, status, tier_reached and reason; built on first use, not at import.
    """
    status = {EXCEEDED: "exceeded", MET: "met", MISSED: "missed", MET_MIDDLE: "met"}
    tiers = {EXCEEDED: "stretch", MET: "floor", MET_MIDDLE: "target"}
    rows: list[tuple[bool | None, str, str | None, str]] = []
    for code in range(_COMPARISONS):
        for outcome in range(_OUTCOME_COUNT):
            if outcome == NO_ACTUAL:
                rows.append((None, "not_assessable", None, _NO_ACTUAL))
            elif outcome == NO_BENCHMARK:
                rows.append((None, "not_assessable", None, _NO_BENCHMARK))
            else:
                reason = _REASONS.get((code, outcome), "")
                tier = tiers.get(outcome) if code in (TIERS_CODE, TIERS_LOW) else None
                rows.append((outcome != MISSED, status[outcome], tier, reason))
    return pl.DataFrame(
        rows,
        schema={
            "attained": pl.Boolean,
            "status": STATUS_DTYPE,
            "tier_reached": TIER_DTYPE,
            "reason": pl.Categorical,
        },
        orient="row",
    )


def __dir__() -> list[str]:
    return list(__all__)

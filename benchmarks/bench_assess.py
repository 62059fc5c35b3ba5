"""Time assess() on 1,000,000 scenario rows against a minimal join-and-compare baseline.

Both run in the same process on the same data, alternating, and the script prints the
ratio of medians (machines here are noisy: absolute times are not comparable across runs).
Run: ``uv run python benchmarks/bench_assess.py [--rows N] [--repeat K]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

import polars as pl

from jinan_gov.attainment import assess
from jinan_gov.plan import targets_2023


def scenario_frame(rows: int, seed: int = 0) -> tuple[pl.DataFrame, list[str]]:
    """`rows` actuals spread over the numeric main targets, one per target per scenario."""
    numeric = targets_2023().filter(pl.col("value").is_not_null())
    ids = numeric["id"].to_list()
    scenarios = rows // len(ids)
    generator = random.Random(seed)
    frame = pl.DataFrame(
        {
            "scenario": pl.int_range(scenarios, eager=True).repeat_by(len(ids)).explode(),
            "id": ids * scenarios,
            "actual": [generator.gauss(5.0, 2.0) for _ in range(scenarios * len(ids))],
        }
    ).with_columns(pl.col("scenario").cast(pl.String))
    return frame, ids


def baseline(actuals: pl.DataFrame, targets: pl.DataFrame) -> pl.DataFrame:
    """The minimal hand-written version: join the target figure and compare."""
    return actuals.join(targets, on="id", how="left").with_columns(
        attained=pl.col("actual") >= pl.col("value")
    )


def checked_baseline(actuals: pl.DataFrame, targets: pl.DataFrame) -> pl.DataFrame:
    """A straightforward full version: the same input checks, then join and compare.

    Checks unknown ids, NaN/inf and duplicates like assess() does, joins every descriptive
    column and derives a status string, for the at-least reading only.
    """
    known = targets["id"].implode()
    bad = actuals.select(
        (~pl.col("id").is_in(known)).any(),
        (pl.col("actual").is_nan() | pl.col("actual").is_infinite()).any(),
        pl.struct("scenario", "id").is_duplicated().any(),
    )
    if any(bad.row(0)):
        raise ValueError("bad input")
    joined = actuals.join(targets, on="id", how="left")
    return joined.with_columns(
        status=pl.when(pl.col("actual") > pl.col("value"))
        .then(pl.lit("exceeded"))
        .when(pl.col("actual") == pl.col("value"))
        .then(pl.lit("met"))
        .otherwise(pl.lit("missed")),
        gap=pl.col("actual") - pl.col("value"),
    )


def median_seconds(function: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    actuals, ids = scenario_frame(args.rows)
    targets = targets_2023().select("id", "value")
    full_targets = targets_2023().select(
        "id", "value", "value_upper", "name_en", "qualifier", "unit", "binding"
    )
    assess(actuals.head(100))  # warm the caches: tables loaded, validated once
    ours: list[float] = []
    base: list[float] = []
    checked: list[float] = []
    for _ in range(args.repeat):  # alternate so drifting machine load hits all alike
        ours += median_seconds(lambda: assess(actuals), 1)
        base += median_seconds(lambda: baseline(actuals, targets), 1)
        checked += median_seconds(lambda: checked_baseline(actuals, full_targets), 1)
    mine, minimal, full = (statistics.median(x) for x in (ours, base, checked))
    print(f"rows: {actuals.height:,} over {len(ids)} numeric main targets")
    print(f"minimal join-and-compare baseline: median {minimal * 1000:.1f} ms")
    print(f"checked join-and-compare baseline: median {full * 1000:.1f} ms")
    print(f"assess():                          median {mine * 1000:.1f} ms")
    print(f"ratio assess/minimal baseline: {mine / minimal:.2f}x (issue target <= 1.5x)")
    print(f"ratio assess/checked baseline: {mine / full:.2f}x")


if __name__ == "__main__":
    main()

"""A margin over a benchmark (高于全国平均水平1个百分点以上): actual >= benchmark + margin."""

from __future__ import annotations

import polars as pl

from jinan_gov.attainment._semantics import BENCHMARK, MET, MISSED, outcome_expr


def _outcome(actual: float, benchmark: float, margin: float | None) -> int:
    frame = pl.DataFrame(
        {
            "actual": [actual],
            "benchmark": [benchmark],
            "target": [margin],
            "_code": [BENCHMARK],
            "_low": [float("-inf")],
            "_high": [float("inf")],
            "_above": [float("inf")],
            "_below": [float("-inf")],
            "_middle": [float("inf")],
        },
        schema_overrides={"target": pl.Float64, "_code": pl.UInt8},
    )
    return int(frame.select(outcome_expr(benchmarks=True)).item())


def test_a_margin_needs_the_benchmark_plus_the_margin() -> None:
    assert _outcome(6.0, 5.0, 1.0) == MET
    assert _outcome(6.5, 5.0, 1.0) == MET
    assert _outcome(5.5, 5.0, 1.0) == MISSED


def test_without_a_margin_any_lead_is_enough() -> None:
    assert _outcome(5.1, 5.0, None) == MET
    assert _outcome(5.0, 5.0, None) == MISSED

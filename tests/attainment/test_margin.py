"""A margin over a benchmark (高于全国平均水平1个百分点以上): actual >= benchmark + margin."""

from __future__ import annotations

import polars as pl
import pytest

import jinan_gov as jg

OPENING = "今年主要预期目标是：地区生产总值增长5%左右，"
MARGIN = OPENING + "农村居民人均可支配收入增速高于全国平均水平1个百分点以上。"
NO_MARGIN = OPENING + "农村居民人均可支配收入增速高于全国平均水平。"


def _status(text: str, actual: float, benchmark: float) -> str:
    targets = jg.extract_targets(text)
    actuals = pl.DataFrame({"id": ["t02"], "actual": [actual]})
    benchmarks = pl.DataFrame({"id": ["t02"], "benchmark": [benchmark]})
    return str(jg.assess(actuals, targets=targets, benchmarks=benchmarks)["status"].item())


def test_the_margin_is_read_as_the_value() -> None:
    row = jg.extract_targets(MARGIN).row(1, named=True)
    assert (row["qualifier"], row["value"], row["unit"], row["benchmark"]) == (
        "above_benchmark",
        1.0,
        "个百分点",
        "全国",
    )


@pytest.mark.parametrize(
    ("actual", "expected"), [(6.0, "met"), (6.5, "met"), (5.99, "missed"), (5.5, "missed")]
)
def test_a_margin_needs_the_benchmark_plus_the_margin(actual: float, expected: str) -> None:
    assert _status(MARGIN, actual, 5.0) == expected


@pytest.mark.parametrize(("actual", "expected"), [(5.1, "met"), (5.0, "missed")])
def test_without_a_margin_any_lead_is_enough(actual: float, expected: str) -> None:
    assert _status(NO_MARGIN, actual, 5.0) == expected

"""What-if inputs of the main targets (jinan_gov.attainment.what_if_targets)."""

from __future__ import annotations

import polars as pl

from jinan_gov.attainment import assess, what_if_targets
from jinan_gov.plan import targets_2023


def test_one_row_per_main_target_in_plan_order() -> None:
    spec = what_if_targets()
    assert spec["id"].to_list() == targets_2023()["id"].to_list()
    assert spec.schema["default"] == spec.schema["step"] == pl.Float64
    assert (
        spec.null_count()
        .select("id", "input", "default", "min", "max", "step")
        .sum_horizontal()
        .item()
        == 0
    )


def test_inputs_follow_the_qualifier() -> None:
    spec = what_if_targets().join(targets_2023().select("id", "qualifier"), on="id")
    kinds = dict(spec.group_by("input").agg(pl.col("qualifier").unique().sort()).iter_rows())
    assert kinds["qualitative"] == ["qualitative"]
    assert kinds["relative"] == ["above_benchmark"]
    assert "above_benchmark" not in kinds["slider"]
    assert "qualitative" not in kinds["slider"]


def test_sliders_start_on_target_inside_their_range() -> None:
    sliders = what_if_targets().filter(input="slider")
    for row in sliders.iter_rows(named=True):
        assert row["min"] < row["default"] < row["max"], row["id"]
    values = dict(sliders.select("id", "default").iter_rows())
    assessed = assess(values)
    assert set(assessed["status"]) == {"met"}


def test_relative_targets_start_at_the_2022_outcome() -> None:
    row = what_if_targets().filter(id="foreign_trade_growth_2023").row(0, named=True)
    assert row["input"] == "relative"
    assert row["min"] == row["default"] - 20
    assert row["max"] == row["default"] + 20

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jinan_gov.attainment import (
    DEFAULT_TOLERANCE,
    assess,
    assessable_targets,
    attainment_summary,
    read_actuals,
)
from jinan_gov.errors import InvalidActualsError, UnknownIdError
from jinan_gov.plan import indicators
from jinan_gov.schemas import AssessmentSchema

TARGETS = {row["id"]: row for row in indicators().filter(kind="target").to_dicts()}
NUMERIC = sorted(i for i, r in TARGETS.items() if r["value"] is not None)
STATUS_RANK = {"missed": 0, "met": 1, "exceeded": 2}


def reference(row: dict[str, object], actual: float, benchmark: float | None, tol: float) -> str:
    """A plain scalar reading of the README's semantics table, written independently."""
    q, direction = row["qualifier"], row["direction"]
    t = row["value"]
    if q == "qualitative":
        return "met" if actual == 1 else "missed"
    if q == "above_benchmark":
        if benchmark is None:
            return "not_assessable"
        return "met" if actual > benchmark else "missed"
    assert isinstance(t, float)
    # The band's edges as a person computes them, in decimal, then typed in as floats.
    exact, width = Decimal(repr(t)), abs(Decimal(repr(t))) * Decimal(repr(tol))
    low, high = float(exact - width), float(exact + width)
    lower_better = direction == "lower"
    if q == "exceed":
        return "exceeded" if actual > t else "missed"
    if q == "at_most" or (q in ("plain", "reach") and lower_better):
        return "exceeded" if actual < t else "met" if actual == t else "missed"
    if q in ("at_least", "strive", "plain", "reach"):
        return "exceeded" if actual > t else "met" if actual == t else "missed"
    if q == "cap_about":
        return "missed" if actual > high else "exceeded" if actual < low else "met"
    if q == "about":
        if direction == "higher":
            return "missed" if actual < low else "exceeded" if actual > high else "met"
        if direction == "lower":
            return "missed" if actual > high else "exceeded" if actual < low else "met"
        return "met" if low <= actual <= high else "missed"
    if q == "range":
        upper = row["value_upper"]
        assert isinstance(upper, float)
        return "missed" if actual < t else "exceeded" if actual > upper else "met"
    if q == "tiers":
        stretch = row["value_stretch"]
        assert isinstance(stretch, float)
        return "missed" if actual < t else "exceeded" if actual >= stretch else "met"
    raise AssertionError(q)


def test_readme_worked_examples() -> None:
    result = assess(
        {"gdp_growth_2023": 6.1, "services_value_added_growth_2023": 5.8, "cpi_growth_2023": 3.4}
    )
    AssessmentSchema.validate(result)
    rows = {r["id"]: r for r in result.to_dicts()}
    assert rows["gdp_growth_2023"]["status"] == "exceeded"
    assert rows["gdp_growth_2023"]["attained"] is True
    assert rows["gdp_growth_2023"]["gap"] == pytest.approx(0.6)
    assert rows["services_value_added_growth_2023"]["status"] == "met"  # 5.8 within 6%左右
    assert rows["cpi_growth_2023"]["status"] == "missed"  # 3.4 > 3 + 0.15


def test_about_target_exceeded_is_attained_short_by_more_than_tolerance_is_not() -> None:
    result = assess({"fixed_asset_investment_growth_2023": 8.0, "retail_sales_growth_2023": 5.0})
    assert result.select("status", "attained").rows() == [("exceeded", True), ("missed", False)]


def test_tolerance_is_overridable() -> None:
    strict = assess({"retail_sales_growth_2023": 5.3}, tolerance=0.0)
    loose = assess({"retail_sales_growth_2023": 5.3}, tolerance=0.1)
    assert strict["status"].item() == "missed"
    assert loose["status"].item() == "met"
    assert loose["tolerance"].item() == pytest.approx(0.55)


def test_exceed_needs_more_than_the_figure() -> None:
    exceed_id = next(i for i in NUMERIC if TARGETS[i]["qualifier"] == "exceed")
    value = TARGETS[exceed_id]["value"]
    assert isinstance(value, float)
    assert assess({exceed_id: value})["status"].item() == "missed"
    assert assess({exceed_id: value + 1})["status"].item() == "exceeded"


def test_relative_target_needs_a_benchmark() -> None:
    assert assess({"foreign_trade_growth_2023": 9.0})["attained"].item() is None
    met = assess({"foreign_trade_growth_2023": 9.0}, benchmarks={"foreign_trade_growth_2023": 8.0})
    assert met.select("status", "gap", "benchmark").row(0) == ("met", 1.0, 8.0)
    equal = assess(
        {"foreign_trade_growth_2023": 8.0}, benchmarks={"foreign_trade_growth_2023": 8.0}
    )
    assert equal["status"].item() == "missed"


def test_qualitative_binding_target_takes_a_boolean() -> None:
    result = assess({"energy_emission_targets_2023": False})
    assert result.select("status", "attained", "binding").row(0) == ("missed", False, True)


def test_tiers_report_the_highest_tier_reached() -> None:
    tiered = [i for i in NUMERIC if TARGETS[i]["qualifier"] == "tiers"]
    for target_id in tiered:
        row = TARGETS[target_id]
        floor, middle, stretch = row["value"], row["value_target"], row["value_stretch"]
        assert isinstance(floor, float)
        assert isinstance(stretch, float)
        actuals = pl.DataFrame(
            {
                "id": [target_id] * 4,
                "actual": [floor - 1, floor, middle if middle is not None else floor, stretch],
                "scenario": ["below", "floor", "middle", "stretch"],
            }
        )
        tiers = assess(actuals)["tier_reached"].to_list()
        assert tiers[0] is None
        assert tiers[1] == "floor"
        assert tiers[3] == "stretch"


def test_range_is_attained_from_its_lower_bound() -> None:
    range_id = next(i for i in NUMERIC if TARGETS[i]["qualifier"] == "range")
    lower, upper = TARGETS[range_id]["value"], TARGETS[range_id]["value_upper"]
    assert isinstance(lower, float)
    assert isinstance(upper, float)
    frame = pl.DataFrame(
        {"id": [range_id] * 3, "actual": [lower, upper + 1, lower - 0.5], "scenario": list("abc")}
    )
    assert assess(frame)["status"].to_list() == ["met", "exceeded", "missed"]


def test_scenarios_and_lazy_frames() -> None:
    frame = pl.DataFrame(
        {
            "scenario": ["low", "low", "high", "high"],
            "id": ["gdp_growth_2023", "new_urban_jobs_2023"] * 2,
            "actual": [4.0, 14.0, 7.0, 18.0],
        }
    )
    eager = assess(frame)
    lazy = assess(frame.lazy())
    assert isinstance(lazy, pl.LazyFrame)
    assert lazy.collect().equals(eager)
    summary = attainment_summary(eager)
    assert summary.select("scenario", "missed", "all_binding_attained").rows() == [
        ("low", 2, False),  # a binding target missed: definitely not all attained
        ("high", 0, None),  # the qualitative binding target was not reported
    ]


def test_summary_by_section_and_bad_grouping() -> None:
    result = assess({"gdp_growth_2023": 6.0, "cpi_growth_2023": 2.5})
    assert attainment_summary(result, by=("scenario", "qualifier")).height == 2
    with pytest.raises(ValueError, match="cannot group by"):
        attainment_summary(result, by=("nope",))
    with pytest.raises(ValueError, match="not an assessment"):
        attainment_summary(pl.DataFrame({"scenario": ["a"]}))


def test_summary_binding_null_when_binding_target_missing() -> None:
    summary = attainment_summary(assess({"gdp_growth_2023": 6.0}))
    assert summary["all_binding_attained"].item() is None


@settings(max_examples=60)
@given(
    st.sampled_from(NUMERIC),
    st.floats(min_value=-50, max_value=1e5, allow_nan=False),
    st.floats(min_value=0, max_value=50, allow_nan=False),
)
def test_raising_the_actual_never_lowers_the_status(
    target_id: str, low: float, step: float
) -> None:
    if TARGETS[target_id]["direction"] != "higher":
        return
    frame = pl.DataFrame(
        {"id": [target_id] * 2, "actual": [low, low + step], "scenario": ["a", "b"]}
    )
    first, second = assess(frame)["status"].to_list()
    assert STATUS_RANK[second] >= STATUS_RANK[first]


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(TARGETS)), st.floats(-100, 1e5, allow_nan=False)),
        min_size=1,
        max_size=20,
        unique_by=lambda pair: pair[0],
    ),
    st.floats(min_value=0, max_value=0.5),
    st.floats(-20, 20, allow_nan=False),
)
def test_vectorised_equals_scalar_reference(
    pairs: list[tuple[str, float]], tol: float, bench: float
) -> None:
    actuals = {
        i: (1.0 if a > 0 else 0.0) if TARGETS[i]["qualifier"] == "qualitative" else a
        for i, a in pairs
    }
    relative = {i: bench for i in actuals if TARGETS[i]["qualifier"] == "above_benchmark"}
    result = assess(actuals, benchmarks=relative or None, tolerance=tol)
    for row in result.iter_rows(named=True):
        expected = reference(TARGETS[row["id"]], actuals[row["id"]], relative.get(row["id"]), tol)
        assert row["status"] == expected, row


@settings(max_examples=40)
@given(
    st.dictionaries(
        st.sampled_from(NUMERIC), st.floats(-100, 1e5, allow_nan=False), min_size=1, max_size=15
    )
)
def test_mapping_and_frame_inputs_agree(actuals: dict[str, float]) -> None:
    frame = pl.DataFrame({"id": list(actuals), "actual": list(actuals.values())})
    assert assess(actuals).equals(assess(frame))


# --- bad input -------------------------------------------------------------------------


def test_unknown_id_lists_close_matches() -> None:
    with pytest.raises(UnknownIdError, match="did you mean 'gdp_growth_2023'"):
        assess({"gdp_grwth_2023": 5.0})


def test_outcome_id_is_explained() -> None:
    with pytest.raises(InvalidActualsError, match="outcome, not a target"):
        assess({"gdp_growth_2022": 5.0})


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_infinite_actuals_name_the_id(bad: float) -> None:
    with pytest.raises(InvalidActualsError, match="gdp_growth_2023"):
        assess({"gdp_growth_2023": bad})


def test_nan_in_a_lazy_frame_raises_on_collect() -> None:
    lazy = assess(pl.LazyFrame({"id": ["gdp_growth_2023"], "actual": [math.nan]}))
    with pytest.raises(Exception, match="NaN or infinite"):
        lazy.collect()


def test_duplicate_ids_within_a_scenario() -> None:
    frame = pl.DataFrame({"id": ["gdp_growth_2023"] * 2, "actual": [5.0, 6.0]})
    with pytest.raises(InvalidActualsError, match="duplicate actual for id 'gdp_growth_2023'"):
        assess(frame)
    fine = frame.with_columns(scenario=pl.Series(["a", "b"]))
    assert assess(fine).height == 2


@pytest.mark.parametrize("bad", ["6.1", [6.1], object()])
def test_non_numeric_values_in_a_mapping(bad: object) -> None:
    with pytest.raises(InvalidActualsError, match="must be a number"):
        assess({"gdp_growth_2023": bad})  # type: ignore[dict-item]


def test_non_numeric_column() -> None:
    with pytest.raises(InvalidActualsError, match="must be numeric"):
        assess(pl.DataFrame({"id": ["gdp_growth_2023"], "actual": ["6.1"]}))


def test_missing_and_unexpected_columns() -> None:
    with pytest.raises(InvalidActualsError, match="missing column"):
        assess(pl.DataFrame({"id": ["gdp_growth_2023"]}))
    with pytest.raises(InvalidActualsError, match="unexpected column"):
        assess(pl.DataFrame({"id": ["gdp_growth_2023"], "actual": [1.0], "extra": [1]}))


def test_benchmark_for_a_target_that_has_none() -> None:
    with pytest.raises(InvalidActualsError, match="not relative"):
        assess({"gdp_growth_2023": 6.0}, benchmarks={"gdp_growth_2023": 5.0})


def test_qualitative_target_rejects_other_numbers() -> None:
    with pytest.raises(InvalidActualsError, match="True/False"):
        assess({"energy_emission_targets_2023": 0.5})


def test_wrong_container_type() -> None:
    with pytest.raises(TypeError, match="mapping"):
        assess([("gdp_growth_2023", 6.0)])  # type: ignore[call-overload]


@pytest.mark.parametrize("tolerance", [-0.1, 1.0, math.nan])
def test_bad_tolerance(tolerance: float) -> None:
    with pytest.raises(ValueError, match="tolerance"):
        assess({"gdp_growth_2023": 6.0}, tolerance=tolerance)


def test_empty_input_gives_empty_typed_frame() -> None:
    empty = assess({})
    assert empty.height == 0
    assert empty.columns == list(AssessmentSchema.to_schema().columns)
    AssessmentSchema.validate(empty)


def test_missing_actual_is_not_assessable_not_dropped() -> None:
    frame = pl.DataFrame(
        {"id": ["gdp_growth_2023"], "actual": [None]}, schema_overrides={"actual": pl.Float64}
    )
    with pytest.raises(InvalidActualsError, match="no actual for 'gdp_growth_2023'"):
        assess(frame)
    result = assess(frame, missing="unknown")
    assert result.select("status", "reason").row(0) == ("not_assessable", "no actual value given")


def test_every_target_is_assessable() -> None:
    ids = assessable_targets()
    assert len(ids) == indicators().filter(kind="target").height
    assert DEFAULT_TOLERANCE == 0.05


# --- reading a CSV ---------------------------------------------------------------------


def test_read_actuals_csv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text("id,actual,scenario\ngdp_growth_2023,6.1,base\ncpi_growth_2023,2.0,base\n")
    frame = read_actuals(path)
    assert frame.columns == ["id", "actual", "scenario"]
    assert assess(frame)["attained"].to_list() == [True, True]


def test_read_actuals_without_scenario(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text("id,actual\ngdp_growth_2023,6.1\n")
    assert read_actuals(path)["scenario"].to_list() == [None]


def test_read_actuals_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidActualsError, match="no such actuals file"):
        read_actuals(tmp_path / "nope.csv")


# --- duplicate detection: the cheap proof never hides a real duplicate -----------------


def test_duplicate_in_a_scenario_split_across_runs_is_caught() -> None:
    frame = pl.DataFrame(
        {
            "scenario": ["a", "b", "a"],
            "id": ["gdp_growth_2023", "gdp_growth_2023", "gdp_growth_2023"],
            "actual": [5.0, 6.0, 7.0],
        }
    )
    with pytest.raises(InvalidActualsError, match="scenario 'a'"):
        assess(frame)


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(st.sampled_from(["s1", "s2", "s3", None]), st.sampled_from(NUMERIC[:6])),
        min_size=1,
        max_size=25,
    )
)
def test_duplicates_detected_whatever_the_row_order(pairs: list[tuple[str | None, str]]) -> None:
    frame = pl.DataFrame(
        {
            "scenario": [scenario for scenario, _ in pairs],
            "id": [target for _, target in pairs],
            "actual": [1.0] * len(pairs),
        },
        schema={"scenario": pl.String, "id": pl.String, "actual": pl.Float64},
    )
    if len(set(pairs)) < len(pairs):
        with pytest.raises(InvalidActualsError, match="duplicate actual"):
            assess(frame)
    else:
        assert assess(frame).height == len(pairs)


# --- 左右 band edges are inclusive, exactly --------------------------------------------

BANDED = sorted(i for i in NUMERIC if TARGETS[i]["qualifier"] in ("about", "cap_about"))


def band_edges(target_id: str, tolerance: Decimal) -> tuple[Decimal, Decimal]:
    """The band of a 左右 target in exact decimal arithmetic: what a person computes."""
    value = TARGETS[target_id]["value"]
    assert isinstance(value, float)
    target = Decimal(repr(value))
    return target - abs(target) * tolerance, target + abs(target) * tolerance


@pytest.mark.parametrize(
    ("target_id", "actual", "tolerance"),
    [
        ("urbanization_rate_change_2023", 0.82, 0.18),
        ("services_value_added_growth_2023", 4.56, 0.24),
        ("cpi_growth_2023", 3.72, 0.24),
    ],
)
def test_band_edges_found_by_hand_are_inside(
    target_id: str, actual: float, tolerance: float
) -> None:
    assert assess({target_id: actual}, tolerance=tolerance)["status"].item() == "met"


def test_float32_actual_on_the_edge_is_inside() -> None:
    frame = pl.DataFrame(
        {"id": ["services_value_added_growth_2023"], "actual": pl.Series([5.7], dtype=pl.Float32)}
    )
    result = assess(frame)
    assert result.select("status", "actual").row(0) == ("met", 5.7)


@settings(max_examples=150)
@given(
    st.sampled_from(BANDED),
    st.one_of(
        st.decimals(min_value=0, max_value="0.99", places=2),
        st.decimals(min_value=0, max_value="0.99", places=4),
    ),
    st.sampled_from([pl.Float64, pl.Float32]),
)
def test_both_band_edges_are_inclusive_at_every_tolerance(
    target_id: str, tolerance: Decimal, dtype: pl.DataType
) -> None:
    low, high = band_edges(target_id, tolerance)
    if dtype == pl.Float32 and any(
        len(edge.normalize().as_tuple().digits) > 6 for edge in (low, high)
    ):
        return  # a float32 holds 6 significant digits: the edge is not representable
    edges = [float(low), float(high)]
    outside = [math.nextafter(edges[0], -math.inf), math.nextafter(edges[1], math.inf)]
    frame = pl.DataFrame(
        {
            "scenario": ["low", "high", "below", "above"],
            "id": [target_id] * 4,
            "actual": pl.Series(edges + outside, dtype=pl.Float64),
        }
    )
    statuses = assess(frame, tolerance=float(tolerance))["status"].to_list()
    assert all(status != "met" for status in statuses[2:])
    on_edge = frame.head(2).with_columns(pl.col("actual").cast(dtype))
    assert assess(on_edge, tolerance=float(tolerance))["status"].to_list() == ["met", "met"]


def test_numpy_scalars_are_numbers() -> None:
    np = pytest.importorskip("numpy")
    result = assess(
        {
            "urbanization_rate_change_2023": np.float64(0.82),
            "services_value_added_growth_2023": np.float32(5.7),
            "new_urban_jobs_2023": np.int64(15),
            "energy_emission_targets_2023": np.bool_(True),
        },
        tolerance=np.float32(0.18),
    )
    assert result["status"].to_list() == ["met", "met", "met", "met"]
    assert result["actual"].to_list() == [0.82, 5.7, 15.0, 1.0]


# --- booleans only for the qualitative target ------------------------------------------


@pytest.mark.parametrize("flag", [True, False])
def test_boolean_actual_for_a_numeric_target_is_refused(flag: bool) -> None:
    with pytest.raises(InvalidActualsError, match=r"'gdp_growth_2023' is (True|False), a boolean"):
        assess({"gdp_growth_2023": flag})
    frame = pl.DataFrame(
        {"id": ["energy_emission_targets_2023", "gdp_growth_2023"], "actual": [flag, flag]}
    )
    with pytest.raises(InvalidActualsError, match=r"True/False given for \['gdp_growth_2023'\]"):
        assess(frame)


def test_boolean_column_for_the_qualitative_target_is_fine() -> None:
    frame = pl.DataFrame({"id": ["energy_emission_targets_2023"], "actual": [True]})
    assert assess(frame)["status"].item() == "met"


def test_boolean_benchmark_is_refused() -> None:
    with pytest.raises(InvalidActualsError, match="boolean"):
        assess({"foreign_trade_growth_2023": 5.0}, benchmarks={"foreign_trade_growth_2023": True})
    bench = pl.DataFrame({"id": ["foreign_trade_growth_2023"], "benchmark": [True]})
    with pytest.raises(InvalidActualsError, match="holds booleans"):
        assess({"foreign_trade_growth_2023": 5.0}, benchmarks=bench)


def test_numpy_bool_for_a_numeric_target_is_refused() -> None:
    np = pytest.importorskip("numpy")
    with pytest.raises(InvalidActualsError, match="a boolean"):
        assess({"gdp_growth_2023": np.bool_(True)})


# --- clear failures --------------------------------------------------------------------


def test_huge_integer_is_named() -> None:
    with pytest.raises(InvalidActualsError, match="too large for a float: an integer of about 401"):
        assess({"gdp_growth_2023": 10**400})


@pytest.mark.parametrize("bad", ["0.05", True, None, [0.05]])
def test_tolerance_must_be_a_number(bad: object) -> None:
    with pytest.raises(TypeError, match="tolerance must be a number"):
        assess({"gdp_growth_2023": 6.0}, tolerance=bad)  # type: ignore[call-overload]


def test_summary_share_is_null_when_nothing_is_assessable() -> None:
    summary = attainment_summary(assess({"foreign_trade_growth_2023": 5.0}))
    assert summary.select("assessed", "share_attained").row(0) == (0, None)


def test_summary_of_none_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="returned by assess\\(\\), got NoneType"):
        attainment_summary(None)  # type: ignore[arg-type]


def test_summary_by_a_single_column_name() -> None:
    result = assess({"gdp_growth_2023": 6.0, "cpi_growth_2023": 2.5})
    assert attainment_summary(result, by="qualifier").equals(
        attainment_summary(result, by=("qualifier",))
    )
    with pytest.raises(TypeError, match="by must be"):
        attainment_summary(result, by=3)  # type: ignore[arg-type]


def test_a_benchmark_for_a_scenario_that_does_not_exist_is_refused() -> None:
    relative = "foreign_trade_growth_2023"
    actuals = pl.DataFrame(
        {"scenario": ["low", "high"], "id": [relative] * 2, "actual": [3.0, 6.0]}
    )
    benchmarks = pl.DataFrame(
        {"scenario": [None, "hihg"], "id": [relative] * 2, "benchmark": [4.0, 7.0]}
    )
    with pytest.raises(
        InvalidActualsError,
        match=r"benchmark given for scenario 'hihg', which no actual has; known scenarios: "
        r"'low', 'high'",
    ):
        assess(actuals, benchmarks=benchmarks)
    with pytest.raises(InvalidActualsError, match="known scenarios: none"):
        assess({relative: 3.0}, benchmarks=benchmarks.drop_nulls())
    numbered = actuals.with_columns(scenario=pl.Series([1, 2]))
    with pytest.raises(InvalidActualsError, match=r"scenario 'hihg'.*known scenarios: 1, 2"):
        assess(numbered, benchmarks=benchmarks)
    good = benchmarks.with_columns(scenario=pl.Series([None, "high"]))
    assert assess(actuals, benchmarks=good)["status"].to_list() == ["missed", "missed"]


def test_implausible_units_are_flagged_never_changed() -> None:
    result = assess(
        {
            "new_urban_jobs_2023": 168000,  # persons, where the target is in 万人
            "gdp_growth_2023": 0.059,  # a fraction, where the target is in %
            "cpi_growth_2023": 2.0,
            "services_value_added_growth_2023": 0.01,  # under 1/100 of 6
        }
    )
    warnings = dict(zip(result["id"], result["warning"].cast(pl.String), strict=True))
    assert warnings["new_urban_jobs_2023"] == "more than 100× the target (in 万人): check the unit"
    assert warnings["gdp_growth_2023"].startswith("looks like a fraction; the target is in %")
    assert warnings["cpi_growth_2023"] is None
    assert warnings["services_value_added_growth_2023"].startswith("less than 1/100 of the target")
    assert result["actual"].to_list() == [168000.0, 0.059, 2.0, 0.01]  # kept as given
    AssessmentSchema.validate(result)

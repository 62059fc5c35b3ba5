"""assess(actuals, targets=...): extracted targets read with the plan's semantics."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import jinan_gov as jg
from jinan_gov.errors import InvalidActualsError, UnknownIdError
from jinan_gov.extract import sample_reports

# The plan's list as extracted, less the two clauses without a figure (城市承载功能稳步提升,
# 乡村振兴取得新进展) that the curated table does not hold.
EXTRACTED = jg.extract_targets(jg.raw_text()).filter(
    ~pl.col("name_zh").is_in(["城市承载功能", "乡村振兴"])
)
CURATED_IDS = jg.targets_2023()["id"].to_list()
RENAME = dict(zip(EXTRACTED["id"], CURATED_IDS, strict=True))
RELATIVE_EXTRACTED = EXTRACTED.filter(qualifier="above_benchmark")["id"].to_list()
NUMERIC = EXTRACTED.filter(pl.col("value").is_not_null())["id"].to_list()
COLUMNS = ("qualifier", "target", "target_upper", "tolerance", "actual", "status", "gap")


@given(
    st.dictionaries(
        st.sampled_from(NUMERIC),
        st.floats(min_value=-20, max_value=60, allow_nan=False).map(lambda x: round(x, 2)),
        min_size=1,
    ),
    st.floats(min_value=0, max_value=0.3).map(lambda t: round(t, 2)),
)
def test_the_plan_extracted_is_assessed_exactly_like_the_curated_plan(
    actuals: dict[str, float], tolerance: float
) -> None:
    extracted = jg.assess(actuals, targets=EXTRACTED, tolerance=tolerance)
    curated = jg.assess({RENAME[k]: v for k, v in actuals.items()}, tolerance=tolerance)
    assert extracted["id"].replace(RENAME).to_list() == curated["id"].to_list()
    assert extracted.select(COLUMNS).equals(curated.select(COLUMNS))


def test_relative_and_qualitative_extracted_targets() -> None:
    (completion,) = EXTRACTED.filter(qualifier="qualitative")["id"].to_list()
    actuals = {RELATIVE_EXTRACTED[0]: 5.0, completion: True}
    result = jg.assess(actuals, targets=EXTRACTED, benchmarks={RELATIVE_EXTRACTED[0]: 4.2})
    assert result["status"].to_list() == ["met", "met"]
    assert result["name_en"].to_list()[1].startswith("完成省下达的")  # no English name: Chinese


def test_in_step_keeps_pace_with_its_benchmark() -> None:
    targets = jg.extract_targets(sample_reports()["guangdong"])
    in_step = targets.filter(qualifier="in_step")["id"].item()
    frame = pl.DataFrame(
        {"scenario": ["equal", "behind", "ahead", "none"], "id": [in_step] * 4},
    ).with_columns(actual=pl.Series([5.0, 4.9, 5.5, 5.0]))
    benchmarks = pl.DataFrame(
        {"scenario": ["equal", "behind", "ahead"], "id": [in_step] * 3, "benchmark": [5.0] * 3}
    )
    result = jg.assess(frame, targets=targets, benchmarks=benchmarks)
    assert result["status"].to_list() == ["met", "missed", "met", "not_assessable"]
    assert result["gap"].to_list()[:3] == [0.0, pytest.approx(-0.1), 0.5]
    assert result["qualifier"].cast(pl.String).unique().to_list() == ["in_step"]


def test_default_targets_are_unchanged() -> None:
    assert jg.assess({"gdp_growth_2023": 6.1})["status"].item() == "exceeded"


def test_bad_targets() -> None:
    with pytest.raises(TypeError, match="targets must be a Polars DataFrame"):
        jg.assess({"t01": 5.0}, targets=EXTRACTED.to_dicts())  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="targets do not match ExtractedTargetSchema"):
        jg.assess({"t01": 5.0}, targets=EXTRACTED.drop("quote"))
    broken = EXTRACTED.with_columns(qualifier=pl.lit("roughly"))
    with pytest.raises(ValueError, match="targets do not match ExtractedTargetSchema"):
        jg.assess({"t01": 5.0}, targets=broken)


def test_ids_are_those_of_the_given_targets() -> None:
    with pytest.raises(UnknownIdError, match="t01"):
        jg.assess({"gdp_growth_2023": 6.0}, targets=EXTRACTED)
    with pytest.raises(UnknownIdError):
        jg.assess({"t99": 6.0}, targets=EXTRACTED)
    with pytest.raises(InvalidActualsError, match="not relative"):
        jg.assess({"t01": 6.0}, targets=EXTRACTED, benchmarks={"t01": 5.0})
    empty = jg.extract_targets("")
    assert jg.assess({}, targets=empty).height == 0


@pytest.mark.parametrize(
    ("column", "bad"),
    [("value", float("nan")), ("value", float("inf")), ("value_upper", float("inf"))],
)
def test_a_non_finite_target_figure_is_refused_naming_the_row(column: str, bad: float) -> None:
    from jinan_gov.errors import InvalidTargetsError  # noqa: PLC0415

    row = NUMERIC[3]
    targets = EXTRACTED.with_columns(
        pl.when(pl.col("id") == row).then(pl.lit(bad)).otherwise(pl.col(column)).alias(column)
    )
    if column == "value_upper":
        targets = targets.with_columns(
            qualifier=pl.when(pl.col("id") == row).then(pl.lit("range")).otherwise("qualifier")
        )
    message = rf"target '{row}' \(row 3\) has {column} (nan|inf|-inf); target figures must be"
    with pytest.raises(InvalidTargetsError, match=message):
        jg.assess({NUMERIC[0]: 5.0}, targets=targets)

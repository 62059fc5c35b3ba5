"""Friction a new user met (issue 22, items 14-17)."""

from __future__ import annotations

import io
import pickle
from decimal import Decimal

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import jinan_gov as jg
from jinan_gov.attainment._engine import shown_difference
from jinan_gov.errors import InvalidActualsError, UnknownIdError
from jinan_gov.extract import extract_targets


@pytest.mark.parametrize("target_id", ["t01", "t12", "report_2026/t03"])
def test_extracted_ids_without_targets_say_targets_is_needed(target_id: str) -> None:
    with pytest.raises(UnknownIdError, match="looks like an id of extracted targets") as error:
        jg.assess({target_id: 5.0})
    message = str(error.value)
    assert "targets=" in message
    assert "--targets" in message
    assert str(pickle.loads(pickle.dumps(error.value))) == message


def test_other_unknown_ids_get_no_such_advice() -> None:
    with pytest.raises(UnknownIdError) as error:
        jg.assess({"gdp_growth_2032": 5.0})
    assert "extracted" not in str(error.value)


@pytest.mark.parametrize(
    ("word", "status"), [("true", "met"), (" TRUE ", "met"), ("False", "missed")]
)
def test_csv_says_true_or_false_for_a_qualitative_target(word: str, status: str) -> None:
    data = f"id,actual\nenergy_emission_targets_2023,{word}\ngdp_growth_2023,6.1\n".encode()
    actuals = jg.read_actuals(io.BytesIO(data))
    assert actuals["actual"].to_list() == [1.0 if status == "met" else 0.0, 6.1]
    assert jg.assess(actuals)["status"].to_list() == [status, "exceeded"]


def test_csv_true_for_a_numeric_target_is_refused_naming_the_line() -> None:
    data = b"id,actual\ngdp_growth_2023,true\n"
    with pytest.raises(InvalidActualsError, match="line 2: 'true' for 'gdp_growth_2023'") as error:
        jg.read_actuals(io.BytesIO(data))
    assert "energy_emission_targets_2023" in str(error.value)


def test_csv_error_for_a_word_says_true_false_is_accepted() -> None:
    with pytest.raises(InvalidActualsError, match=r"or true/false, 1/0 for a qualitative target"):
        jg.read_actuals(io.BytesIO(b"id,actual\nenergy_emission_targets_2023,yes\n"))


def test_csv_true_false_for_extracted_qualitative_targets() -> None:
    targets = extract_targets(
        "今年主要预期目标是：地区生产总值增长6%左右；完成省下达的节能减排任务。"
    )
    qualitative = targets.filter(pl.col("qualifier") == "qualitative")["id"].to_list()
    assert qualitative
    data = f"id,actual\n{qualitative[0]},true\n".encode()
    actuals = jg.read_actuals(io.BytesIO(data), targets=targets)
    assert jg.assess(actuals, targets=targets)["status"].to_list() == ["met"]


def test_gap_is_the_decimal_the_inputs_show() -> None:
    result = jg.assess({"gdp_growth_2023": 6.1, "new_urban_jobs_2023": 16.37})
    assert result["gap"].to_list() == [0.6, 1.37]


@given(
    st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False),
    st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False),
)
def test_shown_difference_is_the_decimal_difference(left: Decimal, right: Decimal) -> None:
    frame = pl.DataFrame({"a": [float(left)], "b": [float(right)]})
    got = frame.select(shown_difference(pl.col("a"), pl.col("b")))["a"].item()
    assert got == float(left - right)

"""Inputs that used to raise raw exceptions: one line of the library's own error type."""

from __future__ import annotations

import io

import pandas as pd
import polars as pl
import pytest

import jinan_gov as jg
from jinan_gov.errors import InvalidActualsError, InvalidTextError, UnknownIdError
from jinan_gov.extract import extract_targets


def _one_line(error: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(error.value)
    assert "\n" not in message
    return message


def test_pandas_frame_with_duplicate_column_names() -> None:
    frame = pd.DataFrame([["gdp_growth_2023", 5.0, 1.0]], columns=["id", "actual", "actual"])
    with pytest.raises(InvalidActualsError, match="duplicate column name") as error:
        jg.assess(frame)
    assert "'actual'" in _one_line(error)


@pytest.mark.parametrize(
    "series",
    [pd.Series({"gdp_growth_2023": 5.0}), pl.Series("actual", [5.0])],
    ids=["pandas", "polars"],
)
def test_series_as_actuals(series: object) -> None:
    with pytest.raises(InvalidActualsError, match=r"got a (pandas|Polars) Series") as error:
        jg.assess(series)  # type: ignore[call-overload]
    assert "columns id, actual" in _one_line(error)


def test_targets_of_more_than_65535_rows() -> None:
    one = extract_targets("今年主要预期目标是：地区生产总值增长6%左右。")
    many = pl.concat([one] * 70_000).with_columns(id=pl.format("x{}", pl.int_range(0, pl.len())))
    result = jg.assess({"x69999": 6.0, "x1": 5.0}, targets=many)
    assert result["status"].to_list() == ["met", "missed"]


def test_lone_surrogate_in_an_actuals_key() -> None:
    with pytest.raises(InvalidTextError, match="lone surrogate") as error:
        jg.assess({"gdp\ud800": 1.0})
    assert isinstance(error.value, ValueError)
    assert "assess()" in _one_line(error)


@pytest.mark.parametrize("separator", [";", "\t"])
def test_semicolon_csv_as_actuals(separator: str) -> None:
    data = f"id{separator}actual\ngdp_growth_2023{separator}5.0\n".encode()
    with pytest.raises(InvalidActualsError, match="separated by commas") as error:
        jg.read_actuals(io.BytesIO(data))
    assert repr(separator) in _one_line(error)


def test_a_huge_unknown_id_is_cut_in_the_message() -> None:
    huge = "x" * 1_000_000
    with pytest.raises(UnknownIdError) as error:
        jg.assess({huge: 1.0})
    message = _one_line(error)
    assert len(message) < 2_000
    assert "(1000000 characters)" in message
    twice = pl.DataFrame({"id": ["gdp_growth_2023"] * 2, "actual": [1.0, 2.0], "scenario": huge})
    with pytest.raises(InvalidActualsError, match="duplicate actual") as duplicate:
        jg.assess(twice)
    assert len(str(duplicate.value)) < 2_000

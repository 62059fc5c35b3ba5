"""A missing actual is refused everywhere, naming the row, unless missing='unknown' (item 6)."""

from __future__ import annotations

import io

import polars as pl
import pytest

import jinan_gov as jg
from jinan_gov.errors import InvalidActualsError

CSV = b"id,actual\ngdp_growth_2023,6.1\ncpi_growth_2023,\n"


def test_blank_csv_cell_is_refused_naming_the_line() -> None:
    with pytest.raises(InvalidActualsError, match=r"line 3: no actual for 'cpi_growth_2023'"):
        jg.read_actuals(io.BytesIO(CSV))


def test_none_in_a_mapping_is_refused() -> None:
    with pytest.raises(InvalidActualsError, match="'gdp_growth_2023' is None"):
        jg.assess({"gdp_growth_2023": None})  # type: ignore[dict-item]


def test_null_in_a_frame_is_refused_naming_the_row() -> None:
    frame = pl.DataFrame(
        {"id": ["gdp_growth_2023", "cpi_growth_2023"], "actual": [5.0, None], "scenario": "s"}
    )
    with pytest.raises(InvalidActualsError, match=r"'cpi_growth_2023' in scenario 's' \(row 1"):
        jg.assess(frame)
    with pytest.raises(InvalidActualsError, match="no actual"):
        jg.assess(frame.lazy()).collect()


def test_missing_unknown_assesses_blanks_as_not_yet_known_in_every_input_kind() -> None:
    from_csv = jg.read_actuals(io.BytesIO(CSV), missing="unknown")
    assert from_csv["actual"].to_list() == [6.1, None]
    mapping = {"gdp_growth_2023": 6.1, "cpi_growth_2023": None}
    for result in (
        jg.assess(from_csv, missing="unknown"),
        jg.assess(mapping, missing="unknown"),  # type: ignore[call-overload]
    ):
        assert result["status"].to_list() == ["exceeded", "not_assessable"]


def test_missing_takes_two_words() -> None:
    with pytest.raises(ValueError, match="missing must be 'error' or 'unknown'"):
        jg.assess({"gdp_growth_2023": 6.1}, missing="skip")  # type: ignore[call-overload]

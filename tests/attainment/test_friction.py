"""Friction a new user met (issue 22, items 14-17)."""

from __future__ import annotations

import pickle

import pytest

import jinan_gov as jg
from jinan_gov.errors import UnknownIdError


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

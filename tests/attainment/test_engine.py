"""The fast paths of assess(): shared blocks, batches, cheap duplicate proofs, no shared state.

Each fast path must give exactly what the plain path gives: every test compares a layout the
engine optimises with the same rows assessed one by one, or in an order it cannot optimise.
"""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jinan_gov.attainment import _engine, assess
from jinan_gov.errors import InvalidActualsError
from jinan_gov.plan import indicators

TARGETS = indicators().filter(kind="target")
NUMERIC = TARGETS.filter(pl.col("value").is_not_null())["id"].to_list()
# One target of each way of comparing, so that every branch of the semantics is exercised.
SAMPLE = (
    TARGETS.filter(pl.col("value").is_not_null())
    .group_by("qualifier", "direction", maintain_order=True)
    .first()["id"]
    .to_list()
)


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 5 rows, so that small frames go through many batches."""
    monkeypatch.setattr(_engine, "_BATCH_ROWS", 5)


def one_by_one(frame: pl.DataFrame) -> pl.DataFrame:
    return pl.concat([assess(frame.slice(i, 1)) for i in range(frame.height)])


@st.composite
def grids(draw: st.DrawFn) -> pl.DataFrame:
    """Scenario grids: every scenario one run of the same targets in the same order."""
    block = draw(st.lists(st.sampled_from(SAMPLE), min_size=1, max_size=8, unique=True))
    runs = draw(st.integers(min_value=1, max_value=6))
    partial_last = draw(st.integers(min_value=0, max_value=len(block) - 1))
    ids = block * runs + block[:partial_last]
    values = draw(st.lists(st.floats(-50, 500), min_size=len(ids), max_size=len(ids)))
    return pl.DataFrame(
        {
            "scenario": [f"s{i // len(block)}" for i in range(len(ids))],
            "id": ids,
            "actual": values,
        }
    )


@settings(max_examples=40)
@given(grids(), st.booleans())
def test_grids_give_what_rows_one_by_one_give(frame: pl.DataFrame, chunked: bool) -> None:
    if chunked:
        pieces = [frame.slice(i, 3) for i in range(0, frame.height, 3)]
        frame = pl.concat(pieces, rechunk=False)
    assert assess(frame).equals(one_by_one(frame))


@pytest.mark.usefixtures("small_batches")
@settings(max_examples=40)
@given(grids(), st.randoms(use_true_random=False))
def test_many_batches_and_any_row_order(frame: pl.DataFrame, random: object) -> None:
    expected = one_by_one(frame)
    assert assess(frame).equals(expected)
    order = list(range(frame.height))
    random.shuffle(order)  # type: ignore[attr-defined]
    shuffled = frame[order]
    assert assess(shuffled).equals(expected[order])


@pytest.mark.usefixtures("small_batches")
def test_columns_chunked_differently() -> None:
    ids = NUMERIC[:4] * 3
    scenario = pl.Series("scenario", [f"s{i // 4}" for i in range(12)])
    frame = pl.DataFrame(
        [
            pl.concat([scenario.slice(0, 7), scenario.slice(7)], rechunk=False),
            pl.concat([pl.Series("id", ids[:2]), pl.Series("id", ids[2:])], rechunk=False),
            pl.Series("actual", [float(i) for i in range(12)]),
        ]
    )
    assert assess(frame).equals(assess(frame.rechunk()))
    assert assess(frame).equals(one_by_one(frame))


@pytest.mark.parametrize(
    "scenarios",
    [
        ["a", "a", "b", "b", "a", "a"],  # scenario a in two runs
        ["a", "a", "a", "b", "b", "b"],  # a run longer than the block: a target twice in it
        ["a", "b", "a", "b", "a", "b"],  # runs of one row
    ],
)
def test_duplicates_in_repeating_blocks_are_caught(scenarios: list[str]) -> None:
    frame = pl.DataFrame({"scenario": scenarios, "id": NUMERIC[:2] * 3, "actual": [1.0] * 6})
    with pytest.raises(InvalidActualsError, match="duplicate actual"):
        assess(frame)


def test_changing_a_result_changes_only_that_row_and_nothing_cached() -> None:
    frame = pl.DataFrame(
        {
            "scenario": [f"s{i // 3}" for i in range(3000)],
            "id": NUMERIC[:3] * 1000,
            "actual": [5.0] * 3000,
        }
    )
    first = assess(frame)
    expected = assess(frame)
    first[0, "target"] = 99.0
    first[0, "actual"] = -1.0
    assert first["target"][3] == expected["target"][3]
    assert first.slice(1).equals(expected.slice(1))
    assert frame["actual"][0] == 5.0
    first.columns = [name.upper() for name in first.columns]
    first.drop_in_place("STATUS")
    assert assess(frame).equals(expected)
    assert assess({"gdp_growth_2023": 6.1})["target"].item() == 5.5

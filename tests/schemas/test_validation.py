"""The one-query validation says "valid" only for frames Pandera itself accepts."""

from __future__ import annotations

from collections.abc import Callable

import pandera.errors
import pandera.polars as pa
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jinan_gov as jg
from jinan_gov import rules, schemas
from jinan_gov.schemas.validation import passes, validate

TABLES: dict[str, tuple[type[pa.DataFrameModel], Callable[[], pl.DataFrame]]] = {
    "documents": (schemas.DocumentSchema, jg.documents),
    "appointments": (schemas.AppointmentSchema, jg.appointments),
    "indicators": (schemas.IndicatorSchema, jg.indicators),
    "chapters": (schemas.ChapterSchema, rules.chapters),
    "articles": (schemas.ArticleSchema, rules.articles),
    "facts": (schemas.RuleFactSchema, rules.facts),
}

# Values to write into a cell: nulls, NaN, out-of-vocabulary strings, numbers out of range.
PROBES = st.sampled_from([None, float("nan"), "", "x", "plan_2023", "higher", -1.0, 0.0, 99.0])


def _pandera_accepts(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> bool:
    try:
        model.validate(frame, lazy=True)
    except (pandera.errors.SchemaError, pandera.errors.SchemaErrors):
        return False
    return True


def _set(frame: pl.DataFrame, row: int, column: str, value: object) -> pl.DataFrame | None:
    """The frame with one cell replaced, or None when the value does not fit the dtype."""
    try:
        values = frame[column].to_list()
        values[row] = value
        series = pl.Series(column, values, dtype=frame.schema[column], strict=True)
    except (TypeError, ValueError, pl.exceptions.PolarsError):
        return None
    return frame.with_columns(series)


@pytest.mark.parametrize("name", TABLES)
def test_every_bundled_table_passes_in_one_query(name: str) -> None:
    model, load = TABLES[name]
    frame = load()
    assert passes(model, frame)
    assert validate(model, frame) is frame


@pytest.mark.parametrize("name", TABLES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_changed_cell_passes_only_if_pandera_accepts_it(name: str, data: st.DataObject) -> None:
    model, load = TABLES[name]
    frame = load()
    row = data.draw(st.integers(0, frame.height - 1))
    column = data.draw(st.sampled_from(frame.columns))
    changed = _set(frame, row, column, data.draw(PROBES))
    if changed is None:
        return
    if passes(model, changed):
        assert _pandera_accepts(model, changed), (column, changed[row, column])


@pytest.mark.parametrize("name", TABLES)
def test_duplicated_reordered_or_retyped_frames_fall_back(name: str) -> None:
    model, load = TABLES[name]
    frame = load()
    broken = [
        pl.concat([frame, frame.head(1)]),  # duplicate keys, broken orders
        frame.select(reversed(frame.columns)),  # columns out of order
        frame.drop(frame.columns[0]),  # a column missing
        frame.with_columns(pl.lit(1).alias("extra")),  # an undocumented column
        frame.with_columns(pl.col(frame.columns[0]).cast(pl.String).cast(pl.Categorical)),  # dtype
    ]
    for changed in broken:
        if passes(model, changed):
            assert _pandera_accepts(model, changed)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("id", None),  # a null in a non-nullable column
        ("qualifier", "roughly"),  # outside the vocabulary
        ("value_base", float("nan")),  # NaN counts as missing... but value_base is nullable
        ("year", 2024),  # a dataframe check: outcomes are 2022 figures
    ],
)
def test_known_failures_are_reported_by_pandera(column: str, value: object) -> None:
    frame = jg.indicators()
    changed = _set(frame, 0, column, value)
    assert changed is not None
    if column == "value_base":  # nullable, but NaN is not null: pandera and we accept it
        assert passes(schemas.IndicatorSchema, changed) == _pandera_accepts(
            schemas.IndicatorSchema, changed
        )
        return
    assert not passes(schemas.IndicatorSchema, changed)
    with pytest.raises(pandera.errors.SchemaErrors):
        validate(schemas.IndicatorSchema, changed)


def test_a_duplicate_id_is_reported_by_pandera() -> None:
    frame = jg.indicators()
    duplicated = _set(frame, 1, "id", frame["id"][0])
    assert duplicated is not None
    assert not passes(schemas.IndicatorSchema, duplicated)
    with pytest.raises(pandera.errors.SchemaErrors, match="field_uniqueness"):
        validate(schemas.IndicatorSchema, duplicated)


def test_a_model_with_unsupported_features_uses_pandera() -> None:
    class Coercing(pa.DataFrameModel):
        n: int = pa.Field(ge=0)

        class Config:
            coerce = True

    frame = pl.DataFrame({"n": [1.0, 2.0]})
    assert not passes(Coercing, frame)  # the fast path never coerces
    assert validate(Coercing, frame)["n"].dtype == pl.Int64  # pandera did


def test_a_check_that_is_more_than_a_select_is_run_as_its_own_query() -> None:
    class Grouped(pa.DataFrameModel):
        n: int

        class Config:
            strict = True

        @pa.dataframe_check
        @classmethod
        def at_most_two_per_key(cls, data: pa.PolarsData) -> pl.LazyFrame:
            counts = data.lazyframe.group_by("n").len()
            return counts.select(pl.col("len") <= 2)

    assert passes(Grouped, pl.DataFrame({"n": [1, 1, 2]}))
    assert not passes(Grouped, pl.DataFrame({"n": [1, 1, 1]}))
    with pytest.raises(pandera.errors.SchemaErrors):
        validate(Grouped, pl.DataFrame({"n": [1, 1, 1]}))


def test_a_check_that_ignores_nulls_passes_on_nulls_like_pandera() -> None:
    class Bounded(pa.DataFrameModel):
        x: float = pa.Field(nullable=True, ge=0)

        class Config:
            strict = True

    with_null = pl.DataFrame({"x": [None, 1.0]}, schema={"x": pl.Float64})
    assert passes(Bounded, with_null) == _pandera_accepts(Bounded, with_null) is True
    negative = pl.DataFrame({"x": [None, -1.0]}, schema={"x": pl.Float64})
    assert passes(Bounded, negative) == _pandera_accepts(Bounded, negative) is False


@pytest.mark.parametrize("error", [ImportError, AttributeError, KeyError, RuntimeError])
def test_when_pandera_internals_change_validation_falls_back_to_pandera(
    error: type[Exception], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pandera release that moved or changed what the fast path reads: still validated."""
    from jinan_gov.schemas import validation  # noqa: PLC0415

    def internals_changed(*_: object) -> tuple[object, ...]:
        raise error("pandera.api.polars.types.PolarsData")

    monkeypatch.setattr(validation, "_verdicts", internals_changed)
    frame = jg.indicators()
    assert not passes(schemas.IndicatorSchema, frame)
    assert validate(schemas.IndicatorSchema, frame).equals(frame)
    broken = frame.with_columns(pl.lit("no_such_qualifier").alias("qualifier"))
    with pytest.raises(pandera.errors.SchemaErrors):
        validate(schemas.IndicatorSchema, broken)

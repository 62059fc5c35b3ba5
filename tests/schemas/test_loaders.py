"""Every table loader hands out a frame its caller owns: changes never reach the cache."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import polars as pl
import pytest

import jinan_gov as jg
from jinan_gov import rules
from jinan_gov.schemas.tables import cached_frame

LOADERS: dict[str, Callable[[], pl.DataFrame]] = {
    "documents": jg.documents,
    "appointments": jg.appointments,
    "outcomes_2022": jg.outcomes_2022,
    "targets_2023": jg.targets_2023,
    "tasks_2023": jg.tasks_2023,
    "indicators": jg.indicators,
    "chapters": rules.chapters,
    "articles": rules.articles,
    "facts": rules.facts,
    "sections": jg.plan.sections,
    "plan_pairs": jg.plan.plan_pairs,
    "what_if_targets": jg.attainment.what_if_targets,
}


def _vandalise(frame: pl.DataFrame) -> None:
    """Change a frame in every in-place way polars offers."""
    for column in frame.columns:
        frame[0, column] = None
    frame.extend(frame.head(1))
    frame.columns = [f"x_{name}" for name in frame.columns]
    frame.drop_in_place(frame.columns[-1])
    frame.insert_column(0, pl.Series("extra", [1] * frame.height))


@pytest.mark.parametrize("name", LOADERS)
def test_in_place_changes_do_not_reach_later_calls(name: str) -> None:
    loader = LOADERS[name]
    expected = loader().rows()
    columns = loader().columns
    _vandalise(loader())
    again = loader()
    assert again.columns == columns
    assert again.rows() == expected


@pytest.mark.parametrize("name", LOADERS)
def test_each_call_returns_a_new_frame(name: str) -> None:
    loader = LOADERS[name]
    assert loader() is not loader()
    assert loader().equals(loader())


def test_series_taken_from_a_loaded_frame_is_the_callers() -> None:
    values = jg.targets_2023()["value"]
    values[0] = 99.0
    assert jg.targets_2023()["value"][0] != 99.0


def test_changed_targets_do_not_change_assess() -> None:
    before = jg.assess({"gdp_growth_2023": 5.6}).select("target", "status").row(0)
    targets = jg.targets_2023()
    index = targets["id"].to_list().index("gdp_growth_2023")
    targets[index, "value"] = 99.0
    jg.indicators()[0, "value"] = 99.0
    jg.indicators().drop_in_place("qualifier")
    assert jg.assess({"gdp_growth_2023": 5.6}).select("target", "status").row(0) == before
    assert before == (5.5, "exceeded")


def test_changed_facts_do_not_move_due_dates() -> None:
    fact = "countersign_reply_working_days"
    before = rules.due_date(fact, dt.date(2023, 4, 28))
    frame = rules.facts()
    index = frame["fact_id"].to_list().index(fact)
    frame[index, "value"] = 50.0
    assert rules.due_date(fact, dt.date(2023, 4, 28)) == before == dt.date(2023, 5, 9)


def test_renamed_article_columns_do_not_break_search_or_article() -> None:
    frame = rules.articles()
    frame.columns = [name.upper() for name in frame.columns]
    frame.drop_in_place("TEXT_ZH")
    assert rules.article(39).label_zh == "第三十九条"
    assert rules.search("会签文件").height > 0


def test_cached_frame_builds_once_per_arguments() -> None:
    calls: list[int] = []

    @cached_frame
    def load(n: int) -> pl.DataFrame:
        calls.append(n)
        return pl.DataFrame({"n": [n]})

    first, second, third = load(1), load(1), load(2)
    assert calls == [1, 2]
    assert first is not second
    assert first.equals(second)
    assert third["n"].to_list() == [2]
    assert load.cache_info().misses == 2


def test_loading_leaves_garbage_collection_as_it_found_it() -> None:
    import gc  # noqa: PLC0415

    from jinan_gov.schemas.tables import cached_frame  # noqa: PLC0415

    seen: list[bool] = []

    @cached_frame
    def table(n: int) -> pl.DataFrame:
        seen.append(gc.isenabled())
        return pl.DataFrame({"n": [n]})

    assert gc.isenabled()
    table(1)
    assert gc.isenabled()  # back on after building
    assert seen == [False]  # paused while building
    gc.disable()
    try:
        table(2)
        assert not gc.isenabled()  # the caller's choice is kept
    finally:
        gc.enable()

    @cached_frame
    def broken() -> pl.DataFrame:
        raise ValueError("bad table")

    with pytest.raises(ValueError, match="bad table"):
        broken()
    assert gc.isenabled()

"""extract_many, target_vs_outcome and assess on a panel keyed by (doc, id)."""

from __future__ import annotations

import time
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import jinan_gov
from jinan_gov.extract import (
    extract_many,
    extract_outcomes,
    extract_targets,
    sample_reports,
    target_vs_outcome,
)

TEXT = "一、2025年工作回顾。全省地区生产总值增长5.4%。今年主要预期目标是：地区生产总值增长5%左右。"


def test_panel_has_doc_first_and_unique_keys() -> None:
    panel = extract_many({"甲": TEXT, "乙": TEXT.replace("5%左右", "4.5%")})
    assert panel.columns[0] == "doc"
    assert not panel.select("doc", "id").is_duplicated().any()
    assert panel["value"].to_list() == [5.0, 4.5]


def test_outcomes_panel_and_paths(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    panel = extract_many(sorted(tmp_path.glob("*.txt")), outcomes=True)
    assert panel["doc"].to_list() == ["a", "b"]
    assert panel["indicator"].to_list() == ["gdp_growth", "gdp_growth"]


def test_processes_give_the_same_frame() -> None:
    # a real pool of two worker processes (forked: they import nothing new), in seconds
    texts = {f"d{i}": TEXT.replace("5%", f"{i % 7 + 1}%") for i in range(150)}
    for outcomes in (False, True):
        started = time.perf_counter()
        pooled = extract_many(texts, outcomes=outcomes, processes=2)
        assert time.perf_counter() - started < 20
        assert_frame_equal(pooled, extract_many(texts, outcomes=outcomes, progress=False))
    assert pooled["doc"].to_list()[:2] == ["d0", "d1"]


def test_panel_is_each_documents_validated_frame_with_doc() -> None:
    reports = sample_reports()
    texts = {**reports, "review": TEXT, "empty": "没有目标的文字"}
    for outcomes, read in ((False, extract_targets), (True, extract_outcomes)):
        expected = pl.concat(
            [read(text).select(pl.lit(name).alias("doc"), pl.all()) for name, text in texts.items()]
        )
        assert_frame_equal(extract_many(texts, outcomes=outcomes), expected)


def test_two_thousand_small_texts_in_linear_time() -> None:
    texts = {f"d{i}": TEXT for i in range(2000)}
    started = time.perf_counter()
    panel = extract_many(texts)
    outcomes = extract_many(texts, outcomes=True)
    assert time.perf_counter() - started < 30  # about 2 s on two shared cores
    assert panel.height == outcomes.height == 2000
    assert panel["doc"].n_unique() == 2000
    assert not panel.select("doc", "id").is_duplicated().any()


def test_a_wrong_row_is_still_caught_once_for_the_panel(monkeypatch: pytest.MonkeyPatch) -> None:
    import pandera.errors  # noqa: PLC0415

    from jinan_gov import extract  # noqa: PLC0415

    real = extract._target_rows

    def broken(text: str) -> pl.DataFrame:
        return real(text).with_columns(pl.lit(-1, dtype=pl.Int64).alias("start"))

    monkeypatch.setattr(extract, "_target_rows", broken)
    with pytest.raises(pandera.errors.SchemaErrors, match="start"):
        extract_many({"a": TEXT, "b": TEXT})


def test_empty_and_bad_input(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(TEXT, encoding="utf-8")
    assert extract_many({}).height == 0
    assert extract_many({}).columns[0] == "doc"
    with pytest.raises(ValueError, match="more than once"):
        extract_many([tmp_path / "x" / "a.txt", tmp_path / "y" / "a.txt"])
    with pytest.raises(TypeError):
        extract_many("one text")
    with pytest.raises(TypeError, match="decode"):
        extract_many({"a": b"bytes"})
    with pytest.raises(TypeError):
        extract_many([3])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="processes"):
        extract_many({"a": TEXT}, processes=0)


def test_target_vs_outcome_gap() -> None:
    pairs = target_vs_outcome(TEXT)
    row = pairs.row(0, named=True)
    assert (row["indicator"], row["value_outcome"], row["gap"], row["paired"]) == (
        "gdp_growth",
        5.4,
        -0.4,
        True,
    )
    plan = target_vs_outcome(jinan_gov.source_text("plan_2023"))
    gdp = plan.filter(indicator="gdp_growth").row(0, named=True)
    assert (gdp["value_outcome"], gdp["value_target"]) == (3.1, 5.5)


def test_assess_on_a_panel_with_extra_columns() -> None:
    panel = extract_many({"甲": TEXT, "乙": TEXT}).with_columns(province=pl.col("doc"))
    result = jinan_gov.assess({"甲/t01": 5.2, "乙/t01": 4.0}, targets=panel)
    assert result["status"].cast(pl.String).to_list() == ["met", "missed"]

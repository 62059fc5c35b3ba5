"""extract_many, target_vs_outcome and assess on a panel keyed by (doc, id)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import jinan_gov
from jinan_gov.extract import extract_many, target_vs_outcome

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


@pytest.mark.slow
def test_processes_give_the_same_frame() -> None:
    texts = {f"d{i}": TEXT for i in range(6)}
    assert extract_many(texts, processes=2).equals(extract_many(texts, progress=False))


def test_many_small_texts() -> None:
    panel = extract_many({f"d{i}": TEXT for i in range(500)})
    assert panel.height == 500


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

"""Indicator keys: the vocabulary, agreement with the bundled tables, and labelled concepts."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import polars as pl
import pytest

import jinan_gov
from jinan_gov.extract import INDICATORS, Indicator, extract_targets, indicator_key

CONCEPTS = Path(__file__).parents[1] / "data" / "concepts"
_KEY = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def key_scores(path: Path) -> tuple[float, float, float]:
    """Pairwise precision and recall of "same key" against "same concept", and coverage.

    Rows whose concept starts with ``other:`` count as concepts of their own for precision
    and are ignored for recall; coverage is the share of the other rows that get a key.
    """
    frame = pl.read_csv(path, infer_schema=False)
    rows = [(r["name_zh"], r["unit"], r["concept"]) for r in frame.iter_rows(named=True)]
    keys = [indicator_key(name, unit) for name, unit, _ in rows]
    true_pos = false_pos = false_neg = 0
    for i, j in itertools.combinations(range(len(rows)), 2):
        same_key = keys[i] is not None and keys[i] == keys[j]
        same_concept = rows[i][2] == rows[j][2]
        if same_key:
            true_pos += same_concept
            false_pos += not same_concept
        elif same_concept and not rows[i][2].startswith("other:"):
            false_neg += 1
    known = [key for key, row in zip(keys, rows, strict=True) if not row[2].startswith("other:")]
    coverage = sum(key is not None for key in known) / len(known)
    return true_pos / (true_pos + false_pos), true_pos / (true_pos + false_neg), coverage


@pytest.mark.parametrize(
    ("name", "floors"),
    [("report_targets.csv", (0.99, 0.97, 0.92)), ("paragraph_targets.csv", (0.99, 0.97, 0.97))],
)
def test_keys_agree_with_labelled_concepts(name: str, floors: tuple[float, ...]) -> None:
    precision, recall, coverage = key_scores(CONCEPTS / name)
    assert precision >= floors[0]
    assert recall >= floors[1]
    assert coverage >= floors[2]


def test_vocabulary_is_documented_and_unique() -> None:
    keys = [indicator.key for indicator in INDICATORS]
    assert len(keys) == len(set(keys))
    assert all(
        isinstance(indicator, Indicator) and _KEY.match(indicator.key) for indicator in INDICATORS
    )
    assert {indicator.direction for indicator in INDICATORS} <= {"higher", "lower", "neutral"}
    required = {
        "gdp_growth",
        "gdp",
        "general_budget_revenue_growth",
        "surveyed_unemployment_rate",
        "registered_unemployment_rate",
        "new_urban_jobs",
        "cpi_growth",
        "resident_disposable_income_growth",
        "urban_disposable_income_growth",
        "rural_disposable_income_growth",
        "fixed_asset_investment_growth",
        "retail_sales_growth",
        "foreign_trade_growth",
        "exports_growth",
        "foreign_investment",
        "industrial_value_added_growth",
        "agriculture_value_added_growth",
        "secondary_industry_value_added_growth",
        "services_value_added_growth",
        "grain_output",
        "energy_intensity",
        "co2_intensity",
        "major_pollutant_emissions",
        "pm25_concentration",
        "good_air_days_share",
        "surface_water_quality",
        "rd_expenditure_share",
        "urbanization_rate",
        "digital_economy_share",
        "gdp_per_capita",
        "labour_productivity",
    }
    assert required <= set(keys)


def test_plan_targets_agree_with_the_bundled_table() -> None:
    extracted = extract_targets(jinan_gov.source_text("plan_2023"))
    bundled = jinan_gov.targets_2023()
    shared = set(extracted["indicator"].drop_nulls()) & set(bundled["indicator"])
    assert len(shared) >= 17
    for key in shared:
        ours = extracted.filter(indicator=key)
        theirs = bundled.filter(indicator=key)
        assert ours["value"].to_list() == theirs["value"].to_list(), key
    # every keyed row of ours is a concept of the table
    assert set(extracted["indicator"].drop_nulls()) <= set(bundled["indicator"])


def test_bundled_names_get_the_bundled_keys() -> None:
    for row in jinan_gov.indicators().iter_rows(named=True):
        key = indicator_key(row["name_zh"], row["unit"])
        assert key is None or key == row["indicator"], row["name_zh"]


@pytest.mark.parametrize(
    ("name", "unit", "key"),
    [
        ("全省地区生产总值增长", None, "gdp_growth"),
        ("地区生产总值", "万亿元", "gdp"),
        ("國內生產總值增長", "%", "gdp_growth"),
        ("城镇居民人均可支配收入增长", "%", "urban_disposable_income_growth"),
        ("农村居民人均可支配收入增长", "%", "rural_disposable_income_growth"),
        ("居民人均可支配收入增长", "%", "resident_disposable_income_growth"),
        ("单位地区生产总值能耗下降", "%", "energy_intensity"),
        ("单位地区生产总值二氧化碳排放下降", "%", "co2_intensity"),
        ("出口增长", "%", "exports_growth"),
        ("进出口总额增长", "%", "foreign_trade_growth"),
        ("新增有进出口权企业", "家", None),
        ("工业固定资产投资增长", "%", None),
        ("高技术制造业增加值增长", "%", "high_tech_manufacturing_value_added_growth"),
        ("乡村振兴", None, None),
        ("", None, None),
    ],
)
def test_indicator_key(name: str, unit: str | None, key: str | None) -> None:
    assert indicator_key(name, unit) == key


@pytest.mark.parametrize("bad", [None, 3, b"GDP", ["GDP"]])
def test_indicator_key_rejects_non_strings(bad: object) -> None:
    with pytest.raises(TypeError):
        indicator_key(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        indicator_key("GDP", bad if not isinstance(bad, type(None)) else 3)  # type: ignore[arg-type]


def test_indicator_key_on_huge_input_is_fast() -> None:
    assert indicator_key("地区生产总值" * 100_000) is None

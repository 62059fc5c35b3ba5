"""One renderer for a target's wording, in the terminal's and the document's style."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jinan_gov.plan import indicators
from jinan_gov.schemas import QUALIFIERS as PLAN_QUALIFIERS
from jinan_gov.text.wording import (
    BENCHMARKS,
    QUALIFIERS,
    STYLES,
    format_number,
    render_target,
    target_text,
)


@pytest.mark.parametrize(
    ("kwargs", "symbols", "words"),
    [
        (
            {"value": 5.5, "unit": "%", "qualifier": "at_least", "qualifier_zh": "以上"},
            "≥ 5.5 %",
            "5.5%以上",
        ),
        (
            {"value": 20, "unit": "天", "qualifier": "at_least", "qualifier_zh": "不低于"},
            "≥ 20 天",
            "不低于20天",
        ),
        (
            {"value": 6, "unit": "%", "qualifier": "about", "qualifier_zh": "左右"},
            "≈ 6 % (左右)",
            "6%左右",
        ),
        (
            {"value": 3, "unit": "%", "qualifier": "cap_about", "qualifier_zh": "控制在…左右"},
            "≤ ≈ 3 % (控制在…左右)",
            "控制在3%左右",
        ),
        (
            {"value": 5.5, "unit": "%", "qualifier": "at_most", "qualifier_zh": "以内"},
            "≤ 5.5 %",
            "5.5%以内",
        ),
        (
            {"value": 700, "unit": "亿元", "qualifier": "exceed", "qualifier_zh": "突破"},
            "> 700 亿元 (突破)",
            "突破700亿元",
        ),
        (
            {"value": 17, "unit": "%", "qualifier": "reach", "qualifier_zh": "达到"},
            "17 % (达到)",
            "达到17%",
        ),
        ({"value": 15, "unit": "万人", "qualifier": "plain"}, "15 万人", "15万人"),
        (
            {"value": 6, "unit": "%", "qualifier": "strive", "qualifier_zh": "力争"},
            "≥ 6 % (力争)",
            "力争6%",
        ),
        ({"value": 2, "unit": "个", "qualifier": "range", "value_upper": 3}, "2–3 个", "2—3个"),
        (
            {
                "value": 5,
                "unit": "%",
                "qualifier": "range",
                "value_upper": 5.5,
                "qualifier_zh": "…—…",
            },
            "5–5.5 %",
            "5—5.5%",
        ),
        (
            {
                "value": 20,
                "unit": "天",
                "qualifier": "tiers",
                "value_target": 25,
                "value_stretch": 30,
                "qualifier_zh": "不低于…、目标…、力争…",
            },
            "≥ 20 天 · target 25 · stretch 30",
            "不低于20天、目标25天、力争30天",
        ),
        (
            {
                "value": None,
                "unit": "%",
                "qualifier": "above_benchmark",
                "qualifier_zh": "高于全省平均水平",
            },
            "> provincial avg",
            "高于全省平均水平",
        ),
        (
            {"value": None, "unit": "%", "qualifier": "above_benchmark", "benchmark": "全国"},
            "> national avg",
            "高于全国平均水平",
        ),
        (
            {"value": None, "unit": "%", "qualifier": "above_benchmark", "benchmark": "全市"},
            "> 全市",
            "高于全市",
        ),
        ({"value": None, "unit": "%", "qualifier": "above_benchmark"}, "> benchmark", "高于基准"),
        (
            {
                "value": None,
                "unit": "%",
                "qualifier": "in_step",
                "benchmark": "经济增长",
                "qualifier_zh": "与经济增长同步",
            },
            "≈ economic growth (in step)",
            "与经济增长同步",
        ),
        (
            {"value": None, "unit": None, "qualifier": "qualitative"},
            "qualitative",
            "完成 (qualitative)",
        ),
    ],
)
def test_each_qualifier_in_both_styles(kwargs: dict[str, Any], symbols: str, words: str) -> None:
    assert render_target(**kwargs) == symbols
    assert render_target(**kwargs, style="words") == words
    assert target_text(kwargs) == symbols
    assert target_text(kwargs, style="words") == words


def test_knows_every_plan_qualifier_and_benchmark() -> None:
    assert set(PLAN_QUALIFIERS) <= set(QUALIFIERS)
    assert STYLES == ("symbols", "words")
    for name, (symbols, words) in BENCHMARKS.items():
        assert render_target(None, "%", "above_benchmark", benchmark=name) == f"> {symbols}"
        assert render_target(None, "%", "above_benchmark", benchmark=name, style="words") == words


def test_every_plan_row_renders_with_its_figure() -> None:
    for row in indicators().iter_rows(named=True):
        words = target_text(row, style="words")
        symbols = target_text(row)
        if row["value"] is not None:
            assert format_number(row["value"]) in words, row["id"]
            assert format_number(row["value"]) in symbols, row["id"]
        assert "None" not in words, row["id"]
        assert "None" not in symbols, row["id"]


def test_plan_words_are_in_the_quote_for_main_targets() -> None:
    # 5.5%以上, 6%左右, 控制在3%左右, 高于全省平均水平: the plan's own words, verbatim
    targets = indicators().filter(
        pl.col("table") == "targets_2023",
        pl.col("qualifier").is_in(["at_least", "about", "cap_about", "above_benchmark"]),
    )
    assert targets.height >= 15
    for row in targets.iter_rows(named=True):
        assert target_text(row, style="words") in row["quote"], row["id"]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"value": 5, "qualifier": "sometimes"}, ValueError, "unknown qualifier 'sometimes'"),
        ({"value": 5, "style": "latex"}, ValueError, "unknown style 'latex'; valid: symbols"),
        ({"value": "5"}, TypeError, "value must be a real number or None, got '5'"),
        ({"value": True}, TypeError, "value must be a real number"),
        ({"value": 2, "qualifier": "range", "value_upper": "3"}, TypeError, "value_upper"),
    ],
)
def test_bad_input_is_named(kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        render_target(**kwargs)


def test_target_text_needs_the_core_keys() -> None:
    with pytest.raises(KeyError, match=r"missing \['qualifier'\]"):
        target_text({"value": 1.0, "unit": "%"})


def test_format_number_edges() -> None:
    assert format_number(None) == format_number(math.nan) == "–"
    assert format_number(math.inf) == "∞"
    assert format_number(-math.inf) == "-∞"
    assert format_number(3) == "3"
    assert format_number(0.1 + 0.2) == "0.3"
    assert format_number(123456789012.0) == "123456789012"
    with pytest.raises(TypeError, match="real number or None, got '1'"):
        format_number("1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got True"):
        format_number(True)


@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_format_number_is_plain_decimal_within_ten_digits(value: float) -> None:
    text = format_number(value)
    assert "e" not in text.lower()
    assert not (("." in text) and text.endswith("0"))
    if value.is_integer() and abs(value) < 1e15:
        assert int(text) == value
    else:
        assert Decimal(text) == Decimal(f"{value:.10g}")

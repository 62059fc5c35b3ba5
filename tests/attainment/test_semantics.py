"""Every qualifier × direction pair: defined once, documented, and right at every edge."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import jinan_gov as jg
from jinan_gov.attainment import _engine, _semantics, _semantics_table
from jinan_gov.schemas.vocab import DIRECTIONS, QUALIFIERS

DOCS = Path(__file__).parents[2] / "docs" / "guide" / "attainment.md"
RELATIVE = ("above_benchmark", "in_step")
TOL = Decimal("0.05")


def test_every_qualifier_and_direction_is_defined_once() -> None:
    assert set(_semantics.SEMANTICS) == {(q, d) for q in QUALIFIERS for d in DIRECTIONS}
    for code in set(_semantics.SEMANTICS.values()):
        assert code in _semantics_table._WORDING
    with pytest.raises(ValueError, match="unknown direction 'up'; valid: higher, lower"):
        _semantics.comparison("about", "up")


def test_the_docs_table_is_the_code() -> None:
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(r"<!-- semantics-table[^>]*-->\n(.*?)\n<!-- /semantics-table -->", text, re.S)
    assert found, "the semantics table markers are missing from docs/guide/attainment.md"
    assert found.group(1) == _semantics_table.semantics_table()
    rows = found.group(1).splitlines()[2:]
    covered = {
        (row.split("|")[1].strip(" `"), d.strip())
        for row in rows
        for d in row.split("|")[2].split(",")
    }
    assert covered == {(q, d) for q in QUALIFIERS for d in DIRECTIONS}


def _extracted(
    qualifier: str, direction: str, value: float | None, upper: float | None = None
) -> pl.DataFrame:
    base = jg.extract_targets("2023年主要预期目标是：城镇调查失业率控制在5.5%以内。")
    return base.head(1).with_columns(
        id=pl.lit("t01"),
        qualifier=pl.lit(qualifier),
        direction=pl.lit(direction),
        value=pl.lit(value, dtype=pl.Float64),
        value_upper=pl.lit(upper, dtype=pl.Float64),
        benchmark=pl.lit("全国平均水平" if qualifier in RELATIVE else None, dtype=pl.String),
    )


@pytest.mark.parametrize(
    ("qualifier", "value", "upper", "actual", "benchmark", "status"),
    [
        ("range", 5.0, 5.5, 6.0, None, "missed"),  # 控制在5%—5.5% at 6.0
        ("range", 5.0, 5.5, 4.0, None, "exceeded"),
        ("strive", 5.5, None, 5.0, None, "exceeded"),  # 力争控制在5.5%以内 at 5.0
        ("at_least", 5.5, None, 6.0, None, "missed"),
        ("exceed", 5.5, None, 5.5, None, "missed"),
        ("exceed", 5.5, None, 5.4, None, "exceeded"),
        ("above_benchmark", None, None, 6.0, 5.0, "missed"),  # 好于全国平均水平 at 6.0 vs 5.0
        ("above_benchmark", None, None, 4.0, 5.0, "met"),
        ("in_step", None, None, 5.1, 5.0, "missed"),
        ("in_step", None, None, 5.0, 5.0, "met"),
    ],
)
def test_lower_is_better_is_mirrored(  # noqa: PLR0917 - one parameter per column
    qualifier: str,
    value: float | None,
    upper: float | None,
    actual: float,
    benchmark: float | None,
    status: str,
) -> None:
    targets = _extracted(qualifier, "lower", value, upper)
    bench = None if benchmark is None else {"t01": benchmark}
    result = jg.assess({"t01": actual}, targets=targets, benchmarks=bench)
    assert result["status"].item() == status


def reference(
    q: str, d: str, figures: tuple[float, float, float, float], a: float, b: float | None
) -> str:
    """The docs' table read by hand, written independently of the engine."""
    t, upper, _middle, stretch = figures
    lower, neutral = d == "lower", d == "neutral"
    if q == "qualitative":
        return "met" if a == 1 else "missed"
    if q in RELATIVE:
        if b is None:
            return "not_assessable"
        if q == "above_benchmark":
            return "met" if (a < b if lower else a > b) else "missed"
        return "met" if (a <= b if lower else a >= b) else "missed"
    exact = Decimal(repr(t))
    lo, hi = float(exact - abs(exact) * TOL), float(exact + abs(exact) * TOL)
    if q == "cap_about" or (q == "about" and lower):
        return "missed" if a > hi else "exceeded" if a < lo else "met"
    if q == "about":
        if neutral:
            return "met" if lo <= a <= hi else "missed"
        return "missed" if a < lo else "exceeded" if a > hi else "met"
    if q == "at_most" or (q in ("plain", "reach", "at_least", "strive") and lower):
        return "exceeded" if a < t else "met" if a == t else "missed"
    if q in ("plain", "reach", "at_least", "strive"):
        return "exceeded" if a > t else "met" if a == t else "missed"
    if q == "exceed":
        return "exceeded" if (a < t if lower else a > t) else "missed"
    if q == "range":
        if lower:
            return "missed" if a > upper else "exceeded" if a < t else "met"
        if neutral:
            return "met" if t <= a <= upper else "missed"
        return "missed" if a < t else "exceeded" if a > upper else "met"
    assert q == "tiers"
    if lower:
        return "missed" if a > t else "exceeded" if a <= stretch else "met"
    return "missed" if a < t else "exceeded" if a >= stretch else "met"


def _assess_one(
    q: str, d: str, figures: tuple[float, float, float, float], a: float, b: float | None
) -> str:
    t, upper, middle, stretch = figures
    own = q not in (*RELATIVE, "qualitative")
    frame = pl.DataFrame(
        [
            {
                "id": "x",
                "name_en": "x",
                "qualifier": q,
                "direction": d,
                "unit": "%",
                "value": t if own else None,
                "value_upper": upper if q == "range" else None,
                "value_target": middle if q == "tiers" else None,
                "value_stretch": stretch if q == "tiers" else None,
                "binding": None,
            }
        ],
        schema=_semantics.TARGET_COLUMNS,
    )
    compiled = _semantics.compile_targets(frame, TOL)
    benchmarks = None
    if b is not None:
        benchmarks = pl.DataFrame({"id": ["x"], "benchmark": [b]})
    result = _engine.assess_frame(
        pl.DataFrame({"id": ["x"], "actual": [a]}),
        compiled,
        benchmarks=benchmarks,
        boolean=False,
        outcome_ids=(),
    )
    return str(result["status"].item())


Case = tuple[str, str, tuple[float, float, float, float], float, float | None]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    q = draw(st.sampled_from(QUALIFIERS))
    d = draw(st.sampled_from(DIRECTIONS))
    cents = st.integers(min_value=-5000, max_value=5000)
    t = draw(cents) / 100
    steps = sorted(draw(st.lists(st.integers(1, 500), min_size=3, max_size=3)))
    upper = t + steps[0] / 100
    if q == "tiers" and d == "lower":
        middle, stretch = t - steps[0] / 100, t - steps[1] / 100 - 0.01
    else:
        middle, stretch = t + steps[0] / 100, t + steps[1] / 100 + 0.01
    b = draw(cents) / 100 if q in RELATIVE and draw(st.booleans()) else None
    exact = Decimal(repr(t))
    band = [float(exact - abs(exact) * TOL), float(exact + abs(exact) * TOL)]
    edges = [t, upper, middle, stretch, *band, *([] if b is None else [b])]
    if q == "qualitative":
        return q, d, (t, upper, middle, stretch), float(draw(st.sampled_from([0, 1]))), None
    edge = draw(st.sampled_from(edges))
    nudge = draw(st.sampled_from(["at", "up", "down", "plus", "minus"]))
    a = {
        "at": edge,
        "up": math.nextafter(edge, math.inf),
        "down": math.nextafter(edge, -math.inf),
        "plus": round(edge + 0.01, 2),
        "minus": round(edge - 0.01, 2),
    }[nudge]
    return q, d, (t, upper, middle, stretch), a, b


@given(cases())
def test_every_pair_is_right_around_every_edge(case: Case) -> None:
    q, d, figures, a, b = case
    assert _assess_one(q, d, figures, a, b) == reference(q, d, figures, a, b)


def test_tiers_lower_is_better_names_the_tier() -> None:
    compiled = _semantics.compile_targets(
        pl.DataFrame(
            [
                {
                    "id": "x",
                    "name_en": "x",
                    "qualifier": "tiers",
                    "direction": "lower",
                    "unit": "天",
                    "value": 30.0,
                    "value_upper": None,
                    "value_target": 25.0,
                    "value_stretch": 20.0,
                    "binding": None,
                }
            ],
            schema=_semantics.TARGET_COLUMNS,
        ),
        TOL,
    )
    actuals = pl.DataFrame({"scenario": ["a", "b", "c", "d"], "id": ["x"] * 4})
    result = _engine.assess_frame(
        actuals.with_columns(actual=pl.Series([31.0, 28.0, 25.0, 20.0])),
        compiled,
        benchmarks=None,
        boolean=False,
        outcome_ids=(),
    )
    assert result["status"].to_list() == ["missed", "met", "met", "exceeded"]
    assert result["tier_reached"].to_list() == [None, "floor", "target", "stretch"]

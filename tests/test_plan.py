from __future__ import annotations

import inspect
import re
from typing import Any

import pandera.errors
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jinan_gov.errors import UnknownIdError
from jinan_gov.extract import target_vs_outcome
from jinan_gov.plan import (
    base_unit,
    filter_pairs,
    indicators,
    outcomes_2022,
    pair_by_indicator,
    plan_pairs,
    section_key,
    sections,
    select_indicators,
    targets_2023,
    tasks_2023,
)
from jinan_gov.schemas import IndicatorSchema
from jinan_gov.text.sources import locate_quote, source_text
from tests import plan_coverage

DECLINE_WORDS = ("下降", "减少", "降低", "缩减", "改善")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return indicators().to_dicts()


def test_tables_validate_and_partition_indicators() -> None:
    frames = [outcomes_2022(), targets_2023(), tasks_2023()]
    for frame in frames:
        IndicatorSchema.validate(frame)
    assert sum(f.height for f in frames) == indicators().height
    assert outcomes_2022()["kind"].unique().to_list() == ["outcome"]
    assert set(targets_2023()["kind"]) == set(tasks_2023()["kind"]) == {"target"}


def test_every_quote_is_verbatim_unique_and_states_the_value(rows: list[dict[str, object]]) -> None:
    for row in rows:
        quote = str(row["quote"])
        location = locate_quote(str(row["doc_id"]), quote)
        assert location.quote == quote, f"{row['id']}: quote is not in normalised form"
        assert location.occurrences == 1, f"{row['id']}: quote occurs {location.occurrences}x"
        # digit runs and Chinese numerals (万家, 过千亿元) alike, read by jinan_gov.text.numerals
        figures = {
            v
            for token in plan_coverage.NUMBER.findall(quote)
            for v in plan_coverage.readings(token)
        }
        for column in ("value", "value_upper", "value_target", "value_stretch"):
            value = row[column]
            if value is not None:
                assert abs(float(str(value))) in figures, f"{row['id']}: {column} not in quote"
        value = row["value"]
        if value is not None and float(str(value)) < 0:
            assert any(word in quote for word in DECLINE_WORDS), f"{row['id']}: sign"


def test_completeness_every_figure_is_accounted_for(rows: list[dict[str, object]]) -> None:
    result = plan_coverage.coverage(rows, plan_coverage.load_exclusions())
    assert result.unaccounted == [], [m.token for m in result.unaccounted]
    assert result.total == 622
    chinese = [m for m in plan_coverage.mentions(source_text("plan_2023")) if not m.token.isascii()]
    assert len(chinese) == 217
    assert result.by_row + sum(result.by_rule.values()) + result.by_exclusion == result.total


def test_exclusions_are_reasoned_and_not_also_rows(rows: list[dict[str, object]]) -> None:
    exclusions = plan_coverage.load_exclusions()
    assert all(e.reason.strip() for e in exclusions)
    text = source_text("plan_2023")
    covered = plan_coverage.row_spans(text, rows)
    excluded = plan_coverage.exclusion_spans(text, exclusions)
    assert not set(covered) & set(excluded)


def test_stale_exclusion_is_reported() -> None:
    stale = [plan_coverage.Exclusion("不存在的上下文99", "99", "test")]
    with pytest.raises(ValueError, match="stale exclusion"):
        plan_coverage.exclusion_spans(source_text("plan_2023"), stale)


def test_a_missing_row_is_caught(rows: list[dict[str, object]]) -> None:
    without_gdp = [row for row in rows if row["id"] != "gdp_2022"]
    result = plan_coverage.coverage(without_gdp, plan_coverage.load_exclusions())
    assert [m.token for m in result.unaccounted] == ["12027.5"]


@pytest.mark.parametrize(
    ("row_id", "token"),
    [
        ("livelihood_spending_2022", "千亿"),
        ("enterprises_digital_transformation_enabled_2023", "万"),
    ],
)
def test_a_missing_chinese_numeral_row_is_caught(
    rows: list[dict[str, object]], row_id: str, token: str
) -> None:
    without = [row for row in rows if row["id"] != row_id]
    result = plan_coverage.coverage(without, plan_coverage.load_exclusions())
    assert [m.token for m in result.unaccounted] == [token]


def test_chinese_numeral_rows_are_traceable_to_their_quotes() -> None:
    rows = select_indicators(
        ["livelihood_spending_2022", "enterprises_digital_transformation_enabled_2023"]
    )
    assert rows.select("value", "unit", "qualifier", "value_base", "unit_base").rows() == [
        (1000.0, "亿元", "exceed", 1e11, "元"),
        (10000.0, "家", "at_least", 10000.0, "家"),
    ]
    assert rows["quote"].to_list() == [
        "民生和社会重点事业支出过千亿元",
        "赋能万家以上企业数字化转型",
    ]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("12027.5", {12027.5}),
        ("万", {10000.0}),
        ("千亿", {1e11, 1000.0}),
        ("百亿", {1e10, 100.0}),
        ("二十", {20.0}),
        ("十四五", set()),
    ],
)
def test_readings_of_a_figure(token: str, expected: set[float]) -> None:
    assert plan_coverage.readings(token) == expected


def test_a_chinese_numeral_row_with_the_wrong_value_is_not_covered(
    rows: list[dict[str, object]],
) -> None:
    wrong = [
        {**row, "value": 100.0} if row["id"] == "livelihood_spending_2022" else row for row in rows
    ]
    result = plan_coverage.coverage(wrong, plan_coverage.load_exclusions())
    assert [m.token for m in result.unaccounted] == ["千亿"]


@pytest.mark.parametrize(
    ("row_id", "value", "unit", "qualifier"),
    [
        ("gdp_2022", 12027.5, "亿元", "plain"),
        ("gdp_growth_2022", 3.1, "%", "plain"),
        ("gdp_growth_2023", 5.5, "%", "at_least"),
        ("digital_economy_share_2022", 47.0, "%", "reach"),
        ("digital_economy_share_2023", 48.0, "%", "at_least"),
        ("cpi_growth_2023", 3.0, "%", "cap_about"),
        ("new_urban_jobs_2023", 15.0, "万人", "plain"),
        ("work_safety_accidents_growth_2022", -49.2, "%", "plain"),
    ],
)
def test_well_known_ids_are_stable(row_id: str, value: float, unit: str, qualifier: str) -> None:
    row = select_indicators([row_id]).row(0, named=True)
    assert (row["value"], row["unit"], row["qualifier"]) == (value, unit, qualifier)


def test_outcome_and_target_share_an_indicator() -> None:
    share = indicators().filter(pl.col("indicator") == "digital_economy_share")
    assert share.select("kind", "value").rows() == [("outcome", 47.0), ("target", 48.0)]


def test_binding_targets_are_resources_environment_and_employment() -> None:
    binding = targets_2023().filter("binding")
    assert set(binding["subsection_title_zh"]) == {"资源环境", "民生保障"}
    assert sorted(binding["id"]) == ["energy_emission_targets_2023", "new_urban_jobs_2023"]
    assert targets_2023().height == 21


def test_relative_targets_have_no_value_but_a_benchmark_qualifier() -> None:
    relative = targets_2023().filter(pl.col("qualifier") == "above_benchmark")
    assert sorted(relative["id"]) == [
        "foreign_investment_growth_2023",
        "foreign_trade_growth_2023",
        "new_economy_value_added_growth_2023",
    ]
    assert relative["value"].null_count() == 3


def test_flagged_rows_keep_the_value_as_written() -> None:
    cooperatives = select_indicators(["farmer_cooperatives_2022"])
    assert cooperatives.select("value", "unit", "flag").row(0) == (11796.0, "万家", "suspect_unit")
    assert indicators().filter(pl.col("flag").is_not_null())["note"].null_count() == 0


def test_qualitative_targets_prefer_attainment() -> None:
    qualitative = indicators().filter(pl.col("qualifier") == "qualitative")
    assert qualitative["id"].to_list() == ["energy_emission_targets_2023"]
    assert set(qualitative["direction"]) == {"higher"}
    wrong = qualitative.with_columns(direction=pl.lit("neutral"))
    with pytest.raises(pandera.errors.SchemaErrors, match="qualitative_targets_are_better"):
        IndicatorSchema.validate(wrong, lazy=True)


def test_ranges_and_tiers_are_usable_bounds() -> None:
    ranges = indicators().filter(pl.col("qualifier") == "range")
    assert ranges.height >= 2
    assert (ranges["value_upper"] > ranges["value"]).all()


def test_section_paths_and_titles() -> None:
    tasks = tasks_2023()
    assert tasks["section"].str.starts_with("三(").all()
    assert outcomes_2022()["section"].str.starts_with("一").all()
    assert tasks["section_title_en"].null_count() == 0
    assert (indicators()["name_en"].str.len_chars() > 3).all()


def test_value_base_consistent_with_value_and_unit(rows: list[dict[str, object]]) -> None:
    for row in rows:
        factor, unit_base = base_unit(row["unit"])  # type: ignore[arg-type]
        assert row["unit_base"] == unit_base
        if row["value"] is None:
            assert row["value_base"] is None
        else:
            assert row["value_base"] == pytest.approx(float(str(row["value"])) * factor)


UNITS = st.sampled_from(
    ["亿元", "万个", "%", "个百分点", "元/月", "万套(间)", "万亿元", "万千瓦", "家"]
)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), UNITS)
def test_base_unit_round_trip(value: float, unit: str) -> None:
    factor, unit_base = base_unit(unit)
    assert unit_base is not None
    prefix = unit[: len(unit) - len(unit_base)]
    assert prefix in ("", "万", "亿", "万亿")
    assert unit == prefix + unit_base
    assert (value * factor) / factor == pytest.approx(value)


def test_base_unit_never_expands_percentages() -> None:
    assert base_unit("%") == (1.0, "%")
    assert base_unit("万") == (1.0, "万")
    assert base_unit(None) == (1.0, None)


def test_select_indicators_unknown_id_suggests() -> None:
    with pytest.raises(UnknownIdError, match="gdp_growth_2023"):
        select_indicators(["gdp_grwth_2023"])


@pytest.mark.parametrize("bad", ["gdp_2022", 42, None])
def test_select_indicators_bad_input(bad: object) -> None:
    with pytest.raises((TypeError, LookupError)):
        select_indicators(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        (b"gdp", "bytes b'gdp'"),
        (bytearray(b"gdp"), "bytearray"),
        (42, "int 42"),
        (None, "NoneType None"),
        ("gdp_2022", "str 'gdp_2022'"),
        ([b"gdp_2022"], "bytes b'gdp_2022'"),
        (["gdp_2022", 3], "int 3"),
    ],
)
def test_select_indicators_wrong_types_name_the_value(bad: object, named: str) -> None:
    with pytest.raises(TypeError, match=re.escape(named)) as info:
        select_indicators(bad)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)


def test_select_indicators_duplicate_id_is_one_clear_line() -> None:
    with pytest.raises(ValueError, match="'gdp_2022' is given more than once") as info:
        select_indicators(["gdp_2022", "gdp_growth_2023", "gdp_2022"])
    assert "\n" not in str(info.value)
    assert not isinstance(info.value, LookupError)


def test_select_indicators_accepts_any_iterable_of_ids() -> None:
    ids = ("gdp_2022", "gdp_growth_2023")
    expected = select_indicators(list(ids))["id"].to_list()
    assert select_indicators(iter(ids))["id"].to_list() == expected
    assert select_indicators(pl.Series(ids))["id"].to_list() == expected


def test_select_indicators_empty_gives_empty_frame() -> None:
    empty = select_indicators([])
    assert empty.height == 0
    assert empty.columns == indicators().columns


# --- Outcomes next to targets -------------------------------------------------------------


def test_plan_pairs_one_row_per_indicator_with_both_sides() -> None:
    pairs = plan_pairs()
    assert pairs["indicator"].is_unique().all()
    assert pairs["id_2022"].drop_nulls().sort().to_list() == outcomes_2022()["id"].sort().to_list()
    targets = pl.concat([targets_2023(), tasks_2023()])["id"]
    assert pairs["id_2023"].drop_nulls().sort().to_list() == targets.sort().to_list()
    both = pairs.filter("paired")
    assert (
        both.height
        == pairs.filter(pl.col("id_2022").is_not_null() & pl.col("id_2023").is_not_null()).height
    )
    row = pairs.filter(indicator="digital_economy_share").row(0, named=True)
    assert (row["value_2022"], row["value_2023"], row["target_text_2023"]) == (
        47.0,
        48.0,
        "达到48%以上",
    )
    assert pairs.filter(pl.col("id_2023").is_null())["target_text_2023"].null_count() == (
        pairs.filter(pl.col("id_2023").is_null()).height
    )


def test_sections_in_plan_order_and_section_key() -> None:
    keys = sections()["key"].to_list()
    assert keys[:3] == ["一", "一(一)", "一(二)"]
    assert sections()["order"].to_list() == list(range(len(keys)))
    assert set(plan_pairs()["section_key_2023"].drop_nulls()) <= set(keys)
    assert section_key("三(一)一是1.") == "三(一)"
    with pytest.raises(ValueError, match="not a section of the plan: 'x'"):
        section_key("x")


def test_filter_pairs_by_section_and_measure() -> None:
    pairs = plan_pairs()
    picked = filter_pairs(pairs, section="二(二)", measure="growth_rate")
    assert picked.height > 0
    assert set(picked["measure"]) == {"growth_rate"}
    assert all(
        "二(二)" in (a, b) for a, b in picked.select("section_key_2022", "section_key_2023").rows()
    )
    assert filter_pairs(pairs).equals(pairs)
    assert filter_pairs(pairs.head(0), section="一").is_empty()


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((plan_pairs, "九(九)", ""), ValueError, r"unknown section '九\(九\)'; valid: 一"),
        ((plan_pairs, "", "speed"), ValueError, "unknown measure 'speed'; valid: level"),
        ((indicators, "", ""), ValueError, "needs the columns of plan_pairs"),
        ((lambda: {"a": 1}, "", ""), TypeError, "takes a frame of plan_pairs\\(\\), got dict"),
    ],
)
def test_filter_pairs_bad_input(
    args: tuple[Any, str, str], error: type[Exception], match: str
) -> None:
    make, section, measure = args
    with pytest.raises(error, match=match):
        filter_pairs(make(), section, measure)


def test_pair_by_indicator_is_the_join_of_plan_pairs_and_target_vs_outcome() -> None:
    assert "pair_by_indicator" in inspect.getsource(plan_pairs.__wrapped__)  # type: ignore[attr-defined]
    assert "pair_by_indicator(" in inspect.getsource(target_vs_outcome)
    assert ".join(" not in inspect.getsource(target_vs_outcome)


def test_pair_by_indicator_keeps_all_or_targets_and_never_pairs_nulls() -> None:
    outcomes = pl.DataFrame(
        {
            "indicator": ["a", "b", None],
            "id": ["o1", "o2", "o3"],
            "value": [1.0, 2.0, 3.0],
            "unit": ["%", "%", "%"],
        }
    )
    targets = pl.DataFrame(
        {
            "indicator": ["c", "a", None],
            "id": ["t1", "t2", "t3"],
            "value": [5.0, 6.0, None],
            "unit": ["%", "%", None],
            "qualifier": ["about", "at_least", "qualitative"],
            "qualifier_zh": ["左右", "以上", "稳定"],
        }
    )
    both = pair_by_indicator(outcomes, targets, suffixes=("_x", "_y"))
    assert both.select("id_x", "id_y", "paired").rows() == [
        ("o1", "t2", True),
        ("o2", None, False),
        ("o3", None, False),
        (None, "t1", False),
        (None, "t3", False),
    ]
    kept = pair_by_indicator(outcomes, targets, keep="targets")
    assert kept.select("id_target", "id_outcome", "target_text_target").rows() == [
        ("t1", None, "5%左右"),
        ("t2", "o1", "6%以上"),
        ("t3", None, "稳定"),
    ]
    with pytest.raises(ValueError, match="targets: qualifier"):
        pair_by_indicator(outcomes, targets.drop("qualifier"))
    with pytest.raises(ValueError, match="keep is"):
        pair_by_indicator(outcomes, targets, keep="outcomes")  # type: ignore[arg-type]

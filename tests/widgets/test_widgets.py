"""The notebook widgets without a kernel: set ``.value`` on inputs, read the outputs.

Observers fire when ``.value`` is set from Python, so each builder is driven exactly as a
user would drive it, and the outputs are checked as HTML text and as chart specs
(``chart.to_dict()``: data, encodings, colours).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import altair as alt
import polars as pl
import pytest

import jinan_gov as jg
from jinan_gov import widgets as w
from jinan_gov.errors import UnknownIdError


def _rows(chart: Any, layer: int | None = None) -> list[dict[str, Any]]:
    """The inline data rows of a chart (of one layer of a layered chart)."""
    spec = chart.to_dict()
    data = spec["layer"][layer]["data"] if layer is not None else spec["data"]
    rows: list[dict[str, Any]] = spec["datasets"][data["name"]]
    return rows


# --- Import isolation --------------------------------------------------------------------


def test_widgets_module_explains_the_missing_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['altair'] = None  # as if the notebook extra were not installed\n"
        "import jinan_gov\n"
        "try:\n"
        "    import jinan_gov.widgets\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 'pip install "jinan-gov[notebook]"' in done.stdout


def test_public_names_exist() -> None:
    assert isinstance(w.__all__, tuple)
    for name in w.__all__:
        assert hasattr(w, name), name


# --- Plan explorer: logic ----------------------------------------------------------------


def test_plan_pairs_has_every_outcome_and_target_once() -> None:
    pairs = w.plan_pairs()
    assert pairs["indicator"].is_unique().all()
    assert sorted(pairs["id_2022"].drop_nulls()) == sorted(jg.outcomes_2022()["id"])
    targets = pl.concat([jg.targets_2023(), jg.tasks_2023()])["id"]
    assert sorted(pairs["id_2023"].drop_nulls()) == sorted(targets)
    assert pairs["paired"].sum() == 27


def test_plan_pairs_pairs_outcome_with_target() -> None:
    jobs = w.plan_pairs().filter(indicator="new_urban_jobs").row(0, named=True)
    assert (jobs["value_2022"], jobs["unit_2022"]) == (17.4, "万人")
    assert (jobs["value_2023"], jobs["binding_2023"], jobs["table_2023"]) == (
        15.0,
        True,
        "targets_2023",
    )
    assert (jobs["section_key_2022"], jobs["section_key_2023"]) == ("一(七)", "二(二)")


@pytest.mark.parametrize(
    ("target_id", "text"),
    [
        ("gdp_growth_2023", "5.5%以上"),
        ("services_value_added_growth_2023", "6%左右"),
        ("cpi_growth_2023", "控制在3%左右"),
        ("digital_economy_share_2023", "达到48%以上"),
        ("foreign_trade_growth_2023", "高于全省平均水平"),
        ("energy_emission_targets_2023", "完成 (qualitative)"),
        ("new_urban_jobs_2023", "15万人"),
        ("industrial_internet_parks_new_2023", "2—3个"),
        ("power_coal_stock_days_2023", "不低于20天、目标25天、力争30天"),
    ],
)
def test_target_text_reads_like_the_plan(target_id: str, text: str) -> None:
    pairs = w.plan_pairs().filter(id_2023=target_id)
    assert pairs["target_text_2023"].item() == text


def test_section_options_are_in_plan_order() -> None:
    keys = [key for _, key in w.section_options()]
    assert keys[0] == ""
    assert keys[1:] == ["一", *(f"一({n})" for n in "一二三四五六七"), "二(二)"] + [
        f"三({n})" for n in "一二三四"
    ]
    labels = {key: label for label, key in w.section_options()}
    assert labels["三(二)"].startswith("三(二) 聚焦着力扩大有效需求")


def test_section_key() -> None:
    assert w.section_key("三(一)一是1.") == "三(一)"
    assert w.section_key("二(二)5.") == "二(二)"
    with pytest.raises(ValueError, match="not a section"):
        w.section_key("(一)")


def test_filter_pairs_matches_either_side() -> None:
    pairs = w.plan_pairs()
    livelihood = w.filter_pairs(pairs, section="一(七)")
    assert livelihood.height == 31
    assert (livelihood["section_key_2022"] == "一(七)").all()
    main = w.filter_pairs(pairs, section="二(二)")
    assert main.height == 21
    assert "new_urban_jobs" in main["indicator"].to_list()
    shares = w.filter_pairs(pairs, section="二(二)", measure="share")
    assert shares["measure"].unique().to_list() == ["share"]


def test_filter_pairs_rejects_unknown_section_and_measure() -> None:
    with pytest.raises(ValueError, match=r"unknown section '四\(一\)'; valid: 一, 一\(一\)"):
        w.filter_pairs(w.plan_pairs(), section="四(一)")
    with pytest.raises(ValueError, match=r"unknown measure 'growth'.*growth_rate"):
        w.filter_pairs(w.plan_pairs(), measure="growth")
    with pytest.raises(ValueError, match="unknown section"):
        w.plan_explorer(section="(一)")


def test_pairs_chart_only_paired_indicators_one_panel_per_measure_and_unit() -> None:
    chart = w.pairs_chart(w.filter_pairs(w.plan_pairs(), section="二(二)"))
    spec = chart.to_dict()
    assert spec["facet"]["row"]["field"] == "panel"
    assert spec["resolve"]["scale"] == {"x": "independent", "y": "independent"}
    rows = spec["datasets"][spec["data"]["name"]]
    names = {row["name_zh"] for row in rows}
    assert "地区生产总值增长" in names
    assert "服务业增加值增长" not in names  # no 2022 outcome for it
    gdp = {row["kind"]: row["value"] for row in rows if row["name_zh"] == "地区生产总值增长"}
    assert gdp == {"2022 实绩 outcome": 3.1, "2023 目标 target": 5.5}
    assert {row["panel"] for row in rows} >= {"增速 growth rate (%)", "新增 new (万人)"}


def test_sections_chart_counts_targets_per_section() -> None:
    rows = _rows(w.sections_chart(w.plan_pairs()))
    counts = {row["section"].split()[0]: row["count"] for row in rows}
    assert counts == {"二(二)": 21, "三(一)": 61, "三(二)": 14, "三(三)": 48, "三(四)": 8}
    assert sum(counts.values()) == jg.targets_2023().height + jg.tasks_2023().height


def test_measures_chart_one_row_per_figure() -> None:
    frame = w.filter_pairs(w.plan_pairs(), measure="growth_rate")
    chart = w.measures_chart(frame)
    rows = _rows(chart)
    assert {row["panel"] for row in rows} == {"增速 growth rate"}
    assert len(rows) == frame["value_2022"].count() + frame["value_2023"].count()
    assert chart.to_dict()["encoding"]["x"]["scale"]["type"] == "symlog"


# --- Plan explorer: widget ---------------------------------------------------------------


def test_plan_explorer_follows_the_filters() -> None:
    explorer = w.plan_explorer()
    assert "287 indicators" in explorer.summary.value
    explorer.section.value = "一(七)"
    assert "31 indicators · 7 with both" in explorer.summary.value
    assert "新增城镇就业" in explorer.table.value
    names = {row["name_zh"] for row in _rows(explorer.pairs_chart.chart)}
    assert "新增城镇就业" in names
    assert "地区生产总值增长" not in names
    explorer.measure.value = "growth_rate"
    assert explorer.frame["measure"].unique().to_list() == ["growth_rate"]
    assert {row["panel"] for row in _rows(explorer.measures_chart.chart)} == {"增速 growth rate"}
    sections = _rows(explorer.sections_chart.chart)
    assert [row["section"].split()[0] for row in sections] == ["二(二)"]


def test_plan_explorer_empty_selection_shows_a_message() -> None:
    explorer = w.plan_explorer(section="二(二)", measure="rank")
    assert "0 indicators" in explorer.summary.value
    assert "No indicator matches" in explorer.table.value
    assert _rows(explorer.pairs_chart.chart) == []
    assert _rows(explorer.sections_chart.chart) == []


def test_explorers_display_as_their_container() -> None:
    explorer = w.plan_explorer(section="一(六)")
    bundle = explorer._repr_mimebundle_()
    view = bundle["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == explorer.container.model_id
    assert "jg-plan-explorer" in explorer.container._dom_classes


def test_explorers_carry_a_static_view_with_their_charts() -> None:
    plan = w.plan_explorer(section="二(二)")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in plan
    static = plan["text/html"]
    assert static.count('class="marks"') == 3
    assert "地区生产总值增长" in static
    assert "二(二)" in static
    what_if = w.attainment_what_if({"gdp_growth_2023": 4.0})._repr_mimebundle_()
    assert what_if["text/html"].count('class="marks"') == 1
    assert "missed 未达预期" in what_if["text/html"]
    rules = w.rules_explorer()._repr_mimebundle_()
    assert "第五十条" in rules["text/html"]
    assert "2023-05-09" in rules["text/html"]


def test_chart_widget_carries_a_static_svg() -> None:
    chart = w.gap_chart(jg.assess({"gdp_growth_2023": 4.0}))
    bundle = w.chart_widget(chart)._repr_mimebundle_()
    assert bundle is not None
    data, _ = bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    svg = data["image/svg+xml"]
    assert svg.startswith("<svg")
    assert 'class="marks"' in svg
    assert "地区生产总值增长" in svg


def test_pairs_chart_leaves_room_past_the_longest_bar() -> None:
    spec = w.pairs_chart(w.plan_pairs()).to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    parks = [row for row in rows if row["name_zh"] == "新建各类公园"]
    assert max(row["value"] for row in parks) == 100
    assert all(row["room_high"] > 100 for row in parks)
    room = spec["spec"]["layer"][1]
    assert room["mark"]["opacity"] == 0
    assert (room["encoding"]["x"]["field"], room["encoding"]["x2"]["field"]) == (
        "room_low",
        "room_high",
    )


def test_chart_widget_is_offline_svg() -> None:
    widget = w.chart_widget(alt.Chart(pl.DataFrame({"x": [1]})).mark_point().encode(x="x:Q"))
    assert isinstance(widget, alt.JupyterChart)
    assert alt.JupyterChart._is_offline
    assert widget.embed_options == {"renderer": "svg", "actions": False}
    assert widget.spec["mark"]["type"] == "point"


# --- Attainment what-if: logic -----------------------------------------------------------


def test_what_if_targets_inputs() -> None:
    spec = w.what_if_targets()
    assert spec["id"].to_list() == jg.targets_2023()["id"].to_list()
    kinds = spec["input"].value_counts().sort("input").rows()
    assert kinds == [("qualitative", 1), ("relative", 3), ("slider", 17)]
    sliders = spec.filter(input="slider")
    assert (sliders["min"] < sliders["default"]).all()
    assert (sliders["default"] < sliders["max"]).all()
    targets = dict(jg.targets_2023().select("id", "value").iter_rows())
    assert all(targets[i] == d for i, d in sliders.select("id", "default").iter_rows())
    rd = spec.filter(id="rd_expenditure_share_2023").row(0, named=True)
    assert rd["step"] == 0.01
    trade = spec.filter(id="foreign_trade_growth_2023").row(0, named=True)
    assert trade["default"] == 13.9  # the 2022 outcome


def test_parse_benchmarks() -> None:
    values, messages = w.parse_benchmarks({"a": "4.2%", "b": "  ", "c": "x1", "d": "-inf"})
    assert values == {"a": 4.2}
    assert messages == [
        "benchmark for c: 'x1' is not a number; ignored",
        "benchmark for d: '-inf' is not a finite number; ignored",
    ]


def test_summary_line_and_status_table() -> None:
    assessed = jg.assess(
        {"gdp_growth_2023": 6.0, "new_urban_jobs_2023": 14.0, "energy_emission_targets_2023": True}
    )
    assert w.summary_line(assessed) == (
        "3 assessed · 2 met or exceeded · 1 missed · binding 约束性: missed 新增城镇就业"
    )
    page = w.status_table_html(assessed)
    assert page.count("<tr>") == 4  # header + three targets
    assert "5.5%以上" in page
    assert "+0.5%" in page
    assert "exceeded 超出预期" in page
    assert "-1万人" in page
    assert "missed 未达预期" in page
    assert w.summary_line(assessed.head(0)) == "nothing assessed"
    assert "Nothing assessed" in w.status_table_html(assessed.head(0))


def test_summary_line_binding_not_all_assessed() -> None:
    assert w.summary_line(jg.assess({"gdp_growth_2023": 5.5})).endswith(
        "binding 约束性: not all assessed"
    )


def test_summary_line_refuses_many_scenarios() -> None:
    frame = pl.DataFrame(
        {"scenario": ["a", "b"], "id": ["gdp_growth_2023"] * 2, "actual": [5.0, 6.0]}
    )
    with pytest.raises(ValueError, match="one scenario"):
        w.summary_line(jg.assess(frame))


def test_gap_chart_colours_by_status_and_marks_every_target() -> None:
    chart = w.gap_chart(
        jg.assess({"gdp_growth_2023": 4.0, "foreign_trade_growth_2023": 3.0}),
    )
    spec = chart.to_dict()
    color = spec["layer"][0]["encoding"]["color"]
    assert color["field"] == "label"
    assert color["scale"]["range"] == [w.STATUS_COLORS[s] for s in jg.schemas.STATUSES]
    rows = {row["id"]: row for row in _rows(chart, layer=0)}
    assert rows["gdp_growth_2023"]["gap"] == -1.5
    assert rows["gdp_growth_2023"]["label"] == "missed 未达预期"
    assert rows["foreign_trade_growth_2023"]["gap"] is None
    assert rows["foreign_trade_growth_2023"]["gap_shown"] == 0.0  # its dot sits at 0
    assert spec["layer"][1]["encoding"]["x"]["field"] == "gap_shown"


# --- Attainment what-if: widget ----------------------------------------------------------


def test_what_if_starts_on_target() -> None:
    what_if = w.attainment_what_if()
    assert len(what_if.actuals) == 20
    assert set(what_if.benchmarks) == {
        "foreign_trade_growth_2023",
        "foreign_investment_growth_2023",
        "new_economy_value_added_growth_2023",
    }
    assert set(what_if.qualitative) == {"energy_emission_targets_2023"}
    assert "18 assessed · 18 met or exceeded · 0 missed · 3 not assessable" in (
        what_if.summary.value
    )
    assert "binding 约束性: all attained" in what_if.summary.value


def test_what_if_slider_updates_summary_table_and_chart() -> None:
    what_if = w.attainment_what_if()
    what_if.actuals["gdp_growth_2023"].value = 4.0
    assert "17 met or exceeded · 1 missed" in what_if.summary.value
    row = what_if.assessment.filter(id="gdp_growth_2023").row(0, named=True)
    assert (row["actual"], row["status"]) == (4.0, "missed")
    assert "-1.5%" in what_if.table.value
    gdp = next(r for r in _rows(what_if.chart.chart, layer=0) if r["id"] == "gdp_growth_2023")
    assert (gdp["gap"], gdp["status"]) == (-1.5, "missed")
    assert what_if.chart.spec is not None  # the widget's synced spec follows the chart


def test_what_if_binding_targets() -> None:
    what_if = w.attainment_what_if()
    what_if.qualitative["energy_emission_targets_2023"].value = False
    assert "binding 约束性: missed 完成省下达的节能减排降碳约束性指标和环境质量改善目标" in (
        what_if.summary.value
    )
    what_if.qualitative["energy_emission_targets_2023"].value = True
    what_if.actuals["new_urban_jobs_2023"].value = 14.0
    assert "binding 约束性: missed 新增城镇就业" in what_if.summary.value


def test_what_if_benchmarks_and_bad_benchmark_text() -> None:
    what_if = w.attainment_what_if(benchmarks={"foreign_trade_growth_2023": 20.0})
    trade = what_if.assessment.filter(id="foreign_trade_growth_2023")
    assert trade["status"].item() == "missed"  # 13.9 (2022's growth) is below 20
    what_if.benchmarks["foreign_investment_growth_2023"].value = "4.2"
    assert what_if.assessment.filter(id="foreign_investment_growth_2023")["status"].item() == "met"
    assert "20 assessed" in what_if.summary.value
    what_if.benchmarks["foreign_investment_growth_2023"].value = "four"
    assert "&#x27;four&#x27; is not a number" in what_if.messages.value
    assert "19 assessed" in what_if.summary.value
    what_if.benchmarks["foreign_investment_growth_2023"].value = ""
    assert what_if.messages.value == ""


def test_what_if_tolerance_moves_the_about_band() -> None:
    what_if = w.attainment_what_if({"services_value_added_growth_2023": 5.8})
    services = what_if.assessment.filter(id="services_value_added_growth_2023")
    assert services["status"].item() == "met"  # 6%左右 with 5 %: 5.7 .. 6.3
    what_if.tolerance.value = 0.0
    services = what_if.assessment.filter(id="services_value_added_growth_2023")
    assert services["status"].item() == "missed"


def test_what_if_rounds_slider_noise() -> None:
    what_if = w.attainment_what_if()
    what_if.actuals["gdp_growth_2023"].value = 5.500000000000001  # a browser's float sum
    assert what_if.values()["gdp_growth_2023"] == 5.5
    assert what_if.assessment.filter(id="gdp_growth_2023")["status"].item() == "met"


def test_what_if_start_values_and_bad_ids() -> None:
    what_if = w.attainment_what_if({"gdp_growth_2023": 12.0, "energy_emission_targets_2023": False})
    slider = what_if.actuals["gdp_growth_2023"]
    assert (slider.value, slider.max) == (12.0, 12.0)  # the range widens to the start
    assert what_if.qualitative["energy_emission_targets_2023"].value is False
    with pytest.raises(UnknownIdError, match="did you mean 'gdp_growth_2023'"):
        w.attainment_what_if({"gdp_growth_2032": 5.0})
    with pytest.raises(UnknownIdError, match="relative target id"):
        w.attainment_what_if(benchmarks={"gdp_growth_2023": 5.0})


# --- Rules explorer: logic ---------------------------------------------------------------


def test_search_html() -> None:
    page = w.search_html("会签 工作日")
    assert page.index("第五十条") < page.index("第四十四条")
    assert "Ask in Chinese or English" in w.search_html("   ")
    assert "No article matches &#x27;zzzz&#x27;" in w.search_html("zzzz")


def test_article_html() -> None:
    page = w.article_html("第三十八条")
    assert "第三十八条" in page
    assert "Article 38" in page
    assert "Meetings" in page
    assert "executive_meeting" not in page  # facts are shown by subject, not by id
    assert "常务会议" in page
    with pytest.raises(jg.ArticleNotFoundError):
        w.article_html(77)


def test_facts_table_and_html() -> None:
    limits = w.facts_table("time_limit")
    assert set(limits["kind"]) == {"time_limit"}
    executive = w.facts_table("meeting", "executive")
    assert executive.height > 0
    assert set(executive["meeting"]) == {"executive"}
    page = w.facts_html(limits)
    assert "5个工作日" in page
    assert "第五十条" in page
    assert "No fact matches" in w.facts_html(w.facts_table("length_limit", "plenary"))
    with pytest.raises(ValueError, match="unknown fact kind 'deadline'"):
        w.facts_table("deadline")
    with pytest.raises(ValueError, match="unknown meeting 'cabinet'"):
        w.facts_table(meeting="cabinet")


def test_deadline_html_counts_on_the_official_calendar() -> None:
    page = w.deadline_html(dt.date(2023, 4, 28), "countersign_reply_working_days")
    assert "Due 截止: 2023-05-09 (Tue 周二)" in page
    assert "第五十条" in page
    assert page.count('title="make-up working day 调休上班"') == 1  # Saturday 05-06
    assert page.count('title="public holiday 法定假日"') == 5  # 04-29 .. 05-03
    assert "劳动节" in page
    custom = w.deadline_html(dt.date(2023, 9, 28), "", 3)
    assert "2023-10-09" in custom


@pytest.mark.parametrize(
    ("start", "fact_id", "days", "message"),
    [
        (None, "", 5, "Pick a start date"),
        (dt.date(2030, 1, 2), "countersign_reply_working_days", 5, "not published"),
        (dt.date(2030, 1, 2), "", 5, "not published"),
        (dt.date(2026, 12, 30), "", 10, "not published"),  # runs into 2027
        (dt.date(2023, 5, 4), "", -1, "must be 0 or more"),
    ],
)
def test_deadline_html_explains_instead_of_raising(
    start: dt.date | None, fact_id: str, days: int, message: str
) -> None:
    page = w.deadline_html(start, fact_id, days)
    assert message in page
    assert "jg-message" in page


def test_deadline_options() -> None:
    options = w.deadline_options()
    assert options[-1][1] == ""
    assert all(jg.rules.due_date(f, dt.date(2023, 3, 1)) for _, f in options[:-1])


# --- Rules explorer: widget --------------------------------------------------------------


def test_rules_explorer_search_opens_the_top_hit() -> None:
    explorer = w.rules_explorer()
    assert explorer.article_no.value == 50
    explorer.query.value = "How often does the executive meeting meet?"
    assert "第三十八条" in explorer.results.value
    assert explorer.article_no.value == 38
    assert "第三十八条" in explorer.article.value
    explorer.query.value = "zzzz"
    assert "No article matches" in explorer.results.value
    assert explorer.article_no.value == 38  # unchanged
    explorer.query.value = ""
    assert "Ask in Chinese or English" in explorer.results.value


def test_rules_explorer_article_viewer() -> None:
    explorer = w.rules_explorer(query="")
    explorer.article_no.value = 39
    assert "第三十九条" in explorer.article.value
    assert explorer.container.titles == ("检索 Search", "要点 Facts", "期限 Deadlines")


def test_rules_explorer_facts_filters() -> None:
    explorer = w.rules_explorer()
    assert "会议 meetings" in explorer.facts.value
    explorer.fact_kind.value = "signature"
    explorer.meeting.value = "plenary"
    assert "纪要由市长签发" in explorer.facts.value
    explorer.fact_kind.value = "length_limit"
    assert "No fact matches" in explorer.facts.value
    explorer.fact_kind.value = "frequency"
    explorer.meeting.value = ""
    assert "per month" in explorer.facts.value


def test_rules_explorer_deadlines() -> None:
    explorer = w.rules_explorer()
    assert "2023-05-09" in explorer.due.value
    assert explorer.working_days.disabled
    explorer.limit.value = ""
    assert not explorer.working_days.disabled
    explorer.working_days.value = 1
    assert "Due 截止: 2023-05-04" in explorer.due.value
    explorer.start.value = dt.date(2030, 1, 2)
    assert "not published" in explorer.due.value
    explorer.start.value = None
    assert "Pick a start date" in explorer.due.value
    explorer.start.value = dt.date(2023, 4, 28)
    explorer.limit.value = "meeting_documents_issue_working_days"
    assert explorer.working_days.value == 5
    assert "2023-05-09" in explorer.due.value

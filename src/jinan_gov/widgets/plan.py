"""The plan explorer: 2022 outcomes next to 2023 targets, by section and measure.

:func:`plan_explorer` builds the widgets; the charts (:func:`pairs_chart`,
:func:`sections_chart`, :func:`measures_chart`) and the table (:func:`pairs_table_html`) are
plain functions of a frame of :func:`plan_pairs`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import altair as alt
import ipywidgets as widgets
import polars as pl

from jinan_gov.plan import filter_pairs, plan_pairs, sections
from jinan_gov.schemas import MEASURES
from jinan_gov.text.wording import format_number
from jinan_gov.widgets import _html
from jinan_gov.widgets._charts import (
    MEASURE_LABELS,
    OUTCOME_LABEL,
    TARGET_LABEL,
    chart_widget,
    kind_color,
    static_figure,
)

__all__ = (
    "HEADROOM",
    "PlanExplorer",
    "measure_options",
    "measures_chart",
    "pairs_chart",
    "pairs_table_html",
    "plan_explorer",
    "section_options",
    "sections_chart",
)

_TABLE_LABELS: Final[Mapping[str, str]] = {
    "targets_2023": "主要目标 main target",
    "tasks_2023": "任务目标 task target",
}
_TITLE = "2022 outcomes and 2023 targets 2022年实绩与2023年目标"
HEADROOM: Final = 1.08
"""How far a bar chart's axis runs past its longest bar (1.08: 8 % further)."""

_FIGURE_TOOLTIP = [
    alt.Tooltip("name_zh:N", title="指标"),
    alt.Tooltip("name_en:N", title="indicator"),
    alt.Tooltip("kind:N", title="figure"),
    alt.Tooltip("as_written:N", title="as written 原文"),
    alt.Tooltip("unit:N", title="unit 单位"),
]
_SYMLOG_TICKS = (-10, 0, 10, 100, 1_000, 10_000, 100_000)
_NUMERAL = "一二三四五六七八九十"
_SECTION_KEY = rf"^([{_NUMERAL}]+(?:\([{_NUMERAL}]+\))?)"
_SUFFIX_QUALIFIERS = ("以上", "左右", "余")


def section_options() -> list[tuple[str, str]]:
    """Dropdown options for the section filter: ``(label, key)``, ``""`` meaning all.

    >>> section_options()[:2]
    [('全部 All sections', ''), ('一 2022年国民经济和社会发展计划执行情况', '一')]
    """
    titles = sections()
    return [("全部 All sections", "")] + [
        (f"{key} {title}", key) for key, title in titles.select("key", "section_title_zh").rows()
    ]


def measure_options() -> list[tuple[str, str]]:
    """Dropdown options for the measure filter: ``(label, measure)``, ``""`` meaning all."""
    return [("全部 All measures", "")] + [(MEASURE_LABELS[m], m) for m in MEASURES]


def _long_values(pairs: pl.DataFrame) -> pl.DataFrame:
    """One row per figure: the outcome and the target of each indicator, stacked."""
    common: list[str | pl.Expr] = [
        "indicator",
        "name_zh",
        "name_en",
        pl.col("measure").replace_strict(MEASURE_LABELS, return_dtype=pl.String).alias("panel"),
    ]
    outcome = pairs.filter(pl.col("value_2022").is_not_null()).select(
        *common,
        pl.lit(OUTCOME_LABEL).alias("kind"),
        pl.col("value_2022").alias("value"),
        pl.col("unit_2022").alias("unit"),
        pl.col("value_2022")
        .map_elements(format_number, return_dtype=pl.String)
        .alias("as_written"),
    )
    target = pairs.filter(pl.col("value_2023").is_not_null()).select(
        *common,
        pl.lit(TARGET_LABEL).alias("kind"),
        pl.col("value_2023").alias("value"),
        pl.col("unit_2023").alias("unit"),
        pl.col("target_text_2023").alias("as_written"),
    )
    return pl.concat([outcome, target]).with_columns(pl.col("unit").fill_null(""))


def pairs_chart(pairs: pl.DataFrame, *, width: int = 340) -> alt.FacetChart:
    """Bars of the 2022 outcome and the 2023 target of each indicator that has both.

    One panel per measure and unit (growth rates in %, shares in %, new 家 …), each with its
    own scale, so figures are only ever compared with figures of the same kind. A relative
    target (高于全省平均水平) has no bar of its own; the tooltip gives the target as written.

    Each panel's axis runs a little past its largest figure (:data:`HEADROOM`), so the
    longest bar never ends flush with the axis as if it were cut off.

    >>> spec = pairs_chart(filter_pairs(plan_pairs(), section="二(二)")).to_dict()
    >>> spec["spec"]["layer"][0]["encoding"]["x"]["field"], spec["facet"]["row"]["field"]
    ('value', 'panel')
    """
    values = _long_values(pairs.filter(pl.col("paired"))).with_columns(
        panel=pl.col("panel") + pl.lit(" (") + pl.col("unit") + pl.lit(")")
    )
    values = values.with_columns(
        room_low=pl.min_horizontal(pl.col("value").min().over("panel"), 0.0) * HEADROOM,
        room_high=pl.max_horizontal(pl.col("value").max().over("panel"), 0.0) * HEADROOM,
    )
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=None),
            y=alt.Y("name_zh:N", title=None, sort=None, axis=alt.Axis(labelLimit=230)),
            yOffset=alt.YOffset("kind:N", sort=[OUTCOME_LABEL, TARGET_LABEL]),
            color=kind_color(),
            tooltip=_FIGURE_TOOLTIP,
        )
    )
    # An invisible rule over each panel's range with headroom: it only widens the x domain.
    room = (
        alt.Chart()
        .mark_rule(opacity=0)
        .encode(x="room_low:Q", x2="room_high:Q", y=alt.Y("name_zh:N", sort=None))
    )
    chart: alt.FacetChart = (
        alt.layer(bars, room, data=values)
        .properties(width=width, height=alt.Step(9))
        .facet(
            row=alt.Row(
                "panel:N",
                title=None,
                header=alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start"),
            ),
            title="2022 outcome vs 2023 target 实绩与目标 (indicators with both)",
        )
        .resolve_scale(x="independent", y="independent")
        .configure_header(labelFontWeight="bold", labelFontSize=12)
    )
    return chart


def sections_chart(pairs: pl.DataFrame, *, width: int = 300) -> alt.Chart:
    """Number of 2023 targets per section of the plan, main targets and task targets.

    >>> spec = sections_chart(plan_pairs()).to_dict()
    >>> spec["encoding"]["x"]["field"], spec["mark"]["type"]
    ('count', 'bar')
    """
    titles = sections()
    counts = (
        pairs.filter(pl.col("id_2023").is_not_null())
        .group_by("section_key_2023", "table_2023")
        .len("count")
        .join(titles, left_on="section_key_2023", right_on="key", how="left")
        .sort("order", "table_2023")
        .select(
            (pl.col("section_key_2023") + pl.lit(" ") + pl.col("section_title_zh")).alias(
                "section"
            ),
            pl.col("section_title_en").alias("section_en"),
            pl.col("table_2023").replace_strict(_TABLE_LABELS).alias("table"),
            "count",
        )
    )
    order = counts["section"].unique(maintain_order=True).to_list()
    totals = counts.group_by("section").agg(pl.col("count").sum())["count"].to_list()
    longest = max(totals, default=0)
    chart: alt.Chart = (
        alt.Chart(counts, title="Number of 2023 targets per section 各部分目标数")
        .mark_bar()
        .encode(
            x=alt.X(
                "count:Q",
                title="targets 目标数",
                stack="zero",
                scale=alt.Scale(domain=[0, float(longest) * HEADROOM], nice=True),
            ),
            y=alt.Y("section:N", title=None, sort=order, axis=alt.Axis(labelLimit=200)),
            color=alt.Color(
                "table:N",
                title=None,
                scale=alt.Scale(domain=list(_TABLE_LABELS.values()), range=["#e45756", "#72b7b2"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("section:N", title="部分"),
                alt.Tooltip("section_en:N", title="section"),
                alt.Tooltip("table:N", title="kind"),
                alt.Tooltip("count:Q", title="targets"),
            ],
        )
        .properties(width=width)
    )
    return chart


def measures_chart(pairs: pl.DataFrame, *, width: int = 300) -> alt.Chart:
    """Every figure as written, one row per measure (symlog scale; hover for the unit).

    >>> spec = measures_chart(plan_pairs()).to_dict()
    >>> spec["encoding"]["x"]["scale"]["type"], spec["encoding"]["y"]["field"]
    ('symlog', 'panel')
    """
    values = _long_values(pairs)
    order = [MEASURE_LABELS[m] for m in MEASURES]
    chart: alt.Chart = (
        alt.Chart(values, title="Values by measure 按指标类型的数值")
        .mark_circle(size=45, opacity=0.65)
        .encode(
            x=alt.X(
                "value:Q",
                title="value as written (symlog) 原文数值",
                scale=alt.Scale(type="symlog"),
                axis=alt.Axis(values=list(_SYMLOG_TICKS), labelExpr="format(datum.value, ',')"),
            ),
            y=alt.Y("panel:N", title=None, sort=order),
            yOffset=alt.YOffset("kind:N", sort=[OUTCOME_LABEL, TARGET_LABEL]),
            color=kind_color(),
            tooltip=_FIGURE_TOOLTIP,
        )
        .properties(width=width)
    )
    return chart


def pairs_table_html(pairs: pl.DataFrame) -> str:
    """An HTML table of :func:`plan_pairs` rows: indicator, 2022 outcome, 2023 target."""
    header = ("指标 indicator", OUTCOME_LABEL, TARGET_LABEL, "类型 measure", "章节 section")
    empty = "No indicator matches these filters. 没有符合条件的指标。"
    return _html.frame_table(pairs, header, _pair_cells, empty=empty)


def _pair_cells(row: dict[str, Any]) -> list[str]:
    outcome = f"{format_number(row['value_2022'])}{_html.esc(row['unit_2022'] or '')}"
    return [
        _html.td(_html.bilingual(row["name_zh"], row["name_en"])),
        _html.td(outcome if row["id_2022"] else "", numeric=True),
        _html.td(_html.esc(row["target_text_2023"] or ""), numeric=True),
        _html.td(_html.esc(MEASURE_LABELS[row["measure"]])),
        _html.td(_html.esc(" / ".join(s for s in (row["section_2022"], row["section_2023"]) if s))),
    ]


def _pairs_summary(frame: pl.DataFrame) -> str:
    paired = int(frame["paired"].sum())
    targets = frame["id_2023"].count()
    outcomes = frame["id_2022"].count()
    text = (
        f"{frame.height} indicators · {paired} with both a 2022 outcome and a 2023 target · "
        f"{outcomes} outcomes · {targets} targets"
    )
    return f'{_html.CSS}<p class="jg-summary">{_html.esc(text)}</p>'


@dataclass(eq=False)
class PlanExplorer:
    """The widgets of :func:`plan_explorer`; displays as :attr:`container`.

    Set ``section.value`` (a key such as ``"三(二)"``, ``""`` for all) or ``measure.value``
    (a measure, ``""`` for all): the summary, table and the three charts follow.
    """

    section: widgets.Dropdown
    measure: widgets.Dropdown
    summary: widgets.HTML
    table: widgets.HTML
    pairs_chart: alt.JupyterChart
    sections_chart: alt.JupyterChart
    measures_chart: alt.JupyterChart
    container: widgets.VBox
    frame: pl.DataFrame = field(default_factory=pl.DataFrame)

    def refresh(self, change: object = None) -> None:
        """Recompute everything from the current filter values."""
        self.frame = filter_pairs(plan_pairs(), self.section.value, self.measure.value)
        self.summary.value = _pairs_summary(self.frame)
        self.table.value = pairs_table_html(self.frame)
        self.pairs_chart.chart = pairs_chart(self.frame)
        self.sections_chart.chart = sections_chart(self.frame)
        self.measures_chart.chart = measures_chart(self.frame)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return _html.display_bundle(self.container, kwargs, self.static_html())

    def static_html(self) -> str:
        """The explorer as it stands, as static HTML: filters, summary, charts, table."""
        filters = f"{self.section.label} · {self.measure.label}"
        charts = (self.pairs_chart, self.sections_chart, self.measures_chart)
        return (
            f"<h3>{_TITLE}</h3>{_html.en(filters)}{self.summary.value}"
            + "".join(static_figure(widget.chart) for widget in charts)
            + str(self.table.value)
        )


def plan_explorer(section: str = "", measure: str = "") -> PlanExplorer:
    """Explore the plan: 2022 outcomes next to 2023 targets, filtered by section and measure.

    Parameters
    ----------
    section, measure
        Initial filters (see :func:`filter_pairs`); ``""`` shows everything.

    Returns
    -------
    PlanExplorer
        Dropdowns ``section`` and ``measure``; outputs ``summary``, ``table`` (HTML) and the
        charts ``pairs_chart`` (outcome vs target per shared indicator), ``sections_chart``
        (number of targets per section) and ``measures_chart`` (values by measure).
    """
    filter_pairs(plan_pairs(), section, measure)  # validate before building anything
    section_box, measure_box = (
        widgets.Dropdown(
            options=options,
            value=value,
            description=label,
            style={"description_width": "7em"},
            layout=widgets.Layout(width=width),
        )
        for options, value, label, width in (
            (section_options(), section, "章节 Section", "34em"),
            (measure_options(), measure, "类型 Measure", "24em"),
        )
    )
    empty = plan_pairs().head(0)
    explorer = PlanExplorer(
        section=section_box,
        measure=measure_box,
        summary=widgets.HTML(),
        table=widgets.HTML(),
        pairs_chart=chart_widget(pairs_chart(empty)),
        sections_chart=chart_widget(sections_chart(empty)),
        measures_chart=chart_widget(measures_chart(empty)),
        container=widgets.VBox(),
    )
    table_box = widgets.Accordion(children=[explorer.table], titles=("表格 Table",))
    explorer.container.children = [
        widgets.HTML(f"<h3>{_TITLE}</h3>"),
        widgets.HBox([section_box, measure_box]),
        explorer.summary,
        widgets.HBox(
            [
                explorer.pairs_chart,
                widgets.VBox([explorer.sections_chart, explorer.measures_chart]),
            ]
        ),
        table_box,
    ]
    explorer.container.add_class("jg-plan-explorer")
    _html.observe(explorer.refresh, section_box, measure_box)
    explorer.refresh()
    return explorer


def __dir__() -> list[str]:
    return list(__all__)

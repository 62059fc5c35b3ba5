"""The attainment what-if: sliders for the 2023 main targets, statuses out.

:func:`attainment_what_if` builds the widgets; the outputs (:func:`status_table_html`,
:func:`summary_line`, :func:`gap_chart`) are plain functions of an assessment made by
:func:`jinan_gov.assess`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import ipywidgets as widgets
import polars as pl

from jinan_gov.attainment import DEFAULT_TOLERANCE, assess, attainment_summary, what_if_targets
from jinan_gov.errors import UnknownIdError
from jinan_gov.plan import plan_pairs
from jinan_gov.schemas import STATUSES
from jinan_gov.text.wording import format_number
from jinan_gov.widgets import _html
from jinan_gov.widgets._charts import STATUS_COLORS, STATUS_LABELS, chart_widget, static_figure

_TITLE = "What if? 2023 main targets 主要目标完成情况模拟"

__all__ = (
    "AttainmentWhatIf",
    "attainment_what_if",
    "gap_chart",
    "parse_benchmarks",
    "status_table_html",
    "summary_line",
)


def parse_benchmarks(texts: Mapping[str, str]) -> tuple[dict[str, float], list[str]]:
    """Read benchmark text boxes: numbers are kept, blanks skipped, anything else reported.

    Returns
    -------
    tuple[dict[str, float], list[str]]
        The benchmarks to pass to :func:`jinan_gov.assess`, and one message per box that
        does not hold a finite number.

    >>> parse_benchmarks({"a": " 4.2 ", "b": "", "c": "abc", "d": "nan"})
    ({'a': 4.2}, ["benchmark for c: 'abc' is not a number; ignored", "benchmark for d: 'nan' is not a finite number; ignored"])
    """  # noqa: E501
    values: dict[str, float] = {}
    messages: list[str] = []
    for target, text in texts.items():
        cleaned = text.strip().rstrip("%").strip()
        if not cleaned:
            continue
        try:
            number = float(cleaned)
        except ValueError:
            messages.append(f"benchmark for {target}: {text.strip()!r} is not a number; ignored")
            continue
        if not math.isfinite(number):
            messages.append(
                f"benchmark for {target}: {text.strip()!r} is not a finite number; ignored"
            )
            continue
        values[target] = number
    return values, messages


def _with_names(assessed: pl.DataFrame) -> pl.DataFrame:
    names = plan_pairs().select(
        pl.col("id_2023").alias("id"),
        pl.col("name_zh_2023").alias("name_zh"),
        pl.col("target_text_2023").alias("target_text"),
    )
    return assessed.join(names, on="id", how="left", maintain_order="left")


def _signed(value: float | None) -> str:
    """A gap with its sign, e.g. +2.4, -0.8, 0; empty for none."""
    if value is None or math.isnan(value):
        return ""
    if abs(value) < 0.005:
        return "0"
    return f"{value:+.2f}".rstrip("0").rstrip(".")


def _badge(status: str) -> str:
    color, label = STATUS_COLORS[status], _html.esc(STATUS_LABELS[status])
    return f'<span class="jg-badge" style="background:{color}">{label}</span>'


def status_table_html(assessed: pl.DataFrame) -> str:
    """An HTML status table of an assessment (the output of :func:`jinan_gov.assess`).

    >>> from jinan_gov import assess
    >>> page = status_table_html(assess({"new_urban_jobs_2023": 14.2}))
    >>> "新增城镇就业" in page and "missed 未达预期" in page and "约束性" in page
    True
    """
    header = (
        "目标 target",
        "计划 planned",
        "实际 actual",
        "基准 benchmark",
        "差距 gap",
        "状态 status",
        "",
        "reason",
    )
    empty = "Nothing assessed. 没有可评估的目标。"
    return _html.frame_table(
        _with_names(assessed), header, _status_cells, empty=empty, scroll=False
    )


def _status_cells(row: dict[str, Any]) -> list[str]:
    unit = _html.esc(row["unit"] or "")
    if row["qualifier"] == "qualitative":
        actual = "yes 是" if row["actual"] == 1 else "no 否"
    else:
        actual = f"{format_number(row['actual'])}{unit}"
    bench = f"{format_number(row['benchmark'])}{unit}" if row["benchmark"] is not None else ""
    gap = _signed(row["gap"])
    binding = "约束性 binding" if row["binding"] else ""
    return [
        _html.td(_html.bilingual(row["name_zh"], row["name_en"])),
        _html.td(_html.esc(row["target_text"])),
        _html.td(actual, numeric=True),
        _html.td(bench, numeric=True),
        _html.td(gap + (unit if gap else ""), numeric=True),
        _html.td(_badge(row["status"])),
        _html.td(_html.en(binding)),
        _html.td(_html.en(row["reason"])),
    ]


def summary_line(assessed: pl.DataFrame) -> str:
    """One line on an assessment of a single scenario: counts and the binding targets.

    >>> from jinan_gov import assess
    >>> summary_line(assess({"gdp_growth_2023": 6.0, "new_urban_jobs_2023": 14.0,
    ...                      "energy_emission_targets_2023": True}))
    '3 assessed · 2 met or exceeded · 1 missed · binding 约束性: missed 新增城镇就业'
    """
    if assessed.is_empty():
        return "nothing assessed"
    if assessed["scenario"].n_unique() > 1:
        raise ValueError(
            "summary_line() describes one scenario; use jinan_gov.attainment_summary() for many"
        )
    counts = attainment_summary(assessed).row(0, named=True)
    parts = [
        f"{counts['assessed']} assessed",
        f"{counts['exceeded'] + counts['met']} met or exceeded",
        f"{counts['missed']} missed",
    ]
    if counts["not_assessable"]:
        parts.append(f"{counts['not_assessable']} not assessable")
    binding = counts["all_binding_attained"]
    if binding is True:
        parts.append("binding 约束性: all attained")
    elif binding is False:
        missed = _with_names(assessed).filter(
            pl.col("binding").fill_null(value=False) & (pl.col("status") == "missed")
        )
        parts.append("binding 约束性: missed " + ", ".join(missed["name_zh"]))
    else:
        parts.append("binding 约束性: not all assessed")
    return " · ".join(parts)


def gap_chart(assessed: pl.DataFrame, *, width: int = 380) -> alt.LayerChart:
    """The gap (actual minus target or benchmark) of each target, coloured by status.

    A bar runs from 0 to the gap and a dot marks its end, so a target met exactly (gap 0)
    still shows. A target without a gap (not assessable, or qualitative) gets a dot at 0 in
    its status colour. Targets keep their place on the axis whatever their status.

    >>> from jinan_gov import assess
    >>> spec = gap_chart(assess({"gdp_growth_2023": 4.0})).to_dict()
    >>> spec["layer"][0]["encoding"]["color"]["scale"]["domain"][2]
    'missed 未达预期'
    >>> spec["datasets"][spec["layer"][0]["data"]["name"]][0]["gap"]
    -1.5
    """
    frame = _with_names(assessed).select(
        "id",
        "name_zh",
        "name_en",
        "status",
        pl.col("status").replace_strict(STATUS_LABELS, return_dtype=pl.String).alias("label"),
        pl.col("gap").fill_nan(None),
        pl.col("gap").fill_nan(None).fill_null(0.0).alias("gap_shown"),
        pl.col("unit").fill_null(""),
        "reason",
    )
    order = frame["name_zh"].unique(maintain_order=True).to_list()
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "name_zh:N",
            title=None,
            sort=order,
            scale=alt.Scale(domain=order),
            axis=alt.Axis(labelLimit=210),
        ),
        color=alt.Color(
            "label:N",
            title=None,
            scale=alt.Scale(
                domain=[STATUS_LABELS[s] for s in STATUSES],
                range=[STATUS_COLORS[s] for s in STATUSES],
            ),
            legend=alt.Legend(orient="top"),
        ),
        tooltip=[
            alt.Tooltip("name_zh:N", title="目标"),
            alt.Tooltip("name_en:N", title="target"),
            alt.Tooltip("label:N", title="status"),
            alt.Tooltip("gap:Q", title="gap", format="+.2f"),
            alt.Tooltip("unit:N", title="unit"),
            alt.Tooltip("reason:N", title="reason"),
        ],
    )
    title = "gap 差距 (actual − target or benchmark, in the target's unit)"
    bars = (
        base.mark_bar(height={"band": 0.6})
        .encode(x=alt.X("gap:Q", title=title))
        .properties(width=width, height=alt.Step(18))
    )
    dots = base.mark_circle(size=55, opacity=1).encode(x=alt.X("gap_shown:Q", title=title))
    zero = alt.Chart(pl.DataFrame({"zero": [0.0]})).mark_rule(color="#333").encode(x="zero:Q")
    return alt.LayerChart(layer=[bars, dots, zero], title="Gap to target by status 与目标的差距")


@dataclass(eq=False)
class AttainmentWhatIf:
    """The widgets of :func:`attainment_what_if`; displays as :attr:`container`.

    Set ``actuals[target_id].value``, ``benchmarks[target_id].value`` (text: a number,
    blank for none), ``qualitative[target_id].value`` or ``tolerance.value``: the summary
    line, status table and gap chart follow, and :attr:`assessment` holds the result of
    :func:`jinan_gov.assess`.
    """

    actuals: dict[str, widgets.FloatSlider]
    benchmarks: dict[str, widgets.Text]
    qualitative: dict[str, widgets.Checkbox]
    tolerance: widgets.FloatSlider
    summary: widgets.HTML
    messages: widgets.HTML
    table: widgets.HTML
    chart: alt.JupyterChart
    container: widgets.Box
    assessment: pl.DataFrame = field(default_factory=pl.DataFrame)

    def values(self) -> dict[str, float | bool]:
        """The actual values the inputs currently hold, by target id."""
        steps = dict(what_if_targets().select("id", "step").iter_rows())
        values: dict[str, float | bool] = {
            target: round(float(slider.value), 2 if steps[target] < 0.1 else 1)
            for target, slider in self.actuals.items()
        }
        values.update({t: bool(box.value) for t, box in self.qualitative.items()})
        return values

    def refresh(self, change: object = None) -> None:
        """Assess the current inputs and redraw the outputs."""
        benchmarks, messages = parse_benchmarks(
            {target: box.value for target, box in self.benchmarks.items()}
        )
        self.assessment = assess(
            self.values(), benchmarks=benchmarks, tolerance=float(self.tolerance.value)
        )
        self.summary.value = (
            f'{_html.CSS}<p class="jg-summary">{_html.esc(summary_line(self.assessment))}</p>'
        )
        self.messages.value = "".join(_html.message(m) for m in messages)
        self.table.value = status_table_html(self.assessment)
        self.chart.chart = gap_chart(self.assessment)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return _html.display_bundle(self.container, kwargs, self.static_html())

    def static_html(self) -> str:
        """The what-if as it stands, as static HTML: summary, gap chart, status table."""
        return (
            f"<h3>{_TITLE}</h3>{self.summary.value}{self.messages.value}"
            f"{static_figure(self.chart.chart)}{self.table.value}"
        )


def attainment_what_if(
    actuals: Mapping[str, float | bool] | None = None,
    benchmarks: Mapping[str, float] | None = None,
) -> AttainmentWhatIf:
    """What if the 2023 main targets came out like this? Sliders in, statuses out.

    Parameters
    ----------
    actuals
        Starting values by target id (default: each target's own figure, so everything
        starts "met"; see :func:`what_if_targets`). Values outside a slider's range widen it.
    benchmarks
        Starting benchmarks (e.g. the provincial growth rate) for the relative targets
        (增速高于全省平均水平); without one a relative target is not assessable.

    Returns
    -------
    AttainmentWhatIf
        ``actuals`` (a slider per numeric or relative target), ``benchmarks`` (a text box
        per relative target), ``qualitative`` (a checkbox for the qualitative binding
        target), ``tolerance`` (of 左右 targets) and the outputs ``summary``, ``messages``,
        ``table`` and ``chart``.

    Raises
    ------
    UnknownIdError
        An id in ``actuals`` or ``benchmarks`` that is not a main target with that input.
    """
    spec = what_if_targets()
    start: dict[str, float | bool] = dict(spec.select("id", "default").iter_rows())
    for target, value in (actuals or {}).items():
        if target not in start:
            raise UnknownIdError("main target id", target, start)
        start[target] = value
    relative = spec.filter(input="relative")["id"].to_list()
    for target in benchmarks or {}:
        if target not in relative:
            raise UnknownIdError("relative target id (benchmark)", target, relative)
    style = {"description_width": "16em"}
    sliders: dict[str, Any] = {}
    texts: dict[str, Any] = {}
    boxes: dict[str, Any] = {}
    rows: list[Any] = []
    for row in spec.iter_rows(named=True):
        target = row["id"]
        label = f"{row['name_zh']} ({row['unit']})" if row["unit"] else row["name_zh"]
        if row["input"] == "qualitative":
            boxes[target] = widgets.Checkbox(
                value=bool(start[target]),
                description=f"{row['name_zh']} (约束性 binding)",
                tooltip=row["name_en"],
                indent=False,
                layout=widgets.Layout(width="38em"),
            )
            rows.append(boxes[target])
            continue
        value = float(start[target])
        sliders[target] = widgets.FloatSlider(
            value=value,
            min=min(row["min"], value),
            max=max(row["max"], value),
            step=row["step"],
            description=label,
            tooltip=f"{row['name_en']}: target {row['target_text']}",
            readout_format=".2f" if row["step"] < 0.1 else ".1f",
            continuous_update=False,
            style=style,
            layout=widgets.Layout(width="38em"),
        )
        rows.append(sliders[target])
        if row["input"] == "relative":
            given = (benchmarks or {}).get(target)
            texts[target] = widgets.Text(
                value="" if given is None else format_number(given),
                placeholder="provincial average 全省平均, e.g. 4.2",
                description="↳ 全省平均 benchmark (%)",
                continuous_update=False,
                style=style,
                layout=widgets.Layout(width="38em"),
            )
            rows.append(texts[target])
    tolerance = widgets.FloatSlider(
        value=DEFAULT_TOLERANCE,
        min=0.0,
        max=0.2,
        step=0.01,
        description="左右 tolerance (relative)",
        readout_format=".2f",
        continuous_update=False,
        style=style,
        layout=widgets.Layout(width="38em"),
    )
    what_if = AttainmentWhatIf(
        actuals=sliders,
        benchmarks=texts,
        qualitative=boxes,
        tolerance=tolerance,
        summary=widgets.HTML(),
        messages=widgets.HTML(),
        table=widgets.HTML(),
        chart=chart_widget(gap_chart(assess({}))),
        container=widgets.VBox(),
    )
    inputs = widgets.VBox(
        [widgets.HTML("<b>2023 actuals 实际值</b>"), *rows, tolerance],
        layout=widgets.Layout(min_width="39em"),
    )
    what_if.container.children = [
        widgets.HTML(f"<h3>{_TITLE}</h3>"),
        what_if.summary,
        what_if.messages,
        widgets.HBox([inputs, what_if.chart]),
        what_if.table,
    ]
    what_if.container.add_class("jg-attainment-what-if")
    _html.observe(what_if.refresh, tolerance, *sliders.values(), *texts.values(), *boxes.values())
    what_if.refresh()
    return what_if


def __dir__() -> list[str]:
    return list(__all__)

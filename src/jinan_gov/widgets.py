"""Interactive explorers for notebooks and Voila: ipywidgets controls with altair charts.

This module needs the optional ``notebook`` extra (``pip install "jinan-gov[notebook]"``:
altair, ipywidgets, vl-convert-python, anywidget); ``import jinan_gov`` never imports it.

Three builders each return a small dataclass that holds the input widgets, the outputs and a
``container`` to display; the dataclass itself displays as its container, so a notebook cell
that ends with ``plan_explorer()`` shows the explorer.

- :func:`plan_explorer`: the plan's 2022 outcomes next to its 2023 targets, filtered by
  section and measure, with three charts and a table;
- :func:`attainment_what_if`: a slider per main target, benchmarks for the relative
  targets and a checkbox for the qualitative binding target, with a live status table, a
  chart of the gaps and a summary line;
- :func:`rules_explorer`: search the Work Rules, read an article, list the structured facts
  and compute a deadline on China's official working-day calendar.

The logic behind the widgets lives in plain functions (:func:`plan_pairs`,
:func:`filter_pairs`, :func:`pairs_chart`, :func:`status_table_html`,
:func:`summary_line`, :func:`gap_chart`, :func:`search_html`, :func:`article_html`,
:func:`facts_table`, :func:`deadline_html` …) that take and return Polars frames, HTML
strings and altair charts, so they can be used and tested without a kernel.

Charts are shown with :class:`altair.JupyterChart` in offline mode: vl-convert bundles
Vega's JavaScript into the widget, so nothing is fetched from a CDN. They are rendered as
SVG, so Chinese labels are drawn with the browser's fonts (install a CJK font such as
Debian's ``fonts-noto-cjk`` on a bare machine).

>>> explorer = plan_explorer()
>>> explorer.section.value = "一(七)"
>>> explorer.summary.value  # doctest: +ELLIPSIS
'<style>...<p class="jg-summary">30 indicators · 7 with both a 2022 outcome and a 2023 target...'
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

import chinese_calendar
import polars as pl

try:
    import altair as alt
    import ipywidgets as widgets
except ImportError as error:  # pragma: no cover - only without the notebook extra
    raise ImportError(
        "jinan_gov.widgets needs the optional notebook dependencies (altair, ipywidgets, "
        'vl-convert-python, anywidget): pip install "jinan-gov[notebook]"'
    ) from error

from jinan_gov import rules
from jinan_gov.attainment import DEFAULT_TOLERANCE, assess, attainment_summary
from jinan_gov.errors import CalendarNotPublishedError, UnknownIdError
from jinan_gov.numerals import parse_chinese_numeral
from jinan_gov.plan import outcomes_2022, targets_2023, tasks_2023
from jinan_gov.schemas import FACT_KINDS, MEASURES, MEETINGS, STATUSES
from jinan_gov.workdays import add_working_days, is_working_day

__all__ = (
    "KIND_LABELS",
    "MEASURE_LABELS",
    "STATUS_COLORS",
    "STATUS_LABELS",
    "AttainmentWhatIf",
    "PlanExplorer",
    "RulesExplorer",
    "article_html",
    "attainment_what_if",
    "chart_widget",
    "deadline_html",
    "deadline_options",
    "facts_html",
    "facts_table",
    "filter_pairs",
    "gap_chart",
    "measure_options",
    "measures_chart",
    "pairs_chart",
    "pairs_table_html",
    "parse_benchmarks",
    "plan_explorer",
    "plan_pairs",
    "rules_explorer",
    "search_html",
    "section_key",
    "section_options",
    "sections_chart",
    "status_table_html",
    "summary_line",
    "what_if_targets",
)

# --- Shared vocabulary and helpers -------------------------------------------------------

MEASURE_LABELS: Final[Mapping[str, str]] = {
    "level": "总量/水平 level",
    "growth_rate": "增速 growth rate",
    "share": "占比 share",
    "rate": "比率 rate",
    "pp_change": "百分点变化 pp change",
    "change": "变化量 change",
    "new": "新增 new",
    "cumulative": "累计 cumulative",
    "rank": "位次 rank",
    "qualitative": "定性 qualitative",
}
"""A bilingual label for each measure of :data:`jinan_gov.schemas.MEASURES`."""

STATUS_LABELS: Final[Mapping[str, str]] = {
    "exceeded": "exceeded 超出预期",
    "met": "met 达到预期",
    "missed": "missed 未达预期",
    "not_assessable": "not assessable 无法评估",
}
"""A bilingual label for each attainment status."""

STATUS_COLORS: Final[Mapping[str, str]] = {
    "exceeded": "#1b7837",
    "met": "#7fbf7b",
    "missed": "#d6604d",
    "not_assessable": "#bababa",
}
"""The colour of each attainment status, in tables and charts."""

KIND_LABELS: Final[Mapping[str, str]] = {
    "meeting": "会议 meetings",
    "time_limit": "时限 time limits",
    "frequency": "频次 frequencies",
    "length_limit": "篇幅 length limits",
    "signature": "签发 who signs",
    "silence": "逾期 silence and delay",
}
"""A bilingual label for each kind of Work Rules fact."""

_MEETING_LABELS: Final[Mapping[str, str]] = {
    "plenary": "全体会议 plenary",
    "executive": "常务会议 executive",
    "mayor_office": "市长办公会议 mayor's office",
    "special_topic": "专题会议 special topic",
}
_TABLE_LABELS: Final[Mapping[str, str]] = {
    "targets_2023": "主要目标 main target",
    "tasks_2023": "任务目标 task target",
}
_OUTCOME_LABEL = "2022 实绩 outcome"
_TARGET_LABEL = "2023 目标 target"
_KIND_COLORS = ("#4c78a8", "#f58518")
_WEEKDAYS = ("Mon 周一", "Tue 周二", "Wed 周三", "Thu 周四", "Fri 周五", "Sat 周六", "Sun 周日")
_EMBED_OPTIONS: Final[Mapping[str, object]] = {"renderer": "svg", "actions": False}
_SYMLOG_TICKS = (-10, 0, 10, 100, 1_000, 10_000, 100_000)
_NUMERAL = "一二三四五六七八九十"
_SECTION_KEY = rf"^([{_NUMERAL}]+(?:\([{_NUMERAL}]+\))?)"
_SUFFIX_QUALIFIERS = ("以上", "左右", "余")
_CSS = """<style>
.jg-table {border-collapse: collapse; font-size: 13px; margin: 4px 0;}
.jg-table th, .jg-table td {border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left;
  vertical-align: top;}
.jg-table th {background: #f3f3f3; position: sticky; top: 0;}
.jg-table td.num {text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;}
.jg-en {color: #555; font-size: 12px;}
.jg-quote {color: #666; font-size: 12px;}
.jg-scroll {max-height: 420px; overflow: auto;}
.jg-badge {border-radius: 3px; color: #fff; padding: 1px 6px; white-space: nowrap;}
.jg-summary {font-size: 15px; font-weight: 600; margin: 4px 0;}
.jg-message {color: #b35806;}
.jg-article p {margin: 4px 0; line-height: 1.6;}
.jg-day {display: inline-block; min-width: 44px; margin: 1px; padding: 2px 3px;
  border-radius: 3px; font-size: 11px; text-align: center; vertical-align: top;}
</style>"""
_DAY_STYLES: Final[Mapping[str, tuple[str, str]]] = {
    "working": ("#d9f0d3", "working day 工作日"),
    "makeup": ("#9ecae1", "make-up working day 调休上班"),
    "weekend": ("#eeeeee", "weekend 周末"),
    "holiday": ("#fdae6b", "public holiday 法定假日"),
}


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _num(value: float | None) -> str:
    """A figure as the plan writes it: no exponent, no trailing zeros; '–' for none."""
    if value is None or math.isnan(value):
        return "–"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], *, scroll: bool = True) -> str:
    """An HTML table; cells are already-escaped HTML, header cells are escaped here."""
    head = "".join(f"<th>{_esc(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    table = f'<table class="jg-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    return _CSS + (f'<div class="jg-scroll">{table}</div>' if scroll else table)


def _td(content: str, *, numeric: bool = False) -> str:
    return f'<td class="num">{content}</td>' if numeric else f"<td>{content}</td>"


def _en(text: object) -> str:
    return f'<span class="jg-en">{_esc(text)}</span>'


def _message(text: str) -> str:
    return f'{_CSS}<p class="jg-message">{_esc(text)}</p>'


def chart_widget(chart: alt.TopLevelMixin) -> alt.JupyterChart:
    """Wrap an altair chart in a :class:`altair.JupyterChart` that works offline.

    The first call switches :class:`~altair.JupyterChart` to offline mode for the whole
    session (vl-convert bundles Vega's JavaScript into the widget; no CDN is used). The chart
    is rendered as SVG without the actions menu. Replace ``widget.chart`` to redraw it.
    """
    alt.JupyterChart.enable_offline()
    return alt.JupyterChart(chart, embed_options=dict(_EMBED_OPTIONS))  # type: ignore[arg-type]


def _observe(callback: Any, *controls: Any) -> None:
    for control in controls:
        control.observe(callback, names="value")


def _display_bundle(container: Any, kwargs: Mapping[str, Any]) -> Any:
    return container._repr_mimebundle_(**kwargs)


# --- Plan explorer -----------------------------------------------------------------------


def section_key(section: str) -> str:
    """The (一)-level part of a section path, the level the plan explorer filters on.

    >>> section_key("三(一)一是1.")
    '三(一)'
    >>> section_key("一")
    '一'
    """
    match = re.match(_SECTION_KEY, section)
    if match is None:
        raise ValueError(f"not a section of the plan: {section!r} (expected e.g. '三(一)一是1.')")
    return match.group(1)


def _section_order(key: str) -> tuple[int, int]:
    part, _, rest = key.partition("(")
    return parse_chinese_numeral(part), parse_chinese_numeral(rest[:-1]) if rest else 0


@cache
def _section_titles() -> pl.DataFrame:
    frames = [outcomes_2022(), targets_2023(), tasks_2023()]
    titles = (
        pl.concat([f.select("section", "section_title_zh", "section_title_en") for f in frames])
        .with_columns(key=pl.col("section").str.extract(_SECTION_KEY))
        .select("key", "section_title_zh", "section_title_en")
        .unique("key", maintain_order=True)
    )
    order = sorted(titles["key"], key=_section_order)
    return titles.with_columns(order=pl.col("key").replace_strict(order, range(len(order)))).sort(
        "order"
    )


_PAIR_COLUMNS = ("id", "section", "name_zh", "name_en", "value", "unit", "measure")
_TARGET_COLUMNS = ("value_upper", "value_target", "value_stretch", "qualifier", "qualifier_zh")


@cache
def plan_pairs() -> pl.DataFrame:
    """Every indicator of the plan once, its 2022 outcome next to its 2023 target.

    Outcomes (part 一) and targets (the main targets of part 二 and the task targets of
    part 三) are paired by their shared ``indicator``; an indicator with only an outcome or
    only a target has nulls on the other side.

    Returns
    -------
    polars.DataFrame
        ``indicator``, ``name_zh``, ``name_en`` and ``measure`` (the target's wording when
        there is one), ``paired``, then ``*_2022`` columns (``id``, ``section``,
        ``section_key``, ``name_zh``, ``value``, ``unit``) and ``*_2023`` columns (the same
        plus ``table``, ``value_upper``, ``value_target``, ``value_stretch``,
        ``qualifier``, ``qualifier_zh``, ``binding`` and ``target_text``, the target as
        the plan states it, e.g. ``5.5%以上``).

    Examples
    --------
    >>> row = plan_pairs().filter(indicator="gdp_growth").row(0, named=True)
    >>> row["value_2022"], row["target_text_2023"], row["section_key_2023"]
    (3.1, '5.5%以上', '二(二)')
    """
    outcome = outcomes_2022().select(
        "indicator", *(pl.col(c).alias(f"{c}_2022") for c in _PAIR_COLUMNS)
    )
    target_frame = pl.concat([targets_2023(), tasks_2023()])
    target = target_frame.select(
        "indicator",
        *(pl.col(c).alias(f"{c}_2023") for c in (*_PAIR_COLUMNS, "table", *_TARGET_COLUMNS)),
        pl.col("binding").alias("binding_2023"),
    )
    joined = outcome.join(
        target, on="indicator", how="full", coalesce=True, maintain_order="left_right"
    )
    text = [_target_text(row) for row in joined.iter_rows(named=True)]
    return joined.select(
        "indicator",
        pl.coalesce("name_zh_2023", "name_zh_2022").alias("name_zh"),
        pl.coalesce("name_en_2023", "name_en_2022").alias("name_en"),
        pl.coalesce("measure_2023", "measure_2022").alias("measure"),
        (pl.col("id_2022").is_not_null() & pl.col("id_2023").is_not_null()).alias("paired"),
        "id_2022",
        "section_2022",
        pl.col("section_2022").str.extract(_SECTION_KEY).alias("section_key_2022"),
        "name_zh_2022",
        "value_2022",
        "unit_2022",
        "id_2023",
        "table_2023",
        "section_2023",
        pl.col("section_2023").str.extract(_SECTION_KEY).alias("section_key_2023"),
        "name_zh_2023",
        "value_2023",
        "unit_2023",
        "value_upper_2023",
        "value_target_2023",
        "value_stretch_2023",
        "qualifier_2023",
        "qualifier_zh_2023",
        "binding_2023",
        pl.Series("target_text_2023", text, dtype=pl.String),
    )


def _target_text(row: Mapping[str, Any]) -> str | None:
    """A target as the plan states it: 5.5%以上, 控制在3%左右, 2—3个, 高于全省平均水平."""
    qualifier, words = row["qualifier_2023"], row["qualifier_zh_2023"] or ""
    if qualifier is None:
        return None
    if qualifier == "qualitative":
        return "完成 (qualitative)"
    if qualifier == "above_benchmark":
        return words or "高于全省平均水平"
    unit = row["unit_2023"] or ""
    if qualifier == "range":
        figures = [_num(row["value_2023"]), f"{_num(row['value_upper_2023'])}{unit}"]
    elif qualifier == "tiers":
        tiers = ("value_2023", "value_target_2023", "value_stretch_2023")
        figures = [f"{_num(row[name])}{unit}" for name in tiers]
    else:
        figures = [f"{_num(row['value_2023'])}{unit}"]
    if "…" in words:
        parts = words.split("…")
        if len(parts) - 1 == len(figures):
            return "".join(p + f for p, f in zip(parts, figures, strict=False)) + parts[-1]
        return words.replace("…", figures[0], 1).replace("…", "")
    figure = ("—" if qualifier == "range" else "、").join(figures)
    if words in _SUFFIX_QUALIFIERS:
        return figure + words
    return words + figure


def section_options() -> list[tuple[str, str]]:
    """Dropdown options for the section filter: ``(label, key)``, ``""`` meaning all.

    >>> section_options()[:2]
    [('全部 All sections', ''), ('一 2022年国民经济和社会发展计划执行情况', '一')]
    """
    titles = _section_titles()
    return [("全部 All sections", "")] + [
        (f"{key} {title}", key) for key, title in titles.select("key", "section_title_zh").rows()
    ]


def measure_options() -> list[tuple[str, str]]:
    """Dropdown options for the measure filter: ``(label, measure)``, ``""`` meaning all."""
    return [("全部 All measures", "")] + [(MEASURE_LABELS[m], m) for m in MEASURES]


def filter_pairs(pairs: pl.DataFrame, section: str = "", measure: str = "") -> pl.DataFrame:
    """The rows of :func:`plan_pairs` in a section and of a measure.

    Parameters
    ----------
    pairs
        :func:`plan_pairs` or a subset of it.
    section
        A section key such as ``"一(一)"`` or ``"三(二)"``: keeps indicators whose 2022
        outcome *or* 2023 target is in that section. ``""`` keeps all.
    measure
        One of :data:`jinan_gov.schemas.MEASURES`; ``""`` keeps all.

    Raises
    ------
    ValueError
        An unknown section key or measure (the message lists the valid ones).

    Examples
    --------
    >>> filter_pairs(plan_pairs(), section="二(二)", measure="share").height
    3
    >>> filter_pairs(plan_pairs(), section="九(九)")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown section '九(九)'; valid: 一, 一(一), ...
    """
    keys = _section_titles()["key"].to_list()
    if section and section not in keys:
        raise ValueError(f"unknown section {section!r}; valid: {', '.join(keys)}")
    if measure and measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; valid: {', '.join(MEASURES)}")
    frame = pairs
    if section:
        in_section = (pl.col("section_key_2022") == section) | (
            pl.col("section_key_2023") == section
        )
        frame = frame.filter(in_section.fill_null(value=False))
    if measure:
        frame = frame.filter(pl.col("measure") == measure)
    return frame


def _long_values(pairs: pl.DataFrame) -> pl.DataFrame:
    """One row per figure: the outcome and the target of each indicator, stacked."""
    common = [
        "indicator",
        "name_zh",
        "name_en",
        pl.col("measure").replace_strict(MEASURE_LABELS, return_dtype=pl.String).alias("panel"),
    ]
    outcome = pairs.filter(pl.col("value_2022").is_not_null()).select(
        *common,
        pl.lit(_OUTCOME_LABEL).alias("kind"),
        pl.col("value_2022").alias("value"),
        pl.col("unit_2022").alias("unit"),
        pl.col("value_2022").map_elements(_num, return_dtype=pl.String).alias("as_written"),
    )
    target = pairs.filter(pl.col("value_2023").is_not_null()).select(
        *common,
        pl.lit(_TARGET_LABEL).alias("kind"),
        pl.col("value_2023").alias("value"),
        pl.col("unit_2023").alias("unit"),
        pl.col("target_text_2023").alias("as_written"),
    )
    return pl.concat([outcome, target]).with_columns(pl.col("unit").fill_null(""))


def _kind_color() -> alt.Color:
    return alt.Color(
        "kind:N",
        title=None,
        scale=alt.Scale(domain=[_OUTCOME_LABEL, _TARGET_LABEL], range=list(_KIND_COLORS)),
        legend=alt.Legend(orient="top"),
    )


def pairs_chart(pairs: pl.DataFrame, *, width: int = 340) -> alt.FacetChart:
    """Bars of the 2022 outcome and the 2023 target of each indicator that has both.

    One panel per measure and unit (growth rates in %, shares in %, new 家 …), each with its
    own scale, so figures are only ever compared with figures of the same kind. A relative
    target (高于全省平均水平) has no bar of its own; the tooltip gives the target as written.

    >>> spec = pairs_chart(filter_pairs(plan_pairs(), section="二(二)")).to_dict()
    >>> spec["spec"]["encoding"]["x"]["field"], spec["facet"]["row"]["field"]
    ('value', 'panel')
    """
    values = _long_values(pairs.filter(pl.col("paired"))).with_columns(
        panel=pl.col("panel") + pl.lit(" (") + pl.col("unit") + pl.lit(")")
    )
    bars = (
        alt.Chart(values)
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=None),
            y=alt.Y("name_zh:N", title=None, sort=None, axis=alt.Axis(labelLimit=230)),
            yOffset=alt.YOffset("kind:N", sort=[_OUTCOME_LABEL, _TARGET_LABEL]),
            color=_kind_color(),
            tooltip=[
                alt.Tooltip("name_zh:N", title="指标"),
                alt.Tooltip("name_en:N", title="indicator"),
                alt.Tooltip("kind:N", title="figure"),
                alt.Tooltip("as_written:N", title="as written 原文"),
                alt.Tooltip("unit:N", title="unit 单位"),
            ],
        )
        .properties(width=width, height=alt.Step(9))
    )
    chart: alt.FacetChart = (
        bars.facet(
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
    titles = _section_titles()
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
    chart: alt.Chart = (
        alt.Chart(counts, title="Number of 2023 targets per section 各部分目标数")
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title="targets 目标数", stack="zero"),
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
            yOffset=alt.YOffset("kind:N", sort=[_OUTCOME_LABEL, _TARGET_LABEL]),
            color=_kind_color(),
            tooltip=[
                alt.Tooltip("name_zh:N", title="指标"),
                alt.Tooltip("name_en:N", title="indicator"),
                alt.Tooltip("kind:N", title="figure"),
                alt.Tooltip("as_written:N", title="as written 原文"),
                alt.Tooltip("unit:N", title="unit 单位"),
            ],
        )
        .properties(width=width)
    )
    return chart


def pairs_table_html(pairs: pl.DataFrame) -> str:
    """An HTML table of :func:`plan_pairs` rows: indicator, 2022 outcome, 2023 target."""
    if pairs.is_empty():
        return _message("No indicator matches these filters. 没有符合条件的指标。")
    rows = []
    for row in pairs.iter_rows(named=True):
        outcome = f"{_num(row['value_2022'])}{_esc(row['unit_2022'] or '')}"
        rows.append(
            [
                _td(f'{_esc(row["name_zh"])}<br><span class="jg-en">{_esc(row["name_en"])}</span>'),
                _td(outcome if row["id_2022"] else "", numeric=True),
                _td(_esc(row["target_text_2023"] or ""), numeric=True),
                _td(_esc(MEASURE_LABELS[row["measure"]])),
                _td(_esc(" / ".join(s for s in (row["section_2022"], row["section_2023"]) if s))),
            ]
        )
    header = ("指标 indicator", _OUTCOME_LABEL, _TARGET_LABEL, "类型 measure", "章节 section")
    return _table(header, rows)


def _pairs_summary(frame: pl.DataFrame) -> str:
    paired = int(frame["paired"].sum())
    targets = frame["id_2023"].count()
    outcomes = frame["id_2022"].count()
    text = (
        f"{frame.height} indicators · {paired} with both a 2022 outcome and a 2023 target · "
        f"{outcomes} outcomes · {targets} targets"
    )
    return f'{_CSS}<p class="jg-summary">{_esc(text)}</p>'


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
        return _display_bundle(self.container, kwargs)


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
    style = {"description_width": "7em"}
    section_box = widgets.Dropdown(
        options=section_options(),
        value=section,
        description="章节 Section",
        style=style,
        layout=widgets.Layout(width="34em"),
    )
    measure_box = widgets.Dropdown(
        options=measure_options(),
        value=measure,
        description="类型 Measure",
        style=style,
        layout=widgets.Layout(width="24em"),
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
        widgets.HTML("<h3>2022 outcomes and 2023 targets 2022年实绩与2023年目标</h3>"),
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
    _observe(explorer.refresh, section_box, measure_box)
    explorer.refresh()
    return explorer


# --- Attainment what-if ------------------------------------------------------------------


@cache
def what_if_targets() -> pl.DataFrame:
    """The 2023 main targets and the input :func:`attainment_what_if` gives each.

    Returns
    -------
    polars.DataFrame
        ``id``, ``name_zh``, ``name_en``, ``unit``, ``target_text``, ``binding``,
        ``input`` (``slider`` for a target with a figure, ``relative`` for one that is
        measured against a benchmark, ``qualitative`` for a yes/no target), ``default``
        (the target's own figure; for a relative target the 2022 outcome when the plan
        reports one, else 0), and the slider's ``min``, ``max`` and ``step``.

    Examples
    --------
    >>> row = what_if_targets().filter(id="gdp_growth_2023").row(0, named=True)
    >>> row["input"], row["default"], row["min"], row["max"], row["step"]
    ('slider', 5.5, 2.7, 8.3, 0.1)
    """
    order = targets_2023().select(pl.col("id").alias("id_2023"))
    pairs = order.join(plan_pairs(), on="id_2023", how="left", maintain_order="left")
    rows: list[dict[str, Any]] = []
    for row in pairs.iter_rows(named=True):
        qualifier, value = row["qualifier_2023"], row["value_2023"]
        if qualifier == "qualitative":
            kind, default, low, high, step = "qualitative", 1.0, 0.0, 1.0, 1.0
        elif qualifier == "above_benchmark":
            kind, step = "relative", 0.1
            default = row["value_2022"] if row["value_2022"] is not None else 0.0
            low, high = default - 20.0, default + 20.0
        else:
            kind = "slider"
            step = 0.1 if round(value * 10, 9).is_integer() else 0.01
            span = round(max(abs(value) * 0.5, 1.0) / step) * step
            default, low, high = value, value - span, value + span
        digits = 2 if step < 0.1 else 1
        rows.append(
            {
                "id": row["id_2023"],
                "name_zh": row["name_zh_2023"],
                "name_en": row["name_en"],
                "unit": row["unit_2023"],
                "target_text": row["target_text_2023"],
                "binding": row["binding_2023"],
                "input": kind,
                "default": round(default, digits),
                "min": round(low, digits),
                "max": round(high, digits),
                "step": step,
            }
        )
    return pl.DataFrame(rows)


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
    color = STATUS_COLORS[status]
    return f'<span class="jg-badge" style="background:{color}">{_esc(STATUS_LABELS[status])}</span>'


def status_table_html(assessed: pl.DataFrame) -> str:
    """An HTML status table of an assessment (the output of :func:`jinan_gov.assess`).

    >>> from jinan_gov import assess
    >>> page = status_table_html(assess({"new_urban_jobs_2023": 14.2}))
    >>> "新增城镇就业" in page and "missed 未达预期" in page and "约束性" in page
    True
    """
    if assessed.is_empty():
        return _message("Nothing assessed. 没有可评估的目标。")
    rows = []
    for row in _with_names(assessed).iter_rows(named=True):
        unit = _esc(row["unit"] or "")
        if row["qualifier"] == "qualitative":
            actual = "yes 是" if row["actual"] == 1 else "no 否"
        else:
            actual = f"{_num(row['actual'])}{unit}"
        bench = f"{_num(row['benchmark'])}{unit}" if row["benchmark"] is not None else ""
        gap = _signed(row["gap"])
        binding = "约束性 binding" if row["binding"] else ""
        rows.append(
            [
                _td(f'{_esc(row["name_zh"])}<br><span class="jg-en">{_esc(row["name_en"])}</span>'),
                _td(_esc(row["target_text"])),
                _td(actual, numeric=True),
                _td(bench, numeric=True),
                _td(gap + (unit if gap else ""), numeric=True),
                _td(_badge(row["status"])),
                _td(f'<span class="jg-en">{_esc(binding)}</span>'),
                _td(f'<span class="jg-en">{_esc(row["reason"])}</span>'),
            ]
        )
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
    return _table(header, rows, scroll=False)


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
            f'{_CSS}<p class="jg-summary">{_esc(summary_line(self.assessment))}</p>'
        )
        self.messages.value = "".join(_message(m) for m in messages)
        self.table.value = status_table_html(self.assessment)
        self.chart.chart = gap_chart(self.assessment)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return _display_bundle(self.container, kwargs)


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
                value="" if given is None else _num(given),
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
        widgets.HTML("<h3>What if? 2023 main targets 主要目标完成情况模拟</h3>"),
        what_if.summary,
        what_if.messages,
        widgets.HBox([inputs, what_if.chart]),
        what_if.table,
    ]
    what_if.container.add_class("jg-attainment-what-if")
    _observe(what_if.refresh, tolerance, *sliders.values(), *texts.values(), *boxes.values())
    what_if.refresh()
    return what_if


# --- Rules explorer ----------------------------------------------------------------------

_SEARCH_HINT = (
    "Ask in Chinese or English, e.g. 会签文件一般应在几个工作日内回复? or "
    "'How often does the executive meeting meet?'"
)


def search_html(query: str, limit: int = 5) -> str:
    """Ranked articles for a question, as an HTML table (a hint for an empty query).

    >>> "第五十条" in search_html("会签 工作日")
    True
    >>> "No article matches" in search_html("zzzz")
    True
    """
    if not query.strip():
        return _message(_SEARCH_HINT)
    found = rules.search(query, limit=limit)
    if found.is_empty():
        return _message(f"No article matches {query.strip()!r}. 没有匹配的条文。")
    rows = [
        [
            _td(str(rank), numeric=True),
            _td(f"{_esc(row['label_zh'])}<br><span class='jg-en'>Art. {row['article_no']}</span>"),
            _td(_esc(row["title_en"])),
            _td(f'<span class="jg-quote">{_esc(row["snippet"])}</span>'),
            _td(f"{row['score']:.1f}", numeric=True),
        ]
        for rank, row in enumerate(found.iter_rows(named=True), start=1)
    ]
    return _table(("#", "条 article", "title", "摘录 snippet", "score"), rows, scroll=False)


def article_html(ref: int | str) -> str:
    """One article of the Work Rules: chapter, English title and summary, Chinese text.

    >>> page = article_html(39)
    >>> "第三十九条" in page and "会议制度" in page and "Meetings" in page
    True
    """
    art = rules.article(ref)
    paragraphs = "".join(f"<p>{_esc(line)}</p>" for line in art.text.splitlines())
    facts = rules.facts().filter(article_no=art.number)
    listed = "".join(
        f"<li>{_esc(row['subject_zh'])} · <span class='jg-en'>{_esc(row['detail_en'])}</span></li>"
        for row in facts.iter_rows(named=True)
    )
    facts_part = f"<p><b>Facts from this article 本条要点</b></p><ul>{listed}</ul>" * bool(listed)
    return (
        f'{_CSS}<div class="jg-article">'
        f'<p class="jg-en">第{art.chapter_no}章 {_esc(art.chapter_title_zh)} · '
        f"Chapter {art.chapter_no}: {_esc(art.chapter_title_en)}</p>"
        f"<h4>{_esc(art.label_zh)} · Article {art.number}: {_esc(art.title_en)}</h4>"
        f'<p class="jg-en"><i>{_esc(art.summary_en)}</i></p>'
        f"{paragraphs}{facts_part}</div>"
    )


def facts_table(kind: str = "", meeting: str = "") -> pl.DataFrame:
    """The facts of the Work Rules of one kind and/or about one meeting.

    Parameters
    ----------
    kind
        One of :data:`jinan_gov.schemas.FACT_KINDS` (``"meeting"``, ``"time_limit"`` …);
        ``""`` for all.
    meeting
        One of :data:`jinan_gov.schemas.MEETINGS`; ``""`` for all.

    Raises
    ------
    ValueError
        An unknown kind or meeting (the message lists the valid ones).

    >>> facts_table("time_limit")["fact_id"].head(2).to_list()
    ['meeting_documents_issue_working_days', 'countersign_reply_working_days']
    """
    if kind and kind not in FACT_KINDS:
        raise ValueError(f"unknown fact kind {kind!r}; valid: {', '.join(FACT_KINDS)}")
    if meeting and meeting not in MEETINGS:
        raise ValueError(f"unknown meeting {meeting!r}; valid: {', '.join(MEETINGS)}")
    frame: pl.DataFrame = rules.facts()
    if kind:
        frame = frame.filter(kind=kind)
    if meeting:
        frame = frame.filter(meeting=meeting)
    return frame


def facts_html(facts: pl.DataFrame) -> str:
    """An HTML table of Work Rules facts (rows of :func:`jinan_gov.rules.facts`)."""
    if facts.is_empty():
        return _message("No fact matches these filters. 没有符合条件的规定。")
    rows = []
    for row in facts.iter_rows(named=True):
        who = ""
        if row["who_zh"]:
            who = f"{_esc(row['who_zh'])}<br><span class='jg-en'>{_esc(row['who_en'])}</span>"
        figure = _esc(row["figure_zh"] or "")
        if row["period"]:
            figure += f"<br><span class='jg-en'>{_esc(row['period'].replace('_', ' '))}</span>"
        if row["hedge"]:
            figure += f"<br><span class='jg-en'>{_esc(row['hedge'].replace('_', ' '))}</span>"
        label = _esc(rules.article(row["article_no"]).label_zh)
        rows.append(
            [
                _td(f"{label}<br><span class='jg-en'>Art. {row['article_no']}</span>"),
                _td(_esc(KIND_LABELS[row["kind"]])),
                _td(f"{_esc(row['subject_zh'])}<br>{_en(row['subject_en'])}"),
                _td(who),
                _td(figure),
                _td(
                    f"{_esc(row['detail_en'])}<br>"
                    f"<span class='jg-quote'>“{_esc(row['quote'])}”</span>"
                ),
            ]
        )
    header = ("条 article", "kind", "事项 subject", "who 谁", "figure 数字", "detail · 原文")
    return _table(header, rows)


def deadline_options() -> list[tuple[str, str]]:
    """Dropdown options for the deadline calculator: the time limits counted in days.

    Each is ``(label, fact_id)``; the last, ``("…", "")``, stands for a custom number of
    working days.

    >>> [fact_id for _, fact_id in deadline_options()]
    ['meeting_documents_issue_working_days', 'countersign_reply_working_days', '']
    """
    limits = rules.facts().filter(
        pl.col("kind") == "time_limit", pl.col("unit").is_in(["working_days", "days"])
    )
    options = [
        (f"{row['figure_zh']} · {row['subject_en']} (Art. {row['article_no']})", row["fact_id"])
        for row in limits.iter_rows(named=True)
    ]
    return [*options, ("自定义 Custom number of working days", "")]


@cache
def _holiday_names_zh() -> dict[str, str]:
    return {holiday.value: holiday.chinese for holiday in chinese_calendar.Holiday}


def _day_kind(day: dt.date) -> tuple[str, str]:
    """How the official calendar treats a day, and the holiday it belongs to (Chinese name)."""
    _, holiday = chinese_calendar.get_holiday_detail(day)
    name = _holiday_names_zh().get(holiday, holiday or "")
    if is_working_day(day):
        return ("makeup" if day.weekday() >= 5 else "working"), name
    return ("holiday" if holiday else "weekend"), name


def _day_strip(start: dt.date, due: dt.date) -> str:
    """One coloured cell per day after ``start`` up to ``due``, with a legend."""
    cells = []
    day = start + dt.timedelta(days=1)
    while day <= due:
        kind, holiday = _day_kind(day)
        color, title = _DAY_STYLES[kind]
        label = f"{day:%m-%d}<br>{_WEEKDAYS[day.weekday()][:3]}"
        if holiday:
            label += f"<br>{_esc(holiday)}"
        cells.append(
            f'<span class="jg-day" style="background:{color}" title="{_esc(title)}">{label}</span>'
        )
        day += dt.timedelta(days=1)
    legend = " ".join(
        f'<span class="jg-day" style="background:{color}">{_esc(title)}</span>'
        for color, title in _DAY_STYLES.values()
    )
    return f"<div>{''.join(cells)}</div><div>{legend}</div>"


def deadline_html(start: dt.date | None, fact_id: str = "", working_days: int = 5) -> str:
    """The due date of a time limit of the Work Rules, as HTML; never raises for bad dates.

    Parameters
    ----------
    start
        The day the clock starts (the day itself never counts); ``None`` asks for a date.
    fact_id
        A time-limit fact (see :func:`deadline_options`), or ``""`` to count
        ``working_days`` working days.
    working_days
        The number of working days when ``fact_id`` is ``""``.

    Returns
    -------
    str
        The due date with the days counted, or a message: no date picked, a year whose
        official calendar is not published (e.g. 2030), a negative count.

    Examples
    --------
    >>> "2023-05-09" in deadline_html(dt.date(2023, 4, 28), "countersign_reply_working_days")
    True
    >>> "not published" in deadline_html(dt.date(2030, 1, 2), "", 3)
    True
    """
    if start is None:
        return _message("Pick a start date. 请选择起始日期。")
    if fact_id:
        fact = rules.facts().filter(fact_id=fact_id).row(0, named=True)
        what = f"{fact['figure_zh']} · {fact['subject_en']}"
        source = (
            f"<p class='jg-en'>{rules.article(fact['article_no']).label_zh} · "
            f"Art. {fact['article_no']} · {_esc(fact['detail_en'])}</p>"
            f"<p class='jg-quote'>“{_esc(fact['quote'])}”</p>"
        )
    else:
        if working_days < 0:
            return _message(f"The number of working days must be 0 or more, got {working_days}.")
        what = f"{working_days} working days 个工作日"
        source = ""
    try:
        due = rules.due_date(fact_id, start) if fact_id else add_working_days(start, working_days)
    except CalendarNotPublishedError as error:
        return _message(
            f"China's official working-day calendar is not published for this period, so no "
            f"due date is given (官方节假日安排尚未公布): {error}"
        )
    strip = _day_strip(start, due) if (due - start).days <= 62 else ""
    return (
        f"{_CSS}<p class='jg-summary'>Due 截止: {due.isoformat()} ({_WEEKDAYS[due.weekday()]})</p>"
        f"<p>{_esc(what)}, counted from the day after {start.isoformat()} "
        f"({_WEEKDAYS[start.weekday()]}) on China's official calendar (weekends and public "
        f"holidays skipped, make-up working days counted).</p>{source}{strip}"
    )


@dataclass(eq=False)
class RulesExplorer:
    """The widgets of :func:`rules_explorer`; displays as :attr:`container` (three tabs).

    Set ``query.value`` (search; the top hit opens in the article viewer),
    ``article_no.value`` (1-76), ``fact_kind.value``/``meeting.value`` (fact filters),
    ``start.value`` (a ``datetime.date``), ``limit.value`` (a fact id, ``""`` for custom) or
    ``working_days.value``: the matching HTML output follows.
    """

    query: widgets.Text
    results: widgets.HTML
    article_no: widgets.IntSlider
    article: widgets.HTML
    fact_kind: widgets.Dropdown
    meeting: widgets.Dropdown
    facts: widgets.HTML
    start: widgets.DatePicker
    limit: widgets.Dropdown
    working_days: widgets.BoundedIntText
    due: widgets.HTML
    container: widgets.Tab

    def search(self, change: object = None) -> None:
        """Run the search box's query; open the top hit in the article viewer."""
        query = str(self.query.value)
        self.results.value = search_html(query)
        if query.strip():
            found = rules.search(query, limit=1)
            if not found.is_empty():
                self.article_no.value = int(found["article_no"][0])

    def show_article(self, change: object = None) -> None:
        """Show the article the viewer's slider points at."""
        self.article.value = article_html(int(self.article_no.value))

    def filter_facts(self, change: object = None) -> None:
        """List the facts of the chosen kind and meeting."""
        self.facts.value = facts_html(facts_table(self.fact_kind.value, self.meeting.value))

    def compute_due(self, change: object = None) -> None:
        """Compute the due date of the chosen limit from the chosen start."""
        fact_id = str(self.limit.value)
        if fact_id:
            value = rules.facts().filter(fact_id=fact_id)["value"].item()
            self.working_days.value = int(value)
        self.working_days.disabled = bool(fact_id)
        self.due.value = deadline_html(self.start.value, fact_id, int(self.working_days.value))

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return _display_bundle(self.container, kwargs)


def rules_explorer(
    query: str = "会签文件一般应在几个工作日内回复?", start: dt.date | None = None
) -> RulesExplorer:
    """Explore the Work Rules: search, read, list facts, compute deadlines.

    Parameters
    ----------
    query
        The initial search (Chinese or English).
    start
        The initial start of the deadline calculator (default 2023-04-28, the Friday before
        the 2023 May Day break).

    Returns
    -------
    RulesExplorer
        Tabs "Search" (``query`` → ``results``, ``article_no`` → ``article``),
        "Facts" (``fact_kind``, ``meeting`` → ``facts``) and "Deadlines" (``start``,
        ``limit``, ``working_days`` → ``due``).
    """
    wide = widgets.Layout(width="46em")
    style = {"description_width": "9em"}
    options = deadline_options()
    explorer = RulesExplorer(
        query=widgets.Text(
            value=query,
            placeholder=_SEARCH_HINT,
            description="检索 Search",
            continuous_update=False,
            style=style,
            layout=wide,
        ),
        results=widgets.HTML(),
        article_no=widgets.IntSlider(
            value=1,
            min=1,
            max=76,
            description="条 Article",
            continuous_update=False,
            style=style,
            layout=wide,
        ),
        article=widgets.HTML(),
        fact_kind=widgets.Dropdown(
            options=[("全部 All kinds", "")] + [(KIND_LABELS[k], k) for k in FACT_KINDS],
            value="meeting",
            description="类别 Kind",
            style=style,
        ),
        meeting=widgets.Dropdown(
            options=[("全部 All meetings", "")] + [(_MEETING_LABELS[m], m) for m in MEETINGS],
            value="",
            description="会议 Meeting",
            style=style,
        ),
        facts=widgets.HTML(),
        start=widgets.DatePicker(
            value=start or dt.date(2023, 4, 28), description="起始 Start", style=style
        ),
        limit=widgets.Dropdown(
            options=options,
            value=options[1][1],
            description="时限 Limit",
            style=style,
            layout=wide,
        ),
        working_days=widgets.BoundedIntText(
            value=5, min=0, max=250, description="工作日 Days", style=style
        ),
        due=widgets.HTML(),
        container=widgets.Tab(),
    )
    explorer.container.children = [
        widgets.VBox([explorer.query, explorer.results, explorer.article_no, explorer.article]),
        widgets.VBox([widgets.HBox([explorer.fact_kind, explorer.meeting]), explorer.facts]),
        widgets.VBox(
            [explorer.start, explorer.limit, explorer.working_days, explorer.due],
        ),
    ]
    explorer.container.titles = (
        "检索 Search",
        "要点 Facts",
        "期限 Deadlines",
    )
    explorer.container.add_class("jg-rules-explorer")
    explorer.query.observe(explorer.search, names="value")
    explorer.article_no.observe(explorer.show_article, names="value")
    _observe(explorer.filter_facts, explorer.fact_kind, explorer.meeting)
    _observe(explorer.compute_due, explorer.start, explorer.limit, explorer.working_days)
    explorer.show_article()
    explorer.search()
    explorer.filter_facts()
    explorer.compute_due()
    return explorer

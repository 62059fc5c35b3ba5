"""The panel view: headline targets of several reports beside last year's outcomes.

:func:`headline_pairs` reads each document with
:func:`jinan_gov.extract.target_vs_outcome` and keeps the headline indicators
(:data:`PANEL_INDICATORS`); :func:`headline_pairs_chart` draws them in one chart, each report
in a colour-blind-safe colour, targets filled and last year's outcomes open.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import altair as alt
import polars as pl

from jinan_gov.extract import target_vs_outcome
from jinan_gov.widgets._charts import padded_scale, report_colors

__all__ = ("PANEL_INDICATORS", "headline_pairs", "headline_pairs_chart")

PANEL_INDICATORS: Final[Mapping[str, str]] = {
    "gdp_growth": "GDP growth 地区生产总值增长",
    "general_budget_revenue_growth": "Budget revenue 一般公共预算收入",
    "retail_sales_growth": "Retail sales 社会消费品零售总额",
    "fixed_asset_investment_growth": "Fixed-asset investment 固定资产投资",
    "surveyed_unemployment_rate": "Unemployment 城镇调查失业率",
    "cpi_growth": "CPI 居民消费价格涨幅",
}
"""The headline indicators of the panel view (indicator key -> chart label), all in %."""

_TARGET_KIND = "目标 target"
_OUTCOME_KIND = "上年实绩 last year's outcome"


_PAIRS_SCHEMA: Final = pl.Schema(
    {
        "report": pl.String,
        "indicator": pl.String,
        "kind": pl.String,
        "value": pl.Float64,
        "value_upper": pl.Float64,
        "text": pl.String,
    }
)


def headline_pairs(texts: Mapping[str, str]) -> pl.DataFrame:
    """The panel's headline targets beside last year's outcomes, for several documents.

    Each text is read with :func:`jinan_gov.extract.target_vs_outcome`; the targets of the
    :data:`PANEL_INDICATORS` with a figure in %, and last year's outcome of the same
    indicator where the document states one (a review, or part 一 of a plan; the bundled
    sample paragraphs have none), become one row each.

    Returns
    -------
    polars.DataFrame
        ``report``, ``indicator`` (the chart label), ``kind`` (target or last year's
        outcome), ``value``, ``value_upper`` (the value when there is no range) and
        ``text`` (the target as the document words it, or the outcome's quote).

    >>> rows = headline_pairs({"x": "一、2025年工作回顾。全省地区生产总值增长5.4%。"
    ...                             "今年主要预期目标是：地区生产总值增长5%左右。"})
    >>> rows.select("kind", "value", "text").rows()  # doctest: +NORMALIZE_WHITESPACE
    [('目标 target', 5.0, '5%左右'),
     ("上年实绩 last year's outcome", 5.4, '全省地区生产总值增长5.4%')]
    """
    parts: list[pl.DataFrame] = []
    for report, text in texts.items():
        pairs = target_vs_outcome(text).filter(
            pl.col("indicator").is_in(list(PANEL_INDICATORS))
            & (pl.col("unit_target") == "%")
            & pl.col("value_target").is_not_null()
        )
        label = pl.col("indicator").replace_strict(dict(PANEL_INDICATORS))
        targets = pairs.select(
            pl.lit(report, dtype=pl.String).alias("report"),
            label.alias("indicator"),
            pl.lit(_TARGET_KIND).alias("kind"),
            pl.col("value_target").alias("value"),
            pl.coalesce("value_upper_target", "value_target").alias("value_upper"),
            pl.col("target_text").alias("text"),
        )
        outcomes = pairs.filter(pl.col("unit_outcome") == "%").select(
            pl.lit(report, dtype=pl.String).alias("report"),
            label.alias("indicator"),
            pl.lit(_OUTCOME_KIND).alias("kind"),
            pl.col("value_outcome").alias("value"),
            pl.col("value_outcome").alias("value_upper"),
            pl.col("quote_outcome").alias("text"),
        )
        parts += [targets.cast(_PAIRS_SCHEMA), outcomes.cast(_PAIRS_SCHEMA)]
    frame = pl.concat(parts, how="vertical") if parts else pl.DataFrame(schema=_PAIRS_SCHEMA)
    order = {label: number for number, label in enumerate(PANEL_INDICATORS.values())}
    reports = {report: number for number, report in enumerate(texts)}
    return frame.sort(
        pl.col("indicator").replace_strict(order, return_dtype=pl.Int32),
        pl.col("report").replace_strict(reports, return_dtype=pl.Int32, default=0),
        "kind",
        descending=[False, False, True],
        maintain_order=True,
    )


def headline_pairs_chart(pairs: pl.DataFrame) -> alt.LayerChart:
    """One chart of :func:`headline_pairs`: a row per indicator, a line per report.

    Targets are filled dots (with a bar across a range), last year's outcomes open
    diamonds, each report in its colour (Okabe-Ito); a thin rule joins a target to
    its outcome, so the ambition (target minus outcome) is its length.

    >>> pairs = headline_pairs({"x": "今年主要预期目标是：地区生产总值增长5%左右。"})
    >>> spec = headline_pairs_chart(pairs).to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['rule', 'rule', 'point', 'point']
    """
    reports = pairs["report"].unique(maintain_order=True).to_list()
    indicators = [i for i in PANEL_INDICATORS.values() if i in set(pairs["indicator"])]
    scale = padded_scale(pairs["value"], pairs["value_upper"])
    x = alt.X("value:Q", title="% 百分比", scale=scale)
    base = alt.Chart(pairs).encode(
        y=alt.Y("indicator:N", title=None, sort=indicators),
        yOffset=alt.YOffset("report:N", sort=reports),
        color=alt.Color(
            "report:N",
            title=None,
            scale=report_colors(reports),
            legend=alt.Legend(orient="bottom", columns=3),
        ),
    )
    gaps = (
        base.transform_aggregate(
            low="min(value)", high="max(value)", groupby=["report", "indicator"]
        )
        .mark_rule(strokeWidth=1, opacity=0.7)
        .encode(x=alt.X("low:Q", scale=scale, title="% 百分比"), x2="high:Q")
    )
    ranges = (
        base.transform_filter(alt.datum.value_upper > alt.datum.value)
        .mark_rule(strokeWidth=4, opacity=0.8)
        .encode(x=x, x2="value_upper:Q")
    )
    shape = alt.Shape(
        "kind:N",
        title=None,
        scale=alt.Scale(domain=[_TARGET_KIND, _OUTCOME_KIND], range=["circle", "diamond"]),
        legend=alt.Legend(orient="top", symbolStrokeColor="#333", symbolFillColor="#333"),
    )
    tooltip = ["report:N", "indicator:N", "kind:N", "value:Q", "text:N"]
    targets = (
        base.transform_filter(alt.datum.kind == _TARGET_KIND)
        .mark_point(filled=True, size=70, opacity=1)
        .encode(x=x, shape=shape, tooltip=tooltip)
    )
    outcomes = (
        base.transform_filter(alt.datum.kind == _OUTCOME_KIND)
        .mark_point(filled=False, size=90, strokeWidth=2)
        .encode(x=x, shape=shape, tooltip=tooltip)
    )
    chart: alt.LayerChart = (gaps + ranges + targets + outcomes).properties(
        width=520, height=alt.Step(12)
    )
    return chart


def __dir__() -> list[str]:
    return list(__all__)

"""Shared chart specs of the explorers: bilingual labels, colours, offline chart widgets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import altair as alt
import polars as pl
import vl_convert

__all__ = (
    "EMBED_OPTIONS",
    "MEASURE_LABELS",
    "OKABE_ITO",
    "OUTCOME_LABEL",
    "STATUS_COLORS",
    "STATUS_LABELS",
    "TARGET_LABEL",
    "OfflineChart",
    "chart_svg",
    "chart_widget",
    "kind_color",
    "padded_scale",
    "report_colors",
    "static_figure",
)

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

OUTCOME_LABEL: Final = "2022 实绩 outcome"
"""The legend label of a 2022 outcome."""
TARGET_LABEL: Final = "2023 目标 target"
"""The legend label of a 2023 target."""
_KIND_COLORS: Final = ("#4c78a8", "#f58518")

OKABE_ITO: Final = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
"""The Okabe-Ito palette: eight colours told apart with every common colour-vision deficiency."""

_AXIS_MARGIN = 0.08  # of the data's span, beyond the smallest and largest value

EMBED_OPTIONS: Final[Mapping[str, object]] = {"renderer": "svg", "actions": False}
"""How every chart is embedded: drawn as SVG, without the actions menu."""


def kind_color() -> alt.Color:
    """The colour encoding of ``kind``: 2022 outcomes blue, 2023 targets orange."""
    return alt.Color(
        "kind:N",
        title=None,
        scale=alt.Scale(domain=[OUTCOME_LABEL, TARGET_LABEL], range=list(_KIND_COLORS)),
        legend=alt.Legend(orient="top"),
    )


def padded_scale(*columns: pl.Series) -> alt.Scale:
    """A ``nice`` linear scale whose domain reaches past the data on both sides.

    Without the margin the axis ends exactly at the largest value and its marks sit on the
    chart's edge.

    >>> import polars as pl
    >>> padded_scale(pl.Series([1.5, 10.0])).to_dict()
    {'domain': [0.82, 10.68], 'nice': True, 'zero': False}
    """
    values = pl.concat([c.cast(pl.Float64) for c in columns]).drop_nulls().drop_nans()
    if values.is_empty():
        return alt.Scale(nice=True, zero=False)
    low, high = float(values.min()), float(values.max())  # type: ignore[arg-type]
    margin = (high - low) * _AXIS_MARGIN or max(abs(high) * _AXIS_MARGIN, 1.0)
    start = 0.0 if low >= 0 and low - margin < 0 else round(low - margin, 6)
    return alt.Scale(domain=[start, round(high + margin, 6)], nice=True, zero=False)


def report_colors(reports: list[str]) -> alt.Scale:
    """Colour-blind-safe colours: :data:`OKABE_ITO` for up to eight reports, else tableau10."""
    if len(reports) <= len(OKABE_ITO):
        return alt.Scale(domain=reports, range=list(OKABE_ITO))
    return alt.Scale(domain=reports, scheme="tableau10")


def chart_svg(chart: object) -> str:
    """The chart drawn offline as an SVG document by vl-convert (no browser, no network).

    ``chart`` is an altair chart (the ``chart`` of a :class:`~altair.JupyterChart`); anything
    else, such as no chart yet, draws nothing (``""``).

    >>> from jinan_gov.plan import plan_pairs
    >>> from jinan_gov.widgets import sections_chart
    >>> chart_svg(sections_chart(plan_pairs())).startswith("<svg")
    True
    """
    if not isinstance(chart, alt.TopLevelMixin):
        return ""
    vl_version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    return str(vl_convert.vegalite_to_svg(chart.to_dict(), vl_version=vl_version))


def static_figure(chart: object) -> str:
    """The chart as static HTML: its SVG in a ``<figure class="jg-chart">``."""
    return f'<figure class="jg-chart">{chart_svg(chart)}</figure>'


class OfflineChart(alt.JupyterChart):
    """A :class:`altair.JupyterChart` whose display also carries the chart as a static SVG.

    A live notebook or Voila shows the interactive widget; a saved notebook read without a
    kernel (a code-hosting site, nbviewer, the HTML export) shows the SVG drawn at display
    time.
    """

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle: Any = super()._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        return {**data, "image/svg+xml": chart_svg(self.chart)}, metadata


def chart_widget(chart: alt.TopLevelMixin) -> alt.JupyterChart:
    """Wrap an altair chart in a :class:`altair.JupyterChart` that works offline.

    The first call switches :class:`~altair.JupyterChart` to offline mode for the whole
    session (vl-convert bundles Vega's JavaScript into the widget; no CDN is used). The chart
    is rendered as SVG without the actions menu. Replace ``widget.chart`` to redraw it.
    Displayed, it also carries a static SVG of the chart (see :class:`OfflineChart`), so a
    saved notebook shows the chart without a kernel.
    """
    alt.JupyterChart.enable_offline()
    return OfflineChart(chart, embed_options=dict(EMBED_OPTIONS))  # type: ignore[arg-type]


def __dir__() -> list[str]:
    return list(__all__)

"""The target extractor explorer: pick or paste a report, see its targets and their quotes.

:func:`extraction_explorer` builds the widgets; the outputs are plain functions:
:func:`targets_html` (the rows as a table, each target in the document's words),
:func:`highlighted_html` (the paragraph with every quote marked), :func:`headline_targets`
and :func:`headline_chart` (the headline targets of several reports side by side), and
:func:`headline_pairs` and :func:`headline_pairs_chart` (a panel: each report's headline
targets beside last year's outcomes, where the report states them).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import altair as alt
import ipywidgets as widgets
import polars as pl

from jinan_gov.extract import extract_targets, extraction_text, sample_reports
from jinan_gov.text.wording import target_text
from jinan_gov.widgets import _html
from jinan_gov.widgets._charts import chart_widget, padded_scale, report_colors, static_figure

__all__ = (
    "HEADLINES",
    "ExtractionExplorer",
    "extraction_explorer",
    "headline_chart",
    "headline_targets",
    "highlighted_html",
    "report_label",
    "targets_html",
)

HEADLINES: Final[Mapping[str, str]] = {
    "GDP, growth": "GDP growth 地区生产总值增长",
    "General public budget revenue, growth": "Budget revenue 一般公共预算收入",
    "Total retail sales of consumer goods, growth": "Retail sales 社会消费品零售总额",
    "Surveyed urban unemployment rate": "Unemployment 城镇调查失业率",
    "Consumer prices, increase": "CPI 居民消费价格涨幅",
}
"""The headline indicators compared across reports (``name_en`` -> chart label)."""

_PASTE = "__paste__"
_CHART_TITLE = "Headline targets of the sample reports 各省主要目标对比"
_CONTEXT = 60  # characters of text shown around the quotes
_MARK_STYLE = "background:#fde68a;border-radius:2px;padding:0 1px"
_HEADER_STYLE = "color:#555;font-size:90%;margin:0 0 .4em 0"

_HINT = "Paste a report or plan here (Chinese, simplified or traditional) 粘贴报告全文或目标段落"


def report_label(text: str, fallback: str, *, short: bool = False) -> str:
    """The title of a sample report (its first ``# `` line), else ``fallback``.

    With ``short=True``, its place and year instead (the second header line).

    >>> sample = "# 2026年湖南省政府工作报告\\n# 湖南省 2026 published 2026-02-24\\n\\n…"
    >>> report_label(sample, "hunan"), report_label(sample, "hunan", short=True)
    ('2026年湖南省政府工作报告', '湖南省 2026')
    """
    lines = text.split("\n", 2)
    line = lines[1] if short and len(lines) > 1 else lines[0]
    if not line.startswith("# "):
        return fallback
    return " ".join(line[2:].split()[:2]) if short else line[2:].strip()


def targets_html(frame: pl.DataFrame) -> str:
    """The extracted targets as an HTML table (a message when there are none).

    >>> page = targets_html(extract_targets("今年主要预期目标是：地区生产总值增长5%左右。"))
    >>> "≈ 5 % (左右)" in page and "5%左右" in page
    True
    """

    def cells(row: dict[str, Any]) -> list[str]:
        note = f'<br><span class="jg-quote">{_html.esc(row["note"])}</span>' * bool(row["note"])
        return [
            _html.td(_html.esc(row["id"])),
            _html.td(_html.bilingual(row["name_zh"], row["name_en"] or "")),
            _html.td(_html.esc(target_text(row, style="words")) + note),
            _html.td(_html.esc(target_text(row))),
            _html.td(_html.esc(row["qualifier"])),
            _html.td(_html.esc(row["direction"])),
        ]

    return _html.frame_table(
        frame,
        ("id", "指标 indicator", "原文 as written", "target", "qualifier", "better"),
        cells,
        empty="No main-target paragraph (主要预期目标是：…) found. 未找到主要预期目标段落。",
    )


def highlighted_html(text: str, frame: pl.DataFrame) -> str:
    """The part of the normalised text holding the targets, each quote highlighted.

    Quotes shared by several rows (分别, shared predicates) are marked once with all their
    ids; the mark's tooltip lists them.

    >>> text = "主要目标是：增长5%左右。"
    >>> page = highlighted_html(text, extract_targets(text))
    >>> '<mark title="t01"' in page and "增长5%左右</mark>" in page
    True
    """
    if frame.is_empty():
        return _html.message("Nothing to highlight. 没有可标注的目标。")
    normalised = extraction_text(text)
    header, floor = _header(text, normalised)
    spans = list(zip(frame["start"], frame["end"], frame["id"], strict=True))
    first = max(floor, min(start for start, _, _ in spans) - _CONTEXT)
    last = min(len(normalised), max(end for _, end, _ in spans) + _CONTEXT)
    cuts = sorted({first, last, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = ["…" * (first > floor)]
    for left, right in itertools.pairwise(cuts):
        piece = _html.esc(normalised[left:right])
        ids = [row_id for start, end, row_id in spans if start <= left and right <= end]
        if ids:
            title = _html.esc(" ".join(ids))
            piece = f'<mark title="{title}" style="{_MARK_STYLE}">{piece}</mark>'
        pieces.append(piece)
    pieces.append("…" * (last < len(normalised)))
    lines = "<br>".join(_html.esc(line) for line in header)
    heading = f'<p style="{_HEADER_STYLE}">{lines}</p>' if header else ""
    return f'{_html.CSS}<div class="jg-article">{heading}<p>{"".join(pieces)}</p></div>'


def _header(text: str, normalised: str) -> tuple[list[str], int]:
    """The ``# `` header lines at the top of ``text``, and where they end in ``normalised``.

    Normalising joins lines, so without this the title and date run into the paragraph.
    """
    lines: list[str] = []
    for line in text.lstrip("\ufeff").split("\n"):
        if not line.startswith("# "):
            break
        lines.append(line)
    if not lines:
        return [], 0
    joined = extraction_text("\n".join(lines))
    if not normalised.startswith(joined):  # normalising the whole text read them otherwise
        return [], 0
    return [line[2:].strip() for line in lines], len(joined)


def _headlines_of(label: str, frame: pl.DataFrame) -> pl.DataFrame:
    words = [target_text(row, style="words") for row in frame.iter_rows(named=True)]
    return (
        frame.with_columns(target=pl.Series(words, dtype=pl.String))
        .filter(pl.col("name_en").is_in(list(HEADLINES)) & pl.col("value").is_not_null())
        .unique("name_en", keep="first", maintain_order=True)
        .select(
            pl.lit(label, dtype=pl.String).alias("report"),
            pl.col("name_en").replace_strict(dict(HEADLINES)).alias("indicator"),
            "value",
            pl.coalesce("value_upper", "value").alias("value_upper"),
            "qualifier",
            "target",
        )
    )


_HEADLINE_SCHEMA: Final = pl.Schema(
    {
        "report": pl.String,
        "indicator": pl.String,
        "value": pl.Float64,
        "value_upper": pl.Float64,
        "qualifier": pl.String,
        "target": pl.String,
    }
)


def headline_targets(reports: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """The headline targets (:data:`HEADLINES`) of several reports in one long frame.

    Parameters
    ----------
    reports
        Extracted targets (frames of :class:`~jinan_gov.schemas.ExtractedTargetSchema`)
        by report label.

    Returns
    -------
    polars.DataFrame
        ``report``, ``indicator``, ``value``, ``value_upper`` (the value when there is no
        range), ``qualifier`` and ``target`` (the wording, e.g. ``5%左右``): one row per
        report and headline indicator with a figure (the first one the report states).

    >>> samples = sample_reports()
    >>> rows = headline_targets({s: extract_targets(samples[s]) for s in ("anhui", "hunan")})
    >>> rows.filter(indicator="GDP growth 地区生产总值增长").select("report", "target").rows()
    [('anhui', '5—5.5%'), ('hunan', '5%左右')]
    """
    parts = [_headlines_of(label, frame) for label, frame in reports.items()]
    return pl.concat(parts, how="vertical") if parts else pl.DataFrame(schema=_HEADLINE_SCHEMA)


def headline_chart(headlines: pl.DataFrame) -> alt.LayerChart:
    """Dots (and bars for ranges) of the headline targets, one row per indicator.

    >>> spec = headline_chart(headline_targets({"hunan": extract_targets(
    ...     sample_reports()["hunan"])})).to_dict()
    >>> spec["layer"][0]["encoding"]["x"]["scale"]["nice"]
    True
    """
    reports = headlines["report"].unique(maintain_order=True).to_list()
    base = alt.Chart(headlines).encode(
        y=alt.Y("indicator:N", title=None, sort=list(HEADLINES.values())),
        yOffset=alt.YOffset("report:N"),
        color=alt.Color(
            "report:N",
            title=None,
            scale=report_colors(reports),
            legend=alt.Legend(orient="bottom", columns=2),
        ),
        tooltip=["report:N", "indicator:N", "target:N", "qualifier:N"],
    )
    scale = padded_scale(headlines["value"], headlines["value_upper"])
    ranges = base.mark_rule(strokeWidth=4, opacity=0.8).encode(
        x=alt.X("value:Q", title="target (% for all five) 目标值", scale=scale),
        x2="value_upper:Q",
    )
    points = base.mark_point(filled=True, size=70).encode(
        x="value:Q", shape=alt.Shape("qualifier:N", title="qualifier")
    )
    chart: alt.LayerChart = (ranges + points).properties(width=520, height=alt.Step(14))
    return chart


@dataclass
class ExtractionExplorer:
    """The widgets of :func:`extraction_explorer`; displays as its ``container``."""

    source: widgets.Dropdown
    pasted: widgets.Textarea
    summary: widgets.HTML
    table: widgets.HTML
    text: widgets.HTML
    chart: alt.JupyterChart
    container: widgets.VBox
    samples: dict[str, str]
    frame: pl.DataFrame

    def current_text(self) -> str:
        """The text being read: the chosen sample, or what was pasted."""
        chosen = str(self.source.value)
        return str(self.pasted.value) if chosen == _PASTE else self.samples[chosen]

    def update(self, change: object = None) -> None:
        """Re-read the current text and redraw the table and the highlighted text."""
        self.pasted.layout.display = "" if self.source.value == _PASTE else "none"
        text = self.current_text()
        self.frame = extract_targets(text)
        rows = self.frame.height
        found = f"{rows} target{'s' * (rows != 1)} found 个目标" if rows else "no targets 无目标"
        self.summary.value = f'{_html.CSS}<p class="jg-summary">{_html.esc(found)}</p>'
        self.table.value = targets_html(self.frame)
        self.text.value = highlighted_html(text, self.frame)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return _html.display_bundle(self.container, kwargs, self.static_html())

    def static_html(self) -> str:
        """The explorer as it stands, as static HTML: report, summary, table, text, chart."""
        return (
            f"<h3>{_html.esc(self.source.label)}</h3>{self.summary.value}{self.table.value}"
            f"{self.text.value}<p><b>{_CHART_TITLE}</b></p>{static_figure(self.chart.chart)}"
        )


def extraction_explorer(report: str = "gansu", text: str = "") -> ExtractionExplorer:
    """Read the targets of a sample report, or of any text pasted in.

    Parameters
    ----------
    report
        The sample shown first (a key of :func:`jinan_gov.extract.sample_reports`), or
        ``"paste"`` to start with ``text``.
    text
        Text for the paste box.

    Returns
    -------
    ExtractionExplorer
        ``source`` (a sample or "paste") and ``pasted`` → ``summary``, ``table`` (the
        rows) and ``text`` (the paragraph with each quote highlighted); ``chart`` compares
        the headline targets of all samples.

    Raises
    ------
    ValueError
        ``report`` is not a sample (the message lists them).

    >>> explorer = extraction_explorer("hunan")
    >>> explorer.frame.height, "615亿斤左右" in explorer.table.value
    (11, True)
    >>> explorer.source.value = "__paste__"
    >>> explorer.pasted.value = "今年主要预期目标是：地区生产总值增长6%以上、力争7%。"
    >>> explorer.frame["qualifier"].to_list()
    ['at_least', 'strive']
    """
    samples = sample_reports()
    if report != "paste" and report not in samples:
        raise ValueError(f"unknown sample report {report!r}; valid: paste, {', '.join(samples)}")
    options = [(report_label(body, slug), slug) for slug, body in samples.items()]
    frames = {
        report_label(body, slug, short=True): extract_targets(body)
        for slug, body in samples.items()
    }
    explorer = ExtractionExplorer(
        source=widgets.Dropdown(
            options=[*options, ("粘贴文本 Paste a text", _PASTE)],
            value=_PASTE if report == "paste" else report,
            description="报告 Report",
            style={"description_width": "7em"},
            layout=widgets.Layout(width="34em"),
        ),
        pasted=widgets.Textarea(
            value=text,
            placeholder=_HINT,
            continuous_update=False,
            layout=widgets.Layout(width="100%", height="9em"),
        ),
        summary=widgets.HTML(),
        table=widgets.HTML(),
        text=widgets.HTML(),
        chart=chart_widget(headline_chart(headline_targets(frames))),
        container=widgets.VBox(),
        samples=samples,
        frame=pl.DataFrame(),
    )
    explorer.container.children = [
        explorer.source,
        explorer.pasted,
        explorer.summary,
        explorer.table,
        explorer.text,
        widgets.HTML(f'{_html.CSS}<p class="jg-summary">{_CHART_TITLE}</p>'),
        explorer.chart,
    ]
    explorer.container.add_class("jg-extraction-explorer")
    _html.observe(explorer.update, explorer.source, explorer.pasted)
    explorer.update()
    return explorer


def __dir__() -> list[str]:
    return list(__all__)

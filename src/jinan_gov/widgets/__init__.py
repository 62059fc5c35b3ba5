"""Interactive explorers for notebooks and Voila: ipywidgets controls with altair charts.

This module needs the optional ``notebook`` extra (``pip install "jinan-gov[notebook]"``:
altair, ipywidgets, vl-convert-python, anywidget); ``import jinan_gov`` never imports it.

Four builders each return a small dataclass that holds the input widgets, the outputs and a
``container`` to display; the dataclass itself displays as its container, so a notebook cell
that ends with ``plan_explorer()`` shows the explorer.

- :func:`plan_explorer`: the plan's 2022 outcomes next to its 2023 targets, filtered by
  section and measure, with three charts and a table;
- :func:`attainment_what_if`: a slider per main target, benchmarks for the relative
  targets and a checkbox for the qualitative binding target, with a live status table, a
  chart of the gaps and a summary line;
- :func:`rules_explorer`: search the Work Rules, read an article, list the structured facts
  and compute a deadline on China's official working-day calendar;
- :func:`extraction_explorer`: read the main targets of a sample provincial report or of
  any pasted text, each quote highlighted, and compare the samples' headline targets;
  :func:`headline_pairs_chart` (:mod:`jinan_gov.widgets.panel`) puts several reports'
  headline targets beside last year's outcomes in one chart.

Each explorer has its own module (:mod:`jinan_gov.widgets.plan`,
:mod:`jinan_gov.widgets.attainment`, :mod:`jinan_gov.widgets.rules`,
:mod:`jinan_gov.widgets.extraction`); every public name is
importable from ``jinan_gov.widgets``. The logic behind the widgets lives in plain
functions (:func:`plan_pairs`, :func:`filter_pairs`, :func:`pairs_chart`, :func:`status_table_html`,
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
'<style>...<p class="jg-summary">31 indicators · 7 with both a 2022 outcome and a 2023 target...'
"""

from __future__ import annotations

try:
    import altair  # noqa: F401
    import ipywidgets  # noqa: F401
except ImportError as error:  # pragma: no cover - only without the notebook extra
    raise ImportError(
        "jinan_gov.widgets needs the optional notebook dependencies (altair, ipywidgets, "
        'vl-convert-python, anywidget): pip install "jinan-gov[notebook]"'
    ) from error

from jinan_gov.attainment import what_if_targets
from jinan_gov.plan import filter_pairs, plan_pairs, section_key
from jinan_gov.widgets._charts import (
    MEASURE_LABELS,
    OKABE_ITO,
    STATUS_COLORS,
    STATUS_LABELS,
    chart_widget,
)
from jinan_gov.widgets.attainment import (
    AttainmentWhatIf,
    attainment_what_if,
    gap_chart,
    parse_benchmarks,
    status_table_html,
    summary_line,
)
from jinan_gov.widgets.extraction import (
    HEADLINES,
    ExtractionExplorer,
    extraction_explorer,
    headline_chart,
    headline_targets,
    highlighted_html,
    report_label,
    targets_html,
)
from jinan_gov.widgets.panel import PANEL_INDICATORS, headline_pairs, headline_pairs_chart
from jinan_gov.widgets.plan import (
    PlanExplorer,
    measure_options,
    measures_chart,
    pairs_chart,
    pairs_table_html,
    plan_explorer,
    section_options,
    sections_chart,
)
from jinan_gov.widgets.rules import (
    KIND_LABELS,
    RulesExplorer,
    article_html,
    deadline_html,
    deadline_options,
    facts_html,
    facts_table,
    rules_explorer,
    search_html,
)


def __dir__() -> list[str]:
    return list(__all__)


__all__ = (
    "HEADLINES",
    "KIND_LABELS",
    "MEASURE_LABELS",
    "OKABE_ITO",
    "PANEL_INDICATORS",
    "STATUS_COLORS",
    "STATUS_LABELS",
    "AttainmentWhatIf",
    "ExtractionExplorer",
    "PlanExplorer",
    "RulesExplorer",
    "article_html",
    "attainment_what_if",
    "chart_widget",
    "deadline_html",
    "deadline_options",
    "extraction_explorer",
    "facts_html",
    "facts_table",
    "filter_pairs",
    "gap_chart",
    "headline_chart",
    "headline_pairs",
    "headline_pairs_chart",
    "headline_targets",
    "highlighted_html",
    "measure_options",
    "measures_chart",
    "pairs_chart",
    "pairs_table_html",
    "parse_benchmarks",
    "plan_explorer",
    "plan_pairs",
    "report_label",
    "rules_explorer",
    "search_html",
    "section_key",
    "section_options",
    "sections_chart",
    "status_table_html",
    "summary_line",
    "targets_html",
    "what_if_targets",
)

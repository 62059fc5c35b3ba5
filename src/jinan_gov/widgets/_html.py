"""Shared HTML of the explorers: one stylesheet, escaping, figures, tables, messages.

Also the small pieces of ipywidgets plumbing every explorer uses (observing controls,
displaying a dataclass as its container). Cells and messages are HTML strings, so each
explorer's table functions stay plain functions that tests call without a kernel.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import polars as pl

__all__ = (
    "CSS",
    "bilingual",
    "display_bundle",
    "en",
    "esc",
    "frame_table",
    "html_table",
    "message",
    "observe",
    "td",
)

CSS = """<style>
.jg-table {border-collapse: collapse; font-size: 13px; margin: 4px 0;}
table.jg-table th, table.jg-table td {border-bottom: 1px solid #ddd; padding: 3px 8px;
  text-align: left; vertical-align: top;}
.jg-table th {background: #f3f3f3; position: sticky; top: 0;}
table.jg-table td.num {text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;}
.jg-en {color: #555; font-size: 12px;}
.jg-quote {color: #666; font-size: 12px;}
.jg-scroll {max-height: 420px; overflow: auto;}
.jg-badge {border-radius: 3px; color: #fff; padding: 1px 6px; white-space: nowrap;}
.jg-summary {font-size: 15px; font-weight: 600; margin: 4px 0;}
.jg-message {color: #b35806;}
.jg-article p {margin: 4px 0; line-height: 1.6;}
.jg-chart {margin: 8px 0;}
.jg-static table.jg-table th, .jg-static table.jg-table td {text-align: left;}
.jg-static table.jg-table td.num {text-align: right;}
.jg-day {display: inline-block; min-width: 44px; margin: 1px; padding: 2px 3px;
  border-radius: 3px; font-size: 11px; text-align: center; vertical-align: top;}
</style>"""
"""The stylesheet every HTML output starts with (classes ``jg-*``)."""


def esc(value: object) -> str:
    """``value`` as escaped HTML text; ``None`` is empty."""
    return html.escape("" if value is None else str(value))


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, scroll: bool = True) -> str:
    """An HTML table; cells are already-escaped HTML, header cells are escaped here."""
    head = "".join(f"<th>{esc(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    table = f'<table class="jg-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    return CSS + (f'<div class="jg-scroll">{table}</div>' if scroll else table)


def frame_table(
    frame: pl.DataFrame,
    header: Sequence[str],
    cells: Callable[[dict[str, Any]], list[str]],
    *,
    empty: str,
    scroll: bool = True,
) -> str:
    """An HTML table with a row of ``cells(row)`` per row of ``frame``; ``empty`` if none."""
    if frame.is_empty():
        return message(empty)
    return html_table(header, [cells(row) for row in frame.iter_rows(named=True)], scroll=scroll)


def bilingual(chinese: object, english: object) -> str:
    """Chinese text with its English below it, in the muted style."""
    return f"{esc(chinese)}<br>{en(english)}"


def td(content: str, *, numeric: bool = False) -> str:
    """A table cell holding ``content`` (HTML); numeric cells align right."""
    return f'<td class="num">{content}</td>' if numeric else f"<td>{content}</td>"


def en(text: object) -> str:
    """English text beside Chinese, in the muted ``jg-en`` style."""
    return f'<span class="jg-en">{esc(text)}</span>'


def message(text: str) -> str:
    """A message shown instead of an output (nothing matches, a bad input …)."""
    return f'{CSS}<p class="jg-message">{esc(text)}</p>'


def observe(callback: Any, *controls: Any) -> None:
    """Call ``callback`` whenever the value of any of ``controls`` changes."""
    for control in controls:
        control.observe(callback, names="value")


def display_bundle(container: Any, kwargs: Mapping[str, Any], static: str) -> Any:
    """The display of an explorer: its container widget, and ``static`` HTML beside it.

    A live notebook shows the widget; a saved notebook read without a kernel shows the
    static HTML (the outputs and charts as they were when the explorer was displayed).
    """
    bundle = container._repr_mimebundle_(**kwargs)
    html = {"text/html": f'<div class="jg-static">{static}</div>'}
    if isinstance(bundle, tuple):  # (data, metadata)
        return {**bundle[0], **html}, bundle[1]
    return {**bundle, **html}


def __dir__() -> list[str]:
    return list(__all__)

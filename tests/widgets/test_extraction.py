"""The extraction explorer and its plain functions, without a kernel."""

from __future__ import annotations

import polars as pl
import pytest

from jinan_gov.extract import extract_targets, sample_reports
from jinan_gov.widgets import (
    HEADLINES,
    extraction_explorer,
    headline_chart,
    headline_targets,
    highlighted_html,
    report_label,
    targets_html,
)

PARAGRAPH = (
    "今年主要预期目标是：城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右，"
    "城镇调查失业率控制在5.5%以内，x<y>z不是目标。"
)


def test_targets_table_shows_each_row_in_words_and_symbols() -> None:
    page = targets_html(extract_targets(PARAGRAPH))
    assert page.count("<tr>") == 1 + 3
    assert "5.5%以内" in page
    assert "≤ 5.5 %" in page
    assert "No main-target paragraph" in targets_html(extract_targets(""))


def test_highlight_marks_shared_quotes_once_with_all_ids_and_escapes_text() -> None:
    page = highlighted_html(PARAGRAPH, extract_targets(PARAGRAPH))
    assert '<mark title="t01 t02"' in page
    assert '<mark title="t03"' in page
    assert "x&lt;y&gt;z" in page  # text from the input is escaped
    assert "Nothing to highlight" in highlighted_html("", extract_targets(""))


def test_highlight_shows_only_the_paragraph_of_a_long_text() -> None:
    text = "前言。" * 500 + PARAGRAPH + "后记。" * 500
    page = highlighted_html(text, extract_targets(text))
    assert page.count("前言") < 40
    assert page.count("后记") < 40
    assert "…" in page


def test_headlines_of_the_samples_and_their_chart() -> None:
    frames = {slug: extract_targets(text) for slug, text in sample_reports().items()}
    headlines = headline_targets(frames)
    assert set(headlines["indicator"]) == set(HEADLINES.values())
    assert headlines.group_by("report", "indicator").len()["len"].max() == 1
    gdp = headlines.filter(report="guangdong", indicator=HEADLINES["GDP, growth"]).row(0)
    assert gdp[2:] == (4.5, 5.0, "range", "4.5—5%")
    spec = headline_chart(headlines).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rule", "point"]
    assert headline_targets({}).columns == headlines.columns


def test_report_labels() -> None:
    hunan = sample_reports()["hunan"]
    assert report_label(hunan, "x") == "2026年湖南省政府工作报告"
    assert report_label(hunan, "x", short=True) == "湖南省 2026"
    assert report_label("no header", "fallback", short=True) == "fallback"


def test_explorer_switches_samples_and_reads_pasted_text() -> None:
    explorer = extraction_explorer("beijing")
    assert explorer.frame.height == 9
    assert explorer.pasted.layout.display == "none"
    explorer.source.value = "qinghai"
    assert explorer.frame.height == 12
    assert "II类及以上" in explorer.text.value
    explorer.source.value = "__paste__"
    assert explorer.pasted.layout.display == ""
    assert "no targets" in explorer.summary.value
    explorer.pasted.value = PARAGRAPH
    assert explorer.frame.height == 3
    assert "3 targets" in explorer.summary.value
    assert isinstance(explorer.frame, pl.DataFrame)


def test_explorer_starting_with_pasted_text_and_a_bad_sample() -> None:
    explorer = extraction_explorer("paste", text=PARAGRAPH)
    assert explorer.frame.height == 3
    with pytest.raises(ValueError, match="unknown sample report 'tibet'; valid: paste, anhui"):
        extraction_explorer("tibet")


def test_explorer_displays_with_a_static_copy() -> None:
    explorer = extraction_explorer("gansu")
    static = explorer.static_html()
    assert "2026年甘肃省政府工作报告" in static
    assert "<svg" in static
    assert "<mark" in static
    bundle = explorer._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "jg-static" in data["text/html"]

"""The extraction explorer and its plain functions, without a kernel."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from jinan_gov.extract import extract_targets, sample_reports
from jinan_gov.text.sources import raw_text
from jinan_gov.widgets import (
    HEADLINES,
    OKABE_ITO,
    PANEL_INDICATORS,
    chart_widget,
    extraction_explorer,
    headline_chart,
    headline_pairs,
    headline_pairs_chart,
    headline_targets,
    highlighted_html,
    report_label,
    targets_html,
)

PARAGRAPH = (
    "今年主要预期目标是：城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右，"
    "城镇调查失业率控制在5.5%以内，x<y&z不是目标。"
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
    assert "x&lt;y&amp;z" in page  # text from the input is escaped
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
    assert explorer.frame.height == extract_targets(sample_reports()["qinghai"]).height
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


def test_header_lines_stand_apart_from_the_highlighted_paragraph() -> None:
    gansu = sample_reports()["gansu"]
    page = highlighted_html(gansu, extract_targets(gansu))
    header, paragraph = page.split("</p><p>", 1)
    assert "2026年甘肃省政府工作报告<br>甘肃省 2026 published 2026-02-10" in header
    assert "#2026" not in paragraph
    assert "published" not in paragraph
    assert paragraph.startswith("经济社会发展的主要预期目标是")


def _x_scale(spec: dict[str, object]) -> dict[str, object]:
    for layer in spec["layer"]:  # type: ignore[attr-defined]
        x = layer["encoding"].get("x")
        if x and "scale" in x:
            return dict(x["scale"])
    raise AssertionError("no x scale")


def _color(spec: dict[str, Any]) -> dict[str, Any]:
    encodings = [spec.get("encoding", {})] + [layer.get("encoding", {}) for layer in spec["layer"]]
    return next(dict(e["color"]) for e in encodings if "color" in e)


def test_headline_chart_has_room_past_its_largest_value_and_safe_colours() -> None:
    frames = {slug: extract_targets(text) for slug, text in sample_reports().items()}
    headlines = headline_targets(frames)
    spec = headline_chart(headlines).to_dict()
    scale = _x_scale(spec)
    largest = max(headlines["value"].max(), headlines["value_upper"].max())  # type: ignore[type-var]
    assert scale["nice"] is True
    assert scale["domain"][1] > largest  # type: ignore[index]
    color = (
        spec["encoding"]["color"] if "encoding" in spec else spec["layer"][0]["encoding"]["color"]
    )
    assert color["scale"]["range"] == list(OKABE_ITO)
    assert len(color["scale"]["domain"]) == 8


def test_panel_of_samples_and_the_jinan_plan() -> None:
    texts = {"济南 2023 plan": raw_text(), **sample_reports()}
    pairs = headline_pairs(texts)
    assert set(pairs["indicator"]) <= set(PANEL_INDICATORS.values())
    outcomes = pairs.filter(pl.col("kind").str.contains("outcome"))
    assert set(outcomes["report"]) == {"济南 2023 plan"}  # the samples hold no review
    gdp = pairs.filter(report="济南 2023 plan", indicator=PANEL_INDICATORS["gdp_growth"])
    assert gdp.select("kind", "value").rows() == [
        ("目标 target", 5.5),
        ("上年实绩 last year's outcome", 3.1),
    ]
    assert pairs.filter(pl.col("kind") == "目标 target")["report"].n_unique() == 9
    spec = headline_pairs_chart(pairs).to_dict()
    marks = [(layer["mark"]["type"], layer["mark"].get("filled")) for layer in spec["layer"]]
    assert marks == [("rule", None), ("rule", None), ("point", True), ("point", False)]
    scale = _x_scale(spec)
    assert scale["domain"][1] > pairs["value_upper"].max()  # type: ignore[index]
    assert _color(spec)["scale"]["scheme"] == "tableau10"  # nine reports: more than Okabe-Ito
    assert chart_widget(headline_pairs_chart(pairs)).chart is not None
    assert headline_pairs({}).is_empty()

"""The published notebooks (docs/notebooks/*.ipynb) show every chart without a kernel.

The pages are the example notebooks executed by ``uv run nox -s notebook_pages``
(docs/build_notebooks.py), with static outputs only; the site renders them as they are.
These tests read them as files: no kernel, no browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PAGES = ROOT / "docs" / "notebooks"
REBUILD = "rebuild the pages with `uv run nox -s notebook_pages`"
# The altair charts each notebook displays: explorers and chart widgets.
CHARTS = {
    "01_plan_at_a_glance": 3,  # the plan explorer: outcome vs target, sections, measures
    "02_attainment_what_if": 2,  # the scenario heatmap, the what-if's gap chart
    "03_work_rules": 0,
    "04_extract_targets": 2,  # the samples' headline targets; the panel of targets and outcomes
}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
INLINE_SVG = re.compile(r"<svg\b[^>]*\bclass=\"marks\"")
SVG_IMAGE = re.compile(r'<img\b[^>]*\bsrc="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"')


def _notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def _page(notebook: Path) -> dict[str, Any]:
    page = PAGES / notebook.name
    assert page.is_file(), f"no page {page.relative_to(ROOT)}: {REBUILD}"
    loaded: dict[str, Any] = json.loads(page.read_text(encoding="utf-8"))
    return loaded


def _outputs(page: dict[str, Any]) -> list[dict[str, Any]]:
    return [output for cell in page["cells"] for output in cell.get("outputs", [])]


def _text(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def charts_shown(markup: str) -> int:
    """Vega charts drawn as static SVG in HTML: inline, or as an SVG image."""
    images = [base64.b64decode(data).decode("utf-8") for data in SVG_IMAGE.findall(markup)]
    return len(INLINE_SVG.findall(markup)) + sum(bool(INLINE_SVG.search(svg)) for svg in images)


def test_every_notebook_has_a_chart_count() -> None:
    assert sorted(CHARTS) == [path.stem for path in _notebooks()], (
        "list each notebook's charts in CHARTS"
    )


def test_every_page_is_in_the_site_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for notebook in _notebooks():
        assert f"notebooks/{notebook.name}" in config


@pytest.mark.parametrize("notebook", _notebooks(), ids=lambda path: path.stem)
def test_page_is_built_from_the_current_notebook(notebook: Path) -> None:
    recorded = _page(notebook)["metadata"].get("jinan_gov_notebook_sha256")
    assert recorded, f"{notebook.name}: page has no source digest; {REBUILD}"
    current = hashlib.sha256(notebook.read_bytes()).hexdigest()
    assert recorded == current, f"{notebook.name} changed since its page was built; {REBUILD}"


@pytest.mark.parametrize("notebook", _notebooks(), ids=lambda path: path.stem)
def test_page_shows_every_chart_as_svg(notebook: Path) -> None:
    markup = "".join(
        _text(data[mime])
        for output in _outputs(_page(notebook))
        for data in [output.get("data", {})]
        for mime in ("text/html", "image/svg+xml")
        if mime in data
    )
    assert charts_shown(markup) == CHARTS[notebook.stem]


@pytest.mark.parametrize("notebook", _notebooks(), ids=lambda path: path.stem)
def test_page_is_static_and_complete(notebook: Path) -> None:
    page = _page(notebook)
    assert "widgets" not in page["metadata"]
    outputs = _outputs(page)
    assert outputs, "the page shows no output"
    for output in outputs:
        assert WIDGET_VIEW not in output.get("data", {})  # no live widget left
        assert output["output_type"] != "error"  # every cell ran
    assert all(cell.get("execution_count") for cell in page["cells"] if cell["cell_type"] == "code")


def test_chart_count_sees_inline_and_image_svgs() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="1"></svg>'
    image = base64.b64encode(svg.encode()).decode()
    page = f'<div>{svg}</div><img alt="" src="data:image/svg+xml;base64,{image}"><svg class="x">'
    assert charts_shown(page) == 2
    assert charts_shown("<p>no chart</p>") == 0

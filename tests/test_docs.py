"""The published notebooks (docs/notebooks/*.html) show every chart without a kernel.

The pages are built by ``uv run nox -s docs`` (docs/build_notebooks.py). These tests read
them as files: no kernel, no browser.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PAGES = ROOT / "docs" / "notebooks"
REBUILD = "rebuild the pages with `uv run nox -s docs`"
# The altair charts each notebook displays: explorers and chart widgets.
CHARTS = {
    "01_plan_at_a_glance": 3,  # the plan explorer: outcome vs target, sections, measures
    "02_attainment_what_if": 2,  # the scenario heatmap, the what-if's gap chart
    "03_work_rules": 0,
    "04_extract_targets": 1,  # the headline targets of the sample reports
}
INLINE_SVG = re.compile(r"<svg\b[^>]*\bclass=\"marks\"")
SVG_IMAGE = re.compile(r'<img\b[^>]*\bsrc="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"')


def _notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def _page(notebook: Path) -> str:
    page = PAGES / f"{notebook.stem}.html"
    assert page.is_file(), f"no page {page.relative_to(ROOT)}: {REBUILD}"
    return page.read_text(encoding="utf-8")


def charts_shown(page: str) -> int:
    """Vega charts drawn as static SVG in a page: inline, or as an SVG image."""
    images = [base64.b64decode(data).decode("utf-8") for data in SVG_IMAGE.findall(page)]
    return len(INLINE_SVG.findall(page)) + sum(bool(INLINE_SVG.search(svg)) for svg in images)


def test_every_notebook_has_a_chart_count() -> None:
    assert sorted(CHARTS) == [path.stem for path in _notebooks()], (
        "list each notebook's charts in CHARTS"
    )


@pytest.mark.parametrize("notebook", _notebooks(), ids=lambda path: path.stem)
def test_page_is_built_from_the_current_notebook(notebook: Path) -> None:
    recorded = re.search(
        r'<meta name="jinan-gov-notebook-sha256" content="([0-9a-f]{64})">', _page(notebook)
    )
    assert recorded, f"{notebook.name}: page has no source digest; {REBUILD}"
    current = hashlib.sha256(notebook.read_bytes()).hexdigest()
    assert recorded.group(1) == current, (
        f"{notebook.name} changed since its page was built; {REBUILD}"
    )


@pytest.mark.parametrize("notebook", _notebooks(), ids=lambda path: path.stem)
def test_page_shows_every_chart_as_svg(notebook: Path) -> None:
    assert charts_shown(_page(notebook)) == CHARTS[notebook.stem]


@pytest.mark.parametrize("notebook", _notebooks(), ids=lambda path: path.stem)
def test_page_is_static_and_offline(notebook: Path) -> None:
    page = _page(notebook)
    assert "application/vnd.jupyter.widget-view+json" not in page  # no live widget left
    assert not re.search(r"<script[^>]*\bsrc=\"https?://", page)  # nothing to download
    assert '<link rel="stylesheet" href="notebook.css">' in page
    assert (PAGES / "notebook.css").stat().st_size > 10_000
    assert "Traceback (most recent call last)" not in page  # every cell ran


def test_chart_count_sees_inline_and_image_svgs() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="1"></svg>'
    image = base64.b64encode(svg.encode()).decode()
    page = f'<div>{svg}</div><img alt="" src="data:image/svg+xml;base64,{image}"><svg class="x">'
    assert charts_shown(page) == 2
    assert charts_shown("<p>no chart</p>") == 0

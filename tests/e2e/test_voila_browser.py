"""The notebooks as a web app: Voila serves them, Debian's Chromium uses the widgets.

Each test loads a notebook in a real browser, changes a widget the way a user would
(keyboard on a slider, typing into a box, picking a date) and checks that the page updates:
the status text *and* the chart drawn by the kernel. Set ``JINAN_GOV_SCREENSHOTS=DIR`` to
also save the screenshots used in the README (``docs/images``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

pytestmark = pytest.mark.browser

LOAD_MS = 60_000  # first render: Voila starts a kernel and runs the whole notebook
UPDATE_MS = 15_000  # one widget change: a round trip to the kernel and a redraw
MISSED_COLOR = "#d6604d"  # STATUS_COLORS["missed"] in jinan_gov.widgets


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(UPDATE_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def _open(page: Page, voila_url: str, notebook: str, root_class: str) -> Locator:
    page.goto(
        f"{voila_url}/voila/render/{notebook}", wait_until="domcontentloaded", timeout=LOAD_MS
    )
    root = page.locator(f".{root_class}")
    expect(root).to_be_visible(timeout=LOAD_MS)
    return root


def _chart_svg(page: Page, root_class: str) -> str:
    """The markup of the first chart under the widget (re-queried: redraws replace the svg)."""
    markup: str = page.evaluate(
        "(cls) => document.querySelector(`.${cls} .vega-embed svg`)?.outerHTML ?? ''",
        root_class,
    )
    return markup


def _wait_chart_change(page: Page, root_class: str, before: str) -> str:
    page.wait_for_function(
        "([cls, before]) => {"
        " const svg = document.querySelector(`.${cls} .vega-embed svg`);"
        " return svg !== null && svg.outerHTML !== before; }",
        arg=[root_class, before],
        timeout=UPDATE_MS,
    )
    return _chart_svg(page, root_class)


def test_what_if_slider_and_benchmark_update_status_and_chart(page: Page, voila_url: str) -> None:
    cls = "jg-attainment-what-if"
    root = _open(page, voila_url, "02_attainment_what_if.ipynb", cls)
    summary = root.locator(".jg-summary")
    # The notebook starts from "2023 repeats 2022": GDP growth 3.1% misses 5.5%以上.
    expect(summary).to_contain_text("19 assessed", timeout=LOAD_MS)
    expect(summary).to_contain_text("6 missed")
    gdp_row = root.locator(".jg-table tr", has_text="地区生产总值增长")
    expect(gdp_row).to_contain_text("missed 未达预期")
    expect(root.locator(".vega-embed svg").first).to_contain_text(
        "地区生产总值增长", timeout=LOAD_MS
    )
    chart_before = _chart_svg(page, cls)

    # Keyboard on the GDP slider: End moves it to its maximum (8.3).
    handle = root.locator(".widget-slider", has_text="地区生产总值增长").locator(".noUi-handle")
    handle.focus()
    handle.press("End")
    expect(summary).to_contain_text("5 missed")
    expect(gdp_row).to_contain_text("exceeded 超出预期")
    expect(gdp_row).to_contain_text("+2.8%")
    chart_after = _wait_chart_change(page, cls, chart_before)
    # One target fewer drawn in the "missed" colour (its bar and its dot).
    assert chart_after.count(MISSED_COLOR) == chart_before.count(MISSED_COLOR) - 2

    # Type a provincial average for foreign investment (the second relative target).
    benchmark = root.get_by_placeholder("provincial average").nth(1)
    benchmark.fill("4.2")
    benchmark.press("Enter")
    expect(summary).to_contain_text("20 assessed")
    expect(root.locator(".jg-table tr", has_text="实际使用外资增速")).to_contain_text(
        "met 达到预期"
    )
    _wait_chart_change(page, cls, chart_after)

    # Nonsense in a benchmark box is reported, not raised.
    benchmark.fill("abc")
    benchmark.press("Enter")
    expect(root.locator(".jg-message")).to_contain_text("'abc' is not a number")
    expect(summary).to_contain_text("19 assessed")


def test_rules_search_and_deadline_in_unpublished_year(page: Page, voila_url: str) -> None:
    cls = "jg-rules-explorer"
    root = _open(page, voila_url, "03_work_rules.ipynb", cls)
    expect(root.locator(".jg-article")).to_contain_text("第五十条", timeout=LOAD_MS)

    query = root.get_by_placeholder("Ask in Chinese or English")
    query.fill("How often does the executive meeting meet?")
    query.press("Enter")
    expect(root.locator(".jg-table").first).to_contain_text("第三十八条")
    expect(root.locator(".jg-article")).to_contain_text("第三十八条")

    root.locator(".lm-TabBar-tab", has_text="期限").click()
    due = root.locator(".jg-summary", has_text="Due")
    expect(due).to_contain_text("2023-05-09")
    start = root.locator("input[type=date]")
    start.fill("2030-01-02")
    expect(root.locator(".jg-message")).to_contain_text("not published")


# file name: (notebook, widget class, tab to click or "", maximum height in pixels)
SCREENSHOTS = {
    "plan_explorer.png": ("01_plan_at_a_glance.ipynb", "jg-plan-explorer", "", 1800),
    "attainment_what_if.png": ("02_attainment_what_if.ipynb", "jg-attainment-what-if", "", 1150),
    "rules_explorer.png": ("03_work_rules.ipynb", "jg-rules-explorer", "", 1100),
    "rules_deadlines.png": ("03_work_rules.ipynb", "jg-rules-explorer", "期限", 700),
}


@pytest.mark.skipif(
    not os.environ.get("JINAN_GOV_SCREENSHOTS"),
    reason="set JINAN_GOV_SCREENSHOTS=docs/images to regenerate the README screenshots",
)
@pytest.mark.parametrize("name", sorted(SCREENSHOTS))
def test_screenshot(page: Page, voila_url: str, name: str) -> None:
    notebook, cls, tab, max_height = SCREENSHOTS[name]
    root = _open(page, voila_url, notebook, cls)
    expect(root.locator(".vega-embed svg, .jg-article").first).to_be_visible(timeout=LOAD_MS)
    if tab:
        root.locator(".lm-TabBar-tab", has_text=tab).click()
    page.wait_for_timeout(1000)  # let the charts finish drawing
    box = root.bounding_box()
    assert box is not None
    # Voila scrolls inside its own container: make the window as tall as the widget.
    page.set_viewport_size({"width": 1280, "height": int(box["height"]) + 400})
    page.wait_for_timeout(300)
    root.scroll_into_view_if_needed()
    box = root.bounding_box()
    assert box is not None
    clip = {
        "x": box["x"],
        "y": box["y"],
        "width": box["width"],
        "height": min(box["height"], max_height),
    }
    target = Path(os.environ["JINAN_GOV_SCREENSHOTS"]) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=target, clip=clip)  # type: ignore[arg-type]
    assert target.stat().st_size < 300_000, f"{target} is over 300 KB"

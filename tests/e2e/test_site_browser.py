"""The documentation site in a real browser: it loads offline and its search works.

Builds the site with ``mkdocs build --strict`` into a temporary directory, serves it on
127.0.0.1 with Python's ``http.server`` and opens it in Debian's Chromium (the fixtures of
``conftest.py``). A request to any other host, a failed request or a console error fails
the test: the site must need no CDN and no font service.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect

from tests.e2e.conftest import _free_port, _stop

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LOAD_MS = 30_000
BUILD_SECONDS = 300


@pytest.fixture(scope="module")
def site_url(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the site into a temporary directory and serve it; yield its base URL."""
    site = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_SECONDS,
        check=False,
    )
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.stderr}"
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the static file server did not start")
                time.sleep(0.1)
        yield url
    finally:
        _stop(server)


@dataclass
class Trouble:
    """What went wrong while a page was open: console errors and off-site or failed requests."""

    base: str
    problems: list[str] = field(default_factory=list)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def request(self, request: Request) -> None:
        if not request.url.startswith((self.base, "data:", "blob:")):
            self.problems.append(f"request off the site: {request.url}")

    def failed(self, request: Request) -> None:
        self.problems.append(f"request failed: {request.url} ({request.failure})")


@pytest.fixture
def watched(browser: Browser, site_url: str) -> Iterator[tuple[Page, Trouble]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(LOAD_MS)
    page = context.new_page()
    trouble = Trouble(site_url)
    page.on("console", trouble.console)
    page.on("pageerror", lambda error: trouble.problems.append(f"page error: {error}"))
    page.on("request", trouble.request)
    page.on("requestfailed", trouble.failed)
    try:
        yield page, trouble
    finally:
        context.close()


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "jinan_gov"),
        ("/guide/attainment/", "Attainment"),
        ("/notebooks/02_attainment_what_if/", "What if"),
        ("/reference/rules/", "jinan_gov.rules"),
    ],
)
def test_page_loads_offline_without_errors(
    watched: tuple[Page, Trouble], site_url: str, path: str, heading: str
) -> None:
    page, trouble = watched
    page.goto(site_url + path, wait_until="networkidle")
    expect(page.locator("article h1").first).to_contain_text(heading)
    assert trouble.problems == []


@pytest.mark.parametrize(
    ("query", "expected"), [("countersign", "guide/rules/"), ("调休", "guide/workdays/")]
)
def test_search_finds_a_known_word(
    watched: tuple[Page, Trouble], site_url: str, query: str, expected: str
) -> None:
    page, trouble = watched
    page.goto(site_url + "/", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # the theme searches on key events, as when a user types
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.locator(f".md-search-result__item a[href*='{expected}']").first).to_be_attached()
    assert trouble.problems == []

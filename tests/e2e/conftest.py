"""Fixtures for the browser tests: a Voila server on the notebooks and Debian's Chromium.

The browser is Debian's ``/usr/bin/chromium`` (``apt-get install -y chromium``) driven by
Playwright's Python API; Playwright's own browser download is never used. Without it the
tests skip with a clear reason.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
STARTUP_SECONDS = 60.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop Voila and its kernels: SIGTERM lets it shut the kernels down, then SIGKILL."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        # Voila runs in its own session: kill it with any kernel it left behind.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium, or a skip saying how to install it."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; .ci/run installs it, so CI must not skip the browser test")
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium_path: Path) -> Iterator[Browser]:
    """A headless Chromium launched through Playwright."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium_path), args=list(CHROMIUM_ARGS), timeout=30_000
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def voila_url(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve ``notebooks/`` with Voila on a free local port; yield its base URL."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("voila") / "voila.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "voila",
                str(NOTEBOOKS),
                "--no-browser",
                f"--port={port}",
                "--Voila.ip=127.0.0.1",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=NOTEBOOKS,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"Voila exited with {process.returncode}:\n{log_path.read_text()}")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"Voila did not start in {STARTUP_SECONDS:.0f} s:\n" + log_path.read_text()
                    )
                time.sleep(0.2)
        yield url
    finally:
        _stop(process)

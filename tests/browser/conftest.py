"""Fixtures for the browser tests: the real content built with `vb build`, served on localhost, read in Chromium.

Debian's Chromium is driven by Playwright for Python; axe-core comes from the
npm packages in this folder (`npm ci`). Without them the tests are skipped with
the reason printed at the end of the run, except where VB_BROWSER_REQUIRED=1
(as in .ci/run): there a missing browser is an error.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRED = os.environ.get("VB_BROWSER_REQUIRED") == "1"
TIMEOUT_MS = 20_000
_skipped: list[str] = []


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when Playwright, Chromium and axe-core are all present."""
    try:
        import playwright.sync_api  # noqa: F401 - only whether it imports
    except ImportError:
        return "Playwright för Python saknas (installera med pip install -e '.[test]')."
    if not CHROMIUM.is_file():
        return f"Chromium saknas i {CHROMIUM} (installera med apt-get install chromium)."
    if not AXE.is_file():
        return f"axe-core saknas i {AXE.parent} (kör npm ci i tests/browser)."
    return None


def pytest_terminal_summary(terminalreporter) -> None:
    """A skipped browser test says why, also in a quiet run."""
    for reason in dict.fromkeys(_skipped):
        terminalreporter.write_line(f"Webbläsartesterna hoppades över: {reason}")


@pytest.fixture(scope="session")
def browser() -> Iterator:
    reason = missing()
    if reason and REQUIRED:
        pytest.fail(f"{reason} VB_BROWSER_REQUIRED=1, så webbläsartesterna måste köras.", pytrace=False)
    if reason:
        _skipped.append(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site(browser, built_real_site: Path) -> Path:
    """The real content built by `vb build` (check, pages, search index), once for the run."""
    return built_real_site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site over HTTP on a free localhost port (Pagefind's index is fetched, so file:// will not do)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture
def page(browser, base_url: str) -> Iterator:
    """A fresh tab whose relative addresses go to the served site."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()

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
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.content.load import load_content
from tests.browser.pages import ids_in, one_of_each_kind, page_paths
from tests.browser.tour import Tour, shared_tour, take_tour
from tests.real_site import shared_root

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


@pytest.fixture(scope="session")
def kinds(site: Path) -> dict[tuple[str, ...], str]:
    """One page of each kind in the built site (its kinds are read off the addresses, so new kinds are included)."""
    content = load_content(ROOT / "content")
    organisation = content.organisation.model
    ids = ids_in(organisation.model_dump())
    for loaded in content.catalogues.values():
        ids |= ids_in(loaded.model.model_dump())
    return one_of_each_kind(page_paths(site), organisation.namnd.id, ids)


@pytest.fixture(scope="session")
def tour(browser, base_url: str, kinds, tmp_path_factory, worker_id: str) -> Callable[[str], Tour]:
    """Every kind of page visited once per width for the whole run, the first time a test asks for that width."""
    root = shared_root(tmp_path_factory.getbasetemp(), worker_id)
    taken: dict[str, Tour] = {}
    paths = list(kinds.values())

    def elsewhere(width: str, kept: Path, output) -> subprocess.Popen:
        command = [sys.executable, "-m", "tests.browser.tour", base_url, width, str(kept), *paths]
        return subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)

    def at(width: str) -> Tour:
        if width not in taken:
            taken[width] = shared_tour(root, width, lambda w: take_tour(browser, base_url, paths, w), elsewhere)
        return taken[width]

    return at


@pytest.fixture
def page(browser, base_url: str) -> Iterator:
    """A fresh tab whose relative addresses go to the served site."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()

"""What makes a page fast on a phone, checked without timing on every kind of page: little CSS and no script that
holds up the first paint, no layout shift while the page loads, and room kept for every image and chart.

Lighthouse's score itself depends on the machine's load; it is measured by benchmarks/lighthouse.py.
"""

from __future__ import annotations

import pytest

from tests.browser.test_public import WIDTHS
from tests.browser.test_site import kinds, visit  # noqa: F401 - kinds is a fixture

pytestmark = pytest.mark.slow  # builds the whole site

BLOCKING_BUDGET = 50_000  # bytes of stylesheets and scripts that may hold up a page's first paint (uncompressed)
MOST_SHIFT = 0.1  # Lighthouse's and Google's limit for a good cumulative layout shift

# Layout shifts recorded from the start of the page, as a browser reports them (without shifts right after input).
RECORD_SHIFTS = """
window.__vbShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__vbShifts.push(entry.value);
  }
}).observe({type: "layout-shift", buffered: true});
"""
# A phone on a slow connection, as Lighthouse assumes (slow 4G, a 4× slower processor): the first paint comes
# before the deferred script has run, so whatever that script moves is seen as a shift.
SLOW_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300))))"


def blocking_resources(page) -> dict[str, int]:
    """The stylesheets and scripts that held up the open page's first paint (Chromium's renderBlockingStatus),
    with their sizes in bytes; inline scripts in the page count with the page."""
    return page.evaluate("""() => Object.fromEntries(performance.getEntriesByType("resource")
        .filter(e => e.renderBlockingStatus === "blocking")
        .map(e => [new URL(e.name).pathname, e.decodedBodySize]))""")


def parser_blocking_scripts(page) -> list[str]:
    """Scripts with a source that stop the page from being read until they have run (no defer, async or module)."""
    return page.evaluate("""() => [...document.querySelectorAll("script[src]")]
        .filter(s => !s.defer && !s.async && s.type !== "module").map(s => s.getAttribute("src"))""")


def test_no_kind_of_page_waits_for_more_than_the_budget_of_css_and_scripts(page, kinds):
    over = {}
    for path in kinds.values():
        visit(page, path)
        blocking = blocking_resources(page)
        scripts = parser_blocking_scripts(page)
        if sum(blocking.values()) > BLOCKING_BUDGET or scripts:
            over[path] = (blocking, scripts)
    assert not over, over


def test_the_budget_check_sees_the_themes_whole_stylesheet(page, site):
    whole = next((site / "assets" / "stylesheets").glob("main.*.css")).name
    html = f'<!doctype html><html lang="sv"><link rel="stylesheet" href="/assets/stylesheets/{whole}"><p>x</p></html>'
    page.route("**/prov.html", lambda route: route.fulfill(content_type="text/html", body=html))
    page.goto("/prov.html")
    page.wait_for_load_state("load")
    assert sum(blocking_resources(page).values()) > BLOCKING_BUDGET


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_no_kind_of_page_shifts_while_it_loads(browser, base_url, kinds, width):
    context = browser.new_context(base_url=base_url, viewport=dict(zip(("width", "height"), WIDTHS[width])))
    context.add_init_script(RECORD_SHIFTS)
    tab = context.new_page()
    slow = context.new_cdp_session(tab)
    slow.send("Network.enable")
    slow.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    slow.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    shifted = {}
    for path in kinds.values():
        visit(tab, path)
        tab.wait_for_load_state("networkidle")
        tab.evaluate(SETTLED)
        total = sum(tab.evaluate("() => window.__vbShifts"))
        if total > MOST_SHIFT:
            shifted[path] = round(total, 3)
    context.close()
    assert not shifted, shifted


def test_the_shift_check_sees_a_shift(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    context.add_init_script(RECORD_SHIFTS)
    tab = context.new_page()
    tab.goto("/tillganglighet/")
    tab.evaluate(SETTLED)
    tab.evaluate("""() => { const p = document.createElement("p"); p.style.height = "400px";
        document.querySelector("article").prepend(p); }""")
    tab.evaluate(SETTLED)
    assert sum(tab.evaluate("() => window.__vbShifts")) > MOST_SHIFT
    context.close()


def test_every_image_and_chart_has_its_size_before_it_loads(page, kinds):
    without = {}
    for path in kinds.values():
        visit(page, path)
        missing = page.evaluate("""() => [...document.querySelectorAll("article img, article svg:not(svg svg)")]
            .filter(e => !(e.getAttribute("width") && e.getAttribute("height")) && !e.getAttribute("viewBox"))
            .map(e => e.outerHTML.slice(0, 120))""")
        if missing:
            without[path] = missing
    assert not without, without

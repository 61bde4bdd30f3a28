"""What makes a page fast on a phone, checked without timing on every kind of page: little CSS and no script that
holds up the first paint, no layout shift while the page loads, and room kept for every image and chart.

Lighthouse's score itself depends on the machine's load; it is measured by benchmarks/lighthouse.py.
"""

from __future__ import annotations

import pytest

from tests.browser.tour import ONE_PAGE, WIDTHS, tour_of_one_page

pytestmark = pytest.mark.slow  # builds the whole site

BLOCKING_BUDGET = 50_000  # bytes of stylesheets and scripts that may hold up a page's first paint (uncompressed)
MOST_SHIFT = 0.1  # Lighthouse's and Google's limit for a good cumulative layout shift
EVERY_WIDTH = pytest.mark.parametrize("width", sorted(WIDTHS))
# A page whose text is pushed down by a block added after it has been shown.
SHIFTING_PAGE = """<!doctype html><html lang="sv"><title>Prov</title>
<div style="height:600px;background:#ddd">Text</div>
<script>setTimeout(() => { const p = document.createElement("p"); p.style.height = "400px";
  document.body.prepend(p); }, 200);</script></html>"""


@EVERY_WIDTH
def test_no_kind_of_page_waits_for_more_than_the_budget_of_css_and_scripts(tour, width):
    over = {
        path: (seen.blocking, seen.parser_blocking)
        for path, seen in tour(width).visits.items()
        if sum(seen.blocking.values()) > BLOCKING_BUDGET or seen.parser_blocking
    }
    assert not over, over


def test_the_budget_check_sees_the_themes_whole_stylesheet(browser, base_url, site):
    whole = next((site / "assets" / "stylesheets").glob("main.*.css")).name
    html = f'<!doctype html><html lang="sv"><link rel="stylesheet" href="/assets/stylesheets/{whole}"><p>x</p></html>'
    seen = tour_of_one_page(browser, base_url, html, "dator").visits[ONE_PAGE]
    assert sum(seen.blocking.values()) > BLOCKING_BUDGET


@EVERY_WIDTH
def test_no_kind_of_page_shifts_while_it_loads(tour, width):
    shifted = {path: round(seen.shift, 3) for path, seen in tour(width).visits.items() if seen.shift > MOST_SHIFT}
    assert not shifted, shifted


def test_the_shift_check_sees_a_shift(browser, base_url):
    assert tour_of_one_page(browser, base_url, SHIFTING_PAGE, "telefon").visits[ONE_PAGE].shift > MOST_SHIFT


@EVERY_WIDTH
def test_every_image_and_chart_has_its_size_before_it_loads(tour, width):
    without = {path: seen.unsized for path, seen in tour(width).visits.items() if seen.unsized}
    assert not without, without


def test_the_size_check_sees_an_image_without_one(browser, base_url):
    html = '<!doctype html><html lang="sv"><title>Prov</title><article><img src="data:," alt="x"></article></html>'
    assert tour_of_one_page(browser, base_url, html, "dator").visits[ONE_PAGE].unsized

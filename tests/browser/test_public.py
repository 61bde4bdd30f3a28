"""What a public authority's site must do in a reader's browser: fetch nothing from another site, set no cookies,
pass axe at a phone's and a laptop's width on every kind of page, validate as HTML, and lead from every page to the
accessibility statement."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest

from tests.browser.conftest import HERE, REQUIRED
from tests.browser.tour import ONE_PAGE, WIDTHS, tour_of_one_page
from tests.site.builtsite import html_files

pytestmark = pytest.mark.slow  # builds the real site and tours it in a browser
VNU = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NEW_KINDS = {("tillganglighet",), ("om-webbplatsen",), ("ordlista",), ("data",)}
STATEMENT = "/tillganglighet/"
# The checker runs once and briefly: the quick compiler only (with the deeper stack its recursion needs then), and
# the simple collector, take a third of the processor time the defaults take.
JAVA_FOR_ONE_RUN = ["-Xss16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
EVERY_WIDTH = pytest.mark.parametrize("width", sorted(WIDTHS))


def test_the_new_pages_are_among_the_kinds(kinds):
    assert NEW_KINDS <= set(kinds)


@EVERY_WIDTH
def test_no_kind_of_page_fetches_anything_from_another_origin(tour, width):
    found = {path: seen.other_origins for path, seen in tour(width).visits.items() if seen.other_origins}
    assert not found, found


def test_the_check_sees_a_request_to_another_origin(browser, base_url):
    page = '<!doctype html><title>Prov</title><img src="http://example.invalid/a.png" alt="">'
    other_site = {"http://example.invalid/**": {"status": 204}}
    seen = tour_of_one_page(browser, base_url, page, "telefon", other_site).visits[ONE_PAGE]
    assert seen.other_origins == ["http://example.invalid/a.png"]


@EVERY_WIDTH
def test_no_kind_of_page_sets_a_cookie(tour, width):
    assert tour(width).cookies == []


def test_the_cookie_check_sees_a_cookie(browser, base_url):
    page = '<!doctype html><title>Prov</title><script>document.cookie = "besok=1; path=/";</script>'
    tour = tour_of_one_page(browser, base_url, page, "dator")
    assert [cookie["name"] for cookie in tour.cookies] == ["besok"]


@EVERY_WIDTH
def test_no_serious_accessibility_violations_at_a_phones_and_a_laptops_width(tour, width):
    report = [f"{path}: {line}" for path, seen in tour(width).visits.items() for line in seen.violations]
    assert not report, "\n".join(report)


def test_the_accessibility_check_sees_an_image_without_a_text(browser, base_url):
    html = '<!doctype html><html lang="sv"><title>Prov</title><main><img src="data:,"></main></html>'
    seen = tour_of_one_page(browser, base_url, html, "telefon").visits[ONE_PAGE]
    assert any("image-alt" in line for line in seen.violations), seen.violations


@EVERY_WIDTH
def test_every_kind_of_page_links_the_accessibility_statement_from_its_footer(tour, width):
    assert {
        path: seen.statement_links for path, seen in tour(width).visits.items() if seen.statement_links != [STATEMENT]
    } == {}


def test_the_footers_link_leads_to_the_accessibility_statement(page):
    page.goto("/2021/vb/glasade-gangen/")
    page.locator("footer").get_by_role("link", name="Tillgänglighetsredogörelse").click()
    page.wait_for_load_state()
    assert urllib.parse.urlsplit(page.url).path == STATEMENT
    assert page.locator("article h1").first.inner_text().startswith("Tillgänglighetsredogörelse")


def test_the_statement_has_the_parts_digg_prescribes(page):
    page.goto("/tillganglighet/")
    headings = page.locator("article h2").all_inner_texts()
    wanted = [
        "Hur tillgänglig är webbplatsen?",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet",
        "Tillsyn",
        "Teknisk information om webbplatsens tillgänglighet",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat webbplatsen",
    ]
    assert [h.replace("¶", "").strip() for h in headings] == wanted
    text = page.locator("article").inner_text()
    assert "Myndigheten för digital förvaltning" in text and "Senaste bedömningen gjordes den" in text


def html_errors(files: list[Path]) -> list[str]:
    """The W3C Nu HTML Checker's errors in the files, one line each (file:line: message)."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        reason = "Java eller vnu-jar saknas (apt-get install default-jre-headless; npm ci i tests/browser)."
        if REQUIRED:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    done = subprocess.run(
        [java, *JAVA_FOR_ONE_RUN, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    return [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]


def test_every_page_is_valid_html(site: Path):
    errors = html_errors(html_files(site))
    assert not errors, "\n".join(errors[:50])


def test_the_html_check_sees_an_error(tmp_path):
    page = tmp_path / "fel.html"
    page.write_text('<!doctype html><html lang="sv"><title>Fel</title><p><div>x</div></p>', encoding="utf-8")
    assert html_errors([page])


def test_on_a_phone_the_driftbudget_keeps_its_row_names_beside_the_last_column_and_says_it_scrolls(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/ekonomi/2021/t1/")
    page.wait_for_load_state("networkidle")
    heading = page.locator("#namndens-driftbudget")
    wrap = heading.locator("xpath=following::div[contains(@class, 'md-typeset__scrollwrap')][1]")
    cue = wrap.locator("xpath=preceding-sibling::*[1]")
    assert cue.is_visible() and "rulla" in cue.inner_text()
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    row_name = wrap.locator("tbody tr").first.locator("th[scope=row]")
    last_figure = wrap.locator("tbody tr").first.locator("td").last
    last_figure.scroll_into_view_if_needed()
    name_box, figure_box = row_name.bounding_box(), last_figure.bounding_box()
    assert name_box is not None and figure_box is not None
    assert 0 <= name_box["x"] and name_box["x"] + name_box["width"] <= figure_box["x"] <= 390
    assert "Nämnd och administration" in row_name.inner_text()


def test_on_a_phone_the_indicator_charts_text_is_at_least_12_px(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/indikatorer/sjukfranvaro/")
    page.wait_for_load_state("networkidle")
    size = page.evaluate("""() => {
        const svg = document.querySelector('.vb-diagram svg');
        return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width * parseFloat(svg.getAttribute('font-size'));
    }""")
    assert size >= 12, size


def total_hits(page) -> int:
    """The number of hits the search page reports ("Visar 10 av 34 träffar …", "4 träffar …", "1 träff …")."""
    from playwright.sync_api import expect  # here: without Playwright the tests are skipped, not broken

    status = page.locator("#vb-sokstatus")
    expect(status).to_contain_text("träff")
    return int(re.search(r"(\d+) träff", status.inner_text()).group(1))


def test_every_hit_says_where_it_is_and_the_filters_narrow_the_hits(page):
    page.goto(f"/sok.html?q={urllib.parse.quote('hemtjänst')}")
    every = total_hits(page)
    shown = page.locator("#vb-sokresultat li")
    assert every > 0 and shown.count() == page.locator("#vb-sokresultat li .vb-traffplats").count() > 0
    page.locator("#vb-filter-period").select_option("T1")
    page.get_by_role("button", name="Filtrera").click()
    page.wait_for_url("**period=T1**")
    narrowed = total_hits(page)
    assert 0 < narrowed < every
    assert all("T1" in text for text in page.locator("#vb-sokresultat li .vb-traffplats").all_inner_texts())
    assert page.locator("#vb-filter-period").input_value() == "T1"


@pytest.mark.parametrize("words", ["webbplatskarta", "karta"])
def test_a_reader_searching_for_the_site_map_finds_it(page, words):
    page.goto(f"/sok.html?q={urllib.parse.quote(words)}")
    assert total_hits(page) >= 1
    links = page.locator("#vb-sokresultat li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(link.endswith("karta.html") for link in links), links

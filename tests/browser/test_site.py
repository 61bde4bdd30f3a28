"""The built site in a real browser: navigation, Swedish search, the 002 print view and accessibility (WCAG 2.1 AA)."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from tests.browser.conftest import AXE, ROOT
from tests.browser.pages import normalise, seed_toc
from tests.browser.tour import WIDTHS

pytestmark = pytest.mark.slow  # builds whole sites

SOURCES = ROOT / "tests" / "sources"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
HITS = "#vb-sokresultat li a"
NO_HITS_WORD = "qzxjvkwpq"


def heading(page) -> str:
    return " ".join(page.locator("article h1").first.inner_text().replace("¶", "").split())


def in_nav(page, name: str) -> bool:
    return page.locator("nav.md-nav--primary").get_by_role("link", name=name, exact=True).count() > 0


def nav_link(page, name: str):
    """A link of the main menu, with the menu's collapsed sections around it opened first (outermost first)."""
    menu = page.locator("nav.md-nav--primary")
    texts = [text.strip() for text in menu.locator("a").all_inner_texts() if text.strip()]
    assert in_nav(page, name), f"Menyn på {page.url} har ingen länk {name}: {texts}"
    link = menu.get_by_role("link", name=name, exact=True).first
    sections = link.locator("xpath=ancestor::li[contains(@class, 'md-nav__item--nested')]")
    for index in range(sections.count()):
        toggle = sections.nth(index).locator(":scope > input.md-nav__toggle")
        if toggle.count() and not toggle.is_checked():
            page.locator(f"nav.md-nav--primary label.md-nav__link[for='{toggle.get_attribute('id')}']").first.click()
    return link


def search_from_header(page, word: str) -> None:
    """Type a word in the search field under the header and send it, as a reader would."""
    page.goto("/")
    page.get_by_role("searchbox", name="Sök i rapporterna").fill(word)
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok.html?q=*")


def all_hits(page) -> list[str]:
    """The addresses of every hit, after asking for more until all are shown."""
    from playwright.sync_api import expect  # here: without Playwright the tests are skipped, not broken

    expect(page.locator("#vb-sokstatus")).to_contain_text("träff")  # the first ten are shown
    more = page.get_by_role("button", name="Visa fler träffar")
    while more.count():
        shown = page.locator(HITS).count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('{HITS}').length > {shown}")
    return [path_of(a.get_attribute("href")) for a in page.locator(HITS).all()]


def path_of(url: str) -> str:
    return urllib.parse.unquote(urllib.parse.urlsplit(url).path)


def test_start_page_leads_to_a_units_report_through_the_navigation(page):
    page.goto("/")
    nav_link(page, "VB 2021").click()
    page.wait_for_url("**/2021/vb/")
    if not in_nav(page, "Glasade Gången"):  # units' reports may be grouped under their avdelning
        nav_link(page, "Avdelningen för social omsorg").click()
        page.wait_for_load_state()
    nav_link(page, "Glasade Gången").click()
    page.wait_for_url("**/2021/vb/glasade-gangen/")
    assert heading(page) == "Verksamhetsberättelse 2021 – Glasade Gången"


# The right pages for each word, by hand from the reports: the unit Hemtjänsten's page; the indicator Sjukfrånvaro
# (its own page, or the council's T1 part for KF goal 3, where it is followed up under 3.2); a table of
# resultatenheter (an economy page of a period, or the economy part of the council's T1 report).
RIGHT_PAGES = {
    "hemtjänst": re.compile(r"/enheter/hemtjansten/"),
    "sjukfrånvaro": re.compile(r"/indikatorer/sjukfranvaro/|/2021/t1/hagersten-alvsjo/mal/3/"),
    "resultatenheter": re.compile(r"/ekonomi/\d{4}/(vp|t1|t2|vb)/|/2021/t1/hagersten-alvsjo/ekonomi/"),
}


@pytest.mark.parametrize("word", sorted(RIGHT_PAGES))
def test_a_swedish_word_finds_the_right_page_and_the_first_hit_leads_there(page, word):
    search_from_header(page, word)
    page.wait_for_selector(HITS)
    first = page.locator(HITS).first
    title = " ".join(first.inner_text().split())
    assert RIGHT_PAGES[word].fullmatch(path_of(first.get_attribute("href"))), f"första träffen för {word}: {title}"
    assert page.locator("#vb-sokresultat li").first.locator("mark").count() > 0  # the word is marked in the excerpt
    first.click()
    page.wait_for_load_state()
    assert RIGHT_PAGES[word].fullmatch(path_of(page.url))
    assert heading(page) == title


@pytest.mark.parametrize(
    ("word", "right_page", "written"),
    [
        ("budgetjusteringarna", "/2021/t1/hagersten-alvsjo/ekonomi/", "Budgetjusteringar"),
        ("sjukfrånvarons", "/2021/vb/glasade-gangen/", "Sjukfrånvaron"),
    ],
)
def test_search_uses_swedish_stemming(page, site, word, right_page, written):
    # Neither word is anywhere on the site; only their stems are. A plain prefix match would find nothing.
    every_text = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html")).lower()
    assert word not in every_text and written.lower() in every_text
    page.goto(f"/sok.html?q={urllib.parse.quote(word)}")
    assert right_page in all_hits(page)


def test_a_word_that_is_nowhere_says_so(page):
    search_from_header(page, NO_HITS_WORD)
    status = page.locator("#vb-sokstatus")
    status.get_by_text("Inga träffar").wait_for()
    assert NO_HITS_WORD in status.inner_text() and page.locator(HITS).count() == 0


def test_the_print_view_of_002_has_the_headings_of_its_innehallsforteckning(page):
    seed = next(SOURCES.glob("002_*.txt"))
    expected = [normalise(title) for title in seed_toc(seed.read_text(encoding="utf-8"))]
    page.goto("/")
    nav_link(page, "T1 2021").click()
    nav_link(page, "Hägersten-Älvsjö stadsdelsnämnd").click()
    page.locator("article").get_by_role("link", name="Utskriftsversion").first.click()
    page.wait_for_load_state()
    assert heading(page) == "Tertialrapport 1 för 2021 – Hägersten-Älvsjö stadsdelsnämnd"
    found = page.eval_on_selector_all(
        "article h2:not(.no-toc), article h3:not(.no-toc), article h4:not(.no-toc), "
        "article h5:not(.no-toc), article h6:not(.no-toc)",
        "hs => hs.map(h => h.textContent)",
    )
    assert [normalise(title) for title in found] == expected


def test_every_kind_of_page_the_site_has_is_found(kinds):
    expected = {
        (): "start",
        ("<nr>", "<period>"): "period",
        ("<nr>", "<period>", "<nämnd>"): "the council's report",
        ("<nr>", "<period>", "<nämnd>", "ekonomi"): "a part of the council's report",
        ("<nr>", "<period>", "<nämnd>", "utskrift"): "the council report's print view",
        ("<nr>", "<period>", "<id>"): "a unit's report",
        ("enheter",): "the units overview",
        ("enheter", "<id>"): "a unit's page",
        ("guide-for-enheter",): "a help page",
        ("sok.html",): "the search page",
    }
    assert not [name for shape, name in expected.items() if shape not in kinds]


def visit(page, path: str) -> None:
    """Open a page; the search page is opened with a search, so that its hits are checked too."""
    if path.endswith("sok.html"):
        page.goto(f"{path}?q={urllib.parse.quote('hemtjänst')}")
        page.wait_for_selector(HITS)
        page.wait_for_function("!document.getElementById('vb-sokstatus').textContent.startsWith('Söker')")
    else:
        page.goto(path)
    page.wait_for_load_state()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_every_kind_of_page_has_the_search_field(tour, width):
    assert [path for path, seen in tour(width).visits.items() if not seen.has_search_field] == []


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the open page, one line per rule. Every block of
    a long page is laid out first, as a reader sees it (axe cannot tell the colours of a block not painted yet)."""
    page.add_style_tag(content=".vb-avsnitt { content-visibility: visible !important; }")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_21_AA
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} – {json.dumps([n['target'] for n in v['nodes'][:5]])}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


# axe on every kind of page, at a phone's and a laptop's width: tests/browser/test_public.py.

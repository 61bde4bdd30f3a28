"""The real content built as a reader gets it: Swedish everywhere, no link or anchor that leads nowhere, nothing
fetched from another site, and the pages a public authority must have, reachable from every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site.builtsite import broken_links, html_files, read_page

ROOT = Path(__file__).resolve().parents[2]

# The theme's English words and phrases that a reader could see or a screen reader speak.
ENGLISH = re.compile(
    r"\b(Made with|Material for MkDocs|Not found|Permanent link|Navigation|Table of contents|Skip to content|"
    r"Back to top|Previous|Next|Header|Footer|Search|Type to start searching|Copy to clipboard|Share|"
    r"Initializing|No matching|Clear|Edit this page|Last update)\b"
)
# What a browser fetches by itself (a link to another site is followed only when the reader chooses to).
THIRD_PARTY = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//""", re.I
)


@pytest.fixture(scope="module")
def site(built_real_site: Path) -> Path:
    return built_real_site


def english_on(html: str) -> list[str]:
    """The English UI words among the texts a reader sees or hears on a page."""
    return sorted({match.group(0) for text in read_page(html).texts for match in ENGLISH.finditer(text)})


def test_english_is_found_where_the_theme_would_write_it():
    page = (
        '<nav aria-label="Navigation"><a title="Permanent link" href="#x">¶</a></nav><h1>404 - Not found</h1>'
        '<footer>Made with <a href="#">Material for MkDocs</a></footer><script>var Search = 1</script>'
    )
    assert english_on(page) == ["Made with", "Material for MkDocs", "Navigation", "Not found", "Permanent link"]


def test_no_page_says_anything_in_english(site):
    found = {
        file.relative_to(site).as_posix(): words
        for file in html_files(site)
        if (words := english_on(file.read_text(encoding="utf-8")))
    }
    assert not found, found


def test_every_internal_link_and_anchor_leads_somewhere(site):
    assert not broken_links(site)


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/#finns">x</a><a href="a/#saknas">y</a><a href="b/">z</a>'
        '<a href="#här">å</a><h2 id="här">Här</h2><a href="https://example.se/">u</a>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="finns">Finns</h2>', encoding="utf-8")
    assert broken_links(tmp_path) == ["index.html: a/#saknas (inget id saknas)", "index.html: b/ (ingen fil)"]


def test_no_page_loads_anything_from_another_site(site):
    found = {
        file.relative_to(site).as_posix(): THIRD_PARTY.findall(text)
        for file in html_files(site)
        if THIRD_PARTY.search(text := file.read_text(encoding="utf-8"))
    }
    assert not found, found


def test_every_page_links_to_the_accessibility_statement_the_about_page_and_the_glossary(site):
    assert all((site / folder / "index.html").is_file() for folder in ("tillganglighet", "om-webbplatsen", "ordlista"))
    without = [
        file.relative_to(site).as_posix()
        for file in html_files(site)
        if "refresh" not in (text := file.read_text(encoding="utf-8"))[:2000]
        and not all(f"{name}</a>" in text for name in ("Tillgänglighetsredogörelse", "Om webbplatsen", "Ordlista"))
    ]
    assert not without


def test_the_site_name_names_the_council_and_titles_name_the_report_and_period(site):
    title = re.search(
        r"<title>(.*?)</title>", (site / "2021/t1/hagersten-alvsjo/ekonomi/index.html").read_text(encoding="utf-8")
    ).group(1)
    assert title == "Uppföljning av ekonomi – T1 2021 – Uppföljningsrapporter – Hägersten-Älvsjö stadsdelsnämnd"


def test_the_guides_for_units_are_published_outside_the_readers_menu(site):
    start = (site / "index.html").read_text(encoding="utf-8")
    about = (site / "om-webbplatsen" / "index.html").read_text(encoding="utf-8")
    assert (site / "guide-for-enheter" / "index.html").is_file()
    assert "guide-for-enheter/" not in start and "Hjälp" not in start
    assert 'href="../guide-for-enheter/"' in about and 'href="../oppna-data/"' in about


def economy_tables(site: Path) -> dict[str, list[str]]:
    """Every table of the economy pages (rolled up and the council's own), as HTML, by page."""
    pages = [*site.glob("ekonomi/*/*/index.html"), *site.glob("*/*/hagersten-alvsjo/ekonomi/index.html")]
    return {
        p.relative_to(site).as_posix(): re.findall(r"<table>.*?</table>", p.read_text(encoding="utf-8"), re.S)
        for p in pages
    }


def test_economy_tables_have_row_headers_and_a_named_corner(site):
    tables = economy_tables(site)
    assert sum(map(len, tables.values())) > 10
    for page, found in tables.items():
        for table in found:
            corner = re.search(r"<thead>\s*<tr>\s*<th[^>]*>(.*?)</th>", table, re.S).group(1)
            assert re.sub(r"<[^>]+>", "", corner).strip(), f"{page}: tom hörncell i {table[:300]}"
            rows = re.findall(r"<tr>\s*<(t[dh])([^>]*)>", table.split("<tbody>", 1)[1])
            assert rows and all(tag == "th" and 'scope="row"' in attrs for tag, attrs in rows), f"{page}: {table[:300]}"


def test_economy_tables_in_tkr_and_mnkr_say_so_and_result_units_give_the_sign_convention(site):
    page = (site / "ekonomi/2021/t1/index.html").read_text(encoding="utf-8")
    units = page[page.index('id="resultatenheter"') :]
    before_table = units[: units.index("<table>")]
    assert "Beloppen anges i tkr." in before_table
    header = units[units.index("<thead>") : units.index("</thead>")]
    assert "Resultat Överskott (−) Underskott (+)" in header
    assert "Resultatöverföring till nästa år Överskott (+) Underskott (−)" in header
    budget = page[page.index('id="namndens-driftbudget"') : page.index('id="resultatenheter"')]
    assert "Beloppen anges i mnkr." in budget[: budget.index("<table>")]

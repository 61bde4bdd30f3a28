"""Site pages: what the start, period and unit pages list, stable paths, links that resolve, the navigation."""

from __future__ import annotations

import posixpath
import re

import pytest

from generator.content.load import load_content
from generator.render.environment import environment
from generator.render.html import render_page
from generator.render.info import ReportInfo
from generator.render.nav import NavNode, Page, relative
from generator.render.report import report_nav
from generator.render.site import PAGE_BUILDERS, Site, SiteError, nav_config
from tests.site_pages import data_of, site_of

NBSP = "\u00a0"
LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:)([^)#\s]*)(?:#([^)\s]+))?\)")  # links to other sites and mailto: aside


def _ids(text: str) -> set[str]:
    """Every element id a page has (what an anchor link can point at)."""
    return set(render_page(text).ids)


def _broken_links(site: Site) -> list[str]:
    broken = []
    for source, text in site.pages.items():
        for target, anchor in LINK.findall(text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), target)) if target else source
            if resolved not in site.pages and resolved not in site.files:  # a page, or a download
                broken.append(f"{source} -> {target}")
            elif anchor and anchor not in _ids(site.pages[resolved]):
                broken.append(f"{source} -> {target}#{anchor}")
    return broken


def test_every_link_of_the_small_site_reaches_a_page_and_anchor(small_site):
    assert _broken_links(small_site) == []


@pytest.mark.slow
def test_every_link_of_the_real_site_reaches_a_page_and_anchor(real_site):
    assert _broken_links(real_site) == []


def test_pages_have_stable_paths_built_from_ids(small_site):
    assert sorted(small_site.pages) == sorted(
        [
            "index.md",
            "2021/vb/index.md",
            "2021/vb/hemtjansten/index.md",
            "2021/t1/index.md",
            "2021/t1/provnamnden/index.md",
            "2021/t1/provnamnden/mal/index.md",
            "2021/t1/provnamnden/mal/1.md",
            "2021/t1/provnamnden/mal/2.md",
            "2021/t1/provnamnden/ekonomi.md",
            "2021/t1/provnamnden/ovrigt.md",
            "2021/t1/provnamnden/utskrift.md",
            "enheter/index.md",
            "enheter/hemtjansten/index.md",
            "enheter/boendet/index.md",
            "enheter/kansliet/index.md",
            "mal/index.md",
            "mal/2021/vb/index.md",
            "mal/2021/t1/index.md",
            *[
                f"mal/2021/{period}/{goal}/index.md"
                for period in ("vb", "t1")
                for goal in ("1.1", "1.1/aldre-trygga", "2.1", "2.1/budget-i-balans")
            ],
            "indikatorer/index.md",
            "indikatorer/1.1/index.md",
            "indikatorer/2.1/index.md",
            *[f"indikatorer/{i}/index.md" for i in ("nojdhet", "besok", "vantetid", "sjukfranvaro")],
            "ekonomi/index.md",
            "ekonomi/2021/vb/index.md",
            "ekonomi/2021/t1/index.md",
            "tillganglighet/index.md",
            "om-webbplatsen/index.md",
            "ordlista/index.md",
            "data/index.md",
        ]
    )


def test_a_unit_report_is_its_own_print_view_and_its_former_print_address_leads_to_it(small_site):
    page = small_site.pages["2021/vb/hemtjansten/index.md"]
    assert 'onclick="window.print()">Skriv ut</button>' in page
    assert "## Innehållsförteckning {.no-toc}\n\n- Sammanfattande analys\n" in page  # as in the printed report
    assert "utskrift.md" not in page
    assert [(r.source, r.target, r.title) for r in small_site.redirects] == [
        ("2021/vb/hemtjansten/utskrift.md", "2021/vb/hemtjansten/index.md", "Verksamhetsberättelse 2021 – Hemtjänsten")
    ]


def test_start_page_shows_the_council_its_periods_and_the_units_with_reports(small_site):
    page = small_site.pages["index.md"]
    assert page.startswith("# Provnämnden\n\nProvförvaltningen\n")
    assert "- [VB 2021](2021/vb/index.md)\n- [T1 2021](2021/t1/index.md)\n" in page  # newest first
    assert "- [Tertialrapport 1 för 2021](2021/t1/provnamnden/index.md)" in page
    assert "### Avdelningen för äldreomsorg\n\n- [Hemtjänsten](enheter/hemtjansten/index.md)" in page
    # Boendet and Kansliet have no report: counted, not linked one by one to a page that says so.
    assert "enheter/boendet/" not in page and "Stab &amp; kansli" not in page
    assert "2 enheter har inga rapporter här ännu; alla enheter finns under [Enheter](enheter/index.md)." in page


def test_a_unit_page_shows_its_place_and_its_reports(small_site):
    page = small_site.pages["enheter/hemtjansten/index.md"]
    assert "- **Avdelning:** Avdelningen för äldreomsorg\n" in page
    assert "- **Verksamhetsområde:** Äldreomsorg\n" in page
    assert "- **Resultatenhet:** Ja\n" in page
    assert "- [Verksamhetsberättelse 2021](../../2021/vb/hemtjansten/index.md)" in page
    assert "Enheten har inga rapporter ännu." in small_site.pages["enheter/boendet/index.md"]
    assert "- **Resultatenhet:** Nej\n" in small_site.pages["enheter/boendet/index.md"]


def test_figures_are_swedish_in_the_tables(small_site):
    unit = small_site.pages["2021/vb/hemtjansten/index.md"]
    assert f"| Avgifter | 1{NBSP}200 | 1{NBSP}500 | \u2212300 |" in unit
    assert f"| *Summa netto* | **59{NBSP}445** | **60{NBSP}500** | **1{NBSP}055** |" in unit
    assert f"| 92,5{NBSP}% | 91{NBSP}% | 94{NBSP}% | 89{NBSP}% | 90{NBSP}% | 88{NBSP}% | VB 2021 |" in unit
    economy = small_site.pages["2021/t1/provnamnden/ekonomi.md"]
    assert f"| &emsp;*varav boende* | *1{NBSP}784,9* | *0* | *1{NBSP}789,0* | *1{NBSP}786,1* | *\u22121,2* |" in economy


def test_tertial_reports_have_a_forecast_column_and_annual_reports_do_not(small_site):
    header = "| Indikator | Periodens utfall | Utfall män/pojkar | Utfall kvinnor/flickor | Periodens utfall VB 2020 |"
    assert header + " Prognos helår | Årsmål |" in small_site.pages["2021/t1/provnamnden/mal/1.md"]
    assert header + " Årsmål |" in small_site.pages["2021/vb/hemtjansten/index.md"]


def test_an_activity_analysis_stands_under_analys_and_the_units_name(small_site):
    page = small_site.pages["2021/vb/hemtjansten/index.md"]
    assert (
        "##### Analys {.no-toc}\n\n*Aktivitet: 1\\. Trygghetsvandringar &lt;kväll&gt; &amp; helg*\n\n"
        "###### Hemtjänsten {.no-toc}\n\nVandringarna genomfördes varje månad.\n"
    ) in page


def test_other_units_analyses_can_be_added_under_an_activity(tree):
    data = data_of(load_content(tree))
    unit = next(info for info in data.reports if info.report.organisation == "hemtjansten")
    rolled = ReportInfo(
        unit.report, unit.catalogue, unit.name, False, extra_analyses={"vandringar": [("Boendet", "Boendet gick med.")]}
    )
    page = report_nav(environment(), rolled, data.name_of, False, data.anchors).page
    assert page is not None
    assert (
        "###### Hemtjänsten {.no-toc}\n\nVandringarna genomfördes varje månad.\n\n"
        "###### Boendet {.no-toc}\n\nBoendet gick med.\n"
    ) in page.text


def test_council_cover_parts_and_signatures(small_site):
    front = small_site.pages["2021/t1/provnamnden/index.md"]
    assert "- **Datum:** 2021-05-27\n" in front
    assert "## Förslag till beslut {.no-toc}\n\n1. Nämnden godkänner tertialrapporten.\n" in front
    assert "## Bilagor {.no-toc}\n\n- Bilaga 1. Ansökan\n" in front
    last = small_site.pages["2021/t1/provnamnden/ovrigt.md"]
    assert last.endswith(
        "**Cecilia Carlsson**, stadsdelsdirektör\n\n"
        "Detta dokument har godkänts digitalt av följande personer:\n\n"
        "| Namn | Datum |\n| --- | --- |\n| Cecilia Carlsson, stadsdelsdirektör | 2021-05-12 |\n"
    )


def test_navigation_mirrors_the_reports_order(small_site):
    nav = nav_config(small_site.nav)
    assert [next(iter(entry)) for entry in nav] == [
        "Start",
        "VB 2021",
        "T1 2021",
        "Enheter",
        "Mål",
        "Indikatorer",
        "Ekonomi",
    ]
    council = nav[2]["T1 2021"][1]["Provnämnden"]
    assert council[0] == "2021/t1/provnamnden/index.md"
    assert [next(iter(entry)) for entry in council[1:]] == [
        "Uppföljning av Kommunfullmäktiges inriktningsmål",
        "Uppföljning av ekonomi",
        "Övrigt",
        "Utskriftsversion",
    ]


def test_a_further_page_builder_adds_its_pages_and_navigation(tree):
    def extra(_site):
        return [NavNode("Extra", Page("extra/index.md", "# Extra\n"))]

    site = site_of(tree, builders=[*PAGE_BUILDERS, extra])
    assert site.pages["extra/index.md"] == "# Extra\n"
    assert nav_config(site.nav)[-1] == {"Extra": "extra/index.md"}


def test_two_builders_may_not_make_the_same_page(tree):
    def again(_site):
        return [NavNode("Start igen", Page("index.md", "# Igen\n"))]

    with pytest.raises(SiteError, match="index.md"):
        site_of(tree, builders=[*PAGE_BUILDERS, again])


def test_relative_links_between_pages():
    assert relative("index.md", "2021/t1/index.md") == "2021/t1/index.md"
    assert relative("enheter/a.md", "2021/vb/a/index.md") == "../2021/vb/a/index.md"
    assert relative("2021/t1/index.md", "2021/t1/n/index.md") == "n/index.md"

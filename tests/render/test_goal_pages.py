"""Goal pages from the aggregate: counts by status, the council's assessment, every unit's enhetsmål linked
both ways with the unit's report, escaping of unit names and units' headings nested below the page's sections.

The district is tests/render/rollup_tree.py; every expected figure is computed there by hand.
"""

from __future__ import annotations

import posixpath
import re

import pytest

from generator.render.html import render_page
from generator.render.site import Site
from tests.render.rollup_tree import ALFA_NAME, write_rollup_tree
from tests.site_pages import site_of

NBSP = "\u00a0"
GOAL_T1 = "mal/2021/t1/1.1/trygga/index.md"
ALFA_ESCAPED = "Alfa \\| \\#1 &lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    return site_of(write_rollup_tree(tmp_path_factory.mktemp("rollup") / "content"))


def _html(text: str) -> str:
    return render_page(text).html


def _resolve(source: str, href: str) -> tuple[str, str]:
    target, _, anchor = href.partition("#")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)), anchor


def test_goal_pages_have_stable_paths_from_ids(site):
    goals = sorted(p for p in site.pages if p.startswith("mal/"))
    assert goals == sorted(
        [
            "mal/index.md",
            "mal/2021/t1/index.md",
            "mal/2021/vb/index.md",
            *[f"mal/2021/{p}/{g}/index.md" for p in ("t1", "vb") for g in ("1.1", "1.1/trygga", "1.2", "1.2/snabba")],
        ]
    )


def test_a_council_goal_counts_the_units_goals_by_status(site):
    page = site.pages[GOAL_T1]
    assert (
        "| ● Uppfylls helt | 3 |\n| ◐ Uppfylls delvis | 1 |\n| ○ Uppfylls ej | 2 |\n"
        "| Enheter som följt upp målet utan enhetsmål | 1 |\n"
    ) in page
    vb = site.pages["mal/2021/vb/1.1/trygga/index.md"]
    assert "| ● Uppfylls helt | 2 |\n| ◐ Uppfylls delvis | 0 |\n| ○ Uppfylls ej | 0 |\n" in vb


def test_the_kf_goal_and_the_overview_add_up_their_council_goals(site):
    kf = site.pages["mal/2021/t1/1.1/index.md"]
    assert "| ● Uppfylls helt | 3 |\n| ◐ Uppfylls delvis | 1 |\n| ○ Uppfylls ej | 2 |\n" in kf
    assert "| [Äldre är trygga](trygga/index.md) | ● Uppfylls helt | 3 | 1 | 2 | 1 |" in kf
    overview = site.pages["mal/2021/t1/index.md"]
    assert "| **[1\\.1. Äldre har en trygg vardag](1.1/index.md)** | ◐ Uppfylls delvis | 3 | 1 | 2 | 1 |" in overview
    assert (
        "| &emsp;[Beslut fattas snabbt](1.2/snabba/index.md) | Ingen bedömning i nämndens rapport | 0 | 0 | 0 | 0 |"
        in overview
    )
    assert "- **Enheter utan rapport för perioden:** 1\n" in overview  # delta
    assert "3 av 6 enhetsmål uppfylls helt, 1 delvis och 2 inte." in overview


def test_the_council_assessment_or_why_there_is_none(site):
    assert "- **Nämndens bedömning:** ● Uppfylls helt\n" in site.pages[GOAL_T1]
    assert (
        "- **Nämndens rapport:** [Tertialrapport 1 för 2021](../../../../../2021/t1/namnden/index.md)"
        in site.pages[GOAL_T1]
    )
    vb = site.pages["mal/2021/vb/1.1/trygga/index.md"]
    assert "- **Nämndens bedömning:** Nämnden har inte lämnat någon rapport för perioden\n" in vb
    assert "Nämndens rapport" not in vb


def test_each_units_goal_links_to_its_heading_in_the_units_report(site):
    links = re.findall(r"\[Enhetsmålet i enhetens tertialrapport 1 för 2021\]\(([^)]+)\)", site.pages[GOAL_T1])
    assert len(links) == 6  # A1, A2, A3 (alfa) and B1, B2, B3 (beta)
    found = []
    for href in links:
        target, anchor = _resolve(GOAL_T1, href)
        heading = re.search(
            rf'<h6[^>]*><span id="{anchor}"></span>([^<]+)<a class="headerlink"', _html(site.pages[target])
        )
        found.append((target, heading.group(1) if heading else None))
    assert found == [
        (f"2021/t1/{unit}/index.md", f"Enhetsmål: {unit[0].upper()}{n}") for unit in ("alfa", "beta") for n in (1, 2, 3)
    ]


def test_a_units_report_links_its_council_goal_to_the_goal_page(site):
    report = site.pages["2021/t1/alfa/index.md"]
    hrefs = re.findall(r"\[Nämndmålet för alla enheter: status, enhetsmål och indikatorer\]\(([^)]+)\)", report)
    assert [_resolve("2021/t1/alfa/index.md", href)[0] for href in hrefs] == [GOAL_T1]
    assert '<span id="namndmal--trygga"></span>Nämndmål: Äldre är trygga' in report
    council = site.pages["2021/t1/namnden/mal/1.md"]  # the council's split report links from one folder deeper
    assert "](../../../../mal/2021/t1/1.1/trygga/index.md)" in council


def test_a_units_name_with_specials_cannot_break_the_page(site):
    page = site.pages[GOAL_T1]
    assert f"### {ALFA_ESCAPED}\n" in page
    assert "<script>" not in page
    html = _html(page)
    assert f'>{ALFA_NAME.replace("<", "&lt;").replace(">", "&gt;")}<a class="headerlink"' in html
    row = next(row for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S) if '<th scope="row">Alfa' in row)
    assert (
        row.count("<td") + row.count('<th scope="row"') == 7
    )  # the pipe in the name opened no column: Enhet, 4 figures, Årsmål, Bedömning


def test_units_headings_nest_below_the_page_sections(site):
    page = site.pages[GOAL_T1]
    section = page.split("## Enheternas enhetsmål\n", 1)[1]
    levels = [len(marks) for marks in re.findall(r"^(#+) ", section, flags=re.M)]
    assert levels[:5] == [3, 4, 5, 6, 4]  # unit, Enhetsmål A1, Analys, the author's ### heading, Enhetsmål A2
    assert "##### Analys {.no-toc}\n\nBra.\n\n###### Rubrik i analysen {.no-toc}\n" in section
    assert "Enheter som följer upp målet med indikatorer eller aktiviteter men utan enhetsmål: Gamma." in section


def test_indicators_per_unit_and_combined_with_swedish_figures(site):
    page = site.pages[GOAL_T1]
    assert f"| Gamma | 84{NBSP}st |" in page
    assert (
        f"| *Sammanvägt för enheterna* | *2{NBSP}784{NBSP}st* |  |  |  | *2{NBSP}500{NBSP}st* | *● uppfyllt* |" in page
    )
    kf = site.pages["mal/2021/t1/1.1/index.md"]
    assert f"| *Sammanvägt för enheterna* | *87,5{NBSP}%* |  |  | *92,0{NBSP}%* | *90{NBSP}%* | *● uppfyllt* |" in kf
    assert f"| **Nämnden** | **88{NBSP}%** |" in kf
    assert "](../../../../indikatorer/nojd/index.md)" in kf


def test_goal_pages_of_a_period_no_unit_has_reported_say_so_instead_of_counting_zeros(tree):
    # The small tree's T1 2021 has only the council's report.
    pages = site_of(tree).pages
    for path in ("mal/2021/t1/index.md", "mal/2021/t1/1.1/index.md", "mal/2021/t1/1.1/aldre-trygga/index.md"):
        assert "Ingen enhet har lämnat någon rapport för perioden ännu" in pages[path], path
        assert "| ● Uppfylls helt | 0 |" not in pages[path], path  # no table of zeros
    assert "Ingen enhet har lämnat" not in pages["mal/2021/vb/1.1/index.md"]  # a unit reported for VB 2021


def test_a_nammdmal_page_compares_the_goal_across_the_periods(tree):
    pages = site_of(tree).pages
    page = pages["mal/2021/t1/1.1/aldre-trygga/index.md"]
    history = page[page.index("## Över perioderna") : page.index("## Beskrivning")]
    assert "| **T1 2021** | ● Uppfylls helt | – | – | – | – |" in history  # this page; no unit reported
    assert (
        "| [VB 2021](../../../vb/1.1/aldre-trygga/index.md) | Nämnden har inte lämnat någon rapport för perioden "
        "| 1 | 1 | 0 | 0 |"
    ) in history
    assert history.index("T1 2021") < history.index("VB 2021")  # oldest first

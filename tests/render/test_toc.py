"""The page TOC of a rendered report reads as its Innehållsförteckning (generator/content/outline.py)."""

from __future__ import annotations

import re

from tests.content.conftest import report_of
from tests.toc import page_toc, table_of_contents

TITLE_002 = "Tertialrapport 1 för 2021 – Hägersten-Älvsjö stadsdelsnämnd"
COVER = ["Förslag till beslut", "Sammanfattning", "Ärendets beredning", "Jämställdhetsanalys", "Bilagor"]


def _headings(text: str) -> list[str]:
    """Every ATX heading title on a page, marker removed."""
    return [re.sub(r" \{\.no-toc\}$", "", m) for m in re.findall(r"^#{1,6} (.*)$", text, re.M)]


def test_print_view_toc_of_002_is_its_table_of_contents(real_site, real_content):
    report = report_of(real_content, "hagersten-alvsjo", 2021, "T1")
    expected = [(1, TITLE_002)] + [
        (level + 1, title) for level, title in table_of_contents(report, real_content.catalogue(2021), True)
    ]
    assert page_toc(real_site.pages["2021/t1/hagersten-alvsjo/utskrift.md"]) == expected


def test_002_print_view_has_its_cover_parts_outside_the_toc(real_site):
    text = real_site.pages["2021/t1/hagersten-alvsjo/utskrift.md"]
    headings = _headings(text)
    assert headings[:7] == [TITLE_002, *COVER, "Innehållsförteckning"]
    assert all(f"## {title} {{.no-toc}}" in text for title in COVER)


def test_toc_of_001_which_is_its_own_print_view_is_its_table_of_contents(real_site, real_content):
    report = report_of(real_content, "bestallarenheten-aldre", 2020, "VB")
    toc = table_of_contents(report, real_content.catalogue(2020), False)
    page = real_site.pages["2020/vb/bestallarenheten-aldre/index.md"]
    assert page_toc(page) == [(1, "Verksamhetsberättelse 2020 – Beställarenheten äldre")] + [
        (lvl + 1, t) for lvl, t in toc
    ]


def test_parts_of_the_split_002_together_read_as_its_table_of_contents(real_site, real_content):
    report = report_of(real_content, "hagersten-alvsjo", 2021, "T1")
    toc = table_of_contents(report, real_content.catalogue(2021), True)
    base = "2021/t1/hagersten-alvsjo"
    pages = real_site.pages
    # Outline level of a page heading: the first page shows the first section as h2 under the title;
    # the goals' index and the economy and övrigt parts are top sections (h1); a direction's page is level 2.
    shown = [(level - 1, title) for level, title in page_toc(pages[f"{base}/index.md"])[1:]]
    shown += page_toc(pages[f"{base}/mal/index.md"])
    for number in ("1", "2", "3"):
        shown += [(level + 1, title) for level, title in page_toc(pages[f"{base}/mal/{number}.md"])]
    shown += page_toc(pages[f"{base}/ekonomi.md"]) + page_toc(pages[f"{base}/ovrigt.md"])
    assert shown == toc


def test_fixture_print_view_toc_matches_outline_including_empty_sections(small_site):
    page = small_site.pages["2021/vb/hemtjansten/index.md"]
    assert page_toc(page) == [
        (1, "Verksamhetsberättelse 2021 – Hemtjänsten"),
        (2, "Sammanfattande analys"),
        (2, "Uppföljning av Kommunfullmäktiges inriktningsmål"),
        (3, "1. En stad som håller samman"),
        (4, "1.1. Äldre har en trygg vardag"),
        (3, "2. En ekonomiskt hållbar stad"),
        (4, "2.1. Budgeten är i balans"),
        (2, "Uppföljning av ekonomi"),
        (3, "Analys av resultaträkning - uppföljning av driftbudget"),
        (3, "Investeringar"),
        (3, "Medel för lokaländamål"),
        (3, "Övrigt"),
        (2, "Systematiskt kvalitetsarbete"),
        (2, "Övrigt"),
    ]


def test_an_empty_section_still_appears_with_nothing_under_it(small_site):
    unit = small_site.pages["2021/vb/hemtjansten/index.md"]
    assert "\n## Systematiskt kvalitetsarbete\n\n## Övrigt\n" in unit
    assert "\n### Investeringar\n\n### Medel för lokaländamål\n" in unit
    council = small_site.pages["2021/t1/provnamnden/ovrigt.md"]
    assert "\n## Särskilda redovisningar\n\n## Konsekvenser av covid-19-pandemin\n" in council
    economy = small_site.pages["2021/t1/provnamnden/ekonomi.md"]
    assert "\n## Försäljningar av anläggningstillgångar\n\n## Verksamhetsprojekt (driftprojekt)\n" in economy

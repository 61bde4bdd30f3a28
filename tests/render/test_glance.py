"""The start page's "I korthet": the newest council report's assessments per KF mål and its budget forecast."""

from __future__ import annotations

from generator.render.glance import status_cell

NBSP = "\u00a0"


def test_a_status_has_symbol_text_and_colour_class():
    assert status_cell("Uppfylls delvis") == '<span class="vb-status vb-status--delvis">◐ Uppfylls delvis</span>'
    assert status_cell(None) == '<span class="vb-status vb-status--ingen">– Ingen bedömning</span>'


def test_the_start_page_shows_the_newest_council_reports_goals_and_budget_at_a_glance(small_site):
    page = small_site.pages["index.md"]
    assert page.index("## I korthet: T1 2021") < page.index("## Rapporter")
    assert (
        "| [1\\.1. Äldre har en trygg vardag](mal/2021/t1/1.1/index.md) | "
        '<span class="vb-status vb-status--delvis">◐ Uppfylls delvis</span> |'
    ) in page
    assert "Enheternas enhetsmål" not in page  # no unit has reported for T1 2021
    assert f"| Nämnden totalt | 2{NBSP}855,1 | 5,3 | 2{NBSP}862,6 | −2,2 |" in page
    assert "Beloppen anges i mnkr." in page

"""An indicator not measured this year says why (`ej_matt`): shown on the site, counted as done by `vb status`."""

from __future__ import annotations

import yaml

from generator.authoring.status import SECTION_NAMES, sections
from generator.check.run import check_paths
from generator.content.models import Rapport
from tests.conftest import UNIT_VB, UNIT_VB_PATH
from tests.site_pages import site_of as build_site

REASON = "Ingen nationell brukarundersökning 2021"
# antal-besok without an outcome: once with the reason it was not measured, once without.
NOT_MEASURED = UNIT_VB.replace("                utfall: 130\n", f"                ej_matt: {REASON}\n")
MISSING = UNIT_VB.replace("                utfall: 130\n", "                utfall: null\n")


def _indicators(text: str):
    return sections(Rapport.model_validate(yaml.safe_load(text)))[2]


def test_status_counts_a_reason_as_done_and_an_empty_outcome_not():
    assert NOT_MEASURED != UNIT_VB
    assert _indicators(NOT_MEASURED).name == SECTION_NAMES[2]
    assert (_indicators(NOT_MEASURED).filled, _indicators(NOT_MEASURED).total) == (3, 3)
    assert (_indicators(MISSING).filled, _indicators(MISSING).total) == (2, 3)


def test_a_todo_or_empty_reason_is_not_done():
    for reason in ('""', "TODO skriv varför"):
        text = UNIT_VB.replace("                utfall: 130\n", f"                ej_matt: {reason}\n")
        assert _indicators(text).filled == 2


def test_the_site_shows_the_reason_in_the_outcome_cell(make_tree):
    site = build_site(make_tree({UNIT_VB_PATH: NOT_MEASURED}))
    page = next(text for path, text in site.pages.items() if path.startswith("2021/vb/enhet-a"))
    row = next(line for line in page.splitlines() if line.startswith("| Antal förebyggande hembesök"))
    assert f"| Mäts inte 2021: {REASON} |" in row


def test_check_accepts_the_reason_and_warns_when_there_is_also_an_outcome(make_tree):
    assert check_paths([make_tree({UNIT_VB_PATH: NOT_MEASURED})]).problems == []
    both = UNIT_VB.replace(
        "                utfall: 130\n", f"                utfall: 130\n                ej_matt: {REASON}\n"
    )
    assert [p.code for p in check_paths([make_tree({UNIT_VB_PATH: both})]).problems] == ["VB504"]

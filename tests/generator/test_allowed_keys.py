"""VB102 lists only the keys allowed in that file and place: a unit is never offered the council's sections."""

from __future__ import annotations

from generator.check.run import check_paths
from generator.content.report_places import COUNCIL_COVER_KEYS, COUNCIL_ONLY_ECONOMY, COUNCIL_ONLY_KEYS
from tests.conftest import COUNCIL_T1, COUNCIL_T1_PATH, UNIT_VB, UNIT_VB_PATH


def _allowed(make_tree, path: str, text: str) -> list[str]:
    found = [p for p in check_paths([make_tree({path: text})]).problems if p.code == "VB102"]
    assert len(found) == 1, [p.message for p in found]
    return found[0].args["allowed"].split(", ")


def test_unit_report_is_not_offered_council_keys(make_tree):
    allowed = _allowed(make_tree, UNIT_VB_PATH, UNIT_VB + "kommentar: Ingen.\n")
    for key in (*COUNCIL_ONLY_KEYS, *COUNCIL_COVER_KEYS):
        assert key not in allowed
    assert {"sammanfattande_analys", "systematiskt_kvalitetsarbete", "ovrigt", "bilagor"} <= set(allowed)


def test_unit_economy_is_not_offered_council_sections(make_tree):
    text = UNIT_VB.replace("ekonomi:\n", "ekonomi:\n  prognos: []\n", 1)
    allowed = _allowed(make_tree, UNIT_VB_PATH, text)
    assert not set(COUNCIL_ONLY_ECONOMY) & set(allowed)
    assert {"driftbudget", "investeringar", "lokalandamal", "ovrigt"} <= set(allowed)


def test_council_report_is_offered_its_cover_but_not_unit_sections(make_tree):
    allowed = _allowed(make_tree, COUNCIL_T1_PATH, COUNCIL_T1 + "kommentar: Ingen.\n")
    assert {"forslag_till_beslut", "underskrifter", "sammanfattning"} <= set(allowed)
    assert "systematiskt_kvalitetsarbete" not in allowed

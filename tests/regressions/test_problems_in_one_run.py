"""A report with a key or type error is still checked everywhere else, without inventing problems.

Before, any such error left the report unread by the other rules: VB601, VB604 and VB205 showed
only once the first errors were fixed (tests/corpus/every-problem-in-one-run has them all at once).
"""

from __future__ import annotations

from generator.check.run import check_paths
from tests.conftest import COUNCIL_T1_PATH, UNIT_VB, UNIT_VB_PATH, edited


def _codes(make_tree, overrides) -> list[str]:
    return sorted(p.code for p in check_paths([make_tree(overrides)]).problems)


def test_a_bad_row_leaves_its_table_out_instead_of_reporting_a_wrong_sum(make_tree):
    overrides = edited(UNIT_VB_PATH, "{namn: Avgifter, utfall: 1200,", '{namn: Avgifter, utfall: "1 200",')
    assert _codes(make_tree, overrides) == ["VB104"]


def test_text_problems_are_found_beside_an_unknown_key(make_tree):
    text = UNIT_VB.replace("Trygghetsvandringarna genomfördes", "Trygghetsvandringarna <u>genomfördes</u>")
    assert text != UNIT_VB
    codes = _codes(make_tree, {UNIT_VB_PATH: text + "kommentar: Ingen.\n"})
    assert "VB102" in codes and "VB601" in codes


def test_a_wrong_report_identity_still_stops_the_report(make_tree):
    # Without organisation, year or period nothing else can be checked; only that is reported.
    overrides = edited(COUNCIL_T1_PATH, "period: T1", "period: T3")
    assert _codes(make_tree, overrides) == ["VB105"]

"""Each report in content/ holds as many goals, indicators, activities and analyses as a reader counts in its seed.

The expected numbers were counted by reading the seeds (goal headings, table
rows and "Analys" paragraphs), not by running the code.
"""

from __future__ import annotations

import pytest

from generator.content.models import Rapport
from tests.content.conftest import report_of

# (organisation, year, period): inriktningsmål, KF mål, nämndmål, enhetsmål, indicator rows, activity rows, analyses
SEED_COUNTS = {
    ("grupp-och-servicebostader", 2020, "VB"): (3, 7, 10, 9, 13, 16, 33),  # seed 000
    ("bestallarenheten-aldre", 2020, "VB"): (3, 7, 6, 4, 7, 15, 15),  # seed 001
    ("hagersten-alvsjo", 2021, "T1"): (3, 12, 17, 0, 67, 156, 46),  # seed 002
    ("glasade-gangen", 2021, "VB"): (3, 5, 7, 5, 7, 4, 16),  # seed 003
}


def counts(report: Rapport) -> tuple[int, ...]:
    goals = [goal for direction in report.inriktningsmal for goal in direction.mal]
    council_goals = [c for goal in goals for c in goal.namndmal]
    own_goals = [o for c in council_goals for o in c.enhetsmal]
    indicators = [i for node in [*goals, *council_goals] for i in node.indikatorer]
    activities = [a for node in [*goals, *council_goals] for a in node.aktiviteter]
    analysed = [*goals, *council_goals, *own_goals, *indicators, *activities]
    analyses = sum(1 for item in analysed if item.analys.strip())
    return (
        len(report.inriktningsmal),
        len(goals),
        len(council_goals),
        len(own_goals),
        len(indicators),
        len(activities),
        analyses,
    )


@pytest.mark.parametrize("key", SEED_COUNTS, ids=lambda k: f"{k[0]}-{k[1]}-{k[2]}")
def test_report_holds_what_the_seed_holds(content, key):
    assert counts(report_of(content, *key)) == SEED_COUNTS[key]


def test_statuses_are_as_printed(content):
    glasade = report_of(content, "glasade-gangen", 2021, "VB")
    statuses = [o.status for d in glasade.inriktningsmal for g in d.mal for c in g.namndmal for o in c.enhetsmal]
    assert sorted(statuses) == ["Uppfylls delvis"] * 3 + ["Uppfylls helt"] * 2
    council = report_of(content, "hagersten-alvsjo", 2021, "T1")
    assert {g.status for d in council.inriktningsmal for g in d.mal} == {"Uppfylls helt"}

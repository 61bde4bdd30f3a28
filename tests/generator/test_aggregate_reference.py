"""The roll-up of a synthetic district equals a plain reference: every unit report scanned once per catalogue item.

The reference below is the simplest reading of the rules (for each item, each unit in id order, that unit's
first follow-up of the item); the roll-up must give the same lists, in the same order, and the same sums.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.load import load_content
from generator.content.lookup import index
from generator.rollup.aggregate import aggregate, income_statement, sum_statements
from generator.synth.district import synthesize, write_tree

PERIODS = ["T1", "T2", "VB"]


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    root = tmp_path_factory.mktemp("district")
    write_tree(synthesize(12, [2021], PERIODS, seed=3), root)
    return load_content(Path(root))


def _first(report, kind: str, item_id: str):
    """The report's first follow-up of an indicator or activity, walking goals and their nämndmål in order."""
    for direction in report.inriktningsmal:
        for goal in direction.mal:
            for node in (goal, *goal.namndmal):
                for item in getattr(node, kind):
                    if item.id == item_id:
                        return item
    return None


def _council_goal(report, nr: str, goal_id: str):
    found = None
    for direction in report.inriktningsmal:
        for goal in direction.mal:
            for council_goal in goal.namndmal:
                if goal.nr == nr and council_goal.id == goal_id:
                    found = council_goal  # the last one, as a mapping by (nr, id) keeps it
    return found


def _units(content, period):
    units = {u.id for u in content.organisation.model.enheter}
    return sorted(
        (r.model.organisation, r.model)
        for r in content.reports
        if r.model.period == period and r.model.organisation in units
    )


@pytest.mark.parametrize("period", PERIODS)
def test_indicators_and_activities_list_every_unit_follow_up_in_unit_order(district, period):
    rolled = aggregate(
        district.organisation.model, district.catalogue(2021), [r.model for r in district.reports], 2021, period
    )
    units = _units(district, period)
    assert rolled.indikatorer and rolled.aktiviteter
    for indicator in rolled.indikatorer:
        expected = [
            (unit, o.utfall, o.analys) for unit, report in units if (o := _first(report, "indikatorer", indicator.id))
        ]
        assert [(v.enhet, v.utfall, v.analys) for v in indicator.enheter] == expected
    for activity in rolled.aktiviteter:
        expected = [
            (unit, f.status, f.analys) for unit, report in units if (f := _first(report, "aktiviteter", activity.id))
        ]
        assert [(e.enhet, e.status, e.analys) for e in activity.enheter] == expected
        followed = {unit for unit, *_ in expected}
        reported = {unit for unit, _ in units}
        assert activity.ej_uppfoljd == [u for u in activity.tilldelade if u in reported and u not in followed]


@pytest.mark.parametrize("period", PERIODS)
def test_council_goals_list_every_enhetsmal_in_unit_order(district, period):
    rolled = aggregate(
        district.organisation.model, district.catalogue(2021), [r.model for r in district.reports], 2021, period
    )
    units = _units(district, period)
    for goal in rolled.mal:
        for council_goal in goal.namndmal:
            followed = [(unit, f) for unit, report in units if (f := _council_goal(report, goal.nr, council_goal.id))]
            expected = [(unit, own.titel, own.status) for unit, f in followed for own in f.enhetsmal]
            assert [(e.enhet, e.titel, e.status) for e in council_goal.enhetsmal] == expected
            assert council_goal.antal.ej_rapporterat == sum(1 for _, f in followed if not f.enhetsmal)
            assert council_goal.antal.helt == sum(1 for _, _, status in expected if status == "Uppfylls helt")
    assert sum(len(c.enhetsmal) for g in rolled.mal for c in g.namndmal) > 0


@pytest.mark.parametrize("period", PERIODS)
def test_economy_per_department_and_area_adds_the_units_of_each(district, period):
    organisation = district.organisation.model
    rolled = aggregate(organisation, district.catalogue(2021), [r.model for r in district.reports], 2021, period)
    statements = [(unit, t) for unit, report in _units(district, period) if (t := income_statement(report))]
    of = {u.id: u for u in organisation.enheter}
    expected = [
        sum_statements(d.id, d.namn, [(u, t) for u, t in statements if of[u].avdelning == d.id])
        for d in organisation.avdelningar
    ]
    assert rolled.ekonomi.per_avdelning == [g for g in expected if g.enheter]
    expected = [
        sum_statements(a.id, a.namn, [(u, t) for u, t in statements if of[u].verksamhetsomrade == a.id])
        for a in organisation.verksamhetsomraden
    ]
    assert rolled.ekonomi.per_verksamhetsomrade == [g for g in expected if g.enheter]
    assert len(rolled.ekonomi.per_avdelning) > 1
    assert index(district.catalogue(2021)).indicators

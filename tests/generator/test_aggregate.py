"""Aggregation on a small hand-made district: every expected figure is computed by hand below."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.consistency import check_consistency
from generator.content.load import load_content
from generator.content.models import Katalog, Organisation, Rapport, Resultatrakning
from generator.rollup.aggregate import Rollup, aggregate, sum_statements
from generator.rollup.export import export_files

ORG = Organisation.model_validate(
    {
        "namnd": {"id": "namnd", "namn": "Testnämnden", "forvaltning": "Testförvaltningen"},
        "verksamhetsomraden": [{"id": "v1", "namn": "Förskoleverksamhet"}, {"id": "v2", "namn": "Äldreomsorg"}],
        "avdelningar": [{"id": "a1", "namn": "Förskola"}, {"id": "a2", "namn": "Äldreomsorg"}],
        "enheter": [
            {"id": "u1", "namn": "Enhet ett", "avdelning": "a1", "verksamhetsomrade": "v1", "resultatenhet": True},
            {"id": "u2", "namn": "Enhet två", "avdelning": "a1", "verksamhetsomrade": "v1"},
            {"id": "u3", "namn": "Enhet tre", "avdelning": "a2", "verksamhetsomrade": "v2"},
            {"id": "u4", "namn": "Enhet fyra", "avdelning": "a2", "verksamhetsomrade": "v2"},
        ],
    }
)

CATALOGUE = Katalog.model_validate(
    {
        "ar": 2021,
        "inriktningsmal": [
            {
                "nr": "1",
                "titel": "Inriktning",
                "mal": [
                    {
                        "nr": "1.1",
                        "titel": "KF-mål",
                        "namndmal": [
                            {
                                "id": "nm1",
                                "titel": "Nämndmålet",
                                "indikatorer": [
                                    {"id": "i-sum", "namn": "Antal", "enhet": "st", "aggregering": "summa"},
                                    {
                                        "id": "i-share",
                                        "namn": "Andel",
                                        "enhet": "%",
                                        "aggregering": "viktat medel",
                                        "arsmal": 80,
                                    },
                                    {
                                        "id": "i-low",
                                        "namn": "Frånvaro",
                                        "enhet": "%",
                                        "riktning": "lägre",
                                        "arsmal": 10,
                                    },
                                ],
                                "aktiviteter": [
                                    {
                                        "id": "akt-alla",
                                        "text": "Alla gör",
                                        "start": date(2021, 1, 1),
                                        "slut": date(2021, 12, 31),
                                    },
                                    {
                                        "id": "akt-two",
                                        "text": "Två gör",
                                        "start": date(2021, 1, 1),
                                        "slut": date(2021, 12, 31),
                                        "galler": ["u1", "u2"],
                                    },
                                ],
                            }
                        ],
                    }
                ],
            }
        ],
    }
)


def _statement(income: tuple[int, int], cost: tuple[int, int]) -> dict:
    return {
        "resultatrakning": {
            "intakter": [{"namn": "Avgifter", "utfall": income[0], "budget": income[1]}],
            "kostnader": [{"namn": "Personal", "utfall": cost[0], "budget": cost[1]}],
        }
    }


def _report(unit: str, goal: dict, statement: dict | None = None, summary: str = "Text.") -> Rapport:
    return Rapport.model_validate(
        {
            "organisation": unit,
            "ar": 2021,
            "period": "VB",
            "sammanfattande_analys": summary,
            "inriktningsmal": [{"nr": "1", "mal": [{"nr": "1.1", "namndmal": [{"id": "nm1", **goal}]}]}],
            "ekonomi": {"driftbudget": [statement] if statement else []},
        }
    )


U1 = _report(
    "u1",
    {
        "enhetsmal": [{"titel": "Mål A", "status": "Uppfylls helt"}],
        "indikatorer": [
            {"id": "i-sum", "utfall": 10, "utfall_man": 4, "utfall_kvinnor": 6},
            {"id": "i-share", "utfall": 90, "vikt": 100},
            {"id": "i-low", "utfall": 12},
        ],
        "aktiviteter": [{"id": "akt-alla", "status": "klar", "analys": "A1"}],
    },
    _statement((10, 12), (100, 110)),
)
U2 = _report(
    "u2",
    {
        "enhetsmal": [
            {"titel": "Mål B", "status": "Uppfylls delvis", "analys": "TODO: skriv mer"},
            {"titel": "Mål C", "status": "Uppfylls ej", "analys": "Därför."},
        ],
        "indikatorer": [
            {"id": "i-sum", "utfall": 5, "utfall_man": 2, "utfall_kvinnor": 3},
            {"id": "i-share", "utfall": 70, "vikt": 300},
        ],
        "aktiviteter": [{"id": "akt-alla", "status": "pågående"}, {"id": "akt-two", "status": "klar"}],
    },
    _statement((5, 5), (50, 40)),
)
U3 = _report("u3", {"indikatorer": [{"id": "i-low", "utfall": 8}], "aktiviteter": [{"id": "akt-alla"}]}, summary="")
COUNCIL = Rapport.model_validate(
    {
        "organisation": "namnd",
        "ar": 2021,
        "period": "VB",
        "inriktningsmal": [
            {
                "nr": "1",
                "mal": [
                    {"nr": "1.1", "status": "Uppfylls helt", "namndmal": [{"id": "nm1", "status": "Uppfylls helt"}]}
                ],
            }
        ],
        "ekonomi": {
            "resultatenheter": [
                {
                    "resultatenheter": {
                        "rader": [
                            {
                                "enhet": "u1",
                                "bruttobudget": 100000,
                                "fem_procent": 5000,
                                "overforing_fran_fg": -3000,
                                "resultat": -6000,
                                "overforing_till_nasta": 9000,
                            }
                        ]
                    }
                }
            ]
        },
    }
)
OTHER_PERIOD = U1.model_copy(update={"period": "T2"})
REPORTS = [U1, U2, U3, COUNCIL, OTHER_PERIOD]


@pytest.fixture(scope="module")
def result():
    return aggregate(ORG, CATALOGUE, REPORTS, 2021, "VB")


def test_status_tally_units_and_silent_units(result):
    goal = result.mal[0].namndmal[0]
    assert (goal.antal.helt, goal.antal.delvis, goal.antal.ej, goal.antal.ej_rapporterat) == (1, 1, 1, 1)
    assert [(e.enhet, e.status) for e in goal.enhetsmal] == [
        ("u1", "Uppfylls helt"),
        ("u2", "Uppfylls delvis"),
        ("u2", "Uppfylls ej"),
    ]
    assert goal.tysta_enheter == ["u3"]
    assert goal.namndens_status == "Uppfylls helt"
    assert result.mal[0].antal.helt == 1


def test_sum_rule_carries_the_gender_split(result):
    total = next(i for i in result.indikatorer if i.id == "i-sum").sammanvagt
    assert (total.utfall, total.utfall_man, total.utfall_kvinnor) == (15, 6, 9)


def test_weighted_mean_and_verdicts(result):
    share = next(i for i in result.indikatorer if i.id == "i-share")
    assert share.sammanvagt.utfall == pytest.approx(75.0)  # (90*100 + 70*300) / 400
    assert share.sammanvagt.bedomning == "ej uppfyllt"  # 5 short of 80 is more than 5 % of 80
    assert [(v.enhet, v.bedomning) for v in share.enheter] == [("u1", "uppfyllt"), ("u2", "ej uppfyllt")]


def test_no_roll_up_where_meaningless_and_lower_is_better(result):
    low = next(i for i in result.indikatorer if i.id == "i-low")
    assert low.sammanvagt is None
    assert [(v.enhet, v.bedomning) for v in low.enheter] == [("u1", "ej uppfyllt"), ("u3", "uppfyllt")]


def test_activities_side_by_side(result):
    everyone = next(a for a in result.aktiviteter if a.id == "akt-alla")
    assert [(e.enhet, e.status) for e in everyone.enheter] == [("u1", "klar"), ("u2", "pågående"), ("u3", None)]
    assert everyone.tilldelade == ["u1", "u2", "u3", "u4"] and everyone.ej_uppfoljd == []
    two = next(a for a in result.aktiviteter if a.id == "akt-two")
    assert [e.enhet for e in two.enheter] == ["u2"] and two.ej_uppfoljd == ["u1"]


def test_economy_per_department_and_total(result):
    (a1,) = result.ekonomi.per_avdelning
    assert a1.grupp == "a1" and a1.enheter == ["u1", "u2"]
    assert (a1.intakter.utfall, a1.intakter.budget, a1.kostnader.utfall, a1.kostnader.budget) == (15, 17, 150, 150)
    assert (a1.netto.utfall, a1.netto.budget, a1.netto.avvikelse) == (135, 133, -2)
    assert result.ekonomi.totalt.netto.utfall == 135
    assert [g.grupp for g in result.ekonomi.per_verksamhetsomrade] == ["v1"]


def test_result_units_rules(result):
    (row,) = result.ekonomi.resultatenheter.rader
    assert (row.fem_procent, row.overforing_till_nasta, row.over_5_procent, row.over_10_procent) == (
        5000,
        9000,
        True,
        False,
    )


def test_completeness(result):
    done = result.fullstandighet
    assert done.saknar_rapport == ["u4"]
    assert done.tomma_avsnitt == {"namnd": ["Sammanfattande analys"], "u3": ["Sammanfattande analys", "Enhetsmål"]}
    assert done.att_gora == {"u2": 1}


def test_figures_for_prose(result):
    assert result.siffror == [
        "1 av 1 nämndmål bedöms uppfyllas helt.",
        "1 av 1 mål för verksamhetsområdet bedöms uppfyllas helt.",
        "1 av 3 enhetsmål uppfylls helt, 1 delvis och 1 inte.",
    ]


def test_council_status_contradicting_a_unit_is_a_warning():
    found = check_consistency(COUNCIL, "r.yml", Rollup(ORG, {COUNCIL.ar: CATALOGUE}, REPORTS), ORG)
    assert [(p.code, p.args["unit"]) for p in found] == [("VB702", "u2")]


def test_prose_counts_are_checked_against_the_table():
    council = COUNCIL.model_copy(
        update={"sammanfattning": "Inom förskoleverksamheten finns tre resultatenheter. Totalt en resultatenheter."}
    )
    found = check_consistency(council, "r.yml", Rollup(ORG, {council.ar: CATALOGUE}, [council]), ORG)
    assert [(p.code, p.args["written"], p.args["counted"]) for p in found] == [("VB701", "3", "1")]


def test_export_tables_have_swedish_headers_and_rows(result):
    files = export_files(result)
    assert set(files) == {
        "aggregat.json",
        "malstatus.csv",
        "enhetsmal.csv",
        "indikatorer.csv",
        "ekonomi.csv",
        "resultatenheter.csv",
    }
    assert files["malstatus.csv"].splitlines() == [
        "KF-mål,Nämndmål-id,Nämndmål,Nämndens status,Helt,Delvis,Ej,Ej rapporterat",
        "1.1,nm1,Nämndmålet,Uppfylls helt,1,1,1,1",
    ]
    assert (
        "resultatenheter.csv" in files
        and files["resultatenheter.csv"].splitlines()[1] == "u1,Enhet ett,100000,5000,-3000,-6000,9000,ja,nej"
    )


# --- the real content ---------------------------------------------------------------


def test_real_council_report_totals_are_reproduced():
    content = load_content(Path(__file__).resolve().parents[2] / "content")
    reports = [r.model for r in content.reports]
    result = aggregate(content.organisation.model, content.catalogue(2021), reports, 2021, "T1")
    totals = result.ekonomi.resultatenheter.summa
    assert (
        totals["bruttobudget"],
        totals["overforing_fran_fg"],
        totals["resultat"],
        totals["overforing_till_nasta"],
    ) == (981306, -61702, 2400, 59302)
    assert result.ekonomi.driftbudget.beraknat["budget"] == 2784.9


# --- properties -----------------------------------------------------------------------

amounts = st.integers(min_value=0, max_value=10**7)
statement_lines = st.lists(st.tuples(amounts, amounts), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(statement_lines, statement_lines), min_size=1, max_size=6))
def test_total_equals_the_sum_of_its_parts(units):
    statements = [
        (
            f"u{i}",
            Resultatrakning.model_validate(
                {
                    "intakter": [{"namn": "I", "utfall": u, "budget": b} for u, b in income],
                    "kostnader": [{"namn": "K", "utfall": u, "budget": b} for u, b in cost],
                }
            ),
        )
        for i, (income, cost) in enumerate(units)
    ]
    total = sum_statements("t", "T", statements)
    parts = [sum_statements(u, u, [(u, s)]) for u, s in statements]
    assert total.netto.utfall == sum(p.netto.utfall for p in parts)
    assert total.netto.budget == sum(p.netto.budget for p in parts)
    assert total.intakter.utfall == sum(u for _, (income, _) in zip(statements, units) for u, _b in income)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=1000))
def test_adding_or_removing_a_unit_changes_no_other_units_figures(value, weight):
    extra = _report(
        "u4",
        {
            "enhetsmal": [{"titel": "Ny", "status": "Uppfylls ej", "analys": "x"}],
            "indikatorer": [{"id": "i-share", "utfall": value % 101, "vikt": weight}],
        },
        _statement((value, 0), (0, value)),
    )
    before = aggregate(ORG, CATALOGUE, REPORTS, 2021, "VB")
    after = aggregate(ORG, CATALOGUE, [*REPORTS, extra], 2021, "VB")
    share_before = {v.enhet: v for v in next(i for i in before.indikatorer if i.id == "i-share").enheter}
    share_after = {v.enhet: v for v in next(i for i in after.indikatorer if i.id == "i-share").enheter}
    assert all(share_after[u] == v for u, v in share_before.items())
    goals_before = [e for e in before.mal[0].namndmal[0].enhetsmal]
    goals_after = [e for e in after.mal[0].namndmal[0].enhetsmal if e.enhet != "u4"]
    assert goals_before == goals_after
    assert before.ekonomi.per_avdelning == after.ekonomi.per_avdelning[:1]

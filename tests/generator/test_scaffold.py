"""`vb new`: a report skeleton from the catalogue and the unit's previous report."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.authoring.scaffold import TODO_ANALYSIS, TODO_OUTCOME, previous_report, scaffold, with_outcome_todos
from generator.check.run import check_paths
from generator.cli import main
from generator.content.load import load_content
from generator.content.models import Rapport
from tests.conftest import KATALOG_2021, UNIT_VB, UNIT_VB_PATH

# The 2022 catalogue is the 2021 one with another year: same goals, indicators and activities.
KATALOG_2022 = KATALOG_2021.replace("ar: 2021", "ar: 2022", 1)


def new(root: Path, unit: str, year: int, period: str) -> int:
    return main(["new", "--unit", unit, "--year", str(year), "--period", period, "--content", str(root)])


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def goal_tree(data: dict) -> dict:
    """{KF mål nr: ([indicator ids], [activity ids], {nämndmål id: ([indicators], [activities], [enhetsmål titles])})}."""
    tree = {}
    for direction in data["inriktningsmal"]:
        for goal in direction["mal"]:
            council = {
                c["id"]: (
                    [i["id"] for i in c.get("indikatorer", [])],
                    [a["id"] for a in c.get("aktiviteter", [])],
                    [e["titel"] for e in c.get("enhetsmal", [])],
                )
                for c in goal.get("namndmal", [])
            }
            tree[goal["nr"]] = (
                [i["id"] for i in goal.get("indikatorer", [])],
                [a["id"] for a in goal.get("aktiviteter", [])],
                council,
            )
    return tree


def problem_codes(path: Path) -> list[str]:
    return [p.code for p in check_paths([path]).problems]


def test_a_unit_without_earlier_reports_gets_the_goals_where_it_has_activities(make_tree):
    root = make_tree()
    assert new(root, "enhet-b", 2021, "T2") == 0
    path = root / "rapporter/enhet-b/2021-t2.yml"
    data = read(path)
    assert (data["organisation"], data["ar"], data["period"]) == ("enhet-b", 2021, "T2")
    # enhet-b: akt-trygghet (1.1, "alla") and akt-hembesok (aldre-trygga, galler enhet-a and enhet-b);
    # akt-foraldraskap (1.2) is only enhet-c's, so 1.2 is left out.
    assert goal_tree(data) == {
        "1.1": (
            ["nojdhet-aldre"],
            ["akt-trygghet"],
            {"aldre-trygga": (["antal-besok", "vantetid"], ["akt-hembesok"], [])},
        ),
    }
    # Six texts to write: summary, two activities, economy, quality work, övrigt.
    assert problem_codes(path) == ["VB503"] * 6


def test_another_unit_gets_its_own_goals(make_tree):
    root = make_tree()
    assert new(root, "enhet-c", 2021, "VB") == 0
    data = read(root / "rapporter/enhet-c/2021-vb.yml")
    assert goal_tree(data) == {
        "1.1": (["nojdhet-aldre"], ["akt-trygghet"], {}),
        "1.2": (["andel-insatser"], [], {"barn-stod": (["antal-familjer"], ["akt-foraldraskap"], [])}),
    }


def test_previous_report_gives_enhetsmal_status_states_and_last_years_outcomes(make_tree):
    root = make_tree({"katalog/2022.yml": KATALOG_2022})
    assert new(root, "enhet-a", 2022, "T1") == 0
    path = root / "rapporter/enhet-a/2022-t1.yml"
    data = read(path)
    council_goal = data["inriktningsmal"][0]["mal"][0]["namndmal"][0]
    assert council_goal["enhetsmal"] == [
        {
            "titel": "Alla brukare erbjuds hembesök",
            "status": "Uppfylls helt",
            "forvantat_resultat": "",
            "analys": TODO_ANALYSIS,
        },
        {
            "titel": "Personalen går utbildning i bemötande",
            "status": "Uppfylls delvis",
            "forvantat_resultat": "",
            "analys": TODO_ANALYSIS,
        },
    ]
    # Outcomes of VB 2021 become "utfall föregående"; the new outcome is empty, with a prognosis in T1.
    outcomes = {i["id"]: i for goal in data["inriktningsmal"][0]["mal"] for i in goal.get("indikatorer", [])}
    outcomes |= {i["id"]: i for i in council_goal["indikatorer"]}
    assert {k: v["utfall_foregaende"] for k, v in outcomes.items()} == {
        "nojdhet-aldre": 92.5,
        "antal-besok": 130,
        "vantetid": 45,
    }
    assert all(v["utfall"] is None and v["prognos"] is None for v in outcomes.values())
    assert {a["id"]: a["status"] for a in council_goal["aktiviteter"]} == {"akt-hembesok": "klar"}
    assert data["handlaggare"] == {"namn": "Anna Andersson", "telefon": "08-50822517"}
    # TODO: summary, 2 activities, 2 enhetsmål analyses, economy, quality work, övrigt; no errors.
    assert problem_codes(path) == ["VB503"] * 8
    text = path.read_text(encoding="utf-8")
    assert text.count(TODO_OUTCOME) == 3
    assert text.startswith("# Tertialrapport 1 2022 för Enhet A.\n")


def test_enhetsmal_whose_council_goal_is_gone_are_named(make_tree, capsys):
    renamed = KATALOG_2022.replace("id: aldre-trygga", "id: aldre-trygga-2022")
    root = make_tree({"katalog/2022.yml": renamed})
    assert new(root, "enhet-a", 2022, "VB") == 0
    out = capsys.readouterr().out
    assert 'Enhetsmålet "Alla brukare erbjuds hembesök" fördes inte över' in out
    assert 'Enhetsmålet "Personalen går utbildning i bemötande" fördes inte över' in out
    assert problem_codes(root / "rapporter/enhet-a/2022-vb.yml") == ["VB503"] * 6
    assert "kommer från" not in out and "Inget av enhetsmålen i VB 2021 kunde föras över:" in out  # none came over
    assert "kommer från" not in (root / "rapporter/enhet-a/2022-vb.yml").read_text(encoding="utf-8")


def test_the_council_follows_every_goal(make_tree):
    root = make_tree()
    assert new(root, "namnden", 2021, "VB") == 0
    path = root / "rapporter/namnden/2021-vb.yml"
    data = read(path)
    assert "systematiskt_kvalitetsarbete" not in data  # only units write it (VB212 otherwise)
    assert goal_tree(data) == {
        "1.1": (
            ["nojdhet-aldre"],
            ["akt-trygghet"],
            {"aldre-trygga": (["antal-besok", "vantetid"], ["akt-hembesok"], [])},
        ),
        "1.2": (["andel-insatser"], [], {"barn-stod": (["antal-familjer"], ["akt-foraldraskap"], [])}),
    }
    # summary, economy, övrigt, 2 KF mål analyses, 2 nämndmål analyses, 3 activities.
    assert problem_codes(path) == ["VB503"] * 10


def test_new_refuses_to_overwrite_a_report(make_tree, capsys):
    root = make_tree()
    path = root / UNIT_VB_PATH
    assert new(root, "enhet-a", 2021, "vb") == 1
    assert path.read_text(encoding="utf-8") == UNIT_VB
    err = capsys.readouterr().err
    assert "fel VB801" in err and "Det finns redan en rapport för Enhet A VB 2021" in err


@pytest.mark.parametrize(
    ("unit", "year", "code", "text"),
    [
        ("enhet-x", 2021, "VB201", '"enhet-x" finns inte i organisation.yml'),
        ("enhet-a", 2030, "VB206", "Det finns ingen målkatalog för 2030"),
    ],
)
def test_unknown_unit_or_year_is_a_coded_message(make_tree, capsys, unit, year, code, text):
    root = make_tree()
    assert new(root, unit, year, "T1") == 1
    err = capsys.readouterr().err
    assert f"fel {code}" in err and text in err
    assert not (root / "rapporter" / unit / f"{year}-t1.yml").exists()


def test_previous_report_is_the_latest_earlier_one():
    base = Rapport.model_validate(yaml.safe_load(UNIT_VB))
    reports = [
        base.model_copy(update={"ar": year, "period": period})
        for year, period in [(2020, "VB"), (2021, "T1"), (2021, "T2"), (2022, "VP"), (2022, "T1")]
    ]
    reports.append(base.model_copy(update={"organisation": "enhet-b", "ar": 2021, "period": "VB"}))
    found = previous_report(reports, "enhet-a", 2021, "VB")
    assert (found.ar, found.period) == (2021, "T2")
    found = previous_report(reports, "enhet-a", 2022, "T1")
    assert (found.ar, found.period) == (2022, "VP")
    assert previous_report(reports, "enhet-a", 2020, "VB") is None


def test_scaffold_is_pure_data_that_the_strict_loader_accepts(valid_tree):
    content = load_content(valid_tree)
    result = scaffold(content.catalogue(2021), "enhet-b", "VB")
    Rapport.model_validate(result.data)
    assert result.left_out == []


def test_outcome_comments_are_placed_above_empty_outcomes_only():
    text = "indikatorer:\n- id: a\n  utfall: null\n- id: b\n  utfall: 5\n"
    assert (
        with_outcome_todos(text) == f"indikatorer:\n- id: a\n  {TODO_OUTCOME}\n  utfall: null\n- id: b\n  utfall: 5\n"
    )


def test_a_broken_organisation_stops_new_with_its_problems(make_tree, capsys):
    root = make_tree({"organisation.yml": "namnd:\n  id: namnden\n"})
    assert new(root, "enhet-a", 2021, "T1") == 1
    err = capsys.readouterr().err
    assert "fel VB101" in err and '"namn" saknas' in err
    assert not (root / "rapporter/enhet-a/2021-t1.yml").exists()

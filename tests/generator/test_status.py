"""`vb status`: the readiness of every unit's report for one period."""

from __future__ import annotations

import json

import yaml

from generator.authoring.status import SECTION_NAMES, Section, sections
from generator.cli import main
from generator.content.models import Rapport
from tests.conftest import KATALOG_2021, UNIT_VB, UNIT_VB_PATH, edited

# enhet-c's report cannot be read: a list where a text belongs is fine, a broken bracket is not.
BROKEN = "organisation: enhet-c\nar: 2021\nperiod: VB\nsammanfattande_analys: [\n"


def status(root, capsys, *extra: str) -> tuple[int, str]:
    code = main(["status", "--year", "2021", "--period", "VB", "--content", str(root), *extra])
    return code, capsys.readouterr().out


def test_sections_of_the_fixture_report_counted_by_hand():
    report = Rapport.model_validate(yaml.safe_load(UNIT_VB))
    # Summary written; 1 of 2 enhetsmål has an analysis; 3 of 3 indicators have an outcome;
    # 0 of 2 activities have an analysis; economy has a text and a table; quality work written; övrigt empty.
    assert sections(report) == [
        Section(SECTION_NAMES[0], 1, 1),
        Section(SECTION_NAMES[1], 1, 2),
        Section(SECTION_NAMES[2], 3, 3),
        Section(SECTION_NAMES[3], 0, 2),
        Section(SECTION_NAMES[4], 1, 1),
        Section(SECTION_NAMES[5], 1, 1),
        Section(SECTION_NAMES[6], 0, 1),
    ]


def test_todo_markers_do_not_count_as_filled():
    report = Rapport.model_validate(yaml.safe_load(UNIT_VB)).model_copy(
        update={
            "sammanfattande_analys": "TODO: skriv sammanfattande analys",
            "ovrigt": "Inga klagomål. FYLL I lex Sarah",
        }
    )
    found = sections(report)
    assert (found[0].filled, found[6].filled) == (0, 0)


def test_annual_indicators_are_not_counted_in_tertials_and_a_prognosis_counts():
    report = Rapport.model_validate(
        {
            "organisation": "enhet-b",
            "ar": 2021,
            "period": "T2",
            "inriktningsmal": [
                {
                    "nr": "1",
                    "mal": [
                        {
                            "nr": "1.1",
                            "indikatorer": [{"id": "nojdhet-aldre"}],
                            "namndmal": [
                                {
                                    "id": "aldre-trygga",
                                    "indikatorer": [{"id": "vantetid", "prognos": 55}, {"id": "antal-besok"}],
                                }
                            ],
                        }
                    ],
                }
            ],
        }
    )
    found = sections(report, {"nojdhet-aldre"})
    assert found[2] == Section(SECTION_NAMES[2], 1, 2)  # vantetid (prognos) filled, antal-besok empty
    assert found[1] == Section(SECTION_NAMES[1], 0, 1, "inga enhetsmål")
    assert found[3] == Section(SECTION_NAMES[3], 0, 0) and found[3].done  # nothing to follow up


def test_status_table_with_a_missing_and_a_broken_report(make_tree, capsys):
    root = make_tree(
        {
            **edited(
                UNIT_VB_PATH,
                "systematiskt_kvalitetsarbete: Enheten följer upp kvaliteten varje månad.",
                "systematiskt_kvalitetsarbete: Enheten följer upp kvaliteten varje månad.\n"
                'ovrigt: "TODO: skriv om klagomål"',
            ),
            "rapporter/enhet-c/2021-vb.yml": BROKEN,
        }
    )
    code, out = status(root, capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Verksamhetsberättelse 2021: rapporternas status – Testnämnden"
    rows = {line.split()[0] + " " + line.split()[1]: line.split() for line in lines[3:6]}
    # Enhet A: 4 of 7 sections (summary, indicators, economy, quality work), one TODO, no problems.
    assert rows["Enhet A"][2:8] == ["pågår", "4/7", "1", "0", "0", "enhetsmålens"]
    assert rows["Enhet B"][2:] == ["saknas", "–", "0", "0", "0"]
    assert rows["Enhet C"][2:4] == ["har", "fel"]
    assert lines[-1] == "2 av 3 enheter har en rapport; 0 är klara."


def test_status_json_and_a_finished_report(make_tree, capsys):
    finished = (
        UNIT_VB.replace(
            "                status: Uppfylls helt\n",
            "                status: Uppfylls helt\n                analys: Alla har erbjudits hembesök.\n",
        )
        .replace(
            "- id: akt-trygghet\n            status: klar\n",
            "- id: akt-trygghet\n            status: klar\n            analys: Klart.\n",
        )
        .replace(
            "- id: akt-hembesok\n                status: klar\n",
            "- id: akt-hembesok\n                status: klar\n                analys: Genomfört.\n",
        )
        + "ovrigt: Inga klagomål.\n"
    )
    root = make_tree({UNIT_VB_PATH: finished})
    code, out = status(root, capsys, "--format", "json")
    data = json.loads(out)
    units = {u["id"]: u for u in data["enheter"]}
    assert code == 0 and data["avsnitt_totalt"] == 7
    assert (units["enhet-a"]["status"], units["enhet-a"]["ifyllda_avsnitt"], units["enhet-a"]["todo"]) == ("klar", 7, 0)
    assert units["enhet-b"]["fil"] is None and units["enhet-b"]["status"] == "saknas"


def test_status_markdown_and_a_year_without_catalogue(make_tree, capsys):
    root = make_tree()
    code, out = status(root, capsys, "--format", "markdown")
    assert code == 0
    assert "| Enhet B | saknas | – | 0 | 0 | 0 |  |" in out.splitlines()
    code = main(["status", "--year", "2019", "--period", "T1", "--content", str(root)])
    err = capsys.readouterr().err
    assert code == 1 and "fel VB206" in err and "2019" in err


def test_catalogue_fixture_has_the_indicators_used_above():
    catalogue = yaml.safe_load(KATALOG_2021)
    ids = {
        i["id"]
        for d in catalogue["inriktningsmal"]
        for g in d["mal"]
        for i in [*g.get("indikatorer", []), *(x for c in g.get("namndmal", []) for x in c.get("indikatorer", []))]
    }
    assert {"nojdhet-aldre", "vantetid", "antal-besok"} <= ids

"""The parts of `vb import`: tab-separated tables, the economy's tables, the cover and the header's columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.authoring.importer.build import build, cell_number, parse_figures
from generator.authoring.importer.cover import cover
from generator.authoring.importer.economy import Names, blocks, figure
from generator.authoring.importer.lines import Line, clean
from generator.authoring.importer.reader import outcome_columns, read_export
from generator.content.load import load_content
from generator.content.models import Ekonomi, Indikator

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = load_content(ROOT / "content").catalogue(2021)
GOAL = "Uppföljning av Kommunfullmäktiges inriktningsmål\nKF:s mål för verksamhetsområdet: 3.2 X\n"
HEADER = (
    "Indikator\tPeriodens utfall\tUtfall män/ pojkar\tUtfall kvinnor/ flickor\tPeriodens utfall VB 2020"
    "\tPrognos helår\tÅrsmål\tKF:s årsmål\tPeriod"
)


def _indicators(export: str, period: str = "T1") -> tuple[list[dict], list[tuple[int, str]]]:
    imported = build(read_export(clean(GOAL + export)), CATALOGUE, "hagersten-alvsjo", 2021, period, council=True)
    goals = [goal for direction in imported.data["inriktningsmal"] for goal in direction["mal"]]
    return [item for goal in goals for item in goal.get("indikatorer", [])], imported.unplaced


def test_a_tab_separated_row_puts_each_figure_in_its_column():
    found, _ = _indicators(f"{HEADER}\n  Sjukfrånvaro\t6,5 %\t\t\t5,6 %\t7 %\t7,5 %\tTas fram\tTertial 1 2021\n")
    assert found == [{"id": "sjukfranvaro", "utfall": 6.5, "utfall_foregaende": 5.6, "prognos": 7, "arsmal": 7.5}]


def test_text_where_a_figure_belongs_is_kept_with_its_line_never_read_as_a_figure():
    found, unplaced = _indicators(f"{HEADER}\n  Sjukfrånvaro\tca 6 av 100\t\t\t5 %\t\t7 %\t\tTertial 1 2021\n")
    assert found == [{"id": "sjukfranvaro", "utfall_foregaende": 5, "arsmal": 7}]
    assert (4, "Indikator sjukfranvaro, kolumnen utfall innehåller text: ca 6 av 100") in unplaced


def test_a_rows_analysis_on_the_next_row_and_after_a_page_break():
    export = (
        f"{HEADER}\n  Sjukfrånvaro\t6,5 %\t\t\t\t\t\t\tTertial 1 2021\nAnalys\t\t\t\n{HEADER}\n"
        "Frånvaron minskade.\t\t\t\n"
    )
    found, _ = _indicators(export)
    assert found[0]["analys"] == "Frånvaron minskade."


def test_a_row_with_an_empty_marker_cell_is_counted_from_its_period():
    found, _ = _indicators(f"{HEADER}\n \tSjukfrånvaro\t\t\t3,5\t\t3,6\t3,6\t2021\n")
    assert found[0]["utfall_foregaende"] == 3.5 and "utfall" not in found[0]


@pytest.mark.parametrize(
    ("cell", "value"),
    [("6,5 %", 6.5), ("9 000 st", 9000), ("-2,4", -2.4), ("17,2 barn/avd.", 17.2), ("1,9 kg CO2", 1.9)],
)
def test_a_cell_figure_and_its_unit(cell, value):
    assert cell_number(cell) == value


@pytest.mark.parametrize("cell", ["Tas fram av nämnd", "6 av 10", "", "öka", "9" * 400 + " %"])
def test_a_cell_without_one_figure_is_text(cell):
    assert cell_number(cell) is None


@pytest.mark.parametrize("cell", ["1" * 5000, "9" * 400 + ",5", "-" + "7" * 16])
def test_an_economy_cell_with_more_digits_than_any_figure_stays_text_never_an_error(cell):
    """Python refuses to read an integer of more than 4 300 digits, and a float keeps 15: the cell is kept as written
    for vb check to name, instead of `vb import` stopping with an internal error or inventing a rounded figure."""
    assert figure(cell) == cell


def test_the_header_names_the_outcome_columns_and_a_cut_header_names_none():
    whole = "Indikator Periodens utfall Utfall män/ pojkar Utfall kvinn or/ flicko r Perio dens utfall VB 2019 "
    assert outcome_columns(whole + "Progno s helår Årsmål KF:s årsmål Period") == (
        "utfall",
        "utfall_man",
        "utfall_kvinnor",
        "utfall_foregaende",
        "prognos",
    )
    assert outcome_columns(whole) == ()


def test_a_forecast_column_leaves_a_short_row_unread_in_a_tertial_report_and_empty_in_a_vb():
    indicator = Indikator(id="x", namn="X", verksamhetsomraden=["alla"], enhet="%", arsmal=3)
    columns = ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende", "prognos")
    row = "3,14 % 3,14 % 3,14 % 3 % 3 % Tas fram VB 2020"
    assert parse_figures(row, indicator, None, columns, year_end=False) is None
    assert parse_figures(row, indicator, None, columns, year_end=True) == {
        "utfall": 3.14,
        "utfall_man": 3.14,
        "utfall_kvinnor": 3.14,
        "utfall_foregaende": 3,
    }
    full = "3,1 % 3,3 % 2,9 % 2,5 % 2,8 % 3 % Tas fram VB 2020"  # every column filled: the forecast too
    assert parse_figures(full, indicator, None, columns, year_end=False) == dict(
        zip(columns, (3.1, 3.3, 2.9, 2.5, 2.8))
    )
    assert parse_figures("91 % 3 % VB 2020", indicator, None, columns[:4]) is None  # one figure: which column?


def _lines(text: str) -> list[Line]:
    return clean(text)


def test_a_units_resultatrakning_with_its_labels():
    export = (
        "Enhet : Enheten Norr\nEnhetschef: Maja Lind\nBeloppen\nanges i tkr\n"
        "\tUtfall i bokslut 2020\tBudget\tAvvikelse\n<i>Intäkter</i>\t\t\t\nTaxor\t1 200\t1 000\t200\n"
        "<i>Summa intäkter</i>\t<b>1 200</b>\t<b>1 000</b>\t<b>200</b>\n<i>Kostnader</i>\t\t\t\n"
        "Personal\t3 000\t3 100\t100\n<i>Summa netto</i>\t1 800\t2 100\t300\n"
    )
    found = blocks(_lines(export), Names(), lambda lines: " ".join(line.text for line in lines if line.text))
    assert found == [
        {
            "resultatrakning": {
                "utfall_rubrik": "Utfall i bokslut 2020",
                "intakter": [{"namn": "Taxor", "utfall": 1200, "budget": 1000, "avvikelse": 200}],
                "kostnader": [{"namn": "Personal", "utfall": 3000, "budget": 3100, "avvikelse": 100}],
                "summa_intakter": {"utfall": 1200, "budget": 1000, "avvikelse": 200},
                "summa_netto": {"utfall": 1800, "budget": 2100, "avvikelse": 300},
                "enhet": "Enheten Norr",
                "enhetschef": "Maja Lind",
                "belopp": "tkr",
            }
        }
    ]
    Ekonomi.model_validate({"driftbudget": found})


def test_a_table_that_does_not_fit_its_model_keeps_every_figure_as_a_plain_table():
    export = "Text före.\n\n\tUtfall\tBudget\tAvvikelse\nOkänd grupp\t1\t2\t3\nOkänd grupp 2\t4\tx\t6\n\nText efter.\n"
    found = blocks(_lines(export), Names(), lambda lines: " ".join(line.text for line in lines if line.text))
    assert found == [
        {"text": "Text före."},
        {
            "tabell": {
                "kolumner": ["", "Utfall", "Budget", "Avvikelse"],
                "rader": [
                    {"namn": "Okänd grupp", "varden": [1, 2, 3]},
                    {"namn": "Okänd grupp 2", "varden": [4, "x", 6]},
                ],
            }
        },
        {"text": "Text efter."},
    ]


def test_a_council_driftbudget_with_varav_rows_and_its_total():
    export = (
        "Mnkr\tBudget\tBegärda BJ\tPrognos (före resultatöverföringar)\tPrognos (efter resultatöverföringar)\tAvvikelse\n"
        "Äldreomsorg\t10,0\t0\t9,0\t9,0\t1,0\n<i>varav hemtjänst</i>\t4,0\t\t4,0\t4,0\t0,0\n"
        "Totalt\t10,0\t0\t9,0\t9,0\t1,0\n"
    )
    names = Names(areas={"Äldreomsorg": "aldreomsorg"})
    found = blocks(_lines(export), names, lambda lines: "")
    table = found[0]["driftbudget"]
    assert table["rader"][0]["verksamhetsomrade"] == "aldreomsorg"
    assert table["rader"][0]["varav"] == [
        {"namn": "varav hemtjänst", "budget": 4, "prognos_fore": 4, "prognos_efter": 4, "avvikelse": 0}
    ]  # its empty "Begärda BJ" cell is not given, never an invented 0
    assert table["rader"][0]["begarda_bj"] == 0
    assert table["totalt"]["avvikelse"] == 1
    Ekonomi.model_validate({"driftbudget": found})


@pytest.mark.parametrize(
    ("cell", "value"), [("2 784,9", 2784.9), ("-3 204", -3204), ("0,0", 0.0), ("JA", "JA"), ("", None)]
)
def test_an_economy_cell(cell, value):
    assert figure(cell) == value


def test_the_cover_gives_handlaggare_recipient_date_and_leaves_the_rest():
    lines = clean(
        "Handläggare\nLars Lind\nTelefon: 08-123 45\n\nTill\nNorra\nstadsdelsnämnd 2021-05-27\n\nTertialrapport 1\n"
    )
    found, rest = cover(lines)
    assert found == {
        "handlaggare": {"namn": "Lars Lind", "telefon": "08-123 45"},
        "till": "Norra stadsdelsnämnd",
        "datum": __import__("datetime").date(2021, 5, 27),
    }
    assert [line.text for line in rest] == ["Tertialrapport 1"]

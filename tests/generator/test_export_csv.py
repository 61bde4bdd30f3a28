"""CSV export: a text that a spreadsheet would run as a formula is written as text (OWASP: CSV injection).

A cell whose text begins with =, +, -, @, a tab or a carriage return gets a leading apostrophe,
which spreadsheets show as text; numbers, also negative ones, are written as numbers.
"""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.rollup.export import _csv
from tests.conftest import ORGANISATION, UNIT_VB, UNIT_VB_PATH

STARTS = ["=", "+", "-", "@", "\t", "\r"]
HOSTILE = {
    "Alla brukare erbjuds hembesök": '=HYPERLINK("https://example.se";"Klicka")',
    "Personalen går utbildning i bemötande": "@SUMMA(A1:A9)",
}


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_formula_titles_reach_the_csv_as_text(make_tree, tmp_path, capsys):
    report = UNIT_VB
    for title, hostile in HOSTILE.items():
        report = report.replace(f"titel: {title}", f"titel: {json.dumps(hostile)}")
    organisation = ORGANISATION.replace("namn: Enhet A", 'namn: "-2+3 Enhet A"')
    root = make_tree({UNIT_VB_PATH: report, "organisation.yml": organisation})
    out = tmp_path / "export"
    assert main(["export", "--year", "2021", "--period", "VB", "--content", str(root), "--out", str(out)]) == 0, (
        capsys.readouterr()
    )
    rows = read((out / "2021-vb" / "enhetsmal.csv").read_text(encoding="utf-8"))
    own_goals = {row[4] for row in rows[1:]}
    assert own_goals == {"'" + hostile for hostile in HOSTILE.values()}
    assert {row[3] for row in rows[1:]} == {"'-2+3 Enhet A"}


def test_negative_numbers_stay_numbers():
    text = _csv(["Namn", "Avvikelse", "Mnkr"], [["Personal", -3204, -0.5], ["Lokaler", 12, None]])
    assert text.splitlines() == ["Namn,Avvikelse,Mnkr", "Personal,-3204,-0.5", "Lokaler,12,"]


def test_each_start_is_neutralised_and_the_text_kept():
    rows = read(_csv(["Text"], [[start + "1+1"] for start in STARTS]))
    assert [row[0] for row in rows[1:]] == ["'" + start + "1+1" for start in STARTS]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(
        st.one_of(
            st.text(),
            st.sampled_from(STARTS).flatmap(lambda s: st.text().map(lambda t: s + t)),
            st.integers(),
            st.floats(allow_nan=False, allow_infinity=False),
            st.none(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_no_text_cell_starts_a_formula_and_every_value_reads_back(cells):
    [header, row] = read(_csv(["x"] * len(cells), [cells]))
    assert header == ["x"] * len(cells)
    for cell, written in zip(cells, row):
        if cell is None:
            assert written == ""
        elif isinstance(cell, (int, float)):
            assert written == str(cell)  # a number as Python writes it, not a text: no apostrophe
        else:
            assert written == ("'" + cell if cell.startswith(tuple(STARTS)) else cell)
            assert not written.startswith(tuple(STARTS))

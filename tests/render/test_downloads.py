"""Open data on the site: CSV and JSON per period, the same tables as XLSX, and a DCAT-AP-SE catalogue."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from generator.render.downloads import FORMULA_STARTS, TEXT_COLUMNS, cell_value, dcat_catalogue, workbook

DCAT = "{http://www.w3.org/ns/dcat#}"
DCTERMS = "{http://purl.org/dc/terms/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"


def test_figures_become_numbers_and_ids_and_goal_numbers_stay_text():
    assert cell_value("Helt", "3") == 3 and cell_value("Utfall", "-12.5") == -12.5
    assert cell_value("KF-mål", "1.10") == "1.10" and cell_value("Enhet-id", "007") == "007"
    assert cell_value("Nämndmål", "'=SUMMA(A1)") == "=SUMMA(A1)" and cell_value("Utfall", "") is None


def test_the_spreadsheet_has_a_sheet_per_table_numbers_as_numbers_and_no_formulas():
    csv_text = "KF-mål,Nämndmål,Helt\r\n1.10,'=SUMMA(A1),4\r\n"
    book = load_workbook(io.BytesIO(workbook({"malstatus.csv": csv_text})))
    sheet = book["malstatus"]
    assert [c.value for c in sheet[1]] == ["KF-mål", "Nämndmål", "Helt"]
    assert [(c.value, c.data_type) for c in sheet[2]] == [("1.10", "s"), ("=SUMMA(A1)", "s"), (4, "n")]


def test_the_site_has_every_periods_files_a_page_listing_them_and_a_catalogue(small_site):
    assert small_site.files["data/2021-t1/malstatus.csv"].startswith("KF-mål,Nämndmål-id,")
    assert "\r\n" in small_site.files["data/2021-t1/malstatus.csv"]  # RFC 4180 line ends
    assert small_site.files["data/2021-t1/2021-t1.xlsx"][:2] == b"PK"
    page = small_site.pages["data/index.md"]
    assert "## T1 2021" in page and "- [Nämndmålen med status (CSV)](2021-t1/malstatus.csv)" in page
    assert "- [Alla tabeller som kalkylblad (XLSX)](2021-t1/2021-t1.xlsx)" in page
    assert "Licens: CC0 1.0" in page


def test_the_catalogue_is_dcat_with_a_dataset_per_period_and_a_licensed_distribution_per_file(small_site):
    root = ET.fromstring(small_site.files["data/dcat.rdf"])
    catalogue = root.find(f"{DCAT}Catalog")
    datasets = catalogue.findall(f"{DCAT}dataset/{DCAT}Dataset")
    assert {d.get(f"{RDF}about") for d in datasets} == {"2021-vb/", "2021-t1/"}
    for dataset in datasets:
        assert dataset.find(f"{DCTERMS}title").text and dataset.find(f"{DCTERMS}publisher") is not None
        assert dataset.find(f"{DCAT}contactPoint") is not None
        distributions = dataset.findall(f"{DCAT}distribution/{DCAT}Distribution")
        assert len(distributions) == 7
        assert all(
            d.find(f"{DCTERMS}license") is not None and d.find(f"{DCAT}downloadURL") is not None for d in distributions
        )


def test_a_catalogue_escapes_the_publishers_name():
    text = dcat_catalogue([], "A & B <nämnd>", "x@example.se", "CC-BY-4.0")
    assert "A &amp; B &lt;nämnd&gt;" in text and ET.fromstring(text) is not None


def test_the_same_tables_give_the_same_spreadsheet_byte_for_byte():
    tables = {"malstatus.csv": "KF-mål,Helt\r\n1.1,4\r\n"}
    first = workbook(tables)
    assert workbook(tables) == first
    assert load_workbook(io.BytesIO(first))["malstatus"]["B2"].value == 4


def test_short_rows_and_blank_lines_keep_their_text_as_text():
    csv_text = "KF-mål,Nämndmål,Helt\r\n1.10,'=A1\r\n\r\n'+B2,x,5\r\n"
    sheet = load_workbook(io.BytesIO(workbook({"malstatus.csv": csv_text})))["malstatus"]
    assert [(c.value, c.data_type) for c in sheet[2]][:2] == [("1.10", "s"), ("=A1", "s")]
    assert [(c.value, c.data_type) for c in sheet[4]] == [("+B2", "s"), ("x", "s"), (5, "n")]
    assert sheet.max_row == 4


COLUMNS = ["KF-mål", "Nämndmål", "Helt", "Utfall", "Enhet-id", "Bedömning"]
NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")  # how the open data writes a figure


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["12", "-3.5", "1.10", "nan", "Inf", "1_000", "1e3", "'=A1", "+", ""])
            | st.text(st.characters(codec="utf-8", exclude_characters="\r"), max_size=8),
            min_size=1,
            max_size=len(COLUMNS),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_every_cell_of_the_spreadsheet_is_its_csv_text_or_the_figure_written_there(rows):
    """A figure becomes a number only where the CSV has one written as the open data writes figures: a text such as
    "nan", "Inf" or "1_000" stays text (else a cell Excel cannot open, or a number nobody wrote)."""
    out = io.StringIO()
    csv.writer(out).writerows([COLUMNS, *rows])
    sheet = load_workbook(io.BytesIO(workbook({"t.csv": out.getvalue()})))["t"]
    for number, row in enumerate(rows, start=2):
        for column, text in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(cell.value, (int, float)):
                assert COLUMNS[column - 1] not in TEXT_COLUMNS and NUMBER.fullmatch(text) and float(text) == cell.value
            else:
                shown = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
                formula = shown.startswith("'") and shown[1:].startswith(FORMULA_STARTS)
                assert (cell.value or "") == (shown[1:] if formula else shown) and cell.data_type in ("s", "n")

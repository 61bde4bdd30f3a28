"""`vb import`: a text export of an earlier report written in the format, checked against the hand-made files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.authoring.importer.build import build, parse_figures
from generator.authoring.importer.lines import clean, joined
from generator.authoring.importer.reader import read_export
from generator.check.run import check_paths
from generator.cli import main
from generator.content.load import load_content
from generator.content.models import Indikator

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "tests" / "sources"
GLASADE = ("003_9aa9168e8aa3441c.txt", "glasade-gangen", 2021)
GRUPP = ("000_f43b31b7606bf8a5.txt", "grupp-och-servicebostader", 2020)


@pytest.fixture(scope="module")
def catalogues():
    content = load_content(ROOT / "content")
    return {year: content.catalogue(year) for year in (2020, 2021)}


def _import(source: str, unit: str, year: int, tmp_path: Path, capsys) -> tuple[dict, dict, Path, str]:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    target = content / "rapporter" / unit / f"{year}-vb.yml"
    wanted = yaml.safe_load(target.read_text(encoding="utf-8"))
    target.unlink()
    assert (
        main(
            [
                "import",
                str(SOURCES / source),
                "--unit",
                unit,
                "--year",
                str(year),
                "--period",
                "vb",
                "--content",
                str(content),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    return yaml.safe_load(target.read_text(encoding="utf-8")), wanted, target, out


def _statuses(data: dict) -> set[tuple]:
    found = set()
    for direction in data["inriktningsmal"]:
        for goal in direction["mal"]:
            found.add((goal["nr"], goal.get("status")))
            for council in goal.get("namndmal", []):
                found.add((council["id"], council.get("status")))
                found |= {
                    (council["id"], " ".join(o["titel"].split()), o["status"]) for o in council.get("enhetsmal", [])
                }
    return found


def _figures(data: dict) -> set[tuple]:
    names = ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende", "prognos")
    return {
        (item["id"], name, float(item[name]))
        for direction in data["inriktningsmal"]
        for goal in direction["mal"]
        for node in [goal, *goal.get("namndmal", [])]
        for item in node.get("indikatorer", [])
        for name in names
        if item.get(name) is not None
    }


def test_a_unit_vb_is_imported_with_every_status_and_figure(tmp_path, capsys):
    made, wanted, target, _ = _import(*GLASADE, tmp_path, capsys)
    assert _statuses(made) == _statuses(wanted)
    assert _figures(made) == _figures(wanted)
    assert made["sammanfattande_analys"].startswith("### Verksamhetsbeskrivning\n\nGlasade Gången är en daglig")
    assert [p for p in check_paths([target]).problems if p.severity.value == "fel"] == []


def test_an_older_template_keeps_its_statuses_and_lists_what_it_could_not_place(tmp_path, capsys):
    made, wanted, target, out = _import(*GRUPP, tmp_path, capsys)
    assert _statuses(made) == _statuses(wanted)
    assert _figures(made) <= _figures(wanted)  # what it reads is right; it never invents a value
    listed = [line for line in out.splitlines() if ": kunde inte placeras: " in line]
    assert listed and all(line.startswith("000_f43b31b7606bf8a5.txt:") for line in listed)
    text = target.read_text(encoding="utf-8")
    assert "# EJ PLACERAT VID IMPORT" in text and text.count("\n# rad ") == len(listed)
    assert [p for p in check_paths([target]).problems if p.severity.value == "fel"] == []


def test_a_line_nothing_takes_is_kept_with_its_line_number(catalogues):
    export = (
        "Sammanfattande analys\nEn mening.\nUppföljning av Kommunfullmäktiges inriktningsmål\n"
        "Något som inte hör hemma här\nKF:s inriktningsmål: 1. En stad\n"
    )
    imported = build(read_export(clean(export)), catalogues[2021], "glasade-gangen", 2021, "VB")
    assert imported.unplaced == [(4, "Något som inte hör hemma här")]
    assert imported.data["sammanfattande_analys"] == "En mening."


def test_broken_lines_and_hyphenation_are_joined():
    lines = clean(
        "Förvaltningen har under året arbetat med att förbättra arbetsmiljön och den sjuk-\n"
        "frånvaron har minskat. Hälso-\noch sjukvården deltog.\n"
    )
    assert [p.text for p in joined(lines)] == [
        "Förvaltningen har under året arbetat med att förbättra arbetsmiljön och den sjukfrånvaron har minskat. "
        "Hälso- och sjukvården deltog."
    ]


@pytest.mark.parametrize(
    ("row", "layout", "target", "expected"),
    [
        (
            "95 % 92 % 97 % 80 % 2021",
            "95 % 92 % 97 %   80 % 2021",
            80,
            {"utfall": 95, "utfall_man": 92, "utfall_kvinnor": 97},
        ),
        ("93 % öka 2021", "    93 % öka 2021", 93, {}),  # only the target
        ("80 82 2021", "80     82 2021", 82, {"utfall": 80}),  # flush left, then a gap: the first column
        ("368 360 st Tas fram av nämnd VB 2020", None, 360, None),  # one figure, no layout: utfall or last year's?
        # Without a gender split an indicator has two outcome columns in a VB: two figures fill both.
        (
            "11,5 % 12,4 % Tas fram VB 2021",
            "11,5 %   12,4 %  Tas fram",
            10,
            {"utfall": 11.5, "utfall_foregaende": 12.4},
        ),
        ("1 2 3 4 5 6 2021", "1 2 3 4 5 6 2021", 80, None),  # too many to tell apart
        (
            "10 % 9 % 11 % 12 % 2021",
            None,
            80,
            {"utfall": 10, "utfall_man": 9, "utfall_kvinnor": 11, "utfall_foregaende": 12},
        ),
    ],
)
def test_a_row_of_figures_is_placed_only_where_the_export_shows_the_columns(row, layout, target, expected):
    indicator = Indikator(id="x", namn="X", enhet="%", arsmal=target)
    assert parse_figures(row, indicator, layout) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_any_text_imports_without_crashing(text):
    export = "Uppföljning av Kommunfullmäktiges inriktningsmål\nKF:s mål för verksamhetsområdet: 1.1 X\n" + text
    imported = build(read_export(clean(export)), _CATALOGUE, "glasade-gangen", 2021, "VB")
    assert imported.data["organisation"] == "glasade-gangen"


_CATALOGUE = load_content(ROOT / "content").catalogue(2021)


def test_import_refuses_an_unknown_unit_and_an_existing_report(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    source = str(SOURCES / GLASADE[0])
    assert (
        main(
            ["import", source, "--unit", "glasade-gangn", "--year", "2021", "--period", "VB", "--content", str(content)]
        )
        == 1
    )
    assert "VB201" in capsys.readouterr().err
    assert (
        main(
            [
                "import",
                source,
                "--unit",
                "glasade-gangen",
                "--year",
                "2021",
                "--period",
                "VB",
                "--content",
                str(content),
            ]
        )
        == 1
    )
    assert "VB801" in capsys.readouterr().err

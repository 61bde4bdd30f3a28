"""`vb import` of every source report, of a PDF, and of an unseen report of the same template."""

from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.authoring.importer.build import build, cell_number
from generator.authoring.importer.lines import clean
from generator.authoring.importer.reader import read_export
from generator.check.run import check_paths
from generator.cli import main
from generator.content.load import load_content
from tests.generator import unseen_report

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "tests" / "sources"
sys.path.insert(0, str(ROOT / "benchmarks"))
import import_accuracy as measure  # noqa: E402

REPORTS = {
    "000_f43b31b7606bf8a5.txt": ("grupp-och-servicebostader", 2020, "VB"),
    "001_eb83f3cc95dc08cb.txt": ("bestallarenheten-aldre", 2020, "VB"),
    "002_e413b7b4eec749f1.txt": ("hagersten-alvsjo", 2021, "T1"),
    "003_9aa9168e8aa3441c.txt": ("glasade-gangen", 2021, "VB"),
}


def _share(made: set, wanted: set) -> float:
    return len(made & wanted) / len(wanted)


def _import(source: Path, unit: str, year: int, period: str, content: Path) -> Path:
    target = content / "rapporter" / unit / f"{year}-{period.lower()}.yml"
    target.unlink(missing_ok=True)
    argv = ["import", str(source), "--unit", unit, "--year", str(year), "--period", period]
    assert main([*argv, "--content", str(content)]) == 0
    return target


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """All four sources imported into one copy of content/ in place of the hand-made files."""
    root = tmp_path_factory.mktemp("import")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    wanted, made = {}, {}
    for name, (unit, year, period) in REPORTS.items():
        hand_made = content / "rapporter" / unit / f"{year}-{period.lower()}.yml"
        wanted[name] = yaml.safe_load(hand_made.read_text(encoding="utf-8"))
        made[name] = _import(SOURCES / name, unit, year, period, content)
    return root, wanted, made


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_status_and_no_invented_figure(imported, name):
    _, wanted, made = imported
    data = yaml.safe_load(made[name].read_text(encoding="utf-8"))
    assert measure.statuses(data) == measure.statuses(wanted[name])
    assert measure.figures(data) <= measure.figures(wanted[name])  # what it places is right
    assert measure.economy(data) <= measure.economy(wanted[name])


@pytest.mark.parametrize("name", ["001_eb83f3cc95dc08cb.txt", "002_e413b7b4eec749f1.txt", "003_9aa9168e8aa3441c.txt"])
def test_sentences_and_every_indicator_figure(imported, name):
    _, wanted, made = imported
    data = yaml.safe_load(made[name].read_text(encoding="utf-8"))
    assert measure.figures(data) == measure.figures(wanted[name])
    assert _share(measure.sentences(data), measure.sentences(wanted[name])) >= 0.95


@pytest.mark.slow
def test_the_imported_reports_pass_check_and_build(imported, capsys):
    root, _, made = imported
    problems = check_paths(list(made.values())).problems
    assert [p for p in problems if p.severity.value == "fel"] == []
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["docs_dir"] = str(ROOT / "docs")
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    shutil.copy(ROOT / "README.md", root / "README.md")
    # Without PDFs: the imported reports are the real content's reports, whose PDFs the real site's tests read.
    argv = ["build", "--content", str(root / "content"), "--site", str(root / "site"), "--config", str(config)]
    assert main([*argv, "--utan-pdf"]) == 0, capsys.readouterr().err
    assert (root / "site" / "index.html").is_file()


def _unseen(name: str, tmp_path: Path) -> tuple[dict, dict]:
    unit, year, period = REPORTS[name]
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    hand_made = content / "rapporter" / unit / f"{year}-{period.lower()}.yml"
    old = yaml.safe_load(hand_made.read_text(encoding="utf-8"))
    person = old.get("handlaggare", {}).get("namn", "Namn Namnsson")
    source = (SOURCES / name).read_text(encoding="utf-8").replace(person, "Maja Lind")
    export = tmp_path / "tidigare.txt"
    # A unit gets a new name; the council's name stands in its own catalogue's goals, so it keeps it.
    new_name = old["till"] if unit == "hagersten-alvsjo" else "Enheten Norr"
    export.write_text(unseen_report.export(source, old["till"], new_name), encoding="utf-8")
    target = _import(export, unit, year, period, content)
    return yaml.safe_load(target.read_text(encoding="utf-8")), unseen_report.answer(old, old["till"], new_name)


@pytest.mark.parametrize("name", ["001_eb83f3cc95dc08cb.txt", "002_e413b7b4eec749f1.txt"])
def test_an_unseen_report_of_the_same_template(tmp_path, name):
    made, wanted = _unseen(name, tmp_path)
    assert measure.figures(wanted) and measure.statuses(wanted)
    assert measure.statuses(made) == measure.statuses(wanted)
    assert measure.figures(made) == measure.figures(wanted)
    assert _share(measure.sentences(made), measure.sentences(wanted)) >= 0.95


@pytest.mark.slow
def test_a_pdf_is_read_as_its_text_export(tmp_path, capsys):
    from weasyprint import HTML

    text = (SOURCES / "003_9aa9168e8aa3441c.txt").read_text(encoding="utf-8")
    page = (
        "<html><head><style>@page { size: A4 landscape; margin: 15mm;"
        ' @top-center { content: "Verksamhetsberättelse 2021 Glasade Gången"; }'
        ' @bottom-right { content: "Sida " counter(page); } }'
        " pre { font: 7pt monospace; white-space: pre; }</style></head>"
        f"<body><pre>{html.escape(text)}</pre></body></html>"
    )
    pdf = tmp_path / "Glasade Gången VB 2021.pdf"
    HTML(string=page).write_pdf(pdf)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    wanted = yaml.safe_load((content / "rapporter/glasade-gangen/2021-vb.yml").read_text(encoding="utf-8"))
    target = _import(pdf, "glasade-gangen", 2021, "VB", content)
    out = capsys.readouterr().out
    made = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert measure.statuses(made) == measure.statuses(wanted)
    assert measure.figures(made) == measure.figures(wanted)
    assert _share(measure.sentences(made), measure.sentences(wanted)) >= 0.95
    assert "Sida" not in out and "Verksamhetsberättelse 2021 Glasade" not in target.read_text(encoding="utf-8")


def test_a_file_that_is_neither_pdf_nor_text_is_refused_with_its_reason(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    target = content / "rapporter/glasade-gangen/2021-vb.yml"
    target.unlink()
    broken = tmp_path / "rapport.pdf"
    broken.write_bytes(b"%PDF-1.7\n\x00\xff not really a pdf")
    argv = ["import", str(broken), "--unit", "glasade-gangen", "--year", "2021", "--period", "VB"]
    assert main([*argv, "--content", str(content)]) == 1
    assert "VB001" in capsys.readouterr().err
    assert not target.exists()  # nothing written from a file that could not be read


_CELL = st.one_of(
    st.just(""),
    st.from_regex(r"-?[0-9]{1,4}(,[0-9]{1,2})? ?(%|st|GWh)?", fullmatch=True),
    st.text(alphabet="abcåäö %,-/0123456789", max_size=12),
)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.lists(_CELL, min_size=1, max_size=10), max_size=6), noise=st.text(max_size=200))
def test_a_tab_separated_table_never_gets_a_figure_that_is_not_in_its_cell(rows, noise):
    header = "Indikator\tPeriodens utfall\tUtfall män/ pojkar\tUtfall kvinnor/ flickor\tPeriodens utfall VB 2020"
    header += "\tPrognos helår\tÅrsmål\tKF:s årsmål\tPeriod"
    lines = [f"  Sjukfrånvaro\t{chr(9).join(row)}" for row in rows]
    export = "\n".join([_GOAL_HEAD, header, *lines, noise])
    imported = build(read_export(clean(export)), _CATALOGUE, "glasade-gangen", 2021, "VB")
    cells = {cell_number(cell) for row in rows for cell in row} - {None}
    for item in _indicators(imported.data):
        for name in ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende", "prognos"):
            if name in item:
                assert float(item[name]) in cells


def _indicators(data: dict) -> list[dict]:
    return [
        item
        for direction in data["inriktningsmal"]
        for goal in direction["mal"]
        for node in [goal, *goal.get("namndmal", [])]
        for item in node.get("indikatorer", [])
    ]


_GOAL_HEAD = "Uppföljning av Kommunfullmäktiges inriktningsmål\nKF:s mål för verksamhetsområdet: 3.2 X\n"
_CATALOGUE = load_content(ROOT / "content").catalogue(2021)

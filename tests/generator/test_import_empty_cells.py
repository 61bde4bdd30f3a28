"""An empty cell of a source's table stays empty through `vb import`, `vb check` and the site: no figure is invented."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.check.run import check_paths
from generator.cli import main
from tests.site_pages import site_of

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "tests" / "sources" / "002_e413b7b4eec749f1.txt"
NBSP = "\u00a0"
MINUS = "\u2212"
# A row of 002's driftbudget as the source has it, and with its "Begärda budgetjusteringar" cell left empty.
WRITTEN = "Nämnd och administration\t70,2\t0\t70,2\t70,2\t0,0\n"
EMPTY = "Nämnd och administration\t70,2\t\t70,2\t70,2\t0,0\n"


# A row of 002's investment table, and with its "Budgetjusteringar" cell left empty.
INVESTMENT = "Parkinvesteringar\t9,5\t9,5\t0,0\t0,0\n"
INVESTMENT_EMPTY = "Parkinvesteringar\t9,5\t9,5\t\t0,0\n"


def _imported(tmp_path: Path, written: str = WRITTEN, empty: str = EMPTY) -> tuple[Path, dict]:
    """002 with one empty cell, imported in place of the council's hand-made T1 2021 report."""
    text = SOURCE.read_text(encoding="utf-8")
    assert text.count(written) == 1
    source = tmp_path / "tertialrapport.txt"
    source.write_text(text.replace(written, empty), encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    target = content / "rapporter" / "hagersten-alvsjo" / "2021-t1.yml"
    target.unlink()
    argv = ["import", str(source), "--unit", "hagersten-alvsjo", "--year", "2021", "--period", "T1"]
    assert main([*argv, "--content", str(content)]) == 0
    return content, yaml.safe_load(target.read_text(encoding="utf-8"))["ekonomi"]


def _table(economy: dict, name: str) -> dict:
    tables = [block[name] for block in economy[name] if name in block]
    assert len(tables) == 1
    return tables[0]


def test_an_empty_requested_adjustment_is_not_given_through_import_check_and_site(tmp_path, capsys):
    content, economy = _imported(tmp_path)
    table = _table(economy, "driftbudget")
    rows = {row["namn"]: row for row in table["rader"]}
    assert "begarda_bj" not in rows["Nämnd och administration"]  # the empty cell: not given
    assert rows["Barn, kultur och fritid"]["begarda_bj"] == 0  # a written 0 stays 0
    assert table["totalt"]["begarda_bj"] == -52.4

    report = content / "rapporter" / "hagersten-alvsjo" / "2021-t1.yml"
    assert [p for p in check_paths([report]).problems if p.severity.value == "fel"] == []
    capsys.readouterr()

    pages = site_of(content).pages
    council = pages["2021/t1/hagersten-alvsjo/ekonomi.md"]
    assert "| Nämnd och administration | 70,2 |  | 70,2 | 70,2 | 0,0 |" in council
    assert "| Barn, kultur och fritid | 28,5 | 0 | 28,5 | 28,5 | 0,0 |" in council
    # The economy page checks the total against the sum of the rows: with one row not given, no sum is shown.
    economy = pages["ekonomi/2021/t1/index.md"]
    assert f"| Begärda budgetjusteringar |  | {MINUS}52,4 |  |" in economy
    assert f"| Budget | 2{NBSP}784,9 | 2{NBSP}784,9 | 0,0 |" in economy


def test_a_requested_adjustment_left_out_or_emptied_in_the_editor_is_shown_as_not_given(tmp_path, capsys):
    """Left out of the file, or `null` as the editor saves an emptied number field: no 0 on the site, no error."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    report = content / "rapporter" / "hagersten-alvsjo" / "2021-t1.yml"
    text = report.read_text(encoding="utf-8")
    emptied = "        budget: 70.2\n        begarda_bj: 0\n"  # Nämnd och administration
    left_out = "        budget: 111.0\n        begarda_bj: 0\n"  # Ekonomiskt bistånd
    assert text.count(emptied) == 1 and text.count(left_out) == 1
    text = text.replace(emptied, "        budget: 70.2\n        begarda_bj: null\n")
    report.write_text(text.replace(left_out, "        budget: 111.0\n"), encoding="utf-8")

    assert [p for p in check_paths([report]).problems if p.severity.value == "fel"] == []
    capsys.readouterr()
    page = site_of(content).pages["2021/t1/hagersten-alvsjo/ekonomi.md"]
    assert "| Nämnd och administration | 70,2 |  | 70,2 | 70,2 | 0,0 |" in page
    assert "| Ekonomiskt bistånd | 111,0 |  | 111,0 | 111,0 | 0,0 |" in page
    assert "| Barn, kultur och fritid | 28,5 | 0 | 28,5 | 28,5 | 0,0 |" in page


def test_an_empty_investment_adjustment_is_not_given_through_import_check_and_site(tmp_path, capsys):
    content, economy = _imported(tmp_path, INVESTMENT, INVESTMENT_EMPTY)
    table = _table(economy, "investeringar")
    rows = {row["namn"]: row for row in table["rader"]}
    assert "budgetjustering" not in rows["Parkinvesteringar"]  # the empty cell: not given
    assert rows["Reinvesteringar"]["budgetjustering"] == 0  # a written 0 stays 0
    assert rows["Inventarier och maskiner"]["budgetjustering"] == 6.8

    report = content / "rapporter" / "hagersten-alvsjo" / "2021-t1.yml"
    assert [p for p in check_paths([report]).problems if p.severity.value == "fel"] == []
    capsys.readouterr()
    page = site_of(content).pages["2021/t1/hagersten-alvsjo/ekonomi.md"]
    assert "| Parkinvesteringar | 9,5 | 9,5 |  | 0,0 |" in page
    assert "| Reinvesteringar | 2,0 | 2,0 | 0,0 | 0,0 |" in page

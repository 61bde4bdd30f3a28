"""`vb build` and the PDFs: one per report of a small tree; a report whose PDF cannot be made stops the build."""

from __future__ import annotations

import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main
from tests.render.tree import COUNCIL_T1, COUNCIL_T1_PATH, write_tree
from tests.test_build import _config

pytestmark = pytest.mark.slow  # whole site builds with their PDFs

UNIT_PDF = "2021/vb/hemtjansten/hemtjansten-2021-vb.pdf"


def _build(root: Path) -> int:
    return main(
        ["build", "--content", str(root / "content"), "--site", str(root / "site"), "--config", str(_config(root))]
    )


@dataclass(frozen=True)
class Built:
    """The small tree built once with its PDFs, and whether a PDF was being made while the search index was built."""

    root: Path
    pdfs_during_search: list[bool]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """content/, site/ and .vb-pdf-cache/ of one successful `vb build`; tests that build again work on a copy."""
    import generator.build.site as stages

    root = tmp_path_factory.mktemp("byggt")
    seen: list[bool] = []
    index = stages._search

    def search(staging: Path) -> None:
        seen.append(any(t.name == "vb-pdf" and t.is_alive() for t in threading.enumerate()))
        index(staging)

    write_tree(root / "content")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stages, "_search", search)
        assert _build(root) == 0
    return Built(root, seen)


def _copy(built: Built, root: Path) -> None:
    """The built tree, its site and its PDF cache (times kept) under `root`, with a config of its own."""
    for name in ("content", "site", ".vb-pdf-cache"):
        shutil.copytree(built.root / name, root / name)


def test_every_report_gets_its_pdf_and_a_later_build_reuses_the_unchanged_ones(built, tmp_path):
    assert [p.name for p in built.root.iterdir() if p.name.startswith(".site-")] == []
    _copy(built, tmp_path)
    site = tmp_path / "site"
    pdfs = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))
    assert pdfs == ["2021/t1/provnamnden/provnamnden-2021-t1.pdf", UNIT_PDF]
    kept = sorted((tmp_path / ".vb-pdf-cache").glob("*.pdf"))
    assert len(kept) == 2
    before = {p: p.stat().st_mtime_ns for p in kept}
    assert _build(tmp_path) == 0
    assert sorted((tmp_path / ".vb-pdf-cache").glob("*.pdf")) == kept
    assert (site / UNIT_PDF).read_bytes() in {p.read_bytes() for p in kept}
    assert all(p.stat().st_mtime_ns >= before[p] for p in kept)


def test_a_report_whose_pdf_cannot_be_made_fails_the_build_and_the_last_site_stays(built, tmp_path, capsys):
    _copy(built, tmp_path)
    site = tmp_path / "site"
    good = {p: p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".pdf")}
    capsys.readouterr()
    months = ", ".join(f"M{n}" for n in range(150))  # no page holds 151 columns, however small the type
    figures = ", ".join(str(n) for n in range(150))
    bad = COUNCIL_T1.replace("kolumner: [Brukare, Jan, Feb, Mar]", f"kolumner: [Brukare, {months}]")
    bad = bad.replace("varden: [1200, 1180.5, null]", f"varden: [{figures}]")
    bad = bad.replace("varden: [null, null, 1250]", f"varden: [{figures}]")
    assert bad.count(figures) == 2
    write_tree(tmp_path / "content", {COUNCIL_T1_PATH: bad})
    assert _build(tmp_path) == 1
    said = capsys.readouterr()
    message = said.out + said.err
    assert "PDF:en för Tertialrapport 1 för 2021 – Provnämnden" in message
    assert "har för många kolumner" in message and "vb build" in message
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".pdf")} == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_without_pdfs_the_build_makes_none(tmp_path):
    write_tree(tmp_path / "content")
    assert (
        main(
            [
                "build",
                "--content",
                str(tmp_path / "content"),
                "--site",
                str(tmp_path / "site"),
                "--config",
                str(_config(tmp_path)),
                "--utan-pdf",
            ]
        )
        == 0
    )
    assert list((tmp_path / "site").rglob("*.pdf")) == []
    assert (tmp_path / "site" / "2021/vb/hemtjansten/index.html").is_file()


def test_a_city_keeps_its_districts_pdfs_beside_its_site_for_the_next_build(tmp_path):
    city = tmp_path / "stad"
    write_tree(city / "provstad")
    assert (
        main(["build", "--content", str(city), "--site", str(tmp_path / "site"), "--config", str(_config(tmp_path))])
        == 0
    )
    assert sorted(p.name for p in (tmp_path / "site" / "provstad").rglob("*.pdf")) == [
        "hemtjansten-2021-vb.pdf",
        "provnamnden-2021-t1.pdf",
    ]
    assert len(list((tmp_path / ".vb-pdf-cache").glob("*.pdf"))) == 2


def test_the_pdfs_are_made_while_the_search_index_is_built(built):
    assert built.pdfs_during_search == [True]
    assert (built.root / "site" / UNIT_PDF).is_file()


def test_a_failed_search_index_waits_for_the_pdfs_and_leaves_no_build_folder(tmp_path, monkeypatch):
    import generator.build.site as stages
    from generator.engine.search import SearchIndexError

    def search(staging: Path) -> None:
        raise SearchIndexError("Sökindexet kunde inte skapas.")

    monkeypatch.setattr(stages, "build_search_index", search)
    write_tree(tmp_path / "content")
    assert _build(tmp_path) == 1
    assert not (tmp_path / "site").exists()
    time.sleep(1)  # a PDF still being made would write into the removed folder meanwhile
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []
    assert not any(t.name == "vb-pdf" and t.is_alive() for t in threading.enumerate())

"""`vb export` writes the open-data files of a period, and refuses a year without a catalogue."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_export_writes_every_file_of_the_period(tmp_path):
    assert main(["export", "--year", "2021", "--period", "T1", "--content", str(CONTENT), "--out", str(tmp_path)]) == 0
    folder = tmp_path / "2021-t1"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["aggregat.json", "malstatus.csv", "enhetsmal.csv", "indikatorer.csv", "ekonomi.csv", "resultatenheter.csv"]
    )
    rows = (folder / "resultatenheter.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 16  # header and the 16 resultatenheter of 002
    assert "glasade-gangen,Glasade gångens dagliga verksamhet,20565,1028,-1976,0,1976,nej,nej" in rows


def test_export_without_a_catalogue_says_so_with_a_code(tmp_path, capsys):
    assert main(["export", "--year", "2030", "--period", "VB", "--content", str(CONTENT), "--out", str(tmp_path)]) == 1
    assert "VB206" in capsys.readouterr().err
    assert not (tmp_path / "2030-vb").exists()

"""The pre-commit hook's `vb fmt --check`: a changed report out of the editor's layout stops the commit."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]


def fmt_hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    return next(h for h in hooks if h["id"] == "vb-fmt")


def test_the_hook_selects_reports_only():
    pattern = re.compile(fmt_hook()["files"])
    assert pattern.search("content/rapporter/enhet-a/2021-vb.yml")
    assert not pattern.search("content/organisation.yml")
    assert not pattern.search("content/katalog/2021.yml")


def test_the_hook_passes_a_report_in_layout_and_stops_one_out_of_it(tmp_path, monkeypatch, capsys):
    report = tmp_path / "content" / "rapporter" / "enhet-a" / "2021-vb.yml"
    report.parent.mkdir(parents=True)
    monkeypatch.chdir(tmp_path)  # pre-commit runs in the repository root and passes paths relative to it
    entry = shlex.split(fmt_hook()["entry"])
    assert entry[0] == "vb"
    relative = "content/rapporter/enhet-a/2021-vb.yml"
    report.write_text("organisation: enhet-a\nar: 2021\nperiod: VB\novrigt: |\n  Text.\n", encoding="utf-8")
    assert main([*entry[1:], relative]) == 0
    report.write_text('organisation: enhet-a\nar: 2021\nperiod: VB\novrigt: "Text.\\n"\n', encoding="utf-8")
    assert main([*entry[1:], relative]) == 1
    assert f"{relative}:4:1: fel VB804" in capsys.readouterr().err

"""Fuzz `vb import` with atheris: any text becomes a report's data and a list of unplaced lines, never an
exception, and every figure it writes stands in the text it read.

Run it by hand for as long as you like, from the project folder:

    .venv/bin/python tests/fuzz/fuzz_import.py -dict=tests/fuzz/import.dict -max_total_time=600

The test suite runs it for a few seconds (tests/security/test_fuzz.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports(include=["generator.authoring.importer"]):
    from generator.authoring.importer.build import build
    from generator.authoring.importer.lines import clean
    from generator.authoring.importer.reader import read_export

from generator.content.load import load_content

CATALOGUE = load_content(Path(__file__).resolve().parents[2] / "content").catalogue(2021)
HEAD = "Uppföljning av Kommunfullmäktiges inriktningsmål\nKF:s mål för verksamhetsområdet: 1.1 X\n"
FIGURES = ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende", "prognos")


def _figures(data: object) -> list[float]:
    if isinstance(data, dict):
        found = [float(v) for k, v in data.items() if k in FIGURES and v is not None]
        return found + [f for v in data.values() for f in _figures(v)]
    if isinstance(data, list):
        return [f for v in data for f in _figures(v)]
    return []


def one_input(data: bytes) -> None:
    """One export's text: imported; each figure written is one of the numbers in the text."""
    text = HEAD + data.decode("utf-8", "replace")
    imported = build(read_export(clean(text)), CATALOGUE, "glasade-gangen", 2021, "VB")
    numbers = {float(n.replace(" ", "").replace(",", ".")) for n in re.findall(r"[0-9][0-9 ]*(?:,[0-9]+)?", text)}
    for figure in _figures(imported.data):
        assert abs(figure) in numbers, figure
    assert all(number >= 1 for number, _ in imported.unplaced)


def main() -> None:
    """libFuzzer's command line (e.g. -runs=N, -max_total_time=S, -dict=FILE)."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

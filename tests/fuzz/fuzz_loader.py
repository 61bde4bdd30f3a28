"""Fuzz the content reader with atheris: any bytes become data or coded problems, never an exception.

Run it by hand for as long as you like, from the project folder:

    .venv/bin/python tests/fuzz/fuzz_loader.py -dict=tests/fuzz/yaml.dict -max_total_time=600

The test suite runs it for a few seconds (tests/security/test_fuzz.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports(include=["generator", "yaml"]):
    from generator.content.load import to_model
    from generator.content.models import Rapport
    from generator.content.yamlread import read_file
    from generator.problems import CATALOGUE


def one_input(data: bytes) -> None:
    """One file's bytes: read, then validated as a report; every problem has a known code and a line."""
    document = read_file(data, "rapport.yml")
    _, found = to_model(Rapport, document)
    for item in [*document.problems, *found]:
        assert item.code in CATALOGUE, item.code
        assert item.line is None or item.line >= 1, item
        assert item.message and item.fix


def main() -> None:
    """libFuzzer's command line (e.g. -runs=N, -max_total_time=S, -dict=FILE)."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

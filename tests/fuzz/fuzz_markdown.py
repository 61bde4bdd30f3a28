"""Fuzz the Markdown checks with atheris: they never raise, and a text they accept is harmless on the site.

"Harmless" is judged by tests/security/oracle.py, which renders the text as the site does without
asking the checker. Run it by hand for as long as you like, from the project folder:

    .venv/bin/python tests/fuzz/fuzz_markdown.py -dict=tests/fuzz/markdown.dict -max_total_time=600

A failing input is saved as crash-<hash> (see libFuzzer's -artifact_prefix). The test suite runs
it for a few seconds (tests/security/test_fuzz.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports(include=["generator", "markdown", "markdown_it"]):
    from generator.check.narrative import check_markdown
    from generator.problems import CATALOGUE, Severity
    from tests.security.oracle import harms


def one_input(data: bytes) -> None:
    """One text: the checks must not raise, and if they accept it, it must be harmless on the site."""
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    if any(CATALOGUE[f.code].severity is Severity.ERROR for f in check_markdown(text)):
        return  # refused: the site is never built from it
    found = harms(text)
    if found:
        raise AssertionError(f"the check accepts {text!r}, but on the site: {found}")


def main() -> None:
    """libFuzzer's command line (e.g. -runs=N, -max_total_time=S, -dict=FILE)."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

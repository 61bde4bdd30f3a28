"""BUG: a broken organisation.yml made rules that need it fire in the reports.

generator/check/report.py (check_report): an unknown key under a unit in organisation.yml
(`chef:` at organisation.yml line 31; vb102-unknown-key-in-organisation-alone).
Expected: VB102 at line 31 only.
Happened: VB102 and, in the council's report, VB212 for every council section
("finns bara i nämndens rapport") and VB214 for its activities: without the organisation the
council's report was taken for a unit's. On the real content one such key gave 7 false VB212.

The class: organisation.yml and the catalogues are read by the rules of every report. When one
of them does not load, its own problems are reported and nothing else may follow from it. The
property test below breaks either file at any line and asks that every problem stays in it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.run import check_paths
from tests.conftest import KATALOG_2021, ORGANISATION, write_tree
from tests.test_corpus import CASE_BY_NAME, run_check_case

SHARED = {"organisation.yml": ORGANISATION, "katalog/2021.yml": KATALOG_2021}


def test_corpus_case(tmp_path, capsys):
    run_check_case(CASE_BY_NAME["vb102-unknown-key-in-organisation-alone"], tmp_path, capsys)


def with_unknown_key(text: str, after: int) -> str:
    """`text` with a key no model knows inserted below line `after`, at the indentation of that line's key."""
    lines = text.split("\n")
    line = lines[after]
    key_column = len(re.match(r"^[ -]*", line).group(0)) if line.strip() and not line.lstrip().startswith("#") else 0
    return "\n".join([*lines[: after + 1], " " * key_column + "okand_nyckel: 1", *lines[after + 1 :]])


def _outside(root: Path, broken: str) -> list[str]:
    problems = check_paths([root]).problems
    assert problems, f"breaking {broken} must be reported"
    return [
        f"{p.file}:{p.line} {p.code} {p.message}"
        for p in problems
        if Path(p.file).resolve() != (root / broken).resolve()
    ]


@pytest.mark.parametrize("name", sorted(SHARED))
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_broken_shared_file_is_reported_in_itself_only(name, data, tmp_path_factory):
    text = SHARED[name]
    after = data.draw(st.integers(0, text.count("\n") - 1), label="line")
    root = write_tree(tmp_path_factory.mktemp("tree") / "content", {name: with_unknown_key(text, after)})
    assert _outside(root, name) == []

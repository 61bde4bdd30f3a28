"""No input makes the checker crash: every failure is a coded problem with a position."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.run import check_paths
from generator.content.yamlread import read_file
from generator.problems import CATALOGUE
from tests.conftest import COUNCIL_T1, COUNCIL_T1_PATH, UNIT_VB, UNIT_VB_PATH, write_tree

YAML_BITS = [
    "a",
    "å",
    "1",
    "-",
    " ",
    "  ",
    "\n",
    ":",
    ": ",
    "- ",
    "#",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "&x",
    "*x",
    "!",
    "!!str",
    "|",
    ">",
    "?",
    "---",
    "...",
    "%YAML 1.1",
    "\t",
    "\r\n",
    "\ufeff",
    "2021-02-30",
    "~",
    "\\",
]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.binary(max_size=300))
def test_read_file_never_raises_on_bytes(raw):
    document = read_file(raw, "f.yml")
    for item in document.problems:
        assert item.code in CATALOGUE
        item.message


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(YAML_BITS), max_size=60).map("".join))
def test_read_file_never_raises_on_yaml_like_text(text):
    document = read_file(text.encode("utf-8"), "f.yml")
    for item in document.problems:
        assert item.code in CATALOGUE
        assert item.line is None or item.line >= 1


# Values a unit might write where the valid report has something else.
VALUES = [
    "1e400",
    "-1e400",
    "",
    "~",
    "1 200",
    "8,6",
    "yes",
    "[]",
    "{}",
    "[1, 2]",
    "{a: 1}",
    "0",
    "-5",
    "120",
    "2021-13-01",
    '"2021-01-01"',
    "&a x",
    "*a",
    "!!str x",
    "|",
    "- x",
    "<b>x</b>",
    "TODO",
    "# X",
    "'text'",
    "1.5e3",
    "Uppfylls delvis",
    "klar",
    "enhet-x",
    "../../etc",
    '"1.9"',
    "null",
    "true",
]


# Every line may be changed, the report's identity (organisation, ar, period) included.
IDENTITY_LINES = 0


@st.composite
def mutated(draw, text: str, keep: int = 0) -> str:
    head, lines = text.split("\n")[:keep], text.split("\n")[keep:]
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "indent", "dedent"]))
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "value" and ": " in line:
            lines[index] = line.split(": ", 1)[0] + ": " + draw(st.sampled_from(VALUES))
        elif action == "indent":
            lines[index] = "  " + line
        elif action == "dedent" and line.startswith("  "):
            lines[index] = line[2:]
        if not lines:
            lines = [""]
    return "\n".join(head + lines)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(unit=mutated(UNIT_VB, IDENTITY_LINES), council=mutated(COUNCIL_T1, IDENTITY_LINES))
@pytest.mark.slow
def test_check_never_raises_on_changed_reports(unit, council):
    with tempfile.TemporaryDirectory() as folder:
        root = write_tree(Path(folder), {UNIT_VB_PATH: unit, COUNCIL_T1_PATH: council})
        result = check_paths([root])
    for item in result.problems:
        assert item.code in CATALOGUE
        assert item.line is not None and item.line >= 1, f"{item.code} without a line: {item.message}"
        assert item.column is not None and item.column >= 1
        item.message, item.fix

"""Each domain word and rule is written once: the periods, the content layout's names, the problem printer.

A second copy drifts: a new period or a renamed file would have to be found in every place by hand.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
PERIOD_NAMES = {"VP", "T1", "T2", "VB"}


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def period_literals(path: Path) -> list[int]:
    """Lines where a tuple, list or set of two or more period names is written out."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) >= 2:
            values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if len(values) == len(node.elts) and set(values) <= PERIOD_NAMES:
                found.append(node.lineno)
        if isinstance(node, ast.Dict) and len(node.keys) >= 2:
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            if (
                len(keys) == len(node.keys)
                and set(keys) <= PERIOD_NAMES
                and all(isinstance(v, ast.Constant) and isinstance(v.value, int) for v in node.values)
            ):
                found.append(node.lineno)  # an order of the periods
    return found


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_periods_are_listed_only_in_the_model(path):
    if path == PACKAGE / "content" / "models.py":
        return
    assert period_literals(path) == [], f"{path.relative_to(PACKAGE)}: use content.models.PERIODS or TERTIALS"


def test_the_period_rule_finds_a_second_list(tmp_path):
    copy = tmp_path / "x.py"
    copy.write_text('TERTIALS = ("T1", "T2")\nORDER = {"VP": 0, "T1": 1}\nok = ("T1", "x")\n', encoding="utf-8")
    assert period_literals(copy) == [1, 2]


# The organisation's file name, and the catalogue and report folders joined into a path.
LAYOUT_NAMES = re.compile(r"""["']organisation\.yml["']|/\s*["'](katalog|rapporter)["']""")


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_content_layout_is_named_only_by_the_loader(path):
    if path == PACKAGE / "content" / "layout.py":
        return
    found = [
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LAYOUT_NAMES.search(line) and not line.lstrip().startswith("#")
    ]
    assert found == [], f"{path.relative_to(PACKAGE)} lines {found}: use the names of generator.content.layout"


def test_problems_are_printed_by_the_output_module_only():
    """A problem's message and fix are put together in check/output.py (text) and check/output_ci.py (CI formats)."""
    printers = [
        path.relative_to(PACKAGE).as_posix()
        for path in sources()
        if re.search(r"\.fix\}", path.read_text(encoding="utf-8"))
    ]
    assert printers == ["check/output.py", "check/output_ci.py"]

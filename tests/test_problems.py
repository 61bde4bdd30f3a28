"""The code catalogue: every code the source uses exists, and every entry renders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import generator
from generator.check.run import check_paths
from generator.problems import CATALOGUE, Severity, problem
from tests.test_corpus import CASES, load_case

SOURCE = Path(generator.__file__).parent
CODE = re.compile(r"VB\d{3}")


def codes_in_source() -> dict[str, list[str]]:
    """Every VBnnn written anywhere in generator/, with the files it is in."""
    found: dict[str, list[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for code in set(CODE.findall(path.read_text(encoding="utf-8"))):
            found.setdefault(code, []).append(str(path.relative_to(SOURCE.parent)))
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_source_uses_codes():
    assert len(codes_in_source()) >= 40


def test_every_code_used_in_the_source_is_in_the_catalogue():
    missing = {code: files for code, files in codes_in_source().items() if code not in CATALOGUE}
    assert missing == {}


def test_catalogue_entries_are_well_formed():
    for key, entry in CATALOGUE.items():
        assert CODE.fullmatch(key) and entry.code == key
        assert isinstance(entry.severity, Severity)
        assert entry.title.strip() and entry.message.strip() and entry.fix.strip()
        assert entry.title == entry.title.strip()


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_a_problem_without_a_value_its_message_needs_is_refused(code):
    """No message is ever shown with a blank where a value belongs."""
    entry = CATALOGUE[code]
    needed = placeholders(entry.message) | placeholders(entry.fix)
    for left_out in needed:
        with pytest.raises(ValueError, match=left_out):
            problem(code, "f.yml", **{name: "x" for name in needed - {left_out}})
    assert "{" not in problem(code, "f.yml", **{name: "x" for name in needed}).message


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_message_renders_with_its_args(code):
    entry = CATALOGUE[code]
    args = {name: f"<{name}>" for name in placeholders(entry.message) | placeholders(entry.fix)}
    item = problem(code, "f.yml", **args)
    for name in placeholders(entry.message):
        assert f"<{name}>" in item.message
    for name in placeholders(entry.fix):
        assert f"<{name}>" in item.fix


def test_unknown_code_is_refused():
    with pytest.raises(KeyError):
        problem("VB999", "f.yml")


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_problems_get_every_argument_their_message_needs(folder, tmp_path):
    """A problem made without an argument its message uses would render as '... "" ...'."""
    case = load_case(folder)
    for item in check_paths([case.build(tmp_path)]).problems:
        needed = placeholders(item.entry.message) | placeholders(item.entry.fix)
        assert needed <= set(item.args), f"{item.code} lacks {needed - set(item.args)}: {item.message}"

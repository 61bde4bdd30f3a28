"""The fixture tree is clean: every later test changes one thing and expects exactly that to be reported."""

from __future__ import annotations

from generator.cli import main
from tests.conftest import VALID_FILES, check


def test_valid_tree_has_no_problems(valid_tree, capsys):
    problems = check(valid_tree)
    assert problems == [], "\n".join(f"{p.file}:{p.line}: {p.code} {p.message}" for p in problems)
    assert main(["check", str(valid_tree)]) == 0
    out = capsys.readouterr()
    assert out.out.strip().splitlines() == [f"Inga problem i {len(VALID_FILES)} filer."]
    assert out.err == ""


def test_valid_tree_reads_every_file(valid_tree):
    from generator.check.run import check_paths

    assert check_paths([valid_tree]).files == len(VALID_FILES)


def test_single_report_is_checked_against_its_tree(valid_tree):
    from generator.check.run import check_paths

    result = check_paths([valid_tree / "rapporter" / "enhet-a" / "2021-vb.yml"])
    assert result.problems == []

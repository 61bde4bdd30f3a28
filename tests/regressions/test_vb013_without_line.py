"""Regression (fixed) (generator/content/load.py, load_content): VB013 (unknown file) has no line and column.

Input: rapporter/enhet-a/2021-vb.yml.bak (vb013-unknown-file) or
rapporter/enhet-a/anteckningar-åäö.txt with its name in NFD (vb013-nfd-file-name).
Expected: like the other whole-file problems (VB002, VB004, VB010) a position, line 1
column 1, so every message is "file:line:column: ..." and GitHub annotations carry line=.
Happened: line and column are None: the text output is "<file>: varning VB013: ...",
the GitHub annotation has no line=, JSON has "rad": null. (The unknown file is never read,
so it is not in content.source_maps and `locate` skips it.)
"""

import pytest

from tests.test_corpus import CASE_BY_NAME, run_check_case, run_cli_case

CASES = ["vb013-unknown-file", "vb013-nfd-file-name"]


@pytest.mark.parametrize("name", CASES)
def test_check_paths(name, tmp_path, capsys):
    run_check_case(CASE_BY_NAME[name], tmp_path, capsys)


@pytest.mark.parametrize("name", CASES)
def test_cli(name, tmp_path, capsys):
    run_cli_case(CASE_BY_NAME[name], tmp_path, capsys)

"""Regression (fixed) (generator/check/economy.py _transfer_rules): a number too large for a float
crashes the check.

Input: `bruttobudget: -1e400` in a resultatenheter row (vb900-minus-infinite-budget).
yamlread reads 1e400 as float('inf'); pydantic accepts it; `round(gross * TRANSFER_LIMIT)`
then raises OverflowError ("cannot convert float infinity to integer").
Expected: a coded problem (VB402 at line 10 for fem_procent; ideally a refusal of
infinite numbers when reading), no crash.
Happened: check_paths raises OverflowError; `vb check` prints only VB900.
"""

from tests.test_corpus import CASE_BY_NAME, run_check_case, run_cli_case


def test_check_paths(tmp_path, capsys):
    run_check_case(CASE_BY_NAME["vb900-minus-infinite-budget"], tmp_path, capsys)


def test_cli(tmp_path, capsys):
    run_cli_case(CASE_BY_NAME["vb900-minus-infinite-budget"], tmp_path, capsys)

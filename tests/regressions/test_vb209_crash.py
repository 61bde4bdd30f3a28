"""Regression (fixed) (generator/check/report.py, check_report_set): VB209 crashes the whole check.

`problem("VB209", file, ("organisation",), ..., path=file, ...)` passes `path` twice
(`problem(code, file, path=(), **args)`), so any report whose contents do not match its
file name raises `TypeError: problem() got multiple values for argument 'path'`.

Input: rapporter/enhet-a/2021-vb.yml containing `period: T1` (corpus case
vb209-report-in-wrong-file), or a second report for the same unit and period in
rapporter/enhet-b/2021-vb.yml (vb208-two-reports-for-same-unit-and-period; VB208 itself is
fine but the same file is also in the wrong place).
Expected: VB209 (and VB208) at line 1, the line of `organisation:`.
Happened: check_paths raises TypeError; `vb check` prints only
"vb: fel VB900: Ett oväntat fel inträffade: TypeError: ..." and none of the other problems.

Root cause: the catalogue message of VB209 uses the placeholder {path}
("... men filen heter {path}."), and `path` (like `file` and `on_key`) is a parameter of
problem() itself, so that argument can never reach the message. The newer codes VB801
("Det finns redan en rapport ...: {path}", made with path=... in generator/commands/new.py)
and VB803 ("{path} ligger inte i ett git-arkiv") have the same flaw.
"""

import pytest

from tests.test_corpus import CASE_BY_NAME, run_check_case, run_cli_case


def test_no_placeholder_is_named_like_a_parameter_of_problem():
    import inspect
    import string

    from generator.problems import CATALOGUE, problem

    reserved = set(inspect.signature(problem).parameters) - {"args"}
    for entry in CATALOGUE.values():
        names = {n for text in (entry.message, entry.fix) for _, n, _, _ in string.Formatter().parse(text) if n}
        assert not names & reserved, f"{entry.code} uses {names & reserved}"


CASES = ["vb209-report-in-wrong-file", "vb208-two-reports-for-same-unit-and-period"]


@pytest.mark.parametrize("name", CASES)
def test_check_paths(name, tmp_path, capsys):
    run_check_case(CASE_BY_NAME[name], tmp_path, capsys)


@pytest.mark.parametrize("name", CASES)
def test_cli(name, tmp_path, capsys):
    run_cli_case(CASE_BY_NAME[name], tmp_path, capsys)

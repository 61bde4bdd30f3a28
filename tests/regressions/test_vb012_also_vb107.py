"""Regression (fixed) (generator/content/yamlread.py _plain + generator/content/load.py _one_error): an impossible date is
reported twice, the second time with wrong advice.

Input: `datum: 2021-02-30` (unquoted; vb012-invalid-date-also-reported-as-text).
Expected: VB012 at line 6 only.
Happened: VB012 at line 6 and VB107 at line 6, "\"2021-02-30\" är skrivet som text, inte som
datum. Skriv datumet utan citattecken" although there are no quotes: after VB012 the value
is kept as a string and pydantic's date_type error becomes VB107.
"""

from tests.test_corpus import CASE_BY_NAME, run_check_case


def test_check_paths(tmp_path, capsys):
    run_check_case(CASE_BY_NAME["vb012-invalid-date-also-reported-as-text"], tmp_path, capsys)

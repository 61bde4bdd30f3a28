"""Regression (fixed) (inconsistency; generator/content/load.py REPORT_NAME vs generator/check/report.py
expected_path): a report named <år>-<period>.yaml is accepted as a report by the loader
(`\\.ya?ml$`) but VB209 requires the name to end in .yml.

Input: rapporter/enhet-a/2021-t1.yaml with organisation enhet-a, ar 2021, period T1
(vb209-report-named-yaml).
Expected: no problem (or the loader should refuse .yaml with VB013 and say so).
Happened: VB209 "filen heter ...2021-t1.yaml" (today it even crashes, see test_vb209_crash.py).
"""

from tests.test_corpus import CASE_BY_NAME, run_check_case


def test_check_paths(tmp_path, capsys):
    run_check_case(CASE_BY_NAME["vb209-report-named-yaml"], tmp_path, capsys)

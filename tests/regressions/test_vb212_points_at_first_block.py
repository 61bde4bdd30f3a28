"""Regression (fixed) (minor; generator/check/report.py _check_sections): VB212 for a council-only
economy section written as a block list points at the section's first block, not its key.

Input: a unit report with `ekonomi:` / `  resultatenheter:` (line 5) /
`    - text: ...` (line 6) (vb212-block-section-points-at-its-key).
Expected: VB212 at line 5, where the section that does not belong is named.
Happened: VB212 at line 6 (the problem is made without on_key=True, so it takes the
position of the value). VB102 for an unknown key does point at the key.
"""

from tests.test_corpus import CASE_BY_NAME, run_check_case


def test_check_paths(tmp_path, capsys):
    run_check_case(CASE_BY_NAME["vb212-block-section-points-at-its-key"], tmp_path, capsys)

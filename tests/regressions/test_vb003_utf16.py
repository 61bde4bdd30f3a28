"""Regression (fixed) (minor; generator/content/yamlread.py read_text): a UTF-16 file is called binary.

Input: a report saved as UTF-16 with a byte order mark (what Windows Notepad calls
"Unicode"; vb003-utf16-reported-as-binary).
Expected: VB003 "Filen är inte sparad som UTF-8" with the advice to save as UTF-8.
Happened: VB004 "Filen innehåller binära data och är inte en YAML-fil" (UTF-16 text has
NUL bytes, and the NUL test runs before the encoding test), which tells the user to
remove the file.
"""

from tests.test_corpus import CASE_BY_NAME, run_check_case


def test_check_paths(tmp_path, capsys):
    run_check_case(CASE_BY_NAME["vb003-utf16-reported-as-binary"], tmp_path, capsys)

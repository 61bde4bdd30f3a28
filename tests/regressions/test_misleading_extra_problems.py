"""BUGS: one mistake gives a second, misleading problem.

1. generator/content/load.py (_convert/_data_path): a bad id in an activity's `galler` list
   (`- Enhet C` at katalog/2021.yml line 69; vb106-bad-id-in-galler-also-vb105).
   Expected: VB106 at line 69 only.
   Happened: VB106 at line 69 and VB105 '"['Enhet C']" är inte ett tillåtet värde.' from
   the other member of `list[Id] | Literal["alla"]`.
2. generator/check/report.py (check_report): a catalogue that exists but does not validate
   (`riktning: nedåt` at katalog/2021.yml line 38; vb206-invalid-catalogue-is-not-missing).
   Expected: VB105 at line 38 of the catalogue; no claim that the catalogue is missing.
   Happened: VB105 and, in every 2021 report, VB206 "Det finns ingen målkatalog för 2021."
   (and none of the reports' references are checked).
"""

import pytest

from tests.test_corpus import CASE_BY_NAME, run_check_case

CASES = ["vb106-bad-id-in-galler-also-vb105", "vb206-invalid-catalogue-is-not-missing"]


@pytest.mark.parametrize("name", CASES)
def test_check_paths(name, tmp_path, capsys):
    run_check_case(CASE_BY_NAME[name], tmp_path, capsys)

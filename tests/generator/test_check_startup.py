"""`vb check` of one unit file starts fast: it loads no site-building library and runs rules only for that file.

The start-up time itself is measured by benchmarks/check_speed.py; these tests keep what it relies on.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.check.run import check_paths
from generator.content.load import load_content
from tests.conftest import KATALOG_2021, UNIT_VB_PATH, edited, write_tree

ROOT = Path(__file__).resolve().parents[2]
SITE_LIBRARIES = {"jinja2", "babel", "markdown", "mkdocs", "material", "markupsafe", "pygments"}
SHOW_MODULES = """\
import runpy, sys
sys.argv = ["vb", "check", sys.argv[1]]
try:
    runpy.run_module("generator", run_name="__main__")
except SystemExit:
    pass
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_checking_a_unit_file_loads_no_site_library():
    unit = ROOT / "content" / "rapporter" / "glasade-gangen" / "2021-vb.yml"
    shown = subprocess.run(
        [sys.executable, "-c", SHOW_MODULES, str(unit)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "Inga problem i 3 filer." in shown.stdout
    loaded = set(shown.stdout.split("\n")[-2].split())
    assert "pydantic" in loaded  # the check did run
    assert loaded & SITE_LIBRARIES == set()
    assert "markdown_it" not in loaded  # its texts have no HTML, links or headings above ### for CommonMark to find


def test_a_text_with_something_to_find_is_still_read_with_commonmark(tmp_path):
    unit = edited(UNIT_VB_PATH, "sammanfattande_analys: |\n", "sammanfattande_analys: |\n  Rubrik\n  ======\n\n")
    root = write_tree(tmp_path / "content", unit)
    assert [p.code for p in check_paths([root / UNIT_VB_PATH]).problems] == ["VB604"]


def test_the_catalogues_own_rules_run_only_when_it_is_checked(tmp_path, monkeypatch):
    import generator.check.validate as validate

    checked: list[str] = []
    rule = validate.check_catalogue
    monkeypatch.setattr(
        validate, "check_catalogue", lambda model, file, org: checked.append(file) or rule(model, file, org)
    )
    root = write_tree(tmp_path / "content")
    check_paths([root / UNIT_VB_PATH])
    assert checked == []
    check_paths([root / "katalog" / "2021.yml"])
    check_paths([root])
    assert [Path(file).name for file in checked] == ["2021.yml", "2021.yml"]


def test_a_unit_file_is_checked_against_the_catalogue_without_the_catalogues_problems(tmp_path):
    # The catalogue has a TODO marker (VB503) and a reversed date range (VB301); neither belongs to the unit's file.
    broken = edited("katalog/2021.yml", "beskrivning: |\n", "beskrivning: |\n              TODO\n")
    broken["katalog/2021.yml"] = broken["katalog/2021.yml"].replace("slut: 2021-12-31", "slut: 2020-12-31", 1)
    assert broken["katalog/2021.yml"] != KATALOG_2021
    root = write_tree(tmp_path / "content", broken)
    assert {p.code for p in check_paths([root]).problems} >= {"VB503", "VB301"}
    assert check_paths([root / UNIT_VB_PATH]).problems == []
    unit = edited(UNIT_VB_PATH, "- id: aldre-trygga", "- id: aldre-tryga")
    root = write_tree(tmp_path / "other", {**broken, **unit})
    assert [p.code for p in check_paths([root / UNIT_VB_PATH]).problems] == ["VB203"]  # references still checked


def test_only_the_files_asked_for_and_their_references_are_read(tmp_path):
    root = write_tree(tmp_path / "content", {"rapporter/enhet-b/2021-vb.yml": "inte: [en, rapport"})
    content = load_content(root, [root / UNIT_VB_PATH])
    assert sorted(Path(name).name for name in content.sources()) == ["2021-vb.yml", "2021.yml", "organisation.yml"]
    assert [p.code for p in check_paths([root / UNIT_VB_PATH]).problems] == []

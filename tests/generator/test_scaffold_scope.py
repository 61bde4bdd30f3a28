"""`vb new` writes only what concerns the unit, names every id, and says what may be removed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator.check.run import check_paths
from generator.cli import main
from generator.content.load import load_content
from generator.content.lookup import index
from tests.conftest import KATALOG_2021

ROOT = Path(__file__).resolve().parents[2]

# The test catalogue with areas: 1.2 concerns individ-familj only; one 1.1 activity is äldreomsorg's,
# one is tagged for individ-familj although the goal is everyone's.
TAGGED = KATALOG_2021.replace(
    '      - nr: "1.2"\n        titel: Barn och unga har goda uppväxtvillkor\n',
    '      - nr: "1.2"\n        titel: Barn och unga har goda uppväxtvillkor\n        verksamhetsomraden: [individ-familj]\n',
).replace(
    "            text: Genomföra trygghetsvandringar\n",
    "            text: Genomföra trygghetsvandringar\n            verksamhetsomraden: [individ-familj]\n",
)


def _new(root: Path, unit: str) -> str:
    assert main(["new", "--unit", unit, "--year", "2021", "--period", "VB", "--content", str(root)]) == 0
    return (root / "rapporter" / unit / "2021-vb.yml").read_text(encoding="utf-8")


def _ids(text: str) -> list[str]:
    return re.findall(r"^\s*-? ?id: (\S+)", text, re.M)


def test_a_unit_gets_what_its_area_concerns(make_tree):
    assert TAGGED.count("verksamhetsomraden") == 2
    root = make_tree({"katalog/2021.yml": TAGGED})
    # enhet-b is äldreomsorg: akt-trygghet is individ-familj's, 1.2 is individ-familj's; 1.1 is everyone's,
    # so its indicator nojdhet-aldre stays.
    assert _ids(_new(root, "enhet-b")) == ["nojdhet-aldre", "aldre-trygga", "antal-besok", "vantetid", "akt-hembesok"]
    # enhet-c is individ-familj: it gets akt-trygghet and 1.2, not aldre-trygga (galler names a and b).
    assert _ids(_new(root, "enhet-c")) == [
        "nojdhet-aldre",
        "akt-trygghet",
        "andel-insatser",
        "barn-stod",
        "antal-familjer",
        "akt-foraldraskap",
    ]


def test_every_id_and_goal_number_has_the_catalogues_text_beside_it(make_tree):
    text = _new(make_tree(), "enhet-b")
    assert "- id: akt-hembesok  # Förebyggande hembesök" in text
    assert "- id: antal-besok  # Antal förebyggande hembesök" in text
    assert "- nr: '1.1'  # Äldre har en trygg och meningsfull vardag" in text
    assert "- id: aldre-trygga  # Äldre är trygga i sitt boende" in text
    assert yaml.safe_load(text)["organisation"] == "enhet-b"  # the comments keep it valid YAML


def test_the_header_says_what_may_be_removed(make_tree):
    head = _new(make_tree(), "enhet-b").split("organisation:")[0]
    assert "verksamhetsområdet Äldreomsorg" in head
    assert "Det här får du ta bort:" in head
    assert "en indikator som enheten inte mäter" in head and "kommentarerna" in head
    assert "ej_matt" in head


def test_removing_what_the_header_allows_keeps_the_report_valid(make_tree):
    root = make_tree()
    path = root / "rapporter/enhet-b/2021-vb.yml"
    text = _new(root, "enhet-b")
    kept = re.sub(r"\n\s*- id: vantetid  #.*?(?=\n\s*aktiviteter:)", "", text, flags=re.S)  # one indicator removed
    kept = re.sub(r"  #.*", "", kept)  # every comment removed
    assert "vantetid" not in kept and "# " not in kept.split("organisation:")[1]
    path.write_text(kept, encoding="utf-8")
    assert {p.code for p in check_paths([path]).problems} == {"VB503"}


def test_a_real_home_care_unit_gets_a_short_report(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    text = _new(content, "hemtjansten")
    catalogue = index(load_content(content).catalogue(2021))
    ids = _ids(text)
    # The whole catalogue was 1 057 lines and 239 ids: what concerns äldreomsorg is far less.
    assert len(ids) < 100 and len(text.splitlines()) < 450
    activities = [catalogue.activities[ref][1] for ref in ids if ref in catalogue.activities]
    assert activities and not [a.text for a in activities if "förskol" in a.text.lower()]
    assert not [a for a in activities if a.galler != "alla"]  # the council's KF assignments are not the unit's
    assert all(f"id: {ref}  # " in text for ref in ids)

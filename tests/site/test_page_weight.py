"""An empty unit page stays small however large the district: its menu shows the way to the page and the section
it is in, never the whole site, and the site map lists every page once."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.synth.district import synthesize, write_tree

pytestmark = pytest.mark.slow  # builds a site of a hundred pages

ROOT = Path(__file__).resolve().parents[2]
UNITS = 90  # more than two of the menu's runs of 40 units
MOST_BYTES = 40_000


def empty_report(unit: str, year: int, period: str) -> str:
    """The least a unit can hand in: who it is and which report (the check accepts it, with nothing to show)."""
    return f"organisation: {unit}\nar: {year}\nperiod: {period}\n"


@pytest.fixture(scope="module")
def district(tmp_path_factory) -> tuple[Path, str, list[str]]:
    """A synthetic district of UNITS units built with one unit's T1 report empty: the site, that unit, every unit."""
    root = tmp_path_factory.mktemp("vikt")
    files = synthesize(UNITS, [2021], ["T1"], 1)
    council = yaml.safe_load(files["organisation.yml"])["namnd"]["id"]
    units = sorted({path.split("/")[1] for path in files if path.startswith("rapporter/")} - {council})
    files[f"rapporter/{units[0]}/2021-t1.yml"] = empty_report(units[0], 2021, "T1")
    write_tree(files, root / "content")
    site = root / "site"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(root / "content"), "--site", str(site)]
        + ["--config", str(ROOT / "mkdocs.yml"), "--utan-pdf"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return site, units[0], units


def test_an_empty_unit_page_is_less_than_40_kb_of_html(district):
    site, unit, _ = district
    size = len((site / "2021" / "t1" / unit / "index.html").read_bytes())
    assert size < MOST_BYTES, f"{size} byte"


def test_a_unit_pages_menu_links_to_fewer_units_than_a_run(district):
    site, unit, units = district
    html = (site / "2021" / "t1" / unit / "index.html").read_text(encoding="utf-8")
    menu = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("md-sidebar--secondary")]
    linked = {u for u in units if f'href="../{u}/"' in menu}  # the unit's own entry is the current page, "./"
    assert 'href="./" class="md-nav__link md-nav__link--active" aria-current="page"' in menu
    assert 1 <= len(linked) <= 40, len(linked)


def test_the_site_map_links_to_every_units_report_and_every_page_links_to_the_site_map(district):
    site, unit, units = district
    site_map = (site / "karta.html").read_text(encoding="utf-8")
    assert all(f'href="./2021/t1/{u}/"' in site_map for u in units)
    for page in (
        site / "index.html",
        site / "2021" / "t1" / unit / "index.html",
        site / "tillganglighet" / "index.html",
    ):
        assert re.search(r'href="[./]*karta\.html"', page.read_text(encoding="utf-8")), page

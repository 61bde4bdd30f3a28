"""A report with TODO markers left says on its pages, at the top, that it is not finished; a finished one does not."""

from __future__ import annotations

from pathlib import Path

from tests.render.tree import write_tree
from tests.site_pages import site_of

NOTICE = "Rapporten är inte färdig"
COUNCIL = "rapporter/provnamnden/2021-t1.yml"  # split into pages: front page, goals, economy, print view
COUNCIL_PAGES = "2021/t1/provnamnden/"


def _with_todo(root: Path, report: str) -> None:
    path = root / report
    text = path.read_text(encoding="utf-8")
    assert "sammanfattande_analys: |\n" in text
    path.write_text(
        text.replace("sammanfattande_analys: |\n", "sammanfattande_analys: |\n  TODO: skriv klart.\n\n", 1),
        encoding="utf-8",
    )


def test_every_page_of_the_report_with_a_todo_marker_says_it_is_not_finished_and_no_other(tmp_path):
    root = write_tree(tmp_path / "content")
    _with_todo(root, COUNCIL)
    site = site_of(root)
    draft = {path: text for path, text in site.pages.items() if path.startswith(COUNCIL_PAGES)}
    assert len(draft) > 3 and all(NOTICE in text for text in draft.values()), sorted(draft)
    assert all('class="vb-utkast" role="note"' in site.html[path].html for path in draft)
    others = [text for path, text in site.pages.items() if not path.startswith(COUNCIL_PAGES)]
    assert others and not any(NOTICE in text for text in others)


def test_a_finished_report_says_nothing_of_the_kind(tmp_path):
    site = site_of(write_tree(tmp_path / "content"))
    assert not any(NOTICE in text for text in site.pages.values())


def test_a_goal_page_marks_the_enhetsmal_of_a_unit_whose_report_is_a_draft(tmp_path):
    """The roll-up shows each unit's enhetsmål and analyses: a reader must see which come from an unfinished report."""
    root = write_tree(tmp_path / "content")
    before = site_of(root)
    _with_todo(root, "rapporter/hemtjansten/2021-vb.yml")
    after = site_of(root)
    unit_notice = "Enhetens rapport är inte färdig"
    marked = [path for path, text in after.pages.items() if path.startswith("mal/") and unit_notice in text]
    listing = [path for path, text in before.pages.items() if path.startswith("mal/2021/vb/") and "Hemtjänsten" in text]
    assert marked and set(marked) <= set(listing), (marked, listing)
    assert not any(unit_notice in text for text in before.pages.values())

"""While serving, the stages before the engine keep their results by content: after any sequence of edits the
pages are exactly those a fresh build makes, and an edited report's text makes only that report's pages again."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build.incremental import Kept, prepare_kept
from generator.build.publish import PublishError
from generator.build.site import prepare
from generator.render import page_memo
from generator.render.site import Site, nav_config
from tests.render.tree import COUNCIL_T1_PATH, UNIT_VB, UNIT_VB_PATH, write_tree

OTHER_UNIT = "rapporter/boendet/2021-vb.yml"
OTHER_UNIT_TEXT = UNIT_VB.replace("organisation: hemtjansten", "organisation: boendet").replace(
    "enhet: Hemtjänsten", "enhet: Boendet"
)

# (file, text found once, its replacement): each edit is applied or taken back
EDITS = [
    (UNIT_VB_PATH, "utfall: 92.5", "utfall: 93.5"),  # a figure the roll-up sums
    (UNIT_VB_PATH, "status: Uppfylls delvis\n", "status: Uppfylls ej\n"),  # a status
    (UNIT_VB_PATH, "Hemtjänsten ger stöd i hemmet.", "Hemtjänsten ger stöd i hemmet, varje dag."),  # a text
    (COUNCIL_T1_PATH, "Verksamheten följer i huvudsak plan.", "Verksamheten följer plan."),  # the council's text
    ("organisation.yml", "namn: Boendet", "namn: Boendet Solgården"),  # every page's menu
    ("katalog/2021.yml", "titel: Budgeten är i balans", "titel: Budgeten är i balans i år"),
    (OTHER_UNIT, None, OTHER_UNIT_TEXT),  # a report added or removed
    (OTHER_UNIT, "Enheten har nått de flesta", "Enheten har nått nästan alla"),  # the added report's text
]


def _toggle(root: Path, number: int) -> None:
    """Apply edit `number`, or take it back if it is applied (an edit of a missing file does nothing)."""
    relative, old, new = EDITS[number]
    if old is not None and not (root / relative).exists():
        return
    toggle(root / relative, old, new)


def toggle(path: Path, old: str | None, new: str) -> None:
    """Replace `old` by `new` in the file, or `new` by `old` if it is there; with no `old`, add or remove the file."""
    if old is None:
        if path.exists():
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(new, old) if new in text else text.replace(old, new), encoding="utf-8")


def _fresh(root: Path) -> Site:
    """The pages as a build in a new process makes them: nothing kept."""
    kept_html = page_memo._kept
    page_memo.remember(False)
    try:
        return prepare(root, 1, io.StringIO())
    finally:
        page_memo._kept = kept_html


def _as_bytes(site: Site) -> dict[str, object]:
    """Everything the engine is given, as comparable values."""
    return {
        "pages": site.pages,
        "html": {
            path: (made.html, repr(made.toc), made.title, sorted(made.ids), sorted(made.targets))
            for path, made in site.html.items()
        },
        "nav": nav_config(site.nav),
        "redirects": site.redirects,
        "documents": repr(site.documents),
        "council": site.council,
        "files": {
            path: content if isinstance(content, bytes) else content.encode() for path, content in site.files.items()
        },
    }


@pytest.fixture
def serving():
    """Pages' HTML kept as while serving, forgotten afterwards."""
    page_memo.remember(True)
    yield
    page_memo.remember(False)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.integers(0, len(EDITS) - 1), min_size=1, max_size=6))
def test_kept_pages_after_random_edits_are_the_pages_of_a_fresh_build(tmp_path_factory, serving, edits):
    root = write_tree(tmp_path_factory.mktemp("serve") / "content")
    kept = Kept()
    prepare_kept(root, kept, io.StringIO())
    for number in edits:
        _toggle(root, number)
        incremental = _as_bytes(prepare_kept(root, kept, io.StringIO()))
        full = _as_bytes(_fresh(root))
        assert incremental.keys() == full.keys()
        for part, value in full.items():
            assert incremental[part] == value, (part, EDITS[number])


def test_an_edited_text_makes_only_its_report_again(tmp_path, serving):
    root = write_tree(tmp_path / "content")
    _toggle(root, 6)  # a second unit's report in the same period
    kept = Kept()
    prepare_kept(root, kept, io.StringIO())
    everything = ["aggregate-hash", "check", "downloads", "home_pages", "load", "report", "rollup", "rollup_pages"]
    assert sorted(set(kept.made)) == sorted([*everything, "unit", "units"])
    prepare_kept(root, kept, io.StringIO())
    assert kept.made == []  # nothing changed, nothing made
    _toggle(
        root, 2
    )  # a sentence in one unit's report: its pages, checks and period's aggregate (which has not changed)
    prepare_kept(root, kept, io.StringIO())
    assert sorted(kept.made) == ["aggregate-hash", "check", "load", "report", "rollup"]
    _toggle(root, 0)  # a figure: the roll-up pages, the start page's glance and the period's open data follow
    prepare_kept(root, kept, io.StringIO())
    assert sorted(kept.made) == everything
    _toggle(root, 4)  # organisation.yml: every report's checks and pages (the files are read as before)
    prepare_kept(root, kept, io.StringIO())
    assert kept.made.count("report") == 3 and kept.made.count("check") == 4 and kept.made.count("load") == 1


def test_an_error_stops_the_kept_build_and_the_next_save_recovers(tmp_path, serving):
    root = write_tree(tmp_path / "content")
    kept = Kept()
    before = _as_bytes(prepare_kept(root, kept, io.StringIO()))
    report = root / UNIT_VB_PATH
    good = report.read_text(encoding="utf-8")
    report.write_text(good.replace("utfall: 92.5", "utfall: [nittio]"), encoding="utf-8")
    shown = io.StringIO()
    with pytest.raises(PublishError):
        prepare_kept(root, kept, shown)
    assert UNIT_VB_PATH.split("/")[-1] in shown.getvalue()
    report.write_text(good, encoding="utf-8")
    assert _as_bytes(prepare_kept(root, kept, io.StringIO())) == before

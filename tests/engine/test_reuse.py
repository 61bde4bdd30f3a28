"""While serving, a rebuild after edits writes exactly the pages a full build of the edited content writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.engine.plugin import SitePlugin
from generator.render import page_memo
from tests.engine.test_incremental import OTHER_UNIT, OTHER_UNIT_TEXT, toggle
from tests.render.tree import COUNCIL_T1_PATH, UNIT_VB_PATH, write_tree
from tests.test_build import _config

# (file, text found once, its replacement): one report's text, another report, a unit's name (every page's menu),
# a report added or removed (its pages leave the served folder)
EDITS = [
    (OTHER_UNIT, None, OTHER_UNIT_TEXT),
    (UNIT_VB_PATH, "Hemtjänsten ger stöd i hemmet.", "Hemtjänsten ger stöd i hemmet, varje dag."),
    (UNIT_VB_PATH, "Enheten har nått de flesta av sina mål.", "Enheten har nått alla sina mål.\n\n  ### Nytt"),
    (COUNCIL_T1_PATH, "organisation: provnamnden", "organisation: provnamnden\n# en kommentar"),
    ("organisation.yml", "namn: Boendet", "namn: Boendet Solgården"),
    ("katalog/2021.yml", "titel: Budgeten är i balans", "titel: Budgeten är i balans i år"),
]


SERVE_STATE = (
    "reuse",
    "kept",
    "stylesheet",
    "bytecode",
    "search",
    "served",
)  # what a serving plugin keeps between builds


def _pages(site: Path) -> dict[str, bytes]:
    """Every file of a built site but its search index (Pagefind is left out here)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and "pagefind" not in p.relative_to(site).parts
    }


def _toggle(root: Path, number: int) -> None:
    """Apply edit `number`, or take it back if it is applied."""
    relative, old, new = EDITS[number]
    toggle(root / "content" / relative, old, new)


def _full_build(config: Path, site: Path, plugin: SitePlugin) -> dict[str, bytes]:
    """A build as `mkdocs build` makes it in a fresh process: nothing kept from the builds before."""
    state = {name: getattr(plugin, name, None) for name in SERVE_STATE}
    kept_html = page_memo._kept
    plugin.search = None  # (not running here: the index is left out)
    plugin.on_shutdown()
    try:
        build(load_config(config_file=str(config), site_dir=str(site)))
    finally:
        plugin.on_startup(command="serve", dirty=False)
        for name, value in state.items():
            setattr(plugin, name, value)
        if plugin.served is not None:
            plugin.served.install()  # (the serving build writes into its folder again)
        page_memo._kept = kept_html
    return _pages(site)


@pytest.mark.slow
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.integers(0, len(EDITS) - 1), min_size=2, max_size=3))
def test_rebuilds_while_serving_write_the_pages_a_full_build_writes(tmp_path_factory, monkeypatch, edits):
    _serve_and_compare(tmp_path_factory.mktemp("serve"), monkeypatch, edits)


@pytest.mark.slow
def test_a_report_added_and_removed_while_serving_leaves_no_file_or_folder_behind(tmp_path, monkeypatch):
    served = _serve_and_compare(tmp_path, monkeypatch, [0, 0])
    assert [p for p in served.rglob("*") if p.is_dir() and not any(p.iterdir())] == []


def _serve_and_compare(root: Path, monkeypatch: pytest.MonkeyPatch, edits: list[int]) -> Path:
    """Serve the tree, apply the edits one by one and compare each rebuild with a full build; the served folder."""
    monkeypatch.setattr("generator.engine.plugin.build_search_index", lambda _site: None)
    monkeypatch.setattr("generator.engine.serve_kept.BackgroundSearch.start", lambda _self, _site: None)
    write_tree(root / "content")
    config = _config(root)
    first = load_config(config_file=str(config), site_dir=str(root / "site-0"))
    plugin = first.plugins["vb"]
    assert isinstance(plugin, SitePlugin)
    first.plugins.on_startup(command="serve", dirty=False)
    try:
        build(first)
        assert plugin.reuse is not None and plugin.reuse.kept  # the pages are kept for the next build
        assert page_memo._kept  # and their HTML from the core
        assert plugin.kept is not None and plugin.kept.found  # and the stages' results
        served = root / "site-0"  # `mkdocs serve` builds into one folder again and again
        for step, number in enumerate(edits, start=1):
            _toggle(root, number)
            build(load_config(config_file=str(config), site_dir=str(served)))  # as `mkdocs serve` rebuilds
            reused = set(plugin.reuse.reused)
            assert plugin.served is not None and plugin.served.saved_writes  # files of the last build stay
            full = _full_build(config, root / f"full-{step}", plugin)
            incremental = _pages(served)
            assert sorted(incremental) == sorted(full)
            assert [path for path in full if incremental[path] != full[path]] == []
            assert reused or number in (0, 4, 5)  # a report's text leaves most pages as they were
    finally:
        first.plugins.on_shutdown()
    return served

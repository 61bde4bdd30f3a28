"""`mkdocs serve` converts again only the pages whose Markdown changed since its last build."""

from __future__ import annotations

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.render.tree import UNIT_VB_PATH, write_tree
from tests.test_build import _config

pytestmark = pytest.mark.slow  # builds whole sites

UNIT_PAGE = "2021/vb/hemtjansten/index.md"


@pytest.fixture
def serving(tmp_path):
    """A config whose vb plugin acts as under `mkdocs serve` (MkDocs keeps that plugin across builds)."""
    write_tree(tmp_path / "content")
    config = load_config(config_file=str(_config(tmp_path)), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["vb"]
    plugin.on_startup(command="serve", dirty=False)
    yield config, plugin
    plugin.on_shutdown()


def test_a_second_build_reuses_the_html_of_unchanged_pages_only(tmp_path, serving):
    config, plugin = serving
    build(config)
    first = dict(plugin.kept)
    assert UNIT_PAGE in first and "2021/t1/provnamnden/ekonomi.md" in first
    report = tmp_path / "content" / UNIT_VB_PATH
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "Vandringarna genomfördes varje månad.", "Vandringarna genomfördes varje vecka."
        ),
        encoding="utf-8",
    )
    build(config)
    assert plugin.kept[UNIT_PAGE] is not first[UNIT_PAGE]
    assert "varje vecka" in plugin.kept[UNIT_PAGE].content
    assert plugin.kept["2021/t1/provnamnden/ekonomi.md"] is first["2021/t1/provnamnden/ekonomi.md"]
    page = (tmp_path / "site" / "2021/vb/hemtjansten/index.html").read_text(encoding="utf-8")
    assert "varje vecka" in page and "varje månad" not in page


def test_a_new_page_in_the_site_means_every_page_is_converted_again(tmp_path, serving):
    config, plugin = serving
    build(config)
    first = dict(plugin.kept)
    (tmp_path / "docs" / "ny.md").write_text("# Ny sida\n", encoding="utf-8")  # links may now resolve otherwise
    build(config)
    assert all(plugin.kept[path] is not first[path] for path in first)

"""A period's open data is made in the build's processes beside the pages, and is the same as made in one."""

from __future__ import annotations

import os

import generator.render.site as render_site
from tests.render.tree import write_tree
from tests.site_pages import site_of


def test_the_open_data_is_made_in_a_forked_process_and_equals_one_process(tmp_path, monkeypatch):
    tree = write_tree(tmp_path / "content")
    alone = site_of(tree, processes=1)
    made_in = tmp_path / "processer"
    made_in.mkdir()
    real = render_site.period_files

    def noting(*args):
        (made_in / str(os.getpid())).touch()
        return real(*args)

    monkeypatch.setattr(render_site, "period_files", noting)
    together = site_of(tree, processes=2)
    assert together.files == alone.files and any(name.endswith(".xlsx") for name in together.files)
    assert together.pages == alone.pages
    assert list(made_in.iterdir()) and str(os.getpid()) not in {p.name for p in made_in.iterdir()}

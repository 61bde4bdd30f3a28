"""A one-off `vb build` keeps only what the engine needs, and the pages it makes are the pages a rebuild makes."""

from __future__ import annotations

from generator.build.site import prepare
from generator.content.load import load_content
from generator.render.packed import PackedPage, unpack
from generator.render.site import front_matter
from tests.render.tree import write_tree


def test_a_one_off_build_keeps_each_pages_html_and_only_the_front_matter_of_its_markdown(tmp_path):
    tree = write_tree(tmp_path / "content")
    kept, once = prepare(tree, 2), prepare(tree, 2, once=True)
    assert list(once.pages) == list(kept.pages) and list(once.html) == list(kept.html)
    assert [path for path in kept.html if unpack(once.html[path]) != kept.html[path]] == []
    made_here = {path for path, text in once.pages.items() if text == kept.pages[path]}  # the site's own pages
    cut = set(once.pages) - made_here
    assert cut and all(once.pages[path] == front_matter(kept.pages[path]) for path in cut)
    assert all(isinstance(once.html[path], PackedPage) for path in cut)  # their HTML held compressed
    with_settings = [path for path in cut if once.pages[path]]
    assert with_settings and all(once.pages[path].startswith("---\n") for path in with_settings)
    assert once.nav and [n.title for n in once.nav] == [n.title for n in kept.nav]


def test_front_matter_is_the_settings_block_alone():
    assert front_matter("---\nhide:\n  - navigation\n---\n# Rubrik\n\nText\n") == "---\nhide:\n  - navigation\n---\n"
    assert front_matter("# Rubrik\n\n---\n\nText\n") == ""
    assert front_matter("---\nbara: början\n") == ""


def test_forgotten_positions_leave_the_models_and_the_count_of_files(tmp_path):
    content = load_content(write_tree(tmp_path / "content"))
    models = [loaded.model for loaded in content.reports]
    files, lines = content.files, len(content.reports[0].source.values)
    content.forget_positions()
    assert lines and [loaded.model for loaded in content.reports] == models and content.files == files
    assert all(not loaded.source.values for loaded in content.reports)
    assert all(not source.values for source in content.sources().values())

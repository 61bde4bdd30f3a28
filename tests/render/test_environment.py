"""The core's templates: read once per build, and read again by the next build when one was edited meanwhile."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.content.load import load_content
from generator.render.environment import TEMPLATES
from generator.render.html import heading_anchors
from generator.render.site import build_pages, site_data
from generator.rollup.aggregate import Rollup
from tests.render.tree import write_tree


def _pages(content: Path, templates: Path) -> dict[str, str]:
    loaded = load_content(content)
    data = site_data(loaded, Rollup.of(loaded).every_period(), heading_anchors, templates)
    return build_pages(data).pages


def test_a_build_reads_each_template_once_however_many_pages_use_it(tmp_path, monkeypatch):
    write_tree(tmp_path / "content")
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    looked: list[str] = []  # a template's file looked at: read, or checked for a change
    real = os.path.getmtime

    def checking(path):
        if str(path).startswith(str(templates)):
            looked.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(os.path, "getmtime", checking)
    pages = _pages(tmp_path / "content", templates)
    assert len(pages) > 10 and looked  # many pages, from the templates read here
    assert len(looked) == len(set(looked)), len(looked)  # not once more for every page that uses one


def test_a_template_edited_between_two_builds_is_used_by_the_second(tmp_path):
    """While serving, an edited template makes a rebuild: it must show the edit, not the template read before."""
    write_tree(tmp_path / "content")
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    before = _pages(tmp_path / "content", templates)
    page = templates / "unit.md.j2"
    page.write_text(page.read_text(encoding="utf-8") + "\nEn rad som mallen fick nyss.\n", encoding="utf-8")
    after = _pages(tmp_path / "content", templates)
    changed = [path for path in after if after[path] != before.get(path)]
    assert changed and all("En rad som mallen fick nyss." in after[path] for path in changed)

"""What the engine leaves out of a build because the core already did it: no Markdown converter for a page whose
body comes from the core, and no template looked at again on disk while the pages are filled; the pages' names
for the theme's stylesheet are the same when read in several processes."""

from __future__ import annotations

import multiprocessing

import markdown
import pytest
from jinja2 import Environment

from generator.engine.theme_css import site_names
from generator.render.packed import PackedHtml
from tests.render.tree import write_tree
from tests.test_build import _config, _vb_build


@pytest.fixture
def converters(monkeypatch):
    """Counts the Python-Markdown converters made."""
    made = []
    real = markdown.Markdown.__init__

    def counting(self, *args, **kwargs):
        made.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "__init__", counting)
    return made


def test_a_build_makes_no_markdown_converter_and_reads_each_template_once(tmp_path, monkeypatch, converters):
    looked = []
    real = Environment.get_template

    def noting(self, *args, **kwargs):
        looked.append(self.auto_reload)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Environment, "get_template", noting)
    write_tree(tmp_path / "content")
    assert _vb_build(tmp_path, _config(tmp_path)) == 0
    assert len(converters) <= 1  # MkDocs checking its settings makes one; no page needs one
    assert looked and not any(looked[-10:])  # the theme's pages: templates are not checked on disk again
    site = tmp_path / "site"
    alone, together = site_names(site, [], processes=1), site_names(site, [], processes=3)
    assert together == alone and "md-header" in alone.classes and "vb-avsnitt" not in alone.classes


def test_each_pages_compressed_html_is_opened_once_where_the_theme_is_filled(tmp_path, monkeypatch):
    """The template prints the page's HTML and asks whether it holds a heading: one opening serves both."""
    opened = multiprocessing.get_context("fork").Value("i", 0)  # counted also in the forked processes
    real = PackedHtml.__str__

    def counting(self):
        with opened.get_lock():
            opened.value += 1
        return real(self)

    monkeypatch.setattr(PackedHtml, "__str__", counting)
    monkeypatch.setattr(PackedHtml, "__html__", counting)
    write_tree(tmp_path / "content")
    assert _vb_build(tmp_path, _config(tmp_path), "--utan-pdf", "--processes", "2") == 0
    made = len(list((tmp_path / "site").rglob("index.html")))
    assert 0 < opened.value <= made, (opened.value, made)  # (pages of MkDocs' own, like 404.html, open none)

"""The theme's compiled templates, kept in the user's cache folder: a later build compiles none of them, and a
cache folder that cannot be used, or a damaged file in it, changes nothing in the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment

from generator.engine.compiled import FOLDER
from tests.render.tree import write_tree
from tests.test_build import _config, _vb_build


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """The names of the templates compiled from their source."""
    made: list[str] = []
    real = Environment.compile

    def noting(self, source, name=None, filename=None, *args, **kwargs):
        made.append(str(name))
        return real(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", noting)
    return made


def _pages(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*.html")}


def _theme(names: list[str]) -> list[str]:
    """The theme's templates among `names` (the core's own are compiled per build: a few, quickly)."""
    return [name for name in names if name.endswith(".html")]


def test_a_later_build_compiles_none_of_the_themes_templates(tmp_path, monkeypatch, compiled):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    write_tree(tmp_path / "content")
    config = _config(tmp_path)
    assert _vb_build(tmp_path, config, "--utan-pdf") == 0
    first = _pages(tmp_path / "site")
    assert "main.html" in _theme(compiled) and list((tmp_path / "cache" / FOLDER).iterdir())
    compiled.clear()
    assert _vb_build(tmp_path, config, "--utan-pdf") == 0
    assert _theme(compiled) == [] and _pages(tmp_path / "site") == first


def test_a_cache_that_cannot_be_used_or_is_damaged_leaves_the_site_as_without_one(tmp_path, monkeypatch, compiled):
    write_tree(tmp_path / "content")
    config = _config(tmp_path)
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # the cache folder cannot be made under a file
    assert _vb_build(tmp_path, config, "--utan-pdf") == 0
    without = _pages(tmp_path / "site")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert _vb_build(tmp_path, config, "--utan-pdf") == 0
    for kept in (tmp_path / "cache" / FOLDER).iterdir():
        kept.write_bytes(kept.read_bytes()[:40] + b"\x00skadad" * 7)  # the right header, then garbage
    compiled.clear()
    assert _vb_build(tmp_path, config, "--utan-pdf") == 0
    assert "main.html" in _theme(compiled)  # compiled again from the source
    assert _pages(tmp_path / "site") == without

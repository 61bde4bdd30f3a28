"""Fixtures for rendering tests: the small tree of tests/render/tree.py and the real content."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.load import Content, load_content
from generator.render.site import Site
from tests.render.tree import write_tree
from tests.site_pages import site_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The small content tree, written to tmp_path/content."""
    return write_tree(tmp_path / "content")


@pytest.fixture
def small_site(tree: Path) -> Site:
    """Every page of the small tree."""
    return site_of(tree)


@pytest.fixture(scope="session")
def real_content() -> Content:
    return load_content(ROOT / "content")


@pytest.fixture(scope="session")
def real_site() -> Site:
    """Every page of the real content in content/."""
    return site_of(ROOT / "content")

"""A content tree's pages without the check and the engine, for tests of the page builders."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import Content, load_content
from generator.render.html import heading_anchors
from generator.render.site import PageBuilder, Site, SiteData, build_pages, site_data
from generator.rollup.aggregate import Rollup


def data_of(content: Content) -> SiteData:
    """What the page builders read, with every period rolled up and headings named as the site names them."""
    return site_data(content, Rollup.of(content).every_period(), heading_anchors)


def site_of(root: Path | Content, processes: int = 1, builders: list[PageBuilder] | None = None) -> Site:
    """Every page of the tree at `root` (or of loaded content), made as `vb build` makes them."""
    content = root if isinstance(root, Content) else load_content(Path(root))
    return build_pages(data_of(content), builders, processes)

"""Generated pages and the navigation tree they sit in (plain data, no MkDocs)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

# (level, title, id) of a page's table-of-contents headings, as the site's engine will name them.
HeadingAnchors = Callable[[str], list[tuple[int, str, str]]]


@dataclass(frozen=True)
class Page:
    """One generated Markdown page; `path` is relative to the site root ("2021/t1/namnden/index.md")."""

    path: str
    text: str


@dataclass(frozen=True)
class Redirect:
    """A former page address (`source`, a page path) that now leads to the page at `target`, titled `title`."""

    source: str
    target: str
    title: str


@dataclass
class NavNode:
    """An entry of the navigation: a page, a section, or a section whose own page is its index.md."""

    title: str
    page: Page | None = None
    children: list[NavNode] = field(default_factory=list)

    def pages(self) -> list[Page]:
        """This node's page and every page below it, in navigation order."""
        found = [self.page] if self.page else []
        for child in self.children:
            found += child.pages()
        return found


def relative(source: str, target: str) -> str:
    """A link from the page at `source` to the page at `target`, both relative to the site root."""
    if source == target:
        return posixpath.basename(target)
    return posixpath.relpath(target, posixpath.dirname(source) or ".")

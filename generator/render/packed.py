"""A page's HTML kept compressed in the build's main process, and opened where the theme's template is filled.

`vb build` makes each page's HTML in forked processes; the main process only
hands it on to MkDocs, which holds every page until the build ends, and the
template is filled in forked processes again. Kept as text, the district's
pages are most of the main process's memory (a page with one character beyond
Latin-1 takes two bytes per character); compressed they take a tenth.
`PackedHtml` is what MkDocs holds as the page's content: the theme's template
prints it (`__html__`) and asks whether it holds a heading (`in`); each use
opens it again, so the text lives only while it is used.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from generator.render.html import PageHtml

LEVEL = 1  # the fastest compression: HTML repeats itself enough


class PackedHtml:
    """A page's HTML, compressed; text again where it is printed or searched."""

    __slots__ = ("packed",)

    def __init__(self, packed: bytes) -> None:
        self.packed = packed

    def __str__(self) -> str:
        return zlib.decompress(self.packed).decode("utf-8", errors="surrogatepass")  # as `pack` encoded it

    __html__ = __str__

    def __contains__(self, part: str) -> bool:
        return part in str(self)

    def __len__(self) -> int:
        return len(str(self))

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)

    def __eq__(self, other: object) -> bool:
        return str(self) == (str(other) if isinstance(other, PackedHtml) else other)

    def __hash__(self) -> int:
        return hash(str(self))


@dataclass(frozen=True)
class PackedPage(PageHtml):
    """A page from the core with its HTML compressed (`html` is empty; `content` gives it to MkDocs)."""

    packed: bytes = b""

    def content(self) -> PackedHtml:
        return PackedHtml(self.packed)


def pack(page: PageHtml) -> PackedPage:
    """The page with its HTML compressed."""
    packed = zlib.compress(page.html.encode("utf-8", errors="surrogatepass"), LEVEL)
    return PackedPage("", page.toc, page.title, page.ids, page.targets, packed)


def unpack(page: PageHtml) -> PageHtml:
    """The page with its HTML as text (a page not packed as it is)."""
    if not isinstance(page, PackedPage):
        return page
    return PageHtml(str(page.content()), page.toc, page.title, page.ids, page.targets)

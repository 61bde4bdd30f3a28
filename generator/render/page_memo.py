"""While serving: each page's HTML from the last build in this process, made again only when its Markdown changed.

`render_page` is a function of a page's Markdown and path alone, so a page whose
Markdown is the same as in the last build gets the same HTML back. Off unless
`remember(True)` (`mkdocs serve`): a single build keeps nothing.
"""

from __future__ import annotations

import hashlib

from generator.render.html import PageHtml, render_page

_kept: dict[str, tuple[bytes, PageHtml]] | None = None  # path -> (hash of its Markdown, its HTML)


def remember(on: bool) -> None:
    """Keep pages' HTML from build to build (on), or forget it and keep nothing (off)."""
    global _kept
    _kept = {} if on else None


def page_html(text: str, path: str = "") -> PageHtml:
    """`render_page(text, path)`, reused from the last build when the page's Markdown is unchanged."""
    if _kept is None:
        return render_page(text, path)
    key = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).digest()
    found = _kept.get(path)
    if found is not None and found[0] == key:
        return found[1]
    made = render_page(text, path)
    _kept[path] = (key, made)
    return made

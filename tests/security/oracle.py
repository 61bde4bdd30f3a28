"""Judges of a Markdown text that do not use the checker: what does it put on a page?

A text is rendered the ways the site shows unit Markdown: as a block (after `render.text.narrative`)
and squeezed into a table cell (`render.text.cell`), by the site's page renderer. Raw HTML is found by
rendering a second time with raw HTML escaped: a text without raw HTML gives the same tags both ways.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from generator.render.html import render_page
from generator.render.text import cell, narrative
from tests.security.htmlscan import scan


def _commonmark(raw_html: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": raw_html}).enable("table")
    md.validateLink = lambda url: True  # show every link, so a script URL is seen
    return md


_COMMONMARK, _NO_RAW = _commonmark(True), _commonmark(False)


def forms(text: str) -> list[str]:
    """The Markdown the site makes of a unit's text: a section's block, and a one-row table.

    A text from content has "\\n" line breaks only (the reader turns carriage returns into them).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [str(narrative(text, 2)), f"| Text |\n| --- |\n| {cell(text)} |\n"]


def site_html(markdown: str, raw_html: bool = True) -> str:
    """HTML as the site renders `markdown` (or, plain, with raw HTML escaped instead of passed on)."""
    return render_page(markdown).html if raw_html else _NO_RAW.render(markdown)


def harms(text: str) -> list[str]:
    """Everything that could run or pass raw HTML when the site shows `text`; empty for a harmless text."""
    found: list[str] = []
    for form in forms(text):
        page = site_html(form)
        if scan(_COMMONMARK.render(form)).markup != scan(site_html(form, raw_html=False)).markup:
            found.append(f"raw HTML: {page[:200]!r}")
        found += _runnable(page)
    found += _runnable(_COMMONMARK.render(text))
    return found


def _runnable(page: str) -> list[str]:
    found = scan(page)
    return [f"script {s[:80]!r}" for s in found.scripts] + found.handlers + found.urls

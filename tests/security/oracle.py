"""Judges of a Markdown text that do not use the checker: what does it put on a page?

A text is rendered the ways the site shows unit Markdown: as a block (after `render.text.narrative`)
and squeezed into a table cell (`render.text.cell`), with Python-Markdown set up as MkDocs sets it
up for the site, and also with markdown-it. Raw HTML is found by rendering a second time with
Python-Markdown's raw-HTML steps removed: a text without raw HTML gives the same tags both ways.
"""

from __future__ import annotations

from markdown import Markdown
from markdown_it import MarkdownIt

from generator.render.text import cell, narrative
from tests.security.htmlscan import scan

# MkDocs' built-in extensions and the ones mkdocs.yml adds (tests/security/test_markdown_site.py compares).
SITE_EXTENSIONS = [
    "toc",
    "tables",
    "fenced_code",
    "generator.engine.markdown_toc",
    "generator.engine.markdown_plain",
    "generator.engine.table_headers",
    "generator.engine.glossary_marks",
]


def _markdown(raw_html: bool) -> Markdown:
    md = Markdown(extensions=SITE_EXTENSIONS, extension_configs={"toc": {"permalink": True}})
    if not raw_html:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
    return md


_SITE, _NO_RAW = _markdown(True), _markdown(False)
_COMMONMARK = MarkdownIt("commonmark", {"html": True})
_COMMONMARK.validateLink = lambda url: True  # show every link, so a script URL is seen


def forms(text: str) -> list[str]:
    """The Markdown the site makes of a unit's text: a section's block, and a one-row table.

    A text from content has "\\n" line breaks only (the reader turns carriage returns into them).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [str(narrative(text, 2)), f"| Text |\n| --- |\n| {cell(text)} |\n"]


def site_html(markdown: str, raw_html: bool = True) -> str:
    """HTML as the site renders `markdown` (or with raw HTML escaped instead of passed on)."""
    md = _SITE if raw_html else _NO_RAW
    md.reset()
    return md.convert(markdown)


def harms(text: str) -> list[str]:
    """Everything that could run or pass raw HTML when the site shows `text`; empty for a harmless text."""
    found: list[str] = []
    for form in forms(text):
        page = site_html(form)
        if scan(page).markup != scan(site_html(form, raw_html=False)).markup:
            found.append(f"raw HTML: {page[:200]!r}")
        found += _runnable(page)
    found += _runnable(_COMMONMARK.render(text))
    return found


def _runnable(page: str) -> list[str]:
    found = scan(page)
    return [f"script {s[:80]!r}" for s in found.scripts] + found.handlers + found.urls

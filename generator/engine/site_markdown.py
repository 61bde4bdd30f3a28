"""A text as the site's Markdown renderer reads it: the raw HTML and the links it would publish.

The site is rendered by Python-Markdown as MkDocs sets it up (MkDocs' built-in toc, tables and
fenced_code plus mkdocs.yml's extensions), while `generator.check.narrative` reads texts with a
CommonMark parser. The two disagree in places: Python-Markdown takes a link definition from
inside a paragraph, reads a fence inside a list item as text, does not treat "\\<" as an escape
and keeps a tab inside a link. So a text is also read the site's way, as a block of its own and
squeezed into a table cell (as `render.text.cell` does), before it is accepted.
"""

from __future__ import annotations

import functools
import html
import importlib
import re
from html.parser import HTMLParser
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.preprocessors import HtmlBlockPreprocessor

# The site's Python-Markdown extensions: MkDocs' built-ins and mkdocs.yml's (a test keeps them equal).
EXTENSIONS = {
    "toc": "markdown.extensions.toc",
    "tables": "markdown.extensions.tables",
    "fenced_code": "markdown.extensions.fenced_code",
    "generator.engine.markdown_toc": "generator.engine.markdown_toc",
    "generator.engine.markdown_plain": "generator.engine.markdown_plain",
    "generator.engine.table_headers": "generator.engine.table_headers",
    "generator.engine.glossary_marks": "generator.engine.glossary_marks",
}
URL_ATTRIBUTES = ("href", "src")
_SPACES = re.compile(r"[ \t\r\n]+")


class _RawBlocks(HtmlBlockPreprocessor):
    """Python-Markdown's raw-HTML block step, noting every block it passes through as it is."""

    def __init__(self, md: markdown.Markdown, found: list[str]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash.rawHtmlBlocks
        before = len(stash)
        result = super().run(lines)
        self.found.extend(str(block) for block in stash[before:])
        return result


class _RawInline(HtmlInlineProcessor):
    """Python-Markdown's inline raw-HTML pattern, noting every tag it passes through as it is."""

    def __init__(self, md: markdown.Markdown, found: list[str]) -> None:
        super().__init__(HTML_RE, md)
        self.found = found

    def handleMatch(self, m: re.Match[str], data: str) -> Any:
        self.found.append(m.group(1))
        return super().handleMatch(m, data)


class _RecordRawHtml(Extension):
    """Replaces the raw-HTML steps by the same steps that also note what they keep."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_RawBlocks(md, self.found), "html_block", 20)
        md.inlinePatterns.register(_RawInline(md, self.found), "html", 90)


class _Urls(HTMLParser):
    """Every link and image address in rendered HTML, as a browser reads the attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls.extend(value for name, value in attrs if name in URL_ATTRIBUTES and value is not None)


@functools.lru_cache(maxsize=1)
def _renderer() -> tuple[markdown.Markdown, _RecordRawHtml]:
    """One renderer set up as the site's, reused (reset) for every text."""
    recorder = _RecordRawHtml()
    site = [importlib.import_module(module).makeExtension() for module in EXTENSIONS.values()]
    return markdown.Markdown(extensions=[*site, recorder]), recorder


def as_cell(text: str) -> str:
    """A one-row table with `text` squeezed into its cell, as the site shows some texts."""
    squeezed = _SPACES.sub(" ", text).strip().replace("|", "\\|")
    return f"| Text |\n| --- |\n| {squeezed} |\n"


def published(text: str) -> tuple[list[str], list[str]]:
    """(raw HTML, link and image addresses) the site would publish for `text`, as a block or in a cell.

    The cell's raw HTML counts only when the block has none: it is mostly the same HTML again.
    """
    if "<" not in text and "[" not in text:  # neither HTML nor a link or image can come from such a text
        return [], []
    raw, urls = _read(text)
    cell_raw, cell_urls = _read(as_cell(text))
    return raw or cell_raw, list(dict.fromkeys([*urls, *cell_urls]))


def _read(text: str) -> tuple[list[str], list[str]]:
    """Render one form; its raw HTML as noted, its addresses from the HTML and from every link definition."""
    md, recorder = _renderer()
    md.reset()
    recorder.found.clear()
    parser = _Urls()
    parser.feed(md.convert(text))
    parser.close()
    defined = [html.unescape(url) for url, _title in md.references.values()]  # also those never used
    return list(recorder.found), [*parser.urls, *defined]

"""Safe Markdown text: escaping of plain values, headings, and units' narratives nested in their section.

Plain values (titles, names, table cells) go through `md_escape`, the one
filter that makes Markdown-special characters literal and HTML-escapes the
rest. Narrative Markdown is the authors' own and is inserted as Markdown, with
its headings moved below the section it sits in.
"""

from __future__ import annotations

import functools
import re

from markupsafe import Markup

from generator.content.markdown_parser import as_cell, blocks
from generator.content.text import CONTAINER_PREFIX, MAYBE_UNDERLINE, MIN_HEADING_LEVEL

NO_TOC = "{.no-toc}"  # ends a heading that stays out of the page's table of contents (the engine honours it)

MAX_HEADING_LEVEL = 6
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+])")
_SPACES = re.compile(r"[ \t\r\n]+")  # not str.split(): no-break spaces in figures must stay
# HTML's specials, and "~" as an entity: GitHub reads "~x~" as struck text, Python-Markdown has no escape for it.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;"})
_SETEXT_PREFIX = re.compile(rf"^({CONTAINER_PREFIX})")  # the quote and list markers before a setext heading's text
_FENCE = re.compile(r"^\s*(```|~~~)")


def html_text(value: object) -> Markup:
    """HTML-escape a value for text content (& < >); quotes are harmless outside attributes."""
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(_HTML))


def md_escape(value: object) -> Markup:
    """A plain value as literal Markdown on one line: | # * _ [ ] ` { } \\ and a leading "-", "+" or "1." escaped."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    return Markup(_escaped(str(value)))


@functools.lru_cache(maxsize=65536)
def _escaped(value: str) -> str:
    """md_escape of a string, once per distinct string (names, statuses and headings recur on every page)."""
    text = _SPACES.sub(" ", value).strip()
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(_escape_line_start, text)
    return text.translate(_HTML)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
    return f"{match.group(4)}\\{match.group(5)}"


def heading(level: int, title: object, toc: bool = True, anchor: str = "") -> Markup:
    """An ATX heading; `toc=False` keeps it out of the page TOC; deeper than h6 it becomes a bold paragraph.

    `anchor` adds a fixed link target (an empty span with that id) that other pages can link to.
    """
    text = md_escape(title)
    if anchor:
        text = Markup('<span id="{}"></span>').format(anchor) + text
    if level > MAX_HEADING_LEVEL:
        return Markup(f"**{text}**")
    marker = "" if toc else f" {NO_TOC}"
    return Markup(f"{'#' * max(level, 1)} {text}{marker}")


def cell(value: object) -> Markup:
    """Narrative Markdown squeezed into one table cell: one line, pipes escaped."""
    if not value:
        return Markup("")
    return Markup(as_cell(str(value)))


def shift_amount(section_level: int) -> int:
    """How far an author's ### headings move so they nest below a heading of `section_level`."""
    return section_level + 1 - MIN_HEADING_LEVEL


def narrative(text: str | None, section_level: int) -> Markup:
    """A unit's Markdown with its headings nested below the section, out of the TOC, h7+ as bold paragraphs."""
    if not text or not text.strip():
        return Markup("")
    if "#" not in text and not MAYBE_UNDERLINE.search(text):  # no heading to move
        return Markup(text.strip("\n"))
    return nest_headings(text, section_level)


@functools.lru_cache(maxsize=4096)
def nest_headings(text: str, section_level: int) -> Markup:
    """`narrative` for a text that may have headings: every heading the site's parser finds is moved (once per
    text and level: the same analysis stands on its report's, its goal's and its indicator's pages)."""
    lines = text.strip("\n").split("\n")
    shift = shift_amount(section_level)
    tokens = blocks("\n".join(lines))
    for index in reversed(range(len(tokens))):
        token = tokens[index]
        if token.type == "heading_open" and token.map:
            content = tokens[index + 1].content
            level = max(int(token.tag[1]), MIN_HEADING_LEVEL) + shift
            _replace_heading(lines, token.map, token.markup.startswith("#"), level, content)
    return Markup("\n".join(lines))


def _replace_heading(lines: list[str], where: list[int], atx: bool, level: int, content: str) -> None:
    start, end = where
    first = lines[start]
    prefix = first[: first.index("#")] if atx else _SETEXT_PREFIX.match(first).group(1)  # type: ignore[union-attr]
    content = " ".join(content.split("\n"))  # a setext heading's lines make one heading
    if level <= MAX_HEADING_LEVEL:
        lines[start:end] = [f"{prefix}{'#' * level} {content} {NO_TOC}"]
        return
    bold = content if content.startswith("**") and content.endswith("**") else f"**{content}**"
    if prefix.strip(" >\t"):  # inside a list item the bold line stands alone as it is
        lines[start:end] = [f"{prefix}{bold}"]
        return
    blank = prefix.rstrip()  # a paragraph of its own, also inside a block quote
    before = [blank] if start > 0 and lines[start - 1].strip(" >\t") else []
    lines[start:end] = [*before, f"{prefix}{bold}", blank]


def tidy(text: str) -> str:
    """At most one blank line between blocks (outside fenced code) and one final newline."""
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and not line.strip():
            line = ""
            if not out or not out[-1]:
                continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"

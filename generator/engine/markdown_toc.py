"""A Python-Markdown extension that keeps headings marked `{.no-toc}` out of the page's table of contents.

A published report's Innehållsförteckning lists only its fixed sections and
goals, while a page also has headings for "Analys", nämndmål and the units'
own sub-headings. The renderer ends those headings with ` {.no-toc}`; this
extension removes the marker and drops them from `md.toc_tokens`, which is
what MkDocs shows as the page TOC. It needs no `attr_list`, so authors cannot
add attributes to the HTML through it.
"""

from __future__ import annotations

import html
from typing import Any
from xml.etree import ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.render.text import NO_TOC  # the marker the renderer writes

MARK_ATTRIBUTE = "data-vb-no-toc"
CSS_CLASS = "no-toc"  # kept on the heading, so print styles can tell the report's own sections apart
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _StripMarker(Treeprocessor):
    """Before the toc extension: remove the marker text and flag the heading."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in HEADINGS and _strip(element):
                element.set(MARK_ATTRIBUTE, "1")


def _strip(element: etree.Element) -> bool:
    """Remove a trailing ` {.no-toc}` from a heading's last text; True when it was there."""
    children = list(element)
    holder, attr = (children[-1], "tail") if children else (element, "text")
    text = getattr(holder, attr) or ""
    if not text.rstrip().endswith(NO_TOC):
        return False
    setattr(holder, attr, text.rstrip()[: -len(NO_TOC)].rstrip())
    return True


class _DropFromToc(Treeprocessor):
    """After the toc extension: drop flagged headings from md.toc_tokens and mark them with a class."""

    def run(self, root: etree.Element) -> None:
        hidden = set()
        for element in root.iter():
            if element.get(MARK_ATTRIBUTE):
                hidden.add(element.get("id"))
                del element.attrib[MARK_ATTRIBUTE]
                element.set("class", " ".join(filter(None, [element.get("class"), CSS_CLASS])))
        tokens = getattr(self.md, "toc_tokens", [])
        self.md.toc_tokens = drop_tokens(tokens, hidden)  # type: ignore[attr-defined]


def drop_tokens(tokens: list[dict[str, Any]], hidden: set[str | None]) -> list[dict[str, Any]]:
    """The token tree without hidden ids; a hidden token's children move up to its place."""
    kept: list[dict[str, Any]] = []
    for token in tokens:
        children = drop_tokens(token.get("children", []), hidden)
        if token.get("id") in hidden:
            kept.extend(children)
        else:
            kept.append({**token, "children": children})
    return kept


class NoTocExtension(Extension):
    """Register the two tree processors around the toc extension (priority 5)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Mark before the toc extension runs, drop after it."""
        md.treeprocessors.register(_StripMarker(md), "vb_no_toc_mark", 6)
        md.treeprocessors.register(_DropFromToc(md), "vb_no_toc_drop", 4)


def makeExtension(**kwargs: Any) -> NoTocExtension:
    """Lets mkdocs.yml name the extension as `generator.engine.markdown_toc`."""
    return NoTocExtension(**kwargs)


def toc_anchors(text: str, headings_only: bool = False) -> list[tuple[int, str, str]]:
    """(level, title, id) of every table-of-contents heading of a page, in order.

    Ids depend only on the sequence of headings, so `headings_only` converts just the
    heading lines: the same ids, many times faster on long pages.
    """
    md = markdown.Markdown(extensions=["toc", "tables", NoTocExtension()])
    body = strip_front_matter(text)
    md.convert("\n\n".join(heading_lines(body)) if headings_only else body)
    rows: list[tuple[int, str, str]] = []
    _flatten(getattr(md, "toc_tokens", []), rows)
    return rows


def heading_lines(text: str) -> list[str]:
    """The ATX heading lines of a Markdown text, outside fenced code, without blockquote markers."""
    found = []
    fenced = False
    for line in text.split("\n"):
        stripped = line.lstrip("> \t")
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and stripped.startswith("#"):
            found.append(stripped)
    return found


def strip_front_matter(text: str) -> str:
    """The page without its YAML front matter (MkDocs reads that block itself)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def _flatten(tokens: list[dict[str, Any]], rows: list[tuple[int, str, str]]) -> None:
    for token in tokens:
        rows.append((token["level"], html.unescape(token["name"]), token["id"]))
        _flatten(token.get("children", []), rows)


def heading_anchors(text: str) -> list[tuple[int, str, str]]:
    """(level, title, id) of a generated page's table-of-contents headings, named as the site will name them."""
    return toc_anchors(text, headings_only=True)

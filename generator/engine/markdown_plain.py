"""A Python-Markdown extension that lets plain text skip the inline patterns: same HTML, converted faster.

Python-Markdown tries each of its inline patterns (links, emphasis, code,
escapes …) on every text of a page, and a report page has hundreds of table
cells and paragraphs with none of the characters those patterns start with.
Before the inline step, this extension marks such texts as `AtomicString`,
which the inline step leaves as they are. It does so only while the page's
inline patterns are Python-Markdown's own (`KNOWN_PATTERNS`, made by
markdown.inlinepatterns): an extension that adds or replaces a pattern (e.g.
from pymdownx) turns the shortcut off, because its pattern may start with any
character.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Python-Markdown 3.x's inline patterns (markdown.inlinepatterns.build_inlinepatterns); every one of them needs
# one of the characters in NEEDS_INLINE, or "  \n" (a hard line break), to match.
KNOWN_PATTERNS = frozenset(
    {
        "backtick",
        "escape",
        "reference",
        "link",
        "image_link",
        "image_reference",
        "short_reference",
        "short_image_ref",
        "autolink",
        "automail",
        "linebreak",
        "html",
        "entity",
        "not_strong",
        "em_strong",
        "em_strong2",
    }
)
# ` code, \ escape, [ ] ! links and images, < > autolinks and HTML, & entities, * _ emphasis,
# \x02 \x03 Python-Markdown's placeholders.
NEEDS_INLINE = re.compile(r"[`\\\[\]!<>&*_\x02\x03]|  \n")
PRIORITY = 25  # after the block parser's tree is complete, before the inline step (20)


def is_plain(text: str) -> bool:
    """Whether no inline pattern of Python-Markdown can match anywhere in the text."""
    return NEEDS_INLINE.search(text) is None


def only_known_patterns(md: markdown.Markdown) -> bool:
    """Whether every inline pattern is one of Python-Markdown's own, under its own name."""
    patterns = md.inlinePatterns
    return len(patterns) == sum(name in patterns for name in KNOWN_PATTERNS) and all(
        type(pattern).__module__ == "markdown.inlinepatterns" for pattern in patterns
    )


class _MarkPlain(Treeprocessor):
    """Marks texts and tails without inline syntax as atomic, so the inline step passes them by."""

    def run(self, root: etree.Element) -> None:
        if not only_known_patterns(self.md):
            return
        for element in root.iter():
            text, tail = element.text, element.tail
            if text and type(text) is str and is_plain(text):
                element.text = AtomicString(text)
            if tail and type(tail) is str and is_plain(tail):
                element.tail = AtomicString(tail)


class PlainTextExtension(Extension):
    """Register the marking step just before the inline step."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Mark plain texts after the block parser, before inline patterns run."""
        md.treeprocessors.register(_MarkPlain(md), "vb_plain_text", PRIORITY)


def makeExtension(**kwargs: object) -> PlainTextExtension:
    """The extension, for `markdown_extensions: [generator.engine.markdown_plain]` in mkdocs.yml."""
    return PlainTextExtension(**kwargs)

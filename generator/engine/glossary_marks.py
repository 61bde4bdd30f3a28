"""Markdown extension: an abbreviation of the glossary (VB, T1, KF, BJ …) is marked where it first appears on a
page, as <abbr title="Verksamhetsberättelse">VB</abbr>, so that a reader can see or hear what it stands for."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from generator.render.glossary import ABBREVIATIONS

PRIORITY = 2  # after the inline step, before the row headers
SKIPPED = {"code", "pre", "abbr", "script", "style"}
TERM = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True))) + r")(?![\w-])"
)


class _MarkAbbreviations(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        mark_first(root, set())


def _abbr(term: str, tail: str) -> etree.Element:
    element = etree.Element("abbr", {"title": ABBREVIATIONS[term]})
    element.text = AtomicString(term)
    element.tail = AtomicString(tail) if tail else tail
    return element


def _split(text: str, seen: set[str]) -> tuple[str, str, str] | None:
    """The text before the first abbreviation not yet marked, the abbreviation and the rest."""
    for match in TERM.finditer(text):
        if match.group(1) not in seen:
            seen.add(match.group(1))
            return text[: match.start()], match.group(1), text[match.end() :]
    return None


def mark_first(element: etree.Element, seen: set[str]) -> None:
    """Mark the first occurrence of each abbreviation below `element`, in document order."""
    if element.tag in SKIPPED:
        return
    if element.text and (found := _split(element.text, seen)):
        before, term, rest = found
        element.text = AtomicString(before) if isinstance(element.text, AtomicString) else before
        element.insert(0, _abbr(term, rest))
    index = 0
    while index < len(element):
        child = element[index]
        if child.tag != "abbr" or child.get("title") is None or child.text not in ABBREVIATIONS:
            mark_first(child, seen)
        if child.tail and (found := _split(child.tail, seen)):
            before, term, rest = found
            child.tail = before
            element.insert(index + 1, _abbr(term, rest))
        index += 1


class GlossaryMarkExtension(Extension):
    """Register the marking after the inline step."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Mark abbreviations once the text is final."""
        md.treeprocessors.register(_MarkAbbreviations(md), "vb_glossary_marks", PRIORITY)


def makeExtension(**kwargs: object) -> GlossaryMarkExtension:
    """The extension, for `markdown_extensions: [generator.engine.glossary_marks]` in mkdocs.yml."""
    return GlossaryMarkExtension(**kwargs)

"""Markdown extension: every table's first column holds its rows' headers.

A Markdown table makes every body cell a `td`, so a screen reader cannot say
which row a figure belongs to ("Avskrivningar", "Summa netto"): the first cell
of each body row becomes `th scope="row"`, the header cells `th scope="col"`.
The site's stylesheet keeps these row headers in view while a wide table
scrolls sideways.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

PRIORITY = 1  # after the table and inline steps: the cells' content is final


class _RowHeaders(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            mark_headers(table)


def mark_headers(table: etree.Element) -> None:
    """Header cells get scope="col"; each body row's first cell becomes its row header."""
    for head in table.iter("thead"):
        for cell in head.iter("th"):
            cell.set("scope", "col")
    for body in table.iter("tbody"):
        for row in body.iter("tr"):
            first = next(iter(row), None)
            if first is not None and first.tag == "td":
                first.tag = "th"
                first.set("scope", "row")


class RowHeaderExtension(Extension):
    """Register the step after everything else has filled the table's cells."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Mark row and column headers once the tables are built."""
        md.treeprocessors.register(_RowHeaders(md), "vb_row_headers", PRIORITY)


def makeExtension(**kwargs: object) -> RowHeaderExtension:
    """The extension, for `markdown_extensions: [generator.engine.table_headers]` in mkdocs.yml."""
    return RowHeaderExtension(**kwargs)

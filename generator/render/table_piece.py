"""A table that stands alone between blank lines, read into its cells without the block parser.

The pages carry thousands of tables the generator makes from structured data (indicators, activities,
economy), each a block of lines that start with "|", with a blank line (or a heading, or the page's start)
before it and a blank line (or the page's end) after it. There the parser's table rule reads exactly the
lines of the block and nothing else can: no other block rule starts with "|", and a blank line ends the
table. `read_table` reads such a block as the rule does (the same checks, the same cells) and gives up,
so that the shared parser reads the page as before, wherever the rule could read it otherwise; the page
renderer then writes the table's HTML from its cells (generator.render.html), the cells' inline content
parsed by the shared parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.common.utils import mdTrim
from markdown_it.rules_block.table import MAX_AUTOCOMPLETED_CELLS, headerLineRe

_BARE_PIPE = re.compile(r"(?<!\\)\|")  # a pipe that ends a cell: not right after a backslash
_DELIMITER_CHARS = frozenset("|-: \t")


@dataclass(frozen=True)
class TableCells:
    """A table as the parser's table rule reads it: each column's alignment ("", "left", "center", "right"),
    the header's cells and the body's rows (each as many cells as the header), as inline Markdown."""

    aligns: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def split_cells(line: str) -> list[str]:
    """A row's cells as the table rule splits them: at each pipe not after a backslash, `\\|` kept as `|`."""
    return [part.replace("\\|", "|") for part in _BARE_PIPE.split(line)]


def read_table(lines: list[str]) -> TableCells | None:
    """The table the lines make at the top level of a page, between blank lines (or None where the parser's
    table rule would not read exactly these lines as one table)."""
    if len(lines) < 2 or not all(line.startswith("|") for line in lines):
        return None
    # A tab moves the columns; a carriage return or a NUL the parser rewrites before it reads the lines.
    if any("\t" in line or "\r" in line or "\0" in line for line in lines):
        return None
    aligns = _aligns(lines[1])
    header = _cells(mdTrim(lines[0]))
    if aligns is None or not header or len(header) != len(aligns):
        return None
    rows = []
    autocompleted = 0
    for line in lines[2:]:
        cells = _cells(mdTrim(line))
        autocompleted += len(aligns) - len(cells)
        if autocompleted > MAX_AUTOCOMPLETED_CELLS:
            return None
        rows.append(tuple(mdTrim(cells[i]) if i < len(cells) and cells[i] else "" for i in range(len(aligns))))
    return TableCells(tuple(aligns), tuple(mdTrim(cell) for cell in header), tuple(rows))


def _cells(line: str) -> list[str]:
    """A row's cells without the empty ones before its first and after its last pipe."""
    cells = split_cells(line)
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _aligns(line: str) -> list[str] | None:
    """The delimiter row's alignments, or None where it is not one (as the table rule checks it)."""
    if len(line) < 2 or not set(line) <= _DELIMITER_CHARS:
        return None
    aligns = []
    columns = line.split("|")
    for number, column in enumerate(columns):
        trimmed = mdTrim(column)
        if not trimmed:
            if number in (0, len(columns) - 1):
                continue
            return None
        if not headerLineRe.search(trimmed):
            return None
        if trimmed.endswith(":"):
            aligns.append("center" if trimmed.startswith(":") else "right")
        else:
            aligns.append("left" if trimmed.startswith(":") else "")
    return aligns

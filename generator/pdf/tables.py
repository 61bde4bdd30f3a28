"""Tables on paper: each gets the first size that holds it, from portrait at normal size to landscape in small type.

Every column is measured from its text in the PDF's typeface before layout
(`generator.pdf.fonts`): its narrowest width (its widest unbreakable word)
chooses the size, and its widths decide the columns, so that the engine lays
the table out at fixed column widths instead of measuring every cell itself.
Without the typeface's widths (or for a table with spanning cells) the width
is estimated and the engine sizes the table; it then measures the laid-out
pages and moves a table that still does not fit one size on (`Table.grow`).
At the last size a word longer than its column breaks where it must. A table
is never clipped: when even that does not hold it (too many columns for the
page), the PDF is not made.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from generator.pdf.fonts import advances

MM = 72 / 25.4
PORTRAIT = (210 - 32) * MM  # the text width of a portrait A4 page with 16 mm margins (templates/pdf/report.css)
LANDSCAPE = (297 - 32) * MM
SIZES = ("normal", "liten", "bred", "bred-liten")  # class suffixes in templates/pdf/report.css
FONT_PT = {"normal": 8.5, "liten": 7.0, "bred": 8.0, "bred-liten": 6.5}
WIDTH_PT = {"normal": PORTRAIT, "liten": PORTRAIT, "bred": LANDSCAPE, "bred-liten": LANDSCAPE}
CHAR_EM = {False: 0.56, True: 0.62}  # without the typeface: average advance of Liberation Sans (bold), in em
CELL_EM = 0.8 + 0.1  # padding either side and the border
BREAKS = re.compile(r"[ \t\r\n]+")  # where a line may break (never at the no-break spaces inside numbers)
MARGIN = {True: 0.99, False: 0.96}  # room left by measured widths, and by estimated ones
NUMBER = "data-vb-tabell"
FIXED = "vb-kolumner"  # the wrapper's class when the columns' widths are given (templates/pdf/report.css)
BOLD = ("th", "strong", "b")


@dataclass(frozen=True)
class Column:
    """A column's widths in em of its type: the narrowest it can be (its widest word) and its text on one line."""

    narrowest: float
    widest: float


@dataclass
class Table:
    """A table of the document, in its wrapper, at one of SIZES."""

    number: int
    wrapper: ET.Element
    heading: str  # the first header cell's text, to name the table in a message
    size: int
    columns: list[Column] = field(default_factory=list)
    measured: bool = False  # the columns were measured in the typeface, and the table has no spanning cells

    @property
    def fixed(self) -> bool:
        """Whether the columns' widths are given at the current size (the engine then need not measure the table)."""
        return self.measured and column_widths(self.columns, SIZES[self.size], True) is not None

    def grow(self) -> bool:
        """Move to the next larger page or smaller type; False when there is none."""
        if self.size + 1 >= len(SIZES):
            return False
        self.size += 1
        self.apply()
        return True

    def apply(self) -> None:
        """Set the wrapper's size class and, when measured, the columns' widths at that size."""
        table = self.wrapper[0]
        for old in [c for c in table if c.tag == "colgroup" and c.get("class") == FIXED]:
            table.remove(old)
        widths = column_widths(self.columns, SIZES[self.size], True) if self.measured else None
        classes = f"vb-tabell vb-tabell-{SIZES[self.size]}"
        self.wrapper.set("class", f"{classes} {FIXED}" if widths else classes)
        if widths:
            group = ET.Element("colgroup", {"class": FIXED})
            for width in widths:
                ET.SubElement(group, "col", {"style": f"width: {width:.3f}%"})
            table.insert(0, group)


def wrap_tables(container: ET.Element) -> list[Table]:
    """Put every table of the document in a wrapper whose class gives its size; the tables in document order."""
    found: list[Table] = []
    for parent in list(container.iter()):
        for child in list(parent):
            if child.tag != "table":
                continue
            number = len(found) + 1
            columns = measure(child)
            wrapper = ET.Element("div")
            index = list(parent).index(child)
            parent.remove(child)
            wrapper.tail, child.tail = child.tail, None
            wrapper.append(child)
            parent.insert(index, wrapper)
            child.set(NUMBER, str(number))
            measured = advances() is not None and _plain(child)
            table = Table(number, wrapper, _first_cell(child), first_size(columns, measured), columns, measured)
            table.apply()
            found.append(table)
    return found


def measure(table: ET.Element) -> list[Column]:
    """Each column's narrowest and widest width, from its cells' text (measured in the typeface, else estimated)."""
    found: list[list[float]] = []
    for row in table.iter("tr"):
        for number, cell in enumerate(c for c in row if c.tag in ("td", "th")):
            while len(found) <= number:
                found.append([0.0, 0.0])
            words, whole = _cell_widths(cell)
            found[number][0] = max(found[number][0], words + CELL_EM)
            found[number][1] = max(found[number][1], whole + CELL_EM)
    return [Column(narrowest, widest) for narrowest, widest in found]


def column_widths(columns: list[Column], size: str, measured: bool) -> list[float] | None:
    """The columns' widths in per cent of the page's text width at a size; None when the table does not fit.

    As a browser shares a page's width out: in proportion to each column's text on one line when all fit so,
    else every column gets its narrowest width and the rest goes where lines are longest.
    """
    room = WIDTH_PT[size] / FONT_PT[size]  # the text width in em of the table's type
    narrowest = sum(c.narrowest for c in columns)
    if not columns or narrowest > room * MARGIN[measured]:
        return None
    widest = sum(c.widest for c in columns)
    if widest <= room:
        return [100 * c.widest / widest for c in columns]
    spare = (room - narrowest) / (widest - narrowest)
    return [100 * (c.narrowest + spare * (c.widest - c.narrowest)) / room for c in columns]


def first_size(columns: list[Column], measured: bool) -> int:
    """The first size whose page holds the table (the last size if none does: the engine then decides)."""
    for number, size in enumerate(SIZES):
        if column_widths(columns, size, measured) is not None:
            return number
    return len(SIZES) - 1


def _cell_widths(cell: ET.Element) -> tuple[float, float]:
    """A cell's widest unbreakable word and its whole text on one line, in em."""
    metrics = advances()
    words: list[float] = [0.0]
    whole = 0.0
    for text, bold in _runs(cell, cell.tag in BOLD):
        for number, part in enumerate(BREAKS.split(text)):
            width = metrics.width(part, bold) if metrics is not None else len(part) * CHAR_EM[bold]
            if number:  # a break before this part: a new word, and a space on the line
                words.append(0.0)
                whole += metrics.width(" ", bold) if metrics is not None else CHAR_EM[bold]
            words[-1] += width
            whole += width
    return max(words), whole


def _runs(element: ET.Element, bold: bool) -> list[tuple[str, bool]]:
    """The element's text in document order, each piece with whether it is set in bold."""
    found = [(element.text or "", bold)]
    for child in element:
        found += _runs(child, bold or child.tag in BOLD)
        found.append((child.tail or "", bold))
    return found


def _plain(table: ET.Element) -> bool:
    """A table without spanning cells or columns of its own, whose widths can be given column by column."""
    spans = any(cell.get("colspan") not in (None, "1") for cell in table.iter() if cell.tag in ("td", "th"))
    return not spans and not any(child.tag in ("colgroup", "col") for child in table.iter())


def _first_cell(table: ET.Element) -> str:
    """The table's first header cell (or cell), to say which table a message is about."""
    for cell in table.iter():
        if cell.tag in ("th", "td"):
            text = " ".join("".join(cell.itertext()).split())
            if text:
                return text
    return ""

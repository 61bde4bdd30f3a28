"""Tables on paper: each gets the first size that holds it, from portrait at normal size to landscape in small type.

The size is chosen from the table's narrowest possible width (every column as
wide as its longest unbreakable word), estimated from its text; the engine
then measures the laid-out pages and moves a table that still does not fit
one size on (`Table.grow`). At the last size a word longer than its column
breaks where it must. A table is never clipped: when even that does not hold
it (too many columns for the page), the PDF is not made.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

MM = 72 / 25.4
PORTRAIT = (210 - 32) * MM  # the text width of a portrait A4 page with 16 mm margins (templates/pdf/report.css)
LANDSCAPE = (297 - 32) * MM
SIZES = ("normal", "liten", "bred", "bred-liten")  # class suffixes in templates/pdf/report.css
FONT_PT = {"normal": 8.5, "liten": 7.0, "bred": 8.0, "bred-liten": 6.5}
WIDTH_PT = {"normal": PORTRAIT, "liten": PORTRAIT, "bred": LANDSCAPE, "bred-liten": LANDSCAPE}
CHAR_EM = {"td": 0.56, "th": 0.62}  # average advance of Liberation Sans (bold in headers), in em
CELL_EM = 0.8 + 0.1  # padding either side and the border
BREAKS = re.compile(r"[ \t\r\n]+")  # where a line may break (never at the no-break spaces inside numbers)
MARGIN = 0.96  # estimates are rough: leave room
NUMBER = "data-vb-tabell"


@dataclass
class Table:
    """A table of the document, in its wrapper, at one of SIZES."""

    number: int
    wrapper: ET.Element
    heading: str  # the first header cell's text, to name the table in a message
    size: int

    def grow(self) -> bool:
        """Move to the next larger page or smaller type; False when there is none."""
        if self.size + 1 >= len(SIZES):
            return False
        self.size += 1
        self.wrapper.set("class", f"vb-tabell vb-tabell-{SIZES[self.size]}")
        return True


def wrap_tables(container: ET.Element) -> list[Table]:
    """Put every table of the document in a wrapper whose class gives its size; the tables in document order."""
    found: list[Table] = []
    for parent in list(container.iter()):
        for child in list(parent):
            if child.tag != "table":
                continue
            number = len(found) + 1
            size = first_size(column_words(child))
            wrapper = ET.Element("div", {"class": f"vb-tabell vb-tabell-{SIZES[size]}"})
            index = list(parent).index(child)
            parent.remove(child)
            wrapper.tail, child.tail = child.tail, None
            wrapper.append(child)
            parent.insert(index, wrapper)
            child.set(NUMBER, str(number))
            found.append(Table(number, wrapper, _first_cell(child), size))
    return found


def column_words(table: ET.Element) -> list[tuple[int, int]]:
    """Per column, the longest unbreakable word of its body cells and of its header cells, in characters."""
    widths: list[list[int]] = []
    for row in table.iter("tr"):
        for column, cell in enumerate(c for c in row if c.tag in ("td", "th")):
            while len(widths) <= column:
                widths.append([0, 0])
            longest = max((len(word) for word in BREAKS.split("".join(cell.itertext()))), default=0)
            slot = 1 if cell.tag == "th" else 0
            widths[column][slot] = max(widths[column][slot], longest)
    return [(body, header) for body, header in widths]


def min_width(columns: list[tuple[int, int]], size: str) -> float:
    """The narrowest the table can be set at a size, in points (estimated)."""
    font = FONT_PT[size]
    return font * sum(max(body * CHAR_EM["td"], header * CHAR_EM["th"]) + CELL_EM for body, header in columns)


def first_size(columns: list[tuple[int, int]]) -> int:
    """The first size whose page holds the table (the last size if none does: the engine then decides)."""
    for number, size in enumerate(SIZES):
        if min_width(columns, size) <= WIDTH_PT[size] * MARGIN:
            return number
    return len(SIZES) - 1


def _first_cell(table: ET.Element) -> str:
    """The table's first header cell (or cell), to say which table a message is about."""
    for cell in table.iter():
        if cell.tag in ("th", "td"):
            text = " ".join("".join(cell.itertext()).split())
            if text:
                return text
    return ""

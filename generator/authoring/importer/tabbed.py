"""Tables exported with a tab between cells: each figure's column is known, so nothing has to be guessed.

Some exports keep the PDF's table cells apart with tabs. A header row names the
columns (its words as in the report: "Periodens utfall", "Utfall män/ pojkar" …);
each later row is read cell by cell against it.
"""

from __future__ import annotations

import re

_HEADER_FIELDS = (  # (start of a header cell, lower-case, spaces removed) -> field; the first that fits
    ("periodensutfallvb", "utfall_foregaende"),
    ("periodensutfallt", "utfall_foregaende"),
    ("periodensutfall", "utfall"),
    ("utfallmän", "utfall_man"),
    ("utfallkvinn", "utfall_kvinnor"),
    ("prognos", "prognos"),
    ("kf:sårsmål", "kf_arsmal"),
    ("årsmål", "arsmal"),
    ("arsmål", "arsmal"),
    ("period", "period"),
    ("indikator", "namn"),
    ("aktivitet", "namn"),
    ("startdatum", "start"),
    ("slutdatum", "slut"),
    ("avvikelse", "avvikelse"),
)
_LABEL = re.compile(r"^\s*(?:<p>\s*)?<b>(?P<label>[^<>]{1,80})</b>(?:\s*</p>)?\s*")
_TAGS = re.compile(r"</?(?:p|b|i|em|strong|span|br)\s*/?>")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def is_tabbed(source: str) -> bool:
    """A line of a table whose cells the export kept apart with tabs."""
    return "\t" in source


def cells(source: str) -> list[str]:
    """The row's cells, each without markup and surrounding spaces."""
    return [" ".join(_TAGS.sub(" ", cell).split()) for cell in source.split("\t")]


def header(source: str) -> list[str] | None:
    """The fields of a header row's columns ("namn", "utfall", …), or None when the row is no header."""
    found = []
    for cell in cells(source):
        key = cell.lower().replace(" ", "")
        if not key:
            found.append("")
            continue
        field = next((name for start, name in _HEADER_FIELDS if key.startswith(start)), None)
        if field is None:
            return None
        found.append(field)
    return found if "namn" in found else None


def analysis_text(source: str) -> tuple[bool, str]:
    """A row that holds an analysis: whether it starts with "Analys", and its text without the unit's labels.

    The export writes a row's analysis as "<b>Analys</b> <b>Enhetens namn</b> text"; the name is a label
    of the report's layout, not part of the text.
    """
    text = source.replace("\t", " ").strip()
    text = re.sub(r"^(?:<p>\s*)?(?:<b>)?Analys(?:</b>)?(?:\s*</p>)?(?=\s|$)", "", text)
    starts = text != source.replace("\t", " ").strip()
    while True:
        label = _LABEL.match(text)
        if label is None:
            break
        text = text[label.end() :]
    return starts, " ".join(_TAGS.sub(" ", text).split())


def starts_with_label(source: str) -> bool:
    """A row that begins with a bold label: an analysis carried over a page break."""
    return _LABEL.match(source.replace("\t", " ")) is not None


def only_first(row: list[str]) -> bool:
    """A row whose only filled cell is the first: text, not a row of figures."""
    filled = [index for index, cell in enumerate(row) if cell]
    return filled == [0] or (len(filled) == 1 and filled[0] == 1 and not row[0])


def row_fields(row: list[str], columns: list[str]) -> dict[str, str]:
    """The row's cells by field; a row with one cell more than the header has a marker (♀, ✓) first."""
    if len(row) > len(columns) and row[0] in ("", "♀", "✓"):
        row = row[1:]
    elif len(row) == len(columns) and row[0] in ("", "♀") and len(row) > 2 and row[1] and row[-1]:
        # An empty marker cell first, one empty cell fewer among the figures: the cells are counted from the
        # row's end (the period, which every row has) back to the name.
        row = [row[1], *[""] * (len(columns) - len(row) + 1), *row[2:]]
    found = {}
    for field, cell in zip(columns, row):
        if field and cell:
            found[field] = cell
    return found

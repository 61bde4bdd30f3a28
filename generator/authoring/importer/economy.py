"""An economy section of an export as blocks in the format: its text, and each table with every figure.

The export keeps a table's cells apart with tabs. A table the format has a model for (the unit's
resultaträkning, the council's driftbudget, resultatenheter, investeringar and omslutningsförändringar)
is written in that model; any other table as a plain table (`tabell`). A table whose cells do not fit its
model is written as a plain table too: its figures are kept, never moved to a column they may not belong to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.authoring.importer import tabbed
from generator.authoring.importer.lines import Line

Cell = int | float | str | None
MAX_DIGITS = 15  # digits before the decimal comma of a figure a report can hold (a float keeps 15 exactly)
_NUMBER = re.compile(r"^(?P<sign>[-−–]?)\s*(?P<whole>[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:,(?P<decimals>[0-9]+))?$")


@dataclass
class Names:
    """The organisation's names the export refers to: verksamhetsområden and units (name -> id) in the tables,
    the reporting unit's own name above its analyses."""

    areas: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    own: str = ""  # the reporting unit's own name


def figure(cell: str) -> Cell:
    """A cell as a figure ("2 784,9" -> 2784.9, "-3 204" -> -3204), as text when it is not one, None when empty."""
    text = cell.strip()
    if not text:
        return None
    match = _NUMBER.match(text)
    if match is None:
        return text
    whole = match.group("whole").replace(" ", "")
    if len(whole) > MAX_DIGITS:  # no report's figure: kept as written, for vb check to name (VB305 or the type)
        return text
    value: int | float = float(f"{whole}.{match.group('decimals')}") if match.group("decimals") else int(whole)
    return -value if match.group("sign") else value


def is_header(row: list[str]) -> bool:
    """A header row: two cells or more with text, none of them a figure after the first."""
    filled = [cell for cell in row if cell]
    return len(filled) >= 2 and all(not isinstance(figure(cell), (int, float)) for cell in row[1:] if cell)


@dataclass
class Table:
    """One table as read: its header cells, its rows' cells and the line it starts on."""

    line: int
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


def blocks(lines: list[Line], names: Names, text_of: Callable[[list[Line]], str]) -> list[dict[str, Any]]:
    """The section's text and tables in the order they stand."""
    found: list[dict[str, Any]] = []
    text: list[Line] = []
    table: Table | None = None
    for line in [*lines, Line(0, "")]:
        if tabbed.is_tabbed(line.source) and line.text:
            row = tabbed.cells(line.source)
            if table is not None and row == table.header:
                continue  # the header again after a page break
            if table is None:
                table = Table(line.number, row)  # the text above it is closed with it: it may hold its labels
            elif is_header(row) and table.rows:
                _close(found, text, table, names, text_of)
                text, table = [], Table(line.number, row)
            else:
                table.rows.append(row)
            continue
        if table is not None and not line.text:
            continue  # a blank line inside a table
        if table is not None:
            _close(found, text, table, names, text_of)
            text, table = [], None
        text.append(line)
    _close(found, text, table, names, text_of)
    return found


def _close(found: list[dict[str, Any]], text: list[Line], table: Table | None, names: Names, text_of: Callable) -> None:
    typed = _typed(table, names) if table is not None else None
    if typed is not None and "_labels" in typed:
        text = _without_labels(text, typed.pop("_labels"), typed)
    written = text_of(text)
    if written:
        found.append({"text": written})
    if table is not None:
        found.append(typed or {"tabell": plain(table)})


def plain(table: Table) -> dict[str, Any]:
    """A table as a plain table: its header as columns, each row's name and cells."""
    header = table.header
    rows = table.rows
    if rows and all(len(row) == len(header) and isinstance(figure(row[0]), (int, float)) for row in rows):
        header = ["", *header]  # no column for the rows' names (a table of months)
        rows = [["", *row] for row in rows]
    width = len(header)
    return {
        "kolumner": header,
        "rader": [
            {"namn": row[0] if row else "", "varden": [figure(cell) for cell in (row[1:] + [""] * width)[: width - 1]]}
            for row in rows
        ],
    }


def _typed(table: Table, names: Names) -> dict[str, Any] | None:
    first = table.header[0].lower() if table.header else ""
    words = " ".join(table.header).lower()
    for test, make in (
        (not first and "budget" in words and ("avvikelse" in words or "awikelse" in words), _resultatrakning),
        (first.startswith("mnkr") and "efter resultat" in words, lambda t: _driftbudget(t, names)),
        (first.startswith("resultatenhetens namn"), lambda t: _resultatenheter(t, names)),
        (first.startswith("mnkr, netto") and "budgetjustering" in words, _investeringar),
        (first.startswith("omslutningsförändring"), _omslutning),
    ):
        if test:
            try:
                return make(table)
            except _DoesNotFit:
                return None
    return None


class _DoesNotFit(ValueError):
    """A cell the model cannot take as it stands: the table is kept as a plain table."""


def _numbers(row: list[str], count: int, optional: tuple[int, ...] = ()) -> list[int | float | None]:
    """The row's `count` figures after its name; an empty cell (None) is allowed only where the model may omit it."""
    cells = (row[1:] + [""] * count)[:count]
    values: list[int | float | None] = []
    for index, cell in enumerate(cells):
        value = figure(cell)
        if value is None and index in optional and len(row) - 1 <= count:
            values.append(None)
            continue
        if not isinstance(value, (int, float)) or len(row) - 1 > count:
            raise _DoesNotFit(cell)
        values.append(value)
    return values


def _resultatrakning(table: Table) -> dict[str, Any]:
    heading = next((cell for cell in table.header if cell), "Utfall")
    found: dict[str, Any] = {"utfall_rubrik": heading, "intakter": [], "kostnader": []}
    group = ""
    for row in table.rows:
        name = row[0].strip()
        key = name.lower()
        if not any(row[1:]):
            group = "intakter" if key.startswith("intäkter") else "kostnader" if key.startswith("kostnader") else ""
            if not group:
                raise _DoesNotFit(name)
            continue
        utfall, budget, avvikelse = _numbers(row, 3)
        amounts = {"utfall": utfall, "budget": budget, "avvikelse": avvikelse}
        total = {"summa intäkter": "summa_intakter", "summa kostnader": "summa_kostnader", "summa netto": "summa_netto"}
        if key in total:
            found[total[key]] = amounts
        elif group:
            found[group].append({"namn": name, **amounts})
        else:
            raise _DoesNotFit(name)
    return {"resultatrakning": found, "_labels": "resultatrakning"}


def _driftbudget(table: Table, names: Names) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    total = None
    for row in table.rows:
        name = row[0].strip()
        budget, requested, before, after, deviation = _numbers(row, 5, optional=(1,))
        entry: dict[str, Any] = {"namn": name}
        area = _closest(name, names.areas)
        if area and not name.lower().startswith("varav") and name.lower() != "totalt":
            entry["verksamhetsomrade"] = area
        entry["budget"] = budget
        if requested is not None:  # an empty cell is not given: never a 0 the report did not write
            entry["begarda_bj"] = requested
        entry |= {"prognos_fore": before, "prognos_efter": after}
        entry["avvikelse"] = deviation
        if name.lower() == "totalt":
            total = entry
        elif name.lower().startswith("varav") and rows:
            rows[-1].setdefault("varav", []).append(entry)
        else:
            rows.append(entry)
    if total is None:
        raise _DoesNotFit("Totalt")
    return {"driftbudget": {"belopp": "mnkr", "kolumner": table.header, "rader": rows, "totalt": total}}


def _resultatenheter(table: Table, names: Names) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    total = None
    keys = ("bruttobudget", "fem_procent", "overforing_fran_fg", "resultat")
    for row in table.rows:
        name = row[0].strip()
        if len(row) != 7:
            raise _DoesNotFit(name)
        figures = dict(zip(keys, _numbers(row[:5], 4)))
        after = figure(row[6])
        if not isinstance(after, (int, float)):
            raise _DoesNotFit(row[6])
        if name.lower().startswith("summa"):
            total = {**figures, "overforing_till_nasta": after}
            continue
        unit = _closest(name, names.units)
        if unit is None:
            raise _DoesNotFit(name)
        entry = {"enhet": unit, "namn": name, **figures}
        if row[5]:
            entry["egen_verksamhet"] = row[5]
        rows.append({**entry, "overforing_till_nasta": after})
    found: dict[str, Any] = {"kolumner": table.header, "rader": rows}
    if total is not None:
        found["summa"] = total
    return {"resultatenheter": found}


def _investeringar(table: Table) -> dict[str, Any]:
    fields = []
    for cell in table.header[1:]:
        key = cell.lower()
        name = (
            "budgetjustering"
            if key.startswith("budgetjustering")
            else "prognos"
            if key.startswith("prognos")
            else "avvikelse"
            if key.startswith("avvikelse")
            else "budget"
            if key.startswith("budget")
            else None
        )
        if name is None or name in fields:
            raise _DoesNotFit(cell)
        fields.append(name)
    rows = []
    total = None
    for row in table.rows:
        name = row[0].strip()
        optional = (fields.index("budgetjustering"),) if "budgetjustering" in fields else ()
        values = zip(fields, _numbers(row, len(fields), optional))
        entry: dict[str, Any] = {"namn": name, **{k: v for k, v in values if v is not None}}  # empty: not given
        if name.lower() == "totalt":
            total = entry
        else:
            rows.append(entry)
    return {"investeringar": {"kolumner": table.header, "rader": rows, **({"totalt": total} if total else {})}}


def _omslutning(table: Table) -> dict[str, Any]:
    if [cell.lower() for cell in table.header[1:]] != ["kostnader", "intäkter"]:
        raise _DoesNotFit(" ".join(table.header))
    groups: list[dict[str, Any]] = []
    total = None
    for row in table.rows:
        name = row[0].strip()
        if not any(row[1:]):
            groups.append({"rubrik": name, "rader": []})
            continue
        costs, income = _numbers(row, 2)
        entry = {"namn": name, "kostnader": costs, "intakter": income}
        if name.lower() == "summa":
            total = entry
        elif groups:
            groups[-1]["rader"].append(entry)
        else:
            raise _DoesNotFit(name)
    found: dict[str, Any] = {"kolumner": table.header, "grupper": groups}
    if total is not None:
        found["summa"] = total
    return {"omslutningsforandringar": found}


def _closest(name: str, choices: dict[str, str]) -> str | None:
    """The id of the organisation's name that is this one: close as written, close with its words in another
    order ("Grupp- och servicebostad Hägersten-Älvsjö"), or the one name the table's name begins with
    ("Glasade gångens dagliga verksamhet" for "Glasade Gången")."""
    from generator.authoring.importer.build import best_match

    found = best_match(name, {ref: label for label, ref in choices.items()})
    if found is not None:
        return found
    found = best_match(_sorted_words(name), {ref: _sorted_words(label) for label, ref in choices.items()})
    if found is not None:
        return found
    starts = [
        ref for label, ref in choices.items() if len(label.split()) > 1 and _plain(name).startswith(_plain(label))
    ]
    return starts[0] if len(starts) == 1 else None


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def _sorted_words(text: str) -> str:
    return " ".join(sorted(_plain(text).replace("-", " ").split()))


def _without_labels(text: list[Line], kind: str, typed: dict[str, Any]) -> list[Line]:
    """The lines above a resultaträkning that are its labels ("Enhet :", "Enhetschef:", "Beloppen anges i tkr")."""
    table = typed[kind]
    kept = []
    for line in text:
        label = re.match(r"^(Enhet|Enhetschef)\s*:\s*(.+)$", line.text)
        if label:
            table["enhet" if label.group(1) == "Enhet" else "enhetschef"] = label.group(2).strip()
        elif re.fullmatch(r"(Beloppen|anges i (tkr|mnkr)|Beloppen anges i (tkr|mnkr))", line.text):
            unit = re.search(r"(tkr|mnkr)", line.text)
            if unit:
                table["belopp"] = unit.group(1)
        else:
            kept.append(line)
    return kept

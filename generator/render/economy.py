"""Economy blocks to contexts: texts in place, every table with Swedish figures.

Blocks keep the order the report gives them. Sum rows are bold; "varav" rows
are indented and italic, since they are parts of the row above and not added
again; a plain table's `kursiv` rows (e.g. preliminary figures) are italic.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from generator.content.models import (
    Belopp,
    Block,
    Driftbudget,
    DriftbudgetRad,
    Investeringar,
    InvesteringRad,
    Omslutningsforandringar,
    Resultatenheter,
    Resultatrakning,
    ResultatrakningRad,
    Tabell,
)
from generator.render import format as fmt
from generator.render.context import Part, Table, TableRow
from generator.render.text import md_escape, narrative

NameOf = Callable[[str], str]
INDENT = Markup("&emsp;")
# What every economy table says above it: its unit and, where the figures have a sign, what the sign means.
FAVOURABLE_POSITIVE = "Avvikelsen är positiv när utfallet är bättre än budgeten och negativ när det är sämre."
DEFICIT_NEGATIVE = "En negativ avvikelse (−) är ett underskott mot budgeten, en positiv (+) ett överskott."
SURPLUS_NEGATIVE = "Överskott (−) Underskott (+)"
SURPLUS_POSITIVE = "Överskott (+) Underskott (−)"


def amounts_in(unit: str, sign: str = "") -> list[Markup]:
    """The line above a table: "Beloppen anges i tkr." and the meaning of its signs."""
    return [md_escape(" ".join(filter(None, [f"Beloppen anges i {unit}.", sign])))]


def block_part(block: Block, level: int, name_of: NameOf) -> Part:
    """One block: narrative Markdown nested below the section, or a table."""
    if block.text is not None:
        return narrative(block.text, level)
    if block.tabell is not None:
        return plain_table(block.tabell)
    if block.resultatrakning is not None:
        return income_statement(block.resultatrakning)
    if block.driftbudget is not None:
        return operating_budget(block.driftbudget)
    if block.resultatenheter is not None:
        return result_units(block.resultatenheter, name_of)
    if block.investeringar is not None:
        return investments(block.investeringar)
    if block.omslutningsforandringar is not None:
        return turnover_changes(block.omslutningsforandringar)
    return Markup("")


def value_cell(value: float | int | str | None) -> Markup:
    """A number the Swedish way, or a text cell escaped."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return md_escape(fmt.number(value))
    return md_escape(value or "")


def bold(value: Markup) -> Markup:
    """**value**, leaving empty cells empty."""
    return Markup(f"**{value}**") if value else value


def italic(value: Markup) -> Markup:
    """*value*, leaving empty cells empty."""
    return Markup(f"*{value}*") if value else value


def row(values: list[Markup], style: Callable[[Markup], Markup] | None = None) -> TableRow:
    """A table row, every cell styled alike."""
    return TableRow([style(v) if style else v for v in values])


def fit_header(columns: list[str], width: int, default: list[str]) -> list[str]:
    """The printed column headings when they fit the table, with or without the first (name) column."""
    if len(columns) == width:
        return list(columns)
    if len(columns) == width - 1:
        return [default[0], *columns]
    return list(default)


def _numbers(*values: float | int | None) -> list[Markup]:
    return [value_cell(v) for v in values]


def income_statement(table: Resultatrakning) -> Table:
    """A unit's resultaträkning: Intäkter, Kostnader, their sums and Summa netto."""
    rows: list[TableRow] = []
    for title, lines, total, total_title in (
        ("Intäkter", table.intakter, table.summa_intakter, "Summa intäkter"),
        ("Kostnader", table.kostnader, table.summa_kostnader, "Summa kostnader"),
    ):
        if lines or total:
            rows.append(row([italic(md_escape(title)), Markup(""), Markup(""), Markup("")]))
            rows += [row([md_escape(line.namn), *_amounts(line)]) for line in lines]
            rows += _sum_row(total_title, total)
    rows += _sum_row("Summa netto", table.summa_netto)
    caption = [
        md_escape(f"{label}: {value}")
        for label, value in (("Enhet", table.enhet), ("Enhetschef", table.enhetschef))
        if value
    ]
    caption += amounts_in(table.belopp, FAVOURABLE_POSITIVE)
    return Table(
        caption,
        [table.belopp.capitalize(), table.utfall_rubrik, "Budget", "Avvikelse"],
        [False, True, True, True],
        rows,
    )


def _amounts(line: Belopp | ResultatrakningRad) -> list[Markup]:
    return _numbers(line.utfall, line.budget, line.avvikelse)


def _sum_row(title: str, total: Belopp | None) -> list[TableRow]:
    if total is None:
        return []
    return [TableRow([italic(md_escape(title)), *[bold(v) for v in _amounts(total)]])]


DRIFT_DEFAULT = [
    "Mnkr",
    "Budget",
    "Begärda budgetjusteringar",
    "Prognos före resultatöverföringar",
    "Prognos efter resultatöverföringar",
    "Avvikelse",
]


def operating_budget(table: Driftbudget) -> Table:
    """The council's driftbudget: one row per verksamhetsområde, varav rows indented and italic, Totalt bold."""
    rows: list[TableRow] = []
    for line in table.rader:
        rows.append(row([md_escape(line.namn), *_drift_numbers(line)]))
        rows += [
            TableRow([INDENT + italic(md_escape(part.namn)), *[italic(v) for v in _drift_numbers(part)]])
            for part in line.varav
        ]
    rows.append(row([md_escape(table.totalt.namn), *_drift_numbers(table.totalt)], bold))
    default = [table.belopp.capitalize(), *DRIFT_DEFAULT[1:]]
    header = fit_header(table.kolumner, len(DRIFT_DEFAULT), default)
    return Table(amounts_in(table.belopp, DEFICIT_NEGATIVE), header, [False] + [True] * 5, rows)


def _drift_numbers(line: DriftbudgetRad) -> list[Markup]:
    return _numbers(line.budget, line.begarda_bj, line.prognos_fore, line.prognos_efter, line.avvikelse)


UNITS_DEFAULT = [
    "Resultatenhet",
    "Bruttobudget",
    "5 % av bruttobudgeten",
    f"Resultatöverföring från föregående år {SURPLUS_NEGATIVE}",
    f"Beräknat resultat {SURPLUS_NEGATIVE}",
    "Uppkommit genom egen verksamhet",
    f"Resultatöverföring till nästa år {SURPLUS_POSITIVE}",
]
RESULT_UNITS_IN = "tkr"  # as in the council's reports


def result_units(table: Resultatenheter, name_of: NameOf) -> Table:
    """The resultatenheter table (tkr) with its sum row in bold."""
    rows = [
        row(
            [
                md_escape(line.namn or name_of(line.enhet)),
                *_numbers(line.bruttobudget, line.fem_procent, line.overforing_fran_fg, line.resultat),
                md_escape(line.egen_verksamhet or ""),
                value_cell(line.overforing_till_nasta),
            ]
        )
        for line in table.rader
    ]
    if table.summa is not None:
        total = table.summa
        rows.append(
            row(
                [
                    md_escape(total.namn),
                    *_numbers(total.bruttobudget, total.fem_procent, total.overforing_fran_fg, total.resultat),
                    Markup(""),
                    value_cell(total.overforing_till_nasta),
                ],
                bold,
            )
        )
    header = fit_header(table.kolumner, len(UNITS_DEFAULT), UNITS_DEFAULT)
    return Table(amounts_in(RESULT_UNITS_IN), header, [False, True, True, True, True, False, True], rows)


INVEST_DEFAULT = ["Mnkr, netto", "Budget", "Prognos", "Budgetjusteringar", "Avvikelse"]


def investments(table: Investeringar) -> Table:
    """The investment table with its total in bold."""
    rows = [row([md_escape(line.namn), *_invest_numbers(line)]) for line in table.rader]
    if table.totalt is not None:
        rows.append(row([md_escape(table.totalt.namn), *_invest_numbers(table.totalt)], bold))
    header = fit_header(table.kolumner, len(INVEST_DEFAULT), INVEST_DEFAULT)
    return Table(amounts_in("mnkr, netto"), header, [False] + [True] * 4, rows)


def _invest_numbers(line: InvesteringRad) -> list[Markup]:
    return _numbers(line.budget, line.prognos, line.budgetjustering, line.avvikelse)


TURNOVER_DEFAULT = ["Mnkr", "Kostnader", "Intäkter"]


def turnover_changes(table: Omslutningsforandringar) -> Table:
    """Omslutningsförändringar grouped by verksamhetsområde (group names italic), the sum in bold."""
    rows: list[TableRow] = []
    for group in table.grupper:
        rows.append(row([italic(md_escape(group.rubrik)), Markup(""), Markup("")]))
        rows += [row([md_escape(line.namn), *_numbers(line.kostnader, line.intakter)]) for line in group.rader]
    if table.summa is not None:
        rows.append(row([md_escape(table.summa.namn), *_numbers(table.summa.kostnader, table.summa.intakter)], bold))
    header = fit_header(table.kolumner, len(TURNOVER_DEFAULT), TURNOVER_DEFAULT)
    return Table(amounts_in("mnkr"), header, [False, True, True], rows)


def plain_table(table: Tabell) -> Table:
    """A plain table of figures: heading above, `kursiv` rows italic, the footnote below."""
    width = max([len(line.varden) for line in table.rader] + [len(table.kolumner) - 1, 0]) + 1
    rows = []
    for line in table.rader:
        values = [md_escape(line.namn), *[value_cell(v) for v in line.varden]]
        values += [Markup("")] * (width - len(values))
        rows.append(row(values, italic if line.kursiv else None))
    header = list(table.kolumner) if len(table.kolumner) == width else ["", *table.kolumner]
    header += [""] * (width - len(header))
    header[0] = header[0] or table.rubrik or "Uppgift"  # the corner names the row headers below it
    caption = [bold(md_escape(table.rubrik))] if table.rubrik else []
    return Table(caption, header, [False] + [True] * (width - 1), rows, table.fotnot or "")

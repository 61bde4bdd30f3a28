"""Economy arithmetic: sums and deviations agree, rounding tolerated, resultatenhet rules shown.

A difference of at most one rounding unit per summed line is a warning
(the real reports are off by one); anything larger is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from generator.content.models import (
    Belopp,
    Block,
    Driftbudget,
    DriftbudgetRad,
    Investeringar,
    Omslutningsforandringar,
    Organisation,
    Rapport,
    Resultatenheter,
    Resultatrakning,
)
from generator.problems import Location, Problem, problem
from generator.rollup.economy import (
    FUND_LIMIT,
    ROUNDING,
    TRANSFER_LIMIT,
    five_percent,
    over_fund_limit,
    over_transfer_limit,
    transfer_to_next,
)


def compare(
    stated: float | None, computed: float, lines: int, unit: float, what: str, file: str, path: Location
) -> list[Problem]:
    """No problem when equal; a warning within one rounding unit per line; an error beyond that."""
    if stated is None:
        return []
    diff = round(stated - computed, 6)
    if abs(diff) < unit / 1000:
        return []
    code = "VB401" if abs(diff) <= unit * max(lines, 1) + 1e-9 else "VB402"
    return [problem(code, file, path, what=what, stated=_fmt(stated), computed=_fmt(computed), diff=_fmt(diff))]


def _fmt(value: float) -> str:
    value = round(value, 6)
    return str(int(value)) if float(value).is_integer() else str(value)


def check_economy(report: Rapport, file: str, organisation: Organisation | None) -> list[Problem]:
    """Every table block in every economy section of a report."""
    found = []
    for path, block in _blocks(report):
        kinds = block.kinds()
        if len(kinds) != 1:
            found.append(problem("VB108", file, path, count=len(kinds), kinds=", ".join(kinds) or "inget"))
            continue
        check = _CHECKS.get(kinds[0])
        if check is not None:
            found += check(getattr(block, kinds[0]), file, (*path, kinds[0]), organisation)
    return found


def _blocks(report: Rapport) -> Iterator[tuple[Location, Block]]:
    for section, index, block in report.ekonomi.blocks():
        yield ("ekonomi", section, index), block


class Amounts(Protocol):
    """A line with utfall, budget and avvikelse: a resultaträkning's row or its sums."""

    @property
    def utfall(self) -> float: ...
    @property
    def budget(self) -> float: ...
    @property
    def avvikelse(self) -> float | None: ...


# --- resultaträkning -------------------------------------------------------


def _income_statement(table: Resultatrakning, file: str, path: Location, _org: Organisation | None) -> list[Problem]:
    unit = ROUNDING[table.belopp]
    found = _row_deviations(table.intakter, income=True, unit=unit, file=file, path=(*path, "intakter"))
    found += _row_deviations(table.kostnader, income=False, unit=unit, file=file, path=(*path, "kostnader"))
    found += _total(table.intakter, table.summa_intakter, "Summa intäkter", unit, file, (*path, "summa_intakter"))
    found += _total(table.kostnader, table.summa_kostnader, "Summa kostnader", unit, file, (*path, "summa_kostnader"))
    if table.summa_netto and table.summa_intakter and table.summa_kostnader:
        net, cost, income = table.summa_netto, table.summa_kostnader, table.summa_intakter
        for column in ("utfall", "budget"):
            found += compare(
                getattr(net, column),
                getattr(cost, column) - getattr(income, column),
                2,
                unit,
                f"Summa netto, {column}",
                file,
                (*path, "summa_netto", column),
            )
        found += compare(
            net.avvikelse,
            net.budget - net.utfall,
            2,
            unit,
            "Summa netto, avvikelse",
            file,
            (*path, "summa_netto", "avvikelse"),
        )
    return found


def _row_deviations(rows: Sequence[Amounts], income: bool, unit: float, file: str, path: Location) -> list[Problem]:
    found = []
    for index, row in enumerate(rows):
        expected = row.utfall - row.budget if income else row.budget - row.utfall
        found += compare(
            row.avvikelse,
            expected,
            1,
            unit,
            f"{getattr(row, 'namn', 'Raden')}, avvikelse",
            file,
            (*path, index, "avvikelse"),
        )
    return found


def _total(
    rows: Sequence[Amounts], total: Belopp | None, what: str, unit: float, file: str, path: Location
) -> list[Problem]:
    if total is None:
        return []
    found = []
    for column in ("utfall", "budget", "avvikelse"):
        values = [getattr(row, column) for row in rows]
        if column == "avvikelse" and None in values:
            continue
        found += compare(
            getattr(total, column), sum(values), len(rows), unit, f"{what}, {column}", file, (*path, column)
        )
    return found


# --- driftbudget ------------------------------------------------------------

_BUDGET_COLUMNS = ("budget", "begarda_bj", "prognos_fore", "prognos_efter", "avvikelse")


def _operating_budget(table: Driftbudget, file: str, path: Location, _org: Organisation | None) -> list[Problem]:
    unit = ROUNDING[table.belopp]
    found = []
    for index, row in enumerate(table.rader):
        found += _budget_row(row, unit, file, (*path, "rader", index))
    found += _budget_row(table.totalt, unit, file, (*path, "totalt"))
    # varav rows are parts of the row above: table.rader holds the main rows only, never added again
    found += _column_sums(table.totalt, table.rader, _BUDGET_COLUMNS, unit, "Totalt", file, (*path, "totalt"))
    return found


def _budget_row(row: DriftbudgetRad, unit: float, file: str, path: Location) -> list[Problem]:
    found = []
    if row.begarda_bj is not None:  # not given: the deviation cannot be recomputed from the row
        found += compare(
            row.avvikelse,
            row.budget + row.begarda_bj - row.prognos_efter,
            3,
            unit,
            f"{row.namn}, avvikelse",
            file,
            (*path, "avvikelse"),
        )
    if row.varav:
        for column in ("budget", "prognos_efter"):
            parts = sum(getattr(part, column) for part in row.varav)
            if parts > getattr(row, column) + unit * len(row.varav):
                found.append(
                    problem(
                        "VB406",
                        file,
                        (*path, "varav"),
                        what=f"{row.namn}, {column}",
                        computed=_fmt(parts),
                        stated=_fmt(getattr(row, column)),
                    )
                )
        for index, part in enumerate(row.varav):
            found += _budget_row(part, unit, file, (*path, "varav", index))
    return found


# --- resultatenheter --------------------------------------------------------


def _result_units(table: Resultatenheter, file: str, path: Location, org: Organisation | None) -> list[Problem]:
    found = []
    units = {u.id: u for u in org.enheter} if org else {}
    for index, row in enumerate(table.rader):
        row_path = (*path, "rader", index)
        name = row.namn or (units[row.enhet].namn if row.enhet in units else row.enhet)
        if units and row.enhet not in units:
            found.append(problem("VB201", file, (*row_path, "enhet"), ref=row.enhet, suggestion=""))
        elif units and not units[row.enhet].resultatenhet:
            found.append(problem("VB405", file, (*row_path, "enhet"), unit=name))
        found += compare(
            row.fem_procent, five_percent(row.bruttobudget), 1, 1.0, f"{name}, 5 %", file, (*row_path, "fem_procent")
        )
        found += compare(
            row.overforing_till_nasta,
            transfer_to_next(row.overforing_fran_fg, row.resultat),
            2,
            1.0,
            f"{name}, överföring till nästa år",
            file,
            (*row_path, "overforing_till_nasta"),
        )
        found += _transfer_rules(row.bruttobudget, row.resultat, row.overforing_till_nasta, name, file, row_path)
    if table.summa is not None:
        columns = ("bruttobudget", "fem_procent", "overforing_fran_fg", "resultat", "overforing_till_nasta")
        found += _column_sums(table.summa, table.rader, columns, 1.0, "Summa", file, (*path, "summa"))
    return found


def _transfer_rules(gross: float, result: float, fund: float, name: str, file: str, path: Location) -> list[Problem]:
    """One year's surplus at most 5 % of gross budget, the accumulated fund at most 10 %."""
    found = []
    if over_transfer_limit(gross, result):
        found.append(
            problem(
                "VB403",
                file,
                (*path, "resultat"),
                unit=name,
                transfer=_fmt(-result),
                limit=_fmt(round(gross * TRANSFER_LIMIT)),
            )
        )
    if over_fund_limit(gross, fund):
        found.append(
            problem(
                "VB404",
                file,
                (*path, "overforing_till_nasta"),
                unit=name,
                fund=_fmt(fund),
                limit=_fmt(round(gross * FUND_LIMIT)),
            )
        )
    return found


# --- investeringar and omslutningsförändringar ---------------------------------


def _investments(table: Investeringar, file: str, path: Location, _org: Organisation | None) -> list[Problem]:
    """Column totals only: a row's deviation follows the council's own judgement, not a formula."""
    found: list[Problem] = []
    unit = ROUNDING["mnkr"]
    if table.totalt is not None:
        columns = ("budget", "prognos", "budgetjustering", "avvikelse")
        found += _column_sums(table.totalt, table.rader, columns, unit, "Totalt", file, (*path, "totalt"))
    return found


def _turnover(table: Omslutningsforandringar, file: str, path: Location, _org: Organisation | None) -> list[Problem]:
    if table.summa is None:
        return []
    rows = [row for group in table.grupper for row in group.rader]
    return _column_sums(table.summa, rows, ("kostnader", "intakter"), ROUNDING["mnkr"], "Summa", file, (*path, "summa"))


def _column_sums(
    total: object, rows: Sequence[object], columns: Sequence[str], unit: float, label: str, file: str, path: Location
) -> list[Problem]:
    """A table's total row against the sum of its rows, column by column, with rounding tolerated.

    A column where a row's figure is not given has no sum to compare: an empty cell is never taken for 0.
    """
    found = []
    for column in columns:
        values = [getattr(row, column) for row in rows]
        if None in values:
            continue
        computed = sum(values)
        found += compare(getattr(total, column), computed, len(rows), unit, f"{label}, {column}", file, (*path, column))
    return found


BlockCheck = Callable[[Any, str, Location, Organisation | None], list[Problem]]  # a block, its file, place and org

_CHECKS: dict[str, BlockCheck] = {
    "resultatrakning": _income_statement,
    "driftbudget": _operating_budget,
    "resultatenheter": _result_units,
    "investeringar": _investments,
    "omslutningsforandringar": _turnover,
}

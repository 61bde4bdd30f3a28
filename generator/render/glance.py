"""The start page's "I korthet": the newest period's goal fulfilment per KF mål and the council's full-year
forecast against its budget, as the "at a glance" page of an annual report, each linked to its full page.

A status is shown with its symbol, its text and a colour (never colour alone)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup, escape

from generator.content.outline import goal_title
from generator.render import format as fmt
from generator.render import paths
from generator.render.context import Table, TableRow
from generator.render.economy import DEFICIT_NEGATIVE, amounts_in
from generator.render.nav import relative
from generator.render.overview import HOME, PeriodKey
from generator.render.text import md_escape
from generator.rollup.aggregate import Aggregate, Goal

STATUS_CLASSES = {"Uppfylls helt": "helt", "Uppfylls delvis": "delvis", "Uppfylls ej": "ej"}
BUDGET_NAMES = {
    "budget": "Budget",
    "begarda_bj": "Begärda budgetjusteringar",
    "prognos_efter": "Prognos efter resultatöverföringar",
    "avvikelse": "Avvikelse",
}


@dataclass(frozen=True)
class Glance:
    """The "I korthet" section: the period it is about, the goals' table, and the budget table (or None)."""

    TEMPLATE: ClassVar[str] = "glance.md.j2"
    label: str
    goals_href: str
    goals: Table | None
    units_reported: int
    economy_href: str
    budget: Table | None


def status_cell(status: str | None) -> Markup:
    """A status as symbol, text and colour: <span class="vb-status vb-status--helt">● Uppfylls helt</span>."""
    text = fmt.status(status) or "– Ingen bedömning"
    kind = STATUS_CLASSES.get(status or "", "ingen")
    return Markup('<span class="vb-status vb-status--{}">{}</span>').format(kind, escape(text))


def counts_cell(goal: Goal) -> Markup:
    """The units' enhetsmål under the goal, by status."""
    tally = goal.antal
    parts = [(tally.helt, "Uppfylls helt"), (tally.delvis, "Uppfylls delvis"), (tally.ej, "Uppfylls ej")]
    return Markup(" ").join(
        Markup('<span class="vb-status vb-status--{}">{} {} {}</span>').format(
            STATUS_CLASSES[status], fmt.STATUS_SYMBOLS[status], count, status.split()[-1]
        )
        for count, status in parts
    )


def goals_table(key: PeriodKey, rolled: Aggregate, with_counts: bool) -> Table | None:
    """One row per KF mål: its title linked to its page, the council's assessment and the units' enhetsmål."""
    if not rolled.mal:
        return None
    rows = []
    for goal in rolled.mal:
        href = relative(HOME, paths.kf_goal_path(key.year, key.period, goal.nr))
        title = Markup(f"[{md_escape(goal_title(goal.nr, goal.titel))}]({href})")
        rows.append(TableRow([title, status_cell(goal.namndens_status), *([counts_cell(goal)] if with_counts else [])]))
    header = ["KF:s mål", "Nämndens bedömning", *(["Enheternas enhetsmål"] if with_counts else [])]
    return Table([], header, [False] * len(header), rows)


def budget_table(rolled: Aggregate) -> Table | None:
    """The council's driftbudget in total, as its report states it (mnkr)."""
    budget = rolled.ekonomi.driftbudget
    if budget is None:
        return None
    row = TableRow([md_escape("Nämnden totalt"), *[md_escape(fmt.number(budget.angivet[c])) for c in BUDGET_NAMES]])
    return Table(amounts_in("mnkr", DEFICIT_NEGATIVE), ["Mnkr", *BUDGET_NAMES.values()], [False] + [True] * 4, [row])


def glance(key: PeriodKey, rolled: Aggregate, units_reported: int) -> Glance:
    """The newest period at a glance."""
    return Glance(
        key.label,
        relative(HOME, paths.goals_path(key.year, key.period)),
        goals_table(key, rolled, units_reported > 0),
        units_reported,
        relative(HOME, paths.economy_path(key.year, key.period)),
        budget_table(rolled),
    )

"""Goal pages built from the aggregate: per period an overview, a page per KF mål and one per nämndmål.

A goal page shows the council's assessment and the units' enhetsmål counted
by status (text and symbol, never colour alone), the indicators per unit and
for the council, and on a nämndmål's page every unit's enhetsmål with its
analysis, each linked to its place in the unit's report (whose nämndmål
section links back here). Units' headings sit below the page's sections.
"""

from __future__ import annotations

from itertools import groupby

from jinja2 import Environment
from markupsafe import Markup

from generator.content.outline import goal_title
from generator.render import format as fmt
from generator.render import paths
from generator.render.context import Link, LinkList, Part, Section, Table, TableRow, TocEntry, UnitGoal
from generator.render.environment import render_context
from generator.render.indicator_pages import summary
from generator.render.nav import NavNode, Page, relative
from generator.render.rollup_context import PeriodData, RollupPage, UnitGoals
from generator.render.text import md_escape, narrative, tidy
from generator.rollup.aggregate import CouncilGoal, Goal, Tally
from generator.rollup.aggregate import UnitGoal as AggregateUnitGoal

INDENT = Markup("&emsp;")
TALLY_HEADER = [
    f"{fmt.STATUS_SYMBOLS[status]} {short}"
    for status, short in (("Uppfylls helt", "Helt"), ("Uppfylls delvis", "Delvis"), ("Uppfylls ej", "Ej"))
] + ["Utan enhetsmål"]
STATUS_TITLE = "Enheternas enhetsmål efter status"
NO_COUNCIL_REPORT = "Nämnden har inte lämnat någon rapport för perioden"
NOT_ASSESSED = "Ingen bedömning i nämndens rapport"
NO_UNIT_REPORTS = (
    "Ingen enhet har lämnat någon rapport för perioden ännu, så det finns inga enhetsmål att räkna eller visa."
)
SILENT_UNITS = "Enheter som följer upp målet med indikatorer eller aktiviteter men utan enhetsmål"


def link_cell(title: str, href: str) -> Markup:
    """A Markdown link whose text is escaped (the target is built from ids)."""
    return Markup(f"[{md_escape(title)}]({href})")


def bold(value: Markup) -> Markup:
    """**value**: a KF mål's row among its nämndmål."""
    return Markup(f"**{value}**")


def units_reported(period: PeriodData) -> int:
    """How many units (not the council) have a report for the period."""
    order = period.unit_order()
    return sum(1 for unit in period.reports if unit in order)


def status_part(period: PeriodData, tally: Tally) -> Part:
    """The counts by status, or, before any unit has reported, a sentence saying so instead of a table of zeros."""
    return tally_table(tally) if units_reported(period) else md_escape(NO_UNIT_REPORTS)


def tally_table(tally: Tally) -> Table:
    """How many enhetsmål have each status, and how many units followed the goal without one."""
    rows = [
        (fmt.status("Uppfylls helt"), tally.helt),
        (fmt.status("Uppfylls delvis"), tally.delvis),
        (fmt.status("Uppfylls ej"), tally.ej),
        ("Enheter som följt upp målet utan enhetsmål", tally.ej_rapporterat),
    ]
    return Table([], ["Status", "Antal"], [False, True], [TableRow([md_escape(a), md_escape(b)]) for a, b in rows])


def tally_cells(tally: Tally) -> list[Markup]:
    """The four counts of a tally, as in TALLY_HEADER."""
    return [md_escape(n) for n in (tally.helt, tally.delvis, tally.ej, tally.ej_rapporterat)]


def council_status(status: str | None, period: PeriodData) -> str:
    """The council's assessment as text and symbol, or why there is none."""
    if status:
        return fmt.status(status)
    return NOT_ASSESSED if period.council else NO_COUNCIL_REPORT


def _report_fact(period: PeriodData, page: str) -> list[tuple[str, Markup]]:
    """A link to the council's report of the period, if there is one."""
    council = period.council
    if council is None:
        return []
    return [
        (
            "Nämndens rapport",
            link_cell(
                fmt.report_name(council.report.period, council.report.ar), relative(page, f"{council.base}/index.md")
            ),
        )
    ]


def _common_facts(period: PeriodData, page: str, status: str | None) -> list[tuple[str, Markup]]:
    return [
        ("Period", md_escape(period.key.label)),
        ("Nämndens bedömning", md_escape(council_status(status, period))),
        *_report_fact(period, page),
    ]


def _render(env: Environment, page: RollupPage) -> str:
    return tidy(str(render_context(env, page)))


def _indicators(period: PeriodData, place: list[str], page: str) -> list[Part]:
    return [summary(item, period, page, 3) for item in period.aggregate.indikatorer if item.placering == place]


# --- the period's overview ---------------------------------------------------------


def council_goal_row(period: PeriodData, page: str, goal: Goal, council_goal: CouncilGoal, indent: bool) -> TableRow:
    """A nämndmål as a table row: linked title, the council's assessment and the counts (once a unit has reported)."""
    key = period.key
    href = relative(page, paths.council_goal_path(key.year, key.period, goal.nr, council_goal.id))
    title = link_cell(council_goal.titel, href)
    counts = tally_cells(council_goal.antal) if units_reported(period) else []
    return TableRow(
        [INDENT + title if indent else title, md_escape(council_status(council_goal.namndens_status, period)), *counts]
    )


def goal_table(period: PeriodData, first: str, rows: list[TableRow]) -> Table:
    """Goals with the council's assessment and, once a unit has reported, the counts of enhetsmål."""
    counted = TALLY_HEADER if units_reported(period) else []
    return Table([], [first, "Nämndens bedömning", *counted], [False, False] + [True] * len(counted), rows)


def goal_rows(period: PeriodData, page: str, goal: Goal) -> list[TableRow]:
    """A KF mål's row (bold) followed by its nämndmål's rows (indented)."""
    key = period.key
    title = bold(
        link_cell(goal_title(goal.nr, goal.titel), relative(page, paths.kf_goal_path(key.year, key.period, goal.nr)))
    )
    counts = tally_cells(goal.antal) if units_reported(period) else []
    first = TableRow([title, md_escape(council_status(goal.namndens_status, period)), *counts])
    return [first, *[council_goal_row(period, page, goal, c, indent=True) for c in goal.namndmal]]


def overview_page(env: Environment, period: PeriodData) -> str:
    """mal/<år>/<period>/: every KF mål and nämndmål with the council's assessment and the counts."""
    key = period.key
    page = paths.goals_path(key.year, key.period)
    parts: list[Part] = []
    for direction, goals in groupby(period.aggregate.mal, key=lambda g: g.inriktningsmal):
        rows = [row for goal in goals for row in goal_rows(period, page, goal)]
        table = goal_table(period, "Mål och nämndmål", rows)
        parts.append(Section(2, goal_title(direction, period.found.directions.get(direction, "")), [table]))
    missing = len(period.aggregate.fullstandighet.saknar_rapport)
    facts = [
        ("Period", md_escape(key.label)),
        *_report_fact(period, page),
        ("Enheter utan rapport för perioden", md_escape(missing)),
    ]
    sentences = (
        [
            *period.aggregate.siffror,
            "Kolumnerna Helt, Delvis och Ej räknar enheternas enhetsmål; Utan enhetsmål räknar enheter "
            "som följt upp målet utan att skriva något enhetsmål.",
        ]
        if units_reported(period)
        else [NO_UNIT_REPORTS]
    )
    return _render(env, RollupPage(f"Måluppfyllelse {key.label}", facts, sentences, parts))


# --- a KF mål -------------------------------------------------------------------------


def kf_goal_page(env: Environment, period: PeriodData, goal: Goal) -> str:
    """A KF mål: the council's assessment, the counts, its nämndmål and its own indicators."""
    key = period.key
    page = paths.kf_goal_path(key.year, key.period, goal.nr)
    facts = _common_facts(period, page, goal.namndens_status)
    facts.insert(
        1,
        (
            "Inriktningsmål",
            md_escape(goal_title(goal.inriktningsmal, period.found.directions.get(goal.inriktningsmal, ""))),
        ),
    )
    rows = [council_goal_row(period, page, goal, c, indent=False) for c in goal.namndmal]
    parts: list[Part] = [Section(2, STATUS_TITLE, [status_part(period, goal.antal)])]
    if rows:
        parts.append(Section(2, "Nämndmål", [goal_table(period, "Nämndmål", rows)]))
    indicators = _indicators(period, [goal.nr], page)
    if indicators:
        parts.append(Section(2, "Indikatorer", indicators))
    return _render(env, RollupPage(goal_title(goal.nr, goal.titel), facts, [], parts))


# --- a nämndmål ---------------------------------------------------------------------


def unit_goals(period: PeriodData, goal: CouncilGoal, page: str, level: int) -> list[UnitGoals]:
    """Every unit's enhetsmål, units in organisation.yml's order, each linked to its place in the unit's report."""
    order = period.unit_order()
    ordered = sorted(goal.enhetsmal, key=lambda g: order.get(g.enhet, len(order)))  # stable: keeps each unit's order
    found = []
    report_name = fmt.report_name(period.key.period, period.key.year)
    drafts = period.aggregate.fullstandighet.att_gora  # TODO markers left, by unit
    for unit, grouped in groupby(ordered, key=lambda g: g.enhet):
        entries = list(grouped)
        items = [
            _unit_goal(entry, number, goal.id, period.reports.get(unit), page, level + 1, report_name)
            for number, entry in enumerate(entries, start=1)
        ]
        found.append(UnitGoals(level, entries[0].enhet_namn, items, draft=drafts.get(unit, 0) > 0))
    return found


def _unit_goal(
    entry: AggregateUnitGoal, number: int, goal_id: str, report: str | None, page: str, level: int, report_name: str
) -> UnitGoal:
    link = (
        Link(
            f"Enhetsmålet i enhetens {report_name.lower()}",
            relative(page, report) + "#" + paths.unit_goal_anchor(goal_id, number),
        )
        if report
        else None
    )
    return UnitGoal(
        level,
        entry.titel,
        fmt.status(entry.status),
        narrative(entry.forvantat_resultat, level + 1),
        narrative(entry.analys, level + 1),
        link=link,
    )


def council_goal_page(
    env: Environment,
    period: PeriodData,
    goal: Goal,
    council_goal: CouncilGoal,
    seen: list[tuple[PeriodData, str, CouncilGoal]] | None = None,
) -> str:
    """A nämndmål: assessment, counts, the catalogue's texts, indicators and every unit's enhetsmål."""
    key = period.key
    page = paths.council_goal_path(key.year, key.period, goal.nr, council_goal.id)
    facts = _common_facts(period, page, council_goal.namndens_status)
    facts.insert(
        1,
        (
            "KF:s mål",
            link_cell(
                goal_title(goal.nr, goal.titel), relative(page, paths.kf_goal_path(key.year, key.period, goal.nr))
            ),
        ),
    )
    written = period.found.council_goals.get((goal.nr, council_goal.id))
    parts: list[Part] = [Section(2, STATUS_TITLE, [status_part(period, council_goal.antal)])]
    for title, text in (
        ("Beskrivning", written.beskrivning if written else ""),
        ("Förväntat resultat", written.forvantat_resultat if written else ""),
    ):
        if text.strip():
            parts.append(Section(2, title, [narrative(text, 2)]))
    indicators = _indicators(period, [goal.nr, council_goal.id], page)
    if indicators:
        parts.append(Section(2, "Indikatorer", indicators))
    parts.append(
        Section(2, "Enheternas enhetsmål", [*_silent(period, council_goal), *unit_goals(period, council_goal, page, 3)])
    )
    if seen and len(seen) > 1:
        parts.insert(1, Section(2, "Över perioderna", [history_table(page, period, seen)]))
    return _render(env, RollupPage(council_goal.titel, facts, [], parts))


def _silent(period: PeriodData, goal: CouncilGoal) -> list[Part]:
    """A sentence naming units that follow the goal up without an enhetsmål; another when no unit wrote one."""
    names = {u.id: u.namn for u in period.organisation.enheter}
    found: list[Part] = []
    if not units_reported(period):
        return [md_escape(NO_UNIT_REPORTS)]
    if not goal.enhetsmal:
        found.append(md_escape("Inga enheter har skrivit enhetsmål under nämndmålet för perioden."))
    if goal.tysta_enheter:
        listed = ", ".join(names.get(u, u) for u in goal.tysta_enheter)
        found.append(md_escape(f"{SILENT_UNITS}: {listed}."))
    return found


# --- navigation -------------------------------------------------------------------------


def period_nav(env: Environment, period: PeriodData, history: History | None = None) -> NavNode:
    """One period's goals: the overview, each KF mål with its nämndmål below it."""
    key = period.key
    seen = history or {}
    children = [
        NavNode(
            goal_title(goal.nr, goal.titel),
            Page(paths.kf_goal_path(key.year, key.period, goal.nr), kf_goal_page(env, period, goal)),
            [
                NavNode(
                    c.titel,
                    Page(
                        paths.council_goal_path(key.year, key.period, goal.nr, c.id),
                        council_goal_page(env, period, goal, c, seen.get(c.id, [])),
                    ),
                )
                for c in goal.namndmal
            ],
        )
        for goal in period.aggregate.mal
    ]
    return NavNode(key.label, Page(paths.goals_path(key.year, key.period), overview_page(env, period)), children)


def goals_nav(env: Environment, periods: list[PeriodData]) -> NavNode:
    """Mål: an index of the periods, then each period's goal pages."""
    entries = [
        TocEntry(1, f"Måluppfyllelse {p.key.label}", relative(paths.GOALS, paths.goals_path(p.key.year, p.key.period)))
        for p in periods
    ]
    sentences = (
        ["Nämndens bedömningar och enheternas enhetsmål per period, räknade från rapporterna."]
        if periods
        else ["Det finns inga rapporter ännu."]
    )
    index = _render(env, RollupPage("Mål", [], sentences, [LinkList(2, "", entries)]))
    history = goal_history(periods)
    return NavNode("Mål", Page(paths.GOALS, index), [period_nav(env, p, history) for p in periods])


# --- a nämndmål over the periods ------------------------------------------------------

History = dict[str, list[tuple[PeriodData, str, CouncilGoal]]]  # nämndmål id -> (period, KF mål, goal), oldest first


def goal_history(periods: list[PeriodData]) -> History:
    """Every nämndmål's appearances in the periods (which come newest first), oldest first."""
    found: History = {}
    for period in reversed(periods):
        for goal in period.aggregate.mal:
            for council_goal in goal.namndmal:
                found.setdefault(council_goal.id, []).append((period, goal.nr, council_goal))
    return found


def history_table(page: str, current: PeriodData, seen: list[tuple[PeriodData, str, CouncilGoal]]) -> Table:
    """The nämndmål in every period (T1 → T2 → VB, year on year): the council's assessment and the units' counts."""
    rows = []
    for period, nr, goal in seen:
        key = period.key
        label = md_escape(key.label)
        cell = (
            label
            if period is current
            else link_cell(key.label, relative(page, paths.council_goal_path(key.year, key.period, nr, goal.id)))
        )
        counts = tally_cells(goal.antal) if units_reported(period) else [md_escape("–")] * 4
        rows.append(
            TableRow(
                [
                    bold(cell) if period is current else cell,
                    md_escape(council_status(goal.namndens_status, period)),
                    *counts,
                ]
            )
        )
    note = [md_escape("Perioden på den här sidan står i fetstil; – betyder att ingen enhet har rapporterat.")]
    return Table(note, ["Period", "Nämndens bedömning", *TALLY_HEADER], [False, False] + [True] * 4, rows)

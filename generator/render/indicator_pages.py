"""Indicator pages built from the aggregate: one page per indicator over every period and unit.

A page shows the council's and the units' combined outcome per period as an
SVG chart drawn at build time, the same numbers as a table, and every unit's
outcome per period. The per-period table of an indicator (units, combined and
council) is also shown on the goal pages, through `period_table`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from generator.content.models import TERTIALS, Indikator
from generator.content.outline import goal_title
from generator.render import format as fmt
from generator.render import paths
from generator.render.chart import COMBINED, COUNCIL, TARGET, Chart, Series, line_chart
from generator.render.context import Link, Part, Section, Table, TableRow
from generator.render.environment import render_context
from generator.render.nav import NavNode, Page, relative
from generator.render.rollup_context import IndicatorSummary, PeriodData, RollupPage
from generator.render.text import md_escape, tidy
from generator.rollup.aggregate import IndicatorRollup, IndicatorValue
from generator.rollup.rounding import round_like

RULES = {
    "summa": "summan av enheternas värden",
    "viktat medel": "medelvärdet av enheternas värden, viktat",
    "ingen": "räknas inte samman för enheterna",
}
DIRECTIONS = {"högre": "ett högre värde", "lägre": "ett lägre värde"}
UNWEIGHTED = "Alla enheter har inte angett vikt, så det sammanvägda värdet är ett oviktat medelvärde."
COUNCIL_ROW = "Nämnden"
COMBINED_ROW = "Sammanvägt för enheterna"
ONE_UNIT = "bara en enhet har rapporterat"
TARGET_ROW = "Årsmål"
UNITS_DOTS = "Enheternas utfall"
PAGE_LINK = "Indikatorn över alla perioder och enheter"
NO_UNITS = "Inga enheter har rapporterat indikatorn."


@dataclass(frozen=True)
class Occurrence:
    """An indicator in one period: the period's data, the rollup and the catalogue's definition."""

    period: PeriodData
    rollup: IndicatorRollup
    definition: Indikator | None


def rounded(value: float | int | None, inputs: list[float | int], mean: bool) -> float | int | None:
    """A computed figure rounded by the one rule of the roll-up (generator.rounding)."""
    return round_like(value, inputs, mean)


def combined(item: IndicatorRollup) -> IndicatorValue | None:
    """The units' combined value with its figures rounded like the units' figures."""
    if item.sammanvagt is None:
        return None
    mean = item.aggregering == "viktat medel"
    update = {
        name: rounded(
            getattr(item.sammanvagt, name),
            [getattr(v, name) for v in item.enheter if getattr(v, name) is not None],
            mean,
        )
        for name in ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende", "prognos")
    }
    return item.sammanvagt.model_copy(update=update)


def reporting_units(item: IndicatorRollup) -> int:
    """How many units' outcomes the combined value is made of."""
    return sum(1 for v in item.enheter if v.utfall is not None)


def combined_row_name(item: IndicatorRollup) -> str:
    """ "Sammanvägt för enheterna", saying so when only one unit's outcome is behind it."""
    return f"{COMBINED_ROW} ({ONE_UNIT})" if reporting_units(item) == 1 else COMBINED_ROW


def _cells(value: IndicatorValue, unit: str | None, forecast: bool) -> list[Markup]:
    figures = [value.utfall, value.utfall_man, value.utfall_kvinnor, *([value.prognos] if forecast else [])]
    texts = [fmt.with_unit(v, unit) for v in figures] + [fmt.target(value.arsmal, unit), fmt.verdict(value.bedomning)]
    return [md_escape(text) for text in texts]


def period_table(item: IndicatorRollup, period: PeriodData) -> Table | None:
    """Units (in organisation.yml's order), then the combined value (italic) and the council's (bold)."""
    forecast = period.key.period in TERTIALS
    order = period.unit_order()
    rows = [
        TableRow([md_escape(v.enhet_namn), *_cells(v, item.matt, forecast)])
        for v in sorted(item.enheter, key=lambda v: order.get(v.enhet, len(order)))
    ]
    joint = combined(item)
    if joint is not None:
        rows.append(
            TableRow(
                [_styled(combined_row_name(item), "*"), *[_styled(c, "*") for c in _cells(joint, item.matt, forecast)]]
            )
        )
    if item.namndens is not None:
        rows.append(
            TableRow(
                [_styled(COUNCIL_ROW, "**"), *[_styled(c, "**") for c in _cells(item.namndens, item.matt, forecast)]]
            )
        )
    if not rows:
        return None
    header = [
        "Enhet",
        "Periodens utfall",
        "Utfall män/pojkar",
        "Utfall kvinnor/flickor",
        *(["Prognos helår"] if forecast else []),
        "Årsmål",
        "Bedömning",
    ]
    return Table([], header, [False, True, True, True, *([True] if forecast else []), True, False], rows)


def _styled(value: object, mark: str) -> Markup:
    text = md_escape(value)
    return Markup(f"{mark}{text}{mark}") if text else text


def summary(item: IndicatorRollup, period: PeriodData, page: str, level: int) -> IndicatorSummary:
    """An indicator on a goal page: its facts, a link to its own page and the table of the period."""
    facts = [
        ("Mått", item.matt or "–"),
        ("Årsmål", fmt.target(item.arsmal, item.matt) or "–"),
        ("Sammanvägning", RULES.get(item.aggregering, item.aggregering).capitalize()),
    ]
    notes = [UNWEIGHTED] if item.vikter_saknas else []
    return IndicatorSummary(
        level,
        item.namn,
        facts,
        Link(PAGE_LINK, relative(page, paths.indicator_path(item.id))),
        period_table(item, period),
        notes,
    )


# --- the indicator's own page ---------------------------------------------------


def occurrences(periods: list[PeriodData]) -> dict[str, list[Occurrence]]:
    """Every indicator id with its periods, oldest first (periods come newest first)."""
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for period in reversed(periods):
        for item in period.aggregate.indikatorer:
            written = period.found.indicators.get(item.id)
            found[item.id].append(Occurrence(period, item, written[1] if written else None))
    return dict(found)


def chart_of(seen: list[Occurrence]) -> Chart:
    """The council's and the combined outcome per period, the numeric target, and the units as dots."""
    latest = seen[-1].rollup
    joint = [combined(o.rollup) for o in seen]
    target = [o.rollup.arsmal if isinstance(o.rollup.arsmal, (int, float)) else None for o in seen]
    return Chart(
        title=f"{latest.namn}: utfall per period",
        measure=latest.matt or "",
        labels=tuple(o.period.key.label for o in seen),
        series=(
            Series(COUNCIL_ROW, tuple(o.rollup.namndens.utfall if o.rollup.namndens else None for o in seen), COUNCIL),
            Series(COMBINED_ROW, tuple(j.utfall if j else None for j in joint), COMBINED),
            Series(TARGET_ROW, tuple(target), TARGET, groups=tuple(o.period.key.year for o in seen)),
        ),
        dots=tuple(tuple(v.utfall for v in o.rollup.enheter if v.utfall is not None) for o in seen),
        dots_name=UNITS_DOTS,
    )


def periods_table(seen: list[Occurrence]) -> Table:
    """The chart's numbers: per period the council's and the combined outcome (when any) and the target."""
    council = [fmt.with_unit(o.rollup.namndens.utfall if o.rollup.namndens else None, o.rollup.matt) for o in seen]
    joint = [
        _one_unit_marked(fmt.with_unit(j.utfall if (j := combined(o.rollup)) else None, o.rollup.matt), o.rollup)
        for o in seen
    ]
    columns = [(name, texts) for name, texts in ((COUNCIL_ROW, council), (COMBINED_ROW, joint)) if any(texts)]
    columns.append((TARGET_ROW, [fmt.target(o.rollup.arsmal, o.rollup.matt) for o in seen]))
    rows = [
        TableRow([md_escape(o.period.key.label), *[md_escape(texts[i]) for _, texts in columns]])
        for i, o in enumerate(seen)
    ]
    return Table([], ["Period", *[name for name, _ in columns]], [False, *[True] * len(columns)], rows)


def _one_unit_marked(text: str, item: IndicatorRollup) -> str:
    return f"{text} ({ONE_UNIT})" if text and reporting_units(item) == 1 else text


def _unit_cell(value: IndicatorValue | None, unit: str | None, forecast: bool) -> Markup:
    if value is None:
        return Markup("")
    text = fmt.with_unit(value.utfall, unit)
    if forecast and value.prognos is not None:
        text = f"{text} (prognos helår {fmt.with_unit(value.prognos, unit)})".strip()
    return md_escape(text)


def units_table(seen: list[Occurrence]) -> Table | None:
    """Every unit's outcome per period (a tertial's full-year forecast in brackets), in organisation.yml's order."""
    by_unit = [{v.enhet: v for v in o.rollup.enheter} for o in seen]
    order = seen[-1].period.unit_order()
    names = {v.enhet: v.enhet_namn for o in seen for v in o.rollup.enheter}
    if not names:
        return None
    rows = [
        TableRow(
            [
                md_escape(names[unit]),
                *[
                    _unit_cell(values.get(unit), o.rollup.matt, o.period.key.period in TERTIALS)
                    for values, o in zip(by_unit, seen)
                ],
            ]
        )
        for unit in sorted(names, key=lambda u: (order.get(u, len(order)), u))
    ]
    return Table([], ["Enhet", *[o.period.key.label for o in seen]], [False, *[True] * len(seen)], rows)


def place_link(seen: list[Occurrence], page: str) -> Markup:
    """Where the indicator sits in the newest period's goals, linked to that goal's page."""
    latest = seen[-1]
    place, key = latest.rollup.placering, latest.period.key
    if len(place) == 2:
        written = latest.period.found.council_goals.get((place[0], place[1]))
        title, target = (written.titel if written else place[1]), paths.council_goal_path(key.year, key.period, *place)
    else:
        goal = latest.period.found.goals.get(place[0])
        title, target = (
            goal_title(place[0], goal.titel if goal else ""),
            paths.kf_goal_path(key.year, key.period, place[0]),
        )
    return Markup(f"[{md_escape(title)}]({relative(page, target)}) ({md_escape(key.label)})")


def indicator_page(env: Environment, indicator_id: str, seen: list[Occurrence]) -> str:
    """One indicator: facts, the chart with its table, and every unit's outcome per period."""
    page = paths.indicator_path(indicator_id)
    latest, definition = seen[-1].rollup, seen[-1].definition
    facts = [
        ("Mått", md_escape(latest.matt or "–")),
        ("Bättre", md_escape(f"{DIRECTIONS.get(latest.riktning, latest.riktning)} är bättre".capitalize())),
        ("Sammanvägning för enheterna", md_escape(RULES.get(latest.aggregering, latest.aggregering).capitalize())),
        ("Hör till", place_link(seen, page)),
    ]
    if definition is not None:
        facts.insert(1, ("Ursprung", md_escape("KF" if definition.ursprung == "KF" else "Nämnden")))
        if definition.jamstalldhet:
            facts.append(("Jämställdhetsindikator", md_escape("♀ Ja")))
    chart = line_chart(chart_of(seen))
    over_time: list[Part] = [chart if chart else Markup("Inga utfall att visa i ett diagram."), periods_table(seen)]
    units = units_table(seen)
    parts: list[Part] = [
        Section(2, "Utfall per period", over_time),
        Section(2, "Utfall per enhet", [units if units else Markup(NO_UNITS)]),
    ]
    return tidy(str(render_context(env, RollupPage(latest.namn, facts, [], parts))))


@dataclass(frozen=True)
class Group:
    """The indicators of one KF mål (by number; the title is the newest catalogue's)."""

    nr: str
    title: str
    items: list[tuple[str, list[Occurrence]]]


def groups_of(found: dict[str, list[Occurrence]], periods: list[PeriodData]) -> list[Group]:
    """Indicators by the KF mål they belong to in their newest period, goals in numeric order, names sorted."""
    by_nr: dict[str, list[tuple[str, list[Occurrence]]]] = defaultdict(list)
    for indicator_id, seen in found.items():
        by_nr[seen[-1].rollup.placering[0]].append((indicator_id, seen))
    groups = []
    for nr in sorted(by_nr, key=_nr_key):
        goal = next((p.found.goals[nr] for p in periods if nr in p.found.goals), None)
        groups.append(
            Group(
                nr,
                goal_title(nr, goal.titel if goal else ""),
                sorted(by_nr[nr], key=lambda item: item[1][-1].rollup.namn),
            )
        )
    return groups


def group_table(group: Group, source: str) -> Table:
    """A group's indicators linked from the page at `source`, with measure and periods."""
    rows = [
        TableRow(
            [
                Markup(f"[{md_escape(seen[-1].rollup.namn)}]({relative(source, paths.indicator_path(i))})"),
                md_escape(seen[-1].rollup.matt or ""),
                md_escape(", ".join(o.period.key.label for o in seen)),
            ]
        )
        for i, seen in group.items
    ]
    return Table([], ["Indikator", "Mått", "Perioder"], [False, False, False], rows)


def index_page(env: Environment, groups: list[Group]) -> str:
    """indikatorer/index.md: every indicator by KF mål, with its measure and periods."""
    parts: list[Part] = [Section(2, g.title, [group_table(g, paths.INDICATORS)]) for g in groups]
    sentences = (
        ["Varje indikator har en sida med utfallen per period och per enhet."]
        if groups
        else ["Det finns inga indikatorer ännu."]
    )
    return tidy(str(render_context(env, RollupPage("Indikatorer", [], sentences, parts))))


def group_page(env: Environment, group: Group) -> str:
    """indikatorer/<KF-mål>/: the indicators of one KF mål."""
    page = paths.indicator_group_path(group.nr)
    return tidy(
        str(
            render_context(
                env,
                RollupPage(group.title, [], ["Indikatorerna under målet, alla perioder."], [group_table(group, page)]),
            )
        )
    )


def indicators_nav(env: Environment, periods: list[PeriodData]) -> NavNode:
    """Indikatorer: an index page, a page per KF mål, and below it one page per indicator."""
    groups = groups_of(occurrences(periods), periods)
    children = [
        NavNode(
            g.title,
            Page(paths.indicator_group_path(g.nr), group_page(env, g)),
            [
                NavNode(seen[-1].rollup.namn, Page(paths.indicator_path(i), indicator_page(env, i, seen)))
                for i, seen in g.items
            ],
        )
        for g in groups
    ]
    return NavNode("Indikatorer", Page(paths.INDICATORS, index_page(env, groups)), children)


def _nr_key(nr: str) -> tuple[int, ...]:
    """Goal numbers in numeric order: 1.2 before 1.10."""
    return tuple(int(part) for part in nr.split(".") if part.isdigit())

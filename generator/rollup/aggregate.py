"""Aggregate stage: unit reports and the council's own report rolled up for one (year, period).

Pure: organisation, catalogue and reports in, an `Aggregate` out. The site,
the open-data export and the consistency checks all read this one result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Union

from pydantic import BaseModel, Field

from generator.content.load import Content
from generator.content.lookup import index
from generator.content.models import (
    AktivitetUppfoljning,
    Indikator,
    IndikatorUtfall,
    Katalog,
    MalUppfoljning,
    NamndmalUppfoljning,
    Organisation,
    Rapport,
    Resultatenheter,
    Resultatrakning,
)
from generator.content.text import todo_count
from generator.rollup import economy as eco
from generator.rollup.assess import Verdict, judged_value, verdict
from generator.rollup.rounding import round_like

Num = Union[int, float]
STATUS_KEY = {"Uppfylls helt": "helt", "Uppfylls delvis": "delvis", "Uppfylls ej": "ej"}


class Tally(BaseModel):
    """How many enhetsmål have each status; `ej_rapporterat` counts units that wrote none."""

    helt: int = 0
    delvis: int = 0
    ej: int = 0
    ej_rapporterat: int = 0

    def add(self, other: Tally) -> Tally:
        return Tally(**{k: getattr(self, k) + getattr(other, k) for k in type(self).model_fields})


class UnitGoal(BaseModel):
    """One unit's enhetsmål under a nämndmål."""

    enhet: str
    enhet_namn: str
    titel: str
    status: str
    forvantat_resultat: str
    analys: str


class CouncilGoal(BaseModel):
    """A nämndmål with the council's status and every unit's enhetsmål."""

    id: str
    titel: str
    kf_mal: str
    namndens_status: str | None
    antal: Tally
    enhetsmal: list[UnitGoal]
    tysta_enheter: list[str] = Field(description="Units with activities or indicators here but no enhetsmål.")


class Goal(BaseModel):
    """A KF mål för verksamhetsområdet with the council's status and the tally of its nämndmål."""

    nr: str
    titel: str
    inriktningsmal: str
    namndens_status: str | None
    antal: Tally
    namndmal: list[CouncilGoal]


class IndicatorValue(BaseModel):
    """One unit's (or the council's) figures for an indicator, with the verdict."""

    enhet: str
    enhet_namn: str
    utfall: Num | None = None
    utfall_man: Num | None = None
    utfall_kvinnor: Num | None = None
    utfall_foregaende: Num | None = None
    prognos: Num | None = None
    arsmal: Num | str | None = None
    vikt: Num | None = None
    bedomning: Verdict = "ingen bedömning"
    analys: str = ""


class IndicatorRollup(BaseModel):
    """An indicator across units, rolled up by its declared rule."""

    id: str
    namn: str
    matt: str | None
    riktning: str
    aggregering: str
    arsmal: Num | str | None
    kf_arsmal: Num | str | None
    placering: list[str]
    enheter: list[IndicatorValue]
    sammanvagt: IndicatorValue | None
    namndens: IndicatorValue | None
    vikter_saknas: bool = False


class ActivityEntry(BaseModel):
    """One unit's follow-up of an activity."""

    enhet: str
    enhet_namn: str
    status: str | None
    avvikelse: str
    analys: str


class ActivityRollup(BaseModel):
    """An activity assigned to many units, their follow-ups side by side."""

    id: str
    text: str
    start: str
    slut: str
    placering: list[str]
    tilldelade: list[str]
    enheter: list[ActivityEntry]
    namndens: ActivityEntry | None
    ej_uppfoljd: list[str]


class Sums(BaseModel):
    """Utfall, budget and favourable-positive avvikelse in tkr (and mnkr)."""

    utfall: Num = 0
    budget: Num = 0

    @property
    def avvikelse(self) -> float:
        return self.budget - self.utfall


class IncomeStatementSum(BaseModel):
    """Resultaträkningar of a group of units added up (tkr); netto = kostnader − intäkter."""

    grupp: str
    namn: str
    enheter: list[str] = Field(default_factory=list)
    intakter: Sums = Field(default_factory=Sums)
    kostnader: Sums = Field(default_factory=Sums)

    @property
    def netto(self) -> Sums:
        return Sums(
            utfall=self.kostnader.utfall - self.intakter.utfall, budget=self.kostnader.budget - self.intakter.budget
        )


class ResultUnitRow(BaseModel):
    """A resultatenhet with its computed transfer and the 5 %/10 % rules applied."""

    enhet: str
    namn: str
    bruttobudget: Num
    fem_procent: int
    overforing_fran_fg: Num
    resultat: Num
    overforing_till_nasta: Num
    over_5_procent: bool
    over_10_procent: bool


class ResultUnits(BaseModel):
    """The resultatenheter table recomputed from its rows."""

    rader: list[ResultUnitRow]
    summa: dict[str, Num]
    angiven_summa: dict[str, Num] | None


class OperatingBudget(BaseModel):
    """The driftbudget total recomputed from its rows (varav rows are parts, never added again)."""

    beraknat: dict[str, Num | None]  # None: a row's figure is not given, so there is no sum
    angivet: dict[str, Num | None]


class Economy(BaseModel):
    """Economy of the period: unit income statements summed, council tables recomputed."""

    per_avdelning: list[IncomeStatementSum]
    per_verksamhetsomrade: list[IncomeStatementSum]
    totalt: IncomeStatementSum
    resultatenheter: ResultUnits | None
    driftbudget: OperatingBudget | None


class Completeness(BaseModel):
    """Who has not reported, what is left empty, and open TODO markers."""

    saknar_rapport: list[str]
    tomma_avsnitt: dict[str, list[str]]
    att_gora: dict[str, int]


class Aggregate(BaseModel):
    """Everything the council's follow-up for one (year, period) is built from."""

    ar: int
    period: str
    mal: list[Goal]
    indikatorer: list[IndicatorRollup]
    aktiviteter: list[ActivityRollup]
    ekonomi: Economy
    fullstandighet: Completeness
    siffror: list[str]


# --------------------------------------------------------------------------


# Every unit's outcomes, follow-ups and nämndmål follow-ups by id (or place), each with its unit, in unit order.
ByItem = tuple[
    dict[str, list[tuple[str, IndikatorUtfall]]],
    dict[str, list[tuple[str, AktivitetUppfoljning]]],
    dict[tuple[str, str], list[tuple[str, NamndmalUppfoljning]]],
]


class _Scope:
    """The inputs of one aggregation with handy look-ups."""

    def __init__(
        self, organisation: Organisation, catalogue: Katalog, reports: Iterable[Rapport], year: int, period: str
    ):
        self.organisation = organisation
        self.catalogue = index(catalogue)
        self.year, self.period = year, period
        self.units = {u.id: u for u in organisation.enheter}
        chosen = [r for r in reports if r.ar == year and r.period == period]
        self.council = next((r for r in chosen if r.organisation == organisation.namnd.id), None)
        self.unit_reports = {r.organisation: r for r in chosen if r.organisation in self.units}
        self._items: dict[int, tuple[dict[str, IndikatorUtfall], dict[str, AktivitetUppfoljning]]] = {}
        self._goals: dict[int, dict[tuple[str, str], NamndmalUppfoljning]] = {}
        self.by_unit = sorted(self.unit_reports.items())
        self._by_item: ByItem | None = None

    def items(self, report: Rapport) -> tuple[dict[str, IndikatorUtfall], dict[str, AktivitetUppfoljning]]:
        """Outcomes and follow-ups of a report by id, built once per report in this scope."""
        key = id(report)
        if key not in self._items:
            self._items[key] = _report_items(report)
        return self._items[key]

    def council_goals(self, report: Rapport | None) -> dict[tuple[str, str], NamndmalUppfoljning]:
        """A report's nämndmål follow-ups by (KF mål, id), built once per report in this scope."""
        if report is None:
            return {}
        key = id(report)
        if key not in self._goals:
            self._goals[key] = _council_goals_of(report)
        return self._goals[key]

    def by_item(self) -> ByItem:
        """Every unit's outcomes, follow-ups and nämndmål follow-ups by id in unit order: one pass over the reports, not one per item."""
        if self._by_item is None:
            outcomes: dict[str, list[tuple[str, IndikatorUtfall]]] = {}
            follow_ups: dict[str, list[tuple[str, AktivitetUppfoljning]]] = {}
            goals: dict[tuple[str, str], list[tuple[str, NamndmalUppfoljning]]] = {}
            for unit, report in self.by_unit:
                found, followed = self.items(report)
                for key, outcome in found.items():
                    outcomes.setdefault(key, []).append((unit, outcome))
                for key, item in followed.items():
                    follow_ups.setdefault(key, []).append((unit, item))
                for place, goal in self.council_goals(report).items():
                    goals.setdefault(place, []).append((unit, goal))
            self._by_item = (outcomes, follow_ups, goals)
        return self._by_item

    def name(self, node: str) -> str:
        if node == self.organisation.namnd.id:
            return self.organisation.namnd.namn
        return self.units[node].namn if node in self.units else node


YearPeriod = tuple[int, str]  # (year, period)


class Rollup:
    """A content tree's periods rolled up, each once and only when first asked for: the check and the pages share them."""

    def __init__(self, organisation: Organisation | None, catalogues: Mapping[int, Katalog], reports: list[Rapport]):
        self.organisation, self.catalogues, self.reports = organisation, catalogues, reports
        self._made: dict[YearPeriod, Aggregate] = {}

    @classmethod
    def of(cls, content: Content) -> Rollup:
        """The roll-up of a loaded content tree (its organisation, catalogues and reports)."""
        organisation = content.organisation.model if content.organisation else None
        return cls(
            organisation,
            {year: c.model for year, c in content.catalogues.items()},
            [loaded.model for loaded in content.reports],
        )

    def get(self, year: int, period: str) -> Aggregate | None:
        """The aggregate of (year, period), or None without an organisation or that year's catalogue."""
        if self.organisation is None or year not in self.catalogues:
            return None
        if (year, period) not in self._made:
            self._made[(year, period)] = aggregate(self.organisation, self.catalogues[year], self.reports, year, period)
        return self._made[(year, period)]

    def every_period(self) -> dict[YearPeriod, Aggregate]:
        """Every (year, period) that has reports and a catalogue, rolled up."""
        keys = sorted({(r.ar, r.period) for r in self.reports})
        found = {key: self.get(*key) for key in keys}
        return {key: made for key, made in found.items() if made is not None}


def aggregate(
    organisation: Organisation, catalogue: Katalog, reports: Iterable[Rapport], year: int, period: str
) -> Aggregate:
    """Roll every unit report of (year, period) up to the council."""
    scope = _Scope(organisation, catalogue, reports, year, period)
    goals = [_goal(scope, nr) for nr in scope.catalogue.goals]
    return Aggregate(
        ar=year,
        period=period,
        mal=goals,
        indikatorer=[_indicator(scope, i) for i in scope.catalogue.indicators],
        aktiviteter=[
            _activity(scope, a)
            for a, (_, act) in scope.catalogue.activities.items()
            if act.galler == "alla" or len(act.galler) > 1
        ],
        ekonomi=_economy(scope),
        fullstandighet=_completeness(scope),
        siffror=prose_figures(goals),
    )


# --- goals ------------------------------------------------------------------


def _council_goals_of(report: Rapport) -> dict[tuple[str, str], NamndmalUppfoljning]:
    return {(g.nr, c.id): c for d in report.inriktningsmal for g in d.mal for c in g.namndmal}


def _goal_status(report: Rapport | None, nr: str) -> str | None:
    if report is None:
        return None
    return next((g.status for d in report.inriktningsmal for g in d.mal if g.nr == nr), None)


def _goal(scope: _Scope, nr: str) -> Goal:
    kf_goal = scope.catalogue.goals[nr]
    council = scope.council_goals(scope.council)
    council_goals = [_council_goal(scope, nr, c.id, c.titel, council.get((nr, c.id))) for c in kf_goal.namndmal]
    tally = Tally()
    for item in council_goals:
        tally = tally.add(item.antal)
    return Goal(
        nr=nr,
        titel=kf_goal.titel,
        inriktningsmal=scope.catalogue.goal_parent[nr],
        namndens_status=_goal_status(scope.council, nr),
        antal=tally,
        namndmal=council_goals,
    )


def _council_goal(scope: _Scope, nr: str, goal_id: str, title: str, council: NamndmalUppfoljning | None) -> CouncilGoal:
    entries: list[UnitGoal] = []
    silent: list[str] = []
    tally = Tally()
    for unit, followed in scope.by_item()[2].get((nr, goal_id), []):
        for own in followed.enhetsmal:
            entries.append(
                UnitGoal(
                    enhet=unit,
                    enhet_namn=scope.name(unit),
                    titel=own.titel,
                    status=own.status,
                    forvantat_resultat=own.forvantat_resultat,
                    analys=own.analys,
                )
            )
            key = STATUS_KEY.get(own.status)
            if key:
                setattr(tally, key, getattr(tally, key) + 1)
        if not followed.enhetsmal:
            tally.ej_rapporterat += 1
            if followed.aktiviteter or followed.indikatorer:
                silent.append(unit)
    return CouncilGoal(
        id=goal_id,
        titel=title,
        kf_mal=nr,
        namndens_status=council.status if council else None,
        antal=tally,
        enhetsmal=entries,
        tysta_enheter=silent,
    )


# --- indicators ----------------------------------------------------------------


def _report_items(report: Rapport) -> tuple[dict[str, IndikatorUtfall], dict[str, AktivitetUppfoljning]]:
    """A report's indicator outcomes and activity follow-ups by id, built once per report."""
    outcomes: dict[str, IndikatorUtfall] = {}
    follow_ups: dict[str, AktivitetUppfoljning] = {}
    for direction in report.inriktningsmal:
        for goal in direction.mal:
            nodes: list[MalUppfoljning | NamndmalUppfoljning] = [goal, *goal.namndmal]
            for node in nodes:
                for outcome in node.indikatorer:
                    outcomes.setdefault(outcome.id, outcome)
                for item in node.aktiviteter:
                    follow_ups.setdefault(item.id, item)
    return outcomes, follow_ups


def _outcomes(scope: _Scope, report: Rapport, indicator_id: str) -> IndikatorUtfall | None:
    return scope.items(report)[0].get(indicator_id)


def _value(scope: _Scope, node: str, outcome: IndikatorUtfall, indicator: Indikator) -> IndicatorValue:
    target = outcome.arsmal if outcome.arsmal is not None else indicator.arsmal
    judged = judged_value(scope.period, outcome.utfall, outcome.prognos)
    return IndicatorValue(
        enhet=node,
        enhet_namn=scope.name(node),
        utfall=outcome.utfall,
        utfall_man=outcome.utfall_man,
        utfall_kvinnor=outcome.utfall_kvinnor,
        utfall_foregaende=outcome.utfall_foregaende,
        prognos=outcome.prognos,
        arsmal=target,
        vikt=_weight(scope, node, outcome, indicator),
        bedomning=verdict(judged, target, indicator.riktning),
        analys=outcome.analys,
    )


def _weight(scope: _Scope, node: str, outcome: IndikatorUtfall, indicator: Indikator) -> Num | None:
    """The report's own weight, else the unit's figure in organisation.yml for the weight the catalogue names."""
    if outcome.vikt is not None:
        return outcome.vikt
    unit = scope.units.get(node)
    return unit.vikter.get(indicator.vikt) if unit is not None and indicator.vikt else None


ROLLED_FIELDS = ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende", "prognos")


def roll_up(values: list[IndicatorValue], rule: str) -> tuple[dict[str, Num | None], bool]:
    """The council value of each figure by the indicator's rule, rounded by the one rule, and whether weights were missing."""
    missing = rule == "viktat medel" and any(v.vikt is None for v in values)
    result: dict[str, Num | None] = {}
    for name in ROLLED_FIELDS:
        pairs = [
            (getattr(v, name), 1.0 if missing or v.vikt is None else v.vikt)
            for v in values
            if getattr(v, name) is not None
        ]
        if rule == "summa" and pairs:
            result[name] = round_like(sum(x for x, _ in pairs), [x for x, _ in pairs], mean=False)
        elif rule == "viktat medel" and pairs and sum(w for _, w in pairs) > 0:
            mean = sum(x * w for x, w in pairs) / sum(w for _, w in pairs)
            result[name] = round_like(mean, [x for x, _ in pairs], mean=True)
        else:
            result[name] = None
    return result, missing


def _indicator(scope: _Scope, indicator_id: str) -> IndicatorRollup:
    place, indicator = scope.catalogue.indicators[indicator_id]
    values = [_value(scope, unit, outcome, indicator) for unit, outcome in scope.by_item()[0].get(indicator_id, [])]
    combined = None
    missing = False
    if indicator.aggregering != "ingen" and values:
        figures, missing = roll_up(values, indicator.aggregering)
        judged = judged_value(scope.period, figures["utfall"], figures["prognos"])
        combined = IndicatorValue(
            enhet="sammanvagt",
            enhet_namn="Sammanvägt för enheterna",
            arsmal=indicator.arsmal,
            bedomning=verdict(judged, indicator.arsmal, indicator.riktning),
            **figures,
        )
    council_outcome = _outcomes(scope, scope.council, indicator_id) if scope.council else None
    council = _value(scope, scope.organisation.namnd.id, council_outcome, indicator) if council_outcome else None
    return IndicatorRollup(
        id=indicator.id,
        namn=indicator.namn,
        matt=indicator.enhet,
        riktning=indicator.riktning,
        aggregering=indicator.aggregering,
        arsmal=indicator.arsmal,
        kf_arsmal=indicator.kf_arsmal,
        placering=list(place),
        enheter=values,
        sammanvagt=combined,
        namndens=council,
        vikter_saknas=missing,
    )


# --- activities ----------------------------------------------------------------


def _follow_up(scope: _Scope, report: Rapport, activity_id: str) -> AktivitetUppfoljning | None:
    return scope.items(report)[1].get(activity_id)


def _entry(scope: _Scope, node: str, item: AktivitetUppfoljning) -> ActivityEntry:
    return ActivityEntry(
        enhet=node, enhet_namn=scope.name(node), status=item.status, avvikelse=item.avvikelse, analys=item.analys
    )


def _activity(scope: _Scope, activity_id: str) -> ActivityRollup:
    place, activity = scope.catalogue.activities[activity_id]
    assigned = sorted(scope.units) if activity.galler == "alla" else list(activity.galler)
    entries = [_entry(scope, unit, item) for unit, item in scope.by_item()[1].get(activity_id, [])]
    council_item = _follow_up(scope, scope.council, activity_id) if scope.council else None
    followed = {e.enhet for e in entries}
    not_followed = [u for u in assigned if u in scope.unit_reports and u not in followed]
    return ActivityRollup(
        id=activity.id,
        text=activity.text,
        start=activity.start.isoformat(),
        slut=activity.slut.isoformat(),
        placering=list(place),
        tilldelade=assigned,
        enheter=entries,
        namndens=_entry(scope, scope.organisation.namnd.id, council_item) if council_item else None,
        ej_uppfoljd=not_followed,
    )


# --- economy ----------------------------------------------------------------


def income_statement(report: Rapport) -> Resultatrakning | None:
    """A unit's resultaträkning: the first one in its economy sections."""
    found: Resultatrakning | None = report.ekonomi.first("resultatrakning")
    return found


def _in_tkr(value: float, unit: str) -> float:
    return value * 1000 if unit == "mnkr" else value


def sum_statements(group: str, name: str, statements: list[tuple[str, Resultatrakning]]) -> IncomeStatementSum:
    """Add up income statements line by line (computed from lines, not from printed totals)."""
    income: list[Num] = [0, 0]
    costs: list[Num] = [0, 0]
    for _, table in statements:
        for rows, sums in ((table.intakter, income), (table.kostnader, costs)):
            for row in rows:
                sums[0] += _in_tkr(row.utfall, table.belopp)
                sums[1] += _in_tkr(row.budget, table.belopp)
    return IncomeStatementSum(
        grupp=group,
        namn=name,
        enheter=[unit for unit, _ in statements],
        intakter=Sums(utfall=income[0], budget=income[1]),
        kostnader=Sums(utfall=costs[0], budget=costs[1]),
    )


def _grouped(
    statements: list[tuple[str, Resultatrakning]], group_of: Callable[[str], str]
) -> dict[str, list[tuple[str, Resultatrakning]]]:
    """Statements by the group `group_of(unit)` names, each group in the statements' order."""
    groups: dict[str, list[tuple[str, Resultatrakning]]] = {}
    for unit, table in statements:
        groups.setdefault(group_of(unit), []).append((unit, table))
    return groups


def _economy(scope: _Scope) -> Economy:
    statements = [(unit, table) for unit, report in scope.by_unit if (table := income_statement(report)) is not None]
    departments = _grouped(statements, lambda unit: scope.units[unit].avdelning)
    areas = _grouped(statements, lambda unit: scope.units[unit].verksamhetsomrade)
    by_department = [sum_statements(d.id, d.namn, departments.get(d.id, [])) for d in scope.organisation.avdelningar]
    by_area = [sum_statements(a.id, a.namn, areas.get(a.id, [])) for a in scope.organisation.verksamhetsomraden]
    return Economy(
        per_avdelning=[g for g in by_department if g.enheter],
        per_verksamhetsomrade=[g for g in by_area if g.enheter],
        totalt=sum_statements("totalt", "Totalt", statements),
        resultatenheter=_result_units(scope),
        driftbudget=_operating_budget(scope),
    )


def _council_table(scope: _Scope, kind: str) -> Any:
    return scope.council.ekonomi.first(kind) if scope.council else None


RESULT_COLUMNS = ("bruttobudget", "fem_procent", "overforing_fran_fg", "resultat", "overforing_till_nasta")


def result_units(table: Resultatenheter, names: dict[str, str]) -> ResultUnits:
    """Recompute the resultatenheter table from its rows: 5 %, next year's transfer, totals, rules."""
    rows = [
        ResultUnitRow(
            enhet=r.enhet,
            namn=r.namn or names.get(r.enhet, r.enhet),
            bruttobudget=r.bruttobudget,
            fem_procent=eco.five_percent(r.bruttobudget),
            overforing_fran_fg=r.overforing_fran_fg,
            resultat=r.resultat,
            overforing_till_nasta=eco.transfer_to_next(r.overforing_fran_fg, r.resultat),
            over_5_procent=eco.over_transfer_limit(r.bruttobudget, r.resultat),
            over_10_procent=eco.over_fund_limit(r.bruttobudget, eco.transfer_to_next(r.overforing_fran_fg, r.resultat)),
        )
        for r in table.rader
    ]
    totals = {c: sum(getattr(r, c) for r in rows) for c in RESULT_COLUMNS}
    printed = {c: getattr(table.summa, c) for c in RESULT_COLUMNS} if table.summa else None
    return ResultUnits(rader=rows, summa=totals, angiven_summa=printed)


def _result_units(scope: _Scope) -> ResultUnits | None:
    table = _council_table(scope, "resultatenheter")
    return result_units(table, {u: scope.name(u) for u in scope.units}) if table else None


BUDGET_COLUMNS = ("budget", "begarda_bj", "prognos_fore", "prognos_efter", "avvikelse")


def _operating_budget(scope: _Scope) -> OperatingBudget | None:
    table = _council_table(scope, "driftbudget")
    if table is None:
        return None
    computed = {c: _column_sum([getattr(r, c) for r in table.rader]) for c in BUDGET_COLUMNS}
    return OperatingBudget(beraknat=computed, angivet={c: getattr(table.totalt, c) for c in BUDGET_COLUMNS})


def _column_sum(values: list[Num | None]) -> Num | None:
    """The rounded sum of a column, or None when a row's figure is not given: an empty cell is never taken for 0."""
    return None if None in values else round(sum(v for v in values if v is not None), 1)


# --- completeness and figures for prose -----------------------------------------

REQUIRED = {"sammanfattande_analys": "Sammanfattande analys"}


def _completeness(scope: _Scope) -> Completeness:
    missing = [u for u in scope.units if u not in scope.unit_reports]
    empty: dict[str, list[str]] = {}
    todo: dict[str, int] = {}
    for node, report in sorted(
        [*scope.unit_reports.items(), *([(scope.council.organisation, scope.council)] if scope.council else [])]
    ):
        blank = [title for key, title in REQUIRED.items() if not getattr(report, key).strip()]
        if node in scope.unit_reports and not any(c.enhetsmal for c in scope.council_goals(report).values()):
            blank.append("Enhetsmål")
        if blank:
            empty[node] = blank
        markers = todo_count(report)
        if markers:
            todo[node] = markers
    return Completeness(saknar_rapport=missing, tomma_avsnitt=empty, att_gora=todo)


class StatusCount(BaseModel):
    """How many goals of a level the council has rated, and how many of those it rates helt and delvis."""

    rated: int = 0
    helt: int = 0
    delvis: int = 0
    goals: int = 0  # in the catalogue, rated or not


def council_counts(goals: list[Goal]) -> tuple[StatusCount, StatusCount]:
    """The council's ratings of its nämndmål and of the KF mål för verksamhetsområdet among `goals`."""
    return _count([c.namndens_status for g in goals for c in g.namndmal]), _count([g.namndens_status for g in goals])


def _count(statuses: list[str | None]) -> StatusCount:
    rated = [s for s in statuses if s]
    return StatusCount(
        rated=len(rated), helt=rated.count("Uppfylls helt"), delvis=rated.count("Uppfylls delvis"), goals=len(statuses)
    )


def prose_figures(goals: list[Goal]) -> list[str]:
    """Sentences the council's text can use, computed from the data."""
    council, kf = council_counts(goals)
    lines = []
    if council.rated:
        lines.append(f"{council.helt} av {council.rated} nämndmål bedöms uppfyllas helt.")
    if kf.rated:
        lines.append(f"{kf.helt} av {kf.rated} mål för verksamhetsområdet bedöms uppfyllas helt.")
    tally = Tally()
    for goal in goals:
        tally = tally.add(goal.antal)
    reported = tally.helt + tally.delvis + tally.ej
    if reported:
        lines.append(f"{tally.helt} av {reported} enhetsmål uppfylls helt, {tally.delvis} delvis och {tally.ej} inte.")
    return lines

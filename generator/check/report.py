"""Rules for reports: identity, references into the catalogue and organisation, values, analyses."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from generator.check.organisation import node_ids
from generator.check.values import check_percent, check_plausible_date, check_year
from generator.content.lookup import CatalogueIndex, Place, index
from generator.content.models import (
    AktivitetUppfoljning,
    Indikator,
    IndikatorUtfall,
    Katalog,
    MalUppfoljning,
    NamndmalUppfoljning,
    Organisation,
    Rapport,
)
from generator.content.report_places import COUNCIL_ONLY_ECONOMY
from generator.content.report_places import COUNCIL_ONLY_KEYS as COUNCIL_ONLY
from generator.content.report_places import UNIT_ONLY_KEYS as UNIT_ONLY
from generator.problems import Location, Problem, problem, suggestion
from generator.rollup.assess import judged_value, verdict

_OUTCOME_FIELDS = ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende", "prognos", "arsmal")


def expected_path(report: Rapport) -> str:
    """Where a report belongs: rapporter/<organisation>/<år>-<period>.yml (or .yaml)."""
    return f"rapporter/{report.organisation}/{report.ar}-{report.period.lower()}.yml"


def _disagreeing_field(report: Rapport, file: str) -> str:
    """The first of organisation, ar and period that the file's name (<organisation>/<år>-<period>) disagrees with."""
    path = PurePath(file)
    year, _, period = path.stem.partition("-")
    if path.parent.name != report.organisation:
        return "organisation"
    if year != str(report.ar):
        return "ar"
    return "period" if period.lower() != report.period.lower() else "organisation"


def check_report_set(reports: list[tuple[str, Rapport]]) -> list[Problem]:
    """One report per (organisation, year, period), each in the file its contents name."""
    found = []
    seen: dict[tuple[str, int, str], str] = {}
    for file, report in reports:
        key = (report.organisation, report.ar, report.period)
        if key in seen:
            found.append(
                problem(
                    "VB208",
                    file,
                    ("organisation",),
                    org=report.organisation,
                    year=report.ar,
                    period=report.period,
                    first=seen[key],
                )
            )
        seen.setdefault(key, file)
        expected = expected_path(report)
        if PurePath(file).with_suffix(".yml").as_posix() != expected and not PurePath(file).with_suffix(
            ".yml"
        ).as_posix().endswith("/" + expected):
            found.append(
                problem(
                    "VB209",
                    file,
                    (_disagreeing_field(report, file),),
                    org=report.organisation,
                    year=report.ar,
                    period=report.period,
                    name=file,
                    expected=f"content/{expected}",
                )
            )
    return found


def check_report(
    report: Rapport,
    file: str,
    catalogue: Katalog | None,
    organisation: Organisation | None,
    catalogue_broken: bool = False,
) -> list[Problem]:
    """References, sections, dates, percentages and missing analyses of one report."""
    found = check_year(report.ar, file, ("ar",))
    nodes = node_ids(organisation)
    if nodes and report.organisation not in nodes:
        found.append(
            problem(
                "VB201",
                file,
                ("organisation",),
                ref=report.organisation,
                suggestion=suggestion(report.organisation, nodes),
            )
        )
    # Unknown when organisation.yml is missing or broken: rules that depend on it stay silent then.
    is_council = None if organisation is None else report.organisation == organisation.namnd.id
    found += _check_sections(report, file, is_council)
    if report.datum is not None:
        found += check_plausible_date(report.datum, file, ("datum",), report.ar)
    if catalogue is None:
        if report.inriktningsmal and not catalogue_broken:
            found.append(problem("VB206", file, ("ar",), year=report.ar))
        return found
    checker = _GoalChecker(index(catalogue), report, file, is_council)
    checker.run()
    return found + checker.found


def _check_sections(report: Rapport, file: str, is_council: bool | None) -> list[Problem]:
    """Sections only the council or only a unit writes; nothing when it is unknown whose report it is."""
    if is_council is None:
        return []
    found = []
    wrong = UNIT_ONLY if is_council else COUNCIL_ONLY
    who = "enhetens" if is_council else "nämnden"
    for name in wrong:
        if getattr(report, name):
            found.append(problem("VB212", file, (name,), field=name, who=who, on_key=True))
    if not is_council:
        for name in COUNCIL_ONLY_ECONOMY:
            if getattr(report.ekonomi, name):
                found.append(
                    problem("VB212", file, ("ekonomi", name), field=f"ekonomi.{name}", who="nämnden", on_key=True)
                )
    return found


class _GoalChecker:
    """Walks a report's goal tree against the catalogue, collecting problems."""

    def __init__(self, catalogue: CatalogueIndex, report: Rapport, file: str, is_council: bool | None) -> None:
        self.catalogue = catalogue
        self.report = report
        self.file = file
        self.is_council = is_council
        self.year = report.ar
        self.found: list[Problem] = []
        self.first: dict[tuple[str, str], Location] = {}

    def add(self, code: str, path: Location, **args: Any) -> None:
        self.found.append(problem(code, self.file, path, year=self.year, **args))

    def run(self) -> None:
        for d, direction in enumerate(self.report.inriktningsmal):
            base: Location = ("inriktningsmal", d)
            if direction.nr not in self.catalogue.directions:
                self.add(
                    "VB202",
                    (*base, "nr"),
                    ref=direction.nr,
                    suggestion=suggestion(direction.nr, self.catalogue.directions),
                )
            for g, goal in enumerate(direction.mal):
                self._goal(goal, (*base, "mal", g), direction.nr)

    def _goal(self, goal: MalUppfoljning, path: Location, direction_nr: str) -> None:
        known = goal.nr in self.catalogue.goals
        if not known:
            self.add("VB202", (*path, "nr"), ref=goal.nr, suggestion=suggestion(goal.nr, self.catalogue.goals))
        elif self.catalogue.goal_parent[goal.nr] != direction_nr:
            parent = self.catalogue.goal_parent[goal.nr]
            self.add("VB213", (*path, "nr"), what="Målet", ref=goal.nr, actual=f"inriktningsmål {parent}")
        self._leaves(goal.indikatorer, goal.aktiviteter, path, (goal.nr,) if known else None)
        names = {place[1] for place in self.catalogue.council_goals if place[0] == goal.nr}
        for n, council_goal in enumerate(goal.namndmal):
            self._council_goal(council_goal, (*path, "namndmal", n), goal.nr if known else None, names)

    def _council_goal(self, goal: NamndmalUppfoljning, path: Location, goal_nr: str | None, names: set[str]) -> None:
        """An unknown nämndmål is reported, and what stands under it is still checked (no problems in rounds)."""
        known = goal_nr is not None and (goal_nr, goal.id) in self.catalogue.council_goals
        if goal_nr is not None and not known:
            titles = {ref: self.catalogue.council_goals[(goal_nr, ref)].titel for ref in names}
            self.add("VB203", (*path, "id"), ref=goal.id, parent=goal_nr, suggestion=suggestion(goal.id, names, titles))
        self._leaves(goal.indikatorer, goal.aktiviteter, path, (str(goal_nr), goal.id) if known else None)
        for e, own_goal in enumerate(goal.enhetsmal):
            if own_goal.status in ("Uppfylls delvis", "Uppfylls ej") and not own_goal.analys.strip():
                self.add("VB502", (*path, "enhetsmal", e, "status"), name=own_goal.titel, status=own_goal.status)

    def _leaves(
        self,
        indicators: list[IndikatorUtfall],
        activities: list[AktivitetUppfoljning],
        path: Location,
        place: Place | None,
    ) -> None:
        for i, outcome in enumerate(indicators):
            self._indicator(outcome, (*path, "indikatorer", i), place)
        for a, activity in enumerate(activities):
            self._activity(activity, (*path, "aktiviteter", a), place)

    def _placed(
        self, kind: str, ref: str, path: Location, place: Place | None, table: dict[str, tuple[Place, Any]], code: str
    ) -> bool:
        """True when `ref` is in the catalogue at `place`; otherwise records why not."""
        if (kind, ref) in self.first:
            first = self.first[(kind, ref)]
            self.add(
                "VB211", (*path, "id"), what=kind.capitalize(), ref=ref, first=_path_text(first), _first=(*first, "id")
            )
        self.first.setdefault((kind, ref), path)
        if ref not in table:
            here = [k for k, (p, _) in table.items() if p == place]
            named = {k: str(getattr(item, "namn", None) or getattr(item, "text", "")) for k, (_, item) in table.items()}
            self.add(code, (*path, "id"), ref=ref, suggestion=suggestion(ref, here or list(table), named))
            return False
        actual = table[ref][0]
        if place is not None and actual != place:
            self.add("VB213", (*path, "id"), what=kind.capitalize(), ref=ref, actual=self.catalogue.place_name(actual))
        return True

    def _indicator(self, outcome: IndikatorUtfall, path: Location, place: Place | None) -> None:
        if not self._placed("indikatorn", outcome.id, path, place, self.catalogue.indicators, "VB204"):
            return
        indicator = self.catalogue.indicators[outcome.id][1]
        if indicator.enhet == "%":
            for name in _OUTCOME_FIELDS:
                value = getattr(outcome, name)
                if isinstance(value, (int, float)):
                    self.found += check_percent(value, self.file, (*path, name), name)
        self._below_target(outcome, indicator, path)
        if outcome.ej_matt is not None and outcome.utfall is not None:
            self.add("VB504", (*path, "ej_matt"), name=indicator.namn, value=outcome.utfall, reason=outcome.ej_matt)

    def _below_target(self, outcome: IndikatorUtfall, indicator: Indikator, path: Location) -> None:
        value = judged_value(self.report.period, outcome.utfall, outcome.prognos)
        target = outcome.arsmal if outcome.arsmal is not None else indicator.arsmal
        if outcome.analys.strip() or verdict(value, target, indicator.riktning) in ("uppfyllt", "ingen bedömning"):
            return
        self.add("VB501", (*path, "utfall"), name=indicator.namn, value=value, target=target)

    def _activity(self, activity: AktivitetUppfoljning, path: Location, place: Place | None) -> None:
        if not self._placed("aktiviteten", activity.id, path, place, self.catalogue.activities, "VB205"):
            return
        assigned = self.catalogue.activities[activity.id][1].galler
        if isinstance(assigned, list) and self.is_council is False and self.report.organisation not in assigned:
            self.add("VB214", (*path, "id"), ref=activity.id, org=self.report.organisation)


def _path_text(path: Location) -> str:
    return ".".join(map(str, path))

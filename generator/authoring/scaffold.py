"""A new report's skeleton, so a unit starts from the right goals instead of an empty file.

Pure: the year's catalogue and the unit's earlier reports in, the report's data
out. The unit gets what concerns it: the activities whose `galler` names it, or
says "alla" and whose verksamhetsområden (generator.areas) include the unit's;
the indicators of its area; the nämndmål and KF mål above them or tagged with
its area; and the enhetsmål of its previous report with their status.
Everything the unit has to write is left as a TODO marker that `vb check`
reports (VB503) until it is filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.content.areas import Areas, concerns, inherit, names_area
from generator.content.models import (
    TERTIALS,
    Aktivitet,
    Enhetsmal,
    Indikator,
    Katalog,
    KfMal,
    Namndmal,
    Rapport,
    period_rank,
)

TODO_ANALYSIS = "TODO: skriv analys"
TODO_OUTCOME = "# TODO: fyll i utfall"
TODO_TEXTS = {
    "sammanfattande_analys": "TODO: skriv sammanfattande analys",
    "ekonomi": "TODO: skriv analys av resultaträkningen",
    "systematiskt_kvalitetsarbete": "TODO: skriv om det systematiska kvalitetsarbetet",
    "ovrigt": "TODO: skriv om synpunkter och klagomål, lex Sarah och annat som ska redovisas",
}


@dataclass
class Scaffold:
    """The new report's data and the enhetsmål that could not be carried over."""

    data: dict[str, Any]
    left_out: list[str] = field(default_factory=list)
    kept: int = 0  # enhetsmål carried over from the previous report


@dataclass
class _Context:
    """What the walk over the catalogue needs to know about the unit."""

    unit: str
    period: str
    is_council: bool
    carried: dict[str, list[Enhetsmal]]
    outcomes: dict[str, float | int]
    states: dict[str, str]
    area: str | None = None
    placed: set[str] = field(default_factory=set)

    def assigned(self, activity: Aktivitet, areas: Areas) -> bool:
        """The council follows every activity; a unit those whose `galler` names it, or says "alla" in its area."""
        if self.is_council:
            return True
        if activity.galler == "alla":
            return concerns(inherit(activity.verksamhetsomraden, areas), self.area)
        return self.unit in activity.galler

    def measures(self, indicator: Indikator, areas: Areas) -> bool:
        """The council reports every indicator; a unit those of its verksamhetsområde."""
        return self.is_council or concerns(inherit(indicator.verksamhetsomraden, areas), self.area)


def previous_report(reports: list[Rapport], unit: str, year: int, period: str) -> Rapport | None:
    """The unit's latest report before (year, period), in the order VP, T1, T2, VB within a year."""
    here = (year, period_rank(period))
    earlier = [r for r in reports if r.organisation == unit and (r.ar, period_rank(r.period)) < here]
    return max(earlier, key=lambda r: (r.ar, period_rank(r.period)), default=None)


def find_report(reports: list[Rapport], unit: str, year: int, period: str) -> Rapport | None:
    """The unit's report for exactly (year, period), if there is one."""
    return next((r for r in reports if (r.organisation, r.ar, r.period) == (unit, year, period)), None)


def scaffold(
    catalogue: Katalog,
    unit: str,
    period: str,
    *,
    is_council: bool = False,
    previous: Rapport | None = None,
    last_vb: Rapport | None = None,
    area: str | None = None,
) -> Scaffold:
    """The report's data: goals, indicators and activities of the unit (in its verksamhetsområde `area`),
    previous enhetsmål, TODO markers."""
    context = _Context(
        unit,
        period,
        is_council,
        _own_goals(previous),
        _outcomes(last_vb),
        _states(previous),
        None if is_council else area,
    )
    directions = []
    for direction in catalogue.inriktningsmal:
        goals = [found for found in (_goal(goal, context) for goal in direction.mal) if found]
        if goals:
            directions.append({"nr": direction.nr, "mal": goals})
    data: dict[str, Any] = {"organisation": unit, "ar": catalogue.ar, "period": period}
    if previous is not None and previous.handlaggare is not None:
        data["handlaggare"] = previous.handlaggare.model_dump(exclude_none=True)
    data["sammanfattande_analys"] = TODO_TEXTS["sammanfattande_analys"]
    data["inriktningsmal"] = directions
    data["ekonomi"] = {"driftbudget": [{"text": TODO_TEXTS["ekonomi"]}]}
    if not is_council:
        data["systematiskt_kvalitetsarbete"] = TODO_TEXTS["systematiskt_kvalitetsarbete"]
    data["ovrigt"] = TODO_TEXTS["ovrigt"]
    left_out = [own.titel for ref, goals in context.carried.items() if ref not in context.placed for own in goals]
    kept = sum(len(goals) for ref, goals in context.carried.items() if ref in context.placed)
    return Scaffold(data, left_out, kept)


def _own_goals(previous: Rapport | None) -> dict[str, list[Enhetsmal]]:
    """The previous report's enhetsmål by nämndmål id."""
    found: dict[str, list[Enhetsmal]] = {}
    for direction in previous.inriktningsmal if previous else []:
        for goal in direction.mal:
            for council_goal in goal.namndmal:
                found.setdefault(council_goal.id, []).extend(council_goal.enhetsmal)
    return {ref: goals for ref, goals in found.items() if goals}


def _outcomes(last_vb: Rapport | None) -> dict[str, float | int]:
    """Each indicator's outcome in last year's VB: this year's 'utfall föregående'."""
    found: dict[str, float | int] = {}
    for direction in last_vb.inriktningsmal if last_vb else []:
        for goal in direction.mal:
            for outcome in [*goal.indikatorer, *(o for c in goal.namndmal for o in c.indikatorer)]:
                if outcome.utfall is not None:
                    found.setdefault(outcome.id, outcome.utfall)
    return found


def _states(previous: Rapport | None) -> dict[str, str]:
    """Each activity's state in the previous report, so a finished activity stays finished."""
    found: dict[str, str] = {}
    for direction in previous.inriktningsmal if previous else []:
        for goal in direction.mal:
            for activity in [*goal.aktiviteter, *(a for c in goal.namndmal for a in c.aktiviteter)]:
                if activity.status is not None:
                    found.setdefault(activity.id, activity.status)
    return found


def _goal(goal: KfMal, context: _Context) -> dict[str, Any] | None:
    areas = goal.verksamhetsomraden
    council_goals = [found for found in (_council_goal(c, areas, context) for c in goal.namndmal) if found]
    activities = [_activity(a, context) for a in goal.aktiviteter if context.assigned(a, areas)]
    if not (council_goals or activities or context.is_council):
        return None
    entry: dict[str, Any] = {"nr": goal.nr}
    if context.is_council:
        entry["analys"] = TODO_ANALYSIS
    entry["indikatorer"] = [_indicator(i, context) for i in goal.indikatorer if context.measures(i, areas)]
    entry["aktiviteter"] = activities
    entry["namndmal"] = council_goals
    return {key: value for key, value in entry.items() if value != []}


def _council_goal(goal: Namndmal, parent: Areas, context: _Context) -> dict[str, Any] | None:
    areas = inherit(goal.verksamhetsomraden, parent)
    activities = [_activity(a, context) for a in goal.aktiviteter if context.assigned(a, areas)]
    own = context.carried.get(goal.id, [])
    if not (activities or own or context.is_council or names_area(goal.verksamhetsomraden, context.area)):
        return None
    context.placed.add(goal.id)
    entry: dict[str, Any] = {"id": goal.id}
    if context.is_council:
        entry["analys"] = TODO_ANALYSIS
    entry["indikatorer"] = [_indicator(i, context) for i in goal.indikatorer if context.measures(i, areas)]
    entry["aktiviteter"] = activities
    entry["enhetsmal"] = [
        {"titel": e.titel, "status": e.status, "forvantat_resultat": e.forvantat_resultat, "analys": TODO_ANALYSIS}
        for e in own
    ]
    return {key: value for key, value in entry.items() if value != []}


def _indicator(indicator: Indikator, context: _Context) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": indicator.id, "utfall": None}
    if indicator.jamstalldhet:
        entry.update(utfall_man=None, utfall_kvinnor=None)
    entry["utfall_foregaende"] = context.outcomes.get(indicator.id)
    if context.period in TERTIALS:
        entry["prognos"] = None
    entry["analys"] = ""
    return entry


def _activity(activity: Aktivitet, context: _Context) -> dict[str, Any]:
    return {"id": activity.id, "status": context.states.get(activity.id), "avvikelse": "", "analys": TODO_ANALYSIS}


_OUTCOME_LINE = re.compile(r"^(?P<indent>\s*)utfall: null$")


def with_outcome_todos(text: str) -> str:
    """Put a '# TODO: fyll i utfall' comment above every empty outcome: a number cannot carry the marker."""
    lines = []
    for line in text.split("\n"):
        match = _OUTCOME_LINE.match(line)
        if match:
            lines.append(f"{match.group('indent')}{TODO_OUTCOME}")
        lines.append(line)
    return "\n".join(lines)

"""Written text and written statuses against the data: the council's prose and its units' reports."""

from __future__ import annotations

import re

from generator.rollup.claims import Claim, check_counts, check_status_split
from generator.content.models import Katalog, Organisation, Rapport
from generator.problems import Path, Problem, problem


def check_consistency(report: Rapport, file: str, catalogue: Katalog | None, organisation: Organisation | None,
                      unit_reports: list[Rapport]) -> list[Problem]:
    """Number claims in a council report's text, and its statuses against its units' (same year and period)."""
    if organisation is None or catalogue is None or report.organisation != organisation.namnd.id:
        return []
    found = _direction_claims(report, file, catalogue)
    found += _report_claims(report, file, organisation)
    found += _status_conflicts(report, file, catalogue, [r for r in unit_reports if (r.ar, r.period) == (report.ar, report.period)])
    return found


def _as_problems(claims: list[Claim], file: str, path: Path) -> list[Problem]:
    return [problem("VB701", file, path, what=c.what, written=c.written, counted=c.counted, excerpt=_excerpt(c.text))
            for c in claims]


def _excerpt(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "…"


def _direction_claims(report: Rapport, file: str, catalogue: Katalog) -> list[Problem]:
    found = []
    for d, direction in enumerate(report.inriktningsmal):
        goals = [g for g in catalogue.inriktningsmal if g.nr == direction.nr]
        if not goals:
            continue
        council_goals = [c for g in goals[0].mal for c in g.namndmal]
        rated = {(g.nr, c.id): c.status for g in direction.mal for c in g.namndmal}
        goal_status = [g.status for g in direction.mal]
        claims = check_counts(direction.text, "nämndmål", len(council_goals))
        claims += check_counts(direction.text, "mål för verksamhetsområdet", len(goals[0].mal))
        claims += check_status_split(direction.text, "nämndmål", _count(rated.values(), "Uppfylls helt"),
                                     _count(rated.values(), "Uppfylls delvis"))
        claims += check_status_split(direction.text, "mål för verksamhetsområdet", _count(goal_status, "Uppfylls helt"),
                                     _count(goal_status, "Uppfylls delvis"))
        found += _as_problems(claims, file, ("inriktningsmal", d, "text"))
    return found


def _count(statuses, wanted: str) -> int:
    return sum(1 for s in statuses if s == wanted)


def _stem(name: str) -> str | None:
    words = [w for w in re.findall(r"[a-zåäö]+", name.lower()) if len(w) >= 5]
    return words[0][:7] if words else None


def _report_claims(report: Rapport, file: str, organisation: Organisation) -> list[Problem]:
    result_units = report.ekonomi.first("resultatenheter")
    if result_units is None:
        return []
    units = {u.id: u for u in organisation.enheter}
    table = result_units.rader
    scopes: dict[str, int] = {}
    for area in organisation.verksamhetsomraden:
        stem = _stem(area.namn)
        if stem:
            scopes[stem] = sum(1 for r in table if r.enhet in units and units[r.enhet].verksamhetsomrade == area.id)
    found = []
    for path, text in _report_texts(report):
        found += _as_problems(check_counts(text, "resultatenheter", len(table), scopes), file, path)
    return found


def _report_texts(report: Rapport):
    for key in ("sammanfattning", "sammanfattande_analys"):
        yield (key,), getattr(report, key)
    for section, i, block in report.ekonomi.blocks():
        if block.text:
            yield ("ekonomi", section, i, "text"), block.text


def _status_conflicts(report: Rapport, file: str, catalogue: Katalog, units: list[Rapport]) -> list[Problem]:
    titles = {(g.nr, c.id): c.titel for d in catalogue.inriktningsmal for g in d.mal for c in g.namndmal}
    found = []
    for d, direction in enumerate(report.inriktningsmal):
        for g, goal in enumerate(direction.mal):
            for n, council_goal in enumerate(goal.namndmal):
                if council_goal.status != "Uppfylls helt":
                    continue
                for unit in units:
                    for own in _own_goals(unit, goal.nr, council_goal.id):
                        if own.status == "Uppfylls ej":
                            found.append(problem("VB702", file, ("inriktningsmal", d, "mal", g, "namndmal", n, "status"),
                                                 goal=titles.get((goal.nr, council_goal.id), council_goal.id),
                                                 status=council_goal.status, unit=unit.organisation, own=own.titel))
    return found


def _own_goals(report: Rapport, nr: str, goal_id: str):
    for direction in report.inriktningsmal:
        for goal in direction.mal:
            if goal.nr == nr:
                for council_goal in goal.namndmal:
                    if council_goal.id == goal_id:
                        yield from council_goal.enhetsmal

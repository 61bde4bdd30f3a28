"""Written text and written statuses against the data: the council's prose and its units' reports."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.models import Organisation, Rapport
from generator.problems import Location, Problem, problem
from generator.rollup.aggregate import Aggregate, Rollup, council_counts
from generator.rollup.claims import Claim, check_counts, check_status_split


def check_consistency(report: Rapport, file: str, rollup: Rollup, organisation: Organisation | None) -> list[Problem]:
    """Number claims in a council report's text, and its statuses against its units' (its period's aggregate)."""
    if organisation is None or report.organisation != organisation.namnd.id:
        return []
    rolled = rollup.get(report.ar, report.period)
    if rolled is None:
        return []
    found = _direction_claims(report, file, rolled)
    found += _report_claims(report, file, organisation)
    found += _status_conflicts(report, file, rolled)
    return found


def _as_problems(claims: list[Claim], file: str, path: Location) -> list[Problem]:
    return [
        problem("VB701", file, path, what=c.what, written=c.written, counted=c.counted, excerpt=_excerpt(c.text))
        for c in claims
    ]


def _excerpt(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "…"


def _direction_claims(report: Rapport, file: str, rolled: Aggregate) -> list[Problem]:
    """What each inriktningsmål's text says it holds and how the council rated it, against the aggregate's counts."""
    found = []
    for d, direction in enumerate(report.inriktningsmal):
        goals = [goal for goal in rolled.mal if goal.inriktningsmal == direction.nr]
        if not goals:
            continue
        council, kf = council_counts(goals)
        claims = check_counts(direction.text, "nämndmål", council.goals)
        claims += check_counts(direction.text, "mål för verksamhetsområdet", kf.goals)
        claims += check_status_split(direction.text, "nämndmål", council.helt, council.delvis)
        claims += check_status_split(direction.text, "mål för verksamhetsområdet", kf.helt, kf.delvis)
        found += _as_problems(claims, file, ("inriktningsmal", d, "text"))
    return found


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


def _report_texts(report: Rapport) -> Iterator[tuple[Location, str]]:
    for key in ("sammanfattning", "sammanfattande_analys"):
        yield (key,), getattr(report, key)
    for section, i, block in report.ekonomi.blocks():
        if block.text:
            yield ("ekonomi", section, i, "text"), block.text


def _status_conflicts(report: Rapport, file: str, rolled: Aggregate) -> list[Problem]:
    """A nämndmål the council rates as met, while one of its units says an enhetsmål under it is not."""
    places = {
        (goal.nr, council_goal.id): ("inriktningsmal", d, "mal", g, "namndmal", n, "status")
        for d, direction in enumerate(report.inriktningsmal)
        for g, goal in enumerate(direction.mal)
        for n, council_goal in enumerate(goal.namndmal)
    }
    found = []
    for goal in rolled.mal:
        for council_goal in goal.namndmal:
            place = places.get((goal.nr, council_goal.id))
            if place is None or council_goal.namndens_status != "Uppfylls helt":
                continue
            found += [
                problem(
                    "VB702",
                    file,
                    place,
                    goal=council_goal.titel,
                    status=council_goal.namndens_status,
                    unit=own.enhet,
                    own=own.titel,
                )
                for own in council_goal.enhetsmal
                if own.status == "Uppfylls ej"
            ]
    return found

"""Rules for a year's goal catalogue: unique ids, sane dates and targets, known units."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.organisation import node_ids
from generator.check.values import check_date_range, check_percent, check_year
from generator.content.id_twins import near_twins, suggest
from generator.content.models import Aktivitet, Indikator, Katalog, Organisation
from generator.problems import Location, Problem, problem, suggestion


def check_catalogue(catalogue: Katalog, file: str, organisation: Organisation | None) -> list[Problem]:
    """Duplicate ids, activity dates, percentage targets and activity units in one catalogue."""
    found = check_year(catalogue.ar, file, ("ar",))
    seen: dict[str, str] = {}
    units = node_ids(organisation)
    for path, kind, item in _walk(catalogue):
        key = str(getattr(item, "nr", None) or getattr(item, "id", ""))
        if key in seen:
            found.append(
                problem(
                    "VB207", file, (*path, "id" if hasattr(item, "id") else "nr"), ref=key, first=seen[key], what=kind
                )
            )
        else:
            seen[key] = f"{kind} {key}"
        if isinstance(item, Aktivitet):
            found += _check_activity(item, path, file, catalogue.ar, units)
        found += _check_areas(item, path, file, organisation)
        if isinstance(item, Indikator) and item.enhet == "%" and isinstance(item.arsmal, (int, float)):
            found += check_percent(item.arsmal, file, (*path, "arsmal"), "Årsmål")
    return found + _check_twins(catalogue, file)


_DEFINITE = {"nämndmål": "nämndmålet", "indikator": "indikatorn", "aktivitet": "aktiviteten"}


def _check_twins(catalogue: Katalog, file: str) -> list[Problem]:
    """Ids that a reader cannot tell apart (generator.id_twins), reported at the later one."""
    items = [(path, kind, item) for path, kind, item in _walk(catalogue) if hasattr(item, "id")]
    found = []
    for earlier, later in near_twins([item.id for _, _, item in items]):
        (_, _, first), (path, kind, second) = items[earlier], items[later]
        found.append(
            problem(
                "VB215",
                file,
                (*path, "id"),
                ref=second.id,
                name=_name(second),
                other=first.id,
                other_name=_name(first),
                what=_DEFINITE.get(kind, kind),
                example=suggest(_name(second), _name(first)),
            )
        )
    return found


def _name(item: object) -> str:
    """What a reader calls an item: an indicator's name, a goal's title, an activity's text (shortened)."""
    text = str(getattr(item, "namn", None) or getattr(item, "titel", None) or getattr(item, "text", ""))
    return text if len(text) <= 80 else text[:79].rsplit(" ", 1)[0] + "…"


def _check_areas(item: object, path: Location, file: str, organisation: Organisation | None) -> list[Problem]:
    """Every area a goal, indicator or activity is tagged with is a verksamhetsområde of organisation.yml."""
    areas = getattr(item, "verksamhetsomraden", None)
    if organisation is None or not isinstance(areas, list):
        return []
    known = [a.id for a in organisation.verksamhetsomraden]
    return [
        problem(
            "VB210",
            file,
            (*path, "verksamhetsomraden", index),
            ref=ref,
            what="verksamhetsomraden",
            suggestion=suggestion(ref, known),
        )
        for index, ref in enumerate(areas)
        if ref not in known
    ]


def _check_activity(activity: Aktivitet, path: Location, file: str, year: int, units: dict[str, str]) -> list[Problem]:
    found = check_date_range(activity.start, activity.slut, file, path, year)
    if isinstance(activity.galler, list) and units:
        for index, unit in enumerate(activity.galler):
            if unit not in units:
                found.append(
                    problem("VB201", file, (*path, "galler", index), ref=unit, suggestion=suggestion(unit, units))
                )
    return found


def _walk(catalogue: Katalog) -> Iterator[tuple[Location, str, object]]:
    for d, direction in enumerate(catalogue.inriktningsmal):
        for g, goal in enumerate(direction.mal):
            base: Location = ("inriktningsmal", d, "mal", g)
            yield base, "mål", goal
            yield from _leaves(base, goal.indikatorer, goal.aktiviteter)
            for n, council_goal in enumerate(goal.namndmal):
                path = (*base, "namndmal", n)
                yield path, "nämndmål", council_goal
                yield from _leaves(path, council_goal.indikatorer, council_goal.aktiviteter)


def _leaves(
    base: Location, indicators: list[Indikator], activities: list[Aktivitet]
) -> Iterator[tuple[Location, str, object]]:
    for i, indicator in enumerate(indicators):
        yield (*base, "indikatorer", i), "indikator", indicator
    for a, activity in enumerate(activities):
        yield (*base, "aktiviteter", a), "aktivitet", activity

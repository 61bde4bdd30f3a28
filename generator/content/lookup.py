"""Look-ups over a goal catalogue: where each goal, indicator and activity sits."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.models import Aktivitet, Indikator, Katalog, KfMal, Namndmal

Place = tuple[str, ...]  # ("1.4",) for a KF mål, ("1.4", "namndmal-id") for a nämndmål


@dataclass
class CatalogueIndex:
    """Every item of one year's catalogue by id, with the place it belongs to."""

    catalogue: Katalog
    directions: dict[str, str] = field(default_factory=dict)
    goals: dict[str, KfMal] = field(default_factory=dict)
    goal_parent: dict[str, str] = field(default_factory=dict)
    council_goals: dict[Place, Namndmal] = field(default_factory=dict)
    indicators: dict[str, tuple[Place, Indikator]] = field(default_factory=dict)
    activities: dict[str, tuple[Place, Aktivitet]] = field(default_factory=dict)

    def place_name(self, place: Place) -> str:
        """A reader's name for a place: 'mål 1.4' or 'nämndmålet "…" under mål 1.4'."""
        if len(place) == 1:
            return f"mål {place[0]}"
        return f'nämndmålet "{place[1]}" under mål {place[0]}'


def index(catalogue: Katalog) -> CatalogueIndex:
    """Build the look-up tables of a catalogue (the first of two equal ids wins)."""
    found = CatalogueIndex(catalogue)
    for direction in catalogue.inriktningsmal:
        found.directions[direction.nr] = direction.titel
        for goal in direction.mal:
            found.goals.setdefault(goal.nr, goal)
            found.goal_parent.setdefault(goal.nr, direction.nr)
            _items(found, (goal.nr,), goal.indikatorer, goal.aktiviteter)
            for council_goal in goal.namndmal:
                place = (goal.nr, council_goal.id)
                found.council_goals.setdefault(place, council_goal)
                _items(found, place, council_goal.indikatorer, council_goal.aktiviteter)
    return found


def _items(found: CatalogueIndex, place: Place, indicators: list[Indikator], activities: list[Aktivitet]) -> None:
    for indicator in indicators:
        found.indicators.setdefault(indicator.id, (place, indicator))
    for activity in activities:
        found.activities.setdefault(activity.id, (place, activity))

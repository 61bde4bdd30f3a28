"""Which verksamhetsområden a goal, indicator or activity of the catalogue concerns.

The catalogue may tag a KF mål, a nämndmål, an indicator or an activity with
`verksamhetsomraden`: a list of area ids, or "alla". An untagged item concerns
what the goal above it concerns; an untagged KF mål concerns every area.
"""

from __future__ import annotations

Areas = list[str] | str | None


def inherit(own: Areas, parent: Areas) -> Areas:
    """An item's areas: its own tag, else its parent's."""
    return own if own is not None else parent


def concerns(areas: Areas, area: str | None) -> bool:
    """True when items with `areas` concern a unit of `area` (None: the council, which follows everything)."""
    return area is None or areas is None or areas == "alla" or area in areas


def names_area(areas: Areas, area: str | None) -> bool:
    """True when `areas` lists `area` itself (not just "every area")."""
    return area is not None and isinstance(areas, list) and area in areas

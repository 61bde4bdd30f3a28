"""Stable paths and anchors of the pages built from the aggregate (goals, indicators, economy).

Paths are built from ids only, so a page keeps its address as long as the id
stays: mal/<år>/<period>/<KF-mål>/<nämndmål-id>/, indikatorer/<id>/,
ekonomi/<år>/<period>/. They sit in their own top folders, so no unit id can
collide with them (a unit's reports live in <år>/<period>/<enhet>/). Every page
is an index.md in a folder of its own, so an id such as "index" is harmless.

Anchors in the report pages carry a double hyphen: a heading's automatic id is
a slug and never has one, so an anchor cannot clash with a heading's id.
"""

from __future__ import annotations

GOALS = "mal/index.md"
INDICATORS = "indikatorer/index.md"
ECONOMY = "ekonomi/index.md"


def _period(year: int, period: str) -> str:
    return f"{year}/{period.lower()}"


def goals_path(year: int, period: str) -> str:
    """The goals of one period: mal/2021/t1/index.md."""
    return f"mal/{_period(year, period)}/index.md"


def kf_goal_path(year: int, period: str, nr: str) -> str:
    """A KF mål för verksamhetsområdet in one period: mal/2021/t1/1.1/index.md."""
    return f"mal/{_period(year, period)}/{nr}/index.md"


def council_goal_path(year: int, period: str, nr: str, goal_id: str) -> str:
    """A nämndmål in one period: mal/2021/t1/1.1/<nämndmål-id>/index.md."""
    return f"mal/{_period(year, period)}/{nr}/{goal_id}/index.md"


def indicator_path(indicator_id: str) -> str:
    """An indicator over every period: indikatorer/<id>/index.md."""
    return f"indikatorer/{indicator_id}/index.md"


def indicator_group_path(nr: str) -> str:
    """The indicators of a KF mål: indikatorer/1.1/index.md (a number has a dot, so no indicator id is one)."""
    return f"indikatorer/{nr}/index.md"


def economy_path(year: int, period: str) -> str:
    """The economy of one period: ekonomi/2021/t1/index.md."""
    return f"ekonomi/{_period(year, period)}/index.md"


def council_goal_anchor(goal_id: str) -> str:
    """The anchor of a nämndmål's heading in a report page."""
    return f"namndmal--{goal_id}"


def unit_goal_anchor(goal_id: str, number: int) -> str:
    """The anchor of a report's n:th enhetsmål (from 1) under a nämndmål."""
    return f"enhetsmal--{goal_id}--{number}"

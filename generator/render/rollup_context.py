"""Typed contexts of the pages built from the aggregate, and the period data their builders share.

Like `generator.render.context`: one dataclass per template, values already
formatted the Swedish way or escaped Markdown (`Markup`). Tables use the
shared `Table` context; sections the shared `Section`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from markupsafe import Markup

from generator.content.lookup import CatalogueIndex
from generator.content.models import Organisation
from generator.render.context import Link, Part, Table, UnitGoal
from generator.render.info import ReportInfo
from generator.render.overview import PeriodKey
from generator.rollup.aggregate import Aggregate


@dataclass
class RollupPage:
    """A page of the rolled-up follow-up: title, facts (ready Markdown, may hold links), sentences, parts."""

    TEMPLATE: ClassVar[str] = "rollup_page.md.j2"
    title: str
    facts: list[tuple[str, Markup]]
    sentences: list[str]
    parts: list[Part]


@dataclass
class UnitGoals:
    """One unit's enhetsmål under a nämndmål, each linked to its place in the unit's report."""

    TEMPLATE: ClassVar[str] = "unit_goals.md.j2"
    level: int
    unit: str
    goals: list[UnitGoal]
    draft: bool = False  # TODO markers are left in the unit's report: its texts here may be unfinished


@dataclass
class IndicatorSummary:
    """An indicator in one period: its facts, a link to its page over all periods, and the table per unit."""

    TEMPLATE: ClassVar[str] = "indicator_summary.md.j2"
    level: int
    title: str
    facts: list[tuple[str, str]]
    link: Link
    table: Table | None
    notes: list[str] = field(default_factory=list)


@dataclass
class PeriodData:
    """One period's aggregate (computed once) with what its pages show and link to."""

    key: PeriodKey
    aggregate: Aggregate
    found: CatalogueIndex
    organisation: Organisation
    reports: dict[str, str]
    council: ReportInfo | None

    def unit_order(self) -> dict[str, int]:
        """Units in organisation.yml's order."""
        return {unit.id: number for number, unit in enumerate(self.organisation.enheter)}

"""The site's own pages: the start page, one page per period, the units and one page per unit."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from generator.content.models import Enhet, Organisation
from generator.render import format as fmt
from generator.render.context import HomePage, Link, LinkGroup, PeriodPage, UnitPage, UnitsPage
from generator.render.environment import render_context
from generator.render.info import ReportInfo
from generator.render.nav import relative
from generator.render.text import tidy

HOME = "index.md"
UNITS = "enheter/index.md"


@dataclass(frozen=True)
class PeriodKey:
    """A reporting period present in the content: (year, period)."""

    year: int
    period: str

    @property
    def path(self) -> str:
        """The period's page: <år>/<period>/index.md."""
        return f"{self.year}/{self.period.lower()}/index.md"

    @property
    def label(self) -> str:
        """ "T1 2021", "VB 2020"."""
        return fmt.period_label(self.period, self.year)

    @property
    def title(self) -> str:
        """ "Tertialrapport 1 2021", "Verksamhetsberättelse 2020"."""
        return fmt.report_name(self.period, self.year).replace(" för ", " ")


def unit_path(unit_id: str) -> str:
    """A unit's page: enheter/<id>/index.md, in a folder of its own so that no id can clash with enheter/index.md."""
    return f"enheter/{unit_id}/index.md"


def report_path(info: ReportInfo) -> str:
    """A report's first page: <år>/<period>/<organisation-id>/index.md."""
    return f"{info.base}/index.md"


def _render(env: Environment, context: object) -> str:
    return tidy(str(render_context(env, context)))


def _departments(
    organisation: Organisation, source: str, units: list[Enhet], target: dict[str, str]
) -> list[LinkGroup]:
    """Units grouped by avdelning in organisation.yml's order, linked to `target[unit id]`."""
    groups = []
    for department in organisation.avdelningar:
        links = [
            Link(u.namn, relative(source, target[u.id]))
            for u in units
            if u.avdelning == department.id and u.id in target
        ]
        if links:
            groups.append(LinkGroup(department.namn, links))
    return groups


def home_page(
    env: Environment,
    organisation: Organisation,
    periods: list[PeriodKey],
    council: list[ReportInfo],
    reported: set[str] | None = None,
    glance: object = None,
) -> str:
    """index.md: the council, its periods, its own reports, and the units that have reports (`reported`, unit ids;
    None: all units), by avdelning; the others are counted and found under Enheter."""
    council_body = organisation.namnd
    contact = [
        line
        for line in [
            ", ".join(council_body.adress),
            council_body.telefon or "",
            council_body.epost or "",
            council_body.webb or "",
        ]
        if line
    ]
    units = {u.id: unit_path(u.id) for u in organisation.enheter if reported is None or u.id in reported}
    return _render(
        env,
        HomePage(
            title=council_body.namn,
            administration=council_body.forvaltning,
            contact=contact,
            periods=[Link(p.label, p.path) for p in periods],
            council_reports=[Link(fmt.report_name(i.report.period, i.report.ar), report_path(i)) for i in council],
            departments=_departments(organisation, HOME, organisation.enheter, units),
            without_reports=len(organisation.enheter) - len(units),
            units_href=UNITS,
            glance=glance,
        ),
    )


def period_page(env: Environment, organisation: Organisation, key: PeriodKey, reports: list[ReportInfo]) -> str:
    """One period: the council's report first, then the units' reports by avdelning."""
    council = [
        Link(fmt.report_name(i.report.period, i.report.ar), relative(key.path, report_path(i)))
        for i in reports
        if i.is_council
    ]
    targets = {i.report.organisation: report_path(i) for i in reports if not i.is_council}
    return _render(
        env, PeriodPage(key.title, council, _departments(organisation, key.path, organisation.enheter, targets))
    )


def unit_page(env: Environment, organisation: Organisation, unit: Enhet, reports: list[ReportInfo]) -> str:
    """A unit: avdelning, verksamhetsområde, resultatenhet, enhetschef and every report, newest first."""
    departments = {d.id: d.namn for d in organisation.avdelningar}
    areas = {a.id: a.namn for a in organisation.verksamhetsomraden}
    facts = [
        ("Avdelning", departments.get(unit.avdelning, unit.avdelning)),
        ("Verksamhetsområde", areas.get(unit.verksamhetsomrade, unit.verksamhetsomrade)),
        ("Resultatenhet", "Ja" if unit.resultatenhet else "Nej"),
    ]
    if unit.enhetschef:
        facts.append(("Enhetschef", unit.enhetschef))
    source = unit_path(unit.id)
    links = [Link(fmt.report_name(i.report.period, i.report.ar), relative(source, report_path(i))) for i in reports]
    return _render(env, UnitPage(unit.namn, facts, links))


def units_page(env: Environment, organisation: Organisation) -> str:
    """enheter/index.md: every unit, by avdelning."""
    units = {u.id: unit_path(u.id) for u in organisation.enheter}
    return _render(env, UnitsPage("Enheter", _departments(organisation, UNITS, organisation.enheter, units)))

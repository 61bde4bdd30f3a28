"""Typed template contexts: one dataclass per template, holding display-ready values.

Values are already formatted the Swedish way (strings) or are narrative
Markdown (`Markup`, headings already nested). A context may hold other
contexts; its template renders them with `part(...)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol, Union

from markupsafe import Markup

if TYPE_CHECKING:
    from generator.render.adoption import AdoptionNotice


@dataclass(frozen=True)
class Link:
    """A link from one generated page to another (`href` is relative, to a .md file)."""

    title: str
    href: str


@dataclass(frozen=True)
class TocEntry:
    """One line of a printed Innehållsförteckning, possibly a link."""

    level: int
    title: str
    href: str = ""


# --- goals ------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator row, every cell formatted with its unit."""

    name: str
    gender_equality: bool
    outcome: str
    men: str
    women: str
    previous: str
    forecast: str
    target: str
    kf_target: str
    period: str


@dataclass(frozen=True)
class Analysis:
    """A named analysis: an indicator's, or one unit's analysis of an activity."""

    name: str
    text: Markup


@dataclass
class IndicatorTable:
    """Indicator table with the analyses that follow it."""

    TEMPLATE: ClassVar[str] = "indicators.md.j2"
    level: int
    previous_label: str
    show_forecast: bool
    rows: list[IndicatorRow]
    analyses: list[Analysis]


@dataclass(frozen=True)
class ActivityRow:
    """One activity row: text from the catalogue, dates, state and deviation."""

    text: str
    start: str
    end: str
    state: str
    deviation: Markup


@dataclass(frozen=True)
class ActivityAnalyses:
    """The analyses of one activity, each under the name of the unit that wrote it."""

    activity: str
    contributions: list[Analysis]


@dataclass
class ActivityTable:
    """Activity table with each activity's analyses below it."""

    TEMPLATE: ClassVar[str] = "activities.md.j2"
    level: int
    rows: list[ActivityRow]
    analyses: list[ActivityAnalyses]


@dataclass
class UnitGoal:
    """An enhetsmål: status, Förväntat resultat and Analys; `anchor` for links to it, `link` to where it came from."""

    TEMPLATE: ClassVar[str] = "unit_goal.md.j2"
    level: int
    title: str
    status: str
    expected: Markup
    analysis: Markup
    anchor: str = ""
    link: Link | None = None


@dataclass
class CouncilGoal:
    """A nämndmål: status, Beskrivning and Förväntat resultat from the catalogue, Analys, tables, enhetsmål.

    `anchor` is the link target of its heading; `summary` links to the nämndmål's page for all units.
    """

    TEMPLATE: ClassVar[str] = "council_goal.md.j2"
    level: int
    title: str
    status: str
    description: Markup
    expected: Markup
    analysis: Markup
    indicators: IndicatorTable | None
    activities: ActivityTable | None
    unit_goals: list[UnitGoal]
    anchor: str = ""
    summary: Link | None = None


@dataclass
class KfGoal:
    """A KF mål för verksamhetsområdet (1.1 …) with everything under it."""

    TEMPLATE: ClassVar[str] = "kf_goal.md.j2"
    level: int
    title: str
    status: str
    analysis: Markup
    indicators: IndicatorTable | None
    activities: ActivityTable | None
    council_goals: list[CouncilGoal]


# --- economy ----------------------------------------------------------------


@dataclass(frozen=True)
class TableRow:
    """One table row; cells are ready Markdown (bold, italic, indent applied)."""

    cells: list[Markup]


@dataclass
class Table:
    """Any economy table: lines above it, header, alignment, rows and a footnote."""

    TEMPLATE: ClassVar[str] = "table.md.j2"
    caption: Sequence[str]
    header: Sequence[str]
    right_aligned: list[bool]
    rows: list[TableRow]
    footnote: str = ""


# --- sections and pages -----------------------------------------------------


class Templated(Protocol):
    """A typed context that names its template: every part of a page is one, or ready Markdown."""

    TEMPLATE: ClassVar[str]


Part = Union[Markup, Templated]


@dataclass
class Section:
    """A section of the report's outline: heading, its content, then its sub-sections."""

    TEMPLATE: ClassVar[str] = "section.md.j2"
    level: int
    title: str
    body: list[Part] = field(default_factory=list)
    children: list[Part] = field(default_factory=list)


@dataclass
class Cover:
    """The council report's cover parts (Förslag till beslut …) and its Bilagor; not in the TOC."""

    TEMPLATE: ClassVar[str] = "cover.md.j2"
    level: int
    parts: list[tuple[str, Markup]]
    attachments: list[str]
    show_attachments: bool
    adoption: AdoptionNotice | None = None  # above the cover, when the report is adopted


@dataclass
class Signatures:
    """Underskrifter, and the digital approvals as a Namn/Datum table."""

    TEMPLATE: ClassVar[str] = "signatures.md.j2"
    signatures: list[tuple[str, str]]
    approvals: list[tuple[str, str]]


@dataclass
class LinkList:
    """A heading (out of the TOC) over a nested list of entries, linked where they have a target."""

    TEMPLATE: ClassVar[str] = "links.md.j2"
    level: int
    title: str
    entries: list[TocEntry]


@dataclass
class ReportPage:
    """A page of a report (the whole report, one of its parts, or the print view)."""

    TEMPLATE: ClassVar[str] = "report_page.md.j2"
    title: str
    facts: list[tuple[str, str]]
    links: list[Link]
    parts: list[Part]
    print_view: bool = False
    print_button: bool = False
    pdf: str = ""  # the report's PDF, relative to the page: a "Ladda ner som PDF" link whose size the build fills in
    draft: bool = False  # TODO markers are left in the report: the page says it is not finished


# --- site pages ---------------------------------------------------------------


@dataclass(frozen=True)
class LinkGroup:
    """A titled list of links (an avdelning and its units, a period and its reports)."""

    title: str
    links: list[Link]


@dataclass
class HomePage:
    """index.md: the council, its reports by period, its avdelningar and units."""

    TEMPLATE: ClassVar[str] = "index.md.j2"
    title: str
    administration: str
    contact: list[str]
    periods: list[Link]
    council_reports: list[Link]
    departments: list[LinkGroup]
    without_reports: int = 0  # units left out of `departments` because they have no report yet
    units_href: str = "enheter/index.md"
    glance: object = None  # the newest period at a glance (generator.render.glance.Glance), if any


@dataclass
class PeriodPage:
    """One period (e.g. T1 2021): the council's report and the units' reports."""

    TEMPLATE: ClassVar[str] = "period.md.j2"
    title: str
    council: list[Link]
    departments: list[LinkGroup]


@dataclass
class UnitPage:
    """One unit: where it sits in the organisation and all its reports over time."""

    TEMPLATE: ClassVar[str] = "unit.md.j2"
    title: str
    facts: list[tuple[str, str]]
    reports: list[Link]


@dataclass
class UnitsPage:
    """enheter/index.md: every unit by avdelning."""

    TEMPLATE: ClassVar[str] = "units.md.j2"
    title: str
    departments: list[LinkGroup]

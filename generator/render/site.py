"""Pages stage: the site as Markdown pages and a navigation tree, from loaded content and its aggregates.

`PAGE_BUILDERS` is the list of page builders: each takes the `SiteData` and
returns navigation nodes holding their pages, in the order they appear in the
navigation. Further pages are added by appending a builder; nothing else needs
to change. No engine here: `nav_config` gives the navigation in mkdocs.yml's
form, and the engine is told how it names headings (`SiteData.anchors`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment

from generator.content.load import Content
from generator.content.models import Organisation, period_rank
from generator.content.webbplats import Webbplats
from generator.parallel import fork_map
from generator.render.adopted_page import adopted_copies, with_adopted_version
from generator.render.downloads import (
    CATALOGUE,
    DATA,
    DATA_PAGE,
    PeriodDownloads,
    data_page_context,
    dcat_catalogue,
    period_files,
)
from generator.render.environment import TEMPLATES, fresh_environment, render_context
from generator.render.glance import Glance, glance
from generator.render.glossary import glossary_page
from generator.render.html import PageHtml, strip_front_matter
from generator.render.info import ReportInfo
from generator.render.nav import HeadingAnchors, NavNode, Page, Redirect
from generator.render.navgroups import department_sections
from generator.render.overview import (
    HOME,
    UNITS,
    PeriodKey,
    home_page,
    period_page,
    unit_page,
    unit_path,
    units_page,
)
from generator.render.packed import pack
from generator.render.page_memo import page_html
from generator.render.printed import PdfSource, pdf_sources
from generator.render.report import print_redirect, report_nav
from generator.render.rollup import period_data, rollup_nav
from generator.render.site_pages import site_pages
from generator.render.text import tidy
from generator.rollup.aggregate import Aggregate, YearPeriod

REPORTS_PER_PART = 40  # a district's reports in parts small enough to keep every core busy to the end


class SiteError(Exception):
    """The content cannot be made into a site (the message is Swedish and says what to do)."""


@dataclass
class SiteData:
    """What page builders get: the content, its organisation, every report ready to render and each period rolled up.

    `anchors` is how the site's engine will name a page's headings (a split report links its parts by them).
    """

    content: Content
    organisation: Organisation
    reports: list[ReportInfo]
    env: Environment
    rolled: Mapping[YearPeriod, Aggregate]
    anchors: HeadingAnchors

    def name_of(self, organisation_id: str) -> str:
        """The display name of the council or a unit."""
        if organisation_id == self.organisation.namnd.id:
            return self.organisation.namnd.namn
        return self._unit_names.get(organisation_id, organisation_id)

    @cached_property
    def _unit_names(self) -> dict[str, str]:
        """Unit id -> name, made once (a district has hundreds of units and reports)."""
        return {u.id: u.namn for u in self.organisation.enheter}

    @property
    def periods(self) -> list[PeriodKey]:
        """The periods that have reports, newest first."""
        keys = {PeriodKey(i.report.ar, i.report.period) for i in self.reports}
        return sorted(keys, key=lambda k: (k.year, period_rank(k.period)), reverse=True)

    def reports_in(self, key: PeriodKey) -> list[ReportInfo]:
        """The reports of one period: the council's first, then the units' in organisation.yml's order."""
        return [i for i in self.reports if (i.report.ar, i.report.period) == (key.year, key.period)]

    def reports_of(self, organisation_id: str) -> list[ReportInfo]:
        """One organisation's reports, newest first."""
        return list(self._by_organisation.get(organisation_id, []))

    @cached_property
    def _by_organisation(self) -> dict[str, list[ReportInfo]]:
        """The reports by organisation, made once when first asked (after site_data has set `reports`)."""
        found: dict[str, list[ReportInfo]] = {}
        for info in self.reports:
            found.setdefault(info.report.organisation, []).append(info)
        return found


PageBuilder = Callable[[SiteData], list[NavNode]]  # reads the SiteData, never changes it (builders run in parallel)


def should_split(info: ReportInfo) -> bool:
    """The council's report is long: one page per KF inriktningsmål, economy and övrigt. Units' fit on one page."""
    return info.is_council


def home_pages(site: SiteData) -> list[NavNode]:
    """The start page."""
    council = site.reports_of(site.organisation.namnd.id)
    reported = {info.report.organisation for info in site.reports}
    page = home_page(site.env, site.organisation, site.periods, council, reported, newest_glance(site))
    return [NavNode("Start", Page(HOME, page))]


def newest_glance(site: SiteData) -> Glance | None:
    """The newest period with the council's report (its assessments and budget), else the newest with goals."""
    shown = [key for key in site.periods if (key.year, key.period) in site.rolled]
    council = [key for key in shown if any(info.is_council for info in site.reports_in(key))]
    for key in council + [key for key in shown if key not in council]:
        rolled = site.rolled[(key.year, key.period)]
        if rolled.mal or rolled.ekonomi.driftbudget is not None:
            return glance(key, rolled, sum(1 for info in site.reports_in(key) if not info.is_council))
    return None


def period_pages(site: SiteData) -> list[NavNode]:
    """One section per period: the council's report with its parts, then the units' reports by avdelning."""
    return period_sections(site, [node for part in report_parts(site) for node in part(site)])


def report_parts(site: SiteData) -> list[PageBuilder]:
    """The reports' pages in groups of REPORTS_PER_PART, in site.reports' order, to be built side by side."""
    return [partial(report_pages, first=first) for first in range(0, len(site.reports), REPORTS_PER_PART)]


def report_pages(site: SiteData, first: int) -> list[NavNode]:
    """The pages of REPORTS_PER_PART reports from number `first` on: one navigation node per report (with its
    adopted version under it, when it has one)."""
    chosen = site.reports[first : first + REPORTS_PER_PART]
    copies = adopted_copies(site.content)
    return [
        with_adopted_version(
            site.env,
            report_nav(site.env, info, site.name_of, should_split(info), site.anchors),
            info,
            copies.get(info.base),
            site.name_of,
        )
        for info in chosen
    ]


def period_sections(site: SiteData, reports: list[NavNode]) -> list[NavNode]:
    """Each period's page and section, around its reports' nodes (one per report, in site.reports' order)."""
    node_of = {info.base: node for info, node in zip(site.reports, reports, strict=True)}
    sections = []
    for key in site.periods:
        infos = site.reports_in(key)
        council = [node_of[info.base] for info in infos if info.is_council]
        units = {info.report.organisation: node_of[info.base] for info in infos if not info.is_council}
        page = Page(key.path, period_page(site.env, site.organisation, key, infos))
        sections.append(NavNode(key.label, page, council + department_sections(site.organisation, units)))
    return sections


def unit_pages(site: SiteData) -> list[NavNode]:
    """Enheter: an overview, then each unit's page grouped by avdelning."""
    organisation = site.organisation
    units = {
        u.id: NavNode(u.namn, Page(unit_path(u.id), unit_page(site.env, organisation, u, site.reports_of(u.id))))
        for u in organisation.enheter
    }
    return [
        NavNode("Enheter", Page(UNITS, units_page(site.env, organisation)), department_sections(organisation, units))
    ]


def rollup_pages(site: SiteData) -> list[NavNode]:
    """Mål, Indikatorer and Ekonomi, from each period's aggregate (made once, before any page)."""
    periods = [
        period_data(key, site.rolled[(key.year, key.period)], catalogue, site.organisation, site.reports_in(key))
        for key in site.periods
        if (key.year, key.period) in site.rolled and (catalogue := site.content.catalogue(key.year)) is not None
    ]
    return rollup_nav(site.env, periods)


PAGE_BUILDERS: list[PageBuilder] = [home_pages, period_pages, unit_pages, rollup_pages]


@dataclass(frozen=True)
class Split:
    """A builder with a lot to do, as parts that may run side by side, and how its nodes are made from theirs."""

    parts: Callable[[SiteData], list[PageBuilder]]
    join: Callable[[SiteData, list[NavNode]], list[NavNode]]


SPLITS: dict[PageBuilder, Split] = {period_pages: Split(report_parts, period_sections)}


def builder_parts(data: SiteData, builders: list[PageBuilder]) -> list[tuple[int, PageBuilder]]:
    """Each builder, or its parts, with the number of the builder it stands for: whole builders first, so that
    the small parts fill the time while the last whole builder runs."""
    whole = [(number, builder) for number, builder in enumerate(builders) if builder not in SPLITS]
    return whole + [
        (number, part)
        for number, builder in enumerate(builders)
        if builder in SPLITS
        for part in SPLITS[builder].parts(data)
    ]


def joined(
    data: SiteData, builders: list[PageBuilder], parts: list[tuple[int, PageBuilder]], built: list[list[NavNode]]
) -> list[list[NavNode]]:
    """Each builder's nodes, made from its parts' nodes (in the parts' order)."""
    nodes: list[list[NavNode]] = [[] for _ in builders]
    for (number, _), made in zip(parts, built, strict=True):
        nodes[number].extend(made)
    return [SPLITS[builder].join(data, made) if builder in SPLITS else made for builder, made in zip(builders, nodes)]


@dataclass
class Site:
    """Every generated page (path -> Markdown, and its HTML), the navigation over them, and moved pages' addresses."""

    pages: dict[str, str] = field(default_factory=dict)
    html: dict[str, PageHtml] = field(default_factory=dict)  # each page's HTML, made by the core's one parser
    nav: list[NavNode] = field(default_factory=list)
    redirects: list[Redirect] = field(default_factory=list)
    documents: list[PdfSource] = field(default_factory=list)  # one PDF per report, made once the pages are written
    council: str = ""  # the council's name, which the site's name includes
    files: dict[str, str | bytes] = field(default_factory=dict)  # downloads (data/...): path -> content


def site_data(
    content: Content, rolled: Mapping[YearPeriod, Aggregate], anchors: HeadingAnchors, templates: Path = TEMPLATES
) -> SiteData:
    """Prepare loaded content and its periods' aggregates for the page builders."""
    if content.organisation is None:
        raise SiteError("content/organisation.yml saknas eller kan inte läsas. Kör `vb check` och rätta felen.")
    organisation: Organisation = content.organisation.model
    council_id = organisation.namnd.id
    order = {unit.id: number for number, unit in enumerate(organisation.enheter, start=1)}
    loaded = sorted(
        content.reports,
        key=lambda r: (
            -r.model.ar,
            -period_rank(r.model.period),
            0 if r.model.organisation == council_id else 1,
            order.get(r.model.organisation, len(order) + 1),
        ),
    )
    data = SiteData(content, organisation, [], fresh_environment(templates), rolled, anchors)
    data.reports = [
        ReportInfo(
            r.model,
            content.catalogue(r.model.ar),
            data.name_of(r.model.organisation),
            r.model.organisation == council_id,
        )
        for r in loaded
    ]
    return data


def build_pages(
    data: SiteData, builders: list[PageBuilder] | None = None, processes: int = 1, markdown: bool = True
) -> Site:
    """Run every page builder (in up to `processes` processes: builders only read the SiteData); no page twice.

    Without `markdown` a page whose HTML is made keeps only its front matter (the engine reads its settings there):
    the Markdown stays in the process that made it."""
    chosen = PAGE_BUILDERS if builders is None else builders
    parts = builder_parts(data, chosen)
    kept = with_html if markdown else html_only
    periods = download_periods(data)

    def task(number: int) -> Any:
        """A builder's part, or after them a period's open data (made meanwhile, not after the pages)."""
        if number < len(parts):
            return kept(parts[number][1](data))
        return period_files(*periods[number - len(parts)])

    done = fork_map(task, len(parts) + len(periods), processes)
    built: list[tuple[list[NavNode], dict[str, PageHtml]]] = done[: len(parts)]
    files = {folder: made for (_, folder, _), made in zip(periods, done[len(parts) :], strict=True)}
    site = assemble(data, joined(data, chosen, parts, [nodes for nodes, _ in built]), lambda _, f, __: files[f])
    for _, pages in built:
        site.html.update(pages)
    site.html.update((path, page_html(text, path)) for path, text in site.pages.items() if path not in site.html)
    return site


def with_html(nodes: list[NavNode]) -> tuple[list[NavNode], dict[str, PageHtml]]:
    """A builder's nodes and their pages' HTML, rendered in the builder's process (its texts' inline parse is
    reused across its pages)."""
    return nodes, {page.path: page_html(page.text, page.path) for node in nodes for page in node.pages()}


def html_only(nodes: list[NavNode]) -> tuple[list[NavNode], dict[str, PageHtml]]:
    """`with_html`, each page's Markdown cut to its front matter and its HTML compressed (generator.render.packed)."""
    made, pages = with_html(nodes)
    return [without_markdown(node) for node in made], {path: pack(page) for path, page in pages.items()}


def without_markdown(node: NavNode) -> NavNode:
    """The node and the nodes below it, each page's text cut to its front matter."""
    page = node.page and Page(node.page.path, front_matter(node.page.text))
    return NavNode(node.title, page, [without_markdown(child) for child in node.children])


def front_matter(text: str) -> str:
    """A page's YAML front matter block, or nothing."""
    return text[: len(text) - len(strip_front_matter(text))]


PeriodFiles = Callable[[str, str, Aggregate], tuple[PeriodDownloads, dict[str, str | bytes]]]


def add_site_pages(site: Site, data: SiteData, downloads: PeriodFiles = period_files) -> None:
    """The accessibility statement, the about page and the glossary, outside the menu (every page's foot links to
    them); `downloads` makes a period's open data (`mkdocs serve` keeps them while the period is unchanged)."""
    settings = data.content.webbplats.model if data.content.webbplats else None
    own = [*site_pages(data.env, settings, data.organisation), glossary_page(data.env)]
    site.pages.update({page.path: page.text for page in own})
    add_downloads(site, data, settings, downloads)


def add_downloads(
    site: Site, data: SiteData, settings: Webbplats | None, downloads: PeriodFiles = period_files
) -> None:
    """Every period's open data under data/, the page listing it and the DCAT-AP-SE catalogue."""
    listed = []
    for label, folder, rolled in download_periods(data):
        period, files = downloads(label, folder, rolled)
        listed.append(period)
        site.files.update(files)
    licence = settings.licens if settings else "CC0-1.0"
    email = settings.tillganglighet.kontakt.epost if settings else data.organisation.namnd.epost or ""
    publisher = (settings.utgivare if settings else None) or data.organisation.namnd.namn
    site.files[f"{DATA}/{CATALOGUE}"] = dcat_catalogue(listed, publisher, email, licence)
    site.pages[DATA_PAGE] = tidy(str(render_context(data.env, data_page_context(listed, licence))))
    site.council = data.organisation.namnd.namn


def download_periods(data: SiteData) -> list[tuple[str, str, Aggregate]]:
    """Each rolled-up period's name, the folder of its open data under data/ and its roll-up."""
    found = []
    for key in data.periods:
        rolled = data.rolled.get((key.year, key.period))
        if rolled is not None:
            found.append((key.label, f"{key.year}-{key.period.lower()}", rolled))
    return found


def assemble(data: SiteData, built: list[list[NavNode]], downloads: PeriodFiles = period_files) -> Site:
    """The builders' navigation, in the builders' order, as one site; two builders may not make the same page."""
    site = Site()
    for nodes in built:
        for node in nodes:
            site.nav.append(node)
            for page in node.pages():
                if page.path in site.pages:
                    raise SiteError(f"Sidan {page.path} skapas två gånger.")
                site.pages[page.path] = page.text
    moved = [print_redirect(info, should_split(info)) for info in data.reports]
    site.redirects = [r for r in moved if r and r.target in site.pages and r.source not in site.pages]
    site.documents = pdf_sources(data.reports, data.organisation.namnd.namn, should_split, adopted_copies(data.content))
    add_site_pages(site, data, downloads)
    return site


def nav_config(nodes: list[NavNode]) -> list[Any]:
    """The navigation in mkdocs.yml's `nav` form; a section's own page comes first (navigation.indexes)."""
    entries: list[Any] = []
    for node in nodes:
        if not node.children and node.page:
            entries.append({node.title: node.page.path})
            continue
        inner: list[Any] = [node.page.path] if node.page else []
        entries.append({node.title: inner + nav_config(node.children)})
    return entries

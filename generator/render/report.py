"""A report to pages: the whole report on one page that is also its print view, or parts and a print view.

Every page follows `generator.content.outline`: a section's heading is the outline's
title and its level is its depth, so the page TOC reads as the report's
Innehållsförteckning. Headings that are not in the Innehållsförteckning (cover
parts, "Analys", nämndmål, the authors' own sub-headings) are kept out of the
TOC. Empty sections still appear, with nothing under them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import Environment

from generator.content.outline import Section as OutlineSection
from generator.content.outline import outline
from generator.render import format as fmt
from generator.render.adoption import ADOPTED_TITLE, adoption_notice
from generator.render.context import (
    Cover,
    Link,
    LinkList,
    Part,
    ReportPage,
    Section,
    Signatures,
    TocEntry,
)
from generator.render.economy import block_part
from generator.render.environment import render_context
from generator.render.goals import kf_goal
from generator.render.info import ReportInfo
from generator.render.nav import HeadingAnchors, NavNode, Page, Redirect
from generator.render.printed import pdf_file
from generator.render.text import narrative, tidy

NameOf = Callable[[str], str]
Hrefs = dict[int, str]  # id() of an outline section -> where it is shown, relative to the report's index page
COVER_PARTS = (
    ("forslag_till_beslut", "Förslag till beslut"),
    ("sammanfattning", "Sammanfattning"),
    ("arendets_beredning", "Ärendets beredning"),
    ("jamstalldhetsanalys", "Jämställdhetsanalys"),
)
TEXT_KEYS = (
    "sammanfattande_analys",
    "systematiskt_kvalitetsarbete",
    "ovrigt",
    "sarskilda_redovisningar",
    "konsekvenser_covid19",
)
PAGE_SLUGS = {"inriktningsmal": "mal", "ovrigt_avsnitt": "ovrigt", "systematiskt_kvalitetsarbete": "kvalitetsarbete"}
GOAL_KEY = re.compile(r"^inriktningsmal\.(\d+)\.mal\.(\d+)$")
DIRECTION_KEY = re.compile(r"^inriktningsmal\.(\d+)$")
PRINT_TITLE = "Utskriftsversion"
TOC_TITLE = "Innehållsförteckning"


def title_of(info: ReportInfo) -> str:
    """The report's page title: "Tertialrapport 1 för 2021 – Hägersten-Älvsjö stadsdelsnämnd"."""
    title = f"{fmt.report_name(info.report.period, info.report.ar)} – {info.name}"
    return f"{title} ({ADOPTED_TITLE.lower()})" if info.adopted_version else title


def sections_of(info: ReportInfo) -> list[OutlineSection]:
    """The report's outline (its table of contents)."""
    return outline(info.report, info.catalogue, info.is_council)


def section_part(section: OutlineSection, level: int, info: ReportInfo, name_of: NameOf, page: str) -> Part:
    """One outline section at `level` on the page at `page`, with its content and its sub-sections one level down."""
    goal = GOAL_KEY.match(section.key)
    if goal:
        followed = info.report.inriktningsmal[int(goal.group(1))].mal[int(goal.group(2))]
        return kf_goal(followed, section.title, level, info, page)
    children = [section_part(child, level + 1, info, name_of, page) for child in section.children]
    return Section(level, section.title, section_body(section.key, level, info, name_of), children)


def section_body(key: str, level: int, info: ReportInfo, name_of: NameOf) -> list[Part]:
    """What stands directly under a section's heading, before its sub-sections."""
    report = info.report
    direction = DIRECTION_KEY.match(key)
    if key in TEXT_KEYS:
        return [narrative(getattr(report, key), level)]
    if direction:
        return [narrative(report.inriktningsmal[int(direction.group(1))].text, level)]
    if key == "ekonomi":
        return [narrative(report.ekonomi.inledning, level)]
    if key.startswith("ekonomi."):
        return [block_part(block, level, name_of) for block in getattr(report.ekonomi, key.split(".", 1)[1])]
    return []


def cover(info: ReportInfo, level: int) -> Cover | None:
    """The council report's cover parts and Bilagor; a unit report shows only its Bilagor, if any; an adoption above them."""
    report = info.report
    parts = [(title, narrative(getattr(report, key), level)) for key, title in COVER_PARTS] if info.is_council else []
    show = info.is_council or bool(report.bilagor)
    notice = adoption_notice(report, info.adopted_version)
    if not parts and not show and notice is None:
        return None
    return Cover(level, parts, list(report.bilagor), show, notice)


def facts(info: ReportInfo) -> list[tuple[str, str]]:
    """Handläggare, Till and Datum, as on the report's first page."""
    report = info.report
    found: list[tuple[str, str]] = []
    if report.handlaggare:
        phone = f", telefon {report.handlaggare.telefon}" if report.handlaggare.telefon else ""
        found.append(("Handläggare", report.handlaggare.namn + phone))
    if report.till:
        found.append(("Till", report.till))
    if report.datum:
        found.append(("Datum", fmt.iso_date(report.datum)))
    return found


def signatures(info: ReportInfo) -> Signatures | None:
    """Underskrifter and godkännanden, if the report has any."""
    report = info.report
    if not report.underskrifter and not report.godkannanden:
        return None
    return Signatures(
        [(s.namn, s.titel or "") for s in report.underskrifter],
        [(g.namn, fmt.iso_date(g.datum)) for g in report.godkannanden],
    )


def toc_entries(
    sections: list[OutlineSection], href: Callable[[OutlineSection], str] | None = None, level: int = 1
) -> list[TocEntry]:
    """The Innehållsförteckning as list entries, linked when `href` gives a target."""
    entries: list[TocEntry] = []
    for section in sections:
        entries.append(TocEntry(level, section.title, href(section) if href else ""))
        entries += toc_entries(section.children, href, level + 1)
    return entries


def render_page(env: Environment, page: ReportPage) -> str:
    """A page context to Markdown text."""
    return tidy(str(render_context(env, page)))


def print_view(env: Environment, info: ReportInfo, name_of: NameOf) -> str:
    """The whole report on one page in document order, for printing to PDF."""
    sections = sections_of(info)
    parts: list[Part | None] = [cover(info, 2), LinkList(2, TOC_TITLE, toc_entries(sections))]
    parts += [section_part(section, 2, info, name_of, f"{info.base}/utskrift.md") for section in sections]
    parts.append(signatures(info))
    page = ReportPage(
        title_of(info),
        facts(info),
        [],
        [p for p in parts if p is not None],
        print_view=True,
        print_button=True,
        pdf=f"../{pdf_file(info)}",
        draft=info.is_draft,
    )
    return render_page(env, page)


def report_nav(env: Environment, info: ReportInfo, name_of: NameOf, split: bool, anchors: HeadingAnchors) -> NavNode:
    """The report's pages as navigation: one page that is also its print view, or (split) parts and a print view.

    A split report links its parts' sections by the ids the engine gives their headings (`anchors`).
    """
    base = info.base
    if not split:
        return NavNode(info.name, Page(f"{base}/index.md", whole_page(env, info, name_of)))
    printed = NavNode(PRINT_TITLE, Page(f"{base}/utskrift.md", print_view(env, info, name_of)))
    sections = sections_of(info)
    hrefs: Hrefs = {}
    children = [part_nav(env, info, section, name_of, hrefs, anchors) for section in sections[1:]]
    _add_signatures(env, info, children)
    front = Page(f"{base}/index.md", front_page(env, info, sections, name_of, hrefs, anchors))
    return NavNode(info.name, front, [*children, printed])


def print_redirect(info: ReportInfo, split: bool) -> Redirect | None:
    """A one-page report is its own print view; its former print view's address leads to it."""
    if split:
        return None
    return Redirect(f"{info.base}/utskrift.md", f"{info.base}/index.md", title_of(info))


def whole_page(env: Environment, info: ReportInfo, name_of: NameOf) -> str:
    """A report on one page in document order, also its print view: cover, contents, sections, signatures."""
    sections = sections_of(info)
    parts: list[Part | None] = [cover(info, 2), LinkList(2, TOC_TITLE, toc_entries(sections))]
    parts += [section_part(section, 2, info, name_of, f"{info.base}/index.md") for section in sections]
    parts.append(signatures(info))
    return render_page(
        env,
        ReportPage(
            title_of(info),
            facts(info),
            [],
            [p for p in parts if p is not None],
            print_button=True,
            pdf=pdf_file(info),
            draft=info.is_draft,
        ),
    )


def front_page(
    env: Environment,
    info: ReportInfo,
    sections: list[OutlineSection],
    name_of: NameOf,
    hrefs: Hrefs,
    anchors: HeadingAnchors,
) -> str:
    """The first page of a split report: cover, a linked Innehållsförteckning and the first section."""
    first = section_part(sections[0], 2, info, name_of, f"{info.base}/index.md")

    def page(links: Hrefs) -> str:
        """The page with the links known so far (rendered twice: the first section's anchor comes from it)."""
        entries = toc_entries(sections, lambda section: links.get(id(section), ""))
        parts = [cover(info, 2), LinkList(2, TOC_TITLE, entries), first]
        return render_page(
            env,
            ReportPage(
                title_of(info),
                facts(info),
                [Link(PRINT_TITLE, "utskrift.md")],
                [p for p in parts if p is not None],
                pdf=pdf_file(info),
                draft=info.is_draft,
            ),
        )

    found = [anchor for level, _, anchor in anchors(page(hrefs)) if level == 2]
    if found:  # the first section is the page's only TOC heading below the title
        hrefs[id(sections[0])] = f"#{found[0]}"
    return page(hrefs)


def page_slug(section: OutlineSection) -> str:
    """The folder-free name of a top section's page: "mal", "ekonomi", "ovrigt"."""
    return PAGE_SLUGS.get(section.key, section.key.replace("_", "-").replace(".", "-"))


def _direction_slug(section: OutlineSection) -> str:
    """A direction's page name is its number ("1"), read off its title "1. …"."""
    return section.title.split(".", 1)[0]


def _section_page(
    env: Environment,
    info: ReportInfo,
    section: OutlineSection,
    name_of: NameOf,
    path: str,
    href: str,
    hrefs: Hrefs,
    anchors: HeadingAnchors,
) -> NavNode:
    """A section as a page of its own (heading h1); its sub-sections are linked by their exact anchors."""
    text = render_page(
        env, ReportPage("", [], [], [section_part(section, 1, info, name_of, path)], draft=info.is_draft)
    )
    hrefs[id(section)] = href
    found = anchors(text)[1:]
    if len(found) == len(section.children):
        for child, (_, _, anchor) in zip(section.children, found):
            hrefs[id(child)] = f"{href}#{anchor}"
    return NavNode(section.title, Page(path, text))


def part_nav(
    env: Environment, info: ReportInfo, section: OutlineSection, name_of: NameOf, hrefs: Hrefs, anchors: HeadingAnchors
) -> NavNode:
    """A top section as its own page; the goals section as an index page with one page per direction."""
    slug = page_slug(section)
    if section.key != "inriktningsmal":
        return _section_page(env, info, section, name_of, f"{info.base}/{slug}.md", f"{slug}.md", hrefs, anchors)
    directions = [
        _section_page(
            env,
            info,
            child,
            name_of,
            f"{info.base}/{slug}/{_direction_slug(child)}.md",
            f"{slug}/{_direction_slug(child)}.md",
            hrefs,
            anchors,
        )
        for child in section.children
    ]
    hrefs[id(section)] = f"{slug}/index.md"

    def inner(entry: OutlineSection) -> str:
        """Links from the goals' index page, which sits in the goals' folder."""
        return hrefs.get(id(entry), "").removeprefix(f"{slug}/")

    index_page = ReportPage(
        section.title, [], [], [LinkList(2, "", toc_entries(section.children, inner))], draft=info.is_draft
    )
    return NavNode(section.title, Page(f"{info.base}/{slug}/index.md", render_page(env, index_page)), directions)


def _add_signatures(env: Environment, info: ReportInfo, children: list[NavNode]) -> None:
    """Underskrifter and godkännanden close the last part of a split report."""
    closing = signatures(info)
    last = children[-1] if children else None
    if closing is None or last is None or last.page is None:
        return
    text = last.page.text + "\n" + str(render_context(env, closing))
    last.page = Page(last.page.path, tidy(text))

"""The pages a public authority's site must have besides the reports: the accessibility statement
(tillgänglighetsredogörelse, in the parts DIGG prescribes) and "Om webbplatsen" (publisher, no cookies, no
tracking). Both are made from content/webbplats.yml and organisation.yml and linked from every page's foot."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from jinja2 import Environment
from markupsafe import Markup

from generator.content.models import Organisation
from generator.content.webbplats import Brist, Webbplats
from generator.render.environment import render_context
from generator.render.nav import Page
from generator.render.text import md_escape, narrative, tidy

STATEMENT = "tillganglighet/index.md"
ABOUT = "om-webbplatsen/index.md"
STATEMENT_TITLE = "Tillgänglighetsredogörelse"
ABOUT_TITLE = "Om webbplatsen"
MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
COMPLIANCE_TEXT = {
    "helt förenlig": "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.",
    "delvis förenlig": "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, "
    "på grund av de brister som beskrivs nedan.",
    "inte förenlig": "Webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig service, "
    "på grund av de brister som beskrivs nedan.",
}
STATEMENT_HREF = "../tillganglighet/index.md"
ABOUT_HREF = "../om-webbplatsen/index.md"
SECTION_LEVEL = 3  # a deficiency's own text sits under a level-3 heading


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def mail_link(address: str) -> Markup:
    """The address as a mailto: link when it is a plain e-mail address, else as text (it comes from the content)."""
    if EMAIL.fullmatch(address):
        return Markup(f"[{md_escape(address)}](mailto:{address})")
    return md_escape(address)


def long_date(day: date) -> str:
    """ "7 december 2026", as dates are written in Swedish prose."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Deficiency:
    """One known deficiency as the statement shows it."""

    text: Markup
    requirement: str
    action: Markup


@dataclass(frozen=True)
class StatementPage:
    """The tillgänglighetsredogörelse: DIGG's parts, in DIGG's order."""

    TEMPLATE: ClassVar[str] = "tillganglighet.md.j2"
    publisher: str
    compliance: str
    email: Markup  # a mailto: link, or the address as text
    phone: str
    response_time: str
    deficiencies: list[Deficiency]
    exceptions: list[Deficiency]
    method: Markup
    assessed: str
    updated: str
    about_href: str


@dataclass(frozen=True)
class AboutPage:
    """Om webbplatsen: who publishes it, what it holds, and that it stores and sends nothing about its readers."""

    TEMPLATE: ClassVar[str] = "om_webbplatsen.md.j2"
    publisher: str
    administration: str
    email: Markup  # a mailto: link, or the address as text
    text: Markup
    statement_href: str


def _deficiencies(items: list[Brist]) -> list[Deficiency]:
    return [
        Deficiency(narrative(item.beskrivning, SECTION_LEVEL), item.krav or "", narrative(item.atgard, SECTION_LEVEL))
        for item in items
    ]


NOT_ASSESSED = (
    "Webbplatsens tillgänglighet har ännu inte bedömts, så vi kan inte säga hur väl den uppfyller "
    "lagen om tillgänglighet till digital offentlig service."
)


def statement_context(settings: Webbplats | None, organisation: Organisation) -> StatementPage:
    """The statement's values, ready to show; without settings it says that no assessment has been made."""
    council = organisation.namnd
    if settings is None:
        return StatementPage(
            publisher=council.namn,
            compliance=NOT_ASSESSED,
            email=mail_link(council.epost or ""),
            phone=council.telefon or "",
            response_time="",
            deficiencies=[],
            exceptions=[],
            method=Markup(""),
            assessed="",
            updated="",
            about_href=ABOUT_HREF,
        )
    statement = settings.tillganglighet
    return StatementPage(
        publisher=settings.utgivare or council.namn,
        compliance=COMPLIANCE_TEXT[statement.efterlevnad],
        email=mail_link(statement.kontakt.epost),
        phone=statement.kontakt.telefon or "",
        response_time=statement.kontakt.svarstid,
        deficiencies=_deficiencies(statement.brister),
        exceptions=_deficiencies(statement.undantag),
        method=narrative(statement.metod, SECTION_LEVEL - 1),
        assessed=long_date(statement.senaste_bedomning),
        updated=long_date(statement.uppdaterad),
        about_href=ABOUT_HREF,
    )


def about_context(settings: Webbplats | None, organisation: Organisation) -> AboutPage:
    """The about page's values."""
    council = organisation.namnd
    return AboutPage(
        publisher=(settings.utgivare if settings else None) or council.namn,
        administration=council.forvaltning,
        email=mail_link(settings.tillganglighet.kontakt.epost if settings else council.epost or ""),
        text=narrative(settings.om_webbplatsen if settings else "", 1),
        statement_href=STATEMENT_HREF,
    )


def site_pages(env: Environment, settings: Webbplats | None, organisation: Organisation) -> list[Page]:
    """The statement and the about page."""
    return [
        Page(STATEMENT, tidy(str(render_context(env, statement_context(settings, organisation))))),
        Page(ABOUT, tidy(str(render_context(env, about_context(settings, organisation))))),
    ]


def with_guides(about: str, guides: dict[str, str]) -> str:
    """The about page with a list of the guides for those who write the reports (page path -> title): the guides
    are published, but outside the readers' menu."""
    if not guides:
        return about
    lines = [f"- [{md_escape(title)}](../{path})" for path, title in sorted(guides.items())]
    return about.rstrip("\n") + "\n\n## För dem som skriver rapporterna\n\n" + "\n".join(lines) + "\n"


def guide_title(markdown: str, path: str) -> str:
    """A static page's title: its first level-1 heading, else its file name."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].replace("`", "").strip()
    return path.rsplit("/", 1)[-1].removesuffix(".md")

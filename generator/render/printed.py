"""Which PDFs a site has: one per report, made (by the pdf stage) from its print page and linked from its pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from generator.content.models import Rapport
from generator.render import format as fmt
from generator.render.adoption import ADOPTED_TITLE, adoption_notice
from generator.render.info import ReportInfo

PERIOD_SPANS = {"T1": "januari–april", "T2": "januari–augusti", "VB": "januari–december"}


@dataclass(frozen=True)
class PdfSource:
    """One report's PDF: the page it is made from, the pages that link to it, and what its cover says."""

    source: str  # the print page, as a page path of the site ("2021/t1/x/utskrift.md")
    target: str  # the PDF's path in the site ("2021/t1/x/x-2021-t1.pdf")
    linked_from: tuple[str, ...]  # page paths whose "Ladda ner som PDF" link gets the PDF's size
    title: str  # the document's title: "Tertialrapport 1 för 2021 – Hägersten-Älvsjö stadsdelsnämnd"
    council: str
    writer: str  # the council or the unit whose report it is
    report_name: str  # "Tertialrapport 1 för 2021"
    period: str  # "januari–april 2021"
    meeting: date | None
    registration: str  # diarienummer, "" when not given
    officer: str  # handläggare, "" when not given
    adopted: str = ""  # "Fastställd av nämnden 2021-06-15 § 45, dnr …", "" until adopted
    corrections: tuple[str, ...] = ()  # corrections made after the adoption, with their dates
    checksum: str = ""  # the adopted version's checksum of its content (SHA-256), "" for the current version


def pdf_file(info: ReportInfo) -> str:
    """The PDF's file name, in the report's folder: "hagersten-alvsjo-2021-t1.pdf"."""
    return f"{info.report.organisation}-{info.report.ar}-{info.report.period.lower()}.pdf"


def period_text(period: str, year: int) -> str:
    """The months a report covers: "januari–april 2021"; a plan covers its year."""
    span = PERIOD_SPANS.get(period)
    return f"{span} {year}" if span else str(year)


def pdf_source(info: ReportInfo, council: str, split: bool) -> PdfSource:
    """The PDF of one report; a split report is printed from its print view, a one-page report from its page."""
    report = info.report
    notice = adoption_notice(report, info.adopted_version)
    base = info.base
    title = f"{fmt.report_name(report.period, report.ar)} – {info.name}"
    pages = (f"{base}/index.md", f"{base}/utskrift.md") if split else (f"{base}/index.md",)
    return PdfSource(
        source=pages[-1],
        target=f"{base}/{pdf_file(info)}",
        linked_from=pages,
        title=f"{title} ({ADOPTED_TITLE.lower()})" if info.adopted_version else title,
        council=council,
        writer=info.name,
        report_name=fmt.report_name(report.period, report.ar),
        period=period_text(report.period, report.ar),
        meeting=report.datum,
        registration=report.faststalld.diarienummer if report.faststalld else "",
        officer=report.handlaggare.namn if report.handlaggare else "",
        adopted=notice.line if notice else "",
        corrections=tuple(f"{c.date}: {c.what} Skäl: {c.why}" for c in notice.corrections) if notice else (),
        checksum=notice.checksum if notice and info.adopted_version else "",
    )


def pdf_sources(
    reports: list[ReportInfo],
    council: str,
    split: Callable[[ReportInfo], bool],
    adopted: dict[str, Rapport] | None = None,
) -> list[PdfSource]:
    """Every report's PDF, in the site's order of reports, each followed by its adopted version's when it has one.

    `adopted` holds the adopted copies by their report's folder (`generator.render.adopted_page.adopted_copies`):
    the adopted version's page (…/faststalld/) is one page, and its PDF is made from it as from any other.
    """
    found: list[PdfSource] = []
    for info in reports:
        found.append(pdf_source(info, council, split(info)))
        copy = (adopted or {}).get(info.base)
        if copy is not None:
            version = ReportInfo(copy, info.catalogue, info.name, info.is_council, adopted_version=True)
            found.append(pdf_source(version, council, split=False))
    return found

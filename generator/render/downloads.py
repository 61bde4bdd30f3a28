"""Open data on the site: every period's roll-up (the files of `vb export`) as RFC 4180 CSV and JSON, the same
tables as one spreadsheet (XLSX) that Swedish Excel opens with numbers as numbers, and a DCAT-AP-SE catalogue
(RDF/XML) that Sveriges dataportal can harvest. Everything lives under data/ and the page data/ lists it."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from typing import ClassVar
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from generator.rollup.aggregate import Aggregate
from generator.rollup.export import export_files

DATA = "data"
DATA_PAGE = f"{DATA}/index.md"
CATALOGUE = "dcat.rdf"
# Columns that hold ids and goal numbers ("1.10"): text, even where they look like numbers.
TEXT_COLUMNS = {"KF-mål", "Nämndmål-id", "Enhet-id", "Indikator-id", "Id", "Nivå"}
FORMULA_STARTS = ("=", "+", "-", "@")
_FIGURE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")  # how the open data writes a figure
FIXED_TIME = "2000-01-01T00:00:00Z"
MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
LICENCES = {
    "CC0-1.0": ("CC0 1.0 (fri att använda utan villkor)", "http://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-4.0": ("CC BY 4.0 (ange källan)", "http://creativecommons.org/licenses/by/4.0/"),
}


@dataclass(frozen=True)
class Download:
    """One file of a period: its name, what it holds and its format."""

    name: str
    path: str  # relative to the site's root
    title: str
    kind: str


@dataclass(frozen=True)
class PeriodDownloads:
    """A period's files."""

    label: str
    folder: str
    files: list[Download]


@dataclass(frozen=True)
class DataPage:
    """data/: every period's files, the licence and the catalogue for harvesting."""

    TEMPLATE: ClassVar[str] = "data.md.j2"
    periods: list[PeriodDownloads]
    licence: str
    catalogue: str


TITLES = {
    "aggregat.json": "Hela sammanställningen (JSON)",
    "malstatus.csv": "Nämndmålen med status (CSV)",
    "enhetsmal.csv": "Enheternas enhetsmål (CSV)",
    "indikatorer.csv": "Indikatorerna per enhet (CSV)",
    "ekonomi.csv": "Ekonomin per avdelning och verksamhetsområde (CSV)",
    "resultatenheter.csv": "Resultatenheterna (CSV)",
}


def cell_value(column: str, text: str) -> object:
    """A CSV cell as a spreadsheet cell: a number where the column holds figures and the cell is one as the open data
    writes figures (never "nan", "Inf" or "1_000", which Python would read as numbers), else the text as written."""
    if text == "":
        return None
    if column not in TEXT_COLUMNS and _FIGURE.fullmatch(text):
        return float(text) if "." in text else int(text)
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)  # control characters a worksheet cannot hold are marked
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def workbook(tables: dict[str, str]) -> bytes:
    """The CSV tables as sheets of one XLSX file; text is always stored as text, never read as a formula.

    Written in openpyxl's write-only mode: row by row, in half the time of a workbook kept in memory."""
    book = Workbook(write_only=True)
    for name, text in tables.items():
        sheet = book.create_sheet(name.removesuffix(".csv")[:31])
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header = rows[0] if rows else []
        for number, row in enumerate(rows):
            values = (
                row if number == 0 else [cell_value(header[i] if i < len(header) else "", v) for i, v in enumerate(row)]
            )
            sheet.append([_as_text(sheet, value) if isinstance(value, str) else value for value in values])
    buffer = io.BytesIO()
    book.save(buffer)
    return reproducible(buffer.getvalue())


def _as_text(sheet: WriteOnlyWorksheet, value: str) -> WriteOnlyCell | str:
    """A text cell: one that begins with "=" is marked as text, which the writer would otherwise take for a formula."""
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"
    return cell


def reproducible(xlsx: bytes) -> bytes:
    """The same file for the same tables: the save time the writer stamps on the file and on every part of the
    archive is replaced by one fixed time, so that building the site twice gives identical files."""
    stamp = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = stamp.sub(rb"\g<1>" + FIXED_TIME.encode() + rb"\g<2>", data)
            target.writestr(
                zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0)),
                data,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


def period_files(label: str, folder: str, rolled: Aggregate) -> tuple[PeriodDownloads, dict[str, str | bytes]]:
    """A period's download list and its files (path -> content)."""
    tables = export_files(rolled)
    files: dict[str, str | bytes] = {f"{DATA}/{folder}/{name}": text for name, text in tables.items()}
    spreadsheet = f"{DATA}/{folder}/{folder}.xlsx"
    files[spreadsheet] = workbook({n: t for n, t in tables.items() if n.endswith(".csv")})
    listed = [
        Download(name, f"{DATA}/{folder}/{name}", TITLES.get(name, name), name.rsplit(".", 1)[-1]) for name in tables
    ]
    listed.append(Download(f"{folder}.xlsx", spreadsheet, "Alla tabeller som kalkylblad (XLSX)", "xlsx"))
    return PeriodDownloads(label, folder, listed), files


def dcat_catalogue(periods: list[PeriodDownloads], publisher: str, email: str, licence: str) -> str:
    """DCAT-AP-SE in RDF/XML: the catalogue, a dataset per period and a distribution per file.

    Addresses are relative to the catalogue file (data/dcat.rdf), so the catalogue is right wherever the site is."""
    licence_iri = LICENCES[licence][1]
    agent = (
        f'<foaf:Agent><foaf:name xml:lang="sv">{xml_escape(publisher)}</foaf:name>'
        '<dcterms:type rdf:resource="http://purl.org/adms/publishertype/LocalAuthority"/></foaf:Agent>'
    )
    contact = (
        (
            f"<vcard:Organization><vcard:fn>{xml_escape(publisher)}</vcard:fn>"
            f"<vcard:hasEmail rdf:resource={quoteattr('mailto:' + email)}/></vcard:Organization>"
        )
        if email
        else ""
    )
    datasets = []
    for period in periods:
        distributions = "".join(
            f"<dcat:distribution><dcat:Distribution rdf:about={quoteattr(d.path.removeprefix(DATA + '/'))}>"
            f'<dcterms:title xml:lang="sv">{xml_escape(d.title)}</dcterms:title>'
            f"<dcat:accessURL rdf:resource={quoteattr(d.path.removeprefix(DATA + '/'))}/>"
            f"<dcat:downloadURL rdf:resource={quoteattr(d.path.removeprefix(DATA + '/'))}/>"
            f'<dcat:mediaType rdf:resource="https://www.iana.org/assignments/media-types/{MEDIA_TYPES[d.kind]}"/>'
            f'<dcterms:license rdf:resource="{licence_iri}"/></dcat:Distribution></dcat:distribution>'
            for d in period.files
        )
        datasets.append(
            f'<dcat:dataset><dcat:Dataset rdf:about="{period.folder}/">'
            f'<dcterms:title xml:lang="sv">Uppföljning {xml_escape(period.label)} – {xml_escape(publisher)}</dcterms:title>'
            f'<dcterms:description xml:lang="sv">Nämndmålens status, enheternas enhetsmål, indikatorer och ekonomi '
            f"för {xml_escape(period.label)}, sammanställt från nämndens och enheternas rapporter.</dcterms:description>"
            f"<dcterms:publisher>{agent}</dcterms:publisher>"
            + (f"<dcat:contactPoint>{contact}</dcat:contactPoint>" if contact else "")
            + '<dcat:theme rdf:resource="http://publications.europa.eu/resource/authority/data-theme/GOVE"/>'
            f'<dcat:keyword xml:lang="sv">uppföljning</dcat:keyword>{distributions}</dcat:Dataset></dcat:dataset>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/" '
        'xmlns:vcard="http://www.w3.org/2006/vcard/ns#">\n'
        f'<dcat:Catalog rdf:about="">'
        f'<dcterms:title xml:lang="sv">Öppna data från uppföljningen – {xml_escape(publisher)}</dcterms:title>'
        f'<dcterms:description xml:lang="sv">Sammanställningar av nämndens och enheternas uppföljningsrapporter, '
        f"per period.</dcterms:description><dcterms:publisher>{agent}</dcterms:publisher>"
        f'<dcterms:license rdf:resource="{licence_iri}"/>' + "".join(datasets) + "</dcat:Catalog>\n</rdf:RDF>\n"
    )


def data_page_context(periods: list[PeriodDownloads], licence: str) -> DataPage:
    """The data page's values, its links relative to data/index.md."""
    return DataPage(
        [
            PeriodDownloads(
                p.label, p.folder, [Download(d.name, d.path.removeprefix(DATA + "/"), d.title, d.kind) for d in p.files]
            )
            for p in periods
        ],
        LICENCES[licence][0],
        CATALOGUE,
    )

"""The paged-media engine (WeasyPrint): a document to PDF/UA-1 bytes, with every table inside its page.

A table whose columns were measured before layout is set at their widths and
always fits. Any other is measured after layout: a table that reaches past its
page's text area moves one size on (landscape, smaller type) and the document
is laid out again. WeasyPrint is imported here only, when a PDF is made.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.pdf.document import PdfDocument, html_of
from generator.pdf.tables import NUMBER, SIZES, Table

STYLESHEET = Path(__file__).resolve().parents[2] / "templates" / "pdf" / "report.css"
VARIANT = "pdf/ua-1"  # tagged PDF for assistive technology (PDF/UA-1), as DOS-lagen asks of published documents
TOLERANCE_PT = 0.5
ROUNDS = len(SIZES)


class LayoutError(Exception):
    """The document cannot be laid out without losing something (the message is Swedish)."""


def engine_version() -> str:
    """The engine and its version, part of the key under which a PDF is kept."""
    import weasyprint

    return f"weasyprint {weasyprint.__version__}"


def pdf_bytes(doc: PdfDocument) -> bytes:
    """The document as PDF; tables that do not fit their page are moved on and the pages laid out again."""
    from weasyprint import HTML

    for _ in range(ROUNDS + 1):
        html = HTML(string=html_of(doc), url_fetcher=_fetcher())
        rendered = html.render(stylesheets=[_stylesheet()], pdf_variant=VARIANT)
        too_wide = _too_wide(rendered, [table for table in doc.tables if not table.fixed])
        if not too_wide:
            return rendered.write_pdf(pdf_variant=VARIANT)
        stuck = [table for table in too_wide if not table.grow()]
        if stuck:
            raise LayoutError(_message(stuck[0]))
    raise LayoutError(_message(too_wide[0]))


@lru_cache(maxsize=1)
def _fetcher() -> Any:
    """Nothing outside the document is fetched while a PDF is made: no address in a report reaches the network."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


@lru_cache(maxsize=1)
def _stylesheet() -> Any:
    """The paged-media stylesheet, parsed once per process."""
    from weasyprint import CSS

    return CSS(filename=str(STYLESHEET))


def _too_wide(rendered: Any, tables: list[Table]) -> list[Table]:
    """The tables whose laid-out boxes reach past the text area of their page."""
    from weasyprint.formatting_structure import boxes

    by_number = {str(table.number): table for table in tables}
    found: dict[str, Table] = {}
    if not tables:
        return []
    for page in rendered.pages:
        page_box = page._page_box
        right = page_box.content_box_x() + page_box.width + TOLERANCE_PT
        for box in page_box.descendants():
            if not isinstance(box, boxes.TableBox) or box.element is None:
                continue
            number = box.element.get(NUMBER)
            if number in by_number and box.position_x + box.margin_width() > right:
                found[number] = by_number[number]
    return list(found.values())


def _message(table: Table) -> str:
    """Why a table cannot be printed, and what to do."""
    named = f' ("{table.heading}")' if table.heading else ""
    return (
        f"tabell {table.number}{named} har för många kolumner för en liggande sida, även med liten stil. "
        "Dela upp tabellen i två"
    )

"""A report's PDF as the text export `vb import` reads: the text of each page, the page's repeated header and
footer left out.

pypdf reads the text; the lines that stand first or last on most pages (the report's name, a page number)
are the layout of the page, not the report's text.
"""

from __future__ import annotations

import io
import re
from collections import Counter

PDF_START = b"%PDF-"
_EDGE = 2  # how many lines at the top and at the bottom of a page may be a running header or footer


class PdfError(ValueError):
    """The file could not be read as a PDF; the message says why, in Swedish."""


def is_pdf(data: bytes) -> bool:
    """A PDF, whatever the file is called."""
    return data.lstrip()[:5] == PDF_START


def pdf_text(data: bytes) -> str:
    """The text of every page in order, laid out as on the page (blank lines kept: they end paragraphs and
    titles, as in a text export), running headers and footers removed."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise PdfError(f"PDF-filen kunde inte läsas ({type(exc).__name__})") from exc
    return "\n\n".join(_without_running_lines([page.split("\n") for page in pages]))


def _key(line: str) -> str:
    """A line compared across pages: page numbers differ from page to page, so digits are left out."""
    return re.sub(r"[0-9]+", "#", " ".join(line.split()))


def _edges(lines: list[str]) -> list[int]:
    """The places of the first and last lines with text on a page."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE] + filled[-_EDGE:]))


def _without_running_lines(pages: list[list[str]]) -> list[str]:
    """Each page's text without the lines at its edges that recur on at least half of the pages (three or more)."""
    edges: Counter[str] = Counter()
    for lines in pages:
        edges.update({_key(lines[index]) for index in _edges(lines)})
    running = {key for key, count in edges.items() if count >= max(3, len(pages) / 2)}
    kept = []
    for lines in pages:
        dropped = {index for index in _edges(lines) if _key(lines[index]) in running}
        kept.append("\n".join(line for index, line in enumerate(lines) if index not in dropped))
    return kept

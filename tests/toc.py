"""Tables of contents as the tests compare them: a report's outline flattened, and a built page's headings."""

from __future__ import annotations

from generator.content.models import Katalog, Rapport
from generator.content.outline import outline
from generator.render.html import heading_anchors


def table_of_contents(report: Rapport, catalogue: Katalog | None, is_council: bool) -> list[tuple[int, str]]:
    """The report's outline as (level, title) rows, in document order."""
    rows: list[tuple[int, str]] = []
    for section in outline(report, catalogue, is_council):
        rows += section.flat()
    return rows


def page_toc(text: str) -> list[tuple[int, str]]:
    """(level, title) of every table-of-contents heading of a generated page, as the site lists them."""
    return [(level, title) for level, title, _ in heading_anchors(text)]

"""What rendering a report needs besides the report: its catalogue, who wrote it, and units' contributions."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from generator.content.lookup import CatalogueIndex, index
from generator.content.models import Katalog, Rapport
from generator.content.text import todo_count


@dataclass
class ReportInfo:
    """A report with what rendering it needs: its catalogue, the writer's name and its place in the site.

    `extra_analyses` maps an activity id to other units' analyses, (unit name, Markdown), shown after
    the report's own under the activity: the hook for reports rolled up from the units' reports.
    """

    report: Rapport
    catalogue: Katalog | None
    name: str
    is_council: bool
    extra_analyses: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    adopted_version: bool = False  # the report as the council adopted it, shown at its own address
    _index: CatalogueIndex | None = field(default=None, init=False, repr=False)

    @functools.cached_property
    def is_draft(self) -> bool:
        """Whether TODO markers are left in the report (its pages and PDF then say it is not finished); once."""
        return todo_count(self.report) > 0

    @property
    def found(self) -> CatalogueIndex | None:
        """The catalogue's look-up tables, built once."""
        if self._index is None and self.catalogue is not None:
            self._index = index(self.catalogue)
        return self._index

    @property
    def base(self) -> str:
        """The report's folder in the site: <år>/<period>/<organisation-id> (and /faststalld for the adopted version)."""
        folder = f"{self.report.ar}/{self.report.period.lower()}/{self.report.organisation}"
        return f"{folder}/faststalld" if self.adopted_version else folder

"""The outline of a report: its sections in document order, as its table of contents reads.

Pure: report, catalogue and whether it is the council's report in, a list of
`Section`s out. The site's navigation and the print view are built from it,
so every page shows the same structure as the published PDF reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.lookup import index
from generator.content.models import Katalog, Rapport

UNIT_ECONOMY = (
    ("driftbudget", "Analys av resultaträkning - uppföljning av driftbudget"),
    ("investeringar", "Investeringar"),
    ("lokalandamal", "Medel för lokaländamål"),
    ("ovrigt", "Övrigt"),
)
COUNCIL_ECONOMY = (
    ("driftbudget", "Uppföljning av driftbudget"),
    ("resultatenheter", "Resultatenheter"),
    ("investeringar", "Investeringar"),
    ("forsaljningar", "Försäljningar av anläggningstillgångar"),
    ("verksamhetsprojekt", "Verksamhetsprojekt (driftprojekt)"),
    ("omslutningsforandringar", "Omslutningsförändringar"),
    ("budgetjusteringar", "Budgetjusteringar"),
    ("lokalandamal", "Medel för lokaländamål"),
)
COUNCIL_OTHER = (
    ("sarskilda_redovisningar", "Särskilda redovisningar"),
    ("konsekvenser_covid19", "Konsekvenser av covid-19-pandemin"),
    ("ovrigt", "Övrigt"),
)
GOALS_TITLE = "Uppföljning av Kommunfullmäktiges inriktningsmål"


@dataclass
class Section:
    """One entry of a table of contents; `key` names the content it shows."""

    title: str
    key: str
    children: list[Section] = field(default_factory=list)

    def flat(self, level: int = 1) -> list[tuple[int, str]]:
        """(level, title) of this section and every section below it, in order."""
        rows = [(level, self.title)]
        for child in self.children:
            rows += child.flat(level + 1)
        return rows


def goal_title(nr: str, title: str) -> str:
    """Goal headings are numbered as the goals are: "1. …", "1.4. …"."""
    return f"{nr}. {title}"


def outline(report: Rapport, catalogue: Katalog | None, is_council: bool) -> list[Section]:
    """The table of contents of a report, in document order."""
    sections = [Section("Sammanfattande analys", "sammanfattande_analys"), _goals(report, catalogue)]
    economy = COUNCIL_ECONOMY if is_council else UNIT_ECONOMY
    sections.append(
        Section("Uppföljning av ekonomi", "ekonomi", [Section(title, f"ekonomi.{key}") for key, title in economy])
    )
    if is_council:
        sections.append(Section("Övrigt", "ovrigt_avsnitt", [Section(title, key) for key, title in COUNCIL_OTHER]))
    else:
        sections += [
            Section("Systematiskt kvalitetsarbete", "systematiskt_kvalitetsarbete"),
            Section("Övrigt", "ovrigt"),
        ]
    return sections


def _goals(report: Rapport, catalogue: Katalog | None) -> Section:
    found = index(catalogue) if catalogue else None
    directions = []
    for d, direction in enumerate(report.inriktningsmal):
        title = found.directions.get(direction.nr, "") if found else ""
        goals = []
        for g, goal in enumerate(direction.mal):
            goal_name = found.goals[goal.nr].titel if found and goal.nr in found.goals else ""
            goals.append(Section(goal_title(goal.nr, goal_name), f"inriktningsmal.{d}.mal.{g}"))
        directions.append(Section(goal_title(direction.nr, title), f"inriktningsmal.{d}", goals))
    return Section(GOALS_TITLE, "inriktningsmal", directions)

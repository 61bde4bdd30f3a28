"""The text of a new report file: the catalogue's names beside the ids, and a header that says what may go.

A unit manager reads ids like `pilotprojekt-kost-och-nutrition`; the comment
beside each one gives the catalogue's own text, so nobody has to search the
catalogue to know what a line is about.
"""

from __future__ import annotations

import re

from generator.content.lookup import index
from generator.content.models import Katalog

COMMENT_LIMIT = 110
_REF_LINE = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>id|nr): (?P<value>'[^']*'|\"[^\"]*\"|\S+)$")


def catalogue_names(catalogue: Katalog) -> dict[tuple[str, str], str]:
    """(key, value) -> text: ("nr", "1.5") -> the KF mål's title, ("id", ref) -> a nämndmål's, indicator's or activity's."""
    found = index(catalogue)
    names = {("nr", nr): title for nr, title in found.directions.items()}
    names.update({("nr", nr): goal.titel for nr, goal in found.goals.items()})
    names.update({("id", goal.id): goal.titel for goal in found.council_goals.values()})
    names.update({("id", ref): item.namn for ref, (_, item) in found.indicators.items()})
    names.update({("id", ref): item.text for ref, (_, item) in found.activities.items()})
    return names


def with_names(text: str, catalogue: Katalog) -> str:
    """Put the catalogue's text as a YAML comment beside every id and goal number."""
    names = catalogue_names(catalogue)
    lines = []
    for line in text.split("\n"):
        match = _REF_LINE.match(line)
        name = names.get((match.group("key"), match.group("value").strip("'\""))) if match else None
        lines.append(f"{line}  # {_one_line(name)}" if name else line)
    return "\n".join(lines)


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= COMMENT_LIMIT else line[: COMMENT_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def header(unit_name: str, period_name: str, year: int, area_name: str | None, previous_note: str, target: str) -> str:
    """The comment lines at the top of a new report file: what it holds, what to write, what may be removed."""
    scope = f"verksamhetsområdet {area_name}" if area_name else "nämnden"
    return "\n".join(
        [
            f"# {period_name} {year} för {unit_name}.",
            f"# Skapad med vb new.{previous_note} Skriv där det står TODO och kör sedan: vb check {target}",
            "#",
            f"# Här står det i årets målkatalog som gäller {scope}: målen, indikatorerna och aktiviteterna,",
            "# med katalogens text som kommentar bredvid varje id.",
            "# Det här får du ta bort:",
            '#   - en indikator som enheten inte mäter (hela posten, från "- id:" till nästa "- id:"),',
            "#   - en aktivitet som gäller alla enheter men inte er verksamhet,",
            "#   - ett nämndmål eller mål där inget står kvar,",
            "#   - kommentarerna efter #.",
            "# Behåll avsnitten sammanfattande_analys, ekonomi, systematiskt_kvalitetsarbete och ovrigt och skriv i dem.",
            '# Mäts en indikator inte i år: skriv ej_matt: "skälet" i stället för utfall.',
            "",
        ]
    )

"""How far each unit has come with its report for one period: the controller's readiness table.

Pure: organisation, catalogue, loaded reports and the problems `vb check`
found in, one `UnitStatus` per unit out. A report has seven sections; what
counts as filled:

- a text section (sammanfattande analys, systematiskt kvalitetsarbete,
  övrigt) is filled when it is not empty and has no TODO marker;
- enhetsmålens analyser: every enhetsmål has an analysis without TODO, and
  there is at least one enhetsmål;
- indikatorernas utfall: every indicator row has an outcome (in T1 and T2 a
  prognosis also counts); indicators measured once a year (frekvens: år) are
  not counted in T1 and T2;
- aktiviteternas uppföljning: every activity has an analysis without TODO;
- ekonomi: at least one text or table, and no economy text with TODO.
A section with nothing to fill (no indicators, no activities) counts as filled.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.check.narrative import todo_markers
from generator.content.models import TERTIALS, IndikatorUtfall, Katalog, Organisation, Rapport
from generator.problems import Problem, Severity

SECTION_NAMES = (
    "Sammanfattande analys",
    "Enhetsmålens analyser",
    "Indikatorernas utfall",
    "Aktiviteternas uppföljning",
    "Ekonomi",
    "Systematiskt kvalitetsarbete",
    "Övrigt",
)


@dataclass
class Section:
    """One section of a report: how many of its parts are filled out of how many."""

    name: str
    filled: int
    total: int
    note: str = ""

    @property
    def done(self) -> bool:
        """Every part is filled."""
        return self.filled == self.total


@dataclass
class UnitStatus:
    """One unit's report for the period: whether it exists, what is filled, what is left."""

    unit_id: str
    name: str
    department: str
    file: str | None = None
    sections: list[Section] = field(default_factory=list)
    todos: int = 0
    warnings: int = 0
    errors: int = 0

    @property
    def filled_sections(self) -> int:
        """How many of the seven sections are filled."""
        return sum(1 for s in self.sections if s.done)

    @property
    def state(self) -> str:
        """'saknas', 'har fel', 'pågår' or 'klar'."""
        if self.file is None:
            return "saknas"
        if self.errors:
            return "har fel"
        return "klar" if self.filled_sections == len(SECTION_NAMES) and not self.todos else "pågår"


def filled_text(text: str) -> bool:
    """Written, and without a TODO / ATT GÖRA / FYLL I marker."""
    return bool(text.strip()) and not any(todo_markers(text))


def readiness(
    organisation: Organisation,
    year: int,
    period: str,
    reports: list[tuple[str, Rapport]],
    problems: list[Problem],
    catalogue: Katalog | None = None,
) -> list[UnitStatus]:
    """Every unit of the organisation, in its order, with the state of its report for (year, period)."""
    annual = _annual_indicators(catalogue) if period in TERTIALS else set()
    found = {r.organisation: (file, r) for file, r in reports if (r.ar, r.period) == (year, period)}
    rows = []
    for unit in organisation.enheter:
        row = UnitStatus(unit.id, unit.namn, unit.avdelning)
        if unit.id in found:
            row.file, report = found[unit.id]
            row.sections = sections(report, annual)
        else:
            row.file = _unreadable_file(problems, f"rapporter/{unit.id}/{year}-{period.lower()}.y")
            row.sections = [Section(name, 0, 1) for name in SECTION_NAMES] if row.file else []
        _count_problems(row, problems)
        rows.append(row)
    return rows


def _unreadable_file(problems: list[Problem], expected: str) -> str | None:
    """A report file that exists but could not be read shows up only through its problems."""
    return next((p.file for p in problems if expected in p.file.replace("\\", "/")), None)


def _count_problems(row: UnitStatus, problems: list[Problem]) -> None:
    for item in problems:
        if row.file is None or item.file != row.file:
            continue
        if item.code == "VB503":
            row.todos += 1
        elif item.severity is Severity.ERROR:
            row.errors += 1
        else:
            row.warnings += 1


def _annual_indicators(catalogue: Katalog | None) -> set[str]:
    if catalogue is None:
        return set()
    found = set()
    for direction in catalogue.inriktningsmal:
        for goal in direction.mal:
            for indicator in [*goal.indikatorer, *(i for c in goal.namndmal for i in c.indikatorer)]:
                if indicator.frekvens == "år":
                    found.add(indicator.id)
    return found


def sections(report: Rapport, annual: frozenset[str] | set[str] = frozenset()) -> list[Section]:
    """The seven sections of a unit's report with how much of each is filled."""
    own = list(_walk(report, "enhetsmal"))
    indicators = [i for i in _walk(report, "indikatorer") if i.id not in annual]
    activities = list(_walk(report, "aktiviteter"))
    tertial = report.period in TERTIALS
    return [
        _text(SECTION_NAMES[0], report.sammanfattande_analys),
        Section(
            SECTION_NAMES[1], sum(filled_text(e.analys) for e in own), max(len(own), 1), "" if own else "inga enhetsmål"
        ),
        Section(SECTION_NAMES[2], sum(_has_outcome(i, tertial) for i in indicators), len(indicators)),
        Section(SECTION_NAMES[3], sum(filled_text(a.analys) for a in activities), len(activities)),
        Section(SECTION_NAMES[4], int(_economy_filled(report)), 1),
        _text(SECTION_NAMES[5], report.systematiskt_kvalitetsarbete),
        _text(SECTION_NAMES[6], report.ovrigt),
    ]


def _text(name: str, text: str) -> Section:
    return Section(name, int(filled_text(text)), 1)


def _has_outcome(outcome: IndikatorUtfall, tertial: bool) -> bool:
    """An outcome, a forecast in a tertial report, or the reason the indicator is not measured this year."""
    not_measured = outcome.ej_matt is not None and filled_text(outcome.ej_matt)
    return outcome.utfall is not None or (tertial and outcome.prognos is not None) or not_measured


def _walk(report: Rapport, kind: str) -> Iterator[Any]:
    """Every enhetsmål, indicator row or activity follow-up of a report, at any goal level."""
    for direction in report.inriktningsmal:
        for goal in direction.mal:
            if kind != "enhetsmal":
                yield from getattr(goal, kind)
            for council_goal in goal.namndmal:
                yield from getattr(council_goal, kind)


def _economy_filled(report: Rapport) -> bool:
    economy = report.ekonomi
    blocks = [b for name in type(economy).model_fields if name != "inledning" for b in getattr(economy, name)]
    texts = [economy.inledning, *(b.text for b in blocks if b.text is not None)]
    has_todo = any(text.strip() and not filled_text(text) for text in texts)
    has_content = any(b.text is None or filled_text(b.text) for b in blocks)
    return has_content and not has_todo


# --------------------------------------------------------------------------
# output


HEADERS = ("Enhet", "Rapport", "Ifyllda avsnitt", "TODO", "Varningar", "Fel", "Att fylla i")


def _cells(row: UnitStatus) -> list[str]:
    missing = ", ".join(_missing(s) for s in row.sections if not s.done)
    filled = f"{row.filled_sections}/{len(SECTION_NAMES)}" if row.sections else "–"
    return [row.name, row.state, filled, str(row.todos), str(row.warnings), str(row.errors), missing]


def _missing(section: Section) -> str:
    if section.note:
        return f"{section.name.lower()} ({section.note})"
    if section.total == 1:
        return section.name.lower()
    return f"{section.name.lower()} ({section.filled} av {section.total})"


def summary(rows: list[UnitStatus]) -> str:
    """'2 av 3 enheter har en rapport; 1 är klar.'"""
    present = sum(1 for r in rows if r.file)
    ready = sum(1 for r in rows if r.state == "klar")
    return f"{present} av {len(rows)} enheter har en rapport; {ready} {'är klar' if ready == 1 else 'är klara'}."


def as_text(rows: list[UnitStatus], title: str) -> str:
    """An aligned table for a terminal."""
    table = [list(HEADERS), *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths)) + "  " + line[-1] for line in table]
    return "\n".join([title, "", *(line.rstrip() for line in lines), "", summary(rows)])


def as_markdown(rows: list[UnitStatus], title: str) -> str:
    """A Markdown table, e.g. for an issue or a pull request."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [f"### {title}", "", "| " + " | ".join(HEADERS) + " |", "|" + " --- |" * len(HEADERS)]
    lines += ["| " + " | ".join(cell(c) for c in _cells(r)) + " |" for r in rows]
    return "\n".join([*lines, "", summary(rows)]) + "\n"


def as_json(rows: list[UnitStatus], title: str) -> str:
    """Everything, machine-readable."""
    units = [
        {
            "id": r.unit_id,
            "namn": r.name,
            "avdelning": r.department,
            "fil": r.file,
            "status": r.state,
            "ifyllda_avsnitt": r.filled_sections,
            "todo": r.todos,
            "varningar": r.warnings,
            "fel": r.errors,
            "avsnitt": [{"namn": s.name, "ifyllda": s.filled, "av": s.total, "klart": s.done} for s in r.sections],
        }
        for r in rows
    ]
    return json.dumps(
        {"rubrik": title, "avsnitt_totalt": len(SECTION_NAMES), "enheter": units}, ensure_ascii=False, indent=2
    )


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}

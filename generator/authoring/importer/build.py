"""From what the reader read to a report in the format: ids from the catalogue, texts joined, figures parsed.

Matching is by goal number and by name: a nämndmål, indicator or activity is
taken when its name in the export is close to one in the catalogue. Anything
that does not match, and any row of figures that cannot be read without
guessing, is kept as text with its source line (`Imported.unplaced`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from generator.authoring.importer.cover import appendix_list, cover
from generator.authoring.importer.economy import MAX_DIGITS, Names
from generator.authoring.importer.economy import blocks as economy_blocks
from generator.authoring.importer.lines import joined
from generator.authoring.importer.reader import Item, Read, Texts
from generator.content.lookup import CatalogueIndex, index
from generator.content.models import Indikator, Katalog
from generator.content.report_places import COUNCIL_COVER_KEYS, COUNCIL_ONLY_KEYS, UNIT_ONLY_KEYS

MATCH = 0.8  # how close a name must be to the catalogue's (difflib ratio of the normalised texts)
_OUTCOMES = ("utfall", "utfall_man", "utfall_kvinnor", "utfall_foregaende")


@dataclass
class Imported:
    """The report's data and what could not be placed, each with its source line."""

    data: dict[str, Any]
    unplaced: list[tuple[int, str]] = field(default_factory=list)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", text.lower())).strip(" .")


def best_match(title: str, choices: dict[str, str], taken: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The id whose name is closest to `title`, when it is close enough; of equal names, the first not yet `taken`."""
    wanted = _normal(title)
    scored = [
        (difflib.SequenceMatcher(None, wanted, _normal(name)).ratio(), -order, ref)
        for order, (ref, name) in enumerate(choices.items())
        if ref not in taken
    ]
    score, _, ref = max(scored, default=(0.0, 0, None))
    return ref if score >= MATCH else None


def text_of(texts: Texts | None) -> str:
    """Lines of text as Markdown paragraphs (blank line between paragraphs)."""
    if texts is None:
        return ""
    return "\n\n".join(paragraph.text for paragraph in joined(texts.lines))


class _Builder:
    def __init__(self, catalogue: Katalog) -> None:
        self.found: CatalogueIndex = index(catalogue)
        self.unplaced: list[tuple[int, str]] = []
        self.tree: dict[str, dict[str, Any]] = {}  # goal nr -> goal entry
        self.year_end = True  # a VB: its forecast column is left empty
        self.labels: set[str] = set()  # the unit's names, which the export sets above its analyses
        self.taken: set[str] = set()  # ids already placed: a second item of the same name is the next one

    def text(self, texts: Texts | None) -> str:
        """An item's text, without the unit's name the export sets above it as a label."""
        if texts is None:
            return ""
        paragraphs = joined(texts.lines)
        while paragraphs and paragraphs[0].text.strip("* ").lower() in self.labels:
            paragraphs = paragraphs[1:]
        return "\n\n".join(paragraph.text for paragraph in paragraphs)

    def keep(self, line: int, text: str) -> None:
        if text.strip():
            self.unplaced.append((line, text.strip()))

    def goal(self, nr: str) -> dict[str, Any]:
        return self.tree.setdefault(nr, {"nr": nr})

    def council_goal(self, nr: str, ref: str) -> dict[str, Any]:
        goals = self.goal(nr).setdefault("namndmal", [])
        entry = next((g for g in goals if g["id"] == ref), None)
        if entry is None:
            entry = {"id": ref}
            goals.append(entry)
        return entry

    def place(self, place: tuple[str, ...]) -> dict[str, Any]:
        return self.goal(place[0]) if len(place) == 1 else self.council_goal(place[0], place[1])

    def direction_items(self, direction: Item) -> None:
        for goal in direction.children:
            if goal.nr not in self.found.goals:
                self.keep(goal.line, f"{goal.nr} {goal.title}")
                continue
            entry = self.goal(goal.nr)
            if goal.status:
                entry["status"] = goal.status
            if self.text(goal.texts.get("analys")):
                entry["analys"] = self.text(goal.texts.get("analys"))
            for child in goal.children:
                self.item(child, (goal.nr,))

    def item(self, item: Item, place: tuple[str, ...]) -> None:
        if item.kind == "namndmal":
            self.council_goal_item(item, place[0])
        elif item.kind == "indikator":
            self.indicator(item)
        elif item.kind == "aktivitet":
            self.activity(item, place)
        elif item.kind == "enhetsmal":
            self.own_goal(item, place)

    def council_goal_item(self, item: Item, nr: str) -> None:
        names = {goal.id: goal.titel for (goal_nr, _), goal in self.found.council_goals.items() if goal_nr == nr}
        ref = best_match(item.title, names, self.taken)
        if ref is None:
            self.keep(item.line, f"Nämndmål: {item.title}")
            for child in item.children:
                self.keep(child.line, f"{child.kind}: {child.title}")
            return
        self.taken.add(ref)
        entry = self.council_goal(nr, ref)
        if item.status:
            entry["status"] = item.status
        analysis = self.text(item.texts.get("analys"))
        if analysis:
            entry["analys"] = analysis
        for child in item.children:
            self.item(child, (nr, ref))

    def indicator(self, item: Item) -> None:
        names = {ref: indicator.namn for ref, (_, indicator) in self.found.indicators.items()}
        ref = best_match(item.title, names, self.taken)
        if ref is None:
            self.keep(item.line, f"Indikator: {item.title} {item.values}")
            return
        self.taken.add(ref)
        place, indicator = self.found.indicators[ref]
        entry: dict[str, Any] = {"id": ref}
        figures: dict[str, Any] | None
        if item.cells:
            figures, unread = cell_figures(item.cells, indicator)
            for name, cell in unread:  # text where a figure belongs: kept, never read as a figure
                self.keep(item.line, f"Indikator {ref}, kolumnen {name} innehåller text: {cell}")
        else:
            layout = None if item.spread else item.layout
            figures = parse_figures(item.values, indicator, layout, item.outcome_columns, self.year_end)
        if figures is None:
            self.keep(item.line, f"Indikator {ref}, värden som inte kunde läsas: {item.values}")
        else:
            entry.update(figures)
        analysis = self.text(item.texts.get("analys"))
        if analysis:
            entry["analys"] = analysis
        self.place(place).setdefault("indikatorer", []).append(entry)

    def activity(self, item: Item, place: tuple[str, ...]) -> None:
        here = {ref: a.text for ref, (p, a) in self.found.activities.items() if p == place}
        everywhere = {r: a.text for r, (_, a) in self.found.activities.items()}
        ref = best_match(item.title, here, self.taken) or best_match(item.title, everywhere, self.taken)
        if ref is None:
            self.keep(item.line, f"Aktivitet: {item.title}")
            self.keep(item.line, self.text(item.texts.get("analys")))
            return
        self.taken.add(ref)
        entry: dict[str, Any] = {"id": ref}
        deviation = re.sub(r"^\S+ \S+\s*", "", item.values).strip()
        if deviation:
            entry["avvikelse"] = deviation
        analysis = self.text(item.texts.get("analys"))
        if analysis:
            entry["analys"] = analysis
        self.place(self.found.activities[ref][0]).setdefault("aktiviteter", []).append(entry)

    def own_goal(self, item: Item, place: tuple[str, ...]) -> None:
        if len(place) != 2 or item.status is None:
            self.keep(item.line, f"Enhetsmål: {item.title}")
            return
        entry = {"titel": item.title, "status": item.status}
        for name in ("forvantat_resultat", "analys"):
            text = self.text(item.texts.get(name))
            if text:
                entry[name] = text
        self.council_goal(*place).setdefault("enhetsmal", []).append(entry)


_CELL_NUMBER = re.compile(
    r"^(?P<sign>[-−–]?)\s*(?P<digits>[0-9]{1,3}(?:[ \u202f][0-9]{3})+|[0-9]+)(?:,(?P<decimals>[0-9]+))?"
)


def cell_number(cell: str) -> float | None:
    """The figure a table cell starts with ("6,5 %", "9 000 st", "17,2 barn/avd."), or None for text.

    What follows the figure is its unit; a cell with a second figure or no figure at all is text.
    """
    match = _CELL_NUMBER.match(cell.strip())
    if match is None:
        return None
    rest = cell.strip()[match.end() :]
    if re.search(r"[0-9]", rest.replace("CO2", "")):
        return None
    whole = re.sub(r"[ \u202f]", "", match.group("digits"))
    if len(whole) > MAX_DIGITS:  # no report's figure: the cell stays text
        return None
    value = float(f"{whole}.{match.group('decimals') or 0}")
    return -value if match.group("sign") else value


def cell_figures(cells: dict[str, str], indicator: Indikator) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """A tab-separated row's figures by column, its own targets where they differ from the catalogue's, and
    the cells that hold text where a figure belongs (kept, never guessed)."""
    figures: dict[str, Any] = {}
    unread: list[tuple[str, str]] = []
    for name in (*_OUTCOMES, "prognos"):
        if name in cells:
            value = cell_number(cells[name])
            if value is None:
                unread.append((name, cells[name]))
            else:
                figures[name] = _whole(value)
    for name in ("arsmal", "kf_arsmal"):
        if name in cells:
            value = cell_number(cells[name])
            known = getattr(indicator, name)
            if value is not None and not (isinstance(known, (int, float)) and float(known) == value):
                figures[name] = _whole(value)
    return figures, unread


def parse_figures(
    values: str,
    indicator: Indikator,
    layout: str | None = None,
    columns: tuple[str, ...] = (),
    year_end: bool = True,
) -> dict[str, float | int] | None:
    """The outcome figures of one row, or None when they cannot be told apart without guessing.

    The row ends with the period (a year); before it stand the targets, which the catalogue knows. A full
    row of outcomes fills the columns in order (those the table's header names, `columns`, when it is known;
    in a year's report, `year_end`, the forecast column is the one a shorter row leaves empty).
    A shorter one is placed only from the export's layout
    (`layout`, spaces kept): figures at the very start of the row, one space apart, are the first columns;
    leading spaces or a wider gap mean empty cells whose count the text does not show.
    """
    numbers = _numbers(values)
    outcomes = _without_targets(numbers, indicator)
    if columns and len(outcomes) == len(columns):
        return dict(zip(columns, map(_whole, outcomes)))  # every column the header names has its figure
    if "prognos" in columns and outcomes:
        if not year_end:
            return None  # a forecast in a tertial report: which columns are empty the text does not show
        columns = tuple(name for name in columns if name != "prognos")  # a year's report leaves it empty
        if len(outcomes) == len(columns):
            return dict(zip(columns, map(_whole, outcomes)))
    if len(outcomes) == 3 and columns == _OUTCOMES:
        # A split by gender comes in pairs and with its total: three figures are the total and the split.
        return dict(zip(_OUTCOMES, map(_whole, outcomes)))
    names = list(_OUTCOMES) if indicator.jamstalldhet or len(outcomes) >= 3 else ["utfall", "utfall_foregaende"]
    if len(outcomes) > 4:
        return None
    if len(outcomes) == len(names) or not outcomes:
        return dict(zip(names, map(_whole, outcomes)))
    leading = _leading_group(layout or "")
    if leading is None or len(leading) != len(outcomes):
        return None
    return dict(zip(_OUTCOMES, map(_whole, outcomes)))


def _numbers(text: str) -> list[float]:
    return [float(n.replace(",", ".")) for n in re.findall(r"-?[0-9]+(?:,[0-9]+)?", text)]


def _without_targets(numbers: list[float], indicator: Indikator) -> list[float]:
    """The figures before the period and the targets the catalogue gives (from the row's end)."""
    if numbers and 2000 <= numbers[-1] <= 2100 and numbers[-1].is_integer():
        numbers = numbers[:-1]
    for target in (indicator.kf_arsmal, indicator.arsmal):
        if numbers and isinstance(target, (int, float)) and numbers[-1] == float(target):
            numbers = numbers[:-1]
    return numbers


def _leading_group(layout: str) -> list[float] | None:
    """The figures at the very start of a laid-out row, up to the first gap of two spaces or more."""
    if not layout or layout[:1].isspace() or "  " not in layout.strip():
        return None  # empty leading cells, or no layout to read
    group = re.split(r"\s{2,}", layout.strip())[0]
    return _numbers(group)


def _whole(value: float) -> float | int:
    return int(value) if value.is_integer() else value


def build(
    read: Read,
    catalogue: Katalog,
    unit: str,
    year: int,
    period: str,
    council: bool = False,
    names: Names | None = None,
) -> Imported:
    """The report's data in the format, from an export as read; `council` for the nämnd's own report, `names`
    the organisation's names that the economy tables refer to."""
    builder = _Builder(catalogue)
    builder.year_end = period.upper() == "VB"
    front, rest = cover(read.unplaced)
    builder.labels = {name.lower() for name in ((names or Names()).own, front.get("till", "")) if name}
    for direction in read.directions:
        builder.direction_items(direction)
    listed = read.sections.get("bilagor")
    if listed is not None:
        appendices, others = appendix_list(listed.lines)
        if appendices:
            front["bilagor"] = appendices
        rest += others
    for line in rest:
        builder.keep(line.number, line.text)
    directions: dict[str, list[dict[str, Any]]] = {}
    for nr, goal in sorted(builder.tree.items(), key=lambda pair: [int(p) for p in pair[0].split(".")]):
        directions.setdefault(builder.found.goal_parent[nr], []).append(goal)
    data: dict[str, Any] = {"organisation": unit, "ar": year, "period": period}
    for name, value in front.items():
        if name == "datum" and not council:
            builder.keep(next((n.number for n in read.unplaced if str(value) in n.text), 1), f"Datum: {value}")
        else:
            data[name] = value
    data["sammanfattande_analys"] = _with_headings(read.sections.get("sammanfattande_analys"))
    texts = {direction.nr: text_of(direction.texts.get("text")) for direction in read.directions}
    data["inriktningsmal"] = [
        {"nr": nr, **({"text": texts[nr]} if texts.get(nr) else {}), "mal": goals}
        for nr, goals in sorted(directions.items())
    ]
    economy = {
        name.split(":", 1)[1]: economy_blocks(texts.lines, names or Names(), lambda lines: _with_headings(Texts(lines)))
        for name, texts in read.sections.items()
        if name.startswith("ekonomi:")
    }
    economy = {name: found for name, found in economy.items() if found}
    if economy:
        data["ekonomi"] = economy
    for name in ("systematiskt_kvalitetsarbete", "ovrigt", *COUNCIL_ONLY_KEYS, *COUNCIL_COVER_KEYS):
        text = _with_headings(read.sections.get(name)) if name in _HEADED else text_of(read.sections.get(name))
        if not text:
            continue
        if council == (name in UNIT_ONLY_KEYS) and name not in ("ovrigt",):
            for paragraph in joined(read.sections[name].lines):  # a section the other kind of report has
                builder.keep(paragraph.number, paragraph.text)
        else:
            data[name] = text
    return Imported(data, builder.unplaced)


_HEADED = ("systematiskt_kvalitetsarbete", "ovrigt", "sarskilda_redovisningar", "konsekvenser_covid19")


def _with_headings(texts: Texts | None) -> str:
    """A text section: a short line without a full stop that starts a paragraph reads as a sub-heading."""
    if texts is None:
        return ""
    parts = []
    for paragraph in joined(texts.lines):
        is_heading = (
            len(paragraph.text) < 60 and not paragraph.text.endswith((".", ";", ",")) and paragraph.text[:1].isupper()
        )
        parts.append(f"### {paragraph.text}" if is_heading else paragraph.text)
    return "\n\n".join(parts)


def unplaced_comment(unplaced: list[tuple[int, str]], source: str) -> str:
    """The lines nothing took, as YAML comments at the end of the file, each with its source line."""
    if not unplaced:
        return ""
    lines = [f"# EJ PLACERAT VID IMPORT från {source}: flytta texten till rätt ställe i rapporten eller ta bort den."]
    lines += [f"# rad {number}: {' '.join(text.split())}" for number, text in unplaced]
    return "\n".join(lines) + "\n"

"""What changed between two versions of the content, said in report terms.

Pure: two `Snapshot`s (each built from file bytes by `snapshot`) in, a list of
`Change`s out, and renderers to Markdown (a pull-request comment) or plain
text. Reports are matched by (organisation, year, period), never by path, so
a moved file reads as moved and its content is still compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from generator.content.layout import ORGANISATION_FILE
from generator.content.load import classify, to_model
from generator.content.lookup import CatalogueIndex, index
from generator.content.models import (
    PERIOD_NAMES,
    AktivitetUppfoljning,
    Block,
    Ekonomi,
    IndikatorUtfall,
    Katalog,
    MalUppfoljning,
    NamndmalUppfoljning,
    Organisation,
    Rapport,
)
from generator.content.outline import COUNCIL_ECONOMY, UNIT_ECONOMY
from generator.content.yamlread import read_file
from generator.problems import as_seen, odd_characters
from generator.render import format as fmt
from generator.render.text import md_escape

ReportKey = tuple[str, int, str]
FactKey = tuple[Any, ...]
MODELS: dict[str, type[BaseModel]] = {
    "organisation": Organisation,
    "katalog": Katalog,
    "rapport": Rapport,
    "faststalld": Rapport,
}
EMPTY = "–"


# --------------------------------------------------------------------------
# snapshots


@dataclass
class Snapshot:
    """The content of one revision: models by identity, and files that could not be read."""

    organisation: Organisation | None = None
    catalogues: dict[int, Katalog] = field(default_factory=dict)
    reports: dict[ReportKey, tuple[str, Rapport]] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)
    prefix: str = "content"
    adopted: dict[ReportKey, tuple[str, Rapport]] = field(default_factory=dict)
    set_aside: dict[str, str] = field(default_factory=dict)

    def shown(self, relative: str) -> str:
        """A path inside the content folder as the user sees it (content/organisation.yml)."""
        return f"{self.prefix}/{relative}" if self.prefix else relative


def snapshot(files: dict[str, bytes], prefix: str = "content", set_aside: dict[str, str] | None = None) -> Snapshot:
    """Read content files (path inside the content folder -> bytes) through the strict loader.

    `set_aside` names paths that were not read (a name that cannot be shown safely, a link): why, by path.
    """
    found = Snapshot(prefix=prefix)
    found.set_aside = {found.shown(relative): reason for relative, reason in (set_aside or {}).items()}
    for relative, raw in sorted(files.items()):
        kind = classify(PurePosixPath(relative))
        if kind not in MODELS:
            continue
        shown = found.shown(relative)
        document = read_file(raw, shown)
        model, problems = to_model(MODELS[kind], document)
        if model is None:
            first = [*document.problems, *problems]
            found.unreadable[shown] = first[0].message if first else "filen är tom"
        elif kind == "organisation":
            found.organisation = model
        elif kind == "katalog":
            found.catalogues.setdefault(model.ar, model)
        elif kind == "faststalld":
            found.adopted.setdefault((model.organisation, model.ar, model.period), (shown, model))
        else:
            found.reports.setdefault((model.organisation, model.ar, model.period), (shown, model))
    return found


# --------------------------------------------------------------------------
# changes


class Kind(str, Enum):
    """What happened to one thing; each kind has its own sentence."""

    ADDED = "tillagd"
    REMOVED = "borttagen"
    CHANGED = "ändrad"
    TEXT_ADDED = "ny text"
    TEXT_CHANGED = "ändrad text"
    TEXT_UNSEEN = "ändrad text som ser likadan ut"
    TEXT_REMOVED = "borttagen text"
    MOVED = "flyttad"
    RENAMED = "nytt namn"
    NEW_ID = "nytt id"
    STATED = "uppgift i en ny rapport"
    UNREADABLE = "kan inte läsas"
    SET_ASIDE = "inte visad"
    ADOPTED = "fastställd"
    CORRECTED = "rättelse"
    UNRECORDED = "ändring utan rättelse"
    ADOPTION_CHANGED = "fastställandet ändrat"
    COPY_CHANGED = "fastställd version ändrad"


@dataclass(frozen=True)
class Change:
    """One change, grouped under a report, the organisation or a catalogue year."""

    group: str
    file: str
    kind: Kind
    subject: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Fact:
    """One comparable thing: an item that exists (`item`), a short value, a Markdown text or a name."""

    label: str
    value: str
    kind: str = "value"  # "item", "value", "text" or "name"
    owner: FactKey | None = None


def compare(base: Snapshot, head: Snapshot) -> list[Change]:
    """Every change from `base` to `head`: unreadable files, reports, organisation, catalogues."""
    changes = _set_aside(base, head)
    changes += [Change(file, file, Kind.UNREADABLE, file, after=reason) for file, reason in head.unreadable.items()]
    changes += _compare_reports(base, head)
    file = head.shown(ORGANISATION_FILE)
    if base.organisation and head.organisation:
        changes += _compare_organisation(base.organisation, head.organisation, file)
    elif head.organisation:
        changes.append(Change("Organisationen", file, Kind.ADDED, "Organisationen"))
    elif base.organisation and file not in head.unreadable:
        changes.append(Change("Organisationen", file, Kind.REMOVED, "Organisationen"))
    changes += _compare_catalogues(base, head)
    return changes


def _set_aside(base: Snapshot, head: Snapshot) -> list[Change]:
    """Paths vb did not read on either side, each named once: a reviewer must look at them by hand."""
    paths = {**base.set_aside, **head.set_aside}
    return [Change(path, path, Kind.SET_ASIDE, path, after=reason) for path, reason in sorted(paths.items())]


def compare_facts(group: str, file: str, base: dict[FactKey, Fact], head: dict[FactKey, Fact]) -> list[Change]:
    """Changes between two fact tables; facts of an item that came or went are not repeated."""
    moved = {k for k, f in head.items() if f.kind == "item" and k not in base}
    moved |= {k for k, f in base.items() if f.kind == "item" and k not in head}
    changes = []
    for key in [*head, *(k for k in base if k not in head)]:
        before, after = base.get(key), head.get(key)
        fact = after or before
        assert fact is not None
        if fact.owner in moved:
            continue
        found = _fact_change(fact, before, after)
        if found:
            changes.append(Change(group, file, *found))
    return changes


def _fact_change(fact: Fact, before: Fact | None, after: Fact | None) -> tuple[Kind, str, str, str] | None:
    old, new = (before.value if before else ""), (after.value if after else "")
    if fact.kind == "item":
        if before is None or after is None:
            return (Kind.ADDED, fact.label, "", new) if before is None else (Kind.REMOVED, fact.label, old, "")
        return None
    if old == new:
        return None
    if fact.kind == "text":
        if not old:
            return Kind.TEXT_ADDED, fact.label, "", excerpt(new)
        if not new:
            return Kind.TEXT_REMOVED, fact.label, excerpt(old), ""
        unseen = _unseen_change(old, new)
        if unseen:
            return Kind.TEXT_UNSEEN, fact.label, excerpt(old), unseen
        return Kind.TEXT_CHANGED, fact.label, excerpt(old), excerpt(_first_new_paragraph(old, new))
    return (Kind.RENAMED if fact.kind == "name" else Kind.CHANGED), fact.label, old or EMPTY, new or EMPTY


# --------------------------------------------------------------------------
# reports


def report_title(key: ReportKey, organisation: Organisation | None) -> str:
    """'Glasade Gången – Verksamhetsberättelse 2021'."""
    org, year, period = key
    names = _node_names(organisation)
    return f"{names.get(org, org)} – {PERIOD_NAMES.get(period, period)} {year}"


def _node_names(organisation: Organisation | None) -> dict[str, str]:
    if organisation is None:
        return {}
    return {organisation.namnd.id: organisation.namnd.namn, **{u.id: u.namn for u in organisation.enheter}}


def _compare_reports(base: Snapshot, head: Snapshot) -> list[Change]:
    from generator.authoring.adopted_diff import adoption_changes

    organisation = head.organisation or base.organisation
    changes: list[Change] = []
    keys = sorted(set(base.reports) | set(head.reports), key=lambda k: (report_title(k, organisation), k))
    for key in keys:
        title = report_title(key, organisation)
        old, new = base.reports.get(key), head.reports.get(key)
        file = (new or old)[0]  # type: ignore[index]
        changes += adoption_changes(
            title, file, old and old[1], new and new[1], base.adopted.get(key), head.adopted.get(key), head.unreadable
        )
        if old is None and new is not None:
            changes.append(Change(title, new[0], Kind.ADDED, "Rapporten", after=_report_summary(new[1])))
            changes += describe_new_report(title, new[0], report_facts(new[1], _names(key, base, head)))
        elif new is None and old is not None:
            if old[0] not in head.unreadable:
                changes.append(Change(title, old[0], Kind.REMOVED, "Rapporten"))
        elif old is not None and new is not None:
            changes += _compare_report(title, old, new, _names(key, base, head))
    return changes


def _report_summary(report: Rapport) -> str:
    goals = sum(len(d.mal) for d in report.inriktningsmal)
    own = sum(len(c.enhetsmal) for d in report.inriktningsmal for g in d.mal for c in g.namndmal)
    return f"{goals} mål, {own} enhetsmål"


def describe_new_report(group: str, file: str, facts: dict[FactKey, Fact]) -> list[Change]:
    """What a reviewer reads in a new report: every status, value and text, in document order.

    An item's own value (an indicator's figures, an enhetsmål's status) is told once, on the item;
    levels without an assessment ("Ingen bedömning") and empty texts are left out.
    """
    told: set[FactKey] = set()
    changes = []
    for key, fact in facts.items():
        if not fact.value or fact.value == _status(None) or (fact.owner in told and fact.kind != "text"):
            continue
        if fact.kind == "text":
            changes.append(Change(group, file, Kind.TEXT_ADDED, fact.label, after=excerpt(fact.value)))
            continue
        if fact.kind == "item":
            told.add(key)
        changes.append(Change(group, file, Kind.STATED, fact.label, after=fact.value))
    return changes


def _compare_report(title: str, old: tuple[str, Rapport], new: tuple[str, Rapport], names: Names) -> list[Change]:
    changes = []
    if old[0] != new[0]:
        changes.append(Change(title, new[0], Kind.MOVED, "Filen", old[0], new[0]))
    return changes + compare_facts(title, new[0], report_facts(old[1], names), report_facts(new[1], names))


@dataclass
class Names:
    """Readable names for ids in a report: from the year's catalogue and whether it is the council's."""

    catalogue: CatalogueIndex | None
    is_council: bool = False
    _activity_names: dict[str, str] | None = None

    def _activities(self) -> dict[str, str]:
        if self._activity_names is None:
            texts = {ref: item.text for ref, (_, item) in self.catalogue.activities.items()} if self.catalogue else {}
            self._activity_names = distinct_names(texts, 70)
        return self._activity_names

    def council_goal(self, nr: str, ref: str) -> str:
        """A nämndmål's title, shortened; its id when the catalogue does not have it."""
        found = self.catalogue.council_goals.get((nr, ref)) if self.catalogue else None
        return short(found.titel, 70) if found else ref

    def indicator(self, ref: str) -> tuple[str, str | None]:
        """An indicator's name and unit of measure ("%", "st" ...)."""
        found = self.catalogue.indicators.get(ref) if self.catalogue else None
        return (short(found[1].namn, 70), found[1].enhet) if found else (ref, None)

    def activity(self, ref: str) -> str:
        """The start of an activity's text, long enough to tell it from every other activity of the year."""
        return self._activities().get(ref, ref)


def _names(key: ReportKey, base: Snapshot, head: Snapshot) -> Names:
    catalogue = head.catalogues.get(key[1]) or base.catalogues.get(key[1])
    organisation = head.organisation or base.organisation
    is_council = organisation is not None and key[0] == organisation.namnd.id
    return Names(index(catalogue) if catalogue else None, is_council)


FRONT_TEXTS = (
    ("forslag_till_beslut", "Förslag till beslut"),
    ("sammanfattning", "Sammanfattning"),
    ("arendets_beredning", "Ärendets beredning"),
    ("jamstalldhetsanalys", "Jämställdhetsanalys"),
    ("sammanfattande_analys", "Sammanfattande analys"),
)
BACK_TEXTS = (
    ("systematiskt_kvalitetsarbete", "Systematiskt kvalitetsarbete"),
    ("sarskilda_redovisningar", "Särskilda redovisningar"),
    ("konsekvenser_covid19", "Konsekvenser av covid-19-pandemin"),
    ("ovrigt", "Övrigt"),
)
OUTCOME_FIELDS = (
    ("utfall", "utfall"),
    ("utfall_man", "utfall män/pojkar"),
    ("utfall_kvinnor", "utfall kvinnor/flickor"),
    ("utfall_foregaende", "utfall föregående period"),
    ("prognos", "prognos helår"),
    ("arsmal", "årsmål"),
    ("kf_arsmal", "KF:s årsmål"),
    ("period", "period"),
    ("vikt", "vikt"),
)


def report_facts(report: Rapport, names: Names) -> dict[FactKey, Fact]:
    """Everything comparable in a report, in document order."""
    facts: dict[FactKey, Fact] = {}
    for name, label in FRONT_TEXTS:
        facts[("text", name)] = Fact(label, getattr(report, name), "text")
    for direction in report.inriktningsmal:
        facts[("inriktningsmal", direction.nr)] = Fact(f"Inriktningsmål {direction.nr}, text", direction.text, "text")
        for goal in direction.mal:
            _goal_facts(facts, goal, names)
    _economy_facts(facts, report.ekonomi, names.is_council)
    for name, label in BACK_TEXTS:
        facts[("text", name)] = Fact(label, getattr(report, name), "text")
    return facts


def _status(value: str | None) -> str:
    return "Ingen bedömning" if value in (None, "Ingen") else str(value)


def _assessment(facts: dict[FactKey, Fact], key: FactKey, label: str, status: str | None, analysis: str) -> None:
    facts[(*key, "status")] = Fact(label, _status(status), owner=key)
    facts[(*key, "analys")] = Fact(f"{label}, analys", analysis, "text", owner=key)


def _goal_facts(facts: dict[FactKey, Fact], goal: MalUppfoljning, names: Names) -> None:
    key: FactKey = ("mal", goal.nr)
    label = f"Mål {goal.nr}"
    facts[key] = Fact(label, "", "item")
    _assessment(facts, key, label, goal.status, goal.analys)
    _leaves(facts, key, goal.indikatorer, goal.aktiviteter, names)
    for council_goal in goal.namndmal:
        _council_goal_facts(facts, key, goal.nr, council_goal, names)


def _council_goal_facts(
    facts: dict[FactKey, Fact], owner: FactKey, nr: str, goal: NamndmalUppfoljning, names: Names
) -> None:
    key: FactKey = ("namndmal", nr, goal.id)
    label = f'Nämndmålet "{names.council_goal(nr, goal.id)}"'
    facts[key] = Fact(label, "", "item", owner)
    _assessment(facts, key, label, goal.status, goal.analys)
    _leaves(facts, key, goal.indikatorer, goal.aktiviteter, names)
    for own in goal.enhetsmal:
        own_key: FactKey = ("enhetsmal", nr, goal.id, own.titel)
        own_label = f'Enhetsmålet "{short(own.titel, 70)}"'
        facts[own_key] = Fact(own_label, _status(own.status), "item", key)
        facts[(*own_key, "status")] = Fact(own_label, _status(own.status), owner=own_key)
        facts[(*own_key, "forvantat")] = Fact(
            f"{own_label}, förväntat resultat", own.forvantat_resultat, "text", own_key
        )
        facts[(*own_key, "analys")] = Fact(f"{own_label}, analys", own.analys, "text", own_key)


def _leaves(
    facts: dict[FactKey, Fact],
    owner: FactKey,
    indicators: list[IndikatorUtfall],
    activities: list[AktivitetUppfoljning],
    names: Names,
) -> None:
    for outcome in indicators:
        name, unit = names.indicator(outcome.id)
        key: FactKey = ("indikator", *owner[1:], outcome.id)
        values = {
            label: number(getattr(outcome, f), unit) for f, label in OUTCOME_FIELDS if getattr(outcome, f) is not None
        }
        facts[key] = Fact(f"Indikatorn {name}", ", ".join(f"{k} {v}" for k, v in values.items()), "item", owner)
        for attribute, label in OUTCOME_FIELDS:
            value = getattr(outcome, attribute)
            facts[(*key, attribute)] = Fact(f"{name}, {label}", "" if value is None else number(value, unit), owner=key)
        facts[(*key, "analys")] = Fact(f"{name}, analys", outcome.analys, "text", key)
    for activity in activities:
        text = names.activity(activity.id)
        key = ("aktivitet", *owner[1:], activity.id)
        facts[key] = Fact(f'Aktiviteten "{text}"', activity.status or "", "item", owner)
        facts[(*key, "status")] = Fact(f'Aktiviteten "{text}"', activity.status or "", owner=key)
        facts[(*key, "avvikelse")] = Fact(f'Aktiviteten "{text}", avvikelse', activity.avvikelse, "text", key)
        facts[(*key, "analys")] = Fact(f'Aktiviteten "{text}", analys', activity.analys, "text", key)


# --- economy --------------------------------------------------------------

AMOUNT_NAMES = {
    "utfall": "utfall",
    "budget": "budget",
    "avvikelse": "avvikelse",
    "begarda_bj": "begärda budgetjusteringar",
    "prognos_fore": "prognos före resultatöverföring",
    "prognos_efter": "prognos efter resultatöverföring",
    "bruttobudget": "bruttobudget",
    "fem_procent": "5 % av bruttobudget",
    "overforing_fran_fg": "överföring från föregående år",
    "resultat": "resultat",
    "overforing_till_nasta": "överföring till nästa år",
    "prognos": "prognos",
    "budgetjustering": "budgetjustering",
    "kostnader": "kostnader",
    "intakter": "intäkter",
}
TABLE_NAMES = {
    "resultatrakning": "resultaträkning",
    "driftbudget": "driftbudget",
    "resultatenheter": "resultatenheter",
    "investeringar": "investeringar",
    "omslutningsforandringar": "omslutningsförändringar",
    "tabell": "tabell",
}
Row = tuple[str, dict[str, Any], str | None]  # label, amounts by name, unit


def _economy_facts(facts: dict[FactKey, Fact], economy: Ekonomi, is_council: bool) -> None:
    """Every economy section, titled as the report's table of contents titles it."""
    titles = {**dict(UNIT_ECONOMY + COUNCIL_ECONOMY), **dict(COUNCIL_ECONOMY if is_council else UNIT_ECONOMY)}
    facts[("ekonomi", "inledning")] = Fact("Uppföljning av ekonomi, inledning", economy.inledning, "text")
    for section in (name for name in type(economy).model_fields if name != "inledning"):
        title = titles.get(section, section)
        counts: dict[str, int] = {}
        for block in getattr(economy, section):
            for kind in block.kinds():
                counts[kind] = counts.get(kind, 0) + 1
                _block_facts(facts, ("ekonomi", section, kind, counts[kind]), title, kind, block)


def _block_facts(facts: dict[FactKey, Fact], key: FactKey, title: str, kind: str, block: Block) -> None:
    if kind == "text":
        number_suffix = f" {key[-1]}" if key[-1] > 1 else ""
        facts[key] = Fact(f"{title}, text{number_suffix}", block.text or "", "text")
        return
    for label, amounts, unit in ROWS[kind](getattr(block, kind)):
        row_key = (*key, label)
        row_label = f"{title}: {TABLE_NAMES[kind]}, {label}"
        shown = {AMOUNT_NAMES.get(n, n): number(v, unit) for n, v in amounts.items() if v is not None}
        facts[row_key] = Fact(row_label, ", ".join(f"{n} {v}" for n, v in shown.items()), "item")
        for name, value in amounts.items():
            text = "" if value is None else number(value, unit)
            facts[(*row_key, name)] = Fact(f"{row_label}, {AMOUNT_NAMES.get(name, name)}", text, owner=row_key)


def _amounts(row: BaseModel) -> dict[str, Any]:
    return {n: v for n, v in row if isinstance(v, (int, float)) and not isinstance(v, bool)}


def _income_rows(table: Any) -> list[Row]:
    rows: list[Row] = [(r.namn, _amounts(r), table.belopp) for r in table.intakter]
    rows += [("Summa intäkter", _amounts(table.summa_intakter), table.belopp)] if table.summa_intakter else []
    rows += [(r.namn, _amounts(r), table.belopp) for r in table.kostnader]
    for label, total in (("Summa kostnader", table.summa_kostnader), ("Summa netto", table.summa_netto)):
        rows += [(label, _amounts(total), table.belopp)] if total else []
    return rows


def _budget_rows(table: Any) -> list[Row]:
    rows: list[Row] = []
    for row in table.rader:
        rows.append((row.namn, _amounts(row), table.belopp))
        rows += [(f"{row.namn}, varav {part.namn}", _amounts(part), table.belopp) for part in row.varav]
    return rows + [(table.totalt.namn, _amounts(table.totalt), table.belopp)]


def _unit_rows(table: Any) -> list[Row]:
    rows: list[Row] = [(r.namn or r.enhet, _amounts(r), "tkr") for r in table.rader]
    return rows + ([(table.summa.namn, _amounts(table.summa), "tkr")] if table.summa else [])


def _investment_rows(table: Any) -> list[Row]:
    rows: list[Row] = [(r.namn, _amounts(r), "mnkr") for r in table.rader]
    return rows + ([(table.totalt.namn, _amounts(table.totalt), "mnkr")] if table.totalt else [])


def _turnover_rows(table: Any) -> list[Row]:
    rows: list[Row] = [(f"{g.rubrik}, {r.namn}", _amounts(r), "mnkr") for g in table.grupper for r in g.rader]
    return rows + ([(table.summa.namn, _amounts(table.summa), "mnkr")] if table.summa else [])


def _plain_rows(table: Any) -> list[Row]:
    prefix = f"{table.rubrik}, " if table.rubrik else ""
    return [(f"{prefix}{r.namn}", dict(zip(table.kolumner, r.varden)), None) for r in table.rader]


ROWS = {
    "resultatrakning": _income_rows,
    "driftbudget": _budget_rows,
    "resultatenheter": _unit_rows,
    "investeringar": _investment_rows,
    "omslutningsforandringar": _turnover_rows,
    "tabell": _plain_rows,
}


# --------------------------------------------------------------------------
# organisation and catalogues


def organisation_facts(organisation: Organisation) -> dict[FactKey, Fact]:
    """Council, verksamhetsområden, avdelningar and units with their names, places and reviewers."""
    facts: dict[FactKey, Fact] = {("namnd",): Fact("Nämnden", organisation.namnd.namn, "name")}
    for area in organisation.verksamhetsomraden:
        _item(facts, ("omrade", area.id), f"Verksamhetsområdet {area.id}", area.namn, {})
    for department in organisation.avdelningar:
        _item(
            facts,
            ("avdelning", department.id),
            f"Avdelningen {department.id}",
            department.namn,
            {"granskare": ("granskare", ", ".join(department.granskare))},
        )
    for unit in organisation.enheter:
        _item(
            facts,
            ("enhet", unit.id),
            f"Enheten {unit.id}",
            unit.namn,
            {
                "avdelning": ("avdelning", unit.avdelning),
                "omrade": ("verksamhetsområde", unit.verksamhetsomrade),
                "resultatenhet": ("resultatenhet", "ja" if unit.resultatenhet else "nej"),
                "enhetschef": ("enhetschef", unit.enhetschef or ""),
                "granskare": ("granskare", ", ".join(unit.granskare)),
            },
        )
    return facts


def _item(
    facts: dict[FactKey, Fact],
    key: FactKey,
    label: str,
    name: str,
    fields: dict[str, tuple[str, str]],
    owner: FactKey | None = None,
) -> None:
    """An item, its name (a change reads as a new name) and its short values."""
    facts[key] = Fact(label, name, "item", owner)
    facts[(*key, "namn")] = Fact(label, name, "name", key)
    for attribute, (field_label, value) in fields.items():
        facts[(*key, attribute)] = Fact(f"{label}, {field_label}", value, owner=key)


def _compare_organisation(base: Organisation, head: Organisation, file: str) -> list[Change]:
    changes = compare_facts("Organisationen", file, organisation_facts(base), organisation_facts(head))
    return _pair_new_ids(changes)


def _pair_new_ids(changes: list[Change]) -> list[Change]:
    """A unit removed under one id and added under another with the same name has a new id."""
    removed = {c.before: c for c in changes if c.kind is Kind.REMOVED and c.subject.startswith("Enheten ")}
    paired: list[Change] = []
    result = []
    for change in changes:
        twin = (
            removed.pop(change.after, None)
            if change.kind is Kind.ADDED and change.subject.startswith("Enheten ")
            else None
        )
        if twin is None:
            result.append(change)
            continue
        paired.append(twin)
        old_id, new_id = twin.subject.split(" ", 1)[1], change.subject.split(" ", 1)[1]
        result.append(Change(change.group, change.file, Kind.NEW_ID, f'Enheten "{change.after}"', old_id, new_id))
    return [c for c in result if all(c is not twin for twin in paired)]


def catalogue_facts(catalogue: Katalog) -> dict[FactKey, Fact]:
    """Goals, nämndmål, indicators and activities of one year, with titles, targets and assignments."""
    facts: dict[FactKey, Fact] = {}
    for direction in catalogue.inriktningsmal:
        _item(
            facts, ("inriktningsmal", direction.nr), f"Inriktningsmål {direction.nr}", short(direction.titel, 100), {}
        )
        for goal in direction.mal:
            key: FactKey = ("mal", goal.nr)
            _item(facts, key, f"Mål {goal.nr}", short(goal.titel, 100), {}, ("inriktningsmal", direction.nr))
            _catalogue_leaves(facts, key, goal.indikatorer, goal.aktiviteter)
            for council_goal in goal.namndmal:
                own_key: FactKey = ("namndmal", council_goal.id)
                _item(facts, own_key, f"Nämndmålet {council_goal.id}", short(council_goal.titel, 100), {}, key)
                facts[(*own_key, "beskrivning")] = Fact(
                    f"Nämndmålet {council_goal.id}, beskrivning", council_goal.beskrivning, "text", own_key
                )
                facts[(*own_key, "forvantat")] = Fact(
                    f"Nämndmålet {council_goal.id}, förväntat resultat",
                    council_goal.forvantat_resultat,
                    "text",
                    own_key,
                )
                _catalogue_leaves(facts, own_key, council_goal.indikatorer, council_goal.aktiviteter)
    return facts


def _catalogue_leaves(
    facts: dict[FactKey, Fact], owner: FactKey, indicators: Iterable[Any], activities: Iterable[Any]
) -> None:
    for indicator in indicators:
        _item(
            facts,
            ("indikator", indicator.id),
            f"Indikatorn {indicator.id}",
            short(indicator.namn, 100),
            {
                "enhet": ("enhet", indicator.enhet or ""),
                "riktning": ("riktning", indicator.riktning),
                "arsmal": ("årsmål", _plain(indicator.arsmal, indicator.enhet)),
                "kf_arsmal": ("KF:s årsmål", _plain(indicator.kf_arsmal, indicator.enhet)),
            },
            owner,
        )
    for activity in activities:
        assigned = activity.galler if isinstance(activity.galler, str) else ", ".join(activity.galler)
        _item(
            facts,
            ("aktivitet", activity.id),
            f"Aktiviteten {activity.id}",
            short(activity.text, 100),
            {
                "start": ("startdatum", activity.start.isoformat()),
                "slut": ("slutdatum", activity.slut.isoformat()),
                "galler": ("gäller", assigned),
            },
            owner,
        )


def _plain(value: Any, unit: str | None) -> str:
    return "" if value is None else number(value, unit)


def _compare_catalogues(base: Snapshot, head: Snapshot) -> list[Change]:
    changes: list[Change] = []
    for year in sorted(set(base.catalogues) | set(head.catalogues)):
        group, file = f"Målkatalogen {year}", head.shown(f"katalog/{year}.yml")
        old, new = base.catalogues.get(year), head.catalogues.get(year)
        if old is None:
            changes.append(Change(group, file, Kind.ADDED, "Målkatalogen"))
        elif new is None:
            if file not in head.unreadable:
                changes.append(Change(group, file, Kind.REMOVED, "Målkatalogen"))
        else:
            changes += compare_facts(group, file, catalogue_facts(old), catalogue_facts(new))
    return changes


# --------------------------------------------------------------------------
# Swedish text


def number(value: Any, unit: str | None = None) -> str:
    """A value as the site shows it (generator.render.format): 2 784,9 tkr, 86 %; a text target as written."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return fmt.with_unit(value, unit)


def short(text: str, limit: int = 80) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"


def distinct_names(texts: dict[str, str], limit: int) -> dict[str, str]:
    """Each text shortened (`short`) but never so far that two texts read the same.

    A text that shares its first words with another is kept up to the word where they differ.
    """
    lines = {ref: " ".join(text.split()) for ref, text in texts.items()}
    ordered = sorted(lines.values())
    names = {}
    for ref, line in lines.items():
        spot = ordered.index(line)
        shared = max(
            (_common(line, other) for other in ordered[max(spot - 1, 0) : spot + 2] if other != line), default=0
        )
        end = line.find(" ", shared + 1)
        names[ref] = short(line, max(limit, (len(line) if end < 0 else end) + 2))
    return names


def _common(first: str, second: str) -> int:
    """How many leading characters two texts share."""
    count = 0
    for a, b in zip(first, second):
        if a != b:
            break
        count += 1
    return count


def excerpt(text: str, limit: int = 100) -> str:
    """The start of a Markdown text as one plain line: headings, emphasis and list marks removed."""
    plain = re.sub(r"(?m)^\s{0,3}(#{1,6}\s+|[-*+]\s+|\d+\.\s+|>\s?)", "", text)
    plain = re.sub(r"[*_`]+", "", plain)
    return short(plain, limit)


def _unseen_change(old: str, new: str) -> str:
    """The characters that changed where two texts read the same on screen (a no-break space, a zero-width
    space or a look-alike letter swapped in or out), named; '' when the change shows."""
    if _as_seen(old) != _as_seen(new):
        return ""
    swapped = "".join(dict.fromkeys(c for c in (set(old) ^ set(new)) if c != " "))
    return odd_characters("".join(sorted(swapped))) or "mellanslag"


def _as_seen(text: str) -> str:
    """A text as a reader sees it: within a paragraph, runs of spaces and line breaks as one space."""
    return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n[ \t]*\n", as_seen(text)) if part.strip())


def _first_new_paragraph(old: str, new: str) -> str:
    """The first paragraph of `new` that is not in `old`, so an excerpt shows what changed."""
    before = {" ".join(p.split()) for p in re.split(r"\n\s*\n", old)}
    for paragraph in re.split(r"\n\s*\n", new):
        if paragraph.strip() and " ".join(paragraph.split()) not in before:
            return paragraph
    return new


SENTENCES = {
    Kind.ADDED: "{subject} har lagts till{after_paren}",
    Kind.REMOVED: "{subject} har tagits bort{before_paren}",
    Kind.CHANGED: "{subject}: {before} → {after}",
    Kind.TEXT_ADDED: "{subject}: ny text: ”{after}”",
    Kind.TEXT_CHANGED: "{subject}: ändrad text: ”{after}”",
    Kind.TEXT_UNSEEN: "{subject}: texten ser likadan ut men har ändrats i tecken som inte syns: {after}",
    Kind.TEXT_REMOVED: "{subject}: texten har tagits bort (var: ”{before}”)",
    Kind.MOVED: "Filen har flyttats: {before} → {after}",
    Kind.RENAMED: "{subject} har bytt namn: {before} → {after}",
    Kind.NEW_ID: "{subject} har fått nytt id: {before} → {after}",
    Kind.STATED: "{subject}: {after}",
    Kind.UNREADABLE: "Filen kan inte läsas: {after} Kör vb check {subject} för att se alla fel.",
    Kind.SET_ASIDE: "Visas inte här: {after}. Granska den för hand.",
    Kind.ADOPTED: "{subject} har fastställts {after}",
    Kind.CORRECTED: "Rättelse {subject}: {after}",
    Kind.UNRECORDED: "Ingen rättelse är antecknad: vb check godtar inte ändringen. Är den en rättelse: kör "
    'vb rattelse {subject} --vad "vad som rättades" --varfor "varför"; annars ångra den',
    Kind.ADOPTION_CHANGED: "{subject} har ändrats: {before} → {after}",
    Kind.COPY_CHANGED: "Den fastställda versionen {subject} har {after}; den ska aldrig ändras",
}


def sentence(change: Change, escape: Callable[[str], str] = str) -> str:
    """One change as a Swedish sentence; `escape` protects content text (Markdown)."""
    parts = {name: escape(getattr(change, name)) for name in ("subject", "before", "after")}
    parts["after_paren"] = f" ({parts['after']})" if change.after else ""
    parts["before_paren"] = f" (var: {parts['before']})" if change.before else ""
    return SENTENCES[change.kind].format(**parts)


def _groups(changes: list[Change]) -> dict[tuple[str, str], list[Change]]:
    groups: dict[tuple[str, str], list[Change]] = {}
    for change in changes:
        groups.setdefault((change.group, change.file), []).append(change)
    return groups


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


NO_CHANGES = "Inga ändringar i rapporter, målkataloger eller organisation."
MARKER = "<!-- vb diff -->"


def render_text(changes: list[Change], base: str, head: str) -> str:
    """Plain text for a terminal: one block per report, one line per change."""
    lines = [f"Ändringar i innehållet från {base} till {head}:"]
    if not changes:
        return f"{lines[0]}\n{NO_CHANGES}"
    from generator.authoring.adopted_diff import alert_heading, split_alerts

    for (group, file), items in _groups(changes).items():
        lines += ["", f"{group} ({file})" if file != group else group]
        alerts, rest = split_alerts(items)
        if alerts:
            lines += [f"  ** {alert_heading(alerts)} **"] + [f"  ! {sentence(item)}" for item in alerts]
        lines += [f"  - {sentence(item)}" for item in rest]
    return "\n".join(lines)


def code_span(text: str) -> str:
    """`text` as inline code that no backtick in it can close (a fence longer than its longest run)."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def _escaped(text: str) -> str:
    """Content text made inert in a pull-request comment, as a plain string."""
    return str(md_escape(text))


def render_markdown(changes: list[Change], base: str, head: str) -> str:
    """Markdown for a pull-request comment: a heading per report, a bullet per change."""
    groups = _groups(changes)
    lines = [
        MARKER,
        "### Ändringar i rapporterna",
        "",
        f"Från `{base}` till `{head}`: {_counted(len(changes), 'ändring', 'ändringar')}"
        f" i {_counted(len(groups), 'fil', 'filer')}."
        if changes
        else NO_CHANGES,
    ]
    from generator.authoring.adopted_diff import alert_heading, split_alerts

    for (group, file), items in groups.items():
        lines += ["", f"#### {md_escape(group)}", "", code_span(file), ""]
        alerts, rest = split_alerts(items)
        if alerts:
            lines += [f"##### ⚠️ {md_escape(alert_heading(alerts))}", ""]
            lines += [f"- **{sentence(item, _escaped)}**" for item in alerts] + ([""] if rest else [])
        lines += [f"- {sentence(item, _escaped)}" for item in rest]
    return "\n".join(lines) + "\n"


RENDERERS = {"markdown": render_markdown, "text": render_text}

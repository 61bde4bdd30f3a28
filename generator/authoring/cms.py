"""The browser editor's configuration (Decap CMS config.yml), generated from the content model.

Pure: the organisation and the goal catalogues in, a configuration dict out.
Every form field is made from a model field, so the form cannot drift from
the format: a unit gets one collection with its own reports and only the
parts a unit writes; the council's collection has every part. Catalogue
items are chosen by their names (select widgets whose values are the ids).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from datetime import date
from types import UnionType
from typing import Any, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.content.models import (
    AktivitetUppfoljning,
    Ekonomi,
    IndikatorUtfall,
    InriktningsmalUppfoljning,
    Katalog,
    MalUppfoljning,
    NamndmalUppfoljning,
    Narrative,
    Organisation,
    Rapport,
)
from generator.content.outline import UNIT_ECONOMY

FORMAT = "vb-yaml"  # registered by the editor page (editor/vb-yaml.js): the layout `vb fmt` writes
EDITOR_PATH = "redigera"

# The parts only the council writes: cover, decisions, signatures, its assessments of the levels above
# the units, its economy sections and tables. Units never see them in the form.
COUNCIL_PARTS: frozenset[tuple[str, str]] = frozenset(
    [
        ("Rapport", name)
        for name in (
            "handlaggare",
            "till",
            "datum",
            "forslag_till_beslut",
            "sammanfattning",
            "arendets_beredning",
            "jamstalldhetsanalys",
            "bilagor",
            "sarskilda_redovisningar",
            "konsekvenser_covid19",
            "underskrifter",
            "godkannanden",
        )
    ]
    + [
        ("InriktningsmalUppfoljning", "text"),
        ("MalUppfoljning", "status"),
        ("MalUppfoljning", "analys"),
        ("NamndmalUppfoljning", "status"),
        ("NamndmalUppfoljning", "analys"),
    ]
    + [("Ekonomi", name) for name in Ekonomi.model_fields if name not in dict(UNIT_ECONOMY)]
    + [("Block", name) for name in ("driftbudget", "resultatenheter", "investeringar", "omslutningsforandringar")]
)
# The report's identity comes from its file name; the form keeps it but does not offer it.
IDENTITY = ("organisation", "ar", "period")
# The adoption and its rättelser are written by vb faststall and vb rattelse (with checksums): kept, not offered.
RECORDS = ("faststalld", "rattelser")
UNIT_ONLY_PARTS: frozenset[tuple[str, str]] = frozenset({("Rapport", "systematiskt_kvalitetsarbete")})

LABELS: dict[str, str] = {
    "aktiviteter": "Aktiviteter",
    "analys": "Analys",
    "ar": "År",
    "arendets_beredning": "Ärendets beredning",
    "arsmal": "Årsmål",
    "avvikelse": "Avvikelse",
    "begarda_bj": "Begärda budgetjusteringar",
    "belopp": "Belopp i",
    "bilagor": "Bilagor",
    "bruttobudget": "Bruttobudget",
    "budget": "Budget",
    "budgetjustering": "Budgetjustering",
    "budgetjusteringar": "Budgetjusteringar",
    "datum": "Datum",
    "driftbudget": "Driftbudget",
    "egen_verksamhet": "Egen verksamhet",
    "ej_matt": "Mäts inte i år, skäl",
    "ekonomi": "Uppföljning av ekonomi",
    "enhet": "Enhet",
    "enhetschef": "Enhetschef",
    "enhetsmal": "Enhetsmål",
    "fem_procent": "5 % av bruttobudgeten",
    "forsaljningar": "Försäljningar",
    "forslag_till_beslut": "Förslag till beslut",
    "diarienummer": "Diarienummer",
    "faststalld": "Fastställd av nämnden",
    "forvantat_resultat": "Förväntat resultat",
    "kontrollsumma": "Kontrollsumma",
    "paragraf": "Paragraf",
    "vad": "Vad som rättades",
    "varfor": "Varför",
    "fotnot": "Fotnot",
    "godkannanden": "Godkännanden",
    "grupper": "Grupper",
    "handlaggare": "Handläggare",
    "id": "Namn",
    "indikatorer": "Indikatorer",
    "inledning": "Inledning",
    "inriktningsmal": "Uppföljning av Kommunfullmäktiges inriktningsmål",
    "intakter": "Intäkter",
    "investeringar": "Investeringar",
    "jamstalldhetsanalys": "Jämställdhetsanalys",
    "kf_arsmal": "KF:s årsmål",
    "kolumner": "Kolumnrubriker",
    "konsekvenser_covid19": "Konsekvenser av covid-19",
    "kostnader": "Kostnader",
    "kursiv": "Kursiv rad",
    "lokalandamal": "Medel för lokaländamål",
    "mal": "KF:s mål för verksamhetsområdet",
    "namn": "Namn",
    "namndmal": "Nämndmål",
    "nr": "Mål",
    "omslutningsforandringar": "Omslutningsförändringar",
    "organisation": "Organisation",
    "overforing_fran_fg": "Överföring från föregående år",
    "overforing_till_nasta": "Överföring till nästa år",
    "ovrigt": "Övrigt",
    "period": "Period",
    "prognos": "Prognos helår",
    "prognos_efter": "Prognos efter",
    "prognos_fore": "Prognos före",
    "rader": "Rader",
    "resultat": "Resultat",
    "resultatenheter": "Resultatenheter",
    "resultatrakning": "Resultaträkning",
    "rubrik": "Rubrik",
    "sammanfattande_analys": "Sammanfattande analys",
    "sammanfattning": "Sammanfattning",
    "sarskilda_redovisningar": "Särskilda redovisningar",
    "status": "Status",
    "summa": "Summa",
    "summa_intakter": "Summa intäkter",
    "summa_kostnader": "Summa kostnader",
    "summa_netto": "Summa netto",
    "systematiskt_kvalitetsarbete": "Systematiskt kvalitetsarbete",
    "tabell": "Tabell",
    "telefon": "Telefon",
    "text": "Text",
    "till": "Till",
    "titel": "Titel",
    "rattelser": "Rättelser",
    "totalt": "Totalt",
    "underskrifter": "Underskrifter",
    "utfall": "Periodens utfall",
    "utfall_foregaende": "Utfall i föregående verksamhetsberättelse",
    "utfall_kvinnor": "Utfall kvinnor/flickor",
    "utfall_man": "Utfall män/pojkar",
    "utfall_rubrik": "Rubrik för utfallskolumnen",
    "varav": "Varav",
    "varden": "Värden",
    "verksamhetsomrade": "Verksamhetsområde",
    "verksamhetsprojekt": "Verksamhetsprojekt",
    "vikt": "Vikt",
}
NUMBER_HINT = "Ett tal med decimalpunkt, utan % eller mellanslag."


@dataclass(frozen=True)
class Choices:
    """Select options for the catalogue references: id → name shown in the form."""

    goals: dict[str, str] = field(default_factory=dict)
    directions: dict[str, str] = field(default_factory=dict)
    council_goals: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)
    activities: dict[str, str] = field(default_factory=dict)

    made: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def for_field(self, model: type[BaseModel], name: str) -> list[dict[str, str]] | None:
        """The options of a field that refers to the catalogue (one list per kind, shared), or None for other fields."""
        table = {
            (InriktningsmalUppfoljning, "nr"): "directions",
            (MalUppfoljning, "nr"): "goals",
            (NamndmalUppfoljning, "id"): "council_goals",
            (IndikatorUtfall, "id"): "indicators",
            (AktivitetUppfoljning, "id"): "activities",
        }
        kind = table.get((model, name))
        if kind is None:
            return None
        if kind not in self.made:
            self.made[kind] = [{"label": label, "value": value} for value, label in getattr(self, kind).items()]
        return self.made[kind]


def choices(catalogues: list[Katalog]) -> Choices:
    """Every catalogue item's name by id; a later year's name wins (ids are kept from year to year)."""
    found = Choices()
    for catalogue in sorted(catalogues, key=lambda c: c.ar):
        for direction in catalogue.inriktningsmal:
            found.directions[direction.nr] = f"{direction.nr}. {direction.titel}"
            for goal in direction.mal:
                found.goals[goal.nr] = f"{goal.nr}. {goal.titel}"
                _items(found, goal.indikatorer, goal.aktiviteter)
                for council_goal in goal.namndmal:
                    found.council_goals[council_goal.id] = council_goal.titel
                    _items(found, council_goal.indikatorer, council_goal.aktiviteter)
    return found


def _items(found: Choices, indicators: list, activities: list) -> None:
    for indicator in indicators:
        found.indicators[indicator.id] = indicator.namn
    for activity in activities:
        found.activities[activity.id] = activity.text


# --- fields ---------------------------------------------------------------------


@dataclass(frozen=True)
class Audience:
    """Who the form is for: a unit sees only the unit's parts, the council sees every part."""

    council: bool
    choices: Choices

    def offers(self, model: type[BaseModel], name: str) -> bool:
        key = (model.__name__, name)
        return key not in (UNIT_ONLY_PARTS if self.council else COUNCIL_PARTS)


def _strip_none(annotation: Any) -> tuple[Any, bool]:
    """The type inside `X | None`, and whether None was allowed."""
    if typing.get_origin(annotation) in (Union, UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        return (args[0] if len(args) == 1 else Union[tuple(args)]), optional
    return annotation, False


def _is_number(annotation: Any) -> bool:
    args = typing.get_args(annotation) if typing.get_origin(annotation) in (Union, UnionType) else (annotation,)
    return bool(args) and all(a in (int, float) for a in args)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def form_field(
    model: type[BaseModel], name: str, info: FieldInfo, audience: Audience, path: tuple[str, ...]
) -> dict[str, Any] | None:
    """One model field as a Decap CMS field: label, help, widget; None for what a recursion cannot show."""
    annotation, optional = _strip_none(info.annotation)
    out: dict[str, Any] = {"name": name, "label": LABELS[name]}
    hint = info.description or (NUMBER_HINT if _is_number(annotation) else None)
    if hint:
        out["hint"] = hint
    out["required"] = info.is_required() and not optional
    options = audience.choices.for_field(model, name)
    if options is not None:
        return {**out, "widget": "select", "options": options}
    if any(isinstance(m, Narrative) for m in info.metadata):
        return {**out, "widget": "text"}  # Markdown as typed: a textarea keeps every character
    widget = _widget(annotation, name, audience, path)
    if widget is not None and widget["widget"] == "object" and not out["required"]:
        widget["fields"] = _loosened(widget["fields"])
    return None if widget is None else {**out, **widget}


def _loosened(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An optional part's fields without "required": the form would otherwise demand them when the part is left empty.

    A list's items keep theirs (an item that exists is filled in); `vb check` still reports what is missing.
    """
    out = []
    for item in fields:
        item = {**item, "required": False}
        if item.get("widget") == "object":
            item["fields"] = _loosened(item["fields"])
        out.append(item)
    return out


def _widget(annotation: Any, name: str, audience: Audience, path: tuple[str, ...]) -> dict[str, Any] | None:
    """The widget for a type; a model already on the path (a row's "varav" rows) is not nested again."""
    if typing.get_origin(annotation) is typing.Annotated:
        if any(isinstance(m, Narrative) for m in typing.get_args(annotation)[1:]):
            return {"widget": "text"}
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is Literal:
        return {"widget": "select", "options": list(typing.get_args(annotation))}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if _is_number(annotation):
        return {"widget": "number", "value_type": "int" if annotation is int else "float"}
    inner = _model_in(annotation)
    if inner is not None:
        if inner.__name__ in path:
            return None
        return {"widget": "object", "collapsed": True, "fields": form_fields(inner, audience, (*path, inner.__name__))}
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        item_model = _model_in(item)
        if item_model is not None:
            if item_model.__name__ in path:
                return None
            fields = form_fields(item_model, audience, (*path, item_model.__name__))
            return {"widget": "list", "collapsed": True, "fields": fields, "summary": _summary(fields)}
        return {"widget": "list", "field": {"name": name, "label": LABELS[name], "widget": "string"}}
    return {"widget": "string"}  # text, or "a number or a text" (årsmål): written as typed


def _summary(fields: list[dict[str, Any]]) -> str:
    """The line a collapsed list item shows: its name or title and status."""
    names = [f["name"] for f in fields]
    shown = [n for n in ("nr", "id", "titel", "namn", "rubrik", "status") if n in names][:2]
    return " – ".join(f"{{{{fields.{n}}}}}" for n in shown) if shown else ""


def form_fields(model: type[BaseModel], audience: Audience, path: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The form fields of one model, in the model's order, for the audience."""
    path = path or (model.__name__,)
    found = []
    for name, info in model.model_fields.items():
        if model is Rapport and name in IDENTITY + RECORDS:
            found.append({"name": name, "label": LABELS[name], "widget": "hidden"})
            continue
        if not audience.offers(model, name):
            continue
        made = form_field(model, name, info, audience, path)
        if made is not None:
            found.append(made)
    return found


# --- the configuration ------------------------------------------------------------


@dataclass(frozen=True)
class Backend:
    """Where the editor saves: a git host and repository, and the branch reports are merged into."""

    name: str = "github"
    repo: str = ""
    branch: str = "main"


def _collection(name: str, label: str, folder: str, fields: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "label_singular": "rapport",
        "folder": folder,
        "extension": "yml",
        "format": FORMAT,
        "create": False,
        "delete": False,
        "identifier_field": "period",
        "summary": "{{ar}} {{period}}",
        "sortable_fields": ["ar", "period"],
        "fields": fields,
    }


def config(
    organisation: Organisation, catalogues: list[Katalog], backend: Backend, content_folder: str = "content"
) -> dict[str, Any]:
    """The whole config.yml: one collection per unit (its own reports) and one for the council."""
    found = choices(catalogues)
    unit_fields = form_fields(Rapport, Audience(council=False, choices=found))
    council_fields = form_fields(Rapport, Audience(council=True, choices=found))
    council = organisation.namnd
    collections = [
        _collection(unit.id, unit.namn, f"{content_folder}/rapporter/{unit.id}", unit_fields)
        for unit in organisation.enheter
    ]
    collections.append(
        _collection(council.id, council.namn, f"{content_folder}/rapporter/{council.id}", council_fields)
    )
    backend_part: dict[str, Any] = {"name": backend.name, "branch": backend.branch, "commit_messages": COMMIT_MESSAGES}
    if backend.repo:
        backend_part["repo"] = backend.repo
    return {
        "locale": "sv",
        "backend": backend_part,
        "publish_mode": "editorial_workflow",
        "local_backend": True,
        "media_folder": f"{content_folder}/bilder",
        "show_preview_links": False,
        "editor": {"preview": False},
        "collections": collections,
    }


COMMIT_MESSAGES = {
    "create": "Ny rapport: {{collection}} {{slug}}",
    "update": "Rapporten {{collection}} {{slug}} ändrad i redigeraren",
    "delete": "Rapporten {{collection}} {{slug}} borttagen",
    "uploadMedia": "Fil {{path}} tillagd",
    "deleteMedia": "Fil {{path}} borttagen",
    "openAuthoring": "{{message}}",
}

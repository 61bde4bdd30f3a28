"""JSON Schema of the content files, generated from the model, for editor completion."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from generator.content.models import Katalog, Organisation, Rapport
from generator.fsio import write_atomic

SCHEMAS: dict[str, type[BaseModel]] = {
    "organisation.schema.json": Organisation,
    "katalog.schema.json": Katalog,
    "rapport.schema.json": Rapport,
}


# What the editor shows for each kind of object: for unit managers, in Swedish.
SWEDISH = {
    "Organisation": "Nämnden, verksamhetsområden, avdelningar och enheter.",
    "Namnd": "Stadsdelsnämnden och dess förvaltning.",
    "Verksamhetsomrade": "Ett verksamhetsområde i nämndens driftbudget.",
    "Avdelning": "En avdelning i förvaltningen.",
    "Enhet": "En enhet som skriver egna rapporter.",
    "Katalog": "Målkatalogen för ett år.",
    "Inriktningsmal": "KF:s inriktningsmål.",
    "KfMal": "KF:s mål för verksamhetsområdet.",
    "Namndmal": "Ett nämndmål med beskrivning och förväntat resultat.",
    "Indikator": "En indikator med mått och årsmål.",
    "Aktivitet": "En aktivitet med datum och de enheter den gäller.",
    "Rapport": "En rapport för en enhet eller nämnden, för ett år och en period.",
    "InriktningsmalUppfoljning": "Uppföljning av ett av KF:s inriktningsmål.",
    "MalUppfoljning": "Uppföljning av ett av KF:s mål för verksamhetsområdet.",
    "NamndmalUppfoljning": "Uppföljning av ett nämndmål: status, analys, indikatorer, aktiviteter och enhetsmål.",
    "Enhetsmal": "Enhetens eget mål under nämndmålet.",
    "IndikatorUtfall": "Utfallet för en indikator.",
    "AktivitetUppfoljning": "Uppföljning av en aktivitet.",
    "Ekonomi": "Uppföljning av ekonomi: fasta avsnitt med text och tabeller.",
    "Block": "En text eller en tabell: skriv exakt en av nycklarna.",
    "Resultatrakning": "Enhetens resultaträkning (tkr).",
    "Driftbudget": "Nämndens driftbudget per verksamhetsområde (mnkr).",
    "Resultatenheter": "Tabellen över resultatenheter (tkr).",
    "Investeringar": "Tabellen över investeringar (mnkr).",
    "Omslutningsforandringar": "Tabellen över omslutningsförändringar (mnkr).",
    "Tabell": "En tabell med siffror.",
}


def _swedish(node: object) -> None:
    """Replace the models' English docstrings with the Swedish texts above (or drop them)."""
    if isinstance(node, dict):
        if "properties" in node and "title" in node:
            text = SWEDISH.get(node["title"])
            if text:
                node["description"] = text
            else:
                node.pop("description", None)
        for value in node.values():
            _swedish(value)
    elif isinstance(node, list):
        for value in node:
            _swedish(value)


def schema_text(model: type[BaseModel], catalogues: list[Katalog] | None = None) -> str:
    """The JSON Schema of one model, stable, readable and in Swedish.

    With the catalogues, a report's ids are offered as a list with each one's name beside it
    (generator.schema_ids), so the editor shows "sjukfranvaro – Sjukfrånvaro" while you type.
    """
    schema = model.model_json_schema()
    _swedish(schema)
    if model is Rapport and catalogues:
        from generator.content.schema_ids import add_id_choices

        add_id_choices(schema, catalogues)
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path, catalogues: list[Katalog] | None = None) -> list[Path]:
    """Write every content schema into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        write_atomic(path, schema_text(model, catalogues))
        written.append(path)
    return written

"""The catalogues' ids as choices in the report schema, each with its name, for the editor's completion.

VS Code's YAML extension lists `enum` values with `enumDescriptions` (and the
Markdown variant) beside them: a unit manager picks "Sjukfrånvaro" instead of
guessing a slug. The ids of every catalogue year are offered; an id whose name
differs between years shows each year's name.
"""

from __future__ import annotations

from typing import Any

from generator.content.lookup import index
from generator.content.models import Katalog

# (schema definition, how to list the catalogue's items of that kind as (id, name))
_KINDS = {
    "IndikatorUtfall": lambda found: [(ref, item.namn) for ref, (_, item) in found.indicators.items()],
    "AktivitetUppfoljning": lambda found: [(ref, item.text) for ref, (_, item) in found.activities.items()],
    "NamndmalUppfoljning": lambda found: [(goal.id, goal.titel) for goal in found.council_goals.values()],
}


def id_choices(catalogues: list[Katalog], kind: str) -> dict[str, str]:
    """id -> description ("Sjukfrånvaro", or "2020: … / 2021: …" when the years name it differently)."""
    names: dict[str, dict[int, str]] = {}
    for catalogue in sorted(catalogues, key=lambda c: c.ar):
        for ref, name in _KINDS[kind](index(catalogue)):
            names.setdefault(ref, {})[catalogue.ar] = " ".join(name.split())
    described = {}
    for ref, by_year in sorted(names.items()):
        texts = set(by_year.values())
        described[ref] = (
            texts.pop() if len(texts) == 1 else " / ".join(f"{year}: {text}" for year, text in by_year.items())
        )
    return described


def add_id_choices(schema: dict[str, Any], catalogues: list[Katalog]) -> None:
    """Give the `id` of indicators, activities and nämndmål in a report schema the catalogues' ids as choices."""
    for kind in _KINDS:
        field = schema["$defs"][kind]["properties"]["id"]
        choices = id_choices(catalogues, kind)
        field["enum"] = list(choices)
        field["enumDescriptions"] = list(choices.values())
        field["markdownEnumDescriptions"] = list(choices.values())
        field["description"] = "Id från målkatalogen; editorn visar namnet bredvid varje id."

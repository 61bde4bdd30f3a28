"""Ids a person can tell apart: the near-twin rule, the migrated catalogues, names beside ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.commands.schema import catalogues_in
from generator.content.id_twins import are_twins, near_twins, suggest
from generator.content.load import load_content
from generator.content.lookup import index
from generator.content.models import Katalog, Rapport
from generator.content.schema import schema_text
from generator.content.schema_ids import id_choices
from generator.problems import suggestion

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("first", "second", "twins"),
    [
        ("andel-omsorgstagare-som-upplever-att-de", "andel-omsorgstagare-som-upplever-att-de-2", True),
        ("pilotprojekt-2", "pilotprojekt-3", True),
        ("forvaltningen-ska-delta-i-ett-pilotprojekt", "forvaltningen-ska-delta-i-ett-pilotprojekt-kost", True),
        ("sjukfranvaro", "sjukfranvaro-dag-1-14", False),  # a short whole name continued: told apart
        ("pilotprojekt-kost-och-nutrition", "pilotprojekt-halsa-motion-och-valmaende", False),
        ("sjukfranvaro-dag-1-14", "sjukfranvaro-dag-15-90", False),  # different numbers inside, not a suffix twin
        ("samma", "samma", False),  # equal ids are VB207, not twins
    ],
)
def test_near_twin_rule(first, second, twins):
    assert are_twins(first, second) is twins
    assert are_twins(second, first) is twins


def test_near_twins_are_reported_at_the_later_one():
    assert near_twins(["a-b", "x", "a-b-2", "a-b-3"]) == [(0, 2), (0, 3), (2, 3)]


def test_the_migrated_catalogues_have_no_near_twins_and_readable_ids():
    content = load_content(ROOT / "content")
    assert content.catalogues
    for year, loaded in content.catalogues.items():
        found = index(loaded.model)
        refs = [*found.indicators, *found.activities, *(goal.id for goal in found.council_goals.values())]
        assert near_twins(refs) == [], year
        assert not [ref for ref in refs if ref.rsplit("-", 1)[-1].isdigit() and not ref.endswith("-1-14")], year


def test_suggestion_names_the_id():
    names = {"sjukfranvaro": "Sjukfrånvaro", "sjukfranvaro-dag-1-14": "Sjukfrånvaro dag 1-14"}
    assert suggestion("sjukfranvar", list(names), names) == ' Menade du "sjukfranvaro" (Sjukfrånvaro)?'
    assert suggestion("sjukfranvar", list(names)) == ' Menade du "sjukfranvaro"?'


def test_suggested_id_says_what_differs():
    assert (
        suggest(
            "Förvaltningens berörda medarbetare inom äldreomsorgen ska erbjudas utbildning till "
            "specialistundersköterska.",
            "Förvaltningens berörda medarbetare inom äldreomsorgen ska erbjudas språkutbildning.",
        )
        == "forvaltningens-berorda-utbildning-specialistunderskoterska"
    )


def test_report_schema_lists_ids_with_their_names():
    schema = json.loads(schema_text(Rapport, catalogues_in(ROOT / "content")))
    field = schema["$defs"]["IndikatorUtfall"]["properties"]["id"]
    named = dict(zip(field["enum"], field["enumDescriptions"]))
    assert (
        named["omsorgstagare-paverkar-hjalpen-i-hemtjansten"]
        == "Andel omsorgstagare som upplever att de kan påverka hur hjälpen utförs i hemtjänsten"
    )
    activity = schema["$defs"]["AktivitetUppfoljning"]["properties"]["id"]
    assert "pilotprojekt-kost-och-nutrition" in activity["enum"]
    assert len(activity["enum"]) == len(activity["markdownEnumDescriptions"])
    goal = schema["$defs"]["NamndmalUppfoljning"]["properties"]["id"]
    assert "invanarna-har-god-samhallsservice" in goal["enum"]


def test_an_id_named_differently_in_two_years_shows_both_names():
    def catalogue(year: int, title: str) -> Katalog:
        return Katalog.model_validate(
            {
                "ar": year,
                "inriktningsmal": [
                    {
                        "nr": "3",
                        "titel": "T",
                        "mal": [{"nr": "3.1", "titel": "K", "namndmal": [{"id": "budget-i-balans", "titel": title}]}],
                    }
                ],
            }
        )

    choices = id_choices(
        [catalogue(2021, "Budget i balans"), catalogue(2020, "Ekonomi i balans")], "NamndmalUppfoljning"
    )
    assert choices == {"budget-i-balans": "2020: Ekonomi i balans / 2021: Budget i balans"}
    same = id_choices([catalogue(2021, "Budget i balans"), catalogue(2020, "Budget  i balans")], "NamndmalUppfoljning")
    assert same == {"budget-i-balans": "Budget i balans"}


def test_readable_ids_for_texts_that_share_their_start_are_not_twins():
    from generator.content.id_twins import readable_id

    used: set[str] = set()
    made = [
        readable_id(text, used)
        for text in (
            "Förvaltningen ska delta i ett pilotprojekt för stöd till äldre om hälsa",
            "Förvaltningen ska delta i ett pilotprojekt för stöd till äldre om kost",
            "Förvaltningen ska delta i ett pilotprojekt för stöd till äldre om kost",
            "Sjukfrånvaro",
        )
    ]
    assert made[0] == "forvaltningen-ska-delta-i-ett-pilotprojekt"
    assert made[1] == "forvaltningen-delta-kost"
    assert made[2] not in made[:2]
    assert made[3] == "sjukfranvaro"
    assert near_twins(made) == []

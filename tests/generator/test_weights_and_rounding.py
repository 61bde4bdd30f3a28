"""The roll-up weights by the catalogue's `vikt` with the units' figures from organisation.yml, and rounds
one way for the site, the CSV and the JSON."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from generator.content.models import Katalog, Organisation, Rapport
from generator.rollup.aggregate import aggregate
from generator.rollup.export import export_files
from generator.rollup.rounding import round_half_up, round_like


def _organisation(weights: dict[str, dict]) -> Organisation:
    return Organisation.model_validate(
        {
            "namnd": {"id": "namnd", "namn": "Nämnden", "forvaltning": "Förvaltningen"},
            "verksamhetsomraden": [{"id": "v", "namn": "Äldreomsorg"}],
            "avdelningar": [{"id": "a", "namn": "Äldreomsorg"}],
            "enheter": [
                {"id": unit, "namn": unit.capitalize(), "avdelning": "a", "verksamhetsomrade": "v", **extra}
                for unit, extra in weights.items()
            ],
        }
    )


def _catalogue(weight: str | None) -> Katalog:
    indicator = {
        "id": "sjukfranvaro",
        "namn": "Sjukfrånvaro",
        "enhet": "%",
        "riktning": "lägre",
        "aggregering": "viktat medel",
        "arsmal": 10,
        **({"vikt": weight} if weight else {}),
    }
    return Katalog.model_validate(
        {
            "ar": 2021,
            "inriktningsmal": [
                {
                    "nr": "2",
                    "titel": "T",
                    "mal": [
                        {
                            "nr": "2.1",
                            "titel": "K",
                            "indikatorer": [indicator],
                            "aktiviteter": [
                                {"id": "a", "text": "A", "start": date(2021, 1, 1), "slut": date(2021, 12, 31)}
                            ],
                        }
                    ],
                }
            ],
        }
    )


def _report(unit: str, outcome: float, **extra) -> Rapport:
    return Rapport.model_validate(
        {
            "organisation": unit,
            "ar": 2021,
            "period": "VB",
            "inriktningsmal": [
                {"nr": "2", "mal": [{"nr": "2.1", "indikatorer": [{"id": "sjukfranvaro", "utfall": outcome, **extra}]}]}
            ],
        }
    )


def _combined(organisation, catalogue, reports):
    result = aggregate(organisation, catalogue, reports, 2021, "VB")
    item = result.indikatorer[0]
    return result, item


def test_catalogue_weight_is_taken_from_organisation_by_default():
    # A 170-person and a 26-person unit: (12.0 * 170 + 5.0 * 26) / 196 = 2170 / 196 = 11.071… -> 11.1.
    organisation = _organisation({"stor": {"vikter": {"anstallda": 170}}, "liten": {"vikter": {"anstallda": 26}}})
    _, item = _combined(organisation, _catalogue("anstallda"), [_report("stor", 12.0), _report("liten", 5.0)])
    assert item.sammanvagt.utfall == 11.1
    assert not item.vikter_saknas


def test_a_report_weight_overrides_the_organisation():
    # stor writes vikt 26 itself: (12.0 * 26 + 5.0 * 26) / 52 = 8.5.
    organisation = _organisation({"stor": {"vikter": {"anstallda": 170}}, "liten": {"vikter": {"anstallda": 26}}})
    _, item = _combined(organisation, _catalogue("anstallda"), [_report("stor", 12.0, vikt=26), _report("liten", 5.0)])
    assert item.sammanvagt.utfall == 8.5


def test_without_the_units_figures_the_mean_is_unweighted_and_says_so():
    organisation = _organisation({"stor": {"vikter": {"anstallda": 170}}, "liten": {}})
    _, item = _combined(organisation, _catalogue("anstallda"), [_report("stor", 12.0), _report("liten", 5.0)])
    assert item.sammanvagt.utfall == 8.5 and item.vikter_saknas


def test_half_rounds_up_the_same_way_in_the_csv_the_json_and_on_the_site():
    # (9.7 + 10.0) / 2 = 9.85: binary floating point gives round(9.85, 1) == 9.8; people and vb say 9.9.
    assert round(9.85, 1) == 9.8
    organisation = _organisation({"x": {}, "y": {}})
    result, item = _combined(organisation, _catalogue(None), [_report("x", 9.7), _report("y", 10.0)])
    assert item.sammanvagt.utfall == 9.9
    rows = list(csv.DictReader(io.StringIO(export_files(result)["indikatorer.csv"])))
    assert next(r for r in rows if r["Enhet-id"] == "sammanvagt")["Utfall"] == "9.9"
    assert '"utfall": 9.9' in export_files(result)["aggregat.json"]


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [(9.85, 1, 9.9), (-9.85, 1, -9.9), (2.675, 2, 2.68), (0.5, 0, 1), (1.5, 0, 2), (2.5, 0, 3), (9.84999, 1, 9.8)],
)
def test_round_half_up(value, places, expected):
    assert round_half_up(value, places) == expected


def test_round_like_keeps_the_inputs_decimals_and_a_mean_at_least_one():
    assert round_like(11.0714, [12, 5], mean=True) == 11.1
    assert round_like(3.775, [3.75, 3.8], mean=True) == 3.78
    assert round_like(15, [10, 5], mean=False) == 15

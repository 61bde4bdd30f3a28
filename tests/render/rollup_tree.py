"""A small district for the pages built from the aggregate: four units, two periods (T1 and VB 2021).

Every expected figure of the tests is computed by hand from the data below
(the comments show the arithmetic). Unit "alfa" has a name with Markdown and
HTML specials, so escaping shows in the output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.authoring.yamlwrite import dump

ALFA_NAME = "Alfa | #1 <script>alert(1)</script>"

ORGANISATION: dict[str, Any] = {
    "namnd": {"id": "namnden", "namn": "Testnämnden", "forvaltning": "Testförvaltningen"},
    "verksamhetsomraden": [{"id": "aldreomsorg", "namn": "Äldreomsorg"}, {"id": "adm", "namn": "Administration"}],
    "avdelningar": [{"id": "aldre", "namn": "Äldreavdelningen"}, {"id": "stab", "namn": "Staben"}],
    "enheter": [
        {
            "id": "alfa",
            "namn": ALFA_NAME,
            "avdelning": "aldre",
            "verksamhetsomrade": "aldreomsorg",
            "resultatenhet": True,
        },
        {"id": "beta", "namn": "Beta", "avdelning": "aldre", "verksamhetsomrade": "aldreomsorg"},
        {"id": "gamma", "namn": "Gamma", "avdelning": "stab", "verksamhetsomrade": "adm"},
        {"id": "delta", "namn": "Delta", "avdelning": "stab", "verksamhetsomrade": "adm"},  # never reports
    ],
}

CATALOGUE: dict[str, Any] = {
    "ar": 2021,
    "inriktningsmal": [
        {
            "nr": "1",
            "titel": "En trygg stad",
            "mal": [
                {
                    "nr": "1.1",
                    "titel": "Äldre har en trygg vardag",
                    "indikatorer": [
                        {"id": "nojd", "namn": "Andel nöjda", "enhet": "%", "aggregering": "viktat medel", "arsmal": 90}
                    ],
                    "namndmal": [
                        {
                            "id": "trygga",
                            "titel": "Äldre är trygga",
                            "beskrivning": "Nämnden vill att äldre är trygga.",
                            "forvantat_resultat": "Fler är trygga.",
                            "indikatorer": [
                                {
                                    "id": "besok",
                                    "namn": "Antal besök",
                                    "enhet": "st",
                                    "aggregering": "summa",
                                    "arsmal": 2500,
                                }
                            ],
                        }
                    ],
                },
                {
                    "nr": "1.2",
                    "titel": "Snabb handläggning",
                    "namndmal": [{"id": "snabba", "titel": "Beslut fattas snabbt"}],
                },
            ],
        }
    ],
}


def _goal(
    goals: list[dict[str, Any]] | None = None, nojd: dict[str, Any] | None = None, besok: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    council_goal: dict[str, Any] = {"id": "trygga"}
    if besok is not None:
        council_goal["indikatorer"] = [{"id": "besok", **besok}]
    if goals is not None:
        council_goal["enhetsmal"] = goals
    goal: dict[str, Any] = {"nr": "1.1", "namndmal": [council_goal]}
    if nojd is not None:
        goal["indikatorer"] = [{"id": "nojd", **nojd}]
    return [{"nr": "1", "mal": [goal]}]


def _statement(income: tuple[float, float], cost: tuple[float, float], unit: str = "tkr") -> dict[str, Any]:
    return {
        "driftbudget": [
            {
                "resultatrakning": {
                    "belopp": unit,
                    "intakter": [
                        {
                            "namn": "Avgifter",
                            "utfall": income[0],
                            "budget": income[1],
                            "avvikelse": income[0] - income[1],
                        }
                    ],
                    "kostnader": [
                        {"namn": "Personal", "utfall": cost[0], "budget": cost[1], "avvikelse": cost[1] - cost[0]}
                    ],
                }
            }
        ]
    }


def _report(unit: str, period: str, goals: list[dict[str, Any]], ekonomi: dict[str, Any] | None = None) -> dict:
    return {
        "organisation": unit,
        "ar": 2021,
        "period": period,
        "sammanfattande_analys": "Text.",
        "inriktningsmal": goals,
        "ekonomi": ekonomi or {},
    }


# T1 2021, nämndmål "trygga": helt 3 (A1, A3, B3), delvis 1 (A2), ej 2 (B1, B2); gamma follows it without
# enhetsmål (1).
# nojd, viktat medel: (80 * 1 + 90 * 3) / (1 + 3) = 87.5; prognos only beta: 92 -> 92.0.
# besok, summa: 1200 + 1500 + 84 = 2784.
T1 = {
    "alfa": _report(
        "alfa",
        "T1",
        _goal(
            [
                {"titel": "A1", "status": "Uppfylls helt", "analys": "Bra.\n\n### Rubrik i analysen\n\nMer text."},
                {"titel": "A2", "status": "Uppfylls delvis", "analys": "Delvis."},
                {"titel": "A3", "status": "Uppfylls helt", "analys": "Bra."},
            ],
            nojd={"utfall": 80, "vikt": 1},
            besok={"utfall": 1200},
        ),
    ),
    "beta": _report(
        "beta",
        "T1",
        _goal(
            [
                {"titel": "B1", "status": "Uppfylls ej", "analys": "Nej."},
                {"titel": "B2", "status": "Uppfylls ej", "analys": "Nej."},
                {"titel": "B3", "status": "Uppfylls helt", "analys": "Ja."},
            ],
            nojd={"utfall": 90, "prognos": 92, "vikt": 3},
            besok={"utfall": 1500},
        ),
    ),
    "gamma": _report("gamma", "T1", _goal(None, besok={"utfall": 84})),
    "namnden": {
        **_report(
            "namnden",
            "T1",
            [
                {
                    "nr": "1",
                    "mal": [
                        {
                            "nr": "1.1",
                            "status": "Uppfylls delvis",
                            "indikatorer": [{"id": "nojd", "utfall": 88}],
                            "namndmal": [{"id": "trygga", "status": "Uppfylls helt"}],
                        }
                    ],
                }
            ],
        ),
        # Driftbudget (mnkr): rows 100.0 + 50.5 = 150.5 while the total row says 150.0.
        # Resultatenheter (tkr): 5 % of 46019 = 2300.95 -> 2301; till nästa år = 2847 + 2400 = 5247 (printed 5246);
        # the surplus 2400 > 2300.95 (5 % rule) and the fund 5247 > 4601.9 (10 % rule).
        "ekonomi": {
            "driftbudget": [
                {
                    "driftbudget": {
                        "rader": [
                            {
                                "namn": "Äldreomsorg",
                                "budget": 100.0,
                                "prognos_fore": 100.0,
                                "prognos_efter": 100.0,
                                "avvikelse": 0.0,
                            },
                            {
                                "namn": "Administration",
                                "budget": 50.5,
                                "prognos_fore": 50.5,
                                "prognos_efter": 50.5,
                                "avvikelse": 0.0,
                            },
                        ],
                        "totalt": {
                            "namn": "Totalt",
                            "budget": 150.0,
                            "prognos_fore": 150.5,
                            "prognos_efter": 150.5,
                            "avvikelse": 0.0,
                        },
                    }
                }
            ],
            "resultatenheter": [
                {
                    "resultatenheter": {
                        "rader": [
                            {
                                "enhet": "alfa",
                                "bruttobudget": 46019,
                                "fem_procent": 2301,
                                "overforing_fran_fg": -2847,
                                "resultat": -2400,
                                "overforing_till_nasta": 5247,
                            }
                        ],
                        "summa": {
                            "bruttobudget": 46019,
                            "fem_procent": 2301,
                            "overforing_fran_fg": -2847,
                            "resultat": -2400,
                            "overforing_till_nasta": 5246,
                        },
                    }
                }
            ],
        },
    },
}

# VB 2021: no council report. "trygga": helt 2 (A1, B1). nojd: (85 * 1 + 95 * 1) / 2 = 90.0. besok: 1300 + 1500 = 2800.
# Resultaträkningar (tkr): alfa income 1200 / 1500, cost 60225 / 61000; beta income 2784 / 2000, cost 3204 / 3000;
# gamma in mnkr: income 0.5 / 0.4 -> 500 / 400, cost 2.0 / 2.1 -> 2000 / 2100.
#   Äldreavdelningen: income 3984 / 3500, cost 63429 / 64000, net 59445 / 60500, avvikelse 1055.
#   Staben: income 500 / 400, cost 2000 / 2100, net 1500 / 1700, avvikelse 200.
#   Total: income 4484 / 3900 (avvikelse 584), cost 65429 / 66100 (avvikelse 671), net 60945 / 62200 (avvikelse 1255).
VB = {
    "alfa": _report(
        "alfa",
        "VB",
        _goal(
            [{"titel": "A1", "status": "Uppfylls helt", "analys": "Klart."}],
            nojd={"utfall": 85, "vikt": 1},
            besok={"utfall": 1300},
        ),
        _statement((1200, 1500), (60225, 61000)),
    ),
    "beta": _report(
        "beta",
        "VB",
        _goal(
            [{"titel": "B1", "status": "Uppfylls helt", "analys": "Klart."}],
            nojd={"utfall": 95, "vikt": 1},
            besok={"utfall": 1500},
        ),
        _statement((2784, 2000), (3204, 3000)),
    ),
    "gamma": _report("gamma", "VB", [], _statement((0.5, 0.4), (2.0, 2.1), "mnkr")),
}


def write_rollup_tree(root: Path) -> Path:
    """Write the district under `root`."""
    files = {"organisation.yml": ORGANISATION, "katalog/2021.yml": CATALOGUE}
    files.update({f"rapporter/{unit}/2021-t1.yml": data for unit, data in T1.items()})
    files.update({f"rapporter/{unit}/2021-vb.yml": data for unit, data in VB.items()})
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), encoding="utf-8")
    return root

"""Which keys of a report belong to the council's report only, and which to a unit's only.

One place for the split, so that the list of allowed keys a unit is shown (VB102)
never offers the council's sections, and the council is never offered a unit's.
"""

from __future__ import annotations

from typing import Any

# Sections only the council's report has: a unit that writes them gets VB212.
COUNCIL_ONLY_KEYS = ("forslag_till_beslut", "sarskilda_redovisningar", "konsekvenser_covid19")
# The council's cover and signatures: never offered to a unit as an allowed key.
COUNCIL_COVER_KEYS = ("datum", "sammanfattning", "arendets_beredning", "jamstalldhetsanalys", "underskrifter")
COUNCIL_ONLY_ECONOMY = (
    "resultatenheter",
    "forsaljningar",
    "verksamhetsprojekt",
    "omslutningsforandringar",
    "budgetjusteringar",
)
UNIT_ONLY_KEYS = ("systematiskt_kvalitetsarbete",)

Hidden = dict[tuple[str, ...], frozenset[str]]


def hidden_keys(data: Any, council_id: str | None) -> Hidden:
    """Keys not to offer in a report's data, by place (keys only, list positions left out).

    Without a known council (organisation.yml unreadable) or organisation, every key is offered.
    """
    if council_id is None or not isinstance(data, dict) or not isinstance(data.get("organisation"), str):
        return {}
    if data["organisation"] == council_id:
        return {(): frozenset(UNIT_ONLY_KEYS)}
    return {(): frozenset(COUNCIL_ONLY_KEYS + COUNCIL_COVER_KEYS), ("ekonomi",): frozenset(COUNCIL_ONLY_ECONOMY)}

"""Rules for organisation.yml: unique ids and references to avdelningar and verksamhetsområden."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.check.reviewers import check_reviewers
from generator.content.models import Organisation
from generator.problems import Problem, problem, suggestion


def check_organisation(organisation: Organisation, file: str) -> list[Problem]:
    """Duplicate ids, units pointing at avdelningar or verksamhetsområden that do not exist, bad reviewers."""
    found = []
    groups: list[tuple[str, str, Sequence[Any], dict[str, str]]] = [
        ("verksamhetsomraden", "verksamhetsområde", organisation.verksamhetsomraden, {}),
        ("avdelningar", "avdelning", organisation.avdelningar, {}),
        ("enheter", "enhet", organisation.enheter, {organisation.namnd.id: "nämnden"}),
    ]
    for key, what, items, seen in groups:  # units share the namespace of the council: both write reports
        for index, item in enumerate(items):
            if item.id in seen:
                found.append(problem("VB207", file, (key, index, "id"), ref=item.id, first=seen[item.id], what=what))
            else:
                seen[item.id] = f"{what} {item.id}"
    known = {  # a unit's field -> the list of organisation.yml its value must name, and that list's ids
        "avdelning": ("avdelningar", {a.id for a in organisation.avdelningar}),
        "verksamhetsomrade": ("verksamhetsomraden", {v.id for v in organisation.verksamhetsomraden}),
    }
    for index, unit in enumerate(organisation.enheter):
        for key, (what, ids) in known.items():
            ref = getattr(unit, key)
            if ref not in ids:
                found.append(
                    problem("VB210", file, ("enheter", index, key), ref=ref, what=what, suggestion=suggestion(ref, ids))
                )
    return found + check_reviewers(organisation, file)


def node_ids(organisation: Organisation | None) -> dict[str, str]:
    """Every organisation node that can write a report: id -> name."""
    if organisation is None:
        return {}
    return {organisation.namnd.id: organisation.namnd.namn, **{u.id: u.namn for u in organisation.enheter}}

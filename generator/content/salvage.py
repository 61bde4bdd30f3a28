"""The readable part of a report whose data has errors, so every other rule can still run on it.

A report with one unknown key used to stop at that key: its texts, references and
activities went unchecked until the key was fixed, and problems arrived in rounds.
Here the parts the model refuses are left out (a key, a list item, or a whole
economy block so that no table is summed without its rows) until the rest is valid.
Their own problems are already reported; the rules see only what is left.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.problems import Location

MAX_ROUNDS = 12  # each round climbs one level at most; a report is far less deep


def salvage(
    model_cls: type[BaseModel], data: dict[str, Any], errors: Sequence[Mapping[str, Any]], locate: Any
) -> BaseModel | None:
    """The model of `data` without the parts that `errors` are about, or None when the root itself is wrong.

    `locate(data, loc)` turns pydantic's location into a path in the data.
    """
    data = copy.deepcopy(data)
    for _ in range(MAX_ROUNDS):
        targets = _targets([(locate(data, e["loc"]), e["type"]) for e in errors])
        if not targets or () in targets:
            return None
        for path in sorted(targets, key=_deletion_order):
            _remove(data, path)
        try:
            return model_cls.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors()
    return None


def _targets(located: list[tuple[Location, str]]) -> set[Location]:
    """What to leave out for each error: the value, the object missing a field, or the whole economy block."""
    found = set()
    for path, kind in located:
        target = path[:-1] if kind == "missing" else path
        if len(target) >= 3 and target[0] == "ekonomi" and isinstance(target[2], int):
            target = target[:3]  # a table without one of its rows would be summed wrongly
        found.add(target)
    return {t for t in found if not any(t[: len(o)] == o and len(o) < len(t) for o in found)}


def _deletion_order(path: Location) -> tuple[tuple[int, int | str], ...]:
    """Later list positions first, so that removing one item does not move the next one to remove."""
    return tuple((0, -step) if isinstance(step, int) else (1, step) for step in path)


def _remove(data: Any, path: Location) -> None:
    parent = data
    for step in path[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return
    last = path[-1]
    if isinstance(parent, dict) and last in parent:
        del parent[last]
    elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        del parent[last]

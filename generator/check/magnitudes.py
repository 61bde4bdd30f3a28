"""Numbers no report can hold: a figure beyond 10**15 (or nearer zero than 1e-9) is a typo, and the site could not draw it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.problems import Location, Problem, problem

LARGEST = 10**15  # a district's whole budget in kronor is about 10**10
SMALLEST = 1e-9  # a figure closer to zero than this, but not zero, is no measurement


def check_magnitudes(model: BaseModel, file: str) -> list[Problem]:
    """Every number of the model lies within what a report can mean (and the site can draw)."""
    found = []
    for path, value in numbers(model):
        if abs(value) > LARGEST or 0 < abs(value) < SMALLEST:
            found.append(problem("VB305", file, path, value=value))
    return found


def numbers(node: Any, path: Location = ()) -> Iterator[tuple[Location, int | float]]:
    """(path, number) for every number in a model, by the keys it has in the file."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from numbers(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from numbers(item, (*path, index))
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield path, node

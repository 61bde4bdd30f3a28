"""What a narrative text is: the Markdown fields of the models, and the structure every stage reads the same way.

Units write Markdown in the fields marked `Narrative`. The check, the roll-up (TODO markers) and the
renderer (headings moved into their section) share these patterns, so they agree on what a text holds.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterator
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from generator.content.models import (
    Aktivitet,
    Avdelning,
    Enhet,
    Enhetsmal,
    Indikator,
    Inriktningsmal,
    KfMal,
    Namnd,
    Namndmal,
    Narrative,
    Verksamhetsomrade,
)
from generator.problems import as_seen

MIN_HEADING_LEVEL = 3  # h1 is the report, h2 its top sections
_TODO = re.compile(r"\b(TODO|ATT GÖRA|FYLL I)\b")
# What a line starts with inside block quotes and list items: indentation, ">" and list markers.
CONTAINER_PREFIX = r"(?:[ \t>]|[-*+][ \t]|[0-9]{1,9}[.)][ \t])*"
# A line that may underline a setext heading: only "=" or only "-", behind a container prefix.
MAYBE_UNDERLINE = re.compile(rf"^{CONTAINER_PREFIX}(?:=+|-+)[ \t]*$", re.MULTILINE)


def todo_lines(text: str) -> Iterator[tuple[int, str]]:
    """(0-based line, marker) of every TODO marker left in a text; a line scan, no Markdown parse needed."""
    for number, line in enumerate(text.split("\n")):
        match = _TODO.search(line)
        if match:
            yield number, match.group(1)


def todo_count(model: BaseModel) -> int:
    """How many TODO markers are left in a model's texts: a report with any is not finished."""
    return sum(1 for _, text in narratives(model) for _ in todo_lines(text))


def _is_narrative(annotation: Any) -> bool:
    if get_origin(annotation) is typing.Annotated:
        return any(isinstance(meta, Narrative) for meta in get_args(annotation)[1:])
    return any(_is_narrative(arg) for arg in get_args(annotation))


@functools.cache
def _narrative_fields(model_cls: type[BaseModel]) -> frozenset[str]:
    return frozenset(
        name
        for name, info in model_cls.model_fields.items()
        if any(isinstance(m, Narrative) for m in info.metadata) or _is_narrative(info.annotation)
    )


Found = Iterator[tuple[tuple[str | int, ...], str]]


def narratives(model: BaseModel) -> Found:
    """(path, text) of every non-empty Markdown field in a model tree."""
    return _texts(model, lambda node, name, value: name in _narrative_fields(type(node)) and bool(value))


def _texts(
    model: BaseModel, wanted: typing.Callable[[BaseModel, str, str], bool], path: tuple[str | int, ...] = ()
) -> Found:
    """(path, text) of every text field of a model tree that `wanted(model, field name, text)` takes."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, str) and wanted(model, name, value):
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from _texts(value, wanted, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _texts(item, wanted, (*path, name, index))


TITLE_FIELDS = ("titel", "namn")
# What has a page, a heading or a menu entry of its own under its title (a table's row may be left unnamed).
TITLED: tuple[type[BaseModel], ...] = (
    Verksamhetsomrade,
    Avdelning,
    Enhet,
    Namnd,
    Indikator,
    Aktivitet,
    Namndmal,
    KfMal,
    Inriktningsmal,
    Enhetsmal,
)


def titles(model: BaseModel) -> Found:
    """(path, text) of every title of a goal, an indicator, an activity or a part of the organisation in a model
    tree (also an empty one)."""
    return _texts(model, lambda node, name, _: name in TITLE_FIELDS and isinstance(node, TITLED))


def shows_nothing(text: str) -> bool:
    """Whether a text is empty on screen: nothing but spaces of any kind and characters that do not show."""
    return not as_seen(text).strip()

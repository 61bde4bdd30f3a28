"""A content tree whose every free text carries an attack on the site, and which texts those are.

Built from the rendering tree (tests/render/tree.py): each file is read with the content
reader, a payload is added to text values, and the file is written back with the content
writer. Which values are Markdown is written out here by hand (the keys below, read off the
format in README.md), so the tests do not lean on the checker's own list. Plain values are the
other texts that still fit the model with a payload added; ids, statuses, periods and other
closed values do not, and keep their value.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.authoring.yamlwrite import dump
from generator.content.models import Katalog, Organisation, Rapport
from generator.content.yamlread import read_file
from tests.render.tree import FILES

MARK = "MARK"  # replaced by a marker naming the field, so each field's payload can be found on the site
# Refused nowhere: plain values are escaped wherever the site shows them.
PLAIN_PAYLOAD = (
    ' <script>alert("MARK")</script> "><img src=x onerror=alert("MARK")> '
    '</title><script>alert("MARK")</script> [x](javascript:alert("MARK")) '
    "{{ 7*7 }} {% raw %} ]]> a|b # c"
)
# Markdown that the check accepts and the site must still show as text, never run.
MARKDOWN_PAYLOAD = (
    "\n\n{{ 7*7 }} {% raw %} ]]> a | b &lt;script&gt;alert(MARK)&lt;/script&gt; "
    '`<script>alert("MARK")</script>` '
    '[titel](https://example.se "t\\" onmouseover=\\"alert(MARK)")\n\n'
    '### Rubrik &lt;img src=x onerror=alert(MARK)&gt; {: onclick="alert(MARK)"}\n\n'
    "```\n<script>alert(MARK)</script>\n```\n"
)
TEMPLATE_INJECTION = "{{ 7*7 }}"

REPORT_MARKDOWN = {
    "forslag_till_beslut",
    "sammanfattning",
    "arendets_beredning",
    "jamstalldhetsanalys",
    "sammanfattande_analys",
    "systematiskt_kvalitetsarbete",
    "sarskilda_redovisningar",
    "konsekvenser_covid19",
    "ovrigt",
    "text",
    "analys",
    "avvikelse",
    "forvantat_resultat",
    "inledning",
}
CATALOGUE_MARKDOWN = {"beskrivning", "forvantat_resultat"}
MODELS: dict[str, type[BaseModel]] = {"organisation.yml": Organisation, "katalog/2021.yml": Katalog}
COUNCIL_TABLE = ("ekonomi", "driftbudget", 2, "tabell")


@dataclass(frozen=True)
class Field:
    """One text value of the tree: its file, its path in the data, and whether it is Markdown."""

    file: str
    path: tuple[str | int, ...]
    markdown: bool

    @property
    def marker(self) -> str:
        """A word that is in this field's payload only."""
        return "vbf" + "".join(ch for ch in f"{self.file}{self.path}" if ch.isalnum()).lower()


def is_markdown(file: str, path: tuple[str | int, ...]) -> bool:
    """True for the Markdown fields of the format (a list item is never one)."""
    key = path[-1] if path else None
    if file.startswith("rapporter/"):
        return key in REPORT_MARKDOWN
    return file.startswith("katalog/") and key in CATALOGUE_MARKDOWN


def texts(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, value) of every string in plain data."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, (*path, index))


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _model(file: str) -> type[BaseModel]:
    return MODELS.get(file, Rapport)


def _fits(file: str, data: Any) -> bool:
    try:
        _model(file).model_validate(data)
    except ValidationError:
        return False
    return True


def source_data() -> dict[str, Any]:
    """The rendering tree as plain data, with one table cell written as text (the tree has only figures)."""
    data = {file: read_file(text.encode("utf-8"), file).data for file, text in FILES.items()}
    council = next(file for file in data if file.endswith("2021-t1.yml"))
    table = data[council]
    for step in COUNCIL_TABLE:
        table = table[step]
    table["rader"][0]["varden"][2] = "uppgift saknas"
    return data


def hostile(plain: str | None, markdown: str | None) -> tuple[dict[str, str], list[Field]]:
    """The tree's files with `plain` added to every plain text and `markdown` to every Markdown text.

    None leaves that kind of field as it is. Returns the files (relative path -> YAML) and the changed fields.
    """
    files: dict[str, str] = {}
    changed: list[Field] = []
    for file, data in source_data().items():
        result = copy.deepcopy(data)
        for path, value in list(texts(data)):
            field = Field(file, path, is_markdown(file, path))
            payload = markdown if field.markdown else plain
            if payload is None:
                continue
            _set(result, path, value + payload.replace(MARK, field.marker))
            if field.markdown or _fits(file, result):
                changed.append(field)
            else:
                _set(result, path, value)  # a closed value (id, status, period …): not free text
        files[file] = dump(result)
    return files, changed


def write(root: Path, files: dict[str, str]) -> Path:
    """Write a tree of files under `root`."""
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root

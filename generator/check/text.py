"""Markdown rules for every narrative field of a model."""

from __future__ import annotations

from pydantic import BaseModel

from generator.check.narrative import check_markdown
from generator.content.text import narratives, shows_nothing, titles
from generator.problems import Problem, problem


def check_texts(model: BaseModel, file: str) -> list[Problem]:
    """HTML, unsafe links, headings above their section and TODO markers in all narrative fields, and every title
    that shows nothing (it would be an empty heading or row header)."""
    found = [
        problem("VB112", file, path, field=".".join(map(str, path)))
        for path, text in titles(model)
        if shows_nothing(text)
    ]
    for path, text in narratives(model):
        for finding in check_markdown(text):
            found.append(
                problem(
                    finding.code,
                    file,
                    path,
                    field=".".join(map(str, path)),
                    heading=_heading(text, finding.line),
                    _offset=finding.line,
                    **finding.args,
                )
            )
    return found


def _heading(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line].lstrip("# ").strip() if line < len(lines) else ""

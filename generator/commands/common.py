"""Helpers shared by the commands: coded messages on stderr and reading a content tree."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.check.output import as_text, shown
from generator.content.layout import ORGANISATION_FILE, catalogue_name
from generator.content.load import Content, load_content
from generator.content.models import Katalog
from generator.problems import Problem, Severity, problem


def say(item: Problem) -> None:
    """Print one coded problem to stderr the way `vb check` shows problems."""
    print(shown(item), file=sys.stderr)


def load_tree(root: Path) -> Content | None:
    """The content tree at `root` with a readable organisation, or None after saying what is wrong."""
    if not (root / ORGANISATION_FILE).is_file():
        say(
            problem(
                "VB001", str(root / ORGANISATION_FILE), reason="filen finns inte; ange innehållsmappen med --content"
            )
        )
        return None
    content = load_content(root)
    if content.organisation is None:
        found = [p for p in content.problems if p.file.endswith(ORGANISATION_FILE) and p.severity is Severity.ERROR]
        print(as_text(found, 1), file=sys.stderr)
        return None
    return content


def require_catalogue(content: Content, year: int, empty_when_unneeded: bool = False) -> Katalog | None:
    """The catalogue of `year`, or None after saying why it is missing.

    With `empty_when_unneeded`, a year whose reports follow up no goals (so `vb check` asks for no
    catalogue) gets an empty one: what the check accepts, the export and the status can show.
    """
    catalogue = content.catalogue(year)
    if catalogue is None and empty_when_unneeded and needs_no_catalogue(content, year):
        return Katalog(ar=year)
    if catalogue is None:
        for item in catalogue_problems(content, year):
            say(item)
    return catalogue


def needs_no_catalogue(content: Content, year: int) -> bool:
    """The year has reports, none of which follows up a goal, and no catalogue file that failed to read."""
    reports = [r.model for r in content.reports if r.model.ar == year]
    return bool(reports) and year not in content.broken_years and not any(r.inriktningsmal for r in reports)


def catalogue_problems(content: Content, year: int) -> list[Problem]:
    """Why the catalogue of `year` is missing: its own read errors, or VB206 when there is no file."""
    found = [p for p in content.problems if p.file.replace("\\", "/").endswith(f"katalog/{year}.yml")]
    return found or [problem("VB206", str(Path(content.root) / catalogue_name(year)), year=year)]

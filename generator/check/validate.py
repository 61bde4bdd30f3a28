"""Validate stage: pure rules over loaded models; every finding is a coded `Problem`.

Rules never read files. `validate` gathers the problems of every rule; `locate`
gives each one the line and column of the value it is about.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from functools import partial

from generator.check.adoption import check_adoption
from generator.check.catalogue import check_catalogue
from generator.check.consistency import check_consistency
from generator.check.economy import check_economy
from generator.check.magnitudes import check_magnitudes
from generator.check.organisation import check_organisation
from generator.check.report import check_report, check_report_set
from generator.check.text import check_texts
from generator.check.webbplats import check_webbplats
from generator.content.load import Content, Loaded
from generator.content.models import Organisation
from generator.content.yamlread import SourceMap
from generator.parallel import fork_map
from generator.problems import Problem
from generator.rollup.aggregate import Rollup

SIDE_BY_SIDE_FROM = 40  # reports: fewer are checked faster in this process than by forking others
REPORTS_PER_TASK = 16  # reports checked by one task of a forked process

Keep = Callable[[str, Callable[[], list[Problem]]], list[Problem]]  # (a report's file, or "": the other files' rules)


def validate(
    content: Content,
    files: Collection[str] | None = None,
    *,
    rolled: Rollup | None = None,
    kept: Keep | None = None,
    processes: int = 1,
) -> list[Problem]:
    """All problems of a loaded content tree: loading, references, values, economy and text.

    With `files` (names as in `content`), the per-file rules run only for those files: checking one
    report needs the organisation and catalogue loaded, not their own rules run. `rolled` the periods' aggregates, shared with the build (else made here when needed).
    `kept(file, make)` gives a report's own problems, or ("") the other files', in place of making them
    (`mkdocs serve` keeps them by their inputs). With `processes`, a large tree's reports are checked side by side.
    """
    found = list(content.problems)
    organisation = content.organisation.model if content.organisation else None
    if kept is None or files is not None:
        found += file_problems(content, files)
    else:
        found += kept("", lambda: file_problems(content, None))
    found += check_report_set([(r.file, r.model) for r in content.reports])
    rollup = rolled or Rollup.of(content)
    if kept is None and processes > 1 and len(content.reports) >= SIDE_BY_SIDE_FROM:
        rollup.every_period()  # each period rolled up here once, not again in every process
        found += _side_by_side(content, rollup, processes)
    else:
        for loaded in content.reports:
            found += (
                own_problems(loaded, content)
                if kept is None
                else kept(loaded.file, partial(own_problems, loaded, content))
            )
            found += report_consistency(loaded, rollup, organisation)
    for loaded in content.adopted:
        found += check_texts(loaded.model, loaded.file)
    found += check_adoption(content.reports, content.adopted, content.sources())
    return locate(found, content.sources())


def file_problems(content: Content, files: Collection[str] | None) -> list[Problem]:
    """The problems of organisation.yml, webbplats.yml and the catalogues on their own (with `files`, of those)."""
    found: list[Problem] = []
    organisation = content.organisation.model if content.organisation else None
    if content.organisation and (files is None or content.organisation.file in files):
        found += check_organisation(content.organisation.model, content.organisation.file)
        found += check_texts(content.organisation.model, content.organisation.file)
    if content.webbplats and (files is None or content.webbplats.file in files):
        found += check_webbplats(content.webbplats.model, content.webbplats.file)
        found += check_texts(content.webbplats.model, content.webbplats.file)
    for loaded in content.catalogues.values():
        if files is None or loaded.file in files:
            found += check_catalogue(loaded.model, loaded.file, organisation)
            found += check_magnitudes(loaded.model, loaded.file)
            found += check_texts(loaded.model, loaded.file)
    return found


def _side_by_side(content: Content, rollup: Rollup, processes: int) -> list[Problem]:
    """Every report's own problems and consistency, in `processes` forked processes (in the reports' order)."""
    organisation = content.organisation.model if content.organisation else None
    reports = content.reports
    parts = [reports[first : first + REPORTS_PER_TASK] for first in range(0, len(reports), REPORTS_PER_TASK)]

    def task(number: int) -> list[Problem]:
        return [
            problem
            for loaded in parts[number]
            for problem in own_problems(loaded, content) + report_consistency(loaded, rollup, organisation)
        ]

    return [problem for found in fork_map(task, len(parts), processes) for problem in found]


def report_consistency(loaded: Loaded, rollup: Rollup, organisation: Organisation | None) -> list[Problem]:
    """A report's texts against the counts of its period's roll-up (they need the whole report)."""
    return [] if loaded.partial else check_consistency(loaded.model, loaded.file, rollup, organisation)


def own_problems(loaded: Loaded, content: Content) -> list[Problem]:
    """A report's problems of its own: against its catalogue and organisation, its economy, figures and texts."""
    organisation = content.organisation.model if content.organisation else None
    catalogue = content.catalogue(loaded.model.ar)
    found = check_report(loaded.model, loaded.file, catalogue, organisation, loaded.model.ar in content.broken_years)
    found += check_economy(loaded.model, loaded.file, organisation)
    found += check_magnitudes(loaded.model, loaded.file)
    found += check_texts(loaded.model, loaded.file)
    return found


def locate(found: list[Problem], sources: dict[str, SourceMap]) -> list[Problem]:
    """Give every problem without a line the position of its value (or key) in its file."""
    placed = []
    for item in found:
        earlier = item.args.get("_first")  # where the same thing stands first: told as its line
        if earlier is not None and item.file in sources:
            line = sources[item.file].locate(earlier).line
            item = replace(item, args={**item.args, "first": f"rad {line}"})
        if item.line is None and item.file in sources:
            position = sources[item.file].locate(item.path, key=item.on_key)
            offset = item.args.get("_offset")
            if offset is None:
                item = item.at(position.line, position.column)
            elif position.block:  # literal text starts on the line after the key and keeps its lines
                item = item.at(position.line + 1 + offset, 1)
            else:  # folded or plain text lost its line breaks: find the offending text in the file
                needle = str(item.args.get("snippet") or item.args.get("url") or item.args.get("heading") or "")[:30]
                item = item.at(sources[item.file].find(needle, position.line) or position.line, 1)
        placed.append(item)
    return sorted(placed, key=lambda p: (p.file, p.line or 0, p.column or 0, p.code))

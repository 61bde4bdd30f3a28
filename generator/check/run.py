"""`vb check`: load, validate and collect every problem of the given paths in one run."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path as FsPath

from generator.check.validate import validate
from generator.content.load import Content, find_root, load_content, with_companions
from generator.fsio import walk_tree
from generator.parallel import cores
from generator.problems import Problem, Severity, problem


@dataclass
class CheckResult:
    """The problems found and how many files were read."""

    problems: list[Problem]
    files: int

    def failed(self, strict: bool) -> bool:
        """Errors fail; warnings fail only with --strict."""
        severities = {p.severity for p in self.problems}
        return Severity.ERROR in severities or (strict and Severity.WARNING in severities)


def check_paths(paths: list[FsPath]) -> CheckResult:
    """Check content roots or single files; a single file is checked against its tree's organisation and catalogues."""
    found: list[Problem] = []
    files = 0
    for root, only in _group(paths, found):
        only = None if only is None else with_companions(only)
        content = load_content(root, only)
        files += content.files
        asked = None if only is None else _asked(content, only)
        found += [p for p in validate(content, asked, processes=_processes(only)) if only is None or _concerns(p, only)]
    return CheckResult(found, files)


def _processes(only: list[FsPath] | None) -> int:
    """A whole tree is checked on every core (its reports side by side when there are many); one file here."""
    return cores() if only is None else 1


def _asked(content: Content, only: list[FsPath]) -> set[str]:
    """The names (as loaded) of the files that were asked for; the others are read only as references."""
    wanted = {p.resolve() for p in only}
    return {name for name in content.sources() if FsPath(name).resolve() in wanted}


def _group(paths: list[FsPath], found: list[Problem]) -> list[tuple[FsPath, list[FsPath] | None]]:
    groups: dict[FsPath, list[FsPath] | None] = {}
    for path in paths:
        if not os.path.lexists(path):
            found.append(problem("VB001", str(path), reason="filen eller mappen finns inte"))
            continue
        root = find_root(path)
        if root is None:
            found.append(problem("VB001", str(path), reason="ingen organisation.yml hittades i mappen eller ovanför"))
            continue
        if path.is_dir() and path.resolve() == root.resolve():
            groups[root] = None
        elif groups.get(root, []) is not None:
            listed = groups.setdefault(root, [])
            assert listed is not None
            listed.extend(_listed(path))
    return list(groups.items())


def _listed(path: FsPath) -> list[FsPath]:
    """A folder's entries (links not followed, nothing left out), or the path itself."""
    if path.is_dir() and not path.is_symlink():
        return [entry.path for entry in walk_tree(path)] or []
    return [path]


def _concerns(item: Problem, only: list[FsPath]) -> bool:
    target = FsPath(item.file).resolve()
    return any(target == p.resolve() for p in only)

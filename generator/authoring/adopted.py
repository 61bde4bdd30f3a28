"""`vb check` and git: each report file compared with its version in a revision, so that an adopted report
changes only with a recorded correction (the rule itself is `generator.check.adopted`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from generator.authoring.gitread import GitError, files_at, repo_relative, toplevel, verify
from generator.check.adopted import adoption_problems
from generator.check.validate import locate
from generator.content.models import Rapport
from generator.content.yamlread import Document, read_file
from generator.problems import Problem, problem

REPORTS = "rapporter"
ADOPTED = b"faststallelse"  # only a file that says this can have been adopted


def adoption_check(paths: list[Path], revision: str, explicit: bool) -> list[Problem]:
    """Problems of adopted reports under `paths` changed since `revision`.

    Without an explicit revision (HEAD is then compared), a folder outside git or a repository without
    commits is not an error: there is nothing adopted to compare with. Each path's files are read from
    git in one go, and only files that were adopted in `revision` are read further.
    """
    found: list[Problem] = []
    for path in paths:
        files = report_files([path])
        if not files:
            continue
        folder = path if path.is_dir() else path.parent
        try:
            root = toplevel(folder)
            before = files_at(root, verify(root, revision), repo_relative(folder, root)).files
        except GitError as exc:
            if not explicit:
                continue
            return [problem("VB802", "git", revision=revision, reason=exc)]
        for file in files:
            kept = before.get(file.relative_to(folder).as_posix())
            if kept is not None and ADOPTED in kept:
                found += _compared(file, kept, revision)
    return found


def report_files(paths: list[Path]) -> list[Path]:
    """The report files among `paths` (files under a rapporter/ folder, or in it below a folder given)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.yml") if REPORTS in p.relative_to(path).parts[:-1]
                            or REPORTS in path.resolve().parts)
        elif path.suffix == ".yml" and REPORTS in path.resolve().parts:
            found.append(path)
    return found


def _compared(file: Path, before: bytes, revision: str) -> list[Problem]:
    """One file against its adopted version in `revision`."""
    shown = _shown(file)
    now = read_file(file.read_bytes(), shown)
    previous, current = _report(read_file(before, shown)), _report(now)
    if current is None:  # the check reports why the file cannot be read
        return []
    return locate(adoption_problems(previous, current, shown, revision), {shown: now.source})


def _report(document: Document) -> Rapport | None:
    """The report a read file holds, or None if it is not a valid report."""
    if not isinstance(document.data, dict):
        return None
    try:
        return Rapport.model_validate(document.data)
    except ValidationError:
        return None


def _shown(path: Path) -> str:
    """A file's name as `vb check` shows it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)

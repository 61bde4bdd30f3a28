"""`vb fmt`: write reports in the layout the browser editor saves, so that an edit there is a small diff."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.fsio import Read
    from generator.problems import Problem

REPORTS = "rapporter"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("fmt", help="skriv rapporterna i standardformatet (det som redigeraren sparar)")
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path("content")],
        metavar="SÖKVÄG",
        help="rapportfiler eller mappar (som standard content/)",
    )
    parser.add_argument(
        "--check", action="store_true", help="ändra inget, visa bara filer som inte är i standardformatet (slutkod 1)"
    )
    parser.set_defaults(run=run)


def report_files(paths: list[Path]) -> list[Path]:
    """The report files among `paths`: files as given, folders searched for rapporter/<org>/<file>.yml."""
    from generator.fsio import walk_tree

    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():  # links are listed, never followed
            found += [
                e.path
                for e in walk_tree(path)
                if e.path.suffix in (".yml", ".yaml") and e.path.parent.parent.name == REPORTS
            ]
        elif path.parent.parent.name == REPORTS and path.suffix in (".yml", ".yaml"):
            found.append(path)
    return found


def run(args: argparse.Namespace) -> int:
    from generator.authoring.yamlfmt import layout
    from generator.check.output import as_text
    from generator.content.models import Rapport
    from generator.content.yamlread import MAX_BYTES
    from generator.fsio import read_bounded, write_atomic
    from generator.problems import Severity

    shown, rewritten = [], []
    files = report_files(args.paths)
    for path in files:
        read = read_bounded(path, MAX_BYTES)  # a link is not followed, a huge file not read
        if read.raw is None:
            shown.append(not_read(path, read))
            continue
        canonical, found = layout(read.raw, str(path), Rapport)
        out_of_layout = any(p.code == "VB804" for p in found)
        with_comments = any(p.code == "VB805" for p in found)
        if canonical is None or args.check or (out_of_layout and with_comments):
            shown += found  # a file with comments is not rewritten: the comments would be lost
            continue
        if out_of_layout:
            write_atomic(path, canonical)
            rewritten.append(path)
    for path in rewritten:
        print(f"Skrev om {path} i standardformatet.")
    if shown:
        print(as_text(shown, len(files)), file=sys.stderr)
    return 1 if any(p.severity is Severity.ERROR for p in shown) else 0


def not_read(path: Path, read: Read) -> Problem:
    """Why a report was not read: a symbolic link (VB015), too large (VB002) or unreadable (VB001)."""
    import os

    from generator.content.yamlread import too_large
    from generator.fsio import reason
    from generator.problems import problem

    if os.path.islink(path):
        return problem("VB015", str(path), name=path.as_posix()).at(1, 1)
    if read.too_large:
        return too_large(str(path), read.size)
    return problem("VB001", str(path), reason=reason(read.error) if read.error else "filen kan inte läsas").at(1, 1)

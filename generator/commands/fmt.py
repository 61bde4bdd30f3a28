"""`vb fmt`: write reports in the layout the browser editor saves, so that an edit there is a small diff."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPORTS = "rapporter"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("fmt", help="skriv rapporterna i standardformatet (det som redigeraren sparar)")
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("content")], metavar="SÖKVÄG",
                        help="rapportfiler eller mappar (som standard content/)")
    parser.add_argument("--check", action="store_true",
                        help="ändra inget, visa bara filer som inte är i standardformatet (slutkod 1)")
    parser.set_defaults(run=run)


def report_files(paths: list[Path]) -> list[Path]:
    """The report files among `paths`: files as given, folders searched for rapporter/<org>/<file>.yml."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.y*ml") if p.parent.parent.name == REPORTS)
        elif path.parent.parent.name == REPORTS and path.suffix in (".yml", ".yaml"):
            found.append(path)
    return found


def run(args: argparse.Namespace) -> int:
    from generator.content.models import Rapport
    from generator.check.output import as_text
    from generator.problems import Severity, problem
    from generator.authoring.yamlfmt import layout

    shown, rewritten = [], []
    files = report_files(args.paths)
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            shown.append(problem("VB001", str(path), reason=exc.strerror or str(exc)).at(1, 1))
            continue
        canonical, found = layout(raw, str(path), Rapport)
        out_of_layout = any(p.code == "VB804" for p in found)
        with_comments = any(p.code == "VB805" for p in found)
        if canonical is None or args.check or (out_of_layout and with_comments):
            shown += found  # a file with comments is not rewritten: the comments would be lost
            continue
        if out_of_layout:
            path.write_bytes(canonical.encode("utf-8"))
            rewritten.append(path)
    for path in rewritten:
        print(f"Skrev om {path} i standardformatet.")
    if shown:
        print(as_text(shown, len(files)), file=sys.stderr)
    return 1 if any(p.severity is Severity.ERROR for p in shown) else 0

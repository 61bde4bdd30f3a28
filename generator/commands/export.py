"""`vb export`: the aggregate of one (year, period) as open data (JSON and CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.period import add_period


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("export", help="skriv sammanställningen för en period som JSON och CSV")
    parser.add_argument("--year", type=int, required=True, metavar="ÅR")
    add_period(parser, required=True)
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--out", type=Path, default=Path("export"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.check.output import as_text
    from generator.check.validate import validate
    from generator.commands.common import load_tree, require_catalogue
    from generator.fsio import write_atomic
    from generator.problems import Severity
    from generator.rollup.aggregate import aggregate
    from generator.rollup.export import export_files

    content = load_tree(args.content)
    if content is None:
        return 1
    found = validate(content)  # the tree is read once: checked, then aggregated
    if any(p.severity is Severity.ERROR for p in found):
        print(as_text(found, content.files))
        print("Exporten avbröts: rätta felen ovan först.", file=sys.stderr)
        return 1
    catalogue = require_catalogue(content, args.year, empty_when_unneeded=True)
    if catalogue is None or content.organisation is None:
        return 1
    aggregated = aggregate(
        content.organisation.model, catalogue, [r.model for r in content.reports], args.year, args.period
    )
    folder = args.out / f"{args.year}-{args.period.lower()}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in export_files(aggregated).items():
        write_atomic(folder / name, text)
        print(folder / name)
    return 0

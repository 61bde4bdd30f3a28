"""`vb export`: the aggregate of one (year, period) as open data (JSON and CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("export", help="skriv sammanställningen för en period som JSON och CSV")
    parser.add_argument("--year", type=int, required=True, metavar="ÅR")
    parser.add_argument("--period", required=True, choices=["VP", "T1", "T2", "VB"])
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--out", type=Path, default=Path("export"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.aggregate import aggregate
    from generator.check import check_paths
    from generator.export import export_files
    from generator.load import load_content
    from generator.output import as_text

    result = check_paths([args.content])
    if result.failed(strict=False):
        print(as_text(result.problems, result.files))
        print("Exporten avbröts: rätta felen ovan först.", file=sys.stderr)
        return 1
    content = load_content(args.content)
    catalogue = content.catalogue(args.year)
    if catalogue is None or content.organisation is None:
        print(f"vb export: det finns ingen målkatalog för {args.year} (content/katalog/{args.year}.yml).", file=sys.stderr)
        return 1
    aggregated = aggregate(content.organisation.model, catalogue, [r.model for r in content.reports], args.year, args.period)
    folder = args.out / f"{args.year}-{args.period.lower()}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in export_files(aggregated).items():
        (folder / name).write_text(text, encoding="utf-8")
        print(folder / name)
    return 0

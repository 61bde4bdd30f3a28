"""`vb status`: which units have written their report for a period, and how far they have come."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.commands.period import add_period


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("status", help="visa hur långt varje enhet har kommit med sin rapport")
    parser.add_argument("--year", type=int, required=True, metavar="ÅR")
    add_period(parser, required=True)
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="MAPP")
    parser.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.authoring.status import FORMATS, readiness
    from generator.check.validate import validate
    from generator.commands.common import load_tree, require_catalogue
    from generator.content.models import PERIOD_NAMES

    content = load_tree(args.content)
    if content is None or content.organisation is None:
        return 1
    catalogue = require_catalogue(content, args.year, empty_when_unneeded=True)
    if catalogue is None:
        return 1
    organisation = content.organisation.model
    rows = readiness(
        organisation,
        args.year,
        args.period,
        [(r.file, r.model) for r in content.reports],
        validate(content),
        catalogue,
    )
    title = f"{PERIOD_NAMES[args.period]} {args.year}: rapporternas status – {organisation.namnd.namn}"
    print(FORMATS[args.format](rows, title))
    return 0

"""`vb join`: the districts' sites, built one per CI job, get the city's start page listing them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("join", help="samla stadsdelarnas byggda webbplatser under en startsida")
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        help="stadens mapp med en mapp per stadsdel (standard: content)",
    )
    parser.add_argument(
        "--site",
        type=Path,
        default=Path("site"),
        help="mappen där varje stadsdels webbplats ligger i site/<stadsdel>/ (standard: site)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.build.join import JoinError, join_city

    try:
        joined = join_city(args.content, args.site)
    except JoinError as exc:
        print(f"vb join: {exc}", file=sys.stderr)
        return 1
    print(f"Startsidan {args.site / 'index.html'} listar {len(joined)} stadsdelar.")
    return 0

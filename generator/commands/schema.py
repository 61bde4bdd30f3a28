"""`vb schema`: JSON Schema of the content files for editor completion."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("schema", help="skriv JSON Schema för innehållsfilerna")
    parser.add_argument("--out", type=Path, default=Path("schemas"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.content.schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0

"""`vb schema`: JSON Schema of the content files for editor completion."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.content.layout import CATALOGUE_FOLDER


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("schema", help="skriv JSON Schema för innehållsfilerna")
    parser.add_argument("--out", type=Path, default=Path("schemas"))
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="MAPP",
        help="innehållet vars målkataloger ger id:n med namn som förslag (standard content)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.content.schema import write_schemas

    for path in write_schemas(args.out, catalogues_in(args.content)):
        print(path)
    return 0


def catalogues_in(root: Path) -> list:
    """The readable goal catalogues of a content tree (none when there is no tree)."""
    from generator.content.load import load_content

    if not (root / CATALOGUE_FOLDER).is_dir():
        return []
    return [loaded.model for loaded in load_content(root).catalogues.values()]

"""`vb build`: check the content and build the website into site/ (the last good site stays if anything fails)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("build", help="kontrollera innehållet och bygg webbplatsen")
    parser.add_argument("--content", type=Path, default=Path("content"), help="innehållets mapp (standard: content)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="webbplatsens mapp (standard: site)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs-inställningarna (standard: mkdocs.yml)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.publish import PublishError, publish

    try:
        built = publish(args.content, args.site, args.config)
    except PublishError as exc:
        print(f"vb build: {exc}", file=sys.stderr)
        return 1
    print(f"Webbplatsen är byggd i {built.site}: {built.pages} sidor på {built.seconds:.1f} s.")
    return 0

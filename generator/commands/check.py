"""`vb check`: every problem of the content files, in one run."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="kontrollera innehållsfiler")
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("content")], metavar="SÖKVÄG")
    parser.add_argument("--format", choices=["text", "github", "json", "gitlab", "sarif"], default="text")
    parser.add_argument("--strict", action="store_true", help="varningar ger också felkod")
    parser.set_defaults(run=run)
    codes = commands.add_parser("felkoder", help="skriv tabellen över alla felkoder (Markdown)")
    codes.add_argument("--readme", type=Path, help="uppdatera tabellen mellan felkoder-markeringarna i filen")
    codes.set_defaults(run=run_codes)


def run(args: argparse.Namespace) -> int:
    from generator.check.output import FORMATS
    from generator.check.run import check_paths

    result = check_paths(args.paths)
    print(FORMATS[args.format](result.problems, result.files))
    return 1 if result.failed(args.strict) else 0


def run_codes(args: argparse.Namespace) -> int:
    from generator.check.output import code_table, with_code_table
    from generator.fsio import write_atomic

    if args.readme is None:
        print(code_table())
        return 0
    text = args.readme.read_text(encoding="utf-8")
    write_atomic(args.readme, with_code_table(text))
    return 0

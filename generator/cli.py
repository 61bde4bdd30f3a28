"""The `vb` command line. No traceback ever reaches a user: failures are coded messages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.problems import problem


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vb", description="Uppföljningsrapporter: kontroll, sammanställning och webbplats.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    check = commands.add_parser("check", help="kontrollera innehållsfiler")
    check.add_argument("paths", nargs="*", type=Path, default=[Path("content")], metavar="SÖKVÄG")
    check.add_argument("--format", choices=["text", "github", "json"], default="text")
    check.add_argument("--strict", action="store_true", help="varningar ger också felkod")
    schema = commands.add_parser("schema", help="skriv JSON Schema för innehållsfilerna")
    schema.add_argument("--out", type=Path, default=Path("schemas"))
    commands.add_parser("felkoder", help="skriv tabellen över alla felkoder (Markdown)")
    return parser


def _codes(_args: argparse.Namespace) -> int:
    from generator.output import code_table

    print(code_table())
    return 0


def _check(args: argparse.Namespace) -> int:
    from generator.check import check_paths
    from generator.output import FORMATS

    result = check_paths(args.paths)
    print(FORMATS[args.format](result.problems, result.files))
    return 1 if result.failed(args.strict) else 0


def _schema(args: argparse.Namespace) -> int:
    from generator.schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0


COMMANDS = {"check": _check, "schema": _schema, "felkoder": _codes}


def main(argv: list[str] | None = None) -> int:
    """Run one `vb` command and return its exit code (0 ok, 1 problems, 2 usage)."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: a coded message instead of a traceback
        internal = problem("VB900", "vb", reason=f"{type(exc).__name__}: {exc}")
        print(f"vb: {internal.severity.value} {internal.code}: {internal.message}\n    {internal.fix}", file=sys.stderr)
        return 1

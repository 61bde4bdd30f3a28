"""The `vb` command line. No traceback ever reaches a user: failures are coded messages.

Each command lives in its own module under `generator.commands` with a
`register(subparsers)` function that adds its parser and sets `run`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from generator.check.output import shown
from generator.fsio import os_problem
from generator.problems import problem

COMMAND_MODULES = [
    "generator.commands.check",
    "generator.commands.schema",
    "generator.commands.export",
    "generator.commands.new",
    "generator.commands.import_report",
    "generator.commands.status",
    "generator.commands.codeowners",
    "generator.commands.diff",
    "generator.commands.adopt",
    "generator.commands.build",
    "generator.commands.join",
    "generator.commands.synth",
    "generator.commands.fmt",
    "generator.commands.cms",
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered command."""
    parser = argparse.ArgumentParser(
        prog="vb", description="Uppföljningsrapporter: kontroll, sammanställning och webbplats."
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="visa versionen och avsluta")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


class _Version(argparse.Action):
    """--version: the installed version, looked up only when asked (start-up stays quick)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"vb {_version()}")
        parser.exit()


def _version() -> str:
    """The installed package's version, as pyproject.toml states it."""
    from generator.check.output_ci import tool_version

    return tool_version()


def main(argv: list[str] | None = None) -> int:
    """Run one `vb` command and return its exit code (0 ok, 1 problems, 2 usage)."""
    # vb's models use no pydantic plugins; looking for them reads every installed package's metadata at start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        args = build_parser().parse_args(argv)
        return args.run(args)
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, as a shell expects
        return 130
    except OSError as exc:  # the file system said no: where, why and what to do, in Swedish
        print(shown(os_problem(exc)), file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a coded message instead of a traceback
        internal = problem("VB900", "vb", reason=f"{type(exc).__name__}: {exc}")
        print(shown(internal), file=sys.stderr)
        return 1

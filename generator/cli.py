"""The `vb` command line. No traceback ever reaches a user: failures are coded messages.

Each command lives in its own module under `generator.commands` with a
`register(subparsers)` function that adds its parser and sets `run`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Iterator

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


# argparse's own words (headings of the help, usage errors), as a Swedish user reads them.
_SWEDISH = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "the following arguments are required: %s": "det här saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "ett värde behövs efter flaggan",
    "expected at least one argument": "minst ett värde behövs",
    "expected at most one argument": "högst ett värde får anges",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "flaggan %(option)s kan vara flera: %(matches)s",
    "one of the arguments %s is required": "ett av argumenten %s behövs",
    "not allowed with argument %s": "kan inte anges tillsammans med %s",
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "okänt kommando %(parser_name)r (välj bland %(choices)s)",
    "ignored explicit argument %r": "flaggan tar inget värde: %r",
    "expected %s argument": "%s värde behövs",
    "expected %s arguments": "%s värden behövs",
}


@contextlib.contextmanager
def _in_swedish() -> Iterator[None]:
    """argparse's help and usage errors in Swedish while vb's parser is made and reads the command line."""
    words, plurals = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda text: _SWEDISH.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: _SWEDISH.get(one if n == 1 else many, one if n == 1 else many)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = words, plurals  # type: ignore[attr-defined]


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
        with _in_swedish():
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

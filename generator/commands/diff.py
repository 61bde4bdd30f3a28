"""`vb diff`: what changed in the reports between two git revisions, in Swedish and in report terms."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("diff", help="beskriv ändringarna i rapporterna mellan två versioner i git")
    parser.add_argument("base", metavar="FRÅN", help="versionen att jämföra från, t.ex. origin/main")
    parser.add_argument(
        "head", nargs="?", default=None, metavar="TILL", help="versionen att jämföra till (utan: arbetskopian)"
    )
    parser.add_argument("--format", choices=["markdown", "text"], default="text")
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="MAPP")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.authoring import gitread
    from generator.authoring.diff import RENDERERS, compare, snapshot
    from generator.commands.common import say
    from generator.problems import problem

    try:
        root = gitread.toplevel(args.content.resolve())
    except gitread.GitError as exc:
        say(problem("VB803", str(args.content), folder=args.content.as_posix(), reason=exc))
        return 1
    folder = gitread.repo_relative(args.content, root)
    sides = []
    for revision in (args.base, args.head):
        try:
            found = (
                gitread.files_on_disk(args.content) if revision is None else gitread.files_at(root, revision, folder)
            )
        except gitread.GitError as exc:
            say(problem("VB802", "git", revision=revision, reason=exc))
            return 1
        sides.append(snapshot(found.files, gitread.printable(os.fsencode(folder)), found.unsafe))
    changes = compare(*sides)
    print(
        RENDERERS[args.format](changes, args.base, args.head or "arbetskopian"),
        end="" if args.format == "markdown" else "\n",
    )
    return 0

"""`vb codeowners`: write CODEOWNERS from organisation.yml."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.content.layout import ORGANISATION_FILE


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "codeowners", help="skriv CODEOWNERS (granskare per rapportmapp) från organisation.yml"
    )
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="MAPP")
    parser.add_argument("--out", default=".github/CODEOWNERS", metavar="FIL", help="filen att skriva (- för skärmen)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.authoring.codeowners import codeowners
    from generator.check.output import as_text
    from generator.check.reviewers import check_reviewers
    from generator.check.validate import locate
    from generator.content.load import to_model
    from generator.content.models import Organisation
    from generator.content.yamlread import MAX_BYTES, read_file, too_large
    from generator.fsio import read_bounded, reason, write_atomic
    from generator.problems import problem

    source = args.content / ORGANISATION_FILE
    read = read_bounded(source, MAX_BYTES)  # a link is not followed, a huge file not read
    if read.raw is None:
        unread = (
            problem("VB001", str(source), reason=reason(read.error))
            if read.error
            else too_large(str(source), read.size)
        )
        print(as_text([unread], 0), file=sys.stderr)
        return 1
    document = read_file(read.raw, str(source))
    organisation, found = to_model(Organisation, document)
    if organisation is None:
        print(as_text([*document.problems, *found], 1), file=sys.stderr)
        return 1
    refused = locate(check_reviewers(organisation, str(source)), {str(source): document.source})
    if refused:
        print(as_text(refused, 1), file=sys.stderr)
        print("CODEOWNERS skrevs inte: rätta granskarna ovan och kör vb codeowners igen.", file=sys.stderr)
        return 1
    text = codeowners(organisation, _content_in_repository(args.content))
    if args.out == "-":
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, text)
    print(f"Skrev {out.as_posix()}.")
    return 0


def _content_in_repository(content: Path) -> str:
    """The content folder relative to the repository root (or to the current folder outside git)."""
    from generator.authoring.gitread import GitError, repo_relative, toplevel

    try:
        return repo_relative(content, toplevel(content))
    except GitError:
        return Path(os.path.relpath(content.resolve(), Path.cwd())).as_posix()

"""`vb cms`: the browser editor's configuration (config.yml) generated from the content model."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.content.layout import ORGANISATION_FILE


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("cms", help="skriv redigerarens inställningar (config.yml) ur innehållsmodellen")
    parser.add_argument("--content", type=Path, default=Path("content"), help="innehållsmappen (standard content/)")
    parser.add_argument(
        "--out", type=Path, default=Path("site/redigera"), help="mappen som får config.yml (standard site/redigera/)"
    )
    parser.add_argument(
        "--backend",
        choices=["github", "gitlab", "git-gateway"],
        default=None,
        help="var rapporterna sparas (standard: det som git remote origin pekar på, annars github)",
    )
    parser.add_argument("--repo", default=None, metavar="ÄGARE/NAMN", help="arkivet på GitHub eller GitLab")
    parser.add_argument("--branch", default="main", help="grenen som ändringarna föreslås till (standard main)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.authoring.cms import Backend
    from generator.authoring.cms_site import EditorMissing, backend_from_git, write_config
    from generator.commands.common import say
    from generator.problems import problem

    project = Path.cwd()
    found = backend_from_git(project)
    backend = Backend(name=args.backend or found.name, repo=args.repo or found.repo, branch=args.branch)
    try:
        written = write_config(args.out, args.content, project, backend)
    except EditorMissing as exc:
        say(problem("VB001", str(args.content / ORGANISATION_FILE), reason=str(exc)))
        return 1
    for path in written:
        print(path)
    return 0

"""`vb build`: check the content and build the website into site/ (the last good site stays if anything fails).

A city's content (one folder per district council, as `vb synth --districts` writes it)
becomes one site per district in site/<district-id>/ and a start page listing them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("build", help="kontrollera innehållet och bygg webbplatsen")
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        help="innehållets mapp, eller en mapp med en mapp per stadsdel (standard: content)",
    )
    parser.add_argument("--site", type=Path, default=Path("site"), help="webbplatsens mapp (standard: site)")
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs-inställningarna (standard: mkdocs.yml)"
    )
    parser.add_argument(
        "--processes",
        type=_processes,
        default=0,
        metavar="N",
        help="antal processer som bygger samtidigt (standard 0: en per kärna)",
    )
    parser.add_argument(
        "--utan-pdf",
        action="store_true",
        help="gör ingen PDF av rapporterna (snabbare medan du skriver; länkarna leder då ingenstans)",
    )
    parser.add_argument(
        "--pdf-cache",
        type=Path,
        default=None,
        metavar="MAPP",
        help="var gjorda PDF:er sparas för att återanvändas (standard: .vb-pdf-cache bredvid webbplatsen)",
    )
    parser.set_defaults(run=run)


def _processes(text: str) -> int:
    """A whole number from 0 (one per core) upwards, or a Swedish usage error."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f'"{text}" är inget antal; ange 0 (en per kärna) eller ett heltal, t.ex. 2.')
    return int(text)


def run(args: argparse.Namespace) -> int:
    from generator.build.city import district_roots
    from generator.build.publish import PublishError
    from generator.build.site import build

    roots = district_roots(args.content)
    try:
        if roots:
            return _run_city(args, roots)
        built = build(
            args.content,
            args.site,
            args.config,
            processes=args.processes,
            pdfs=not args.utan_pdf,
            pdf_cache=args.pdf_cache,
        )
    except PublishError as exc:
        print(f"vb build: {exc}", file=sys.stderr)
        return 1
    print(f"Webbplatsen är byggd i {built.site}: {built.pages} sidor på {built.seconds:.1f} s.")
    return 0


def _run_city(args: argparse.Namespace, roots: list[Path]) -> int:
    """One site per district, as many at a time as there are cores (or --processes)."""
    from generator.build.city import publish_city
    from generator.parallel import cores

    built = publish_city(
        roots,
        args.site,
        args.config,
        args.processes or cores(),
        pdfs=not args.utan_pdf,
        pdf_cache=args.pdf_cache,
    )
    for district in built.districts:
        print(f"  {district.district.name}: {district.pages} sidor på {district.seconds:.1f} s")
    pages = sum(d.pages for d in built.districts)
    print(
        f"Webbplatserna är byggda i {built.site}: {len(built.districts)} stadsdelar, {pages} sidor "
        f"på {built.seconds:.1f} s."
    )
    return 0

"""`vb import`: a report exported as text from the city's reporting system, written in the format."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from generator.commands.period import add_period
from generator.content.layout import report_name
from generator.problems import Problem


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import", help="skriv en rapport i formatet från en tidigare rapport (PDF eller textexport)"
    )
    parser.add_argument("file", type=Path, metavar="FIL", help="rapporten som PDF, eller dess textexport (UTF-8)")
    parser.add_argument("--unit", required=True, metavar="ID", help="enhetens id i organisation.yml")
    parser.add_argument("--year", type=int, required=True, metavar="ÅR")
    add_period(parser, required=True)
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="MAPP")
    parser.set_defaults(run=run)


def _export_text(file: Path) -> str | Problem:
    """The report's text: a text export as it is, a PDF read page by page."""
    from generator.authoring.importer.pdftext import PdfError, is_pdf, pdf_text
    from generator.problems import problem

    try:
        data = file.read_bytes()
    except OSError as exc:
        return problem("VB001", str(file), reason=exc.strerror or str(exc))
    if is_pdf(data):
        try:
            return pdf_text(data)
        except PdfError as exc:
            return problem("VB001", str(file), reason=str(exc))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return problem("VB001", str(file), reason="filen är varken en PDF eller en UTF-8-text")


def run(args: argparse.Namespace) -> int:
    from generator.authoring.importer.build import build, unplaced_comment
    from generator.authoring.importer.economy import Names
    from generator.authoring.importer.lines import clean
    from generator.authoring.importer.reader import read_export
    from generator.authoring.yamlwrite import dump
    from generator.check.organisation import node_ids
    from generator.commands.common import load_tree, require_catalogue, say
    from generator.fsio import link_between, write_atomic
    from generator.problems import problem, suggestion

    content = load_tree(args.content)
    if content is None or content.organisation is None:
        return 1
    nodes = node_ids(content.organisation.model)
    if args.unit not in nodes:
        say(problem("VB201", content.organisation.file, ref=args.unit, suggestion=suggestion(args.unit, nodes)))
        return 1
    target = args.content / report_name(args.unit, args.year, args.period)
    link = link_between(args.content, target)  # a new report is never written through a symbolic link
    if link is not None:
        say(problem("VB015", str(args.content / link), name=link.as_posix()))
        return 1
    if os.path.lexists(target):
        say(
            problem(
                "VB801", str(target), org=nodes[args.unit], period=args.period, year=args.year, target=target.as_posix()
            )
        )
        return 1
    catalogue = require_catalogue(content, args.year)
    if catalogue is None:
        return 1
    text = _export_text(args.file)
    if isinstance(text, Problem):
        say(text)
        return 1
    organisation = content.organisation.model
    names = Names(
        areas={area.namn: area.id for area in organisation.verksamhetsomraden},
        units={unit.namn: unit.id for unit in organisation.enheter},
        own=nodes[args.unit],
    )
    council = args.unit == organisation.namnd.id
    imported = build(read_export(clean(text)), catalogue, args.unit, args.year, args.period, council, names)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, dump(imported.data) + unplaced_comment(imported.unplaced, args.file.name))
    print(f"Skapade {target.as_posix()}.")
    for number, line in imported.unplaced:
        print(f"{args.file.name}:{number}: kunde inte placeras: {' '.join(line.split())[:120]}")
    print("Kontrollera rapporten med: vb check " + target.as_posix())
    return 0

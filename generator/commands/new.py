"""`vb new`: start a unit's report from the year's catalogue and the unit's previous report."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from generator.commands.period import add_period
from generator.content.layout import report_name


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("new", help="skapa en ny rapport för en enhet med mål, indikatorer och aktiviteter")
    parser.add_argument("--unit", required=True, metavar="ID", help="enhetens id i organisation.yml")
    parser.add_argument("--year", type=int, required=True, metavar="ÅR")
    add_period(parser, required=True)
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="MAPP")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.check.organisation import node_ids
    from generator.commands.common import load_tree, require_catalogue, say
    from generator.problems import problem, suggestion

    content = load_tree(args.content)
    if content is None or content.organisation is None:
        return 1
    organisation = content.organisation.model
    nodes = node_ids(organisation)
    target = args.content / report_name(args.unit, args.year, args.period)
    if args.unit not in nodes:
        say(problem("VB201", content.organisation.file, ref=args.unit, suggestion=suggestion(args.unit, nodes)))
        return 1
    link = _link_on_the_way(args.content, target)
    if link is not None:
        say(problem("VB015", str(args.content / link), name=link.as_posix()))
        return 1
    if os.path.lexists(target) or os.path.lexists(target.with_suffix(".yaml")):
        say(
            problem(
                "VB801", str(target), org=nodes[args.unit], period=args.period, year=args.year, target=target.as_posix()
            )
        )
        return 1
    if require_catalogue(content, args.year) is None:
        return 1
    return _write(args, content, target, nodes[args.unit])


def _link_on_the_way(content: Path, target: Path) -> Path | None:
    """A symbolic link between the content folder and the new report (a new report is never written through one)."""
    from generator.fsio import link_between

    for probe in (target, target.with_suffix(".yaml")):
        link = link_between(content, probe)
        if link is not None:
            return link
    return None


def _write(args: argparse.Namespace, content, target: Path, name: str) -> int:
    """Build the skeleton, write it and tell the unit what to do next."""
    from generator.authoring.scaffold import find_report, previous_report, scaffold, with_outcome_todos
    from generator.authoring.scaffold_text import header, with_names
    from generator.authoring.yamlwrite import dump
    from generator.content.models import PERIOD_NAMES
    from generator.fsio import write_atomic

    reports = [loaded.model for loaded in content.reports]
    previous = previous_report(reports, args.unit, args.year, args.period)
    last_vb = find_report(reports, args.unit, args.year - 1, "VB")
    organisation = content.organisation.model
    is_council = args.unit == organisation.namnd.id
    area = next((u.verksamhetsomrade for u in organisation.enheter if u.id == args.unit), None)
    area_name = next((a.namn for a in organisation.verksamhetsomraden if a.id == area), area)
    catalogue = content.catalogue(args.year)
    result = scaffold(
        catalogue, args.unit, args.period, is_council=is_council, previous=previous, last_vb=last_vb, area=area
    )
    source = f" Enhetsmålen kommer från {previous.period} {previous.ar}." if previous and result.kept else ""
    text = header(
        name, PERIOD_NAMES[args.period], args.year, None if is_council else area_name, source, target.as_posix()
    ) + with_names(with_outcome_todos(dump(result.data)), catalogue)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text)
    print(f"Skapade {target.as_posix()}.")
    if previous is not None and result.kept:
        print(f"Enhetsmålen och deras status kommer från {previous.period} {previous.ar}.")
    elif previous is not None and result.left_out:
        print(f"Inget av enhetsmålen i {previous.period} {previous.ar} kunde föras över:")
    for title in result.left_out:
        print(f'Enhetsmålet "{title}" fördes inte över: dess nämndmål finns inte i målkatalogen för {args.year}.')
    print("Skriv där det står TODO och kontrollera sedan med: vb check " + target.as_posix())
    return 0

"""`vb new`: start a unit's report from the year's catalogue and the unit's previous report."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.commands.period import add_period



def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("new", help="skapa en ny rapport för en enhet med mål, indikatorer och aktiviteter")
    parser.add_argument("--unit", required=True, metavar="ID", help="enhetens id i organisation.yml")
    parser.add_argument("--year", type=int, required=True, metavar="ÅR")
    add_period(parser, required=True)
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="MAPP")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.commands.common import load_tree, require_catalogue, say
    from generator.problems import problem, suggestion
    from generator.check.organisation import node_ids

    content = load_tree(args.content)
    if content is None or content.organisation is None:
        return 1
    organisation = content.organisation.model
    nodes = node_ids(organisation)
    target = args.content / "rapporter" / args.unit / f"{args.year}-{args.period.lower()}.yml"
    if args.unit not in nodes:
        say(problem("VB201", content.organisation.file, ref=args.unit, suggestion=suggestion(args.unit, nodes)))
        return 1
    if target.exists() or target.with_suffix(".yaml").exists():
        say(problem("VB801", str(target), org=nodes[args.unit], period=args.period, year=args.year, target=target.as_posix()))
        return 1
    if require_catalogue(content, args.year) is None:
        return 1
    return _write(args, content, target, nodes[args.unit])


def _write(args: argparse.Namespace, content, target: Path, name: str) -> int:
    """Build the skeleton, write it and tell the unit what to do next."""
    from generator.authoring.scaffold import find_report, previous_report, scaffold, with_outcome_todos
    from generator.authoring.scaffold_text import header, with_names
    from generator.authoring.yamlwrite import dump
    from generator.content.models import PERIOD_NAMES

    reports = [loaded.model for loaded in content.reports]
    previous = previous_report(reports, args.unit, args.year, args.period)
    last_vb = find_report(reports, args.unit, args.year - 1, "VB")
    organisation = content.organisation.model
    is_council = args.unit == organisation.namnd.id
    area = next((u.verksamhetsomrade for u in organisation.enheter if u.id == args.unit), None)
    area_name = next((a.namn for a in organisation.verksamhetsomraden if a.id == area), area)
    catalogue = content.catalogue(args.year)
    result = scaffold(catalogue, args.unit, args.period, is_council=is_council, previous=previous, last_vb=last_vb,
                      area=area)
    source = f" Enhetsmålen kommer från {previous.period} {previous.ar}." if previous else ""
    text = header(name, PERIOD_NAMES[args.period], args.year, None if is_council else area_name, source,
                  target.as_posix()) + with_names(with_outcome_todos(dump(result.data)), catalogue)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Skapade {target.as_posix()}.")
    if previous is not None:
        print(f"Enhetsmålen och deras status kommer från {previous.period} {previous.ar}.")
    for title in result.left_out:
        print(f'Enhetsmålet "{title}" fördes inte över: dess nämndmål finns inte i målkatalogen för {args.year}.')
    print("Skriv där det står TODO och kontrollera sedan med: vb check " + target.as_posix())
    return 0

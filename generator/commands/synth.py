"""`vb synth`: write synthetic content trees (one district or several) for benchmarks and tests."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator.commands.period import period
from generator.content.models import TERTIALS

MAX_UNITS = 5000
YEARS = range(2001, 2100)
DISTRICT_COUNT = 13


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "synth", help="skapa syntetiskt innehåll (organisation, målkataloger och rapporter) för mätningar och tester"
    )
    parser.add_argument(
        "--units", type=_units, default=150, metavar="N", help="antal enheter per stadsdel (standard 150)"
    )
    parser.add_argument("--years", type=_year, nargs="+", default=[2021], metavar="ÅR", help="ett eller flera år")
    parser.add_argument(
        "--periods",
        type=_period,
        nargs="+",
        default=[*TERTIALS, "VB"],
        metavar="PERIOD",
        help="VP, T1, T2 och/eller VB (standard T1 T2 VB)",
    )
    parser.add_argument("--seed", type=int, default=1, help="samma frö ger samma filer (standard 1)")
    parser.add_argument("--out", type=Path, required=True, metavar="MAPP", help="mappen som innehållet skrivs till")
    parser.add_argument(
        "--districts",
        type=_districts,
        default=None,
        metavar="K",
        help=f"skriv K stadsdelar (1–{DISTRICT_COUNT}), var och en i MAPP/<stadsdelens id>/",
    )
    parser.add_argument(
        "--force", action="store_true", help="skriv även i en mapp som inte är tom (filer med samma namn skrivs över)"
    )
    parser.set_defaults(run=run)


def _whole(text: str, what: str, low: int, high: int) -> int:
    """A whole number in low..high, or a Swedish usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{text}" är inget heltal; ange {what} som ett heltal, t.ex. {low}.'
        ) from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} är {value}; ange ett tal från {low} till {high}.")
    return value


def _units(text: str) -> int:
    return _whole(text, "antalet enheter", 1, MAX_UNITS)


def _year(text: str) -> int:
    return _whole(text, "året", YEARS.start, YEARS.stop - 1)


def _districts(text: str) -> int:
    return _whole(text, "antalet stadsdelar", 1, DISTRICT_COUNT)


def _period(text: str) -> str:
    return period(text)


def _refusal(out: Path, force: bool) -> str | None:
    """Why nothing may be written to `out`, or None."""
    if out.exists() and not out.is_dir():
        return f"{out} är en fil, inte en mapp.\n    Så rättar du: ange en ny eller tom mapp med --out."
    if out.is_dir() and any(out.iterdir()) and not force:
        return (
            f"mappen {out} är inte tom.\n"
            "    Så rättar du: ange en ny eller tom mapp med --out, eller lägg till --force för att skriva i mappen "
            "ändå (filer med samma namn skrivs över, andra filer ligger kvar)."
        )
    return None


def run(args: argparse.Namespace) -> int:
    from generator.synth.district import district_id, synthesize, write_tree

    refusal = _refusal(args.out, args.force)
    if refusal:
        print(f"vb synth: {refusal}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    targets = (
        [(0, args.out)]
        if args.districts is None
        else [(district, args.out / district_id(district)) for district in range(args.districts)]
    )
    written = 0
    for district, root in targets:
        files = synthesize(args.units, args.years, args.periods, args.seed, district)
        try:
            written += write_tree(files, root)
        except OSError as exc:
            print(
                f"vb synth: {exc.filename or root} kan inte skrivas: {exc.strerror or exc}.\n"
                "    Så rättar du: kontrollera att mappen går att skriva i och att disken inte är full.",
                file=sys.stderr,
            )
            return 1
    seconds = time.perf_counter() - start
    districts = "1 stadsdel" if len(targets) == 1 else f"{len(targets)} stadsdelar"
    print(
        f"Skrev {written} filer i {args.out.as_posix()}: {districts} med {args.units} enheter var på {seconds:.1f} s."
    )
    return 0

"""The one rule for a period on the command line: VP, T1, T2 or VB, in any letter case."""

from __future__ import annotations

import argparse
from typing import Any

from generator.content.models import PERIODS


def period(text: str) -> str:
    """'vb', 'Vb' and 'VB' are the same period; anything else is a Swedish usage error."""
    value = text.strip().upper()
    if value not in PERIODS:
        raise argparse.ArgumentTypeError(
            f'"{text}" är ingen period; använd VP, T1, T2 eller VB (små bokstäver går också bra).'
        )
    return value


def add_period(parser: argparse.ArgumentParser, name: str = "--period", **extra: Any) -> None:
    """Add a period option that every command reads the same way."""
    parser.add_argument(name, type=period, metavar="PERIOD", help="VP, T1, T2 eller VB", **extra)

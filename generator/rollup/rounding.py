"""One rounding rule for every rolled-up figure, so the site, the CSV and the JSON show the same number.

A computed figure gets as many decimals as the figures it was computed from
(a mean at least one), rounded half away from zero as people round by hand:
9.85 becomes 9.9 on the site and in the CSV alike (binary floating point would
give 9.8).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def decimals(value: float | int) -> int:
    """How many decimals a figure was written with (2784.9 -> 1, 60225 -> 0)."""
    if isinstance(value, int):
        return 0
    text = repr(float(value))
    if "e" in text or "E" in text or "." not in text:
        return 0
    return len(text.split(".")[1])


def round_half_up(value: float | int, places: int) -> float | int:
    """`value` to `places` decimals, halves away from zero, read off the figure as written (repr)."""
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return int(rounded) if places == 0 else float(rounded)


def round_like(value: float | int | None, inputs: list[float | int], mean: bool) -> float | int | None:
    """A computed figure with as many decimals as its inputs have (a mean at least one)."""
    if value is None:
        return None
    places = max([decimals(v) for v in inputs] + [1 if mean else 0])
    return round_half_up(value, places)

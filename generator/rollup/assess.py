"""How an indicator value is judged against its target: one documented rule for the site, exports and checks.

The value judged is the outcome in a VB and the full-year forecast in a tertial
report (the outcome if no forecast is given). With a numeric target:
- uppfyllt: the value reaches the target (≥ when higher is better, ≤ when lower is better);
- delvis: it misses by at most 5 % of the target;
- ej uppfyllt: it misses by more.
Without a numeric target or value there is no verdict ("ingen bedömning").
"""

from __future__ import annotations

from typing import Literal

from generator.content.models import TERTIALS

Verdict = Literal["uppfyllt", "delvis", "ej uppfyllt", "ingen bedömning"]
PARTLY_MARGIN = 0.05


def judged_value(period: str, outcome: float | None, forecast: float | None) -> float | None:
    """The outcome in a VB; the forecast in a tertial report when there is one."""
    if period in TERTIALS and forecast is not None:
        return forecast
    return outcome


def verdict(value: float | None, target: object, direction: str) -> Verdict:
    """Uppfyllt, delvis or ej uppfyllt by the rule above."""
    if value is None or not isinstance(target, (int, float)) or isinstance(target, bool):
        return "ingen bedömning"
    shortfall = (target - value) if direction == "högre" else (value - target)
    if shortfall <= 0:
        return "uppfyllt"
    if shortfall <= abs(target) * PARTLY_MARGIN:
        return "delvis"
    return "ej uppfyllt"

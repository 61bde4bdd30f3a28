"""Economy arithmetic written once: rounding, resultatenhet transfers and their rules, unit conversion."""

from __future__ import annotations

import math

TRANSFER_LIMIT = 0.05  # one year's surplus at most 5 % of the gross budget
FUND_LIMIT = 0.10  # the accumulated fund at most 10 % of the gross budget
ROUNDING = {"tkr": 1.0, "mnkr": 0.1}


def half_up(value: float) -> int:
    """Round to a whole number the way the reports do (2 300,5 -> 2 301)."""
    return math.floor(value + 0.5)


def five_percent(gross: float) -> int:
    """The printed "5 % av bruttobudgeten" column."""
    return half_up(gross * TRANSFER_LIMIT)


def transfer_to_next(from_last_year: float, result: float) -> float:
    """Transfer to next year = −(transfer from last year) − this year's result (surplus is written negative)."""
    return -from_last_year - result


def over_transfer_limit(gross: float, result: float) -> bool:
    """This year's surplus (a negative result) is more than 5 % of the gross budget."""
    return -result > gross * TRANSFER_LIMIT


def over_fund_limit(gross: float, fund: float) -> bool:
    """The accumulated fund carried to next year is more than 10 % of the gross budget."""
    return fund > gross * FUND_LIMIT


def largest_surplus(gross: float, fund: float) -> float:
    """The largest surplus this year that keeps within both rules, given the fund carried in (negative: none)."""
    return min(gross * TRANSFER_LIMIT, gross * FUND_LIMIT - fund)


def to_mnkr(tkr: float) -> float:
    """Thousands of kronor to millions, one decimal as in the council's tables."""
    return round(tkr / 1000, 1)

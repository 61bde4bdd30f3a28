"""Small value rules shared by catalogue and report checks: years, dates, percentages."""

from __future__ import annotations

from datetime import date

from generator.problems import Location, Problem, problem

PLAUSIBLE_YEARS = range(2000, 2101)
DATE_SLACK_YEARS = 5


def check_year(year: int, file: str, path: Location) -> list[Problem]:
    """A report or catalogue year must be a plausible four-digit year."""
    return [] if year in PLAUSIBLE_YEARS else [problem("VB304", file, path, value=year)]


def check_date_range(start: date, end: date, file: str, path: Location, year: int) -> list[Problem]:
    """Start on or before end, and both within a few years of the report year."""
    found = []
    if start > end:
        found.append(problem("VB301", file, (*path, "start"), start=start.isoformat(), end=end.isoformat()))
    for key, value in (("start", start), ("slut", end)):
        found += check_plausible_date(value, file, (*path, key), year)
    return found


def check_plausible_date(value: date, file: str, path: Location, year: int) -> list[Problem]:
    """A date far from the report year is probably a typo in the year."""
    if abs(value.year - year) > DATE_SLACK_YEARS:
        return [problem("VB302", file, path, value=value.isoformat(), year=year)]
    return []


def check_percent(value: float | None, file: str, path: Location, label: str) -> list[Problem]:
    """A share in per cent lies between 0 and 100."""
    if value is not None and not 0 <= value <= 100:
        return [problem("VB303", file, path, field=label, value=value)]
    return []

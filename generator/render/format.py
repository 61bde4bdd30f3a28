"""Swedish formatting of figures, dates and assessments, as the published reports write them.

Content stores numbers as numbers (`2784.9`, `-3204`); the site shows them the
Swedish way: decimal comma, a no-break space (U+00A0) between thousands and
before `%` or a unit, and a true minus sign (U+2212). A number keeps the
decimals it was written with, so `0.0` in a mnkr table reads `0,0`. Status is
always text with a symbol, never colour alone.
"""

from __future__ import annotations

from datetime import date
from decimal import localcontext
from functools import lru_cache

from babel.numbers import format_decimal

from generator.content.models import PERIOD_NAMES

LOCALE = "sv_SE"
NBSP = "\u00a0"  # thousands separator and the space before % and units, everywhere
MINUS = "\u2212"

STATUS_SYMBOLS: dict[str, str] = {
    "Uppfylls helt": "●",
    "Uppfylls delvis": "◐",
    "Uppfylls ej": "○",
    "Ingen": "–",
}
STATUS_TEXTS: dict[str, str] = {"Ingen": "Ingen bedömning"}
ACTIVITY_SYMBOLS: dict[str, str] = {
    "klar": "✓",
    "pågående": "▶",
    "ej påbörjad": "○",
    "avbruten": "✕",
}
TERTIAL_NAMES: dict[str, str] = {"T1": "Tertial 1", "T2": "Tertial 2"}


def decimals_of(value: float) -> int:
    """How many decimals a number was written with (2784.9 -> 1, 0.0 -> 1, 60225 -> 0)."""
    if isinstance(value, int):
        return 0
    text = repr(float(value))
    if "e" in text or "E" in text or "." not in text:
        return 0
    return len(text.split(".")[1])


@lru_cache(maxsize=65536, typed=True)  # a site shows the same figures many times; babel's formatting is slow
def number(value: float | int | None) -> str:
    """2784.9 -> "2 784,9", -3204 -> "−3 204", None -> ""."""
    if value is None:
        return ""
    places = decimals_of(value)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    with localcontext() as context:  # every digit of a number as large as content may hold (a float reaches 1e308)
        context.prec = max(context.prec, len(str(int(abs(value)))) + places + 2)
        text = format_decimal(abs(value), format=pattern, locale=LOCALE).replace("\u202f", NBSP)
    negative = value < 0 and text.strip("0,") != ""
    return (MINUS if negative else "") + text


def amount(value: float | int | None, unit: str) -> str:
    """60225, "tkr" -> "60 225 tkr"; 2784.9, "mnkr" -> "2 784,9 mnkr"."""
    return with_unit(value, unit)


def with_unit(value: float | int | None, unit: str | None) -> str:
    """A figure with its unit after a no-break space: "0 st", "100 %"; a bare figure without a unit."""
    if value is None:
        return ""
    shown = number(value)
    return f"{shown}{NBSP}{unit}" if unit else shown


def target(value: float | int | str | None, unit: str | None) -> str:
    """A target: a number with its unit, or a text such as "Tas fram av nämnd" as written."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return with_unit(value, unit)


def iso_date(value: date | None) -> str:
    """Dates read 2021-05-27, as in the reports."""
    return value.isoformat() if value else ""


def status(value: str | None) -> str:
    """ "● Uppfylls helt", "◐ Uppfylls delvis", "○ Uppfylls ej", "– Ingen bedömning"; "" when not stated."""
    if not value:
        return ""
    return f"{STATUS_SYMBOLS.get(value, '–')} {STATUS_TEXTS.get(value, value)}"


VERDICT_SYMBOLS: dict[str, str] = {"uppfyllt": "●", "delvis": "◐", "ej uppfyllt": "○", "ingen bedömning": "–"}


def verdict(value: str | None) -> str:
    """An indicator's verdict with its symbol: "● uppfyllt", "◐ delvis", "○ ej uppfyllt", "– ingen bedömning"."""
    if not value:
        return ""
    return f"{VERDICT_SYMBOLS.get(value, '–')} {value}"


def activity_state(value: str | None) -> str:
    """ "✓ klar", "▶ pågående", "○ ej påbörjad", "✕ avbruten"; "" when not stated."""
    if not value:
        return ""
    return f"{ACTIVITY_SYMBOLS.get(value, '–')} {value}"


def period_label(period: str, year: int) -> str:
    """The short name of a report period: "VB 2020", "T1 2021"."""
    return f"{period} {year}"


def report_name(period: str, year: int) -> str:
    """The report's own name: "Verksamhetsberättelse 2020", "Tertialrapport 1 för 2021"."""
    name = PERIOD_NAMES.get(period, period)
    return f"{name} för {year}" if period in TERTIAL_NAMES else f"{name} {year}"


def indicator_period(period: str, year: int, yearly: bool) -> str:
    """The Period column of an indicator: "VB 2020", "Tertial 1 2021", or "2021" for yearly measures."""
    if yearly or period == "VP":
        return str(year)
    if period in TERTIAL_NAMES:
        return f"{TERTIAL_NAMES[period]} {year}"
    return f"{period} {year}"

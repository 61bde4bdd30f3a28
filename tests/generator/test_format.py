"""Swedish formatting: decimal comma, no-break spaces, true minus, units, dates and statuses."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from generator.render import format as fmt

NBSP = "\u00a0"
MINUS = "\u2212"


def test_thousands_are_separated_by_a_no_break_space_and_decimals_by_a_comma():
    assert fmt.number(2784.9) == f"2{NBSP}784,9"
    assert fmt.number(60225) == f"60{NBSP}225"
    assert fmt.number(1234567.125) == f"1{NBSP}234{NBSP}567,125"
    assert fmt.number(999) == "999"
    assert fmt.number(1000) == f"1{NBSP}000"


def test_negative_numbers_use_the_minus_sign():
    assert fmt.number(-3204) == f"{MINUS}3{NBSP}204"
    assert fmt.number(-57.7) == f"{MINUS}57,7"
    assert fmt.number(-0.0) == "0,0"  # no minus on zero


def test_a_number_keeps_the_decimals_it_was_written_with():
    assert fmt.number(0.0) == "0,0"
    assert fmt.number(2.0) == "2,0"
    assert fmt.number(51.85) == "51,85"
    assert fmt.number(0) == "0"
    assert fmt.number(None) == ""


def test_percent_has_a_space_before_the_sign():
    assert fmt.with_unit(8.6, "%") == f"8,6{NBSP}%"
    assert fmt.with_unit(100, "%") == f"100{NBSP}%"


def test_amounts_carry_their_unit():
    assert fmt.amount(60225, "tkr") == f"60{NBSP}225{NBSP}tkr"
    assert fmt.amount(2784.9, "mnkr") == f"2{NBSP}784,9{NBSP}mnkr"
    assert fmt.amount(-2.4, "mnkr") == f"{MINUS}2,4{NBSP}mnkr"


def test_indicator_values_with_and_without_unit():
    assert fmt.with_unit(0, "st") == f"0{NBSP}st"
    assert fmt.with_unit(9000, "st") == f"9{NBSP}000{NBSP}st"
    assert fmt.with_unit(1.53, "kg CO2 per kg livsmedel") == f"1,53{NBSP}kg CO2 per kg livsmedel"
    assert fmt.with_unit(4.5, None) == "4,5"
    assert fmt.with_unit(None, "%") == ""


def test_targets_are_numbers_with_unit_or_text_as_written():
    assert fmt.target(7.5, "%") == f"7,5{NBSP}%"
    assert fmt.target("Tas fram av nämnd", "%") == "Tas fram av nämnd"
    assert fmt.target(None, "%") == ""


def test_dates_read_year_month_day():
    assert fmt.iso_date(date(2021, 5, 27)) == "2021-05-27"
    assert fmt.iso_date(None) == ""


def test_status_is_text_with_a_symbol():
    assert fmt.status("Uppfylls helt") == "● Uppfylls helt"
    assert fmt.status("Uppfylls delvis") == "◐ Uppfylls delvis"
    assert fmt.status("Uppfylls ej") == "○ Uppfylls ej"
    assert fmt.status("Ingen") == "– Ingen bedömning"
    assert fmt.status(None) == ""


def test_activity_state_is_text_with_a_symbol():
    assert fmt.activity_state("klar") == "✓ klar"
    assert fmt.activity_state("pågående") == "▶ pågående"
    assert fmt.activity_state("ej påbörjad") == "○ ej påbörjad"
    assert fmt.activity_state(None) == ""


def test_report_and_period_names():
    assert fmt.report_name("T1", 2021) == "Tertialrapport 1 för 2021"
    assert fmt.report_name("VB", 2020) == "Verksamhetsberättelse 2020"
    assert fmt.period_label("T1", 2021) == "T1 2021"
    assert fmt.indicator_period("T1", 2021, yearly=False) == "Tertial 1 2021"
    assert fmt.indicator_period("VB", 2020, yearly=False) == "VB 2020"
    assert fmt.indicator_period("T2", 2021, yearly=True) == "2021"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_every_integer_reads_back_and_uses_only_no_break_spaces(value):
    shown = fmt.number(value)
    assert " " not in shown and "\u202f" not in shown and "-" not in shown
    assert int(shown.replace(NBSP, "").replace(MINUS, "-")) == value


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_decimal_numbers_read_back(value):
    number = float(value)
    shown = fmt.number(number)
    assert float(shown.replace(NBSP, "").replace(MINUS, "-").replace(",", ".")) == number


def test_numbers_beyond_28_digits_are_written_out():
    """Decimal's default precision (28 digits) once made these raise instead of printing."""
    assert fmt.number(10**30) == "1" + (NBSP + "000") * 10
    assert fmt.number(-(10**30)) == MINUS + "1" + (NBSP + "000") * 10
    assert fmt.number(1e300).replace(NBSP, "") == "1" + "0" * 300

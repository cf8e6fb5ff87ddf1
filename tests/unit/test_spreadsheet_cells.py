"""A workbook's cells become the text the import's parsers take, exactly, as a CSV held it."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booth_pos.barcodes import is_valid_gtin
from booth_pos.money import MoneyError, parse_percent, parse_rupiah
from booth_pos.services.spreadsheets import cell_text


def test_a_barcode_excel_stored_as_a_number_comes_back_as_its_13_digits():
    """8991234567895 typed into a General cell (shown 8.99123E+12) is not rounded."""
    assert cell_text(8991234567895.0, "General") == "8991234567895"
    assert cell_text(8991234567895.0, "0.00E+00") == "8991234567895"
    assert cell_text(8991234567895, "General") == "8991234567895"


@given(st.integers(min_value=10**12, max_value=10**14 - 1))
def test_every_13_or_14_digit_number_survives_excel_s_double(code):
    """Any code Excel can hold as a number (below 2**53) is read back digit for digit."""
    assert cell_text(float(code)) == str(code)


def test_a_upc_kept_with_its_leading_zero_by_a_zeros_format_keeps_it():
    """A cell formatted 000000000000 shows (and so means) the leading zero."""
    assert cell_text(12345678905, "000000000000") == "012345678905"
    assert is_valid_gtin(cell_text(36000291452.0, "000000000000"))


@pytest.mark.parametrize(
    ("value", "number_format", "bp"),
    [
        (0.125, "0.0%", 1250),
        (0.15, "0%", 1500),
        (0.1, "0%", 1000),
        (0.0025, "0.00%", 25),
        (1, "0%", 10000),
        (0.145, '0.0"%"', None),  # a quoted % is decoration, not a percent cell
    ],
)
def test_a_percent_cell_means_the_percentage_it_shows(value, number_format, bp):
    """0.125 formatted as a percentage is the 12,5 % the coordinator sees."""
    text = cell_text(value, number_format)
    if bp is None:
        assert text == "0.145"
    else:
        assert parse_percent(text) == bp


@given(st.integers(min_value=0, max_value=10_000))
def test_every_commission_in_a_percent_cell_reads_back_exactly(bp):
    """Any rate with two decimals, stored by a spreadsheet as a double fraction, is exact."""
    stored = float(Decimal(bp) / 10_000)
    assert parse_percent(cell_text(stored, "0.00%")) == bp


@given(st.integers(min_value=1, max_value=10**11))
def test_a_price_stored_as_a_whole_number_is_that_many_rupiah(price):
    """A price cell holding 150000 or 150000.0 is Rp 150.000."""
    assert parse_rupiah(cell_text(price)) == price
    assert parse_rupiah(cell_text(float(price))) == price


def test_a_price_with_cents_is_refused_by_name_not_rounded():
    """150000.5 stays visible to the money parser, which refuses it (no cents in rupiah)."""
    assert cell_text(150000.5) == "150000.5"
    with pytest.raises(MoneyError, match="no cents"):
        parse_rupiah(cell_text(150000.5))


def test_a_number_too_big_to_be_exact_is_not_passed_off_as_digits():
    """Above 2**53 a double is not the integer typed: it stays a float's text, refused."""
    assert cell_text(1e16) == "1e+16"
    with pytest.raises(MoneyError):
        parse_rupiah(cell_text(1e16))


def test_empty_text_dates_and_booleans_are_plain_text():
    """An empty cell is empty; a date is ISO; text is untouched."""
    assert cell_text(None) == ""
    assert cell_text("Rp 150.000") == "Rp 150.000"
    assert cell_text(datetime(2023, 3, 1)) == "2023-03-01"
    assert cell_text(datetime(2023, 3, 1, 10, 30)) == "2023-03-01T10:30:00"
    assert cell_text(date(2023, 3, 1)) == "2023-03-01"
    assert cell_text(True) == "TRUE"

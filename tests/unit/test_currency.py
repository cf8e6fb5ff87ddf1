"""Prices in a buyer's currency (money.py): a strict rate parser, exact half-up rounding."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booth_pos.money import (
    RateError,
    format_foreign,
    format_rate,
    parse_currency,
    parse_rate,
    to_minor_units,
)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("17250", Fraction(17250)),
        ("11.85", Fraction(1185, 100)),
        ("11,85", Fraction(1185, 100)),
        (" 190 ", Fraction(190)),
        ("0.5", Fraction(1, 2)),
        ("9.1234", Fraction(91234, 10000)),
    ],
)
def test_rates_as_staff_type_them(text, rate):
    """Whole rupiah and a decimal mark with a few decimals are read exactly."""
    assert parse_rate(text) == rate


@pytest.mark.parametrize(
    "text", ["", "abc", "17.250", "17,250", "1.234,5", "-17250", "0", "0,00", "1e4", "17250 EUR"]
)
def test_doubtful_rates_are_refused(text):
    """Grouping (17.250 could be 17250 or 17.25), signs, zero and words are refused."""
    with pytest.raises(RateError) as info:
        parse_rate(text)
    assert info.value.en and info.value.id and info.value.en != info.value.id


def test_rounding_is_half_up_to_the_minor_unit():
    """Rp 25.001 at Rp 2 per won is 12.500,5 won: shown as ₩12.501 (Babel would give 12.500)."""
    assert to_minor_units(25_001, Fraction(2), "KRW") == 12_501
    assert to_minor_units(25_003, Fraction(2), "KRW") == 12_502
    assert to_minor_units(850_000, Fraction(17250), "EUR") == 4928  # 49.275... -> €49.28
    assert to_minor_units(17_250, Fraction(17250), "EUR") == 100


@given(st.integers(min_value=0, max_value=10**12), st.integers(1, 10**6), st.integers(0, 4))
def test_conversion_is_within_half_a_minor_unit(rupiah, numerator, decimals):
    """For every amount and rate, the shown amount is the exact value rounded to a cent."""
    rate = Fraction(numerator, 10**decimals)
    cents = to_minor_units(rupiah, rate, "EUR")
    exact = Fraction(rupiah * 100) / rate
    assert abs(cents - exact) <= Fraction(1, 2)
    assert cents - exact != Fraction(-1, 2)  # a half always goes up


def test_money_must_be_int_rupiah():
    """A float never gets in: converting one is a programming error."""
    with pytest.raises(TypeError):
        to_minor_units(1.5, Fraction(1), "EUR")


def test_foreign_amounts_are_formatted_for_the_reader():
    """Babel formats what we rounded: the euro sign, or the ISO code for a font without it."""
    assert format_foreign(4928, "EUR", "en") == "€49.28"
    assert format_foreign(4928, "EUR", "id") == "€49,28"
    assert format_foreign(12_501, "KRW", "en") == "₩12,501"
    assert format_foreign(4928, "EUR", "en", symbol=False) == "EUR 49.28"
    assert format_rate(Fraction(17250), "id") == "17.250"
    assert format_rate(Fraction(1185, 100), "en") == "11.85"


def test_currency_codes_are_checked():
    """A code must be a real foreign currency: rupiah and typos are refused."""
    assert parse_currency(" eur ") == "EUR"
    for bad in ("IDR", "EURO", "XYZ", ""):
        with pytest.raises(RateError):
            parse_currency(bad)


def test_a_refused_rate_speaks_both_languages():
    """The window and the command line show a bad rate as they show any known error."""
    from booth_pos.model import KnownError

    with pytest.raises(KnownError) as info:
        parse_rate("17.250")
    assert "17250" in info.value.text("en") and "17250" in info.value.text("id")

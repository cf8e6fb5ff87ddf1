"""The rates of the day and the reference totals made from them: exact, half up, strict."""

from __future__ import annotations

from fractions import Fraction

import pytest
from babel.numbers import get_currency_precision
from hypothesis import given
from hypothesis import strategies as st

from booth_pos.model import SaleReference, Settings
from booth_pos.model.customers import currency_for, lang_for, reference_for, stand_rates
from booth_pos.money import (
    RateError,
    exchange_rates_text,
    parse_exchange_rates,
    parse_rate,
    rate_text,
    reference_amount,
    to_minor_units,
)

CURRENCIES = ["EUR", "USD", "KRW", "INR", "JPY", "AUD", "SGD", "CNY", "GBP", "BHD"]

@st.composite
def rates(draw) -> Fraction:
    """Rates as ``parse_rate`` takes them: up to 9 digits, 0, 1, 2, 4, 5 or 6 decimals."""
    digits = draw(st.sampled_from([0, 1, 2, 4, 5, 6]))
    whole = draw(st.integers(0, 999_999_999))
    frac = draw(st.integers(0, 10**digits - 1))
    rate = Fraction(whole * 10**digits + frac, 10**digits)
    return rate if rate > 0 else Fraction(1)


def half_up(value: Fraction) -> int:
    """The test's own rounding: the nearest integer, halves away from zero (values >= 0)."""
    whole, rest = divmod(value.numerator, value.denominator)
    return whole + (1 if 2 * rest >= value.denominator else 0)


def test_the_rates_as_written_by_the_coordinator():
    """The issue's own example: comma or point as the decimal mark, order kept."""
    parsed = parse_exchange_rates("EUR=17250; USD=15300; KRW=11,85; INR=190")
    assert parsed == {
        "EUR": Fraction(17250),
        "USD": Fraction(15300),
        "KRW": Fraction(1185, 100),
        "INR": Fraction(190),
    }
    assert list(parsed) == ["EUR", "USD", "KRW", "INR"]
    assert exchange_rates_text(parsed) == "EUR=17250; USD=15300; KRW=11.85; INR=190"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("EUR=17.250", "EUR=17.250"),  # 17250 or 17.25? refused, never guessed
        ("EUR 17250", "EUR 17250"),
        ("EUR=17250; XYZ=3", "XYZ=3"),
        ("IDR=1", "IDR=1"),  # rupiah per rupiah is not a reference
        ("EUR=0", "EUR=0"),
        ("EUR=-5", "EUR=-5"),
        ("EUR=1e4", "EUR=1e4"),
        ("EUR=17250; KRW=١٢", "KRW=١٢"),  # Arabic-Indic digits
        ("EUR=17250; EUR=17300", "EUR"),
        ("KRW=" + "9" * 5000, "KRW="),  # int()'s 4300-digit limit never reached
        ("EUR=17,250.5", "EUR=17,250.5"),
    ],
)
def test_a_bad_pair_is_refused_naming_it_in_both_languages(text, named):
    """Nothing is half-read: the whole text is refused and the message names the pair."""
    with pytest.raises(RateError) as refused:
        parse_exchange_rates(text)
    assert named[:20] in refused.value.en and named[:20] in refused.value.id
    assert refused.value.en.startswith("Rates:") and refused.value.id.startswith("Kurs:")
    assert len(refused.value.en) < 300


@given(st.dictionaries(st.sampled_from(CURRENCIES), rates(), min_size=1, max_size=6))
def test_stored_rates_read_back_exactly(parsed):
    """What ``rates`` stores parses back to the very same fractions (no float, no drift)."""
    assert parse_exchange_rates(exchange_rates_text(parsed)) == parsed
    for rate in parsed.values():
        assert parse_rate(rate_text(rate)) == rate


@given(rates(), st.sampled_from(["", ";", " ; ", "\n"]), st.booleans())
def test_either_decimal_mark_and_any_spacing_give_the_same_rate(rate, sep, comma):
    """``11,85`` and ``11.85`` are the same rate; blank pairs are ignored."""
    text = rate_text(rate).replace(".", ",") if comma else rate_text(rate)
    assert parse_exchange_rates(f"{sep}KRW = {text}{sep}") == {"KRW": rate}


@given(st.integers(0, 10**12), rates(), st.sampled_from(CURRENCIES))
def test_a_reference_amount_is_the_exact_quotient_rounded_half_up(rupiah, rate, currency):
    """rupiah / rate in minor units, half up, against the test's own exact arithmetic."""
    digits = get_currency_precision(currency)
    expected = half_up(Fraction(rupiah * 10**digits) / rate)
    assert to_minor_units(rupiah, rate, currency) == expected
    assert reference_amount(rupiah, rate_text(rate), currency) == expected


@pytest.mark.parametrize(
    ("rupiah", "rate", "currency", "minor"),
    [
        (17_250, "17250", "EUR", 100),  # exactly 1 euro
        (8_625, "17250", "EUR", 50),  # 0.5 cent? no: exactly 50 cents
        (8_712, "17250", "EUR", 51),  # 0.50504... -> 0.51
        (86, "17250", "EUR", 0),  # 0.4985 cent -> 0.00
        (87, "17250", "EUR", 1),  # 0.5043 cent -> 0.01
        (1_725, "34500", "EUR", 5),  # 0.05 exactly
        (150, "300", "KRW", 1),  # 0.5 won: half up to 1
        (149, "298", "KRW", 1),  # 0.5 won again
        (148, "298", "KRW", 0),  # 0.4966 won
        (150_000, "11,85", "KRW", 12_658),  # 12657.38
        (5_925, "11,85", "KRW", 500),  # exactly 500 won
        (5_931, "11,85", "KRW", 501),  # 500.506 -> 501
        (95, "190", "INR", 50),  # 0.50 rupee
        (1, "30000", "USD", 0),  # 0.0033 cent
        (150, "30000", "USD", 1),  # 0.005 dollar: half up to a cent
    ],
)
def test_half_up_at_the_boundary_in_each_currencys_minor_unit(rupiah, rate, currency, minor):
    """KRW has no cents, EUR and USD do; an exact half goes up, never to the even."""
    assert reference_amount(rupiah, rate, currency) == minor


def test_no_float_enters_or_leaves():
    """A float rupiah amount is refused outright."""
    with pytest.raises(TypeError):
        to_minor_units(150_000.0, Fraction(17250), "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("origin", "currency", "lang"),
    [("KR", "KRW", "ko"), ("FR", "EUR", "fr"), ("IN", "INR", "en"), ("OTHER", "USD", "en"),
     ("JP", "USD", "en"), ("ID", "", "id"), ("", None, None)],
)  # fmt: skip
def test_each_origin_gets_its_currency_and_language(origin, currency, lang):
    """Korea: won and Korean; France: euro and French; India: rupee and English; other
    foreigners: dollars and English; Indonesians: rupiah only; no origin: the stand's."""
    assert (currency_for(origin), lang_for(origin)) == (currency, lang)


def test_the_reference_follows_the_origin_and_falls_back_to_the_main_rate():
    """The origin's currency when rated; none for Indonesians or an unrated currency; the
    first rate when the cashier chose no origin."""
    s = Settings(rates="EUR=17250; KRW=11,85; USD=15300")
    assert reference_for(s, "KR", 150_000) == SaleReference("KRW", "11.85", 12_658)
    assert reference_for(s, "FR", 360_000) == SaleReference("EUR", "17250", 2_087)
    assert reference_for(s, "OTHER", 153_000) == SaleReference("USD", "15300", 1_000)
    assert reference_for(s, "", 360_000) == SaleReference("EUR", "17250", 2_087)
    assert not reference_for(s, "ID", 360_000)
    assert not reference_for(s, "IN", 360_000)  # no INR rate today


def test_the_old_single_reference_currency_is_read_until_rates_are_saved():
    """A file an older version wrote keeps its EUR reference; ``rates`` wins once set."""
    old = Settings(ref_currency="EUR", ref_rate="17250")
    assert stand_rates(old) == {"EUR": Fraction(17250)}
    assert stand_rates(Settings(ref_currency="EUR", ref_rate="17250", rates="KRW=11.85")) == {
        "KRW": Fraction(1185, 100)
    }

"""Who is buying: the reference currency and the receipt language a customer's origin gets.

The stand's origins are short codes (``ID``, ``KR``, ``FR``, ``IN``, ``OTHER``; Settings).
A Korean customer is shown won and gets a Korean receipt, a French one euros and French; any
other foreigner US dollars and English; an Indonesian customer rupiah only, in Indonesian.
"""

from __future__ import annotations

from fractions import Fraction

from booth_pos.model.sale import SaleReference
from booth_pos.money import (
    parse_currency,
    parse_exchange_rates,
    parse_rate,
    rate_text,
    to_minor_units,
)

#: Languages a customer's receipt can be printed in (the window itself stays id/en).
RECEIPT_LANGS = ("id", "en", "ko", "fr")

HOME = "ID"
_CURRENCY = {"KR": "KRW", "FR": "EUR", "IN": "INR"}
_LANG = {"ID": "id", "KR": "ko", "FR": "fr"}
FOREIGN_CURRENCY = "USD"


def currency_for(origin: str) -> str | None:
    """The reference currency an origin gets by default; None for Indonesians and for no
    origin recorded (the caller then uses the stand's main rate)."""
    code = (origin or "").strip().upper()
    if not code:
        return None
    if code == HOME:
        return ""
    return _CURRENCY.get(code, FOREIGN_CURRENCY)


def lang_for(origin: str) -> str | None:
    """The receipt language an origin gets by default; None when no origin is recorded."""
    code = (origin or "").strip().upper()
    if not code:
        return None
    return _LANG.get(code, "en")


def stand_rates(settings) -> dict[str, Fraction]:
    """The stand's rates of the day: ``settings.rates``, or the single ``ref_currency`` and
    ``ref_rate`` of a file an older version wrote (read while it is being replaced).

    Raises:
        RateError: the saved text cannot be read (the Settings page never saves such text).
    """
    if settings.rates.strip():
        return parse_exchange_rates(settings.rates)
    if settings.ref_currency.strip() and settings.ref_rate.strip():
        return {parse_currency(settings.ref_currency): parse_rate(settings.ref_rate)}
    return {}


def reference_for(settings, origin: str, total: int) -> SaleReference:
    """The reference total a customer of ``origin`` is shown for ``total`` rupiah today.

    The origin's currency when the stand has a rate for it; no origin recorded: the stand's
    main (first) rate, as before customers had currencies; an Indonesian customer, or a
    currency without a rate today: none (``SaleReference()``).

    Raises:
        RateError: the saved rates cannot be read.
    """
    rates = stand_rates(settings)
    currency = currency_for(origin)
    if currency is None:
        currency = next(iter(rates), "")
    if not currency or currency not in rates:
        return SaleReference()
    rate = rates[currency]
    return SaleReference(currency, rate_text(rate), to_minor_units(total, rate, currency))

"""Reference prices in a buyer's currency, computed exactly.

A rate is rupiah per one unit of the foreign currency, typed by staff (``17250`` for EUR,
``11.85`` for KRW). It is parsed strictly into a ``Fraction`` and every conversion is integer
arithmetic rounded half up to the currency's minor unit; Babel only formats the result.
Rupiah themselves are always formatted by ``booth_pos.money.format_rupiah``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from babel.numbers import format_currency, get_currency_precision, is_currency

from booth_pos.model import KnownError
from booth_pos.money import div_half_up, format_number

_RATE = re.compile(r"(\d+)(?:[.,](\d+))?")


class RateError(KnownError):
    """A currency code or exchange rate that cannot be used; the message is for a person."""


def parse_currency(code: str) -> str:
    """Return the ISO 4217 code in upper case, or raise ``RateError``."""
    text = (code or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", text) or not is_currency(text) or text == "IDR":
        raise RateError(
            en=f"Not a foreign currency code: {code!r} (use e.g. EUR, USD, KRW, INR)",
            id=f"Bukan kode mata uang asing: {code!r} (contoh EUR, USD, KRW, INR)",
        )
    return text


def parse_rate(text: str) -> Fraction:
    """Parse rupiah per unit of foreign currency, strictly.

    Accepts whole numbers (``17250``) and a decimal mark with 1, 2 or 4+ decimals (``11.85``,
    ``11,85``). Refuses grouping separators and exactly three decimals (``17.250`` could mean
    17250 or 17.25), signs, exponents, zero and anything else.

    Args:
        text: the rate as typed.

    Returns:
        The rate as an exact fraction of rupiah per unit.
    """
    s = (text or "").strip()
    m = _RATE.fullmatch(s)
    if not m:
        raise RateError(
            en=f"Not an exchange rate: {text!r} (rupiah per unit, e.g. 17250 or 11.85)",
            id=f"Bukan kurs: {text!r} (rupiah per satuan, contoh 17250 atau 11,85)",
        )
    whole, frac = m.group(1), m.group(2) or ""
    if len(frac) == 3:
        raise RateError(
            en=f"Ambiguous rate {text!r}: write it without a thousands separator (e.g. 17250)",
            id=f"Kurs {text!r} ambigu: tulis tanpa pemisah ribuan (contoh 17250)",
        )
    rate = Fraction(int(whole + frac), 10 ** len(frac))
    if rate <= 0:
        raise RateError(
            en="The exchange rate must be more than zero", id="Kurs harus lebih dari nol"
        )
    return rate


def to_minor_units(rupiah: int, rate: Fraction, currency: str) -> int:
    """``rupiah`` in the foreign currency's minor units (cents), rounded half up.

    Args:
        rupiah: whole rupiah.
        rate: rupiah per unit of ``currency``.
        currency: ISO code; its number of decimals comes from CLDR (KRW 0, EUR 2).
    """
    if not isinstance(rupiah, int) or isinstance(rupiah, bool):
        raise TypeError("money must be int rupiah")
    digits = get_currency_precision(currency)
    return div_half_up(rupiah * 10**digits * rate.denominator, rate.numerator)


def format_foreign(minor: int, currency: str, lang: str = "en", *, symbol: bool = True) -> str:
    """Format minor units of ``currency`` for a reader: ``€33.62`` or ``EUR 33.62``.

    Args:
        minor: amount in the currency's minor units (already rounded by us).
        currency: ISO code.
        lang: ``id`` or ``en``.
        symbol: use the currency sign; ``False`` prints the ISO code (for a font without it).
    """
    digits = get_currency_precision(currency)
    amount = Decimal(minor).scaleb(-digits)  # exact: Babel has nothing left to round
    locale = "id_ID" if lang == "id" else "en"
    if symbol:
        return format_currency(amount, currency, locale=locale)
    pattern = "¤¤ #,##0" + ("." + "0" * digits if digits else "")
    return format_currency(amount, currency, locale=locale, format=pattern, currency_digits=False)


def format_rate(rate: Fraction, lang: str = "id") -> str:
    """A rate as people read it: ``17.250`` (id) or ``11,85`` (id) / ``11.85`` (en)."""
    whole, rest = divmod(rate.numerator, rate.denominator)
    text = format_number(whole, lang)
    if rest:
        # Show up to four decimals (rates are typed with few); exact for typed rates.
        frac = div_half_up(rest * 10_000, rate.denominator)
        if frac == 10_000:
            return format_rate(Fraction(whole + 1), lang)
        text += ("," if lang == "id" else ".") + f"{frac:04d}".rstrip("0")
    return text

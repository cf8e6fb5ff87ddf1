"""The one door through which numbers enter and leave the program: rupiah, percentages, rates.

Amounts are whole rupiah held in Python ``int``. Percentages (commission, discounts) are held
as integer basis points: 12.5 % is ``1250``. Reference prices in a buyer's currency use a
rate typed by staff (rupiah per unit: ``17250`` for EUR, ``11.85`` for KRW), parsed strictly
into a ``Fraction``; every conversion is integer arithmetic rounded half up to the currency's
minor unit, and Babel only formats the result. Nothing here ever touches a float.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from babel.numbers import (
    format_currency,
    format_decimal,
    get_currency_precision,
    is_currency,
)

from booth_pos.errors import KnownError

BP_PER_PERCENT = 100
FULL_BP = 100 * BP_PER_PERCENT


class MoneyError(ValueError):
    """Text that is not a valid amount or percentage; the message is for a person.

    ``str()`` is the English; ``text("id")`` the Indonesian (a form shows the reason beside
    the field in the window's language). Not a ``KnownError``: callers decide how to say it.
    """

    def __init__(self, en: str, id: str = ""):
        super().__init__(en)
        self.id = id or en

    def text(self, lang: str = "id") -> str:
        return self.id if lang == "id" else str(self)


class RateError(KnownError):
    """A currency code or exchange rate that cannot be used; the message is for a person.

    A ``KnownError`` (both languages), unlike ``MoneyError``: the window and the command line
    show it as it is.
    """


# "Rp", "IDR" prefixes; a trailing ",-" (Rp 150.000,-) is common Indonesian notation.
_CURRENCY_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")

#: The largest amount accepted as typed (Rp 1.000.000.000.000.000): far above any sale,
#: drawer or price, so sums of many still fit SQLite's 64-bit INTEGER. Anything larger is a
#: typo or a stuck key, and refusing it early keeps ``int()`` from its 4300-digit limit.
MAX_RUPIAH = 10**15


def parse_rupiah(text: str, *, allow_zero: bool = False, allow_negative: bool = False) -> int:
    """Parse a rupiah amount as people write it and return whole rupiah.

    Accepts ``150000``, ``150.000``, ``150,000``, ``Rp 150.000``, ``Rp150.000``,
    ``IDR 150,000``, ``Rp 150.000,-`` and a zero fraction (``150.000,00``). Refuses a
    non-zero fraction, mixed-up grouping, more than ``MAX_RUPIAH`` and anything else with a
    ``MoneyError``.

    Args:
        text: what the person typed or the file held.
        allow_zero: whether 0 is acceptable (a price never is; a float may be).
        allow_negative: whether a leading minus is acceptable.

    Returns:
        The amount in whole rupiah.
    """
    if not isinstance(text, str):
        raise MoneyError(f"not text: {text!r}", id=f"bukan teks: {text!r}")
    s = text.strip()
    if not s:
        raise MoneyError("empty amount", id="jumlah kosong")
    negative = False
    if s[0] in "-\u2212":
        negative = True
        s = s[1:].lstrip()
    s = _CURRENCY_PREFIX.sub("", s)
    if s.startswith(("-", "\u2212")):
        negative = True
        s = s[1:].lstrip()
    if s.endswith(",-") or s.endswith(".-"):
        s = s[:-2]
    if not s:
        raise MoneyError(f"not an amount: {text!r}", id=f"bukan jumlah uang: {text!r}")
    # ASCII digits only: int() would also take Arabic-Indic or full-width digits.
    if not re.fullmatch(r"[0-9.,]+", s) or not s[0].isdigit():
        raise MoneyError(f"not an amount: {text!r}", id=f"bukan jumlah uang: {text!r}")

    whole, fraction = _split_fraction(s, text)
    if len(re.sub(r"[.,]", "", whole).lstrip("0")) > len(str(MAX_RUPIAH)):
        raise MoneyError(
            f"amount too large: {text[:40]!r}", id=f"jumlah terlalu besar: {text[:40]!r}"
        )
    if whole.isdigit():
        value = int(whole)
    elif _GROUPED.match(whole) and len(set(re.findall(r"[.,]", whole))) == 1:
        value = int(re.sub(r"[.,]", "", whole))
    else:
        raise MoneyError(
            f"digits are grouped wrongly: {text!r}", id=f"pengelompokan angka salah: {text!r}"
        )
    if fraction and int(fraction) != 0:
        raise MoneyError(f"rupiah have no cents: {text!r}", id=f"rupiah tidak punya sen: {text!r}")
    if value > MAX_RUPIAH:
        raise MoneyError(
            f"amount too large: {text[:40]!r}", id=f"jumlah terlalu besar: {text[:40]!r}"
        )
    if negative:
        if not allow_negative:
            raise MoneyError(
                f"amount must not be negative: {text!r}",
                id=f"jumlah tidak boleh negatif: {text!r}",
            )
        value = -value
    if value == 0 and not allow_zero:
        raise MoneyError(
            f"amount must be more than zero: {text!r}", id=f"jumlah harus lebih dari nol: {text!r}"
        )
    return value


def _split_fraction(s: str, original: str) -> tuple[str, str]:
    """Split ``s`` into whole part and fraction digits, deciding which separator is decimal.

    A separator followed by exactly three digits at the end is a thousands separator
    (``150.000`` and ``150,000`` are both 150000); one followed by one or two digits is the
    decimal mark. When both marks appear, the last one is the decimal mark.
    """
    seps = [i for i, ch in enumerate(s) if ch in ".,"]
    if not seps:
        return s, ""
    last = seps[-1]
    tail = s[last + 1 :]
    marks = {s[i] for i in seps}
    if len(marks) == 2:
        if s.count(s[last]) != 1 or not tail.isdigit() or not 1 <= len(tail) <= 2:
            if len(tail) == 3 and s.count(s[last]) == 1:
                raise MoneyError(
                    f"digits are grouped wrongly: {original!r}",
                    id=f"pengelompokan angka salah: {original!r}",
                )
            raise MoneyError(f"not an amount: {original!r}", id=f"bukan jumlah uang: {original!r}")
        return s[:last], tail
    if tail.isdigit() and len(tail) in (1, 2) and s.count(s[last]) == 1:
        return s[:last], tail
    if not tail:
        raise MoneyError(f"not an amount: {original!r}", id=f"bukan jumlah uang: {original!r}")
    return s, ""


def parse_percent(text: str) -> int:
    """Parse a percentage from 0 to 100 with at most two decimals; return basis points.

    Accepts ``12.5``, ``12,5``, ``12,5%``, ``12.50 %`` and ``0``.
    """
    if not isinstance(text, str):
        raise MoneyError(f"not text: {text!r}", id=f"bukan teks: {text!r}")
    s = text.strip().removesuffix("%").strip()
    m = re.fullmatch(r"([0-9]{1,3})(?:[.,]([0-9]{1,2}))?", s)
    if not m:
        raise MoneyError(
            f"not a percentage (0 to 100, two decimals at most): {text!r}",
            id=f"bukan persentase (0 sampai 100, paling banyak dua desimal): {text!r}",
        )
    whole, frac = m.group(1), (m.group(2) or "").ljust(2, "0")
    bp = int(whole) * BP_PER_PERCENT + int(frac)
    if bp > FULL_BP:
        raise MoneyError(f"percentage above 100: {text!r}", id=f"persentase di atas 100: {text!r}")
    return bp


def percent_text(bp: int) -> str:
    """Basis points as a plain decimal string, built exactly: 1250 -> "12.5", 1500 -> "15".

    This is ``commission_percent`` in JSON and CSV: a string, never a float, with "." as the
    decimal mark whatever the language. ``format_percent`` shows the same digits to a reader.
    """
    whole, frac = divmod(bp, BP_PER_PERCENT)
    return str(whole) if frac == 0 else f"{whole}.{frac:02d}".rstrip("0")


def format_percent(bp: int, lang: str = "id", *, sign: bool = True) -> str:
    """Show basis points as a percentage: ``1250`` -> ``12,5%`` (id) or ``12.5%`` (en).

    Args:
        bp: the percentage in basis points.
        lang: ``id`` (decimal comma) or ``en`` (decimal point).
        sign: end with ``%``; ``False`` for a table column already headed with it.
    """
    text = percent_text(bp)
    if lang == "id":
        text = text.replace(".", ",")
    return text + "%" if sign else text


def format_rates(bps: tuple[int, ...], lang: str = "id", *, sign: bool = True) -> str:
    """Several percentages as one cell: ``(1250, 3000)`` -> ``12,5/30%`` (a rate changed in
    the period); one rate is ``format_percent``'s."""
    text = "/".join(format_percent(bp, lang, sign=False) for bp in bps)
    return text + "%" if sign else text


#: Babel's locale for each language a document is printed in (the window: id and en).
_LOCALES = {"id": "id_ID", "en": "en", "ko": "ko_KR", "fr": "fr_FR"}


def _locale(lang: str) -> str:
    return _LOCALES.get(lang, "en")


def format_rupiah(amount: int, lang: str = "id") -> str:
    """Format whole rupiah the way the reader expects: ``Rp 150.000`` or ``IDR 150,000``."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"money must be int rupiah, got {type(amount).__name__}")
    return _format_rupiah(amount, lang)


@functools.lru_cache(maxsize=4096)
def _format_rupiah(amount: int, lang: str) -> str:
    # Babel takes ~0.1 ms a call; tables and the scan path format the same prices again.
    return format_currency(
        amount, "IDR", locale=_locale(lang), format="¤ #,##0", currency_digits=False
    )


def format_number(value: int, lang: str = "id") -> str:
    """Group the digits of an integer: ``150.000`` (id) or ``150,000`` (en)."""
    return format_decimal(value, locale=_locale(lang), format="#,##0")


def div_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounding halves away from zero (our rule; Babel rounds half-even)."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return sign * q


def percent_of(amount: int, bp: int) -> int:
    """``amount`` x ``bp`` basis points, rounded half up to whole rupiah."""
    return div_half_up(amount * bp, FULL_BP)


def share_out(total: int, weights: Sequence[int]) -> list[int]:
    """Share ``total`` rupiah over ``weights`` in proportion, exactly.

    Floor each share, then hand the leftover rupiahs one each to the largest remainders
    (the earlier position first on a tie), so the shares always sum to ``total``.
    """
    if total < 0:
        raise ValueError("cannot share a negative amount")
    base = sum(weights)
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    if not weights:
        if total:
            raise ValueError("nothing to share over")
        return []
    if base == 0:
        if total:
            raise ValueError("cannot share over zero weights")
        return [0] * len(weights)
    shares = []
    remainders = []
    for i, w in enumerate(weights):
        q, r = divmod(total * w, base)
        shares.append(q)
        remainders.append((-r, i))
    leftover = total - sum(shares)
    for _, i in sorted(remainders)[:leftover]:
        shares[i] += 1
    return shares


# -- a buyer's currency ------------------------------------------------------------------------

# ASCII digits only: ``\d`` also takes "١٢" (Arabic-Indic twelve).
_RATE = re.compile(r"([0-9]+)(?:[.,]([0-9]+))?")


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
    if len(whole.lstrip("0")) > 9 or len(frac) > 6:  # no currency costs a billion rupiah
        raise RateError(
            en=f"Not an exchange rate: {text[:20]!r}… (at most 9 digits, 6 decimals)",
            id=f"Bukan kurs: {text[:20]!r}… (paling banyak 9 angka, 6 desimal)",
        )
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
    locale = _locale(lang)
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
        text += ("." if lang == "en" or lang == "ko" else ",") + f"{frac:04d}".rstrip("0")
    return text


# -- the rates of the day (several currencies) -------------------------------------------------


def rate_text(rate: Fraction) -> str:
    """A parsed rate as stored with a sale and in ``rates``: ``17250``, ``11.85`` ("." mark).

    Exact for every rate ``parse_rate`` accepts (a decimal fraction), and read back the same
    by it: three decimals, which it refuses as ambiguous, are written with four (``1.2340``).
    """
    whole, rest = divmod(rate.numerator, rate.denominator)
    if not rest:
        return str(whole)
    digits = 0
    while (10**digits) % rate.denominator:
        digits += 1
        if digits > 60:  # pragma: no cover - parse_rate only makes decimal fractions
            raise ValueError(f"not a decimal rate: {rate}")
    frac = f"{rest * 10**digits // rate.denominator:0{digits}d}"
    return f"{whole}.{frac}0" if len(frac) == 3 else f"{whole}.{frac}"


def parse_exchange_rates(text: str) -> dict[str, Fraction]:
    """Parse the rates of the day, ``EUR=17250; USD=15300; KRW=11,85; INR=190``, strictly.

    Rupiah per unit of each currency, pairs separated by ``;`` (or new lines), ``,`` or ``.``
    as the decimal mark (``parse_rate``'s rules: no thousands separator). Every code must be
    an ISO 4217 currency Babel knows, other than IDR, and appear once. Empty text is no rates.

    Returns:
        ``{code: rate}`` in the order written (the first is the stand's main reference).

    Raises:
        RateError: naming the pair that is wrong, in both languages.
    """
    out: dict[str, Fraction] = {}
    for part in re.split(r"[;\n]", text or ""):
        piece = part.strip()
        if not piece:
            continue
        shown = piece if len(piece) <= 40 else piece[:40] + "…"
        code, sep, value = piece.partition("=")
        if not sep:
            raise RateError(
                en=f"Rates: {shown!r} is not CODE=RATE (e.g. EUR=17250)",
                id=f"Kurs: {shown!r} bukan KODE=KURS (mis. EUR=17250)",
            )
        try:
            currency = parse_currency(code)
            rate = parse_rate(value)
        except RateError as exc:
            raise RateError(
                en=f"Rates: {shown!r}: {exc.en}", id=f"Kurs: {shown!r}: {exc.id}"
            ) from None
        if currency in out:
            raise RateError(
                en=f"Rates: {currency} is given twice", id=f"Kurs: {currency} ditulis dua kali"
            )
        out[currency] = rate
    return out


def exchange_rates_text(rates: dict[str, Fraction]) -> str:
    """The rates as ``rates`` stores them: ``EUR=17250; KRW=11.85`` (parsed back the same)."""
    return "; ".join(f"{code}={rate_text(rate)}" for code, rate in rates.items())


def minor_text(minor: int, currency: str) -> str:
    """Minor units as an exact decimal string for JSON and CSV: ``2087`` EUR -> ``20.87``."""
    return str(Decimal(minor).scaleb(-get_currency_precision(currency)))


def reference_amount(rupiah: int, rate: str, currency: str) -> int:
    """``rupiah`` in minor units of ``currency`` at ``rate`` (its stored text), half up."""
    return to_minor_units(rupiah, parse_rate(rate), parse_currency(currency))

"""Bulk buyers: wholesale tiers, buyers, quotations and orders (issue 17). Pure domain.

A tier is ``(min_qty, unit_price)``: from ``min_qty`` units on, each costs ``unit_price``
whole rupiah. A product's tiers rise in quantity and fall in price, and no tier costs more
than the retail price; below the first tier the retail price applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from booth_pos.errors import KnownError
from booth_pos.money import MoneyError, format_rupiah, parse_rupiah

__all__ = [
    "Buyer",
    "Order",
    "OrderLine",
    "OrderStatus",
    "Quote",
    "QuoteLine",
    "QuoteStatus",
    "Tier",
    "Wholesale",
    "WholesaleError",
    "check_tiers",
    "parse_tier",
    "parse_tiers",
]

MAX_TIERS = 9
MAX_LEAD_DAYS = 366


class WholesaleError(KnownError):
    """A wholesale price, quote or order that breaks a rule (names what to fix)."""


@dataclass(frozen=True)
class Tier:
    min_qty: int
    unit_price: int


@dataclass(frozen=True)
class Wholesale:
    """A product's wholesale terms. ``lead_days`` None: the artisan's lead time applies."""

    tiers: tuple[Tier, ...] = ()
    moq: int = 1
    lead_days: int | None = None
    hs_code: str = ""  # customs tariff code printed on the pro-forma invoice

    def unit_price(self, qty: int, retail: int) -> int:
        """The unit price for ``qty`` units: the highest tier reached, else retail."""
        price = retail
        for tier in self.tiers:
            if qty >= tier.min_qty:
                price = tier.unit_price
        return price


_TIER = re.compile(r"^\s*([0-9]{1,6})\s*:\s*(.+?)\s*$")


def parse_tier(text: str) -> Tier:
    """``MIN:PRICE`` (``10:135000``, ``10:Rp 135.000``) into a tier, strictly."""
    m = _TIER.match(text or "")
    if not m:
        raise WholesaleError(
            en=f"Not a tier: {text!r} (write MIN:PRICE, e.g. 10:135000)",
            id=f"Bukan tingkat harga: {text!r} (tulis MIN:HARGA, mis. 10:135000)",
        )
    try:
        price = parse_rupiah(m.group(2))
    except MoneyError as exc:
        raise WholesaleError(
            en=f"Tier {text!r}: {exc}", id=f"Tingkat {text!r}: {exc.text('id')}"
        ) from None
    return Tier(int(m.group(1)), price)


def parse_tiers(text: str) -> tuple[Tier, ...]:
    """One ``tiers`` cell: ``10:135000;50:120000`` (empty: no tiers)."""
    parts = [p for p in (text or "").split(";") if p.strip()]
    return tuple(parse_tier(p) for p in parts)


def check_tiers(tiers: tuple[Tier, ...], retail: int, moq: int = 1) -> tuple[Tier, ...]:
    """The tiers sorted by quantity, or ``WholesaleError`` naming the first broken rule:
    a minimum of at least 2, minimums rising, prices falling, no price above retail."""
    if len(tiers) > MAX_TIERS:
        raise WholesaleError(
            en=f"At most {MAX_TIERS} tiers", id=f"Paling banyak {MAX_TIERS} tingkat harga"
        )
    if not isinstance(moq, int) or moq < 1:
        raise WholesaleError(
            en="The minimum order quantity must be at least 1",
            id="Jumlah pesanan minimum paling sedikit 1",
        )
    ordered = tuple(sorted(tiers, key=lambda t: t.min_qty))
    for tier in ordered:
        if tier.min_qty < 2:
            raise WholesaleError(
                en=f"A tier starts at 2 units or more (not {tier.min_qty})",
                id=f"Tingkat harga mulai dari 2 unit atau lebih (bukan {tier.min_qty})",
            )
        if tier.unit_price > retail:
            raise WholesaleError(
                en=f"Tier {tier.min_qty}+ at {format_rupiah(tier.unit_price, 'en')} is above "
                f"the retail price {format_rupiah(retail, 'en')}",
                id=f"Tingkat {tier.min_qty}+ seharga {format_rupiah(tier.unit_price, 'id')} "
                f"di atas harga eceran {format_rupiah(retail, 'id')}",
            )
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.min_qty == before.min_qty:
            raise WholesaleError(
                en=f"Two tiers start at {after.min_qty} units",
                id=f"Dua tingkat harga mulai dari {after.min_qty} unit",
            )
        if after.unit_price >= before.unit_price:
            raise WholesaleError(
                en=f"Tiers must decrease: {after.min_qty}+ at "
                f"{format_rupiah(after.unit_price, 'en')} is not below {before.min_qty}+ at "
                f"{format_rupiah(before.unit_price, 'en')}",
                id=f"Tingkat harga harus menurun: {after.min_qty}+ seharga "
                f"{format_rupiah(after.unit_price, 'id')} tidak di bawah {before.min_qty}+ "
                f"seharga {format_rupiah(before.unit_price, 'id')}",
            )
    return ordered


def tiers_text(tiers: tuple[Tier, ...]) -> str:
    """The ``tiers`` cell of a product: ``10:135000;50:120000``."""
    return ";".join(f"{t.min_qty}:{t.unit_price}" for t in tiers)


# -- buyers, quotes, orders ---------------------------------------------------------------


class QuoteStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class OrderStatus(StrEnum):
    OPEN = "open"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Buyer:
    name: str
    company: str = ""
    country: str = ""
    contact: str = ""  # e-mail or phone
    lang: str = "en"  # en | fr | id: the language of the buyer's documents
    currency: str = ""
    id: int | None = None


@dataclass(frozen=True)
class QuoteLine:
    sku: str
    name: str
    artisan_code: str
    qty: int
    unit_price: int  # whole rupiah, the tier for ``qty``
    lead_days: int
    image: str = ""  # the product's photo (documents only; not stored with the line)
    moq: int = 1

    @property
    def amount(self) -> int:
        return self.unit_price * self.qty


@dataclass(frozen=True)
class Quote:
    number: str
    buyer: Buyer
    currency: str
    rate: str  # rupiah per unit of ``currency``, as typed ("17250", "11.85")
    lang: str
    created_at: str  # UTC ISO
    created_on: date  # business date
    valid_until: date
    status: QuoteStatus
    lines: tuple[QuoteLine, ...] = ()

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def lead_days(self) -> int:
        return max((line.lead_days for line in self.lines), default=0)


@dataclass(frozen=True)
class OrderLine:
    line_no: int
    sku: str
    name: str
    artisan_code: str
    qty: int
    unit_price: int
    reserved: int = 0
    delivered: int = 0

    @property
    def amount(self) -> int:
        return self.unit_price * self.qty


@dataclass(frozen=True)
class Order:
    number: str
    quote_no: str
    created_at: str  # UTC ISO
    created_on: date  # business date (local)
    due_date: date
    status: OrderStatus
    lines: tuple[OrderLine, ...]
    deposit: int = 0  # received, net of refunds
    paid: int = 0  # paid at deliveries beyond the deposit applied
    applied: int = 0  # deposit already applied to delivery sales
    extra: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def balance(self) -> int:
        return self.total - self.deposit - self.paid

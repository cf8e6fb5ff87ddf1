"""Carts, payments, committed sales and business days, with their money rules.

Every amount is whole rupiah (``int``); every percentage is integer basis points.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from booth_pos.model.catalogue import Product
from booth_pos.model.errors import CartError, PaymentError
from booth_pos.money import FULL_BP, format_rupiah, percent_of, share_out


class Method(StrEnum):
    CASH = "cash"
    QRIS = "qris"
    CARD = "card"
    TRANSFER = "transfer"


@dataclass(frozen=True)
class Discount:
    """A discount as the cashier gave it: an amount in rupiah or a percentage in bp."""

    kind: str  # "amount" | "percent"
    value: int

    def __post_init__(self):
        if self.kind not in ("amount", "percent"):
            raise ValueError(f"unknown discount kind {self.kind!r}")
        if self.value < 0:
            raise CartError(en="A discount cannot be negative", id="Diskon tidak boleh negatif")
        if self.kind == "percent" and self.value > FULL_BP:
            raise CartError(
                en="A discount cannot exceed 100%", id="Diskon tidak boleh lebih dari 100%"
            )

    def amount_of(self, base: int) -> int:
        """The discount in rupiah on ``base``; a percentage is rounded half up."""
        return percent_of(base, self.value) if self.kind == "percent" else self.value


#: The SKU an open-price line is stored with: no product has it (imports and forms refuse an
#: empty SKU), so nothing looks it up, moves its stock or prints a barcode for it.
OPEN_PRICE_SKU = ""


@dataclass
class CartLine:
    """One line of a cart: a product at its price, or an open-price line.

    Attributes:
        list_price: the catalogue price when a supervisor let this line sell at another
            ``unit_price`` (a price override); None when the line sells at the catalogue
            price, and always None on an open-price line (its price is the one typed).
        open_price: goods without a label, sold for an artisan at a typed price and name
            (``Cart.add_open``); ``sku`` is ``OPEN_PRICE_SKU`` and no stock moves.
    """

    sku: str
    name: str
    artisan_code: str
    category: str
    unit_price: int
    qty: int
    discount: Discount | None = None
    list_price: int | None = None
    open_price: bool = False

    @property
    def gross(self) -> int:
        return self.unit_price * self.qty

    @property
    def discount_amount(self) -> int:
        return self.discount.amount_of(self.gross) if self.discount else 0

    @property
    def amount(self) -> int:
        """Unit price x qty - line discount."""
        return self.gross - self.discount_amount


@dataclass(frozen=True)
class LinePrice:
    gross: int
    line_discount: int
    amount: int
    sale_discount_share: int
    net: int


@dataclass(frozen=True)
class Pricing:
    lines: tuple[LinePrice, ...]
    subtotal: int  # sum of line amounts
    sale_discount: int
    total: int

    @property
    def gross(self) -> int:
        return sum(p.gross for p in self.lines)

    @property
    def discounts(self) -> int:
        return sum(p.line_discount for p in self.lines) + self.sale_discount


MAX_QTY = 9999
#: The highest price a cashier may type, for an override or an open-price line (a guard
#: against typos).
MAX_UNIT_PRICE = 1_000_000_000


@dataclass
class Cart:
    """What the customer is buying; its id makes completing it idempotent."""

    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    lines: list[CartLine] = field(default_factory=list)
    discount: Discount | None = None
    cashier: str = ""
    origin: str = ""
    lang: str = ""
    note: str = ""
    #: Ids of supervisor approvals (price overrides, discounts above the threshold) given
    #: for this cart; ``selling.complete`` checks them and stores them with the sale.
    approvals: list[str] = field(default_factory=list)

    def add(self, product: Product, qty: int = 1) -> CartLine:
        """Add ``qty`` of ``product``; the same product again raises the line's quantity."""
        _check_qty(qty)
        for line in self.lines:
            if (
                not line.open_price
                and line.sku == product.sku
                and line.unit_price == product.price
                and line.list_price is None
            ):
                self.set_qty(self.lines.index(line), line.qty + qty)
                return line
        line = CartLine(
            sku=product.sku,
            name=product.name,
            artisan_code=product.artisan_code,
            category=product.category,
            unit_price=product.price,
            qty=qty,
        )
        self.lines.append(line)
        return line

    def add_open(
        self, artisan_code: str, name: str, unit_price: int, qty: int = 1, category: str = ""
    ) -> CartLine:
        """Add unlabelled goods of ``artisan_code`` at a typed price: always a line of its own.

        The caller (``selling.add_open``) checks the artisan and the name; the cart checks
        the price and quantity as it does for any line.
        """
        _check_qty(qty)
        _check_price(unit_price)
        line = CartLine(
            sku=OPEN_PRICE_SKU,
            name=name,
            artisan_code=artisan_code,
            category=category,
            unit_price=unit_price,
            qty=qty,
            open_price=True,
        )
        self.lines.append(line)
        return line

    def set_qty(self, index: int, qty: int) -> None:
        _check_qty(qty)
        line = self.lines[index]
        if (
            line.discount
            and line.discount.kind == "amount"
            and line.discount.value > (line.unit_price * qty)
        ):
            raise CartError(
                en="The line discount would exceed the line amount",
                id="Diskon baris akan melebihi jumlah baris",
            )
        old = line.qty
        line.qty = qty
        try:
            self._check_sale_discount()
        except CartError:
            line.qty = old  # refused: the cart stays as it was
            raise

    def remove(self, index: int) -> None:
        line = self.lines.pop(index)
        if not self.lines:
            self.discount = None
            return
        try:
            self._check_sale_discount()
        except CartError:
            self.lines.insert(index, line)  # refused: the cart stays as it was
            raise

    def set_line_discount(self, index: int, discount: Discount | None) -> None:
        line = self.lines[index]
        if discount and discount.amount_of(line.gross) > line.gross:
            raise CartError(
                en=f"The discount is more than the line amount {format_rupiah(line.gross, 'en')}",
                id=f"Diskon melebihi jumlah baris {format_rupiah(line.gross, 'id')}",
            )
        old = line.discount
        line.discount = discount
        try:
            self._check_sale_discount()
        except CartError:
            line.discount = old
            raise

    def set_unit_price(self, index: int, unit_price: int) -> None:
        """Sell line ``index`` at ``unit_price`` instead of its catalogue price.

        With staff accounts, ``selling.complete`` refuses the cart unless a supervisor
        approved exactly this price (``services.approvals.approve_price_override``).
        Setting the catalogue price again undoes the override. On an open-price line the
        price is simply typed again: there is no catalogue price to override.
        """
        _check_price(unit_price)
        line = self.lines[index]
        old = (line.unit_price, line.list_price)
        list_price = line.list_price if line.list_price is not None else line.unit_price
        line.unit_price = unit_price
        if line.open_price:
            line.list_price = None
        else:
            line.list_price = None if unit_price == list_price else list_price
        try:
            if line.discount and line.discount_amount > line.gross:
                raise CartError(
                    en="The line discount would exceed the line amount",
                    id="Diskon baris akan melebihi jumlah baris",
                )
            self._check_sale_discount()
        except CartError:
            line.unit_price, line.list_price = old  # refused: the cart stays as it was
            raise

    def set_discount(self, discount: Discount | None) -> None:
        old = self.discount
        self.discount = discount
        try:
            self._check_sale_discount()
        except CartError:
            self.discount = old
            raise

    def _check_sale_discount(self) -> None:
        if self.discount is None:
            return
        subtotal = sum(line.amount for line in self.lines)
        if self.discount.amount_of(subtotal) > subtotal:
            raise CartError(
                en=f"The sale discount is more than the subtotal {format_rupiah(subtotal, 'en')}",
                id=f"Diskon penjualan melebihi subtotal {format_rupiah(subtotal, 'id')}",
            )

    def pricing(self) -> Pricing:
        """Line amounts, each line's share of the sale discount, and the total."""
        amounts = [line.amount for line in self.lines]
        subtotal = sum(amounts)
        sale_discount = self.discount.amount_of(subtotal) if self.discount else 0
        sale_discount = min(sale_discount, subtotal)
        shares = share_out(sale_discount, amounts)
        lines = tuple(
            LinePrice(
                gross=line.gross,
                line_discount=line.discount_amount,
                amount=amt,
                sale_discount_share=share,
                net=amt - share,
            )
            for line, amt, share in zip(self.lines, amounts, shares, strict=True)
        )
        return Pricing(lines, subtotal, sale_discount, subtotal - sale_discount)

    @property
    def total(self) -> int:
        return self.pricing().total

    @property
    def item_count(self) -> int:
        return sum(line.qty for line in self.lines)


def _check_price(unit_price: int) -> None:
    """A price a cashier typed: whole rupiah, at least Rp 1, at most ``MAX_UNIT_PRICE``."""
    if not isinstance(unit_price, int) or isinstance(unit_price, bool) or unit_price < 1:
        raise CartError(en="A price must be at least Rp 1", id="Harga minimal Rp 1")
    if unit_price > MAX_UNIT_PRICE:
        raise CartError(
            en="A price above Rp 1.000.000.000 is surely a typo",
            id="Harga di atas Rp 1.000.000.000 pasti salah ketik",
        )


def _check_qty(qty: int) -> None:
    if not isinstance(qty, int) or isinstance(qty, bool):
        raise CartError(en="Quantity must be a whole number", id="Jumlah harus bilangan bulat")
    if qty < 1:
        raise CartError(en="Quantity must be at least 1", id="Jumlah minimal 1")
    if qty > MAX_QTY:
        raise CartError(
            en=f"Quantity above {MAX_QTY} is surely a typo",
            id=f"Jumlah di atas {MAX_QTY} pasti salah ketik",
        )


@dataclass(frozen=True)
class Tender:
    """What the customer hands over: ``amount`` None means "the rest"."""

    method: Method
    amount: int | None = None
    reference: str = ""


@dataclass(frozen=True)
class Payment:
    method: Method
    amount: int  # counts towards the total
    tendered: int  # handed over; exceeds amount only for cash
    reference: str = ""

    @property
    def change(self) -> int:
        return self.tendered - self.amount


def settle(total: int, tenders: list[Tender]) -> list[Payment]:
    """Turn tenders into payments against ``total``.

    Only cash may exceed what is still due (the excess is change); every other method must
    not. Raises ``PaymentError`` when a tender does not fit; the result may still leave
    something due (see ``due_after``).
    """
    payments: list[Payment] = []
    due = total
    for tender in tenders:
        method = Method(tender.method)
        amount = due if tender.amount is None else tender.amount
        if amount <= 0 and not (amount == 0 and total == 0):
            if due == 0:
                raise PaymentError(
                    en="Nothing is left to pay", id="Tidak ada sisa yang harus dibayar"
                )
            raise PaymentError(
                en="An amount must be more than zero", id="Jumlah harus lebih dari nol"
            )
        if due == 0 and total > 0:
            raise PaymentError(en="Nothing is left to pay", id="Tidak ada sisa yang harus dibayar")
        if amount > due and method is not Method.CASH:
            raise PaymentError(
                en=f"Only cash may exceed the amount due ({format_rupiah(due, 'en')})",
                id=f"Hanya tunai yang boleh melebihi sisa tagihan ({format_rupiah(due, 'id')})",
            )
        applied = min(amount, due)
        payments.append(Payment(method, applied, amount, tender.reference.strip()))
        due -= applied
    return payments


def due_after(total: int, payments: list[Payment]) -> int:
    return total - sum(p.amount for p in payments)


@dataclass(frozen=True)
class SaleLine:
    line_no: int
    sku: str
    name: str
    artisan_code: str
    category: str
    unit_price: int
    qty: int
    line_discount: int
    sale_discount_share: int
    #: The artisan's commission in force when the line was sold (basis points); what every
    #: report and statement settles with, whatever the rate is today. None only on a line
    #: not yet written.
    commission_bp: int | None = None

    @property
    def open_price(self) -> bool:
        """Unlabelled goods sold at a typed price: no product, no stock move, no barcode."""
        return self.sku == OPEN_PRICE_SKU

    @property
    def gross(self) -> int:
        return self.unit_price * self.qty

    @property
    def amount(self) -> int:
        return self.gross - self.line_discount

    @property
    def net(self) -> int:
        return self.amount - self.sale_discount_share


@dataclass(frozen=True)
class SaleReference:
    """The foreign reference total a sale's customer was shown, kept with the sale.

    A reprint shows this, not today's rates. ``currency`` "" means the sale showed none
    (an Indonesian customer, or no rate for the customer's currency that day): no row is
    stored for it.

    Attributes:
        currency: ISO 4217 code (``KRW``), or "".
        rate: rupiah per unit as stored in ``rates`` (``11.85``: "." as the decimal mark).
        amount: the total in the currency's minor units (cents; whole won), rounded half up.
    """

    currency: str = ""
    rate: str = ""
    amount: int = 0

    def __bool__(self) -> bool:
        return bool(self.currency)


@dataclass(frozen=True)
class Sale:
    """A committed sale, as stored; history is never recomputed."""

    id: str
    receipt_no: str
    till: str
    day_id: int
    business_date: date
    created_at: datetime
    cashier: str
    origin: str
    lang: str
    lines: tuple[SaleLine, ...]
    payments: tuple[Payment, ...]
    subtotal: int
    discount: int
    total: int
    #: Short code from the sale's journal entry hash ("3F2A-9C1B"), printed on the receipt so
    #: a receipt can be checked against the journal; "" for a sale not stored yet.
    verification: str = ""
    #: The reference total the customer saw (migration 11); None for a sale made before it.
    reference: SaleReference | None = None

    @property
    def paid(self) -> int:
        return sum(p.amount for p in self.payments)

    @property
    def tendered(self) -> int:
        return sum(p.tendered for p in self.payments)

    @property
    def change(self) -> int:
        return sum(p.change for p in self.payments)

    @property
    def items(self) -> int:
        return sum(line.qty for line in self.lines)


@dataclass(frozen=True)
class Day:
    id: int
    business_date: date
    opened_at: datetime
    opening_float: int
    closed_at: datetime | None = None
    counted: int | None = None
    z_no: int | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

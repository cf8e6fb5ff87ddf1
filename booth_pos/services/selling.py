"""Ringing up: add scanned codes to a cart, settle tenders, commit the sale atomically."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, replace

from booth_pos.clock import Clock
from booth_pos.model import (
    MAX_QTY,
    Cart,
    CartError,
    CartLine,
    DayError,
    Discount,
    PaymentError,
    Product,
    Sale,
    SaleLine,
    Tender,
    UnknownCode,
    due_after,
    settle,
)
from booth_pos.money import format_rupiah
from booth_pos.store import Store

_ITEM = re.compile(r"^\s*(?:(\d+)\s*[*xX]\s*)?(\S+)\s*$")


def parse_item(text: str) -> tuple[int, str]:
    """``CODE`` -> (1, CODE); ``3*CODE`` -> (3, CODE). Raises ``CartError`` on bad text."""
    m = _ITEM.match(text or "")
    if not m:
        raise CartError(en=f"Not a code: {text!r}", id=f"Bukan kode: {text!r}")
    digits = m.group(1) or "1"
    # More digits than any allowed quantity: the cart refuses it as a typo (and int() would
    # refuse a number of over 4300 digits with a bare ValueError).
    if len(digits.lstrip("0")) > len(str(MAX_QTY)):
        return MAX_QTY + 1, m.group(2)
    return int(digits), m.group(2)


def lookup(store: Store, code: str) -> Product:
    product = store.products.by_code(code)
    if product is None:
        raise UnknownCode(code)
    return product


def add(store: Store, cart: Cart, text: str) -> tuple[CartLine, Product]:
    """Add what the scanner or the cashier typed (``CODE`` or ``QTY*CODE``) to ``cart``.

    Returns the cart line and the product (its stock tells whether to warn). An unknown code
    raises ``UnknownCode`` and leaves the cart as it was.
    """
    qty, code = parse_item(text)
    if code != text.strip():
        # A SKU may itself look like QTYxCODE ("40X40-SLM"): if the whole text names a
        # product, it is that product, not 40 of "40-SLM".
        whole = store.products.by_code(text.strip())
        if whole is not None:
            return cart.add(whole, 1), whole
    product = lookup(store, code)
    return cart.add(product, qty), product


def over_stock(cart: Cart, line: CartLine, product: Product) -> bool:
    """Whether the cart now holds more of this product than the recorded stock."""
    in_cart = sum(ln.qty for ln in cart.lines if ln.sku == line.sku)
    return in_cart > product.stock


def complete(store: Store, cart: Cart, tenders: list[Tender], clock: Clock) -> Sale:
    """Commit ``cart`` as a sale in ONE transaction and return it as stored.

    Writes the sale, its lines (name, artisan and price as they are now), payments, stock
    decrements, the next receipt number and the supervisor approvals it used. Completing the
    same cart twice returns the first sale and writes nothing.

    Once staff accounts exist, the cart's cashier must be one of them, and a price override
    or a discount above the threshold must carry a supervisor's approval
    (``services.corrections``); otherwise nothing is written.

    Raises:
        CartError, PaymentError, DayError: an empty cart, short payment, no open day.
        StaffError, ApprovalError: no signed-in cashier, a missing approval.
    """
    # Imported here, not at the top: the sell screen opens before anything is paid.
    from booth_pos.services import approvals, journal

    existing = store.sales.get(cart.id)
    if existing is not None:
        return existing
    if not cart.lines:
        raise CartError(en="The cart is empty", id="Keranjang kosong")
    pricing = cart.pricing()
    payments = settle(pricing.total, tenders)
    due = due_after(pricing.total, payments)
    if due:
        raise PaymentError(
            en=f"Payment does not cover the total: {format_rupiah(due, 'en')} still due",
            id=f"Pembayaran belum cukup: kurang {format_rupiah(due, 'id')}",
        )
    settings = store.settings()
    with store.atomic():
        # Checked again inside the transaction: a double click may have got here first.
        if not store.sales.exists(cart.id):
            approval_ids = approvals.cart_approvals(store, cart)
            day = store.days.current(settings.till)
            if day is None:
                raise DayError(
                    en="No business day is open; open the day first",
                    id="Belum ada hari yang dibuka; buka hari dulu",
                )
            seq = store.sales.next_seq(settings.till)
            sale = Sale(
                id=cart.id,
                receipt_no=f"{settings.till}-{seq:06d}",
                till=settings.till,
                day_id=day.id,
                business_date=day.business_date,
                created_at=clock.now(),
                cashier=cart.cashier,
                origin=cart.origin,
                lang=cart.lang or settings.receipt_lang,
                lines=tuple(
                    SaleLine(
                        line_no=i,
                        sku=line.sku,
                        name=line.name,
                        artisan_code=line.artisan_code,
                        category=line.category,
                        unit_price=line.unit_price,
                        qty=line.qty,
                        line_discount=price.line_discount,
                        sale_discount_share=price.sale_discount_share,
                    )
                    for i, (line, price) in enumerate(
                        zip(cart.lines, pricing.lines, strict=True), start=1
                    )
                ),
                payments=tuple(payments),
                subtotal=pricing.subtotal,
                discount=pricing.sale_discount,
                total=pricing.total,
            )
            store.sales.insert(sale, seq)
            store.approvals.link(sale.id, approval_ids)
            entry = journal.record_sale(store, sale, seq)  # same transaction as the sale
            return replace(sale, verification=journal.verification_code(entry.hash))
    return store.sales.get(cart.id)


# -- parked carts ---------------------------------------------------------------------------


def cart_to_json(cart: Cart) -> str:
    return json.dumps(asdict(cart), ensure_ascii=False)


def cart_from_json(text: str) -> Cart:
    data = json.loads(text)
    lines = []
    for ln in data.pop("lines"):
        disc = ln.pop("discount")
        lines.append(CartLine(**ln, discount=Discount(**disc) if disc else None))
    disc = data.pop("discount")
    return Cart(**data, lines=lines, discount=Discount(**disc) if disc else None)


def park(store: Store, cart: Cart, clock: Clock, label: str = "") -> None:
    """Put a cart aside (it survives a restart) so the next customer can be served."""
    if not cart.lines:
        raise CartError(
            en="Nothing to park: the cart is empty", id="Keranjang kosong, tidak bisa ditunda"
        )
    store.parked.add(cart.id, clock.now(), label, cart_to_json(cart))


def parked(store: Store) -> list[tuple[str, object, str, Cart]]:
    return [(cid, at, label, cart_from_json(data)) for cid, at, label, data in store.parked.all()]


def recall(store: Store, cart_id: str) -> Cart:
    data = store.parked.take(cart_id)
    if data is None:
        raise CartError(en="That parked cart is gone", id="Keranjang tunda itu sudah tidak ada")
    return cart_from_json(data)

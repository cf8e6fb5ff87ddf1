"""The cart at the till and the rules artisans are paid by: quantities, discounts, tenders."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booth_pos.model import (
    Cart,
    CartError,
    Discount,
    Method,
    Payment,
    PaymentError,
    Product,
    Tender,
    due_after,
    settle,
)

FAST = settings(max_examples=200, deadline=None)

SELENDANG = Product("ECO-01", "Selendang Ecoprint Daun Jati", "ECO", "Ecoprint", 285_000, 12, "")
MASKER = Product("BKR-05", "Masker Batik", "BKR", "Batik Cap", 25_000, 40, "8990001234103")
TOPI = Product("PDN-04", "Topi Pandan", "PDN", "Aksesoris", 65_000, 20, "")


def _snapshot(cart: Cart):
    return copy.deepcopy((cart.lines, cart.discount))


def test_scanning_the_same_product_again_raises_its_quantity():
    """Scanning a second selendang adds to its row instead of making a new one."""
    cart = Cart()
    cart.add(SELENDANG)
    cart.add(MASKER)
    cart.add(SELENDANG, 2)
    assert [(ln.sku, ln.qty) for ln in cart.lines] == [("ECO-01", 3), ("BKR-05", 1)]
    assert cart.item_count == 4
    assert cart.total == 3 * 285_000 + 25_000


@pytest.mark.parametrize("qty", [0, -1, 10_000, 1.5, True])
def test_impossible_quantities_are_refused_and_cart_unchanged(qty):
    """Zero, negative, fractional or absurd quantities are typos and change nothing."""
    cart = Cart()
    cart.add(SELENDANG)
    before = _snapshot(cart)
    with pytest.raises(CartError):
        cart.add(MASKER, qty)
    with pytest.raises(CartError):
        cart.set_qty(0, qty)
    assert _snapshot(cart) == before


def test_line_discount_by_amount_comes_off_the_line():
    """A Rp 10.000 line discount on two masks leaves Rp 40.000 for that line."""
    cart = Cart()
    cart.add(MASKER, 2)
    cart.set_line_discount(0, Discount("amount", 10_000))
    assert cart.lines[0].amount == 40_000
    assert cart.total == 40_000


def test_percent_line_discount_rounds_half_up_to_whole_rupiah():
    """12.5 % off Rp 285.004 is Rp 35.625,5 -> Rp 35.626 off (half up, never half even)."""
    odd = Product("ODD-1", "Odd price", "ECO", "Ecoprint", 285_004, 1, "")
    cart = Cart()
    cart.add(odd)
    cart.set_line_discount(0, Discount("percent", 1250))
    assert cart.lines[0].discount_amount == 35_626
    assert cart.total == 285_004 - 35_626


def test_ten_percent_sale_discount_is_shared_and_stored_per_line():
    """10 % off the sale is split over the lines in proportion, and the shares add up exactly."""
    cart = Cart()
    cart.add(SELENDANG, 2)
    cart.add(MASKER)
    cart.set_discount(Discount("percent", 1000))
    pricing = cart.pricing()
    assert pricing.subtotal == 595_000
    assert pricing.sale_discount == 59_500
    assert [p.sale_discount_share for p in pricing.lines] == [57_000, 2_500]
    assert [p.net for p in pricing.lines] == [513_000, 22_500]
    assert pricing.total == 535_500


def test_sale_discount_leftover_rupiah_goes_to_the_earlier_line_on_a_tie():
    """Rp 1 off two equal lines: the first line carries it, so the shares still sum to Rp 1."""
    cart = Cart()
    cart.add(MASKER)
    cart.add(Product("BMB-03", "Sedotan Bambu Set 5", "BMB", "Aksesoris", 25_000, 50, ""))
    cart.set_discount(Discount("amount", 1))
    assert [p.sale_discount_share for p in cart.pricing().lines] == [1, 0]


def test_line_discount_above_the_line_is_refused_and_cart_unchanged():
    """A Rp 30.000 discount on a Rp 25.000 mask is a typo: refused, nothing changes."""
    cart = Cart()
    cart.add(MASKER)
    before = _snapshot(cart)
    with pytest.raises(CartError, match="more than the line amount"):
        cart.set_line_discount(0, Discount("amount", 30_000))
    assert _snapshot(cart) == before
    assert cart.total == 25_000


def test_sale_discount_above_subtotal_is_refused_and_cart_unchanged():
    """A sale discount larger than the subtotal is refused and the old discount stays."""
    cart = Cart()
    cart.add(MASKER, 2)
    cart.set_discount(Discount("amount", 5_000))
    before = _snapshot(cart)
    with pytest.raises(CartError, match="more than the subtotal"):
        cart.set_discount(Discount("amount", 50_001))
    assert _snapshot(cart) == before
    assert cart.total == 45_000


def test_line_discount_that_would_sink_the_sale_discount_is_refused_and_cart_unchanged():
    """A line discount leaving less than the sale discount is refused; the line keeps its own."""
    cart = Cart()
    cart.add(MASKER, 2)
    cart.set_discount(Discount("amount", 40_000))
    before = _snapshot(cart)
    with pytest.raises(CartError):
        cart.set_line_discount(0, Discount("amount", 20_000))
    assert _snapshot(cart) == before


def test_lowering_quantity_below_the_line_discount_is_refused_and_cart_unchanged():
    """Three masks with Rp 60.000 off cannot become one mask; the quantity stays three."""
    cart = Cart()
    cart.add(MASKER, 3)
    cart.set_line_discount(0, Discount("amount", 60_000))
    before = _snapshot(cart)
    with pytest.raises(CartError):
        cart.set_qty(0, 1)
    assert _snapshot(cart) == before


def test_lowering_quantity_below_the_sale_discount_is_refused_and_cart_unchanged():
    """With Rp 100.000 off the sale, dropping to one mask is refused and the cart stays as is."""
    cart = Cart()
    cart.add(MASKER, 5)
    cart.set_discount(Discount("amount", 100_000))
    before = _snapshot(cart)
    with pytest.raises(CartError):
        cart.set_qty(0, 1)
    assert _snapshot(cart) == before
    assert cart.total == 25_000


def test_removing_a_line_below_the_sale_discount_is_refused_and_cart_unchanged():
    """Removing the selendang would leave less than the Rp 100.000 sale discount: refused."""
    cart = Cart()
    cart.add(SELENDANG)
    cart.add(MASKER)
    cart.set_discount(Discount("amount", 100_000))
    before = _snapshot(cart)
    with pytest.raises(CartError):
        cart.remove(0)
    assert _snapshot(cart) == before
    assert cart.total == 210_000


def test_removing_the_last_line_clears_the_sale_discount():
    """An emptied cart does not carry yesterday's sale discount to the next customer."""
    cart = Cart()
    cart.add(MASKER)
    cart.set_discount(Discount("percent", 1000))
    cart.remove(0)
    assert cart.lines == [] and cart.discount is None and cart.total == 0


@pytest.mark.parametrize(
    ("kind", "value"), [("amount", -1), ("percent", -1), ("percent", 10_001)]
)
def test_negative_or_over_100_percent_discounts_are_refused(kind, value):
    """A negative discount or more than 100 % never reaches a cart."""
    with pytest.raises(CartError):
        Discount(kind, value)


def test_every_cart_has_its_own_id():
    """Two customers' carts never share the id that makes completing a sale idempotent."""
    assert Cart().id != Cart().id


# -- settling tenders -------------------------------------------------------------------------


def test_split_tender_gives_change_only_in_cash():
    """Rp 535.500 paid Rp 100.000 by QRIS and Rp 600.000 cash gives Rp 164.500 change."""
    payments = settle(535_500, [Tender(Method.QRIS, 100_000), Tender(Method.CASH, 600_000)])
    assert payments == [
        Payment(Method.QRIS, 100_000, 100_000),
        Payment(Method.CASH, 435_500, 600_000),
    ]
    assert due_after(535_500, payments) == 0
    assert sum(p.change for p in payments) == 164_500


@pytest.mark.parametrize("method", [Method.QRIS, Method.CARD, Method.TRANSFER])
def test_only_cash_may_exceed_what_is_due(method):
    """A card, QRIS or transfer for more than is due is refused: there is no change to give."""
    with pytest.raises(PaymentError, match="Only cash"):
        settle(100_000, [Tender(method, 100_001)])
    with pytest.raises(PaymentError, match="Only cash"):
        settle(100_000, [Tender(Method.CASH, 50_000), Tender(method, 60_000)])


def test_an_empty_amount_pays_the_rest():
    """Choosing QRIS with no amount after Rp 50.000 cash pays exactly what is left."""
    payments = settle(120_000, [Tender(Method.CASH, 50_000), Tender(Method.QRIS, None, " QR1 ")])
    assert payments[1] == Payment(Method.QRIS, 70_000, 70_000, "QR1")
    assert due_after(120_000, payments) == 0


def test_a_short_payment_leaves_something_due():
    """Rp 50.000 against Rp 120.000 settles without error but leaves Rp 70.000 due."""
    payments = settle(120_000, [Tender(Method.CASH, 50_000)])
    assert due_after(120_000, payments) == 70_000


def test_nothing_more_can_be_tendered_once_paid():
    """After a cash tender covers the total, another tender is refused."""
    with pytest.raises(PaymentError, match="Nothing is left"):
        settle(100_000, [Tender(Method.CASH, 150_000), Tender(Method.QRIS, 10_000)])
    with pytest.raises(PaymentError, match="Nothing is left"):
        settle(100_000, [Tender(Method.CARD), Tender(Method.CASH)])


@pytest.mark.parametrize("amount", [0, -5_000])
def test_zero_or_negative_tender_is_refused(amount):
    """A tender of nothing, or of less than nothing, is a mistake."""
    with pytest.raises(PaymentError):
        settle(100_000, [Tender(Method.CASH, amount)])


def test_a_free_sale_settles_with_nothing():
    """A 100 % discounted sale needs no payment at all."""
    assert settle(0, []) == []
    assert due_after(0, settle(0, [Tender(Method.CASH)])) == 0


# -- discount sharing for every cart ---------------------------------------------------------


@st.composite
def discounted_carts(draw) -> Cart:
    """A cart of 1-8 lines with random prices, quantities, line and sale discounts."""
    cart = Cart()
    n = draw(st.integers(1, 8))
    for i in range(n):
        price = draw(st.integers(1, 5_000_000))
        qty = draw(st.integers(1, 20))
        cart.add(Product(f"SKU-{i}", f"Barang {i}", "ECO", "", price, 5, ""), qty)
        gross = price * qty
        kind = draw(st.sampled_from([None, "amount", "percent"]))
        if kind == "amount":
            cart.set_line_discount(i, Discount("amount", draw(st.integers(0, gross))))
        elif kind == "percent":
            cart.set_line_discount(i, Discount("percent", draw(st.integers(0, 10_000))))
    subtotal = cart.pricing().subtotal
    kind = draw(st.sampled_from([None, "amount", "percent"]))
    if kind == "amount":
        cart.set_discount(Discount("amount", draw(st.integers(0, subtotal))))
    elif kind == "percent":
        cart.set_discount(Discount("percent", draw(st.integers(0, 10_000))))
    return cart


@FAST
@given(discounted_carts())
def test_sale_discount_shares_always_add_up_and_no_line_goes_below_zero(cart):
    """Every cart: shares sum to the sale discount, none is negative, no line nets below zero."""
    pricing = cart.pricing()
    shares = [p.sale_discount_share for p in pricing.lines]
    assert sum(shares) == pricing.sale_discount
    assert all(s >= 0 for s in shares)
    assert all(p.net >= 0 for p in pricing.lines)
    assert all(p.sale_discount_share <= p.amount for p in pricing.lines)
    assert pricing.total == sum(p.net for p in pricing.lines)
    assert pricing.total == pricing.subtotal - pricing.sale_discount >= 0
    for line, price in zip(cart.lines, pricing.lines, strict=True):
        assert price.amount == line.unit_price * line.qty - price.line_discount
        assert all(type(v) is int for v in (price.net, price.amount, price.sale_discount_share))

"""Unlabelled goods at a typed price: open-price lines in the cart follow the cart's rules."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booth_pos.model import (
    MAX_UNIT_PRICE,
    OPEN_PRICE_SKU,
    Cart,
    CartError,
    Discount,
    Product,
    RefundLine,
    SaleLine,
)
from booth_pos.services import selling

SELENDANG = Product("ECO-01", "Selendang Ecoprint Daun Jati", "ECO", "Ecoprint", 285_000, 12, "")


def test_an_open_price_line_has_no_product_and_the_typed_price():
    """A bag without its label: a line for ECO at Rp 75.000, no SKU, marked open-price."""
    cart = Cart()
    line = cart.add_open("ECO", "Tas ecoprint kecil", 75_000, 2)
    assert line.open_price and line.sku == OPEN_PRICE_SKU == ""
    assert (line.artisan_code, line.name, line.unit_price, line.qty) == (
        "ECO",
        "Tas ecoprint kecil",
        75_000,
        2,
    )
    assert line.list_price is None and line.category == ""
    assert cart.total == 150_000


def test_two_open_price_lines_never_merge_and_never_swallow_a_scan():
    """The same name and price typed twice stays two lines; a scanned product gets its own."""
    cart = Cart()
    cart.add_open("ECO", "Tas", 75_000)
    cart.add_open("ECO", "Tas", 75_000)
    cart.add(SELENDANG)
    cart.add(SELENDANG)
    assert [(ln.open_price, ln.qty) for ln in cart.lines] == [(True, 1), (True, 1), (False, 2)]


@pytest.mark.parametrize("price", [0, -5_000, MAX_UNIT_PRICE + 1, 10**15, True, 1.5, "75000"])
def test_a_refused_open_price_leaves_the_cart_as_it_was(price):
    """Zero, negative, absurd, or not a whole rupiah amount: refused, nothing added."""
    cart = Cart()
    cart.add(SELENDANG)
    before = copy.deepcopy(cart.lines)
    with pytest.raises(CartError):
        cart.add_open("ECO", "Tas", price)
    assert cart.lines == before


@pytest.mark.parametrize("qty", [0, -1, 10_000, True])
def test_a_refused_open_quantity_leaves_the_cart_as_it_was(qty):
    """Quantities follow the same rule as scanned goods (1 to 9999)."""
    cart = Cart()
    with pytest.raises(CartError):
        cart.add_open("ECO", "Tas", 75_000, qty)
    assert cart.lines == []


def test_typing_another_price_on_an_open_line_is_no_override():
    """No catalogue price to override: the line keeps no list price, so nobody must approve."""
    cart = Cart()
    cart.add_open("ECO", "Tas", 75_000)
    cart.set_unit_price(0, 60_000)
    assert (cart.lines[0].unit_price, cart.lines[0].list_price) == (60_000, None)
    with pytest.raises(CartError):
        cart.set_unit_price(0, MAX_UNIT_PRICE + 1)
    assert cart.lines[0].unit_price == 60_000


def test_discounts_and_quantities_work_on_open_lines_like_any_line():
    """A line discount, a quantity change and a sale discount shared exactly over both lines."""
    cart = Cart()
    cart.add(SELENDANG)
    cart.add_open("BKR", "Kain batik", 100_001)
    cart.set_qty(1, 3)
    cart.set_line_discount(1, Discount("amount", 3))
    cart.set_discount(Discount("percent", 1000))
    pricing = cart.pricing()
    assert pricing.lines[1].amount == 300_000
    assert sum(p.sale_discount_share for p in pricing.lines) == pricing.sale_discount
    assert pricing.total == (285_000 + 300_000) - pricing.sale_discount


def test_a_stored_line_without_a_sku_is_an_open_price_line():
    """Sale and refund lines tell an open-price line by its empty SKU (no schema change)."""
    sold = SaleLine(1, "", "Tas", "ECO", "", 75_000, 1, 0, 0, 1500)
    assert sold.open_price
    assert not SaleLine(2, "ECO-01", "Selendang", "ECO", "Ecoprint", 1, 1, 0, 0, 1500).open_price
    assert RefundLine(1, "", "Tas", "ECO", 75_000, 1, 75_000, 1500).open_price


def test_the_default_name_is_in_the_receipt_language():
    """No name typed: "Barang Sekar Ecoprint" on an Indonesian receipt, "... item" in English."""
    assert selling.open_price_name("Sekar Ecoprint", "id") == "Barang Sekar Ecoprint"
    assert selling.open_price_name("Sekar Ecoprint", "en") == "Sekar Ecoprint item"


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("", ""),
        ("   ", ""),
        (None, ""),
        ("  Tas   pandan ", "Tas pandan"),
        ("Tas: kecil", "Tas: kecil"),
    ],
)
def test_an_open_name_is_cleaned(name, kept):
    """Spaces collapse; nothing typed means the default name."""
    assert selling.check_open_name(name) == kept


@pytest.mark.parametrize("name", ["Tas\x00", "Tas\u202ekecil", "x" * (selling.MAX_OPEN_NAME + 1)])
def test_an_open_name_that_would_print_as_garbage_is_refused(name):
    """A NUL, a right-to-left override or a novel is refused, in both languages."""
    with pytest.raises(CartError) as refused:
        selling.check_open_name(name)
    assert refused.value.en and refused.value.id


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**16), max_value=10**16))
def test_every_open_price_in_range_is_taken_and_every_other_refused(price):
    """Exactly Rp 1 to MAX_UNIT_PRICE is a price; everything else is refused."""
    if 1 <= price <= MAX_UNIT_PRICE:
        assert selling.check_open_price(price) == price
    else:
        with pytest.raises(CartError):
            selling.check_open_price(price)

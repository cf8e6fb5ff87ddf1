"""What stands between a cart and its payment, asked once for the window and the CLI alike."""

from __future__ import annotations

import pytest
from helpers import raw

from booth_pos.model import Cart, Discount, KnownError
from booth_pos.services import approvals, days, selling, staff
from booth_pos.services.selling import BlockerKind

CHEAP = staff.PinCost(n=16, r=1, p=1)  # the real cost is the default; tests need speed


@pytest.fixture
def crew(demo_store, clock):
    """Dewi (supervisor, 2468) and Rina (cashier, 1111) on the demo stand."""
    staff.add_staff(demo_store, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        demo_store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    return demo_store


def cart_of(store, *items: str, cashier: str = "") -> Cart:
    cart = Cart(cashier=cashier)
    for item in items:
        selling.add(store, cart, item)
    return cart


def kinds(store, cart) -> list[BlockerKind]:
    return [b.kind for b in selling.checkout_blockers(store, cart)]


def test_an_open_day_on_a_stand_without_staff_lets_any_cart_be_paid(demo_store, clock):
    """No accounts, the day open, goods in the cart: nothing blocks the payment."""
    days.open_day(demo_store, clock, 0)
    assert selling.checkout_blockers(demo_store, cart_of(demo_store, "ECO-01")) == []


def test_an_empty_cart_is_the_only_thing_said(crew):
    """Nothing scanned: the cart is empty, and nothing else is worth saying yet."""
    (blocker,) = selling.checkout_blockers(crew, Cart())
    assert blocker.kind is BlockerKind.EMPTY_CART
    assert (blocker.en, blocker.id) == ("The cart is empty", "Keranjang kosong")


def test_no_open_day_blocks_with_words_in_both_languages(demo_store):
    """Before the day is opened a sale is refused with a message a person can act on."""
    (blocker,) = selling.checkout_blockers(demo_store, cart_of(demo_store, "ECO-01"))
    assert blocker.kind is BlockerKind.NO_DAY
    assert isinstance(blocker, KnownError)
    assert blocker.text("en") == "Open the business day before selling"
    assert blocker.text("id") == "Buka hari penjualan sebelum berjualan"


def test_with_staff_nobody_signed_in_blocks_and_a_stranger_too(crew, clock):
    """Accounts exist: no cashier, or a name that is not an account, must sign in first."""
    days.open_day(crew, clock, 0)
    for cashier in ("", "Stranger"):
        (blocker,) = selling.checkout_blockers(crew, cart_of(crew, "ECO-01", cashier=cashier))
        assert blocker.kind is BlockerKind.SIGN_IN
        assert blocker.text("en") == "Sign in before taking payment"
    assert kinds(crew, cart_of(crew, "ECO-01", cashier="Rina")) == []


def test_a_big_discount_blocks_until_a_supervisor_approves(crew, clock):
    """Rina's 50 % discount is listed until Dewi approves it; then the cart may be paid."""
    days.open_day(crew, clock, 0)
    cart = cart_of(crew, "ECO-04", cashier="Rina")
    cart.set_discount(Discount("percent", 5000))
    (blocker,) = selling.checkout_blockers(crew, cart)
    assert blocker.kind is BlockerKind.APPROVAL
    assert blocker.en == approvals.needs_approval(crew, cart)[0].en
    approvals.approve_discount(
        crew, cart, Discount("percent", 5000), supervisor="Dewi", pin="2468", reason="bulk",
        clock=clock,
    )  # fmt: skip
    assert selling.checkout_blockers(crew, cart) == []


def test_everything_missing_is_listed_in_the_order_to_fix_it(crew, clock):
    """No day and nobody signed in: the day first, then the sign-in; approvals wait for a name."""
    cart = cart_of(crew, "ECO-04")
    cart.set_discount(Discount("percent", 5000))
    assert kinds(crew, cart) == [BlockerKind.NO_DAY, BlockerKind.SIGN_IN]
    cart.cashier = "Rina"
    assert kinds(crew, cart) == [BlockerKind.NO_DAY, BlockerKind.APPROVAL]


def test_asking_writes_nothing(crew):
    """The checklist only reads: no day is opened, no row of any table is written."""
    before = raw(crew).conn.total_changes
    selling.checkout_blockers(crew, cart_of(crew, "ECO-04"))
    assert raw(crew).conn.total_changes == before
    assert days.current_day(crew) is None and crew.sales.count() == 0

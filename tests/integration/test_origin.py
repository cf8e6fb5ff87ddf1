"""The customer's origin: only the stand's configured codes reach a sale and its reports."""

from __future__ import annotations

import dataclasses

import pytest

from booth_pos.model import Cart, CartError, Method, Tender
from booth_pos.services import days, selling


@pytest.fixture
def open_stand(demo_store, clock):
    days.open_day(demo_store, clock, 500_000)
    return demo_store


def cart_from(store, origin: str) -> Cart:
    cart = Cart(cashier="Rina", origin=origin)
    selling.add(store, cart, "ECO-01")
    return cart


@pytest.mark.parametrize(
    "origin",
    ["XX", "Korea", "K" * 100_000, "KR\u202e", "\u202eRK", "ID\x00", "ÏD"],
)
def test_an_origin_outside_the_stands_codes_never_becomes_a_row_of_the_report(
    open_stand, clock, origin
):
    """A typo, 100,000 characters or a right-to-left override is refused; nothing is sold."""
    cart = cart_from(open_stand, origin)
    with pytest.raises(CartError) as refused:
        selling.complete(open_stand, cart, [Tender(Method.CASH)], clock)
    assert "ID, KR, FR, IN, OTHER" in refused.value.en
    assert "ID, KR, FR, IN, OTHER" in refused.value.id
    assert len(refused.value.en) < 200  # the message does not repeat 100,000 characters
    assert "\u202e" not in refused.value.en  # shown escaped, never reordering the line
    assert open_stand.sales.recent() == []


def test_a_configured_origin_is_recorded_in_capitals_and_empty_means_none(open_stand, clock):
    """Korea typed by hand as "kr" is KR; no origin is recorded as none, as before."""
    cash = [Tender(Method.CASH)]
    korea = selling.complete(open_stand, cart_from(open_stand, " kr "), cash, clock)
    nobody = selling.complete(open_stand, cart_from(open_stand, ""), cash, clock)
    assert (korea.origin, nobody.origin) == ("KR", "")


def test_the_stands_own_origin_list_is_the_rule(open_stand, clock):
    """A stand that added Japan sells to JP; a stand that removed India refuses IN."""
    settings = dataclasses.replace(open_stand.settings(), origins=("ID", "JP"))
    open_stand.save_settings(settings)
    sale = selling.complete(open_stand, cart_from(open_stand, "JP"), [Tender(Method.CASH)], clock)
    assert sale.origin == "JP"
    with pytest.raises(CartError, match="ID, JP"):
        selling.check_origin(open_stand.settings(), "IN")


def test_the_demo_sells_on_a_stand_that_chose_its_own_origin_codes(store, clock):
    """A stand that set its origins before loading the demo still gets its demo sales,
    recorded only with its own codes."""
    from booth_pos.services import demo

    store.save_settings(dataclasses.replace(store.settings(), origins=("ID", "JP")))
    demo.load_stand(store, clock)
    demo.simulate(store, 1, 40, seed=3)
    origins = {store.sales.get(r[0]).origin for r in store.sales.recent()}
    assert origins <= {"ID", ""} and "ID" in origins

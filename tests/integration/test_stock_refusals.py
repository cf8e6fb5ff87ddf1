"""Bad goods-in, goods-back, counts and payouts are refused in both languages and write
nothing: every row of the file and the journal are as they were.

The window (Products page -> "Barang masuk…") calls the services directly, not through the
command line's ``QTY*SKU`` parser, so the services themselves must refuse a quantity of
zero, below zero or not a whole number.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booth_pos.clock import Clock
from booth_pos.model import Cart, KnownError, Method, PayoutError, StockError, Tender
from booth_pos.services import days, payouts, records, selling, stock
from booth_pos.store import open_store

WIB = ZoneInfo("Asia/Jakarta")


def dump(path) -> list[str]:
    """Every row of every table, and the schema, as SQL text (read by a second connection:
    what is committed)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def stand(tmp_path):
    """BTK (20 %) with BTK-01 (3 on hand) and BTK-02 (sold beyond stock: -1); ANY (12,5 %)
    with ANY-01 (2 on hand); one day open with Rp 50.000 in the drawer and BTK owed about
    Rp 1,1 million (sold by transfer)."""
    path = tmp_path / "booth.sqlite"
    store = open_store(path)
    clock = Clock(datetime(2023, 3, 1, 8, 0, tzinfo=WIB))
    records.add_artisan(store, "BTK", name="Batik Lestari", commission="20", at=clock.now())
    records.add_artisan(store, "ANY", name="Anyaman Sari", commission="12,5", at=clock.now())
    for sku, artisan, price in (
        ("BTK-01", "BTK", "350000"),
        ("BTK-02", "BTK", "175000"),
        ("ANY-01", "ANY", "85500"),
    ):
        records.add_product(store, sku, name=sku, artisan=artisan, price=price, clock=clock)
    stock.receive(store, clock, "BTK", [("BTK-01", 7)])
    stock.receive(store, clock, "ANY", [("ANY-01", 2)])
    days.open_day(store, clock, 50_000)
    cart = Cart(cashier="")
    selling.add(store, cart, "4*BTK-01")
    selling.add(store, cart, "BTK-02")
    selling.complete(store, cart, [Tender(Method.TRANSFER, None, "ref")], clock)
    yield store, clock, path
    store.close()


def refused(path, error_type, call):
    """Run ``call``; it must raise ``error_type`` (a KnownError with both languages) and
    leave the file exactly as it was."""
    before = dump(path)
    with pytest.raises(error_type) as caught:
        call()
    exc = caught.value
    assert isinstance(exc, KnownError)
    assert exc.en.strip() and exc.id.strip() and exc.en != exc.id
    assert dump(path) == before
    return exc


# -- goods in and back ---------------------------------------------------------------------------


def test_giving_back_more_than_on_hand_is_refused(stand):
    """Three Kain on the shelf: four cannot go home."""
    store, clock, path = stand
    exc = refused(path, StockError, lambda: stock.give_back(store, clock, "BTK", [("BTK-01", 4)]))
    assert "3" in exc.en and "4" in exc.en


def test_giving_back_more_than_on_hand_split_over_two_items_is_refused(stand):
    """2 + 2 of the same Kain (by SKU and by barcode) is 4, more than the 3 on hand."""
    store, clock, path = stand
    barcode = store.products.by_sku("BTK-01").barcode
    refused(
        path,
        StockError,
        lambda: stock.give_back(store, clock, "BTK", [("BTK-01", 2), (barcode, 2)]),
    )
    done = stock.give_back(store, clock, "BTK", [("BTK-01", 2), (barcode, 1)])
    assert [(ln.sku, ln.units) for ln in done.lines] == [("BTK-01", 3)]


def test_giving_back_an_oversold_product_is_refused(stand):
    """BTK-02 is at -1: nothing of it can be handed back."""
    store, clock, path = stand
    refused(path, StockError, lambda: stock.give_back(store, clock, "BTK", [("BTK-02", 1)]))


def test_giving_back_everything_when_nothing_is_left_is_refused(stand):
    """ANY's two bags handed back, then "everything left" again: nothing to note."""
    store, clock, path = stand
    stock.give_back(store, clock, "ANY")
    refused(path, StockError, lambda: stock.give_back(store, clock, "ANY"))


@pytest.mark.parametrize("action", ["receive", "give_back"])
def test_a_sku_of_another_artisan_is_refused(stand, action):
    """ANY-01 on BTK's note."""
    store, clock, path = stand
    fn = getattr(stock, action)
    exc = refused(path, StockError, lambda: fn(store, clock, "BTK", [("BTK-01", 1), ("ANY-01", 1)]))
    assert "ANY" in exc.en


@pytest.mark.parametrize("action", ["receive", "give_back"])
def test_an_unknown_sku_or_artisan_is_refused(stand, action):
    store, clock, path = stand
    fn = getattr(stock, action)
    refused(path, StockError, lambda: fn(store, clock, "BTK", [("NOPE-9", 1)]))
    refused(path, StockError, lambda: fn(store, clock, "XXX", [("BTK-01", 1)]))


@pytest.mark.parametrize("qty", [0, -1, -3, 2.5, True, "3", None])
@pytest.mark.parametrize("action", ["receive", "give_back"])
def test_zero_negative_or_not_whole_quantities_are_refused_by_the_service(stand, action, qty):
    """What the window hands the service directly: only whole numbers of 1 or more."""
    store, clock, path = stand
    fn = getattr(stock, action)
    refused(path, StockError, lambda: fn(store, clock, "BTK", [("BTK-01", qty)]))


@pytest.mark.parametrize(
    "text", ["0*BTK-01", "-1*BTK-01", "x*BTK-01", "2.5*BTK-01", "*BTK-01", "3*", "", "10000*BTK-01"]
)
def test_bad_quantities_typed_are_refused(stand, text):
    """What the command line parses: ``QTY*SKU`` with QTY a whole number of 1 or more."""
    _store, _clock, path = stand
    refused(path, StockError, lambda: stock.parse_items([text]))


def test_nothing_to_receive_is_refused(stand):
    store, clock, path = stand
    refused(path, StockError, lambda: stock.receive(store, clock, "BTK", []))


def test_a_deactivated_artisan_takes_no_goods_in(stand):
    store, clock, path = stand
    records.edit_artisan(store, "ANY", active=False, at=clock.now())
    refused(path, StockError, lambda: stock.receive(store, clock, "ANY", [("ANY-01", 1)]))


def test_a_note_too_long_is_refused(stand):
    store, clock, path = stand
    refused(
        path,
        StockError,
        lambda: stock.receive(store, clock, "BTK", [("BTK-01", 1)], note="x" * 501),
    )


# -- counts --------------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_count_without_a_reason_is_refused(stand, reason):
    store, clock, path = stand
    refused(path, StockError, lambda: stock.count(store, clock, [("BTK-01", 2)], reason=reason))


def test_a_count_of_one_product_twice_or_of_nothing_is_refused(stand):
    store, clock, path = stand
    refused(
        path,
        StockError,
        lambda: stock.count(store, clock, [("BTK-01", 2), ("BTK-01", 3)], reason="opname"),
    )
    refused(path, StockError, lambda: stock.count(store, clock, [], reason="opname"))
    refused(path, StockError, lambda: stock.count(store, clock, [("NOPE", 1)], reason="opname"))


@pytest.mark.parametrize("counted", [-1, 2.5, True, "2", None, 10_000])
def test_a_count_below_zero_or_not_whole_is_refused_by_the_service(stand, counted):
    """A shelf holds 0 or more whole units."""
    store, clock, path = stand
    refused(
        path, StockError, lambda: stock.count(store, clock, [("BTK-01", counted)], reason="opname")
    )


@pytest.mark.parametrize("text", ["BTK-01", "=3", "BTK-01=-1", "BTK-01=x", "BTK-01=1.5"])
def test_bad_counts_typed_are_refused(stand, text):
    _store, _clock, path = stand
    refused(path, StockError, lambda: stock.parse_counts([text]))


def test_the_ledger_of_an_unknown_artisan_is_refused(stand):
    store, _clock, path = stand
    refused(path, StockError, lambda: stock.ledger(store, "XXX"))


# -- payouts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", [0, -5_000, True, 2.5, "100000"])
def test_a_payout_of_nothing_or_not_rupiah_is_refused(stand, amount):
    store, clock, path = stand
    refused(path, PayoutError, lambda: payouts.pay(store, clock, "BTK", amount, "transfer"))


def test_a_payout_over_the_balance_is_refused(stand):
    """BTK is owed its payout on 4 Kain and 1 Selendang; one rupiah more is refused, the
    balance itself is not."""
    store, clock, path = stand
    owed = payouts.owed(store, "BTK")
    net = 4 * 350_000 + 175_000
    assert owed == net - (net * 2000 + 5_000) // 10_000  # 20 %, half up
    refused(path, PayoutError, lambda: payouts.pay(store, clock, "BTK", owed + 1, "transfer"))
    refused(path, PayoutError, lambda: payouts.pay(store, clock, "ANY", 1, "transfer"))  # owed 0
    payouts.pay(store, clock, "BTK", owed, "transfer", reference="BCA 1")
    refused(path, PayoutError, lambda: payouts.pay(store, clock, "BTK", 1, "transfer"))


@pytest.mark.parametrize("method", ["cheque", "", "qris", None])
def test_a_payout_by_an_unknown_method_is_refused(stand, method):
    store, clock, path = stand
    refused(path, PayoutError, lambda: payouts.pay(store, clock, "BTK", 10_000, method))


def test_a_payout_to_an_unknown_artisan_is_refused(stand):
    store, clock, path = stand
    refused(path, PayoutError, lambda: payouts.pay(store, clock, "XXX", 10_000, "transfer"))


def test_a_cash_payout_with_no_open_day_is_refused(stand):
    """The drawer belongs to the open day: closed, no cash leaves it (a transfer may)."""
    store, clock, path = stand
    days.close_day(store, clock, 50_000, backup_now=False)
    refused(path, PayoutError, lambda: payouts.pay(store, clock, "BTK", 10_000, "cash"))
    payouts.pay(store, clock, "BTK", 10_000, "transfer")


def test_a_cash_payout_over_what_the_drawer_holds_is_refused(stand):
    """Rp 50.000 in the drawer, over a million owed: Rp 50.001 in cash is refused, Rp 50.000
    is not, and then the drawer is empty."""
    store, clock, path = stand
    day = days.current_day(store)
    assert days.expected_cash(store, day) == 50_000
    refused(path, PayoutError, lambda: payouts.pay(store, clock, "BTK", 50_001, "cash"))
    payouts.pay(store, clock, "BTK", 50_000, "cash")
    assert days.expected_cash(store, day) == 0
    refused(path, PayoutError, lambda: payouts.pay(store, clock, "BTK", 1, "cash"))


def test_a_reference_too_long_is_refused(stand):
    store, clock, path = stand
    refused(
        path,
        PayoutError,
        lambda: payouts.pay(store, clock, "BTK", 1_000, "transfer", reference="R" * 81),
    )


# -- the parsers, for every input -----------------------------------------------------------------

SKU = st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,15}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=20), max_size=4))
def test_parse_items_refuses_in_words_or_parses(texts):
    """Whatever is typed, parse_items either refuses with a StockError or returns pairs of
    a non-empty code and a quantity 1..9999."""
    try:
        items = stock.parse_items(texts)
    except StockError as exc:
        assert exc.en and exc.id
        return
    assert len(items) == len(texts)
    for code, qty in items:
        assert code and code == code.strip()
        assert type(qty) is int and 1 <= qty <= 9999


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=20), max_size=4))
def test_parse_counts_refuses_in_words_or_parses(texts):
    try:
        counts = stock.parse_counts(texts)
    except StockError as exc:
        assert exc.en and exc.id
        return
    assert len(counts) == len(texts)
    for code, qty in counts:
        assert code and code == code.strip()
        assert type(qty) is int and 0 <= qty <= 9999


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(SKU, st.integers(1, 9999)), max_size=5), st.booleans())
def test_parse_items_round_trips_what_it_is_given(items, bare_ones):
    """``QTY*SKU`` (and a bare ``SKU`` for one unit) gives back exactly those pairs."""
    texts = [sku if bare_ones and qty == 1 else f"{qty}*{sku}" for sku, qty in items]
    assert stock.parse_items(texts) == items
    assert stock.parse_items([f"  {t}  " for t in texts]) == items


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(SKU, st.integers(0, 9999)), max_size=5))
def test_parse_counts_round_trips_what_it_is_given(counts):
    assert stock.parse_counts([f"{sku}={n}" for sku, n in counts]) == counts

"""Ringing up at the stand: scanning into a cart and committing the sale in one transaction."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from helpers import raw

from booth_pos.barcodes import in_store_ean13
from booth_pos.model import (
    Cart,
    CartError,
    DayError,
    Discount,
    Method,
    PaymentError,
    Tender,
    UnknownCode,
)
from booth_pos.services import days, demo, selling
from booth_pos.store import open_store


@pytest.fixture
def open_stand(demo_store, clock):
    """The demo stand with the day opened at 10:00 WIB with a Rp 500.000 float."""
    days.open_day(demo_store, clock, 500_000)
    return demo_store


def product(store, sku):
    return store.products.by_code(sku)


def cart_of(store, *items: str, discount: Discount | None = None) -> Cart:
    cart = Cart(cashier="Rina")
    for item in items:
        selling.add(store, cart, item)
    if discount:
        cart.set_discount(discount)
    return cart


def table_counts(store) -> dict[str, int]:
    tables = ("sales", "sale_lines", "payments", "stock_moves", "till_counters", "days")
    return {t: raw(store).execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def stocks(store) -> dict[str, int]:
    return {p.sku: p.stock for p in store.products.all()}


# -- scanning ----------------------------------------------------------------------------------


def test_scanning_a_barcode_adds_the_product(demo_store):
    """The scanner types a label's barcode: the masker lands in the cart at its price."""
    cart = Cart()
    line, found = selling.add(demo_store, cart, "8990001234103")
    assert found.sku == "BKR-05"
    assert (line.sku, line.qty, line.unit_price) == ("BKR-05", 1, 25_000)


def test_typing_a_sku_adds_the_product(demo_store):
    """Goods whose label fell off are rung up by typing the SKU written on the price list."""
    cart = Cart()
    selling.add(demo_store, cart, "ECO-01")
    assert [(ln.sku, ln.qty, ln.unit_price) for ln in cart.lines] == [("ECO-01", 1, 285_000)]


@pytest.mark.parametrize("text", ["3*ECO-01", " 3 * ECO-01 ", "3*8990001234059"])
def test_quantity_star_code_adds_several(demo_store, text):
    """Typing 3*CODE rings up three at once, by SKU or by barcode."""
    cart = Cart()
    selling.add(demo_store, cart, text)
    assert cart.item_count == 3


def test_scanning_again_raises_the_quantity_of_the_same_row(demo_store):
    """Scanning the same label twice, and by SKU once more, gives one row of three."""
    cart = Cart()
    for code in ("8990001234103", "8990001234103", "BKR-05"):
        selling.add(demo_store, cart, code)
    assert [(ln.sku, ln.qty) for ln in cart.lines] == [("BKR-05", 3)]
    assert cart.total == 75_000


@pytest.mark.parametrize("text", ["NOPE-99", "3*NOPE-99", "8990001234104"])
def test_unknown_code_is_refused_and_leaves_the_cart_unchanged(demo_store, text):
    """A code the stand does not know warns the cashier and changes nothing in the cart."""
    cart = cart_of(demo_store, "ECO-01")
    before = dataclasses.replace(cart, lines=[dataclasses.replace(ln) for ln in cart.lines])
    with pytest.raises(UnknownCode) as info:
        selling.add(demo_store, cart, text)
    assert info.value.code in text
    assert "Kode tidak dikenal" in info.value.text("id")
    assert cart == before


def test_a_sku_that_looks_like_a_quantity_is_still_found(demo_store, clock):
    """A pillow cover with SKU 40X40-SLM is rung up as itself, not as 40 of '40-SLM'."""
    pillow = dataclasses.replace(
        product(demo_store, "SLM-02"), sku="40X40-SLM", barcode=in_store_ean13(999)
    )
    demo_store.products.upsert([pillow], clock.now())
    cart = Cart()
    selling.add(demo_store, cart, "40X40-SLM")
    selling.add(demo_store, cart, "2*40X40-SLM")
    assert [(ln.sku, ln.qty) for ln in cart.lines] == [("40X40-SLM", 3)]


@pytest.mark.parametrize("text", ["", "   ", "0*ECO-01", "2*"])
def test_empty_or_zero_quantity_entries_are_refused(demo_store, text):
    """An empty Enter or a zero quantity adds nothing."""
    cart = Cart()
    with pytest.raises((CartError, UnknownCode)):
        selling.add(demo_store, cart, text)
    assert cart.lines == []


# -- completing a sale ----------------------------------------------------------------------------


def test_completing_writes_sale_lines_payments_and_stock_together(open_stand, clock):
    """A paid cart becomes one stored sale with its lines, payments and stock taken off."""
    before = stocks(open_stand)
    cart = cart_of(open_stand, "2*ECO-01", "BKR-05", discount=Discount("percent", 1000))
    tenders = [Tender(Method.QRIS, 100_000, "QR123"), Tender(Method.CASH, 600_000)]
    sale = selling.complete(open_stand, cart, tenders, clock)

    assert sale.receipt_no == "T1-000001"
    assert (sale.subtotal, sale.discount, sale.total) == (595_000, 59_500, 535_500)
    assert (sale.paid, sale.tendered, sale.change) == (535_500, 700_000, 164_500)
    assert sale.created_at == clock.now()
    assert str(sale.business_date) == "2023-03-01"
    stored = open_stand.sales.get("T1-000001")
    assert stored == sale
    assert [
        (ln.sku, ln.qty, ln.unit_price, ln.sale_discount_share, ln.net) for ln in stored.lines
    ] == [
        ("ECO-01", 2, 285_000, 57_000, 513_000),
        ("BKR-05", 1, 25_000, 2_500, 22_500),
    ]
    assert [(p.method, p.amount, p.tendered, p.reference) for p in stored.payments] == [
        (Method.QRIS, 100_000, 100_000, "QR123"),
        (Method.CASH, 435_500, 600_000, ""),
    ]
    after = stocks(open_stand)
    assert after["ECO-01"] == before["ECO-01"] - 2
    assert after["BKR-05"] == before["BKR-05"] - 1
    assert {k: v for k, v in after.items() if k not in ("ECO-01", "BKR-05")} == {
        k: v for k, v in before.items() if k not in ("ECO-01", "BKR-05")
    }
    moves = raw(open_stand).execute(
        "SELECT sku, qty, ref FROM stock_moves WHERE kind = 'sale' ORDER BY sku"
    ).fetchall()
    assert moves == [("BKR-05", -1, "T1-000001"), ("ECO-01", -2, "T1-000001")]
    # Only the cash actually kept counts towards the till: float + total cash minus change.
    assert days.expected_cash(open_stand, days.current_day(open_stand)) == 500_000 + 435_500


def test_receipt_numbers_are_consecutive_per_till(open_stand, clock):
    """Three customers get T1-000001, T1-000002, T1-000003: no gaps, no repeats."""
    receipts = []
    for code in ("ECO-01", "BKR-05", "3*PDN-02"):
        sale = selling.complete(open_stand, cart_of(open_stand, code), [Tender(Method.CASH)], clock)
        receipts.append(sale.receipt_no)
    assert receipts == ["T1-000001", "T1-000002", "T1-000003"]


def test_a_second_till_numbers_its_own_receipts(open_stand, clock):
    """A second till (T2) at the stand starts its own series, so merged data never collides."""
    selling.complete(open_stand, cart_of(open_stand, "ECO-01"), [Tender(Method.CASH)], clock)
    open_stand.save_settings(dataclasses.replace(open_stand.settings(), till="T2"))
    days.open_day(open_stand, clock, 0)
    sale = selling.complete(open_stand, cart_of(open_stand, "BKR-05"), [Tender(Method.CASH)], clock)
    assert sale.receipt_no == "T2-000001"


def test_completing_the_same_cart_twice_makes_one_sale(open_stand, clock):
    """A double click on Pay returns the first sale and writes nothing more."""
    cart = cart_of(open_stand, "2*ECO-01")
    first = selling.complete(open_stand, cart, [Tender(Method.CASH, 600_000)], clock)
    counts = table_counts(open_stand)
    stock = stocks(open_stand)
    again = selling.complete(open_stand, cart, [Tender(Method.QRIS)], clock)
    assert again == first
    assert table_counts(open_stand) == counts
    assert stocks(open_stand) == stock
    nxt = selling.complete(open_stand, cart_of(open_stand, "BKR-05"), [Tender(Method.CASH)], clock)
    assert nxt.receipt_no == "T1-000002"


def test_a_failure_mid_sale_leaves_nothing_and_keeps_the_receipt_number(
    open_stand, clock, monkeypatch
):
    """If the disk fails half-way through writing a sale, no trace of it remains."""
    counts = table_counts(open_stand)
    stock = stocks(open_stand)
    real_insert = open_stand.sales.insert

    def insert_then_fail(sale, seq):
        real_insert(sale, seq)  # sale, lines, payments and stock all written...
        assert open_stand.sales.exists(sale.id)
        raise OSError("disk I/O error")  # ...then the power strip gets kicked

    monkeypatch.setattr(open_stand.sales, "insert", insert_then_fail)
    cart = cart_of(open_stand, "2*ECO-01", "BKR-05")
    with pytest.raises(OSError):
        selling.complete(open_stand, cart, [Tender(Method.CASH)], clock)
    assert table_counts(open_stand) == counts
    assert stocks(open_stand) == stock
    assert open_stand.sales.get(cart.id) is None

    monkeypatch.undo()
    sale = selling.complete(open_stand, cart, [Tender(Method.CASH)], clock)
    assert sale.receipt_no == "T1-000001"  # the failed attempt consumed no number


def test_a_sale_after_the_day_is_closed_is_refused_and_uses_no_number(open_stand, clock):
    """Once the day is closed the till refuses sales; the refused one burns no receipt number."""
    selling.complete(open_stand, cart_of(open_stand, "ECO-01"), [Tender(Method.CASH)], clock)
    days.close_day(open_stand, clock, 785_000)
    counts = table_counts(open_stand)
    with pytest.raises(DayError):
        selling.complete(open_stand, cart_of(open_stand, "BKR-05"), [Tender(Method.CASH)], clock)
    assert table_counts(open_stand) == counts
    days.open_day(open_stand, clock, 0)  # the coordinator reopens
    sale = selling.complete(open_stand, cart_of(open_stand, "BKR-05"), [Tender(Method.CASH)], clock)
    assert sale.receipt_no == "T1-000002"


def test_no_open_day_refuses_the_sale(demo_store, clock):
    """Before the coordinator opens the day, nothing can be sold and nothing is written."""
    counts = table_counts(demo_store)
    with pytest.raises(DayError) as info:
        selling.complete(demo_store, cart_of(demo_store, "ECO-01"), [Tender(Method.CASH)], clock)
    assert "buka hari" in info.value.text("id")
    assert table_counts(demo_store) == counts


def test_a_short_payment_is_refused_and_writes_nothing(open_stand, clock):
    """Rp 100.000 against a Rp 285.000 selendang is refused with what is still due."""
    counts = table_counts(open_stand)
    with pytest.raises(PaymentError, match="185,000 still due"):
        selling.complete(
            open_stand, cart_of(open_stand, "ECO-01"), [Tender(Method.CASH, 100_000)], clock
        )
    assert table_counts(open_stand) == counts


def test_card_overpayment_is_refused_and_writes_nothing(open_stand, clock):
    """The EDC cannot be charged more than is due: refused, nothing written."""
    counts = table_counts(open_stand)
    with pytest.raises(PaymentError, match="Only cash"):
        selling.complete(
            open_stand, cart_of(open_stand, "ECO-01"), [Tender(Method.CARD, 300_000)], clock
        )
    assert table_counts(open_stand) == counts


def test_an_empty_cart_cannot_be_completed(open_stand, clock):
    """Pressing Pay on an empty cart writes no empty sale."""
    with pytest.raises(CartError):
        selling.complete(open_stand, Cart(), [Tender(Method.CASH)], clock)
    assert open_stand.sales.count() == 0


def test_selling_more_than_counted_stock_lets_stock_go_negative(open_stand, clock):
    """The goods are in the customer's hand: sell 5 of 3 lamps, warn, stock shows -2."""
    assert product(open_stand, "DKR-04").stock == 3
    cart = Cart()
    line, found = selling.add(open_stand, cart, "5*DKR-04")
    assert selling.over_stock(cart, line, found)
    selling.complete(open_stand, cart, [Tender(Method.CARD)], clock)
    assert product(open_stand, "DKR-04").stock == -2


def test_within_stock_is_not_flagged(demo_store):
    """Two of twelve selendang raise no stock warning."""
    cart = Cart()
    line, found = selling.add(demo_store, cart, "2*ECO-01")
    assert not selling.over_stock(cart, line, found)


def test_a_sale_keeps_the_name_and_price_it_was_sold_at(open_stand, clock):
    """A price corrected after the sale does not rewrite the receipt the customer holds."""
    sale = selling.complete(open_stand, cart_of(open_stand, "ECO-01"), [Tender(Method.CASH)], clock)
    eco = product(open_stand, "ECO-01")
    open_stand.products.upsert(
        [dataclasses.replace(eco, name="Selendang Baru", price=300_000)], clock.now()
    )
    stored = open_stand.sales.get(sale.receipt_no)
    assert (stored.lines[0].name, stored.lines[0].unit_price) == (eco.name, 285_000)
    assert stored.total == 285_000


def test_a_sale_after_midnight_belongs_to_the_day_still_open(open_stand, clock):
    """A late sale at 00:30 on 2 March still belongs to the business day of 1 March."""
    late = type(clock)(datetime.fromisoformat("2023-03-02T00:30:00+07:00"))
    sale = selling.complete(open_stand, cart_of(open_stand, "BKR-05"), [Tender(Method.CASH)], late)
    assert str(sale.business_date) == "2023-03-01"
    assert sale.created_at == late.now()


def test_a_fully_discounted_sale_needs_no_payment(open_stand, clock):
    """A 100 % gift to an official completes with a total of zero."""
    cart = cart_of(open_stand, "BKR-05", discount=Discount("percent", 10_000))
    sale = selling.complete(open_stand, cart, [], clock)
    assert (sale.total, sale.paid, sale.change) == (0, 0, 0)
    assert sale.lines[0].net == 0


# -- parked carts -----------------------------------------------------------------------------


def test_a_parked_cart_with_discounts_survives_a_restart(db_path, demo_store, clock):
    """A customer fetches a friend, the laptop restarts, and the cart comes back intact."""
    cart = cart_of(demo_store, "2*ECO-01", "BKR-05", "3*8990001234059")
    cart.set_line_discount(0, Discount("amount", 20_000))
    cart.set_line_discount(2, Discount("percent", 1250))
    cart.set_discount(Discount("percent", 500))
    cart.origin = "KR"
    total = cart.total
    selling.park(demo_store, cart, clock, label="Ibu berbaju merah")
    demo_store.close()

    store = open_store(db_path)
    try:
        [(cart_id, parked_at, label, parked_cart)] = selling.parked(store)
        assert (cart_id, label) == (cart.id, "Ibu berbaju merah")
        assert parked_at == clock.now()
        assert parked_cart == cart
        recalled = selling.recall(store, cart_id)
        assert recalled == cart
        assert recalled.total == total
        assert selling.parked(store) == []
        with pytest.raises(CartError):
            selling.recall(store, cart_id)  # recalled once, gone from the list
    finally:
        store.close()


def test_a_recalled_cart_completes_as_the_same_sale(open_stand, clock):
    """Parking and recalling keeps the cart id, so paying it later is still one sale."""
    cart = cart_of(open_stand, "ECO-01", discount=Discount("amount", 5_000))
    selling.park(open_stand, cart, clock)
    recalled = selling.recall(open_stand, cart.id)
    sale = selling.complete(open_stand, recalled, [Tender(Method.CASH)], clock)
    assert sale.id == cart.id and sale.total == 280_000
    assert selling.complete(open_stand, cart, [Tender(Method.CASH)], clock) == sale


def test_an_empty_cart_cannot_be_parked(demo_store, clock):
    """Parking nothing would clutter the recall list."""
    with pytest.raises(CartError):
        selling.park(demo_store, Cart(), clock)
    assert selling.parked(demo_store) == []


# -- the demo stand -----------------------------------------------------------------------------


def test_demo_simulation_rings_up_the_requested_sales_and_closes_each_day(demo_store):
    """Two demo days of 30 sales give 60 sales, numbered without gaps, on two closed days."""
    written = demo.simulate(demo_store, 2, 30)
    assert written == 60 == demo_store.sales.count()
    stand_days = demo_store.days.all()
    assert [str(d.business_date) for d in stand_days] == ["2023-03-01", "2023-03-02"]
    assert all(not d.is_open for d in stand_days)
    assert [d.z_no for d in stand_days] == [1, 2]
    receipts = [r[0] for r in raw(demo_store).execute("SELECT receipt_no FROM sales ORDER BY seq")]
    assert receipts == [f"T1-{n:06d}" for n in range(1, 61)]
    for receipt in ("T1-000001", "T1-000030", "T1-000060"):
        sale = demo_store.sales.get(receipt)
        assert sale.paid == sale.total
        assert sum(ln.net for ln in sale.lines) == sale.total
        assert sum(ln.sale_discount_share for ln in sale.lines) == sale.discount
    assert demo_store.pragma("synchronous") == 2  # the bulk speed-up is switched back off


def test_demo_simulation_continues_after_the_last_day(demo_store):
    """Simulating more days carries on from the day after the last one, numbers included."""
    demo.simulate(demo_store, 1, 5)
    demo.simulate(demo_store, 1, 5)
    assert [str(d.business_date) for d in demo_store.days.all()] == ["2023-03-01", "2023-03-02"]
    assert demo_store.sales.get("T1-000010") is not None


def test_a_wrong_laptop_clock_is_doubted_before_the_day_opens(demo_store):
    """2026-12-01 is outside the event 2023-03-01..05, and a date before the last closed
    day is doubted too; a date inside the event after the last close is not."""
    from datetime import datetime

    from booth_pos.clock import Clock
    from booth_pos.services import days

    wrong = Clock(datetime.fromisoformat("2026-12-01T09:00:00+07:00"))
    [doubt] = days.opening_date_doubts(demo_store, wrong)
    assert "2026-12-01" in doubt.en and "2023-03-01" in doubt.en and "2023-03-05" in doubt.id
    third = Clock(datetime.fromisoformat("2023-03-03T09:00:00+07:00"))
    assert days.opening_date_doubts(demo_store, third) == []
    days.open_day(demo_store, third, 0)
    days.close_day(demo_store, third, 0)
    second = Clock(datetime.fromisoformat("2023-03-02T09:00:00+07:00"))
    [doubt] = days.opening_date_doubts(demo_store, second)
    assert "2023-03-02" in doubt.en and "2023-03-03" in doubt.en

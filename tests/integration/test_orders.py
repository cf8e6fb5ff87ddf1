"""Orders from quotes (issue 17): the deposit is the stand's liability until delivery, the
delivery is the artisans' sale at the commission in force then, reservations leave the
sellable stock and come back on cancellation, and verify holds through all of it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import raw

from booth_pos.clock import Clock
from booth_pos.model import DayError, Method, PaymentError, Tender
from booth_pos.model.wholesale import OrderStatus, QuoteStatus, WholesaleError
from booth_pos.services import days, journal, orders, quotes, records, reports, stock, wholesale


def dump(store) -> list[str]:
    return list(raw(store).conn.iterdump())


@pytest.fixture
def stand(demo_store, clock):
    """ECO-04 Rp 165.000 (10+ 135.000, 50+ 120.000; 15 on hand, ECO at 15 %), PDN-01 and
    BKR-02 at retail; the day open with a float of Rp 500.000."""
    wholesale.set_terms(
        demo_store, "ECO-04", tiers=["10:135000", "50:120000"], lead_days="21", clock=clock
    )
    days.open_day(demo_store, clock, 500_000)
    return demo_store


def a_quote(store, clock, *items):
    items = items or ("60*ECO-04", "40*PDN-01", "5*BKR-02")
    return quotes.new_quote(
        store, clock, buyer="Camille Martin", items=list(items), currency="EUR", rate="17250",
        country="FR",
    )  # fmt: skip


def net_of(report, code: str) -> int:
    return next((a.net for a in report.by_artisan if a.code == code), 0)


def test_per_artisan_amounts_sum_exactly_to_the_total(stand, clock):
    """by_artisan: one group per artisan, its lines, units and amount; they sum to total."""
    q = a_quote(stand, clock, "60*ECO-04", "12*ECO-01", "40*PDN-01", "5*BKR-02")
    order = orders.from_quote(stand, clock, q.number, deposit="30%")
    data = orders.order_json(order)
    assert list(data) == ["order_no", "quote_no", "total", "deposit", "balance", "by_artisan"]
    groups = {g["code"]: g for g in data["by_artisan"]}
    assert groups["ECO"] == {"code": "ECO", "lines": 2, "qty": 72,
                             "amount": 60 * 120000 + 12 * 285000}  # fmt: skip
    assert sum(g["amount"] for g in data["by_artisan"]) == data["total"] == q.total
    assert data["deposit"] == (q.total * 30 + 50) // 100  # 30 %, half up
    assert data["balance"] == data["total"] - data["deposit"]


def test_a_percent_deposit_is_rounded_half_up_to_the_rupiah():
    """0,01 % of Rp 25.000 is Rp 2,5: Rp 3."""
    assert orders.parse_deposit("0,01%", 25_000, 0) == 3
    assert orders.parse_deposit("30", 1_000_001, 0) == 300_000  # 300000.3
    assert orders.parse_deposit("500000", 1_000_001, 0) == 500_000  # an amount


def test_a_cash_deposit_is_in_the_drawer_but_in_no_artisans_net(stand, clock):
    """Deposit Rp 5.317.500 cash: expected cash rises by it, every artisan's net stays 0."""
    day = days.current_day(stand)
    before = days.expected_cash(stand, day)
    order = orders.from_quote(stand, clock, a_quote(stand, clock).number, deposit="30%")
    assert days.expected_cash(stand, day) == before + order.deposit
    report = reports.day_report(stand)
    assert report.cash.expected == before + order.deposit
    assert report.cash.deposits == order.deposit
    assert all(a.net == 0 and a.commission == 0 for a in report.by_artisan)
    assert report.sales == 0


def test_a_transfer_deposit_does_not_touch_the_drawer(stand, clock):
    """Deposit by transfer: the expected cash does not move."""
    day = days.current_day(stand)
    before = days.expected_cash(stand, day)
    orders.from_quote(stand, clock, a_quote(stand, clock).number, deposit="1000000",
                      pay=Tender(Method.TRANSFER))  # fmt: skip
    assert days.expected_cash(stand, day) == before


def test_delivery_counts_at_the_commission_in_force_at_delivery(stand, clock):
    """Ordered while ECO is at 15 %, delivered after it went to 20 %: 20 % of the net."""
    order = orders.from_quote(stand, clock, a_quote(stand, clock, "60*ECO-04").number,
                              deposit="30%")  # fmt: skip
    records.edit_artisan(stand, "ECO", commission="20", at=clock.now())
    later = Clock(clock.now() + timedelta(hours=2))
    order, sale = orders.deliver(stand, later, order.number, [], [Tender(Method.CASH)])
    assert order.status is OrderStatus.DELIVERED
    assert [ln.commission_bp for ln in sale.lines] == [2000]
    report = reports.day_report(stand)
    eco = next(a for a in report.by_artisan if a.code == "ECO")
    assert (eco.net, eco.commission) == (7_200_000, 1_440_000)
    statement = next(s for s in reports.artisan_statements(stand) if s.total.code == "ECO")
    assert statement.total.net == 7_200_000
    assert statement.total.commission == 1_440_000


def test_partial_delivery_applies_the_deposit_first_then_takes_the_balance(stand, clock):
    """10 of 60 scarves: only they are sold; the deposit pays them; the rest follows."""
    q = a_quote(stand, clock, "60*ECO-04")  # 7.200.000
    order = orders.from_quote(stand, clock, q.number, deposit="2000000")
    day = days.current_day(stand)
    drawer = days.expected_cash(stand, day)  # float + 2.000.000
    order, first = orders.deliver(stand, clock, order.number, ["10*ECO-04"])
    assert (first.total, [p.amount for p in first.payments]) == (1_200_000, [1_200_000])
    assert order.status is OrderStatus.OPEN
    assert [ln.delivered for ln in order.lines] == [10]
    assert net_of(reports.day_report(stand), "ECO") == 1_200_000
    assert days.expected_cash(stand, day) == drawer  # the deposit was already in it
    with pytest.raises(PaymentError, match="still due"):
        orders.deliver(stand, clock, order.number, ["50*ECO-04"])
    order, second = orders.deliver(stand, clock, order.number, ["50*ECO-04"],
                                   [Tender(Method.CASH, 6_000_000)])  # fmt: skip
    assert [p.amount for p in second.payments] == [800_000, 5_200_000]  # deposit left, cash
    assert order.status is OrderStatus.DELIVERED and order.balance == 0
    assert days.expected_cash(stand, day) == drawer + 5_200_000
    assert net_of(reports.day_report(stand), "ECO") == 7_200_000
    with pytest.raises(WholesaleError, match="delivered"):
        orders.deliver(stand, clock, order.number, ["1*ECO-04"], [Tender(Method.CASH)])


def test_delivery_on_a_later_day_counts_only_the_balance_in_that_drawer(stand, clock):
    """Deposit on day 1 (closed with it in the drawer); delivered on day 2 for the rest."""
    order = orders.from_quote(stand, clock, a_quote(stand, clock, "10*ECO-04").number,
                              deposit="350000")  # 10 x 135.000 = 1.350.000  # fmt: skip
    day1 = days.current_day(stand)
    days.close_day(stand, clock, days.expected_cash(stand, day1), backup_now=False)
    tomorrow = Clock(clock.now() + timedelta(days=1))
    day2 = days.open_day(stand, tomorrow, 100_000)
    orders.deliver(stand, tomorrow, order.number, [], [Tender(Method.CASH)])
    assert days.expected_cash(stand, day2) == 100_000 + 1_000_000
    report = reports.day_report(stand)
    assert net_of(report, "ECO") == 1_350_000
    assert report.cash.expected == 1_100_000
    assert journal.verify(stand).ok


def test_reserved_goods_leave_the_sellable_stock_and_come_back_on_cancel(stand, clock):
    """15 ECO-04 on hand: all 15 reserved for 60; the ledger shows them; cancel gives
    them back and refunds the deposit as a supervised correction out of the drawer."""
    on_hand = stand.products.by_sku("ECO-04").stock
    order = orders.from_quote(stand, clock, a_quote(stand, clock, "60*ECO-04").number,
                              deposit="30%")  # fmt: skip
    assert [ln.reserved for ln in order.lines] == [on_hand]
    row = next(r for r in stock.ledger(stand) if r.sku == "ECO-04")
    assert (row.reserved, row.on_hand) == (on_hand, 0)
    assert stand.products.by_sku("ECO-04").stock == 0
    day = days.current_day(stand)
    drawer = days.expected_cash(stand, day)
    with pytest.raises(WholesaleError, match="supervisor"):
        orders.cancel(stand, clock, order.number, supervisor="", reason="buyer cancelled")
    cancelled, refund = orders.cancel(
        stand, clock, order.number, supervisor="Budi", reason="buyer cancelled"
    )
    assert cancelled.status is OrderStatus.CANCELLED
    assert refund == order.deposit
    assert stand.products.by_sku("ECO-04").stock == on_hand
    row = next(r for r in stock.ledger(stand) if r.sku == "ECO-04")
    assert (row.reserved, row.on_hand) == (0, on_hand)
    assert days.expected_cash(stand, day) == drawer - refund
    assert stand.quotes.money(order.number)[-1][:3] == ("refund", "cash", refund)
    assert stand.quotes.money(order.number)[-1][6] == "Budi"
    assert journal.verify(stand).ok


def test_cancel_after_a_partial_delivery_refunds_only_what_is_left(stand, clock):
    """Deposit 2.000.000; 10 delivered (1.200.000 applied): 800.000 comes back."""
    order = orders.from_quote(stand, clock, a_quote(stand, clock, "60*ECO-04").number,
                              deposit="2000000")  # fmt: skip
    orders.deliver(stand, clock, order.number, ["10*ECO-04"])
    _, refund = orders.cancel(stand, clock, order.number, supervisor="Budi", reason="short")
    assert refund == 800_000
    assert stand.products.by_sku("ECO-04").stock == 15 - 10  # 5 reserved came back


def test_order_numbers_are_consecutive_and_a_quote_orders_once(stand, clock):
    """PO-0001, PO-0002; the quote becomes accepted and cannot be ordered twice."""
    first = orders.from_quote(stand, clock, a_quote(stand, clock).number, deposit="0")
    second = orders.from_quote(stand, clock, a_quote(stand, clock).number, deposit="0")
    assert [first.number, second.number] == ["PO-0001", "PO-0002"]
    assert stand.quotes.quote("Q-0001").status is QuoteStatus.ACCEPTED
    with pytest.raises(WholesaleError, match="not open|accepted"):
        orders.from_quote(stand, clock, "Q-0001")


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"deposit": "999999999"}, WholesaleError, "more than the order's total"),
        ({"deposit": "lots"}, WholesaleError, "Not a deposit"),
        ({"deposit": "100000", "pay": Tender(Method.CASH, 200000)}, WholesaleError,
         "is not the deposit"),
    ],
)  # fmt: skip
def test_bad_deposits_are_refused_and_write_nothing(stand, clock, kwargs, error, words):
    """A deposit above the total, not a number, not what was paid: refused, nothing written."""
    q = a_quote(stand, clock)
    before = dump(stand)
    with pytest.raises(error, match=words):
        orders.from_quote(stand, clock, q.number, **kwargs)
    assert dump(stand) == before


def test_a_cash_deposit_needs_an_open_day(demo_store, clock):
    """No day open: a cash deposit has no drawer to go into."""
    q = a_quote(demo_store, clock)
    with pytest.raises(DayError):
        orders.from_quote(demo_store, clock, q.number, deposit="30%")


def test_verify_holds_after_orders_deliveries_and_cancellations(stand, clock):
    """The whole cycle twice over, then verify: every move, sale and entry accounted for."""
    one = orders.from_quote(stand, clock, a_quote(stand, clock).number, deposit="30%")
    orders.deliver(stand, clock, one.number, ["10*ECO-04", "5*BKR-02"])
    two = orders.from_quote(stand, clock, a_quote(stand, clock, "20*ECO-01").number)
    orders.cancel(stand, clock, two.number, supervisor="Budi", reason="changed plans")
    result = journal.verify(stand)
    assert result.ok, result.problems
    # A reserved move written behind the application's back is caught.
    raw(stand).execute(
        "INSERT INTO stock_moves(sku, qty, kind, ref, at) "
        "VALUES ('ECO-01', -1, 'reserved', 'PO-0099', '2023-03-01T04:00:00Z')"
    )
    raw(stand).execute("UPDATE products SET stock = stock - 1 WHERE sku = 'ECO-01'")
    assert not journal.verify(stand).ok


def test_verify_names_deposit_money_written_behind_the_applications_back(stand, clock):
    """A fake cash deposit row (it would swell the drawer's expected cash) is named."""
    order = orders.from_quote(stand, clock, a_quote(stand, clock).number, deposit="30%")
    assert journal.verify(stand).ok
    raw(stand).execute(
        "INSERT INTO order_money(order_no, kind, method, amount, day_id, created_at) "
        "VALUES (?, 'deposit', 'cash', 1000000, ?, '2023-03-01T03:30:00Z')",
        [order.number, days.current_day(stand).id],
    )
    problems = [str(p.where) + ": " + p.what for p in journal.verify(stand).problems]
    assert "order PO-0001: its deposit money differs from the journal" in problems


def test_production_orders_one_page_per_artisan_with_the_artisans_pay(stand, clock):
    """Three artisans: three pages; each its own lines, due date and pay after commission."""
    from helpers.documents import decode, rasterise, read_pdf, squash

    order = orders.from_quote(stand, clock, a_quote(stand, clock).number, deposit="0")
    pdf = orders.production_pdf(stand, order.number, lang="en")
    pages = read_pdf(pdf)
    assert len(pages) == 3
    eco = squash(pages[0].text)
    assert "Production order" in eco and "Due: 22 March 2023" in eco
    # 60 x 120.000 = 7.200.000 at ECO's 15 %: 1.080.000 commission, 6.120.000 to the artisan
    assert "IDR 1,080,000" in eco and "IDR 6,120,000" in eco
    assert "Tas Anyaman" not in eco  # PDN's bag is on PDN's page only
    assert ("Code128", "PO-0001-ECO") in decode(rasterise(pdf, dpi=300)["pdfium"])
    with pytest.raises(WholesaleError, match="nothing of artisan"):
        orders.production_pdf(stand, order.number, "MNK")


def test_proforma_has_seller_buyer_hs_codes_incoterm_and_both_currencies(stand, clock):
    """What customs reads: HS code, quantities, EUR and IDR, the incoterm, origin."""
    from helpers.documents import read_pdf, squash

    wholesale.set_terms(stand, "ECO-04", hs_code="6214.90", clock=clock)
    order = orders.from_quote(stand, clock, a_quote(stand, clock, "60*ECO-04").number,
                              deposit="30%")  # fmt: skip
    [page] = read_pdf(orders.proforma_pdf(stand, order.number, incoterm="FOB Tanjung Priok"))
    text = squash(page.text)
    for words in ("Facture pro forma", "HS 6214.90", "FOB Tanjung Priok", "417,39 €",
                  "7 200 000 IDR", "Acompte reçu", "Camille Martin", "Indonésie"):  # fmt: skip
        assert words in text

"""Unlabelled goods sold at a typed price: the sale, the reports, refunds and the journal all
treat an open-price line as the artisan's sale, without ever touching a product's stock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import raw
from helpers.documents import read_pdf, squash

from booth_pos.model import (
    ApprovalError,
    Cart,
    CartError,
    Discount,
    Method,
    Tender,
)
from booth_pos.services import (
    approvals,
    corrections,
    days,
    journal,
    records,
    reports,
    selling,
    staff,
)
from booth_pos.services import settings as settings_service

ECO_RATE, BKR_RATE = 1500, 1250  # Sekar Ecoprint 15 %, Batik Krakatau 12.5 %
CHEAP = staff.PinCost(n=16, r=1, p=1)


def make_crew(store, clock):
    """Dewi (supervisor 2468) and Rina (cashier 1111)."""
    staff.add_staff(store, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip


@pytest.fixture
def stand(demo_store, clock):
    """The demo stand, day open with a Rp 500.000 float, no staff accounts."""
    days.open_day(demo_store, clock, 500_000)
    return demo_store


def stocks(store) -> dict[str, int]:
    return {p.sku: p.stock for p in store.products.all()}


def moves(store) -> int:
    return raw(store).execute("SELECT count(*) FROM stock_moves").fetchone()[0]


def table_counts(store) -> dict[str, int]:
    tables = ("sales", "sale_lines", "payments", "stock_moves", "journal")
    return {t: raw(store).execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def sell_open(store, clock, *opens, items=(), tenders=None, cashier="", lang=""):
    """Commit a sale of ``items`` (codes) and ``opens`` (artisan, price, name, qty)."""
    cart = Cart(cashier=cashier, lang=lang)
    for item in items:
        selling.add(store, cart, item)
    for artisan, price, name, qty in opens:
        selling.add_open(store, cart, artisan, price, name, qty)
    return selling.complete(store, cart, tenders or [Tender(Method.CASH)], clock)


# -- ringing up --------------------------------------------------------------------------------


def test_an_open_price_line_is_sold_for_its_artisan_and_moves_no_stock(stand, clock):
    """A bag without its label for ECO: on the sale with ECO's rate, no stock moves at all."""
    before, moved = stocks(stand), moves(stand)
    sale = sell_open(stand, clock, ("ECO", 75_000, "Tas ecoprint", 2), items=["BKR-05"])
    stored = stand.sales.get(sale.receipt_no)
    assert stored == sale  # what was committed is what is read back
    masker, bag = stored.lines
    assert bag.open_price and not masker.open_price
    assert (bag.sku, bag.name, bag.artisan_code, bag.category) == ("", "Tas ecoprint", "ECO", "")
    assert (bag.unit_price, bag.qty, bag.net, bag.commission_bp) == (75_000, 2, 150_000, ECO_RATE)
    assert stored.total == 25_000 + 150_000
    after = stocks(stand)
    assert after["BKR-05"] == before["BKR-05"] - 1
    assert {k: v for k, v in after.items() if k != "BKR-05"} == {
        k: v for k, v in before.items() if k != "BKR-05"
    }
    assert moves(stand) == moved + 1  # the masker's move only
    assert raw(stand).execute("SELECT count(*) FROM stock_moves WHERE sku = ''").fetchone()[0] == 0


def test_the_default_name_follows_the_receipt_language(stand, clock):
    """No name typed: "Barang Sekar Ecoprint", or "Sekar Ecoprint item" on an English receipt."""
    cart = Cart()
    assert selling.add_open(stand, cart, "ECO", 50_000).name == "Barang Sekar Ecoprint"
    assert selling.add_open(stand, Cart(lang="en"), "ECO", 50_000).name == "Sekar Ecoprint item"
    settings = settings_service.current(stand)
    settings.receipt_lang = "en"
    settings_service.save(stand, settings, at=clock.now())
    assert selling.add_open(stand, Cart(), "eco", 50_000).name == "Sekar Ecoprint item"


@pytest.mark.parametrize(
    ("artisan", "price", "name", "qty", "words"),
    [
        ("NOPE", 50_000, "", 1, ("NOPE", "ECO")),
        ("", 50_000, "", 1, ("artisan",)),
        ("ECO", 0, "", 1, ("at least Rp 1",)),
        ("ECO", -50_000, "", 1, ("at least Rp 1",)),
        ("ECO", 1_000_000_001, "", 1, ("typo",)),
        ("ECO", 10**15, "", 1, ("typo",)),
        ("ECO", 50_000, "Tas\x00", 1, ("control",)),
        ("ECO", 50_000, "", 0, ("at least 1",)),
        ("ECO", 50_000, "", 10_000, ("typo",)),
    ],
)
def test_a_refused_open_line_says_why_and_changes_nothing(stand, artisan, price, name, qty, words):
    """Unknown artisan, a price of 0, negative or absurd, a bad name or quantity: refused in
    both languages, the cart unchanged."""
    cart = Cart()
    selling.add(stand, cart, "BKR-05")
    with pytest.raises(CartError) as refused:
        selling.add_open(stand, cart, artisan, price, name, qty)
    assert all(word in refused.value.en for word in words)
    assert refused.value.id and refused.value.id != refused.value.en
    assert len(cart.lines) == 1


def test_star_n_sets_the_quantity_of_an_open_line_last_in_the_cart(stand):
    """ "*3" after an open line: three of it, no product looked up for it (it has none)."""
    cart = Cart()
    selling.add(stand, cart, "BKR-05")
    selling.add_open(stand, cart, "ECO", 50_000, "Tas")
    line, product = selling.add(stand, cart, "*3")
    assert line is cart.lines[1] and line.qty == 3 and product is None
    assert not selling.over_stock(cart, line, product)


def test_a_deactivated_artisan_gets_no_open_line(stand, clock):
    """A deactivated artisan's goods are no longer sold, labelled or not."""
    records.edit_artisan(stand, "ECO", active=False, at=clock.now())
    with pytest.raises(CartError) as refused:
        selling.add_open(stand, Cart(), "ECO", 50_000)
    assert "deactivated" in refused.value.en and "dinonaktifkan" in refused.value.id


def test_an_artisan_deactivated_while_the_cart_waits_is_refused_at_payment(stand, clock):
    """A cart parked with an open line, its artisan deactivated meanwhile: nothing is sold."""
    cart = Cart()
    selling.add_open(stand, cart, "ECO", 50_000)
    selling.park(stand, cart, clock)
    records.edit_artisan(stand, "ECO", active=False, at=clock.now())
    back = selling.recall(stand, cart.id)
    before = table_counts(stand)
    with pytest.raises(CartError):
        selling.complete(stand, back, [Tender(Method.CASH)], clock)
    assert table_counts(stand) == before


def test_a_parked_cart_with_open_lines_comes_back_the_same(stand, clock):
    """Park a cart with an open line (discounted) and a product; recall it; sell it."""
    cart = Cart()
    selling.add(stand, cart, "ECO-04")
    selling.add_open(stand, cart, "BKR", 80_000, "Kain: motif Krakatau", 3)
    cart.set_line_discount(1, Discount("percent", 1000))
    selling.park(stand, cart, clock, label="Ibu baju merah")
    (parked,) = selling.parked(stand)
    assert parked[3] == cart
    back = selling.recall(stand, cart.id)
    assert back == cart and back.lines[1].open_price and not back.lines[0].open_price
    sale = selling.complete(stand, back, [Tender(Method.CASH)], clock)
    assert sale.lines[1].open_price and sale.lines[1].net == 216_000


def test_a_cart_parked_before_open_lines_existed_still_recalls(stand, clock):
    """Parked JSON without the open_price key (an older till) comes back as product lines."""
    cart = Cart()
    selling.add(stand, cart, "ECO-04")
    text = selling.cart_to_json(cart).replace(', "open_price": false', "")
    assert "open_price" not in text
    assert selling.cart_from_json(text) == cart


# -- approvals ----------------------------------------------------------------------------------


def test_an_open_price_needs_no_supervisor_but_a_big_discount_on_it_does(stand, clock):
    """The typed price is nobody's override; a discount above the threshold still asks."""
    make_crew(stand, clock)
    cart = Cart(cashier="Rina")
    selling.add_open(stand, cart, "ECO", 100_000, "Tas")
    cart.set_unit_price(0, 90_000)  # typed again: still no override
    assert approvals.needs_approval(stand, cart) == []
    cart.set_line_discount(0, Discount("percent", 3000))
    (missing,) = approvals.needs_approval(stand, cart)
    assert isinstance(missing, ApprovalError) and "Tas" in missing.en
    cart.set_line_discount(0, None)
    approvals.approve_discount(
        stand, cart, Discount("percent", 3000), index=0,
        supervisor="Dewi", pin="2468", reason="bekas pajangan", clock=clock,
    )  # fmt: skip
    assert approvals.needs_approval(stand, cart) == []
    sale = selling.complete(stand, cart, [Tender(Method.CASH)], clock)
    assert sale.lines[0].net == 63_000


def test_an_approved_discount_on_one_open_line_covers_no_other(stand, clock):
    """Two open lines at the same price: approving 30 % off one leaves the other unapproved."""
    make_crew(stand, clock)
    cart = Cart(cashier="Rina")
    selling.add_open(stand, cart, "ECO", 100_000, "Tas A")
    selling.add_open(stand, cart, "ECO", 100_000, "Tas B")
    approvals.approve_discount(
        stand, cart, Discount("percent", 3000), index=0,
        supervisor="Dewi", pin="2468", reason="cacat", clock=clock,
    )  # fmt: skip
    cart.set_line_discount(1, Discount("percent", 3000))
    (missing,) = approvals.needs_approval(stand, cart)
    assert "Tas B" in missing.en


# -- reports ----------------------------------------------------------------------------------


def test_open_lines_count_for_their_artisan_at_the_recorded_commission(stand, clock):
    """ECO's open line sold at 15 %, the rate raised to 20 % after: the day settles at 15 %."""
    sell_open(stand, clock, ("ECO", 200_000, "Tas", 1), ("BKR", 40_000, "", 2), items=["ECO-04"])
    records.edit_artisan(stand, "ECO", commission="20", at=clock.now())
    report = reports.day_report(stand)
    eco, bkr = report.artisan("ECO"), report.artisan("BKR")
    assert (eco.items, eco.gross, eco.net) == (2, 165_000 + 200_000, 365_000)
    assert (eco.commission_bp, eco.commission) == (ECO_RATE, 54_750)
    assert (bkr.items, bkr.net, bkr.commission) == (2, 80_000, 10_000)
    assert report.net == 445_000 and report.commission == 54_750 + 10_000


def test_open_lines_are_one_product_row_per_artisan_and_the_empty_category(stand, clock):
    """By product: one "open price" row per artisan, whatever names were typed; by category:
    the empty category (they have none)."""
    sell_open(stand, clock, ("ECO", 200_000, "Tas", 1), ("ECO", 10_000, "Gantungan", 3))
    sell_open(stand, clock, ("BKR", 40_000, "", 1), items=["ECO-04"])
    report = reports.day_report(stand)
    rows = {(p.sku, p.artisan_code): p for p in report.by_product}
    eco, bkr = rows[("", "ECO")], rows[("", "BKR")]
    assert eco.open_price and (eco.name, eco.items, eco.net) == ("", 4, 230_000)
    assert bkr.open_price and (bkr.items, bkr.net) == (1, 40_000)
    assert not rows[("ECO-04", "ECO")].open_price
    assert report.by_product[0] == eco  # best net first, like any product
    categories = {c.category: c for c in report.by_category}
    assert (categories[""].items, categories[""].net) == (5, 270_000)
    assert categories["Ecoprint"].net == 165_000


def test_statements_include_open_lines_in_the_totals_and_name_them_apart(stand, clock, tmp_path):
    """The artisan signs for its open-price sales: in the total, and a line of their own."""
    from booth_pos.documents import report as report_pdf

    sell_open(stand, clock, ("ECO", 200_000, "Tas", 2), items=["ECO-04"])
    statements = {s.total.code: s for s in reports.artisan_statements(stand)}
    eco = statements["ECO"]
    assert (eco.total.items, eco.total.net) == (3, 565_000)
    assert (eco.open_price.items, eco.open_price.net) == (2, 400_000)
    assert sum(s.sold for s in eco.stock) == 1  # the scarf; the bags were never in stock
    assert statements["BKR"].open_price is None
    (page,) = read_pdf(report_pdf.render_statements_pdf([eco], lang="id"))
    assert "Harga terbuka (barang tanpa label)" in squash(page.text)
    (page,) = read_pdf(report_pdf.render_statements_pdf([eco], lang="en"))
    assert "Open price (goods without a label)" in squash(page.text)


def test_the_report_pdf_labels_the_open_price_row(stand, clock):
    """Top products: "Harga terbuka · ECO", not an empty name."""
    from booth_pos.documents import report as report_pdf

    sell_open(stand, clock, ("ECO", 200_000, "Tas", 1))
    pages = read_pdf(report_pdf.render_report_pdf(reports.day_report(stand), lang="id"))
    assert "Harga terbuka · ECO" in squash(" ".join(p.text for p in pages))


# -- corrections and the journal ----------------------------------------------------------------


def test_refunding_an_open_line_returns_its_net_and_no_stock(stand, clock):
    """Two bags, 10 % off the sale: refunding them one by one returns exactly the line's net,
    counts as ECO's refund, and writes no stock move."""
    make_crew(stand, clock)
    sale = sell_open(stand, clock, ("ECO", 99_999, "Tas", 2), items=["BKR-05"], cashier="Rina")
    bag = stand.sales.get(sale.receipt_no).lines[1]
    before, moved = stocks(stand), moves(stand)
    first = corrections.refund(
        stand, sale.receipt_no, lines={2: 1}, reason="rusak", supervisor="Dewi", pin="2468",
        clock=clock, cashier="Rina",
    )  # fmt: skip
    second = corrections.refund(
        stand, sale.receipt_no, lines={2: 1}, reason="rusak", supervisor="Dewi", pin="2468",
        clock=clock, cashier="Rina",
    )  # fmt: skip
    assert first.amount + second.amount == bag.net
    assert first.lines[0].open_price and first.lines[0].name == "Tas"
    assert stocks(stand) == before and moves(stand) == moved
    eco = reports.day_report(stand).artisan("ECO")
    assert (eco.refunds, eco.net) == (bag.net, 0)
    assert journal.verify(stand).ok


def test_voiding_a_sale_with_an_open_line_puts_back_only_the_products(stand, clock):
    """A void returns the masker to stock; the open line has no stock to return."""
    make_crew(stand, clock)
    sale = sell_open(stand, clock, ("ECO", 50_000, "", 1), items=["BKR-05"], cashier="Rina")
    before = stocks(stand)
    done = corrections.void(
        stand, sale.receipt_no, reason="salah input", supervisor="Dewi", pin="2468",
        clock=clock, cashier="Rina",
    )  # fmt: skip
    assert done.amount == sale.total
    assert stocks(stand)["BKR-05"] == before["BKR-05"] + 1
    kinds = (
        raw(stand)
        .execute("SELECT sku, kind FROM stock_moves WHERE ref = ?", (done.number,))
        .fetchall()
    )
    assert kinds == [("BKR-05", "void")]
    assert journal.verify(stand).ok


def test_verify_holds_over_days_with_open_lines_and_names_an_edited_one(stand, clock):
    """Open lines are journaled like any line: verify passes, and an open line's price
    edited behind the program's back is named."""
    sell_open(stand, clock, ("ECO", 75_000, "Tas", 1), items=["ECO-04"])
    day = days.current_day(stand)
    days.close_day(stand, clock, days.expected_cash(stand, day))
    clock.advance(timedelta(days=1))
    days.open_day(stand, clock, 0)
    sale = sell_open(stand, clock, ("BKR", 40_000, "Kain", 2))
    assert journal.verify(stand).ok
    db = raw(stand)
    db.execute("DROP TRIGGER sale_lines_no_update")
    db.execute("UPDATE sale_lines SET unit_price = 1 WHERE sale_id = ? AND sku = ''", (sale.id,))
    problems = journal.verify(stand).problems
    assert problems and any(sale.receipt_no in str(p) for p in problems)


# -- receipts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 58])
def test_the_receipt_shows_the_open_line_by_name_and_price(stand, clock, width):
    """PDF and ESC/POS receipts: the typed name, artisan and price; no code for it anywhere."""
    from booth_pos.documents.receipt import render_receipt
    from booth_pos.printing.thermal import EscPosPrinter

    sale = sell_open(stand, clock, ("ECO", 175_000, "Tas ecoprint kecil", 2), items=["BKR-05"])
    settings = stand.settings()
    (page,) = read_pdf(render_receipt(sale, settings, width_mm=width, lang="id"))
    text = squash(page.text)
    assert "Tas ecoprint kecil" in text and "ECO · 2 x Rp 175.000" in text
    assert "Rp 350.000" in text
    printer = EscPosPrinter("192.0.2.1:9100", width_mm=width)
    sent = printer.compose(sale, settings, artisans=stand.artisans.all()).decode("cp437", "replace")
    assert "Tas ecoprint kecil" in sent and "Rp 350.000" in sent
    assert "ECO-" not in text and "ECO-" not in sent  # no SKU of any product for it

"""What the customer display shows, decided without widgets: a fake view records it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from helpers.qris_sample import STATIC

from booth_pos.model import Cart, CartLine, Method, Payment, Sale, Settings, qris
from booth_pos.ui.presenters.customer_display import (
    CustomerDisplayPresenter,
    customer_lang,
    thanks,
)


class FakeView:
    def __init__(self):
        self.stand = ""
        self.lines = []
        self.total = self.foreign = ""
        self.qris = None
        self.done = None

    def show_stand(self, name, logo=""):
        self.stand, self.logo = name, logo

    def show_lines(self, lines):
        self.lines = [(x.name, x.qty, x.amount) for x in lines]

    def show_total(self, total, foreign):
        self.total, self.foreign = total, foreign

    def show_qris(self, payload, digits, words):
        self.qris = (payload, digits, words)

    def hide_qris(self):
        self.qris = None

    def show_done(self, change, thanks):
        self.done = (change, thanks)

    def hide_done(self):
        self.done = None


def line(sku: str, name: str, price: int, qty: int = 1) -> CartLine:
    return CartLine(sku=sku, name=name, artisan_code="A01", category="", unit_price=price, qty=qty)


def presenter(settings: Settings | None = None):
    view = FakeView()
    s = settings or Settings(stand_name="Dekranasda Jateng", qris_payload=STATIC)
    p = CustomerDisplayPresenter(
        view, lambda: s, "id", lambda st, a: qris.with_amount(st.qris_payload, a)
    )
    return p, view


def sale(payments, origin="", lang="id") -> Sale:
    return Sale(
        id="x",
        receipt_no="T1-000001",
        till="T1",
        day_id=1,
        business_date=date(2023, 3, 1),
        created_at=datetime(2023, 3, 1, 3, tzinfo=UTC),
        cashier="",
        origin=origin,
        lang=lang,
        lines=(),
        payments=tuple(payments),
        subtotal=100_000,
        discount=0,
        total=100_000,
    )


def test_display_follows_the_cart():
    """Each scan adds a line with its amount; the total follows; a removal takes it away."""
    p, view = presenter()
    cart = Cart()
    p.start(cart)
    assert view.stand == "Dekranasda Jateng" and view.lines == [] and view.total == "Rp 0"
    cart.lines.append(line("ECO-01", "Tas eceng gondok", 285_000))
    p.cart_changed(cart)
    cart.lines.append(line("BKR-05", "Batik tulis", 25_000, qty=2))
    p.cart_changed(cart)
    assert view.lines == [("Tas eceng gondok", 1, "Rp 285.000"), ("Batik tulis", 2, "Rp 50.000")]
    assert view.total == "Rp 335.000"
    del cart.lines[0]
    p.cart_changed(cart)
    assert view.lines == [("Batik tulis", 2, "Rp 50.000")] and view.total == "Rp 50.000"


def test_reference_currency_below_the_total():
    """With the stand's reference currency set, the total in it shows below the rupiah."""
    s = Settings(stand_name="S", ref_currency="EUR", ref_rate="17250")
    p, view = presenter(s)
    cart = Cart(lines=[line("A", "A", 172_500)])
    p.start(cart)
    assert view.foreign == "≈ €10,00"


def test_the_customers_origin_turns_the_second_total_into_their_currency():
    """A Korean customer sees won (whole), a French one euros (cents), an Indonesian none;
    the amount is the one the sale will store (the rate of the day, half up)."""
    s = Settings(stand_name="S", rates="EUR=17250; KRW=11,85")
    p, view = presenter(s)
    cart = Cart(lines=[line("A", "A", 172_500)], origin="KR")
    p.start(cart)
    assert view.foreign == "≈ ₩14.557"  # 172.500 / 11,85 = 14.556,96 -> 14.557 (id notation)
    p.origin_changed("FR")
    assert view.foreign == "≈ €10,00"
    p.origin_changed("ID")
    assert view.foreign == ""
    p.origin_changed("")  # none chosen: the stand's first rate, as the receipt prints it
    assert view.foreign == "≈ €10,00"


def test_pending_qris_shows_the_amount_in_digits_words_and_the_code():
    """A QRIS tender waiting: the payload with that amount, digits and Indonesian words."""
    p, view = presenter()
    p.qris_pending(150_000)
    payload, digits, words = view.qris
    assert payload == qris.with_amount(STATIC, 150_000)
    assert digits == "Rp 150.000" and words == "seratus lima puluh ribu rupiah"
    p.qris_pending(0)
    assert view.qris is None


def test_no_static_qris_shows_no_code():
    """Without a QRIS in the settings the display shows none (the sticker is scanned)."""
    p, view = presenter(Settings(stand_name="S"))
    p.qris_pending(150_000)
    assert view.qris is None


def test_cash_sale_shows_change_and_thanks_until_the_next_scan():
    """After a cash sale: the change and the thank-you; the next scan starts afresh."""
    p, view = presenter()
    cart = Cart(lines=[line("A", "A", 85_000)])
    p.start(cart)
    p.sale_done(sale([Payment(Method.CASH, 85_000, 100_000)]))
    assert view.done == ("Rp 15.000", "Terima kasih")
    p.cart_changed(Cart())  # the till clears the cart: the thank-you stays
    assert view.done is not None
    p.cart_changed(Cart(lines=[line("B", "B", 1_000)]))
    assert view.done is None and view.lines == [("B", 1, "Rp 1.000")]


def test_qris_sale_shows_no_change():
    """No cash, no change line; the code goes away once the sale is done."""
    p, view = presenter()
    p.qris_pending(100_000)
    p.sale_done(sale([Payment(Method.QRIS, 100_000, 100_000)], origin="KR"))
    assert view.qris is None and view.done == ("", "감사합니다")


@pytest.mark.parametrize(
    ("origin", "lang", "text"),
    [
        ("KR", "ko", "감사합니다"),
        ("FR", "fr", "Merci"),
        ("IN", "hi", "धन्यवाद"),
        ("ID", "id", "Terima kasih"),
        ("OTHER", "en", "Thank you"),
        ("US", "en", "Thank you"),
    ],
)
def test_thanks_in_the_customers_language(origin, lang, text):
    """The thank-you follows the origin: KR ko, FR fr, IN hi, ID id, anything else en."""
    assert customer_lang(origin) == lang
    assert thanks(origin) == text


def test_no_origin_thanks_in_the_receipt_language():
    """No origin chosen: the receipt's language decides."""
    assert thanks("", "en") == "Thank you" and thanks("", "id") == "Terima kasih"

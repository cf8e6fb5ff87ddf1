"""A Korean, French or Indian customer's receipt: their language, their currency, kept.

The reference total is what the customer saw at the counter: the rate of that morning is
stored with the sale, so a reprint next week shows the same won and euros.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess

import pytest

from booth_pos.documents.receipt import render_receipt
from booth_pos.documents.refund_receipt import render_refund_receipt
from booth_pos.model import Cart, Method, Tender
from booth_pos.money import format_foreign
from booth_pos.services import corrections, days, journal, selling, staff
from booth_pos.services import settings as settings_service
from booth_pos.store import open_store
from tests.helpers.documents import read_pdf, squash

CHEAP = staff.PinCost(n=16, r=1, p=1)
RATES = "EUR=17250; USD=15300; KRW=11,85; INR=190"


@pytest.fixture
def stand(demo_store, clock):
    """The demo stand with this morning's rates and its day open."""
    demo_store.save_settings(dataclasses.replace(demo_store.settings(), rates=RATES))
    days.open_day(demo_store, clock, 500_000)
    return demo_store


def sell(store, clock, origin: str, items=("MNK-01", "MNK-01", "MNK-01"), lang: str = ""):
    cart = Cart(cashier="Rina", origin=origin, lang=lang)
    for item in items:
        selling.add(store, cart, item)
    return selling.complete(store, cart, [Tender(Method.CASH)], clock)


def text_of(pdf: bytes) -> str:
    return squash(read_pdf(pdf)[0].text)


def test_a_korean_customers_receipt_is_in_korean_with_whole_won(stand, clock):
    """Rp 360.000 at Rp 11,85 per won is 30.379,7 won: ₩30,380 (no cents), in Korean, and
    marked as reference only."""
    sale = sell(stand, clock, "KR")
    assert (sale.lang, sale.reference.currency, sale.reference.amount) == ("ko", "KRW", 30_380)
    text = text_of(render_receipt(sale, stand.settings()))
    for words in ("영수증 번호", "합계", "거스름돈", "현금", "KRW 참고 금액", "청구 금액이"):
        assert words in text, words
    assert "≈ ₩30,380" in text
    assert "1 KRW = IDR 11.85" in text


def test_a_french_customers_receipt_is_in_french_with_euro_cents(stand, clock):
    """Rp 360.000 at Rp 17.250 per euro is 20,869… euros: 20,87 €, in French."""
    sale = sell(stand, clock, "FR")
    assert (sale.lang, sale.reference.currency, sale.reference.amount) == ("fr", "EUR", 2_087)
    text = text_of(render_receipt(sale, stand.settings()))
    for words in ("Ticket n°", "Sous-total", "Rendu", "Espèces", "En EUR", "pas un montant dû"):
        assert words in text, words
    assert "≈ 20,87 €" in text
    assert "Taux IDR 17 250 pour 1 EUR" in text


def test_an_indian_customer_gets_rupees_in_english_and_other_foreigners_dollars(stand, clock):
    """India: INR to the paisa, in English; Japan (OTHER): US dollars."""
    india = sell(stand, clock, "IN", items=("MNK-01",))  # 120.000 / 190 = 631.578…
    other = sell(stand, clock, "OTHER", items=("MNK-01",))  # 120.000 / 15.300 = 7.843…
    assert (india.lang, india.reference.currency, india.reference.amount) == ("en", "INR", 63_158)
    assert (other.lang, other.reference.currency, other.reference.amount) == ("en", "USD", 784)
    assert "≈ ₹631.58" in text_of(render_receipt(india, stand.settings()))
    assert "≈ $7.84" in text_of(render_receipt(other, stand.settings()))


def test_an_indonesian_customer_sees_rupiah_only(stand, clock):
    """No foreign line on an Indonesian's receipt, even with rates of the day."""
    sale = sell(stand, clock, "ID")
    assert sale.lang == "id" and not sale.reference
    text = text_of(render_receipt(sale, stand.settings()))
    assert "bukan tagihan" not in text and "€" not in text and "No. struk" in text


def test_half_a_won_rounds_up_and_half_a_cent_rounds_up_on_the_receipt(stand, clock):
    """An exact half goes up (Babel alone would round half to even)."""
    settings = dataclasses.replace(stand.settings(), rates="KRW=300; EUR=30000")
    stand.save_settings(settings)
    cart = Cart(cashier="Rina", origin="KR")
    selling.add_open(stand, cart, "MNK", 150, "Stiker")  # 0.5 won
    korea = selling.complete(stand, cart, [Tender(Method.CASH)], clock)
    cart = Cart(cashier="Rina", origin="FR")
    selling.add_open(stand, cart, "MNK", 150, "Stiker")  # 0.005 euro
    france = selling.complete(stand, cart, [Tender(Method.CASH)], clock)
    assert (korea.reference.amount, france.reference.amount) == (1, 1)
    assert "≈ ₩1" in text_of(render_receipt(korea, settings))
    assert "≈ 0,01 €" in text_of(render_receipt(france, settings))


def test_a_reprint_after_the_rates_changed_shows_what_the_customer_saw(stand, clock, tmp_path):
    """The coordinator enters tomorrow's rates; yesterday's Korean receipt still says
    ₩30,380 at 11,85, from the sale, not from the settings."""
    sale = sell(stand, clock, "KR")
    stand.save_settings(
        settings_service.from_texts(
            stand.settings(),
            dict(settings_service.as_texts(stand.settings()), rates="KRW=12; EUR=18000"),
        )
    )
    again = stand.sales.get(sale.receipt_no)
    assert again.reference == sale.reference
    text = text_of(render_receipt(again, stand.settings(), reprint=True))
    assert "≈ ₩30,380" in text and "11.85" in text and "₩30,000" not in text
    assert "영수증 사본" in text  # the copy mark, in Korean too
    # And in another language on request: same amount, English words.
    english = text_of(render_receipt(again, stand.settings(), lang="en", reprint=True))
    assert "≈ ₩30,380" in english and "For reference only, not a charge" in english


def test_the_reference_is_part_of_the_sales_journal_entry_and_verify_checks_it(
    stand, clock, db_path
):
    """The journal carries the currency, rate and amount (bundles to the other tills carry
    them too); a reference edited behind the app's back is named by verify."""
    sale = sell(stand, clock, "KR")
    entry = next(e for e in stand.journal.entries() if e.ref == sale.receipt_no)
    assert json.loads(entry.payload)["reference"] == {
        "currency": "KRW",
        "rate": "11.85",
        "amount": 30_380,
    }
    assert journal.verify(stand).ok
    stand.close()
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER sale_references_no_update")
    conn.execute("UPDATE sale_references SET amount = 30000 WHERE sale_id = ?", (sale.id,))
    conn.commit()
    conn.close()
    store = open_store(db_path)
    try:
        problems = [str(p) for p in journal.verify(store).problems]
    finally:
        store.close()
    assert any(sale.receipt_no in p and "edited" in p for p in problems), problems


def test_the_app_never_changes_a_kept_reference(stand, clock, db_path):
    """The row is final, like the sale: UPDATE and DELETE are refused by the file itself."""
    sell(stand, clock, "FR")
    conn = sqlite3.connect(db_path)
    try:
        for sql in ("UPDATE sale_references SET rate = '1'", "DELETE FROM sale_references"):
            with pytest.raises(sqlite3.IntegrityError, match="final"):
                conn.execute(sql)
    finally:
        conn.close()


def test_unreadable_rates_never_stop_a_sale(demo_store, clock):
    """A rate an older version saved (17.250: ambiguous) leaves the reference off; the
    Korean customer still pays and gets a Korean receipt."""
    demo_store.save_settings(
        dataclasses.replace(demo_store.settings(), ref_currency="KRW", ref_rate="17.250")
    )
    days.open_day(demo_store, clock, 0)
    sale = sell(demo_store, clock, "KR")
    assert sale.total == 360_000 and sale.lang == "ko" and not sale.reference
    assert "합계" in text_of(render_receipt(sale, demo_store.settings()))


@pytest.fixture
def supervised(stand, clock):
    staff.add_staff(stand, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        stand, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    return stand


@pytest.mark.parametrize(
    ("origin", "words"),
    [
        ("KR", ("환불 영수증", "환불 번호", "원 영수증", "승인자", "환불 금액", "고객 서명")),
        ("FR", ("REMBOURSEMENT", "Rembours. n°", "Ticket d'origine", "Approuvé par",
                "REMBOURSÉ", "Motif", "Signature du client")),
    ],
)  # fmt: skip
def test_a_refund_receipt_is_in_the_customers_language(supervised, clock, origin, words):
    """The scarf brought back by the Korean (French) customer: every word of the refund
    receipt in Korean (French), the amount in rupiah as the money went out."""
    sale = sell(supervised, clock, origin, items=("2*ECO-04", "BKR-05"))
    done = corrections.refund(
        supervised, sale.receipt_no, items=["ECO-04"], reason="jahitan lepas",
        supervisor="Dewi", pin="2468", clock=clock, cashier="Rina",
    )  # fmt: skip
    text = text_of(render_refund_receipt(done, supervised.settings()))
    for word in words:
        assert word in text, word
    assert done.number in text and sale.receipt_no in text and "jahitan lepas" in text


def test_the_korean_receipt_embeds_the_bundled_korean_font(stand, clock, tmp_path):
    """pdffonts lists Nanum Gothic as embedded: the receipt prints Hangul on any laptop."""
    sale = sell(stand, clock, "KR")
    pdf = tmp_path / "ko.pdf"
    pdf.write_bytes(render_receipt(sale, stand.settings()))
    try:
        listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    except FileNotFoundError:
        pytest.skip("poppler-utils (pdffonts) not installed")
    nanum = [line.split() for line in listed.splitlines() if "NanumGothic" in line]
    assert nanum and all("yes" == cols[-5] for cols in nanum), listed  # emb column


def test_the_payment_dialogs_reference_matches_the_receipt(stand, clock):
    """What the dialog computes before the sale is what the sale keeps."""
    cart = Cart(cashier="Rina", origin="KR")
    selling.add(stand, cart, "BKR-01")
    before = selling.customer_reference(stand.settings(), "KR", cart.pricing().total)
    sale = selling.complete(stand, cart, [Tender(Method.CASH)], clock)
    assert sale.reference == before
    assert format_foreign(before.amount, "KRW", "ko") in text_of(
        render_receipt(sale, stand.settings())
    )


def test_a_korean_receipt_on_the_thermal_printer_prints_hangul_as_pictures(stand, clock):
    """The ESC/POS printer's own font has no Hangul: the Korean lines go as raster images
    drawn with the bundled font, never as '?' text."""
    from booth_pos.printing.thermal import EscPosPrinter

    sale = sell(stand, clock, "KR")
    printer = EscPosPrinter("192.0.2.1:9100", width_mm=58)
    data = printer.compose(sale, stand.settings())
    english = printer.compose(sale, stand.settings(), lang="en")
    # GS v 0 (a raster bit image): every Korean label is one, the English ones are text.
    assert data.count(b"\x1dv0") > english.count(b"\x1dv0") + 5
    assert b"Receipt no." in english and b"Receipt no." not in data
    assert "합계".encode() not in data and b"?" * 2 not in data
    assert b"T1-000001" in data  # the receipt number still prints as text and Code128


def test_an_indonesians_receipt_stays_in_rupiah_after_rates_are_added(demo_store, clock):
    """Sold when the stand had no rates; the coordinator adds them later: the reprint shows
    no foreign total the customer never saw (no row kept, yet not an old sale)."""
    days.open_day(demo_store, clock, 0)
    sale = sell(demo_store, clock, "")
    demo_store.save_settings(dataclasses.replace(demo_store.settings(), rates="EUR=17250"))
    again = demo_store.sales.get(sale.receipt_no)
    assert again.reference is not None and not again.reference
    text = text_of(render_receipt(again, demo_store.settings(), reprint=True))
    assert "€" not in text and "bukan tagihan" not in text

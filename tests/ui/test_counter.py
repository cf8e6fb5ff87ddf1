"""Safe at the counter (issue 11): the payment dialog driven as the queue drives it.

The finding behind these tests: with the payment dialog open, the next customer's barcode
was scanned, its digits went into the amount field, the scanner's Enter finished the sale as
cash, and receipt T1-000250 said "Tunai Rp 2.000.000.000.251".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QListWidget, QPushButton

from tests.ui.window_helpers import PERSON_MS, confirm, open_payment, press_enter, scan, tender

pytestmark = pytest.mark.gui

SCANNER_MS = 1  # QTest's delay between a scanner's keys (they arrive 2-8 ms apart)
REFUSED = "Pemindaian diabaikan: selesaikan pembayaran dulu"


def scanner_burst(qtbot, widget, code: str) -> None:
    """What a USB scanner types: the code a millisecond or two apart, then its Enter."""
    qtbot.keyClicks(widget, code, delay=SCANNER_MS)
    qtbot.keyClick(widget, Qt.Key_Return)


def focused(qtbot, widget):
    """Wait until ``widget`` has the keyboard, as the cashier sees it."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    return widget


def test_a_scan_into_the_open_payment_sells_nothing_and_leaves_no_digits(qtbot, window):
    """The next customer's barcode scanned into the amount field: no tender, no sale, the
    field as it was, and the dialog says the scan was ignored."""
    scan(qtbot, window, "ECO-01")  # Rp 285.000
    dialog = open_payment(qtbot, window)
    amount = focused(qtbot, dialog.findChild(QLineEdit, "amountInput"))
    barcode = window.ctx.store.products.by_code("BKR-05").barcode
    scanner_burst(qtbot, QApplication.focusWidget(), barcode)
    assert window.ctx.store.sales.count() == 0
    assert dialog.isVisible() and dialog.presenter.tenders == []
    assert amount.text() == ""
    assert dialog.findChild(QLabel, "paymentMessage").text() == REFUSED
    assert not dialog.findChild(QPushButton, "confirmSaleButton").isEnabled()


def test_a_scan_after_the_cashier_typed_keeps_what_the_cashier_typed(qtbot, window):
    """The cashier had typed 300 when the scanner fired: the 300 stays, the code goes."""
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    amount = focused(qtbot, dialog.findChild(QLineEdit, "amountInput"))
    qtbot.keyClicks(amount, "300", delay=PERSON_MS)
    qtbot.wait(PERSON_MS)
    scanner_burst(qtbot, amount, "8991234567890")
    assert amount.text() == "300" and dialog.presenter.tenders == []


def test_a_scans_enter_never_confirms_a_covered_sale(qtbot, window):
    """Tenders cover the bill and the confirm button has the keyboard: a scan's Enter does
    not press it; the cashier's own Enter does."""
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    tender(qtbot, dialog, "qris")
    button = focused(qtbot, dialog.findChild(QPushButton, "confirmSaleButton"))
    scanner_burst(qtbot, button, "8991234567890")
    assert dialog.sale is None and window.ctx.store.sales.count() == 0
    press_enter(qtbot, button)
    assert dialog.sale is not None and window.ctx.store.sales.count() == 1


def test_a_person_typing_the_amount_slowly_still_pays(qtbot, window):
    """The same keys at a person's pace (80-200 ms) are an amount: cash 300.000 for
    285.000, Enter on the confirm, change Rp 15.000."""
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    amount = focused(qtbot, dialog.findChild(QLineEdit, "amountInput"))
    qtbot.keyClicks(amount, "300000", delay=PERSON_MS)
    press_enter(qtbot, amount)
    assert dialog.sale is None and dialog.due == 0
    assert dialog.findChild(QLabel, "changeLabel").text() == "Rp 15.000"
    press_enter(qtbot, focused(qtbot, dialog.findChild(QPushButton, "confirmSaleButton")))
    assert dialog.sale is not None and dialog.sale.change == 15_000


def test_a_single_tap_on_a_method_sells_nothing(qtbot, window):
    """A tap on QRIS with no amount records the tender for the rest; the summary names the
    method and the total; only the confirm (F12 here) commits."""
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    tender(qtbot, dialog, "qris")
    assert window.ctx.store.sales.count() == 0 and dialog.sale is None
    summary = dialog.findChild(QLabel, "paymentSummary").text()
    assert "QRIS" in summary and "Rp 285.000" in summary
    assert dialog.findChild(QLabel, "changeLabel").text() == "Rp 0"
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key_F12)
    assert window.ctx.store.sales.count() == 1
    assert [p.method.value for p in dialog.sale.payments] == ["qris"]


def test_a_barcode_worth_of_cash_is_refused_beside_the_field(qtbot, window):
    """Rp 2.000.000.000 cash on a Rp 300.000 bill: refused with a message, no tender."""
    scan(qtbot, window, "ECO-01")
    window.sell_page.model.cart.set_unit_price(0, 300_000)
    window.sell_page.model.changed()
    dialog = open_payment(qtbot, window)
    assert dialog.total == 300_000
    tender(qtbot, dialog, "cash", "2000000000")
    message = dialog.findChild(QLabel, "paymentMessage").text()
    assert "tidak masuk akal" in message and "Rp 2.000.000.000" in message
    assert dialog.presenter.tenders == [] and window.ctx.store.sales.count() == 0


def test_large_change_is_asked_about_before_the_sale(qtbot, window):
    """Rp 500.000 for Rp 285.000: the confirm asks about Rp 215.000 change; No keeps the
    sale open, Yes commits it."""
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    tender(qtbot, dialog, "cash", "500.000")
    confirm(qtbot, dialog)
    box = dialog.findChild(QDialog, "bigChangeBox")
    assert box is not None and box.isVisible() and "Rp 215.000" in box.text()
    qtbot.mouseClick(box.button(box.StandardButton.No), Qt.LeftButton)
    assert dialog.sale is None and window.ctx.store.sales.count() == 0
    confirm(qtbot, dialog)
    box = dialog.findChild(QDialog, "bigChangeBox")
    qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.LeftButton)
    assert dialog.sale is not None and dialog.sale.change == 215_000


def test_a_wrong_tender_is_removed_before_the_confirm(qtbot, window):
    """QRIS tapped by mistake: select it, Delete, then pay cash; only the cash is recorded."""
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    tender(qtbot, dialog, "qris")
    tenders = dialog.findChild(QListWidget, "tenderList")
    tenders.setCurrentRow(0)
    qtbot.keyClick(tenders, Qt.Key_Delete)
    assert tenders.count() == 0 and dialog.due == 285_000
    tender(qtbot, dialog, "card", "100.000")
    tenders.setCurrentRow(0)
    qtbot.mouseClick(dialog.findChild(QPushButton, "removeTenderButton"), Qt.LeftButton)
    assert tenders.count() == 0
    tender(qtbot, dialog, "cash", "300.000")
    confirm(qtbot, dialog)
    assert [(p.method.value, p.tendered) for p in dialog.sale.payments] == [("cash", 300_000)]


def test_a_card_reference_is_kept_with_its_tender(qtbot, window):
    """The EDC slip number typed before tapping Card is recorded on the payment."""
    scan(qtbot, window, "BKR-05")
    dialog = open_payment(qtbot, window)
    dialog.findChild(QLineEdit, "referenceInput").setText("EDC-4471")
    tender(qtbot, dialog, "card")
    confirm(qtbot, dialog)
    assert dialog.sale.payments[0].reference == "EDC-4471"


def test_quick_cash_offers_what_a_customer_hands_over_for_591_500(qtbot, window):
    """Rp 591.500 due: exact, 592.000, 595.000, 600.000 and 700.000, in that order."""
    scan(qtbot, window, "ECO-01")
    window.sell_page.model.cart.set_unit_price(0, 591_500)
    window.sell_page.model.changed()
    dialog = open_payment(qtbot, window)
    texts = [b.text() for b in dialog.quick_buttons]
    assert texts == ["Uang pas", "Rp 592.000", "Rp 595.000", "Rp 600.000", "Rp 700.000"]


# -- flows that resume --------------------------------------------------------------------


def test_pay_with_no_day_opens_the_day_then_the_payment(qtbot, window_factory):
    """F12 with no open day asks for the float; once the day is open the payment dialog
    follows by itself and the red banner that asked for it is gone."""
    window = window_factory(open_day=False)
    scan(qtbot, window, "BKR-05")
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key_F12)
    message = window.findChild(QLabel, "scanMessage")
    assert message.property("level") == "error" and message.text()
    ask = window.findChild(QDialog, "openDayDialog")
    assert ask is not None and window.sell_page.payment_dialog is None
    qtbot.keyClicks(ask.findChild(QLineEdit, "floatInput"), "250.000")
    press_enter(qtbot, ask.findChild(QLineEdit, "floatInput"))
    qtbot.waitUntil(lambda: window.sell_page.payment_dialog is not None)
    assert window.sell_page.payment_dialog.isVisible()
    assert message.text() == ""


def test_cancelling_the_open_day_does_not_pop_up_a_payment_later(qtbot, window_factory):
    """Esc on the float: no day, no payment dialog, now or when the day opens elsewhere."""
    window = window_factory(open_day=False)
    scan(qtbot, window, "BKR-05")
    window.sell_page.pay()
    ask = window.findChild(QDialog, "openDayDialog")
    qtbot.keyClick(ask, Qt.Key_Escape)
    qtbot.wait(20)
    assert window.sell_page.payment_dialog is None


def test_a_stock_warning_stays_on_its_line_after_the_next_scan(qtbot, window):
    """Three of a product with two recorded: the line keeps its warning icon and tooltip
    when the next scan's message takes the banner; back to two, the warning goes."""
    stock = window.ctx.store.products.by_code("UKR-01").stock
    scan(qtbot, window, f"{stock + 1}*UKR-01")
    scan(qtbot, window, "BKR-05")
    model = window.sell_page.model
    assert window.findChild(QLabel, "scanMessage").text().startswith("✓")  # the banner moved on
    name = model.index(0, model.COL_NAME)
    assert f"Stok tercatat hanya {stock}" in name.data(Qt.ToolTipRole)
    assert name.data(Qt.DecorationRole) is not None
    assert model.index(1, model.COL_NAME).data(Qt.DecorationRole) is None
    window.sell_page.table.selectRow(0)
    window.sell_page.set_qty(0, stock)
    assert model.index(0, model.COL_NAME).data(Qt.DecorationRole) is None


def test_a_wrong_laptop_clock_is_named_before_the_day_opens(qtbot, window_factory):
    """The laptop says 2026-12-01 for an event of 2023-03-01..05: the open-day dialog names
    both dates and opens only on a second, deliberate press."""
    from datetime import datetime

    from booth_pos.services import days

    window = window_factory(open_day=False)
    window.ctx.clock.set(datetime.fromisoformat("2026-12-01T09:00:00+07:00"))
    window.ask_open_day()
    ask = window.findChild(QDialog, "openDayDialog")
    button = ask.findChild(QPushButton, "confirmOpenDayButton")
    qtbot.mouseClick(button, Qt.LeftButton)
    text = ask.findChild(QLabel, "openDayMessage").text()
    assert "2026-12-01" in text and "2023-03-01" in text and "2023-03-05" in text
    assert days.current_day(window.ctx.store) is None
    qtbot.mouseClick(button, Qt.LeftButton)
    assert days.current_day(window.ctx.store).business_date.isoformat() == "2026-12-01"


# -- parked carts and the touch grid ------------------------------------------------------


def test_a_parked_cart_shows_its_time_in_wib_and_its_label(qtbot, window):
    """Parked at 10:00 WIB (03:00 UTC) for "Ibu baju merah": the count says 1 and the
    recall list says 10:00, the label, the items and the total."""
    scan(qtbot, window, "ECO-01")
    scan(qtbot, window, "2*BKR-05")
    field = window.findChild(QLineEdit, "scanInput")
    qtbot.keyClick(field, Qt.Key_F8)
    ask = window.findChild(QDialog, "parkLabelDialog")
    qtbot.keyClicks(ask.findChild(QLineEdit, "parkLabelInput"), "Ibu baju merah", delay=PERSON_MS)
    press_enter(qtbot, ask.findChild(QLineEdit, "parkLabelInput"))
    count = window.findChild(QLabel, "parkedCount")
    assert count.text() == "Keranjang ditunda: 1"
    qtbot.waitUntil(lambda: window.findChild(QDialog, "parkLabelDialog") is None)
    with qtbot.waitActive(window):  # offscreen, a closed dialog hands activation back to nobody
        window.activateWindow()
    qtbot.keyClick(focused(qtbot, field), Qt.Key_F8)  # empty cart: recall
    recall = window.findChild(QDialog, "recallDialog")
    row = recall.findChild(QListWidget, "parkedList").item(0).text()
    assert row == "10:00 · Ibu baju merah · 3 barang · Rp 335.000"
    qtbot.mouseClick(recall.findChild(QPushButton, "recallButton"), Qt.LeftButton)
    assert window.sell_page.model.cart.item_count == 3
    assert count.text() == "Keranjang ditunda: 0"


def test_quick_grid_tabs_name_the_artisan(qtbot, window):
    """Each tab says the artisan's code and name (cut with … when long, whole in the
    tooltip), so a cashier who does not know the codes finds the maker."""
    tabs = window.sell_page.quick_tabs
    texts = [tabs.tabText(i) for i in range(tabs.count())]
    assert all(" · " in t for t in texts)
    for i in range(tabs.count()):
        code, name = tabs.tabToolTip(i).split(" · ", 1)
        shown = tabs.tabText(i).split(" · ", 1)[1]
        assert tabs.tabText(i).startswith(code)
        assert shown == name or (shown.endswith("…") and name.startswith(shown[:-1]))
    assert tabs.count() == 12 and any(t.endswith("…") for t in texts) in (True, False)


def test_an_arabic_indic_three_never_adds_three(qtbot, window):
    """٣*ECO-01 in the scan field adds nothing (it is not a code), never three units."""
    field = window.findChild(QLineEdit, "scanInput")
    field.setText("٣*ECO-01")  # set whole: QTest cannot type a non-Latin-1 character
    qtbot.keyClick(field, Qt.Key_Return)
    assert window.sell_page.model.cart.lines == []
    assert "٣*ECO-01" in window.findChild(QLabel, "scanMessage").text()


# -- counts say "1 item" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "one", "two"), [("en", "1 item", "2 items"), ("id", "1 barang", "2 barang")]
)
def test_the_cart_summary_says_one_item_and_two_items(qtbot, window_factory, lang, one, two):
    """Under the total: "1 item" for one, "2 items" for two in English; Indonesian has no
    plural, "1 barang" and "2 barang"."""
    window = window_factory(lang)
    summary = window.findChild(QLabel, "summaryLabel")
    scan(qtbot, window, "ECO-01")
    assert summary.text() == one
    scan(qtbot, window, "BKR-05")
    assert summary.text() == two


def test_the_parked_list_says_one_item_and_two_items(qtbot, window_factory):
    """Two carts parked, one with a single item: the recall list says "1 item" for it and
    "2 items" for the other, never "1 items"."""
    window = window_factory("en")
    page = window.sell_page
    for codes in (["ECO-01"], ["BKR-05", "BKR-05"]):
        for code in codes:
            scan(qtbot, window, code)
        page.park_or_recall()
        label = window.findChild(QDialog, "parkLabelDialog")
        qtbot.keyClick(label, Qt.Key_Escape)  # no name: the cart is parked all the same
        qtbot.waitUntil(lambda: window.findChild(QDialog, "parkLabelDialog") is None)
    page.park_or_recall()  # empty cart: recall
    rows = window.findChild(QDialog, "recallDialog").findChild(QListWidget, "parkedList")
    texts = sorted(rows.item(i).text().split(" · ", 1)[1] for i in range(rows.count()))
    assert texts == ["1 item · IDR 285,000", "2 items · IDR 50,000"]


def test_a_scan_through_the_window_leaves_no_digits_in_the_amount(qtbot, window):
    """Found on Xvfb: a real window system gives each key to the dialog's window before the
    amount field, and the guard took the scan's digits back out only when QTest sent them
    to the field directly. "300" typed, a barcode scanned: "300" stays, nothing tendered."""
    from PySide6.QtTest import QTest

    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    amount = focused(qtbot, dialog.findChild(QLineEdit, "amountInput"))
    qtbot.keyClicks(amount, "300", delay=PERSON_MS)
    qtbot.wait(3 * PERSON_MS)  # a person's pause, longer than a scan's first hiccup
    handle = dialog.windowHandle()
    for ch in "8991234567890":
        QTest.keyClick(handle, ch, Qt.NoModifier, SCANNER_MS)
    QTest.keyClick(handle, Qt.Key_Return, Qt.NoModifier, SCANNER_MS)
    assert amount.text() == "300" and dialog.presenter.tenders == []
    assert dialog.findChild(QLabel, "paymentMessage").text() == REFUSED
    assert window.ctx.store.sales.count() == 0

"""Safe at the counter (issue 11): the payment dialog driven as the queue drives it.

The finding behind these tests: with the payment dialog open, the next customer's barcode
was scanned, its digits went into the amount field, the scanner's Enter finished the sale as
cash, and receipt T1-000250 said "Tunai Rp 2.000.000.000.251".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QListWidget, QPushButton

from tests.ui.helpers import PERSON_MS, confirm, open_payment, press_enter, scan, tender

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

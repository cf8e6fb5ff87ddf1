"""Staff, approvals, voids, refunds and backups, driven through the window."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox

from booth_pos import printing
from booth_pos.services import days, staff
from tests.ui.window_helpers import (
    PERSON_MS,
    cart_rows,
    open_payment,
    pay,
    press_enter,
    scan,
    total_text,
)

pytestmark = pytest.mark.gui

CHEAP = staff.PinCost(n=16, r=1, p=1)


@pytest.fixture
def staffed(window_factory, db_path, clock):
    """A demo stand with a supervisor (Dewi 1111), a second one (Agus 3333) and a cashier
    (Rina 2222); the window asks who is selling."""
    from booth_pos.services import demo
    from booth_pos.store import open_store

    store = open_store(db_path)
    demo.load_stand(store, clock)
    staff.add_staff(store, "Dewi", "supervisor", "1111", clock, cost=CHEAP)
    staff.add_staff(
        store,
        "Agus",
        "supervisor",
        "3333",
        clock,
        cost=CHEAP,
        supervisor="Dewi",
        supervisor_pin="1111",
    )
    staff.add_staff(
        store,
        "Rina",
        "cashier",
        "2222",
        clock,
        cost=CHEAP,
        supervisor="Dewi",
        supervisor_pin="1111",
    )
    store.close()
    return window_factory()


def sign_in(qtbot, window, name: str, pin: str) -> None:
    qtbot.waitUntil(lambda: window.findChild(QDialog, "signInDialog") is not None)
    dialog = window.findChild(QDialog, "signInDialog")
    dialog.name.setCurrentText(name)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "pinInput"), pin)
    press_enter(qtbot, dialog.findChild(QLineEdit, "pinInput"))


def test_window_asks_who_is_selling_and_records_the_cashier(qtbot, staffed):
    """With staff accounts the till asks for a PIN; a wrong one is refused, the right one
    puts the name on the status bar and on the sale."""
    window = staffed
    sign_in(qtbot, window, "Rina", "9999")
    dialog = window.findChild(QDialog, "signInDialog")
    assert "salah" in dialog.findChild(QLabel, "signInMessage").text()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "pinInput"), "2222")
    press_enter(qtbot, dialog.findChild(QLineEdit, "pinInput"))
    assert window.ctx.cashier == "Rina"
    assert "Rina" in window.findChild(QPushButton, "cashierStatus").text()
    scan(qtbot, window, "BKR-05")
    sale_dialog = open_payment(qtbot, window)
    pay(qtbot, sale_dialog, "qris")
    assert window.ctx.store.sales.get(sale_dialog.sale.receipt_no).cashier == "Rina"


def test_nobody_signed_in_cannot_take_payment(qtbot, staffed):
    """Esc on the sign-in leaves the till unable to take money until someone signs in."""
    window = staffed
    qtbot.waitUntil(lambda: window.findChild(QDialog, "signInDialog") is not None)
    qtbot.keyClick(window.findChild(QDialog, "signInDialog"), Qt.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "signInDialog") is None)
    scan(qtbot, window, "BKR-05")
    qtbot.mouseClick(window.findChild(QPushButton, "payButton"), Qt.LeftButton)
    assert window.findChild(QDialog, "paymentDialog") is None
    assert window.findChild(QDialog, "signInDialog") is not None
    assert window.ctx.store.sales.count() == 0


def test_pay_with_nobody_signed_in_signs_in_then_takes_the_payment(qtbot, staffed):
    """F12 with nobody at the till asks for a PIN; once Rina signs in the payment dialog
    follows by itself and the red banner that asked for it is gone."""
    window = staffed
    qtbot.waitUntil(lambda: window.findChild(QDialog, "signInDialog") is not None)
    qtbot.keyClick(window.findChild(QDialog, "signInDialog"), Qt.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "signInDialog") is None)
    with qtbot.waitActive(window):  # offscreen, a closed dialog hands activation back to nobody
        window.activateWindow()
    scan(qtbot, window, "BKR-05")
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key_F12)
    message = window.findChild(QLabel, "scanMessage")
    assert message.property("level") == "error" and message.text()
    ask = window.findChild(QDialog, "signInDialog")
    assert ask is not None and window.sell_page.payment_dialog is None
    ask.name.setCurrentText("Rina")
    pin = ask.findChild(QLineEdit, "pinInput")
    qtbot.keyClicks(pin, "2222", delay=PERSON_MS)  # a person's pace: the scan guard lets it in
    press_enter(qtbot, pin)
    qtbot.waitUntil(lambda: window.sell_page.payment_dialog is not None)
    assert window.sell_page.payment_dialog.isVisible()
    assert window.ctx.cashier == "Rina"
    assert message.text() == ""


def test_big_discount_needs_another_persons_pin(qtbot, staffed):
    """50% off asks a supervisor; Rina's own PIN is no approval, Dewi's is."""
    window = staffed
    sign_in(qtbot, window, "Rina", "2222")
    scan(qtbot, window, "ECO-01")  # Rp 285.000
    window.sell_page.discount()
    dialog = window.findChild(QDialog, "discountDialog")
    dialog.findChild(QRadioButton, "discountSale").click()
    field = dialog.findChild(QLineEdit, "discountInput")
    qtbot.keyClicks(field, "50%")
    press_enter(qtbot, field)
    box = dialog.findChild(QLabel, "discountMessage")
    assert "supervisor" in box.text()
    assert total_text(window) == "Rp 285.000"  # nothing applied yet
    dialog.approval.supervisor.setCurrentText("Dewi")
    qtbot.keyClicks(dialog.approval.pin, "0000")
    dialog.approval.reason.setText("pembeli grosir")
    dialog.apply()
    assert total_text(window) == "Rp 285.000"
    qtbot.keyClicks(dialog.approval.pin, "1111")
    dialog.apply()
    assert total_text(window) == "Rp 142.500"
    sale_dialog = open_payment(qtbot, window)
    pay(qtbot, sale_dialog, "cash")
    assert sale_dialog.sale is not None and sale_dialog.sale.discount == 142_500


def test_void_from_history_returns_stock_and_cash(qtbot, staffed):
    """A cash sale voided with Dewi's PIN: stock back, expected cash back, a receipt."""
    window = staffed
    sign_in(qtbot, window, "Rina", "2222")
    store = window.ctx.store
    day = days.current_day(store)
    stock = store.products.by_code("ECO-01").stock
    scan(qtbot, window, "ECO-01")
    sale_dialog = open_payment(qtbot, window)
    pay(qtbot, sale_dialog, "cash", "300.000")
    sale = sale_dialog.sale
    qtbot.keyClick(sale_dialog, Qt.Key_Return)
    assert days.expected_cash(store, day) == 500_000 + 285_000
    window.show_page("history")
    page = window.page("history")
    qtbot.keyClicks(page.findChild(QLineEdit, "receiptSearch"), sale.receipt_no)
    qtbot.keyClick(page.findChild(QLineEdit, "receiptSearch"), Qt.Key_Return)
    qtbot.mouseClick(page.findChild(QPushButton, "voidButton"), Qt.LeftButton)
    dialog = window.findChild(QDialog, "voidDialog")
    dialog.approval.supervisor.setCurrentText("Dewi")
    dialog.approval.pin.setText("1111")
    dialog.approval.reason.setText("salah ukuran")
    dialog.commit()
    assert store.products.by_code("ECO-01").stock == stock
    assert days.expected_cash(store, day) == 500_000
    assert not page.findChild(QPushButton, "voidButton").isEnabled()
    assert printing.wait_for_printing(10)
    receipts = list((store.path.parent / "receipts").glob("T1-R*.pdf"))
    assert len(receipts) == 1


def test_refund_one_of_two_then_the_other(qtbot, staffed):
    """Refunding two units one at a time returns exactly the line's net."""
    window = staffed
    sign_in(qtbot, window, "Rina", "2222")
    store = window.ctx.store
    scan(qtbot, window, "2*BKR-05")
    sale_dialog = open_payment(qtbot, window)
    pay(qtbot, sale_dialog, "qris")
    sale = sale_dialog.sale
    qtbot.keyClick(sale_dialog, Qt.Key_Return)
    window.show_page("history")
    page = window.page("history")
    returned = []
    for _ in range(2):
        page.show_sale(store.sales.get(sale.receipt_no))
        qtbot.mouseClick(page.findChild(QPushButton, "refundButton"), Qt.LeftButton)
        dialog = window.findChild(QDialog, "refundDialog")
        dialog.findChild(QSpinBox, "refundQty1").setValue(1)
        dialog.approval.supervisor.setCurrentText("Agus")
        dialog.approval.pin.setText("3333")
        dialog.approval.reason.setText("rusak")
        dialog.commit()
        qtbot.waitUntil(lambda: window.findChild(QDialog, "refundDialog") is None)
        returned.append(page.message.text())
    from booth_pos.services import corrections

    done = corrections.corrections_of(store, sale.receipt_no)
    assert sum(c.amount for c in done) == sale.lines[0].net == 50_000
    assert not page.findChild(QPushButton, "refundButton").isEnabled()


def test_first_supervisor_is_offered_on_a_fresh_stand(qtbot, window):
    """F10 on a stand without accounts creates the first supervisor, then signs them in."""
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key_F10)
    dialog = window.findChild(QDialog, "addStaffDialog")
    dialog.findChild(QLineEdit, "newStaffName").setText("Dewi")
    dialog.findChild(QLineEdit, "newStaffPin").setText("1357")
    dialog.findChild(QLineEdit, "newStaffPinAgain").setText("1375")
    dialog.save()
    assert "PIN" in dialog.message.text() and not staff.staff_exist(window.ctx.store)
    dialog.findChild(QLineEdit, "newStaffPinAgain").setText("1357")
    dialog.save()
    assert [p.name for p in staff.list_staff(window.ctx.store)] == ["Dewi"]
    sign_in(qtbot, window, "Dewi", "1357")
    assert window.ctx.cashier == "Dewi"


def test_periodic_backup_runs_when_the_till_is_idle(qtbot, window, tmp_path):
    """With nobody at the till, the timer's backup writes a file to the second folder."""
    store = window.ctx.store
    store.save_settings(replace(store.settings(), backup_dir=str(tmp_path / "usb")))
    scan(qtbot, window, "BKR-05")
    assert window.periodic_backup() is None  # someone is being served: not now
    window.sell_page.model.clear()
    outcome = window.periodic_backup().result(timeout=30)  # on the backup thread
    assert outcome is not None and outcome.ok
    qtbot.waitUntil(lambda: window.last_backup == outcome)  # told on the GUI thread
    assert outcome.path.parent == tmp_path / "usb" and outcome.path.exists()
    assert cart_rows(window) == 0

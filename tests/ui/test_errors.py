"""Errors stay in the window: a full disk at payment keeps the sale to be paid again, a bug
shows a dialog and leaves the cart, a known error reaching the top is said plainly."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox

from booth_pos.app import excepthook_for, install_excepthook
from booth_pos.services import selling
from booth_pos.store import StoreError
from tests.ui.window_helpers import cart_rows, open_payment, pay, scan

pytestmark = pytest.mark.gui

DISK_FULL = StoreError(en="Disk full: free some space", id="Disk penuh: kosongkan ruang")


def test_a_full_disk_at_payment_keeps_the_dialog_and_the_cart_then_paying_again_sells(
    qtbot, window, monkeypatch
):
    """The commit fails once (disk full): the error shows in the payment dialog, which stays
    open with the cart intact; paying again commits exactly one sale and empties the cart."""
    store = window.ctx.store
    real_insert = store.sales.insert
    attempts = []

    def insert_once_full(*args, **kwargs):
        attempts.append(1)
        if len(attempts) == 1:
            raise DISK_FULL
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(store.sales, "insert", insert_once_full)
    scan(qtbot, window, "ECO-01")
    scan(qtbot, window, "BKR-05")
    dialog = open_payment(qtbot, window)
    pay(qtbot, dialog, "cash", "400000")
    assert dialog.findChild(QLabel, "paymentMessage").text() == "Disk penuh: kosongkan ruang"
    assert dialog.isVisible() and dialog.sale is None
    assert cart_rows(window) == 2 and store.sales.count() == 0
    assert dialog.due == 310_000  # the tender is forgotten: nothing was taken
    pay(qtbot, dialog, "cash", "400000")
    assert dialog.sale is not None and dialog.sale.receipt_no == "T1-000001"
    assert dialog.findChild(QLabel, "paymentMessage").text() == ""
    assert store.sales.count() == 1
    qtbot.keyClick(dialog, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.sell_page.payment_dialog is None)
    assert cart_rows(window) == 0 and not window.sell_page.model.cart.lines


def test_a_bug_in_a_slot_shows_the_bug_dialog_and_keeps_the_cart(qtbot, window, monkeypatch):
    """A programming fault while scanning: the bug dialog names it, the log has the
    traceback, and the cart is as it was."""
    scan(qtbot, window, "ECO-01")

    def broken(*_args):
        raise RuntimeError("lookup exploded")

    monkeypatch.setattr(selling, "add_item", broken)
    restore = install_excepthook(window)
    try:
        scan(qtbot, window, "BKR-05")
    finally:
        restore()
    box = window.findChild(QMessageBox, "bugDialog")
    assert box is not None and box.isVisible()
    assert box.informativeText() == "RuntimeError: lookup exploded"
    assert "Penjualan yang sedang berjalan tetap tersimpan" in box.text()  # the sale is kept
    assert cart_rows(window) == 1
    assert window.findChild(QLineEdit, "scanInput") is not None
    box.close()


def test_the_bug_is_logged_with_its_traceback(qtbot, window, caplog):
    """What the coordinator sends the developer: the log holds the whole traceback."""
    try:
        raise ValueError("bad state")
    except ValueError as exc:
        info = (type(exc), exc, exc.__traceback__)
    with caplog.at_level(logging.ERROR, logger="booth_pos"):
        excepthook_for(window)(*info)
    (record,) = [r for r in caplog.records if r.name == "booth_pos"]
    assert record.exc_info[1] is info[1] and "unexpected error" in record.getMessage()
    window.findChild(QMessageBox, "bugDialog").close()


def test_a_known_error_reaching_the_top_is_a_plain_message_not_a_bug(qtbot, window):
    """A locked database nobody caught: said in the window's language, no bug dialog."""
    excepthook_for(window)(StoreError, DISK_FULL, None)
    box = window.findChild(QMessageBox, "knownErrorBox")
    assert box is not None and box.text() == "Disk penuh: kosongkan ruang"
    assert window.findChild(QMessageBox, "bugDialog") is None
    box.close()


def test_the_hook_is_restored_on_exit(window):
    """After the window's run the interpreter's previous hook is back."""
    before = sys.excepthook
    restore = install_excepthook(window)
    assert sys.excepthook is not before
    restore()
    assert sys.excepthook is before


def test_a_locked_database_in_history_is_said_beside_the_search(qtbot, window, monkeypatch):
    """Looking up a receipt while the database is locked: the message label says so."""
    locked = StoreError(en="The database is locked", id="Basis data terkunci")
    window.show_page("history")
    page = window.page("history")
    monkeypatch.setattr(selling, "find_sale", lambda *_a: (_ for _ in ()).throw(locked))
    field = page.findChild(QLineEdit, "receiptSearch")
    qtbot.keyClicks(field, "T1-000001")
    qtbot.keyClick(field, Qt.Key_Return)
    message = page.findChild(QLabel, "historyMessage")
    assert message.text() == "Basis data terkunci" and message.property("level") == "error"

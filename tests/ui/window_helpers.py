"""What the UI tests share: driving the sell screen as a scanner and a cashier do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QLineEdit, QPushButton

#: A person's pause between two keys, ms. A scanner's is 1-6 ms; anything under 30 ms that
#: ends in Enter inside a dialog is refused as a scan (booth_pos/ui/scan_guard.py).
PERSON_MS = 80


def scan(qtbot, window, code: str) -> None:
    """Type ``code`` and Enter into the scan field, as a USB scanner does."""
    field = window.findChild(QLineEdit, "scanInput")
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key_Return)


def cart_rows(window) -> int:
    """Rows in the cart table."""
    return window.findChild(QAbstractItemView, "cartTable").model().rowCount()


def total_text(window) -> str:
    """The big total as shown."""
    return window.findChild(QLabel, "totalLabel").text()


def open_payment(qtbot, window) -> QDialog:
    """Click Pay and return the payment dialog (it must be open)."""
    qtbot.mouseClick(window.findChild(QPushButton, "payButton"), Qt.LeftButton)
    dialog = window.findChild(QDialog, "paymentDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def press_enter(qtbot, widget) -> None:
    """Enter as a person presses it: after a person's pause, so it is never a scan's.

    (Not ``keyClick(..., delay=)``: QTest waits before the release too, and a dialog the
    Enter closed is deleted during that wait, so the release would hit a dead widget.)"""
    qtbot.wait(PERSON_MS)
    qtbot.keyClick(widget, Qt.Key_Return)


def tender(qtbot, dialog, method: str, amount: str = "") -> None:
    """Type ``amount`` (empty: the rest) and press the ``method`` button: one tender, no sale."""
    field = dialog.findChild(QLineEdit, "amountInput")
    field.clear()
    if amount:
        qtbot.keyClicks(field, amount)
    qtbot.mouseClick(dialog.findChild(QPushButton, f"method_{method}"), Qt.LeftButton)


def confirm(qtbot, dialog) -> None:
    """Press the confirm button, which commits the sale once the tenders cover it."""
    qtbot.mouseClick(dialog.findChild(QPushButton, "confirmSaleButton"), Qt.LeftButton)


def pay(qtbot, dialog, method: str, amount: str = "") -> None:
    """Take one tender of ``method`` and, when the tenders then cover the total, confirm."""
    tender(qtbot, dialog, method, amount)
    if dialog.findChild(QPushButton, "confirmSaleButton").isEnabled():
        confirm(qtbot, dialog)

"""What the UI tests share: driving the sell screen as a scanner and a cashier do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QLineEdit, QPushButton


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


def pay(qtbot, dialog, method: str, amount: str = "") -> None:
    """Type ``amount`` (empty: the rest) and press the ``method`` button."""
    field = dialog.findChild(QLineEdit, "amountInput")
    field.clear()
    if amount:
        qtbot.keyClicks(field, amount)
    qtbot.mouseClick(dialog.findChild(QPushButton, f"method_{method}"), Qt.LeftButton)

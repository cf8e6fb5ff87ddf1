"""Sales history tells what became of each sale: paid how, voided, refunded (and how much)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTextEdit

from booth_pos.model import Cart, Method, Tender
from booth_pos.services import corrections, selling, staff
from booth_pos.ui.history_page import HISTORY_METHODS, HISTORY_STATUS
from booth_pos.ui.table_model import COLUMN_KEY_ROLE

pytestmark = pytest.mark.gui
CHEAP = staff.PinCost(n=16, r=1, p=1)


@pytest.fixture
def crewed(window_factory):
    """The English window with Dewi (supervisor) and Rina (cashier) signed in."""
    window = window_factory("en")
    store, clock = window.ctx.store, window.ctx.clock
    staff.add_staff(store, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    window.ctx.cashier = "Rina"
    return window


def sell(window, items, tenders, origin=""):
    cart = Cart(cashier="Rina", origin=origin, lang="en" if origin not in ("", "ID") else "id")
    for item in items:
        selling.add(window.ctx.store, cart, item)
    sale = selling.complete(window.ctx.store, cart, tenders, window.ctx.clock)
    window.ctx.bus.sale_committed.emit(sale)
    return sale


def column(table: QTableView, key: str) -> int:
    """The section whose header carries ``key`` (header items have no objectName)."""
    model = table.model()
    found = [
        i
        for i in range(model.columnCount())
        if model.headerData(i, Qt.Horizontal, COLUMN_KEY_ROLE) == key
    ]
    assert len(found) == 1, key
    return found[0]


def cell(table: QTableView, receipt_no: str, key: str) -> str:
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == receipt_no:
            return model.index(row, column(table, key)).data()
    raise AssertionError(f"{receipt_no} not in the history")


def test_history_shows_voided_and_partly_refunded_sales_with_their_refund_numbers(crewed):
    """A voided sale and a partly refunded one say so in the status column, with the
    correction numbers and the money given back; an untouched sale says nothing; the
    payment methods are listed."""
    window, store, clock = crewed, crewed.ctx.store, crewed.ctx.clock
    kept = sell(window, ["BKR-05"], [Tender(Method.QRIS, 10_000), Tender(Method.CASH)])
    voided = sell(window, ["ECO-04"], [Tender(Method.CASH)])
    refunded = sell(window, ["3*BKR-05"], [Tender(Method.CARD)])
    void = corrections.void(
        store, voided.receipt_no, reason="wrong entry", supervisor="Dewi", pin="2468",
        clock=clock, cashier="Rina",
    )  # fmt: skip
    refund = corrections.refund(
        store, refunded.receipt_no, items=["BKR-05"], reason="torn", supervisor="Dewi",
        pin="2468", clock=clock, cashier="Rina",
    )  # fmt: skip
    window.ctx.bus.correction_committed.emit(refund)
    window.show_page("history")
    table = window.page("history").findChild(QTableView, "historyTable")
    header = table.model().headerData(column(table, HISTORY_STATUS), Qt.Horizontal)
    assert header == "Status"
    assert cell(table, kept.receipt_no, HISTORY_STATUS) == ""
    assert cell(table, kept.receipt_no, HISTORY_METHODS) == "QRIS, Cash"
    assert cell(table, voided.receipt_no, HISTORY_STATUS) == (
        f"Voided {void.number} · −IDR 165,000"
    )
    assert cell(table, refunded.receipt_no, HISTORY_STATUS) == (
        f"Refunded partly {refund.number} · 1 of 3 items · −IDR 25,000"
    )
    assert cell(table, refunded.receipt_no, HISTORY_METHODS) == "Card (EDC)"


def test_history_status_in_indonesian(window):
    """The status column's header is translated; a kept sale's status is empty."""
    sale = sell(window, ["BKR-05"], [Tender(Method.CASH)])
    window.show_page("history")
    table = window.page("history").findChild(QTableView, "historyTable")
    section = column(table, HISTORY_STATUS)
    assert table.model().headerData(section, Qt.Horizontal) == "Status"
    assert table.model().headerData(column(table, HISTORY_METHODS), Qt.Horizontal) == (
        "Dibayar dengan"
    )
    assert cell(table, sale.receipt_no, HISTORY_STATUS) == ""


def test_sale_detail_names_time_cashier_and_origin_in_full(crewed, qtbot):
    """The detail pane of a sale says when (with the zone), which day, who rang it up,
    where the customer came from, the receipt's language and its verification code."""
    sale = sell(crewed, ["2*BKR-05"], [Tender(Method.CASH)], origin="KR")
    crewed.show_page("history")
    page = crewed.page("history")
    page.table.selectRow(0)
    text = page.findChild(QTextEdit, "saleDetail").toPlainText()
    assert sale.receipt_no in text
    assert "2023-03-01 10:00 WIB" in text
    assert "Business day" in text and "2023-03-01" in text
    assert "Cashier" in text and "Rina" in text
    assert "Customer from" in text and "Korea" in text
    assert "Receipt language" in text and "English" in text
    assert "2 items" in text
    assert sale.verification and sale.verification in text


def test_sale_detail_without_a_cashier_says_so(window):
    """A sale rung up on a stand without accounts: the detail says '(no cashier)', not a
    dangling dot."""
    cart = Cart()
    selling.add(window.ctx.store, cart, "BKR-05")
    sale = selling.complete(window.ctx.store, cart, [Tender(Method.CASH)], window.ctx.clock)
    window.show_page("history")
    page = window.page("history")
    page.show_sale(sale)
    text = page.findChild(QTextEdit, "saleDetail").toPlainText()
    assert "Kasir" in text and "(tidak tercatat)" in text
    assert "1 barang" in text
    assert "·\n" not in text and not text.rstrip().endswith("·")

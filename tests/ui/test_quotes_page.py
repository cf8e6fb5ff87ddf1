"""The Quotes page as the coordinator uses it: a quote from scans, its PDF, its status."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def open_quotes(qtbot, window):
    window.nav.setCurrentRow(window.page_names.index("quotes"))
    page = window.pages["quotes"].page
    assert page is not None and page.objectName() == "quotesPage"
    return page


def test_new_quote_by_scanning_then_pdf_and_cancel(qtbot, window_factory, tmp_path):
    """Scan three scarves, save: the list shows Q-0001; its PDF saves; cancel marks it."""
    window = window_factory("en")
    page = open_quotes(qtbot, window)
    dialog = page.new_quote()
    qtbot.keyClicks(dialog.buyer, "Camille Martin")
    dialog.rate.setText("17250")
    for _ in range(3):
        qtbot.keyClicks(dialog.scan, "ECO-04")
        qtbot.keyClick(dialog.scan, Qt.Key_Return)
    assert dialog.items.toPlainText() == "3*ECO-04"
    dialog.submit()
    assert dialog.quote is not None and dialog.quote.number == "Q-0001"
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    out = page.save_pdf(str(tmp_path / "Q-0001.pdf"))
    assert out is not None and out.read_bytes().startswith(b"%PDF")
    page.cancel_quote()
    index = page.model.index(0, 6)
    assert page.model.data(index, Qt.DisplayRole) == "cancelled"


def test_a_refused_quote_says_why_in_the_form(qtbot, window_factory):
    """No rate in Settings and none typed: the form says so and stays open."""
    window = window_factory("en")
    page = open_quotes(qtbot, window)
    dialog = page.new_quote()
    dialog.buyer.setText("Camille")
    dialog.currency.setText("USD")
    dialog.items.setPlainText("3*ECO-04")
    dialog.submit()
    assert "No rate for USD" in dialog.error.text()
    assert dialog.quote is None and window.ctx.store.quotes.quotes() == []

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


def test_the_product_form_sets_wholesale_tiers_and_refuses_one_above_retail(qtbot, window_factory):
    """Edit ECO-04: tiers, MOQ and lead time saved; a tier above retail refused, said, and
    nothing changed."""
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from booth_pos.model.wholesale import Tier

    window = window_factory("en")
    store = window.ctx.store
    page = window.page("products")
    page.table.selectRow(next(i for i, p in enumerate(page.model.rows) if p.sku == "ECO-04"))
    form = page.edit_product()
    form.findChild(QLineEdit, "productTiers").setText("10:300000")  # retail is Rp 165.000
    qtbot.mouseClick(form.findChild(QPushButton, "recordSave"), Qt.LeftButton)
    assert form.saved is None
    assert "above the retail price" in form.message.text()
    assert store.wholesale.of("ECO-04").tiers == ()
    form.findChild(QLineEdit, "productTiers").setText("10:135000;50:120000")
    form.findChild(QLineEdit, "productMoq").setText("10")
    form.findChild(QLineEdit, "productLeadDays").setText("21")
    qtbot.mouseClick(form.findChild(QPushButton, "recordSave"), Qt.LeftButton)
    assert form.saved is not None
    terms = store.wholesale.of("ECO-04")
    assert (terms.tiers, terms.moq, terms.lead_days) == (
        (Tier(10, 135000), Tier(50, 120000)),
        10,
        21,
    )

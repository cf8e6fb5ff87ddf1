"""The window at the edges: a damaged database file, the stand's own origin codes, a photo
that would stop the catalogue."""

from __future__ import annotations

import dataclasses

import pytest
from helpers.damage import counts, garble_page_of
from helpers.photos import png_claiming
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton

from booth_pos.services import days, demo, selling
from booth_pos.store import open_store
from tests.ui.window_helpers import open_payment, pay, scan

pytestmark = pytest.mark.gui


def test_the_sell_page_refuses_payment_on_a_damaged_file_and_says_restore_a_backup(
    qtbot, window_factory, db_path, clock
):
    """F12 on a file quick_check finds damaged: the message beside the scan field names
    the damage and the restore; no payment dialog opens and no sale is written."""
    store = open_store(db_path)
    demo.load_stand(store, clock)
    days.open_day(store, clock, 500_000)
    store.close()
    garble_page_of(db_path)
    before = counts(db_path)
    window = window_factory("en")
    scan(qtbot, window, "ECO-01")
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key_F12)
    message = window.findChild(QLabel, "scanMessage").text()
    assert "is damaged (Page " in message and "restore a backup" in message
    dialog = window.findChild(QDialog, "paymentDialog")
    assert dialog is None or not dialog.isVisible()
    assert counts(db_path) == before


def test_the_origin_buttons_are_the_stands_own_codes_and_record_through_its_rule(
    qtbot, window_factory, db_path, clock
):
    """A stand that sells to Japan gets a JP button and no KR; tapping it records JP."""
    store = open_store(db_path)
    demo.load_stand(store, clock)
    store.save_settings(dataclasses.replace(store.settings(), origins=("ID", "JP")))
    store.close()
    window = window_factory("en")
    scan(qtbot, window, "BKR-05")
    dialog = open_payment(qtbot, window)
    assert dialog.findChild(QPushButton, "origin_KR") is None
    qtbot.mouseClick(dialog.findChild(QPushButton, "origin_JP"), Qt.LeftButton)
    pay(qtbot, dialog, "cash")
    assert window.ctx.store.sales.get(dialog.sale.receipt_no).origin == "JP"


def test_a_recalled_carts_origin_shows_on_its_button_and_a_dropped_code_is_cleared(qtbot, window):
    """What the buttons show is what the sale records: KR stays lit; a code the stand no
    longer uses is not recorded behind the cashier's back."""
    from booth_pos.model import Cart

    korea = Cart(origin="KR")
    selling.add(window.ctx.store, korea, "BKR-05")
    stale = Cart(origin="XX")
    selling.add(window.ctx.store, stale, "BKR-05")
    from booth_pos.ui.payment_dialog import PaymentDialog

    shown = PaymentDialog(window.ctx, korea, window)
    qtbot.addWidget(shown)
    assert shown.findChild(QPushButton, "origin_KR").isChecked()
    cleared = PaymentDialog(window.ctx, stale, window)
    qtbot.addWidget(cleared)
    assert stale.origin == ""
    assert not any(b.isChecked() for b in cleared.origin_group.buttons())


def test_the_products_page_refuses_a_decompression_bomb_photo_by_name(
    qtbot, demo_store, clock, tmp_path
):
    """The 20000 x 20000 PNG is refused beside the list; the product keeps no photo."""
    from booth_pos.ui.context import AppContext
    from booth_pos.ui.products_page import ProductsPage

    page = ProductsPage(AppContext(store=demo_store, clock=clock, lang="en"))
    qtbot.addWidget(page)
    bomb = png_claiming(tmp_path / "selendang.png", 20_000, 20_000)
    assert page.set_photo("ECO-01", bomb) is False
    message = page.findChild(QLabel, "productsMessage").text()
    assert "selendang.png" in message and "40 megapixels" in message
    assert demo_store.products.by_code("ECO-01").image == ""

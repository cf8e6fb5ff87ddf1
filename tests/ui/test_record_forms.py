"""The artisan and product forms and the unknown-barcode offer, typed and clicked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QPushButton
from window_helpers import PERSON_MS, cart_rows, scan

from booth_pos.model import KnownError
from booth_pos.services import selling, staff


def _type(qtbot, dialog, name: str, text: str) -> None:
    field = dialog.findChild(QLineEdit, name)
    field.clear()
    qtbot.keyClicks(field, text, delay=5)  # under the scan guard's 30 ms only with no Enter


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "recordSave"), Qt.LeftButton)


def _written(store) -> tuple:
    return (
        len(store.artisans.all()),
        store.products.count(),
        store.audit.last()[0],
        store.journal.last()[0],
    )


def test_a_bad_commission_is_refused_beside_its_field_and_nothing_is_written(qtbot, window):
    store = window.ctx.store
    before = _written(store)
    dialog = window.page("artisans").add_artisan()
    _type(qtbot, dialog, "artisanCode", "KRT")
    _type(qtbot, dialog, "artisanName", "Kertas Daur Ulang")
    _type(qtbot, dialog, "artisanCommission", "dua belas")
    _save(qtbot, dialog)
    note = dialog.findChild(QLabel, "artisanCommissionMessage")
    assert note.isVisible() and note.text()  # the import's reason, beside the field
    assert not dialog.findChild(QLabel, "artisanNameMessage").isVisible()
    assert dialog.isVisible() and dialog.saved is None
    assert _written(store) == before


def test_add_an_artisan_then_its_product_then_sell_it(qtbot, window):
    """From nothing to a sale: the artisan form, the product form (stock 0, a generated
    in-store EAN-13), a scan of that barcode at the till."""
    dialog = window.page("artisans").add_artisan()
    _type(qtbot, dialog, "artisanCode", "KRT")
    _type(qtbot, dialog, "artisanName", "Kertas Daur Ulang")
    _type(qtbot, dialog, "artisanCommission", "12,5%")
    _save(qtbot, dialog)
    assert dialog.saved is not None and dialog.saved.commission_bp == 1250
    form = window.page("products").add_product()
    _type(qtbot, form, "productSku", "KRT-01")
    _type(qtbot, form, "productName", "Buku Catatan Daur Ulang")
    combo = form.findChild(QComboBox, "productArtisan")
    combo.setCurrentIndex(combo.findData("KRT"))
    _type(qtbot, form, "productPrice", "Rp 45.000")
    _save(qtbot, form)
    product = form.saved
    assert product is not None and (product.price, product.stock) == (45_000, 0)
    assert product.barcode.startswith("2") and len(product.barcode) == 13
    window.show_page("sell")
    scan(qtbot, window, product.barcode)
    assert cart_rows(window) == 1
    line = window.sell_page.model.cart.lines[0]
    assert (line.sku, line.unit_price, line.artisan_code) == ("KRT-01", 45_000, "KRT")


def test_a_price_change_is_audited_and_applies_from_the_next_sale(qtbot, window):
    from booth_pos.model import Cart, Method, Tender

    store, clock = window.ctx.store, window.ctx.clock
    cart = Cart()
    selling.add(store, cart, "ECO-01")
    first = selling.complete(store, cart, [Tender(Method.CASH)], clock)
    old_price = first.lines[0].unit_price
    page = window.page("products")
    page.table.selectRow(next(i for i, p in enumerate(page.model.rows) if p.sku == "ECO-01"))
    form = page.edit_product()
    _type(qtbot, form, "productPrice", "300000")
    _save(qtbot, form)
    assert form.saved.price == 300_000
    entry = store.audit.latest_of(["product_edited"])
    assert entry is not None and '"price":[' in entry.payload and str(old_price) in entry.payload
    assert store.sales.get(first.receipt_no).lines[0].unit_price == old_price  # history stays
    cart = Cart()
    selling.add(store, cart, "ECO-01")
    assert cart.lines[0].unit_price == 300_000


def test_a_deactivated_product_cannot_be_sold(qtbot, window):
    store = window.ctx.store
    page = window.page("products")
    page.table.selectRow(next(i for i, p in enumerate(page.model.rows) if p.sku == "BKR-05"))
    form = page.edit_product()
    form.findChild(QCheckBox, "productActive").setChecked(False)
    _save(qtbot, form)
    assert store.products.by_sku("BKR-05").active is False
    from booth_pos.model import Cart

    with pytest.raises(KnownError):
        selling.add(store, Cart(), "BKR-05")
    window.show_page("sell")
    scan(qtbot, window, "BKR-05")
    assert cart_rows(window) == 0


def test_an_unknown_barcode_offers_the_product_form_with_the_code_filled_in(qtbot, window):
    """ZZ code scanned: the warning and the offer; the form has the code; once saved the
    product is in the cart, once."""
    window.show_page("sell")
    scan(qtbot, window, "8999999000016")
    offer = window.findChild(type(window.sell_page.offer), "unknownCodeOffer")
    assert offer.isVisible() and cart_rows(window) == 0
    qtbot.mouseClick(window.findChild(QPushButton, "offerAddProduct"), Qt.LeftButton)
    dialogs = [d for d in window.findChildren(QLineEdit, "productBarcode") if d.isVisible()]
    assert dialogs and dialogs[0].text() == "8999999000016"
    form = dialogs[0].window()
    _type(qtbot, form, "productSku", "ECO-09")
    _type(qtbot, form, "productName", "Tas Ecoprint Kecil")
    _type(qtbot, form, "productPrice", "95000")
    _save(qtbot, form)  # a misprinted label: the check digit is wrong, said beside it
    assert form.saved is None and form.findChild(QLabel, "productBarcodeMessage").isVisible()
    assert cart_rows(window) == 0
    _type(qtbot, form, "productBarcode", "8999999000011")
    _save(qtbot, form)
    assert form.saved is not None and form.saved.barcode == "8999999000011"
    assert cart_rows(window) == 1 and window.sell_page.model.cart.lines[0].sku == "ECO-09"
    assert not offer.isVisible()


def test_a_scan_burst_into_the_name_field_is_refused_but_the_barcode_field_takes_it(qtbot, window):
    form = window.page("products").add_product()
    name = form.findChild(QLineEdit, "productName")
    name.setFocus()
    qtbot.keyClicks(name, "8991234567895", delay=1)
    qtbot.keyClick(name, Qt.Key_Return)
    assert name.text() == "" and form.isVisible() and form.saved is None
    barcode = form.findChild(QLineEdit, "productBarcode")
    barcode.setFocus()
    qtbot.keyClicks(barcode, "8991234567895", delay=1)
    assert barcode.text() == "8991234567895"


def test_with_staff_a_wrong_supervisor_pin_writes_nothing(qtbot, window_factory):
    window = window_factory("en")
    store, clock = window.ctx.store, window.ctx.clock
    cost = staff.PinCost(n=16, r=1, p=1)
    staff.add_staff(store, "Dewi", "supervisor", "2468", clock, cost=cost)
    before = _written(store)
    dialog = window.page("artisans").add_artisan()
    _type(qtbot, dialog, "artisanCode", "KRT")
    _type(qtbot, dialog, "artisanName", "Kertas")
    _type(qtbot, dialog, "artisanCommission", "10")
    pin = dialog.findChild(QLineEdit, "supervisorPin")
    qtbot.keyClicks(pin, "1111", delay=PERSON_MS)
    _save(qtbot, dialog)
    assert dialog.saved is None and dialog.isVisible()
    assert len(store.artisans.all()) == before[0] and store.products.count() == before[1]
    pin.clear()
    qtbot.keyClicks(pin, "2468", delay=PERSON_MS)
    _save(qtbot, dialog)
    assert dialog.saved is not None and dialog.saved.code == "KRT"


def test_an_unknown_code_also_offers_an_open_price_line(qtbot, window):
    """Unlabelled goods: the offer's second button opens the open-price dialog at once."""
    window.show_page("sell")
    scan(qtbot, window, "TAS-TANPA-LABEL")
    button = window.findChild(QPushButton, "offerOpenPrice")
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.LeftButton)
    dialog = window.findChild(QDialog, "openPriceDialog")
    assert dialog is not None and dialog.isVisible()
    assert cart_rows(window) == 0  # nothing rung up until the price is typed and confirmed

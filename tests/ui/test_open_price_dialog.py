"""Goods without a label at the till: the open-price dialog typed into as a cashier does,
and a scanner firing into it as the next customer's item is scanned."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from booth_pos.services import records
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

SCANNER_MS = 1  # QTest's delay between a scanner's keys (they arrive 2-8 ms apart)


def scanner_burst(qtbot, widget, code: str) -> None:
    """What a USB scanner types: the code a millisecond or two apart, then its Enter."""
    qtbot.keyClicks(widget, code, delay=SCANNER_MS)
    qtbot.keyClick(widget, Qt.Key_Return)


def window_burst(qtbot, dialog, code: str) -> None:
    """A scan as a real window system delivers it: each key to the dialog's window first,
    which hands it to the field with the focus (``qtbot.keyClicks`` skips that step)."""
    handle = dialog.windowHandle()
    for ch in code:
        QTest.keyClick(handle, ch, Qt.NoModifier, SCANNER_MS)
    QTest.keyClick(handle, Qt.Key_Return, Qt.NoModifier, SCANNER_MS)


def open_dialog(qtbot, window, artisan: str | None = "ECO") -> QDialog:
    """F7 on the scan field: the open-price dialog, shown, with ``artisan`` picked."""
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key_F7)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "openPriceDialog") is not None)
    dialog = window.findChild(QDialog, "openPriceDialog")
    qtbot.waitUntil(dialog.isVisible)
    if artisan:
        pick_artisan(dialog, artisan)
    return dialog


def pick_artisan(dialog, code: str) -> None:
    combo = dialog.findChild(QComboBox, "openArtisan")
    combo.setCurrentIndex(combo.findData(code))


def type_person(qtbot, widget, text: str) -> None:
    """Keys at a person's pace: never taken for a scan."""
    widget.setFocus()
    qtbot.keyClicks(widget, text, delay=PERSON_MS)


def note(dialog, name: str) -> QLabel:
    return dialog.findChild(QLabel, name)


def test_typing_an_open_line_puts_it_in_the_cart_marked_as_open_price(qtbot, window):
    """F7, pick BKR, type the name, the price and 2: the cart shows "harga terbuka", the
    total counts it, and the sale stores it without a SKU and without moving stock."""
    scan(qtbot, window, "ECO-04")  # Rp 165.000
    dialog = open_dialog(qtbot, window, "BKR")
    type_person(qtbot, dialog.findChild(QLineEdit, "openName"), "Tas batik")
    type_person(qtbot, dialog.findChild(QLineEdit, "openPrice"), "45.000")
    dialog.findChild(QSpinBox, "openQty").setValue(2)
    press_enter(qtbot, dialog.findChild(QLineEdit, "openPrice"))
    qtbot.waitUntil(lambda: window.findChild(QDialog, "openPriceDialog") is None)
    assert cart_rows(window) == 2
    assert total_text(window) == "Rp 255.000"
    cell = window.sell_page.model.item(1, 0).text()
    assert cell == "Tas batik\nharga terbuka · BKR"
    # The next scan goes to the scan field (offscreen, no window is active after a dialog).
    assert window.focusWidget() is window.findChild(QLineEdit, "scanInput")
    stock = {p.sku: p.stock for p in window.ctx.store.products.all()}
    payment = open_payment(qtbot, window)
    pay(qtbot, payment, "cash", "300.000")
    sale = payment.sale
    assert [(ln.sku, ln.name, ln.qty, ln.net) for ln in sale.lines] == [
        ("ECO-04", "Scarf Ecoprint Katun", 1, 165_000),
        ("", "Tas batik", 2, 90_000),
    ]
    after = {p.sku: p.stock for p in window.ctx.store.products.all()}
    assert after == {**stock, "ECO-04": stock["ECO-04"] - 1}


def test_the_artisan_is_never_a_default_and_typing_its_code_picks_it(qtbot, window):
    """The button opens the dialog with no artisan chosen: Enter is refused beside the
    artisan. Typing "PDN" at a person's pace picks Anyaman Pandan Merak, and an empty name
    becomes "Barang Anyaman Pandan Merak" as the placeholder says."""
    window.findChild(QLineEdit, "scanInput").setFocus()
    window.sell_page.open_price_button.click()
    dialog = window.findChild(QDialog, "openPriceDialog")
    qtbot.waitUntil(dialog.isVisible)
    combo = dialog.findChild(QComboBox, "openArtisan")
    assert combo.currentIndex() == -1
    price = dialog.findChild(QLineEdit, "openPrice")
    type_person(qtbot, price, "20000")
    press_enter(qtbot, price)
    assert dialog.isVisible() and cart_rows(window) == 0
    assert "pengrajin" in note(dialog, "openArtisanMessage").text()
    assert combo.hasFocus()
    qtbot.keyClicks(combo, "PDN", delay=PERSON_MS)
    assert combo.currentData() == "PDN"
    name = dialog.findChild(QLineEdit, "openName")
    assert name.placeholderText() == "Barang Anyaman Pandan Merak"
    press_enter(qtbot, price)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "openPriceDialog") is None)
    (line,) = window.sell_page.model.cart.lines
    assert (line.artisan_code, line.name, line.unit_price) == (
        "PDN",
        "Barang Anyaman Pandan Merak",
        20_000,
    )


@pytest.mark.parametrize(
    ("price", "words"),
    [
        ("", "rupiah utuh"),
        ("abc", "rupiah utuh"),
        ("150.000,50", "rupiah utuh"),
        ("0", "minimal Rp 1"),
        ("-5.000", "minimal Rp 1"),
        ("1.000.000.001", "salah ketik"),
        ("99999999999999999999", "rupiah utuh"),
    ],
)
def test_a_bad_price_is_refused_beside_the_field_and_adds_nothing(qtbot, window, price, words):
    """Empty, not a price, a fraction, zero, negative or absurd: the message sits under the
    price, the dialog stays open with the price selected, the cart is untouched."""
    dialog = open_dialog(qtbot, window)
    field = dialog.findChild(QLineEdit, "openPrice")
    if price:
        type_person(qtbot, field, price)
    press_enter(qtbot, field)
    assert dialog.isVisible() and cart_rows(window) == 0
    message = note(dialog, "openPriceMessage")
    assert message.isVisible() and words in message.text()
    assert not note(dialog, "openArtisanMessage").isVisible()
    assert field.hasFocus()


def test_a_name_with_a_control_character_is_refused_beside_the_name(qtbot, window):
    """A right-to-left override pasted into the name: refused under the name field."""
    dialog = open_dialog(qtbot, window)
    dialog.findChild(QLineEdit, "openName").setText("Tas\u202ekecil")
    type_person(qtbot, dialog.findChild(QLineEdit, "openPrice"), "20000")
    press_enter(qtbot, dialog.findChild(QLineEdit, "openPrice"))
    assert dialog.isVisible() and cart_rows(window) == 0
    assert note(dialog, "openNameMessage").isVisible()


def test_an_artisan_deactivated_while_the_dialog_is_open_is_refused(qtbot, window):
    """The coordinator deactivates ECO on the other page meanwhile: refused beside the
    artisan, nothing added."""
    dialog = open_dialog(qtbot, window)
    records.edit_artisan(window.ctx.store, "ECO", active=False, at=window.ctx.clock.now())
    type_person(qtbot, dialog.findChild(QLineEdit, "openPrice"), "20000")
    press_enter(qtbot, dialog.findChild(QLineEdit, "openPrice"))
    assert dialog.isVisible() and cart_rows(window) == 0
    assert "dinonaktifkan" in note(dialog, "openArtisanMessage").text()


def test_deactivated_artisans_are_not_offered(qtbot, window):
    """A deactivated artisan is not in the list at all."""
    records.edit_artisan(window.ctx.store, "ECO", active=False, at=window.ctx.clock.now())
    dialog = open_dialog(qtbot, window, None)
    combo = dialog.findChild(QComboBox, "openArtisan")
    assert combo.findData("ECO") == -1 and combo.count() == 11


def test_a_scan_into_the_price_never_becomes_the_price(qtbot, window):
    """The next customer's barcode scanned while the cashier is in the price field: the
    digits are taken back out, its Enter adds nothing, the dialog says why."""
    dialog = open_dialog(qtbot, window)
    field = dialog.findChild(QLineEdit, "openPrice")
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    barcode = window.ctx.store.products.by_code("BKR-05").barcode
    scanner_burst(qtbot, field, barcode)
    assert dialog.isVisible() and cart_rows(window) == 0
    assert field.text() == ""
    assert "Pemindaian diabaikan" in note(dialog, "openPriceDialogMessage").text()


def test_a_scan_after_the_cashier_typed_the_price_keeps_the_typed_price(qtbot, window):
    """45.000 typed, then a scan: 45.000 stays, and the cashier's own Enter adds the line."""
    dialog = open_dialog(qtbot, window)
    field = dialog.findChild(QLineEdit, "openPrice")
    type_person(qtbot, field, "45.000")
    qtbot.wait(PERSON_MS)
    scanner_burst(qtbot, field, "8991234567890")
    assert field.text() == "45.000" and cart_rows(window) == 0
    press_enter(qtbot, field)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "openPriceDialog") is None)
    assert window.sell_page.model.cart.lines[0].unit_price == 45_000


@pytest.mark.parametrize("target", ["openName", "openQty", "openArtisan"])
def test_a_scan_into_any_other_field_changes_nothing(qtbot, window, target):
    """A SKU scanned into the name, the quantity or the artisan list (where typed letters
    pick an artisan): every field as it was, nothing added."""
    dialog = open_dialog(qtbot, window, "PDN")
    widget = dialog.findChild(
        (QLineEdit, QSpinBox, QComboBox)[["openName", "openQty", "openArtisan"].index(target)],
        target,
    )
    widget.setFocus()
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget())
        )
    )
    scanner_burst(qtbot, QApplication.focusWidget(), "ECO-04")
    assert dialog.isVisible() and cart_rows(window) == 0
    assert dialog.findChild(QComboBox, "openArtisan").currentData() == "PDN"
    assert dialog.findChild(QLineEdit, "openName").text() == ""
    assert dialog.findChild(QSpinBox, "openQty").value() == 1


def test_start_open_price_takes_a_name_and_escape_adds_nothing(qtbot, window):
    """The public entry point other offers call: the name is filled in, the artisan has the
    keyboard; Esc closes it with the cart as it was."""
    window.sell_page.start_open_price("Gantungan kunci")
    dialog = window.findChild(QDialog, "openPriceDialog")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.findChild(QLineEdit, "openName").text() == "Gantungan kunci"
    combo = dialog.findChild(QComboBox, "openArtisan")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo)
    qtbot.keyClick(dialog, Qt.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "openPriceDialog") is None)
    assert cart_rows(window) == 0


def test_an_open_line_survives_park_and_recall_and_takes_a_discount(qtbot, window):
    """Park (F8) a cart holding an open line, recall it: the line is back, still marked;
    its price is retyped without any supervisor (no staff here anyway)."""
    window.sell_page.start_open_price("Tas")
    dialog = window.findChild(QDialog, "openPriceDialog")
    pick_artisan(dialog, "ECO")
    type_person(qtbot, dialog.findChild(QLineEdit, "openPrice"), "50000")
    press_enter(qtbot, dialog.findChild(QLineEdit, "openPrice"))
    qtbot.waitUntil(lambda: window.findChild(QDialog, "openPriceDialog") is None)
    cart = window.sell_page.model.cart
    window.sell_page.park_or_recall()
    label = window.findChild(QDialog, "parkLabelDialog")
    qtbot.keyClick(label, Qt.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "parkLabelDialog") is None)
    assert cart_rows(window) == 0
    window.sell_page.park_or_recall()
    recall = window.findChild(QDialog, "recallDialog")
    recall.findChild(QPushButton, "recallButton").click()
    assert window.sell_page.model.cart == cart
    assert (
        window.sell_page.model.item(0, 0)
        .text()
        .endswith("harga terbuka · " + cart.lines[0].artisan_code)
    )
    assert total_text(window) == "Rp 50.000"


@pytest.mark.parametrize("target", ["openPrice", "openArtisan"])
def test_a_scan_through_the_window_never_becomes_the_price(qtbot, window, target):
    """Found on Xvfb: keys that reach the window before the field left the scan's digits in
    the price ("45000" + a barcode). The typed 45.000 must stay, and the artisan too."""
    dialog = open_dialog(qtbot, window, "PDN")
    price = dialog.findChild(QLineEdit, "openPrice")
    price.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is price)
    qtbot.keyClicks(price, "45000", delay=PERSON_MS)
    qtbot.wait(3 * PERSON_MS)  # a person's pause, longer than a scan's first hiccup
    widget = dialog.findChild(QComboBox if target == "openArtisan" else QLineEdit, target)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    window_burst(qtbot, dialog, "ECO-04" if target == "openArtisan" else "8991234567890")
    assert price.text() == "45000" and dialog.isVisible() and cart_rows(window) == 0
    assert dialog.findChild(QComboBox, "openArtisan").currentData() == "PDN"
    assert "Pemindaian diabaikan" in note(dialog, "openPriceDialogMessage").text()

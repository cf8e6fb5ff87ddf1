"""The sell screen driven as the stand's staff drive it: keys typed by a scanner, clicks."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
)

from booth_pos.model import Discount
from booth_pos.money import format_foreign
from booth_pos.services import days
from tests.ui.window_helpers import (
    cart_rows,
    confirm,
    open_payment,
    pay,
    press_enter,
    scan,
    total_text,
)

pytestmark = pytest.mark.gui


def test_scanned_codes_fill_the_cart_and_the_total(qtbot, window):
    """A barcode and a SKU typed with Enter each add a row and the total follows."""
    barcode = window.ctx.store.products.by_code("ECO-01").barcode
    scan(qtbot, window, barcode)
    scan(qtbot, window, "BKR-05")
    assert cart_rows(window) == 2
    assert total_text(window) == "Rp 310.000"
    assert window.findChild(QLineEdit, "scanInput").hasFocus()


def test_scanning_again_raises_quantity_and_star_adds_many(qtbot, window):
    """The same code twice makes one row of two; 3*CODE adds three at once."""
    scan(qtbot, window, "BKR-05")
    scan(qtbot, window, "BKR-05")
    scan(qtbot, window, "3*BKR-05")
    assert cart_rows(window) == 1
    assert window.sell_page.model.cart.lines[0].qty == 5
    assert total_text(window) == "Rp 125.000"


def test_unknown_code_warns_and_leaves_the_cart_alone(qtbot, window):
    """A code nobody knows shows a red warning and changes nothing."""
    scan(qtbot, window, "ECO-01")
    scan(qtbot, window, "NO-SUCH-THING")
    assert cart_rows(window) == 1
    assert total_text(window) == "Rp 285.000"
    message = window.findChild(QLabel, "scanMessage")
    assert "Kode tidak dikenal: NO-SUCH-THING" in message.text()
    assert message.property("level") == "error"


def test_plus_minus_and_delete_keys_edit_the_selected_line(qtbot, window):
    """With the scan field empty, + and - change the quantity and Delete removes the line."""
    scan(qtbot, window, "ECO-01")
    scan(qtbot, window, "DMP-01")
    field = window.findChild(QLineEdit, "scanInput")
    qtbot.keyClick(field, Qt.Key_Up)  # select the first line
    qtbot.keyClicks(field, "+")
    assert [ln.qty for ln in window.sell_page.model.cart.lines] == [2, 1]
    qtbot.keyClicks(field, "-")
    qtbot.keyClick(field, Qt.Key_Delete)
    assert [ln.sku for ln in window.sell_page.model.cart.lines] == ["DMP-01"]
    assert field.text() == ""


def test_selling_past_recorded_stock_warns_but_sells(qtbot, window):
    """Goods in the customer's hand are sold even when the records say none are left."""
    stock = window.ctx.store.products.by_code("UKR-01").stock
    scan(qtbot, window, f"{stock + 1}*UKR-01")
    assert cart_rows(window) == 1
    assert window.findChild(QLabel, "scanMessage").property("level") == "warn"
    dialog = open_payment(qtbot, window)
    pay(qtbot, dialog, "qris")
    assert dialog.sale is not None
    assert window.ctx.store.products.by_code("UKR-01").stock == -1


def test_line_and_sale_discounts_by_percent_and_amount(qtbot, window):
    """10% off one line and Rp 5.000 off the sale give the exact rupiah total."""
    scan(qtbot, window, "ECO-04")  # Rp 165.000
    scan(qtbot, window, "DMP-03")  # Rp 35.000
    window.sell_page.table.selectRow(0)
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key_F4)
    dialog = window.findChild(QDialog, "discountDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "discountInput"), "10%")
    press_enter(qtbot, dialog.findChild(QLineEdit, "discountInput"))
    assert total_text(window) == "Rp 183.500"  # 148.500 + 35.000

    qtbot.waitUntil(lambda: window.findChild(QDialog, "discountDialog") is None)
    window.sell_page.discount()
    dialog = window.findChild(QDialog, "discountDialog")
    dialog.findChild(QRadioButton, "discountSale").click()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "discountInput"), "5.000")
    press_enter(qtbot, dialog.findChild(QLineEdit, "discountInput"))
    assert total_text(window) == "Rp 178.500"
    shares = [p.sale_discount_share for p in window.sell_page.model.pricing.lines]
    assert sum(shares) == 5_000


def test_too_big_discount_is_refused_and_changes_nothing(qtbot, window):
    """A discount larger than the line shows a message and the total stays."""
    scan(qtbot, window, "DMP-03")  # Rp 35.000
    window.sell_page.discount()
    dialog = window.findChild(QDialog, "discountDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "discountInput"), "50.000")
    press_enter(qtbot, dialog.findChild(QLineEdit, "discountInput"))
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "discountMessage").text()
    assert total_text(window) == "Rp 35.000"
    qtbot.keyClick(dialog, Qt.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "discountDialog") is None)
    assert total_text(window) == "Rp 35.000"


def test_cash_payment_shows_change_and_clears_the_cart(qtbot, window):
    """Rp 300.000 handed over for Rp 285.000 shows Rp 15.000 change; Enter starts the next sale."""
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    pay(qtbot, dialog, "cash", "300.000")
    assert dialog.findChild(QLabel, "changeLabel").text() == "Rp 15.000"
    sale = dialog.sale
    assert sale.receipt_no == "T1-000001"
    assert window.ctx.store.sales.get("T1-000001").change == 15_000
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert not dialog.isVisible()
    assert cart_rows(window) == 0
    assert window.findChild(QLineEdit, "scanInput").hasFocus()


def test_enter_in_the_amount_field_pays_cash(qtbot, window):
    """Typing the note and Enter is the quickest cash sale."""
    scan(qtbot, window, "BKR-05")
    dialog = open_payment(qtbot, window)
    field = dialog.findChild(QLineEdit, "amountInput")
    qtbot.keyClicks(field, "50000")
    press_enter(qtbot, field)
    assert dialog.findChild(QLabel, "changeLabel").text() == "Rp 25.000"
    assert dialog.sale is None  # Enter took the cash; the sale waits for the confirm
    press_enter(qtbot, dialog.findChild(QPushButton, "confirmSaleButton"))
    done = dialog.findChild(QPushButton, "doneButton")
    assert done.isEnabled()
    qtbot.mouseClick(done, Qt.LeftButton)
    assert not dialog.isVisible()


def test_split_qris_and_cash(qtbot, window):
    """Part by QRIS with a reference, the rest in cash with change."""
    scan(qtbot, window, "ECO-01")  # Rp 285.000
    dialog = open_payment(qtbot, window)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "referenceInput"), "QR123")
    pay(qtbot, dialog, "qris", "200.000")
    assert dialog.sale is None
    assert dialog.findChild(QLabel, "dueLabel").text() == "Rp 85.000"
    pay(qtbot, dialog, "cash", "100.000")
    sale = window.ctx.store.sales.get(dialog.sale.receipt_no)
    assert [(p.method.value, p.amount, p.tendered, p.reference) for p in sale.payments] == [
        ("qris", 200_000, 200_000, "QR123"),
        ("cash", 85_000, 100_000, ""),
    ]
    assert dialog.findChild(QLabel, "changeLabel").text() == "Rp 15.000"


def test_card_may_not_exceed_what_is_due(qtbot, window):
    """Overpaying by card is refused with a message and nothing is recorded."""
    scan(qtbot, window, "BKR-05")  # Rp 25.000
    dialog = open_payment(qtbot, window)
    pay(qtbot, dialog, "card", "30.000")
    assert dialog.sale is None
    assert "tunai" in dialog.findChild(QLabel, "paymentMessage").text().lower()
    assert window.ctx.store.sales.count() == 0
    pay(qtbot, dialog, "card")  # empty amount: the rest
    assert dialog.sale is not None
    assert dialog.sale.payments[0].amount == 25_000


def test_double_click_on_a_method_makes_one_sale(qtbot, window):
    """A nervous double click on QRIS commits exactly one sale."""
    scan(qtbot, window, "BKR-05")
    dialog = open_payment(qtbot, window)
    button = dialog.findChild(QPushButton, "method_qris")
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.mouseDClick(button, Qt.LeftButton)
    assert window.ctx.store.sales.count() == 0  # taps take the tender; only confirm sells
    assert len(dialog.presenter.tenders) == 1
    confirm_button = dialog.findChild(QPushButton, "confirmSaleButton")
    qtbot.mouseClick(confirm_button, Qt.LeftButton)
    qtbot.mouseClick(confirm_button, Qt.LeftButton)
    qtbot.mouseDClick(confirm_button, Qt.LeftButton)
    assert window.ctx.store.sales.count() == 1
    assert window.ctx.store.sales.get("T1-000001").total == 25_000


def test_escape_backs_out_of_payment_without_selling(qtbot, window):
    """Esc before paying closes the dialog and keeps the cart as it was."""
    scan(qtbot, window, "ECO-01")
    dialog = open_payment(qtbot, window)
    pay(qtbot, dialog, "qris", "100.000")
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible()
    assert window.ctx.store.sales.count() == 0
    assert cart_rows(window) == 1
    assert total_text(window) == "Rp 285.000"


def test_quick_cash_button_for_the_next_note(qtbot, window):
    """The next Rp 50.000 note button pays cash and shows the change."""
    scan(qtbot, window, "ECO-01")  # Rp 285.000 -> exact, 290.000, next 50k is 300.000
    dialog = open_payment(qtbot, window)
    quick = dialog.findChild(QPushButton, "quickCash2")
    assert quick.text() == "Rp 300.000"
    qtbot.mouseClick(quick, Qt.LeftButton)
    assert dialog.findChild(QLabel, "changeLabel").text() == "Rp 15.000"
    confirm(qtbot, dialog)
    assert dialog.sale.change == 15_000


def test_customer_origin_and_receipt_language_are_recorded(qtbot, window):
    """Tapping Korea records the origin, switches the receipt to Korean and shows the total
    in won at the rate of the day, which the sale keeps."""
    store = window.ctx.store
    store.save_settings(dataclasses.replace(store.settings(), rates="EUR=17250; KRW=11,85"))
    scan(qtbot, window, "BKR-05")
    dialog = open_payment(qtbot, window)
    qtbot.mouseClick(dialog.findChild(QPushButton, "origin_KR"), Qt.LeftButton)
    assert dialog.findChild(QPushButton, "receiptLang_ko").isChecked()
    total = dialog.total
    won = (total * 100 + 1185 // 2) // 1185  # rupiah / 11.85, half up
    shown = dialog.findChild(QLabel, "paymentReference").text()
    assert format_foreign(won, "KRW", window.ctx.lang) in shown
    pay(qtbot, dialog, "qris")
    sale = store.sales.get(dialog.sale.receipt_no)
    assert (sale.origin, sale.lang) == ("KR", "ko")
    assert (sale.reference.currency, sale.reference.rate, sale.reference.amount) == (
        "KRW", "11.85", won
    )


def test_the_cashier_can_print_a_french_customers_receipt_in_english(qtbot, window):
    """France picks the French receipt; the cashier's EN tap wins, and euros stay."""
    store = window.ctx.store
    store.save_settings(dataclasses.replace(store.settings(), rates="EUR=17250"))
    scan(qtbot, window, "BKR-05")
    dialog = open_payment(qtbot, window)
    qtbot.mouseClick(dialog.findChild(QPushButton, "origin_FR"), Qt.LeftButton)
    assert dialog.findChild(QPushButton, "receiptLang_fr").isChecked()
    qtbot.mouseClick(dialog.findChild(QPushButton, "receiptLang_en"), Qt.LeftButton)
    pay(qtbot, dialog, "cash")
    sale = store.sales.get(dialog.sale.receipt_no)
    assert (sale.origin, sale.lang, sale.reference.currency) == ("FR", "en", "EUR")


def test_park_and_recall_survive_a_restart(qtbot, window_factory):
    """A parked cart comes back after the window (and the app) is closed and reopened."""
    first = window_factory()
    scan(qtbot, first, "ECO-01")
    scan(qtbot, first, "2*BKR-05")
    qtbot.keyClick(first.findChild(QLineEdit, "scanInput"), Qt.Key_F8)
    assert cart_rows(first) == 0
    first.close()
    first.ctx.store.close()

    second = window_factory()
    qtbot.keyClick(second.findChild(QLineEdit, "scanInput"), Qt.Key_F8)
    dialog = second.findChild(QDialog, "recallDialog")
    qtbot.mouseClick(dialog.findChild(QPushButton, "recallButton"), Qt.LeftButton)
    assert cart_rows(second) == 2
    assert total_text(second) == "Rp 335.000"
    assert second.ctx.store.parked.all() == []


def test_name_search_adds_goods_without_a_label(qtbot, window):
    """F2, type part of a name, Enter: the product is in the cart."""
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key_F2)
    dialog = window.findChild(QDialog, "searchDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "searchInput"), "kendi")
    press_enter(qtbot, dialog.findChild(QLineEdit, "searchInput"))
    assert [ln.sku for ln in window.sell_page.model.cart.lines] == ["GRB-01"]


def test_quick_button_adds_the_product(qtbot, window):
    """Touching a product button on the artisan grid adds it to the cart."""
    window.sell_page.quick_tabs.setCurrentIndex(0)
    button = window.findChild(QPushButton, "quick_BKR-01")
    qtbot.mouseClick(button, Qt.LeftButton)
    assert [ln.sku for ln in window.sell_page.model.cart.lines] == ["BKR-01"]


def test_paying_with_no_open_day_asks_for_the_float(qtbot, window_factory):
    """Without an open day the pay button asks for the opening float, then sells."""
    window = window_factory(open_day=False)
    scan(qtbot, window, "BKR-05")
    qtbot.mouseClick(window.findChild(QPushButton, "payButton"), Qt.LeftButton)
    assert window.findChild(QDialog, "paymentDialog") is None
    ask = window.findChild(QDialog, "openDayDialog")
    qtbot.keyClicks(ask.findChild(QLineEdit, "floatInput"), "250.000")
    press_enter(qtbot, ask.findChild(QLineEdit, "floatInput"))
    day = days.current_day(window.ctx.store)
    assert day is not None and day.opening_float == 250_000
    dialog = open_payment(qtbot, window)
    pay(qtbot, dialog, "cash")
    assert dialog.sale.day_id == day.id


def test_english_window(qtbot, window_factory):
    """--lang en shows English words and IDR amounts."""
    window = window_factory("en")
    scan(qtbot, window, "ECO-01")
    assert window.findChild(QPushButton, "payButton").text() == "Pay (F12)"
    assert total_text(window) == "IDR 285,000"


def test_removing_a_line_that_would_break_the_sale_discount_is_refused(qtbot, window):
    """A Rp 30.000 sale discount cannot stay on a cart that would drop to Rp 25.000."""
    scan(qtbot, window, "BKR-05")  # Rp 25.000
    scan(qtbot, window, "DMP-03")  # Rp 35.000
    window.sell_page.model.cart.set_discount(Discount("amount", 30_000))
    window.sell_page.model.changed()
    window.sell_page.table.selectRow(1)
    qtbot.keyClick(window.findChild(QLineEdit, "scanInput"), Qt.Key_Delete)
    assert cart_rows(window) == 2
    assert total_text(window) == "Rp 30.000"
    assert window.findChild(QLabel, "scanMessage").property("level") == "error"


def test_lowercase_sku_typed_by_hand_is_found(qtbot, window):
    """Typing eco-01 rings up ECO-01."""
    scan(qtbot, window, "eco-01")
    assert [ln.sku for ln in window.sell_page.model.cart.lines] == ["ECO-01"]


def test_star_number_sets_the_selected_line_quantity(qtbot, window):
    """Typing *4 and Enter makes the selected line four; *0 is refused and changes nothing."""
    scan(qtbot, window, "BKR-05")
    scan(qtbot, window, "*4")
    assert window.sell_page.model.cart.lines[0].qty == 4
    assert total_text(window) == "Rp 100.000"
    scan(qtbot, window, "*0")
    assert window.sell_page.model.cart.lines[0].qty == 4
    assert window.findChild(QLabel, "scanMessage").property("level") == "error"

"""The other pages as the coordinator uses them: receipts, history, products, settings."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
)

from booth_pos import printing
from tests.ui.window_helpers import open_payment, pay, scan

pytestmark = pytest.mark.gui


def sell_one(qtbot, window, code="BKR-05", method="qris"):
    scan(qtbot, window, code)
    dialog = open_payment(qtbot, window)
    pay(qtbot, dialog, method)
    sale = dialog.sale
    qtbot.keyClick(dialog, Qt.Key_Return)
    return sale


def test_receipt_pdf_lands_in_the_folder_after_the_sale(qtbot, window, db_path):
    """With the default PDF-folder printer, each sale leaves RECEIPT_NO.pdf beside the data."""
    sale = sell_one(qtbot, window)
    assert printing.wait_for_printing(10)
    pdf = db_path.parent / "receipts" / f"{sale.receipt_no}.pdf"
    qtbot.waitUntil(pdf.exists, timeout=5000)
    assert pdf.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: "T1-000001" in window.statusBar().currentMessage(), timeout=5000)


def test_a_dead_printer_never_loses_the_sale(qtbot, window):
    """An ESC/POS printer nobody answers: the sale is stored and the failure is shown."""
    store = window.ctx.store
    store.save_settings(replace(store.settings(), printer="escpos", printer_target="127.0.0.1:9"))
    sale = sell_one(qtbot, window)
    assert store.sales.get(sale.receipt_no) is not None
    qtbot.waitUntil(lambda: window.last_print_error is not None, timeout=15000)
    error = window.last_print_error
    assert isinstance(error, printing.PrinterError)
    # Only the socket's own words vary by system ("Connection refused", "actively refused").
    said = re.fullmatch(
        r"The receipt printer 127\.0\.0\.1:9 is not answering \((.+)\)\. Check that it is on, "
        r"connected and has paper\. The sale is saved; reprint it from Sales history\.",
        error.text("en"),
    )
    assert said and "refused" in said.group(1).lower()
    assert error.text("id") == (
        f"Printer struk 127.0.0.1:9 tidak merespons ({said.group(1)}). "
        "Periksa daya, kabel dan kertasnya. "
        "Penjualan sudah tersimpan; cetak ulang dari Riwayat penjualan."
    )
    assert window.findChild(QPushButton, "payButton").isEnabled() is False  # cart emptied
    assert store.sales.count() == 1


def test_scanning_a_receipt_in_history_finds_it_and_reprints(qtbot, window, db_path):
    """The receipt barcode typed into Sales history shows the sale; Reprint prints a copy."""
    sale = sell_one(qtbot, window, "ECO-01", "cash")
    window.show_page("history")
    page = window.page("history")
    field = page.findChild(QLineEdit, "receiptSearch")
    qtbot.keyClicks(field, sale.receipt_no.lower())
    qtbot.keyClick(field, Qt.Key_Return)
    detail = page.findChild(QTextEdit, "saleDetail").toPlainText()
    assert sale.receipt_no in detail and "Selendang Ecoprint Daun Jati" in detail
    copy = db_path.parent / "receipts" / f"{sale.receipt_no}-copy.pdf"
    assert not copy.exists()
    qtbot.mouseClick(page.findChild(QPushButton, "reprintButton"), Qt.LeftButton)
    assert printing.wait_for_printing(10)
    qtbot.waitUntil(copy.exists, timeout=5000)


def test_unknown_receipt_in_history_says_so(qtbot, window):
    """A receipt number that does not exist gets a clear message."""
    window.show_page("history")
    page = window.page("history")
    field = page.findChild(QLineEdit, "receiptSearch")
    qtbot.keyClicks(field, "T1-999999")
    qtbot.keyClick(field, Qt.Key_Return)
    message = page.findChild(QLabel, "historyMessage")
    assert message.text() == "Tidak ada penjualan dengan struk T1-999999"
    assert message.property("level") == "error"


def test_labels_for_selected_products_one_per_item_in_stock(qtbot, window, tmp_path, monkeypatch):
    """Select a product, ask for labels, save: a PDF with its barcode is written."""
    target = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.show_page("products")
    page = window.page("products")
    page.filter_input.setText("Masker Batik")
    page.table.selectRow(0)
    page.labels()
    dialog = window.findChild(QDialog, "labelsDialog")
    dialog.findChild(QComboBox, "labelCopies").setCurrentIndex(1)  # one copy
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    assert target.read_bytes().startswith(b"%PDF")
    assert "labels.pdf" in page.message.text()


def test_catalogue_with_a_bad_rate_is_refused_before_saving(qtbot, window, tmp_path, monkeypatch):
    """A rate of 'abc' is refused in the dialog and no file dialog opens."""
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1) or ("", ""))
    window.show_page("products")
    page = window.page("products")
    page.catalogue()
    dialog = window.findChild(QDialog, "catalogueDialog")
    dialog.findChild(QLineEdit, "catalogueCurrency").setText("EUR")
    dialog.findChild(QLineEdit, "catalogueRate").setText("abc")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    assert not asked
    assert dialog.findChild(QLabel, "catalogueMessage").text()


def test_catalogue_in_euros_is_saved(qtbot, window, tmp_path, monkeypatch):
    """EUR at 17.250 rupiah: the catalogue PDF is written."""
    target = tmp_path / "catalogue.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.show_page("products")
    window.page("products").catalogue()
    dialog = window.findChild(QDialog, "catalogueDialog")
    dialog.findChild(QLineEdit, "catalogueCurrency").setText("EUR")
    dialog.findChild(QLineEdit, "catalogueRate").setText("17250")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    assert target.read_bytes().startswith(b"%PDF")


def test_bad_settings_are_refused_and_nothing_is_saved(qtbot, window):
    """A till code with a space is refused; the stored settings stay as they were."""
    window.show_page("settings")
    page = window.page("settings")
    before = window.ctx.store.settings()
    page.findChild(QLineEdit, "setting_till").setText("T 1")
    page.findChild(QLineEdit, "setting_stand_name").setText("Stand Baru")
    qtbot.mouseClick(page.findChild(QPushButton, "saveSettingsButton"), Qt.LeftButton)
    assert page.findChild(QLabel, "settingsMessage").property("level") == "error"
    assert window.ctx.store.settings() == before


def test_switching_the_window_to_english(qtbot, window):
    """Choosing English in settings relabels the window at once."""
    window.show_page("settings")
    page = window.page("settings")
    combo = page.findChild(QComboBox, "setting_ui_lang")
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.mouseClick(page.findChild(QPushButton, "saveSettingsButton"), Qt.LeftButton)
    assert window.ctx.lang == "en"
    assert window.sell_page.pay_button.text() == "Pay (F12)"
    assert window.nav.item(0).text() == "Sell"
    assert window.ctx.store.settings().ui_lang == "en"
    window.show_page("sell")
    qtbot.waitUntil(lambda: window.findChild(QLineEdit, "scanInput") is window.sell_page.scan_input)
    scan(qtbot, window, "ECO-01")
    assert window.sell_page.total_label.text() == "IDR 285,000"


def test_test_print_reports_where_it_went(qtbot, window, tmp_path):
    """Test print to a PDF folder says where the sample receipt went."""
    window.show_page("settings")
    page = window.page("settings")
    page.findChild(QLineEdit, "setting_printer_target").setText(str(tmp_path / "out"))
    qtbot.mouseClick(page.findChild(QPushButton, "testPrintButton"), Qt.LeftButton)
    message = page.findChild(QLabel, "settingsMessage")
    qtbot.waitUntil(lambda: str(tmp_path / "out") in message.text(), timeout=10000)
    assert list((tmp_path / "out").glob("*.pdf"))


def test_importing_a_bad_products_file_on_the_page_changes_nothing(qtbot, window, tmp_path):
    """A file with a bad price shows the line and column (in Indonesian), and no product changes."""
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "sku,name,artisan_code,category,price,stock,barcode\nNEW-1,Baru,ECO,Ecoprint,12.5,3,\n",
        encoding="utf-8",
    )
    window.show_page("products")
    page = window.page("products")
    before = window.ctx.store.products.all()
    page.import_file(bad).result(timeout=30)  # on the worker thread, its own connection
    qtbot.waitUntil(lambda: "baris 2: price" in page.message.text())  # the Indonesian window
    assert window.ctx.store.products.all() == before


def test_every_page_opens(qtbot, window):
    """Each page of the navigation can be shown without an error."""
    for key in window.page_names:
        window.show_page(key)
        assert window.page(key).isVisible()

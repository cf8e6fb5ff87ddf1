"""Importing from the window shows what the file would do before anything is written: the
rows to add and update, or every problem by line and column; only Import writes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QPushButton

pytestmark = pytest.mark.gui

ARTISANS = "code,name,owner,phone,commission_percent\n"
PRODUCTS = "sku,name,artisan_code,category,price,stock,barcode\n"


def rows_shown(dialog) -> list[list[str]]:
    model = dialog.findChild(QAbstractItemView, "importRows").model()
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def problems_shown(dialog) -> list[str]:
    listing = dialog.findChild(QListWidget, "importProblems")
    return [listing.item(i).text() for i in range(listing.count())]


def products_preview(qtbot, window, path):
    """Choose ``path`` on the Products page (as its import button does) and wait for the
    preview, read on the worker thread."""
    window.show_page("products")
    flow = window.page("products").preview_file(path)
    flow.reading.result(timeout=30)
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible())
    return flow


def test_an_artisans_file_is_previewed_and_nothing_is_written_before_import(
    qtbot, window, tmp_path
):
    """One new artisan and a commission change: both rows are listed (the change as old →
    new) and the stand is untouched until Import is pressed; then both are saved."""
    path = tmp_path / "artisans.csv"
    path.write_text(
        ARTISANS + "SNG,Songket Serang,Ibu Ratna,,10\nECO,Sekar Ecoprint,Siti,,\"17,5\"\n",
        encoding="utf-8",
    )
    store = window.ctx.store
    window.show_page("artisans")
    page = window.page("artisans")
    flow = page.preview_file(path)
    dialog = flow.dialog
    assert dialog.isVisible()
    rows = rows_shown(dialog)
    assert [r[:2] for r in rows] == [["tambah", "SNG"], ["perbarui", "ECO"]]
    assert "→" in rows[1][-1]
    assert "SNG" not in store.artisans.codes()
    assert store.artisans.commission_rates()["ECO"] == 1500
    qtbot.mouseClick(dialog.findChild(QPushButton, "importConfirm"), Qt.LeftButton)
    assert "SNG" in store.artisans.codes()
    assert store.artisans.commission_rates()["ECO"] == 1750
    assert flow.dialog is None or not flow.dialog.isVisible()
    assert "1" in page.findChild(QLabel, "artisansMessage").text()


def test_cancelling_the_preview_writes_nothing(qtbot, window, tmp_path):
    """The coordinator looks at the preview and cancels: no artisan is added."""
    path = tmp_path / "artisans.csv"
    path.write_text(ARTISANS + "SNG,Songket Serang,Ibu Ratna,,10\n", encoding="utf-8")
    window.show_page("artisans")
    flow = window.page("artisans").preview_file(path)
    qtbot.mouseClick(flow.dialog.findChild(QPushButton, "importCancel"), Qt.LeftButton)
    assert "SNG" not in window.ctx.store.artisans.codes()


def test_every_problem_is_listed_by_line_and_column_and_nothing_can_be_imported(
    qtbot, window, tmp_path
):
    """A products file with a bad price and an unknown artisan lists both problems as
    `line N: column: reason`, in the window's language (`baris N: ...` in Indonesian);
    Import stays disabled and no product is added."""
    path = tmp_path / "products.csv"
    path.write_text(
        PRODUCTS + "NEW-1,Baru,ECO,Ecoprint,12.5,3,\nNEW-2,Baru 2,NOPE,Ecoprint,5000,1,\n",
        encoding="utf-8",
    )
    before = window.ctx.store.products.all()
    flow = products_preview(qtbot, window, path)
    shown = problems_shown(flow.dialog)
    assert any(p.startswith("baris 2: price: ") for p in shown)
    assert "baris 3: artisan_code: tidak ada pengrajin berkode 'NOPE'" in shown
    assert not flow.dialog.findChild(QPushButton, "importConfirm").isEnabled()
    assert window.ctx.store.products.all() == before


def test_a_products_file_is_imported_on_confirm_with_its_price_changes_shown(
    qtbot, window, tmp_path
):
    """A new product and a price change are previewed (price as old → new); Import writes
    both on the worker thread and the page says how many."""
    path = tmp_path / "products.csv"
    path.write_text(
        PRODUCTS + "NEW-1,Tas Baru,ECO,Ecoprint,Rp 150.000,4,\n"
        "ECO-01,Selendang Ecoprint Daun Jati,ECO,Ecoprint,Rp 300.000,12,\n",
        encoding="utf-8",
    )
    store = window.ctx.store
    flow = products_preview(qtbot, window, path)
    rows = rows_shown(flow.dialog)
    assert [r[:2] for r in rows] == [["tambah", "NEW-1"], ["perbarui", "ECO-01"]]
    assert rows[1][4] == "Rp 285.000 → Rp 300.000"
    assert store.products.by_code("NEW-1") is None
    qtbot.mouseClick(flow.dialog.findChild(QPushButton, "importConfirm"), Qt.LeftButton)
    page = window.page("products")
    qtbot.waitUntil(lambda: "1 ditambah" in page.message.text(), timeout=30_000)
    assert store.products.by_code("NEW-1").price == 150_000
    assert store.products.by_code("ECO-01").price == 300_000


def test_a_file_saved_again_after_the_preview_is_previewed_again_not_imported(
    qtbot, window, tmp_path
):
    """The sheet is edited while its preview is open: Import shows the new content (and
    its new problem) instead of writing rows nobody looked at."""
    path = tmp_path / "products.csv"
    path.write_text(PRODUCTS + "NEW-1,Tas Baru,ECO,Ecoprint,150000,4,\n", encoding="utf-8")
    flow = products_preview(qtbot, window, path)
    path.write_text(PRODUCTS + "NEW-1,Tas Baru,ECO,Ecoprint,150.5,4,\n", encoding="utf-8")
    qtbot.mouseClick(flow.dialog.findChild(QPushButton, "importConfirm"), Qt.LeftButton)
    flow.reading.result(timeout=30)
    qtbot.waitUntil(lambda: bool(problems_shown(flow.dialog)))
    assert any(p.startswith("baris 2: price: ") for p in problems_shown(flow.dialog))
    message = flow.dialog.findChild(QLabel, "importPreviewMessage").text()
    assert "berubah" in message
    assert window.ctx.store.products.by_code("NEW-1") is None


def test_an_english_window_lists_the_problems_in_english(qtbot, window_factory, tmp_path):
    """The same file in the English window: `line N: column: reason`, as the command says."""
    window = window_factory("en")
    path = tmp_path / "products.csv"
    path.write_text(PRODUCTS + "NEW-2,Baru 2,NOPE,Ecoprint,5000,1,\n", encoding="utf-8")
    flow = products_preview(qtbot, window, path)
    assert "line 2: artisan_code: no artisan with code 'NOPE'" in problems_shown(flow.dialog)

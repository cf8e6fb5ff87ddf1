"""Exports saved from the window leave the same audit entries as the command line's."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFileDialog

from booth_pos.model import Cart, Method, Tender
from booth_pos.services import days, selling
from booth_pos.ui.context import AppContext
from booth_pos.ui.day_page import DayPage
from booth_pos.ui.products_page import ProductsPage

pytestmark = pytest.mark.gui


def _export_entries(store) -> list[tuple[str, dict]]:
    return [(e.ref, json.loads(e.payload)) for e in store.audit.entries() if e.kind == "export"]


def test_each_day_page_export_is_one_entry_naming_what_it_is(qtbot, demo_store, clock, tmp_path):
    """PDF, CSV, XLSX and statements each leave one entry: what, where and which day."""
    ctx = AppContext(store=demo_store, clock=clock, lang="en")
    page = DayPage(ctx)
    qtbot.addWidget(page)
    days.open_day(demo_store, clock, 0)
    cart = Cart()
    cart.add(demo_store.products.by_code("ECO-04"))
    selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    page.refresh()
    pdf = page.export_pdf(tmp_path / "day.pdf")
    sheet = page.export_csv(tmp_path / "day.csv")
    workbook = page.export_xlsx(tmp_path / "day.xlsx")
    statements = page.export_statements(tmp_path / "statements.pdf")
    assert _export_entries(demo_store) == [
        ("", {"what": "report_pdf", "path": str(pdf), "ref": "2023-03-01"}),
        ("", {"what": "report_csv", "path": str(sheet), "ref": "2023-03-01"}),
        ("", {"what": "report_xlsx", "path": str(workbook), "ref": "2023-03-01"}),
        ("", {"what": "statements", "path": str(statements), "ref": "event"}),
    ]
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_xlsx_button_saves_the_shown_report_s_figures(
    qtbot, demo_store, clock, tmp_path, monkeypatch
):
    """Clicking "Export XLSX…" and choosing a file writes the page's figures as a workbook."""
    import openpyxl
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    target = tmp_path / "hari-1.xlsx"
    asked = []

    def choose(parent, caption, suggested, pattern, *rest):
        asked.append((suggested, pattern))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    ctx = AppContext(store=demo_store, clock=clock, lang="en")
    page = DayPage(ctx)
    qtbot.addWidget(page)
    button = page.findChild(QPushButton, "exportXlsxButton")
    page.refresh()
    assert not button.isEnabled()  # no business day yet: nothing to export
    days.open_day(demo_store, clock, 0)
    cart = Cart()
    cart.add(demo_store.products.by_code("ECO-04"))
    selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    page.refresh()
    qtbot.mouseClick(button, Qt.LeftButton)
    assert asked[0][0].endswith("day-2023-03-01.xlsx") and "*.xlsx" in asked[0][1]
    rows = list(openpyxl.load_workbook(target)["Artisans"].iter_rows(values_only=True))
    eco = dict(zip(rows[0], next(r for r in rows if r[0] == "ECO"), strict=True))
    shown = page.report.artisan("ECO")
    figures = (shown.net, shown.commission, shown.payout)
    assert (eco["net"], eco["commission"], eco["payout"]) == figures
    assert shown.net == 165_000


def test_labels_saved_from_the_products_page_are_one_entry(
    qtbot, demo_store, clock, tmp_path, monkeypatch
):
    """Labels for the selected product: the PDF and one entry naming its SKU."""
    target = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page = ProductsPage(AppContext(store=demo_store, clock=clock, lang="en"))
    qtbot.addWidget(page)
    page.show()
    page.filter_input.setText("Masker Batik")
    page.table.selectRow(0)
    sku = page.selected_products()[0].sku
    page.labels()
    dialog = page.findChild(QDialog, "labelsDialog")
    dialog.findChild(QComboBox, "labelCopies").setCurrentIndex(1)  # one copy
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    assert target.read_bytes().startswith(b"%PDF")
    assert _export_entries(demo_store) == [
        ("", {"what": "labels", "path": str(target), "ref": sku})
    ]

"""Products: the stand's goods with price, stock and barcode; import, photos, labels, catalogue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import KnownError
from booth_pos.money import format_rupiah
from booth_pos.services import catalogue
from booth_pos.ui.context import AppContext
from booth_pos.ui.table_model import Column, RowsModel
from booth_pos.ui.widgets import error_text, message_label, set_message


class ProductsPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("productsPage")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Products"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(title)
        self.filter_input = QLineEdit()
        self.filter_input.setObjectName("productFilter")
        self.filter_input.setPlaceholderText(self.tr("Filter by name, SKU, artisan or barcode"))
        top.addWidget(self.filter_input, 1)
        layout.addLayout(top)

        actions = QHBoxLayout()
        self.import_button = self._action(
            self.tr("Import products CSV…"), "importProductsButton", self.choose_file
        )
        self.photo_button = self._action(self.tr("Set photo…"), "photoButton", self.choose_photo)
        self.labels_button = self._action(self.tr("Labels PDF…"), "labelsButton", self.labels)
        self.catalogue_button = self._action(
            self.tr("Buyer's catalogue PDF…"), "catalogueButton", self.catalogue
        )
        for b in (self.import_button, self.photo_button, self.labels_button, self.catalogue_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.message = message_label("productsMessage")
        layout.addWidget(self.message)

        lang = ctx.lang
        self.model = RowsModel(
            [
                Column(self.tr("SKU"), lambda p: p.sku),
                Column(self.tr("Name"), lambda p: p.name),
                Column(self.tr("Artisan"), lambda p: p.artisan_code),
                Column(self.tr("Category"), lambda p: p.category),
                Column(
                    self.tr("Price"),
                    lambda p: format_rupiah(p.price, lang),
                    True,
                    lambda p: p.price,
                ),
                Column(self.tr("Stock"), lambda p: p.stock, True),
                Column(self.tr("Barcode"), lambda p: p.barcode),
                Column(self.tr("Photo"), lambda p: "✓" if p.image else ""),
            ],
            self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.UserRole + 1)
        self.filter_input.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("productsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setResizeContentsPrecision(60)  # measure 60 rows, not 10,000
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        layout.addWidget(self.table)
        hint = QLabel(self.tr("CSV header: sku,name,artisan_code,category,price,stock,barcode"))
        hint.setStyleSheet("color: #666;")
        hint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(hint)
        ctx.bus.data_changed.connect(self.refresh)
        ctx.bus.sale_committed.connect(lambda _s: self._stale())
        self._dirty = True
        self.refresh()

    def _action(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _stale(self) -> None:
        self._dirty = True

    def refresh(self) -> None:
        self.model.set_rows(self.ctx.store.products())
        self._dirty = False

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def selected_products(self) -> list:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.data(index, Qt.UserRole) for index in rows]

    # -- actions -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import products"), str(Path.home()), self.tr("CSV files (*.csv)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        try:
            result = catalogue.import_products(self.ctx.store, path, self.ctx.clock)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return False
        set_message(
            self.message,
            self.tr("%1 added, %2 updated")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated)),
        )
        self.ctx.bus.data_changed.emit()
        return True

    def choose_photo(self) -> None:
        selected = self.selected_products()
        if len(selected) != 1:
            set_message(self.message, self.tr("Select one product first"), "warn")
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Product photo"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.set_photo(selected[0].sku, Path(path))

    def set_photo(self, sku: str, path: Path) -> bool:
        try:
            catalogue.set_photo(self.ctx.store, sku, path)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return False
        set_message(self.message, self.tr("Photo saved"))
        self.refresh()
        return True

    def labels(self) -> None:
        set_message(self.message, self.tr("Labels come with the printing update"), "warn")

    def catalogue(self) -> None:
        set_message(self.message, self.tr("The catalogue comes with the printing update"), "warn")

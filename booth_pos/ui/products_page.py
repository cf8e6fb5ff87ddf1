"""Products: the stand's goods with price, stock and barcode; import, photos, labels, catalogue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
from booth_pos.services import imports, printouts, products, stock
from booth_pos.services import settings as settings_service
from booth_pos.ui import file_dialogs
from booth_pos.ui.context import AppContext
from booth_pos.ui.table_model import Column, FilterProxy, RowsModel
from booth_pos.ui.widgets import count_text, error_text, message_label, set_message


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
            self.tr("Import products…"), "importProductsButton", self.choose_file
        )
        self.photo_button = self._action(self.tr("Set photo…"), "photoButton", self.choose_photo)
        self.labels_button = self._action(self.tr("Labels PDF…"), "labelsButton", self.labels)
        self.catalogue_button = self._action(
            self.tr("Buyer's catalogue PDF…"), "catalogueButton", self.catalogue
        )
        for b in (self.import_button, self.photo_button, self.labels_button, self.catalogue_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.intake_button = self._action(self.tr("Goods in…"), "intakeButton", self.goods_in)
        self.return_button = self._action(self.tr("Goods back…"), "returnButton", self.goods_back)
        self.return_all_button = self._action(
            self.tr("Return everything left…"), "returnAllArtisansButton", self.return_all
        )
        self.add_button = self._action(
            self.tr("Add product…"), "addProductButton", self.add_product
        )
        self.edit_button = self._action(self.tr("Edit…"), "editProductButton", self.edit_product)
        stock_row = QHBoxLayout()  # records and the consignment cycle (a row: 1280 px wide)
        for b in (
            self.add_button,
            self.edit_button,
            self.intake_button,
            self.return_button,
            self.return_all_button,
        ):
            stock_row.addWidget(b)
        stock_row.addStretch(1)
        layout.addLayout(actions)
        layout.addLayout(stock_row)
        self.message = message_label("productsMessage")
        layout.addWidget(self.message)

        lang = ctx.lang
        self.model = RowsModel(
            [
                Column(self.tr("SKU"), lambda p: p.sku),
                Column(
                    self.tr("Name"),
                    lambda p: (
                        p.name if p.active else self.tr("%1 (inactive)").replace("%1", p.name)
                    ),
                ),
                Column(self.tr("Artisan"), lambda p: p.artisan_code),
                Column(self.tr("Category"), lambda p: p.category),
                Column(
                    self.tr("Price"),
                    lambda p: format_rupiah(p.price, lang),
                    True,
                    lambda p: p.price,
                ),
                Column(self.tr("Stock"), self._stock_text, True, lambda p: p.stock),
                Column(self.tr("Barcode"), lambda p: p.barcode),
                Column(self.tr("Photo"), lambda p: "✓" if p.image else ""),
            ],
            self,
        )
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_input.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("productsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setResizeContentsPrecision(60)  # measure 60 rows, not 10,000
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_product())
        layout.addWidget(self.table)
        hint = QLabel(self.tr("Spreadsheet columns (XLSX or CSV): sku, name, artisan_code, category, price, stock, barcode"))  # noqa: E501 (one literal for lupdate)
        hint.setStyleSheet("color: #666;")
        hint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(hint)
        ctx.bus.data_changed.connect(self.refresh)
        ctx.bus.sale_committed.connect(lambda _s: self._stale())
        self._dirty = True
        self._to_count: set[str] = set()
        self.refresh()

    def _action(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _stale(self) -> None:
        self._dirty = True

    def _stock_text(self, product) -> str:
        if product.sku in self._to_count:
            return self.tr("%1 · needs a count").replace("%1", str(product.stock))
        return str(product.stock)

    def refresh(self) -> None:
        try:
            self._to_count = stock.needing_count(self.ctx.store)
            self.model.set_rows(products.all_products(self.ctx.store))
        except KnownError as exc:  # the database is locked or gone: say so, keep the list
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self._dirty = False

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def selected_products(self) -> list:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.data(index, Qt.UserRole) for index in rows]

    # -- actions -----------------------------------------------------------------------------

    def add_product(self, barcode: str = ""):
        """The product form, empty (stock 0: goods arrive by intake)."""
        from booth_pos.ui.record_dialogs import ProductDialog

        dialog = ProductDialog(self.ctx, self, barcode=barcode)
        dialog.open()
        return dialog

    def edit_product(self):
        """The product form for the selected product (price, name, category, photo, active)."""
        from booth_pos.ui.record_dialogs import ProductDialog

        selected = self.selected_products()
        if len(selected) != 1:
            set_message(self.message, self.tr("Select one product first"), "warn")
            return None
        dialog = ProductDialog(self.ctx, self, product=selected[0])
        dialog.open()
        return dialog

    def _selected_artisan(self) -> str:
        selected = self.selected_products()
        return selected[0].artisan_code if selected else ""

    def goods_in(self):
        """An intake note for one artisan (the selected product's, if any)."""
        from booth_pos.ui.stock_dialogs import StockNoteDialog

        dialog = StockNoteDialog(self.ctx, "intake", artisan=self._selected_artisan(), parent=self)
        dialog.open()
        return dialog

    def goods_back(self):
        """A return note for one artisan (the selected product's, if any)."""
        from booth_pos.ui.stock_dialogs import StockNoteDialog

        dialog = StockNoteDialog(self.ctx, "return", artisan=self._selected_artisan(), parent=self)
        dialog.open()
        return dialog

    def return_all(self, *, confirm: bool = True) -> list:
        """The end of the event: a return note of everything left for each artisan."""
        from PySide6.QtWidgets import QMessageBox

        from booth_pos.ui.stock_dialogs import print_note_in_background

        left = {p.artisan_code for p in self.ctx.store.products.all() if p.stock > 0}
        if not left:
            set_message(self.message, self.tr("Nothing is left on hand to return"), "warn")
            return []
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Return everything left"),
                self.tr("Print a return note of everything left for each of %1 artisans?").replace(
                    "%1", str(len(left))
                ),
                QMessageBox.Yes | QMessageBox.No,
                QMessageBox.No,
            )
            if answer != QMessageBox.Yes:
                return []
        notes = []
        for code in sorted(left):
            try:
                note = stock.give_back(self.ctx.store, self.ctx.clock, code, staff=self.ctx.cashier)
            except KnownError as exc:
                set_message(self.message, error_text(exc, self.ctx.lang), "error")
                break
            notes.append(note)
            print_note_in_background(self.ctx, note)
        if notes:
            set_message(
                self.message,
                self.tr("%1 return notes saved: %2 to %3")
                .replace("%1", str(len(notes)))
                .replace("%2", notes[0].number)
                .replace("%3", notes[-1].number),
            )
            self.ctx.bus.data_changed.emit()
        return notes

    def choose_file(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("Import products"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if path:
            self.preview_file(Path(path))

    def preview_file(self, path: Path):
        """Read ``path`` on the worker thread and show what it would add and update (or its
        problems); it is imported, on the worker too, only when the coordinator confirms.
        Returns the flow: ``flow.dialog`` is the preview, ``flow.reading`` the read's future."""
        from booth_pos.ui.import_preview import ImportFlow

        flow = ImportFlow(self.ctx, "products", self)
        flow.imported.connect(self._imported)
        flow.start(path)
        return flow

    def _imported(self, result) -> None:
        set_message(
            self.message,
            self.tr("%1 added, %2 updated")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated)),
        )

    def import_file(self, path: Path):
        """Import at once, without a preview, on the worker thread with a progress dialog
        (cancellable: the import is one transaction); the result shows beside the list.
        Returns the job's future."""
        from booth_pos.ui.background import run_with_progress

        db, clock, cashier = (
            settings_service.data_path(self.ctx.store),
            self.ctx.clock,
            self.ctx.cashier,
        )

        def job(progress, cancelled):
            return imports.import_products_into(
                db, path, clock, actor=cashier, progress=progress, cancelled=cancelled
            )

        def done(result) -> None:
            set_message(
                self.message,
                self.tr("%1 added, %2 updated")
                .replace("%1", str(result.added))
                .replace("%2", str(result.updated)),
            )
            self.ctx.bus.data_changed.emit()

        def failed(error) -> None:
            set_message(self.message, error_text(error, self.ctx.lang), "error")

        set_message(self.message, self.tr("Importing %1…").replace("%1", path.name))
        return run_with_progress(
            self, label=self.tr("Importing products…"), job=job, done=done, failed=failed
        )

    def choose_photo(self) -> None:
        selected = self.selected_products()
        if len(selected) != 1:
            set_message(self.message, self.tr("Select one product first"), "warn")
            return
        path = file_dialogs.open_file_name(
            self,
            self.tr("Product photo"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg *.webp)"),
        )
        if path:
            self.set_photo(selected[0].sku, Path(path))

    def set_photo(self, sku: str, path: Path) -> bool:
        try:
            imports.set_photo(self.ctx.store, sku, path)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return False
        set_message(self.message, self.tr("Photo saved"))
        self.refresh()
        return True

    def labels(self) -> None:
        """Labels for the selected products (all when none), one per item in stock."""
        dialog = LabelsDialog(self.ctx, [p.sku for p in self.selected_products()], self)
        dialog.saved.connect(
            lambda path: set_message(self.message, self.tr("Saved %1").replace("%1", str(path)))
        )
        dialog.open()

    def catalogue(self) -> None:
        dialog = CatalogueDialog(self.ctx, self)
        dialog.saved.connect(
            lambda path: set_message(self.message, self.tr("Saved %1").replace("%1", str(path)))
        )
        dialog.open()


def _save_pdf(
    parent: QWidget, title: str, name: str, make, *, what: str, ref: str = ""
) -> Path | None:
    """Ask where to save, build the PDF with ``make()``, export it; None if cancelled."""
    path = file_dialogs.save_file_name(
        parent,
        title,
        str(Path.home() / name),
        QCoreApplication.translate("ProductsPage", "PDF files (*.pdf)"),
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    from booth_pos.services import exports

    ctx = parent.ctx
    return exports.write_export(  # atomic, with its one audit entry, like the command line's
        ctx.store, target, make(), what=what, actor=ctx.cashier, at=ctx.clock.now(), ref=ref
    )


class LabelsDialog(QDialog):
    """Choose copies and layout for product labels, then save the PDF.

    Signals:
        saved(object): the Path written.
    """

    saved = Signal(object)

    def __init__(self, ctx: AppContext, skus: list[str], parent=None):
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Labels"))
        self.ctx, self.skus = ctx, skus
        form = QFormLayout(self)
        what = (
            count_text(
                len(skus),
                self.tr("%1 selected product"),
                self.tr("%1 selected products"),
                ctx.lang,
            )
            if skus
            else self.tr("All products")
        )
        form.addRow(self.tr("Products"), QLabel(what))
        self.copies = QComboBox()
        self.copies.setObjectName("labelCopies")
        self.copies.addItem(self.tr("One per item in stock"), "stock")
        for n in (1, 2, 5, 10):
            self.copies.addItem(str(n), n)
        form.addRow(self.tr("Copies"), self.copies)
        self.layout_choice = QComboBox()
        self.layout_choice.setObjectName("labelLayout")
        self.layout_choice.addItem(self.tr("A4 sticker sheet (3 × 8)"), "a4")
        self.layout_choice.addItem(self.tr("Label roll 50 × 30 mm"), "roll")
        form.addRow(self.tr("Layout"), self.layout_choice)
        self.message = message_label("labelsMessage")
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def make(self) -> bytes:
        return printouts.labels_pdf(
            self.ctx.store,
            self.skus,
            copies=self.copies.currentData(),
            layout=self.layout_choice.currentData(),
            lang=self.ctx.lang,
        )

    def save(self) -> None:
        try:
            path = _save_pdf(
                self,
                self.tr("Save labels"),
                "labels.pdf",
                self.make,
                what="labels",
                ref=",".join(self.skus),
            )
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        if path is not None:
            self.saved.emit(path)
            self.accept()


class CatalogueDialog(QDialog):
    """Language and optional buyer's currency for the catalogue, then save the PDF.

    Signals:
        saved(object): the Path written.
    """

    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("catalogueDialog")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Buyer's catalogue"))
        self.ctx = ctx
        settings = settings_service.current(ctx.store)
        form = QFormLayout(self)
        self.lang_choice = QComboBox()
        self.lang_choice.setObjectName("catalogueLang")
        self.lang_choice.addItem("English", "en")
        self.lang_choice.addItem("Bahasa Indonesia", "id")
        form.addRow(self.tr("Language"), self.lang_choice)
        main_currency, main_rate = settings_service.main_rate(settings)
        self.currency = QLineEdit(main_currency)
        self.currency.setObjectName("catalogueCurrency")
        self.currency.setPlaceholderText("EUR, USD, KRW…")
        form.addRow(self.tr("Buyer's currency (optional)"), self.currency)
        self.rate = QLineEdit(main_rate)
        self.rate.setObjectName("catalogueRate")
        self.rate.setPlaceholderText("17250")
        form.addRow(self.tr("Rupiah per unit"), self.rate)
        self.message = message_label("catalogueMessage")
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def make(self) -> bytes:
        return printouts.catalogue_pdf(
            self.ctx.store,
            self.ctx.clock,
            lang=self.lang_choice.currentData(),
            currency=self.currency.text().strip() or None,
            rate=self.rate.text().strip() or None,
        )

    def save(self) -> None:
        try:
            self.make_check()
            path = _save_pdf(
                self, self.tr("Save catalogue"), "catalogue.pdf", self.make, what="catalogue"
            )
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        if path is not None:
            self.saved.emit(path)
            self.accept()

    def make_check(self) -> None:
        """Refuse a bad currency or rate before asking where to save."""
        from booth_pos.money import parse_currency, parse_rate

        currency, rate = self.currency.text().strip(), self.rate.text().strip()
        if bool(currency) != bool(rate):
            raise KnownError(
                en="Give both the currency and the rate, or neither",
                id="Isi mata uang dan kurs, atau kosongkan keduanya",
            )
        if currency:
            parse_currency(currency)
            parse_rate(rate)

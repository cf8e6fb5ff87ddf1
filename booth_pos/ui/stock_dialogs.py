"""Goods in, goods back and money out: the intake and return note dialogs and the payout.

``StockNoteDialog`` lists one artisan's goods brought in ("Barang masuk…") or handed back
("Barang kembali…", with "Kembalikan semua sisa" to list everything on hand), by scanning
(the scan field welcomes the scanner; every other field of the dialog stays guarded) or by
picking a product and a quantity. ``PayoutDialog`` pays an artisan against the balance the
stand owes, in cash from the drawer or by transfer, with a supervisor's PIN once staff exist.
Both write through the services in one transaction; nothing is written on a refusal, whose
message shows beside the fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from booth_pos.model import MAX_QTY, KnownError, NoteKind, Product, StockError
from booth_pos.money import MoneyError, format_rupiah, parse_rupiah
from booth_pos.services import payouts, staff, stock
from booth_pos.ui.context import AppContext
from booth_pos.ui.scan_guard import ScanGuard
from booth_pos.ui.staff_dialogs import SupervisorBox
from booth_pos.ui.widgets import error_text, message_label, set_message


class StockNoteDialog(QDialog):
    """An intake note (``kind="intake"``) or a return note (``kind="return"``) for one artisan.

    Attributes:
        note: the note written, once saved (None before).
    """

    def __init__(self, ctx: AppContext, kind: str = "intake", *, artisan: str = "", parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = NoteKind(kind)
        self.note = None
        self.lines: dict[str, list] = {}  # sku -> [product, qty], in the order added
        self.setObjectName("stockNoteDialog")
        intake = self.kind is NoteKind.INTAKE
        self.setWindowTitle(self.tr("Goods in") if intake else self.tr("Goods back"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.artisan = QComboBox()
        self.artisan.setObjectName("stockArtisan")
        for a in ctx.store.artisans.all():
            if a.active or not intake:
                self.artisan.addItem(f"{a.code} · {a.name}", a.code)
        if artisan:
            self.artisan.setCurrentIndex(max(0, self.artisan.findData(artisan)))
        self.artisan.currentIndexChanged.connect(self._artisan_changed)
        form.addRow(self.tr("Artisan"), self.artisan)

        self.scan = QLineEdit()
        self.scan.setObjectName("stockScan")
        self.scan.setPlaceholderText(self.tr("Scan a barcode or type SKU (3*SKU for three)"))
        self.scan.returnPressed.connect(self.add_scanned)
        ScanGuard.welcome(self.scan)
        form.addRow(self.tr("Scan"), self.scan)

        pick = QHBoxLayout()
        self.product = QComboBox()
        self.product.setObjectName("stockProduct")
        pick.addWidget(self.product, 1)
        self.qty = QSpinBox()
        self.qty.setObjectName("stockQty")
        self.qty.setRange(1, MAX_QTY)
        pick.addWidget(self.qty)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("stockAdd")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_picked)
        pick.addWidget(self.add_button)
        form.addRow(self.tr("Product"), pick)
        layout.addLayout(form)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("stockLines")
        self.table.setHorizontalHeaderLabels(
            [self.tr("SKU"), self.tr("Name"), self.tr("Qty"), self.tr("On hand")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.setObjectName("stockRemove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.remove_button)
        self.all_button = None
        if not intake:
            self.all_button = QPushButton(self.tr("Return everything left"))
            self.all_button.setObjectName("returnAllButton")
            self.all_button.setAutoDefault(False)
            self.all_button.clicked.connect(self.fill_everything_left)
            row.addWidget(self.all_button)
        row.addStretch(1)
        self.total = QLabel()
        self.total.setObjectName("stockTotal")
        row.addWidget(self.total)
        layout.addLayout(row)

        self.note_text = QLineEdit()
        self.note_text.setObjectName("stockNote")
        self.note_text.setMaxLength(stock.MAX_NOTE_TEXT)
        self.note_text.setPlaceholderText(self.tr("Note printed on the slip (optional)"))
        layout.addWidget(self.note_text)
        self.message = message_label("stockMessage")
        layout.addWidget(self.message)

        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.save_button = buttons.addButton(
            self.tr("Save and print note") if intake else self.tr("Save and print return note"),
            QDialogButtonBox.AcceptRole,
        )
        self.save_button.setObjectName("stockSave")
        self.save_button.setAutoDefault(False)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ScanGuard.protect(self, self.tr("Scan ignored: scan goods into the scan field"))
        self._artisan_changed()
        self.scan.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 - Qt API
        """Enter adds what was scanned or typed, never saves: a scanner ends every code with
        Enter, and the note is saved with the button (or Ctrl+Enter) once the bag is done."""
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            if event.modifiers() & Qt.ControlModifier and self.save_button.isEnabled():
                self.save()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the lines ------------------------------------------------------------------------

    def artisan_code(self) -> str:
        return self.artisan.currentData() or ""

    def _artisan_changed(self, *_args) -> None:
        self.lines.clear()
        self.product.clear()
        for p in self.ctx.store.products.of_artisan(self.artisan_code(), limit=10_000):
            self.product.addItem(f"{p.sku} · {p.name}", p.sku)
        self._show_lines()

    def add_scanned(self) -> None:
        text = self.scan.text().strip()
        if not text:
            return
        try:
            ((code, qty),) = stock.parse_items([text])
            self.add(self._find(code), qty)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            self.scan.selectAll()
            return
        self.scan.clear()

    def add_picked(self) -> None:
        sku = self.product.currentData()
        if not sku:
            return
        try:
            self.add(self._find(sku), self.qty.value())
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self.qty.setValue(1)
        self.scan.setFocus()

    def _find(self, code: str) -> Product:
        store = self.ctx.store
        product = store.products.by_code(code) or store.products.by_code(code.upper())
        if product is None:
            raise StockError(
                en=f"No product with SKU or barcode {code!r}",
                id=f"Tidak ada produk dengan SKU atau barcode {code!r}",
            )
        if product.artisan_code != self.artisan_code():
            raise StockError(
                en=f"{product.sku} ({product.name}) belongs to artisan {product.artisan_code}",
                id=f"{product.sku} ({product.name}) milik pengrajin {product.artisan_code}",
            )
        return product

    def add(self, product: Product, qty: int) -> None:
        entry = self.lines.setdefault(product.sku, [product, 0])
        if entry[1] + qty > MAX_QTY:
            raise StockError(
                en=f"At most {MAX_QTY} units of one product", id=f"Paling banyak {MAX_QTY} unit"
            )
        entry[1] += qty
        set_message(self.message, "")
        self._show_lines()

    def fill_everything_left(self) -> None:
        """A return of everything of the artisan on hand (the end of the event)."""
        self.lines.clear()
        for p in self.ctx.store.products.all():
            if p.artisan_code == self.artisan_code() and p.stock > 0:
                self.lines[p.sku] = [p, p.stock]
        if not self.lines:
            set_message(self.message, self.tr("Nothing of this artisan is left on hand"), "warn")
        self._show_lines()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        skus = list(self.lines)
        for row in rows:
            self.lines.pop(skus[row], None)
        self._show_lines()

    def _show_lines(self) -> None:
        hand = self.ctx.store.stock.on_hand(list(self.lines))
        self.table.setRowCount(len(self.lines))
        units = value = 0
        for row, (sku, (product, qty)) in enumerate(self.lines.items()):
            cells = (sku, product.name, str(qty), str(hand.get(sku, 0)))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, col, item)
            units += qty
            value += qty * product.price
        self.total.setText(
            self.tr("%1 items · %2 at selling price")
            .replace("%1", str(units))
            .replace("%2", format_rupiah(value, self.ctx.lang))
        )
        self.save_button.setEnabled(bool(self.lines))

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        items = [(sku, qty) for sku, (_p, qty) in self.lines.items()]
        store, clock = self.ctx.store, self.ctx.clock
        try:
            if self.kind is NoteKind.INTAKE:
                note = stock.receive(
                    store, clock, self.artisan_code(), items,
                    note=self.note_text.text(), staff=self.ctx.cashier,
                )  # fmt: skip
            else:
                note = stock.give_back(
                    store, clock, self.artisan_code(), items,
                    note=self.note_text.text(), staff=self.ctx.cashier,
                )  # fmt: skip
        except KnownError as exc:  # nothing was written
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self.note = note
        self.ctx.bus.data_changed.emit()
        self.ctx.bus.message.emit(
            self.tr("%1 saved: %2 items").replace("%1", note.number).replace("%2", str(note.qty))
        )
        print_note_in_background(self.ctx, note)
        self.accept()


def print_note_in_background(ctx: AppContext, note) -> None:
    """Print a committed note through the configured printer, off the GUI thread; a failure
    is a message in the status bar (the note is safe and can be printed again)."""
    from booth_pos.ui import printing_jobs

    printing_jobs.print_note(ctx, note)


class PayoutDialog(QDialog):
    """Pay an artisan: cash from the open day's drawer or a transfer with its reference.

    Attributes:
        payout: the payout written, once saved (None before).
    """

    def __init__(self, ctx: AppContext, *, artisan: str = "", parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.payout = None
        self.setObjectName("payoutDialog")
        self.setWindowTitle(self.tr("Pay an artisan"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.artisan = QComboBox()
        self.artisan.setObjectName("payoutArtisan")
        for a in ctx.store.artisans.all():
            self.artisan.addItem(f"{a.code} · {a.name}", a.code)
        if artisan:
            self.artisan.setCurrentIndex(max(0, self.artisan.findData(artisan)))
        self.artisan.currentIndexChanged.connect(self._show_owed)
        form.addRow(self.tr("Artisan"), self.artisan)
        self.owed = QLabel()
        self.owed.setObjectName("payoutOwed")
        form.addRow(self.tr("Still owed"), self.owed)
        self.amount = QLineEdit()
        self.amount.setObjectName("payoutAmount")
        self.amount.setPlaceholderText(self.tr("e.g. 150000 or Rp 150.000"))
        form.addRow(self.tr("Amount"), self.amount)
        self.method = QComboBox()
        self.method.setObjectName("payoutMethod")
        self.method.addItem(self.tr("Cash (from the drawer)"), "cash")
        self.method.addItem(self.tr("Bank transfer"), "transfer")
        form.addRow(self.tr("Paid by"), self.method)
        self.reference = QLineEdit()
        self.reference.setObjectName("payoutReference")
        self.reference.setMaxLength(payouts.MAX_REFERENCE)
        self.reference.setPlaceholderText(self.tr("Transfer reference (optional)"))
        form.addRow(self.tr("Reference"), self.reference)
        layout.addLayout(form)
        self.message = message_label("payoutMessage")
        layout.addWidget(self.message)
        self.supervisor = None
        if staff.staff_exist(ctx.store):
            self.supervisor = SupervisorBox(ctx, with_reason=False)
            layout.addWidget(self.supervisor)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.save_button = buttons.addButton(
            self.tr("Pay and print receipt"), QDialogButtonBox.AcceptRole
        )
        self.save_button.setObjectName("payoutSave")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ScanGuard.protect(self, self.tr("Scan ignored: finish the payout first"))
        self._show_owed()

    def artisan_code(self) -> str:
        return self.artisan.currentData() or ""

    def _show_owed(self, *_args) -> None:
        try:
            owed = payouts.owed(self.ctx.store, self.artisan_code())
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self.owed.setText(format_rupiah(owed, self.ctx.lang))

    def save(self) -> None:
        try:
            amount = parse_rupiah(self.amount.text())
        except MoneyError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            self.amount.setFocus()
            return
        name, pin = ("", None)
        if self.supervisor is not None:
            name, pin, _reason = self.supervisor.values()
        try:
            done = payouts.pay(
                self.ctx.store, self.ctx.clock, self.artisan_code(), amount,
                self.method.currentData(), reference=self.reference.text(),
                staff=self.ctx.cashier, supervisor=name, pin=pin,
            )  # fmt: skip
        except KnownError as exc:  # nothing was written
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            if self.supervisor is not None:
                self.supervisor.clear_pin()
            self._show_owed()
            return
        self.payout = done
        self.ctx.bus.data_changed.emit()
        self.ctx.bus.message.emit(
            self.tr("%1: %2 paid to %3")
            .replace("%1", done.number)
            .replace("%2", format_rupiah(done.amount, self.ctx.lang))
            .replace("%3", done.artisan_name)
        )
        from booth_pos.ui import printing_jobs

        printing_jobs.print_payout(self.ctx, done)
        self.accept()

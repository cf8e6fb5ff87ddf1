"""The sell screen: scan, adjust the cart, take payment. Keyboard first, touch friendly."""

from __future__ import annotations

import copy
import textwrap

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import CartError, KnownError, UnknownCode
from booth_pos.money import format_rupiah
from booth_pos.services import products, selling
from booth_pos.ui.cart_model import CartModel
from booth_pos.ui.context import AppContext
from booth_pos.ui.customer_display import DisplayLink
from booth_pos.ui.payment_dialog import PaymentDialog
from booth_pos.ui.sell_dialogs import (
    DiscountDialog,
    OpenPriceDialog,
    ParkLabelDialog,
    PriceDialog,
    RecallDialog,
    SearchDialog,
)
from booth_pos.ui.widgets import FitLabel, count_text, error_text, message_label, set_message

TAB_NAME_CHARS = 16  # an artisan's name on a quick-grid tab; the tooltip has all of it


def tab_title(code: str, name: str) -> str:
    """A quick-grid tab: the artisan's code and name, the name cut with "…" when long."""
    name = " ".join(name.split())
    if len(name) > TAB_NAME_CHARS:
        name = name[: TAB_NAME_CHARS - 1].rstrip() + "…"
    return f"{code} · {name}" if name else code


class SellPage(QWidget):
    """Scan field, cart table, big total and the pay button.

    Signals:
        need_day(): a sale was attempted with no business day open.
        need_sign_in(): payment was attempted with staff accounts but nobody signed in.
    """

    need_day = Signal()
    need_sign_in = Signal()

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("sellPage")
        self.ctx = ctx
        self.model = CartModel(ctx.lang, self)
        self.model.totals_changed.connect(self._update_totals)
        self.payment_dialog: PaymentDialog | None = None

        root = QHBoxLayout(self)
        splitter = QSplitter(Qt.Horizontal)
        root.addWidget(splitter)

        # Left: scan field, feedback, cart, line buttons, quick buttons.
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        scan_row = QHBoxLayout()
        self.scan_input = QLineEdit()
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText(self.tr("Scan or type a code · 3*CODE adds three"))
        self.scan_input.setStyleSheet("font-size: 18pt; padding: 6px;")
        self.scan_input.returnPressed.connect(self.scan)
        self.scan_input.installEventFilter(self)
        scan_row.addWidget(self.scan_input, 1)
        self.search_button = self._button(self.tr("Search (F2)"), "searchButton", self.search)
        scan_row.addWidget(self.search_button)
        left_box.addLayout(scan_row)
        self.message = message_label("scanMessage")
        left_box.addWidget(self.message)
        # An unknown code: offer to add the product (a supervisor) or sell it at an open
        # price. A strip, not a dialog: the next customer's scans keep ringing up meanwhile.
        self.offer = QWidget()
        self.offer.setObjectName("unknownCodeOffer")
        offer_row = QHBoxLayout(self.offer)
        offer_row.setContentsMargins(0, 0, 0, 0)
        self.offer_add = QPushButton(self.tr("Add product…"))
        self.offer_add.setObjectName("offerAddProduct")
        self.offer_add.setFocusPolicy(Qt.NoFocus)  # the scan field keeps the scanner
        self.offer_add.clicked.connect(self.offer_new_product)
        offer_row.addWidget(self.offer_add)
        self.offer_open = QPushButton(self.tr("Open price…"))
        self.offer_open.setObjectName("offerOpenPrice")
        self.offer_open.setFocusPolicy(Qt.NoFocus)
        self.offer_open.clicked.connect(self._offer_open_price)
        offer_row.addWidget(self.offer_open)
        offer_row.addStretch(1)
        self.offer.hide()
        self.unknown_code = self._last_text = ""
        left_box.addWidget(self.offer)

        self.table = QTableView()
        self.table.setObjectName("cartTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setFocusPolicy(Qt.ClickFocus)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(48)
        # A font, not a style sheet: style sheets make every repaint of the cart slower.
        font = self.table.font()
        font.setPointSize(12)
        self.table.setFont(font)
        # Fixed widths measured once: resizing to contents on every scan costs milliseconds.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Fixed)
        header.setSectionResizeMode(CartModel.COL_NAME, QHeaderView.Stretch)
        metrics = QFontMetrics(font)
        money = metrics.horizontalAdvance(format_rupiah(9_999_999, ctx.lang)) + 16
        widths = {
            CartModel.COL_QTY: metrics.horizontalAdvance("9999") + 20,
            CartModel.COL_PRICE: money,
            CartModel.COL_DISCOUNT: money,
            CartModel.COL_AMOUNT: money,
        }
        for col, width in widths.items():
            header.resizeSection(col, width)
        self.table.clicked.connect(lambda _i: self.scan_input.setFocus())
        left_box.addWidget(self.table, 3)

        line_row = QHBoxLayout()
        self.minus_button = self._button("−1", "qtyMinus", lambda: self.change_qty(-1))
        self.plus_button = self._button("+1", "qtyPlus", lambda: self.change_qty(+1))
        self.remove_button = self._button(
            self.tr("Remove line (Del)"), "removeLine", self.remove_line
        )
        self.discount_button = self._button(
            self.tr("Discount (F4)"), "discountButton", self.discount
        )
        self.price_button = self._button(self.tr("Price (F6)"), "priceButton", self.change_price)
        # Beside Price (F6), not beside the scan field: that keeps its whole placeholder.
        self.open_price_button = self._button(
            self.tr("Open price… (F7)"), "openPriceButton", lambda: self.start_open_price()
        )
        self.open_price_button.setToolTip(
            self.tr("Goods without a label: pick the artisan, type the name and the price")
        )
        for b in (
            self.minus_button,
            self.plus_button,
            self.remove_button,
            self.discount_button,
            self.price_button,
            self.open_price_button,
        ):
            line_row.addWidget(b)
        line_row.addStretch(1)
        left_box.addLayout(line_row)

        self.quick_tabs = QTabWidget()
        self.quick_tabs.setObjectName("quickTabs")
        self.quick_tabs.currentChanged.connect(self._fill_quick_tab)
        left_box.addWidget(self.quick_tabs, 2)
        splitter.addWidget(left)

        # Right: total and the big actions.
        right = QFrame()
        right.setObjectName("totalPanel")
        right.setMinimumWidth(330)
        right_box = QVBoxLayout(right)
        caption = QLabel(self.tr("TOTAL"))
        caption.setStyleSheet("font-size: 14pt; color: #555;")
        right_box.addWidget(caption)
        self.total_label = FitLabel(max_pt=40, min_pt=16)
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.total_label.setMinimumHeight(70)
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        palette = self.total_label.palette()
        palette.setColor(QPalette.WindowText, QColor("#0d47a1"))
        self.total_label.setPalette(palette)
        right_box.addWidget(self.total_label)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setAlignment(Qt.AlignRight)
        self.summary_label.setStyleSheet("font-size: 12pt;")
        right_box.addWidget(self.summary_label)
        right_box.addStretch(1)
        self.pay_button = self._button(self.tr("Pay (F12)"), "payButton", self.pay)
        self.pay_button.setMinimumHeight(84)
        self.pay_button.setStyleSheet(
            "QPushButton { font-size: 22pt; font-weight: bold; background: #2e7d32; color: white;"
            " border-radius: 8px; } QPushButton:disabled { background: #a5d6a7; }"
        )
        self.park_button = self._button(
            self.tr("Park / Recall (F8)"), "parkButton", self.park_or_recall
        )
        self.new_button = self._button(self.tr("Cancel sale"), "clearButton", self.cancel_sale)
        # The customer's screen (F9): follows the cart, shows the QRIS with the amount.
        self.customer_display = DisplayLink(ctx, self.model, self)
        self.display_button = self._button(
            self.tr("Customer display (F9)"), "customerDisplayButton", self.customer_display.toggle
        )
        self.parked_label = QLabel()
        self.parked_label.setObjectName("parkedCount")
        self.parked_label.setStyleSheet("font-size: 12pt; color: #7a4f01;")
        right_box.addWidget(self.parked_label)
        for b in (self.park_button, self.new_button, self.display_button):
            b.setMinimumHeight(48)
            right_box.addWidget(b)
        right_box.addWidget(self.pay_button)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        for key, slot in (
            ("F2", self.search),
            ("F4", self.discount),
            ("F6", self.change_price),
            ("F7", self.start_open_price),
            ("F8", self.park_or_recall),
            ("F9", self.customer_display.toggle),
            ("F12", self.pay),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self._banner: selling.BlockerKind | None = None  # what the red banner asks for
        self._banner_text = ""
        self._build_quick_tabs()
        self._update_totals()
        self._update_parked()
        ctx.bus.data_changed.connect(self._build_quick_tabs)
        ctx.bus.day_changed.connect(self._blocker_may_be_gone)
        ctx.bus.cashier_changed.connect(self._blocker_may_be_gone)
        QTimer.singleShot(0, self, self.customer_display.restore)  # open if it was open

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.NoFocus)  # the scan field keeps the keyboard
        button.setMinimumHeight(40)
        button.clicked.connect(slot)
        return button

    # -- focus and keys ---------------------------------------------------------------------

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self, self.focus_scan)

    def focus_scan(self) -> None:
        if self.payment_dialog is None:
            self.scan_input.setFocus()

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if obj is self.scan_input and event.type() == QEvent.KeyPress:
            key = event.key()
            empty = not self.scan_input.text()
            if key in (Qt.Key_Up, Qt.Key_Down):
                self._move_selection(-1 if key == Qt.Key_Up else 1)
                return True
            if empty and key == Qt.Key_Delete:
                self.remove_line()
                return True
            if empty and event.text() in ("+", "-"):
                self.change_qty(1 if event.text() == "+" else -1)
                return True
        return super().eventFilter(obj, event)

    def _move_selection(self, step: int) -> None:
        n = self.model.rowCount()
        if not n:
            return
        row = self.selected_row()
        row = n - 1 if row is None else max(0, min(n - 1, row + step))
        self.table.selectRow(row)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _target_row(self) -> int | None:
        row = self.selected_row()
        if row is None and self.model.rowCount():
            row = self.model.rowCount() - 1
        return row

    # -- scanning ---------------------------------------------------------------------------

    def scan(self) -> None:
        """Do what was scanned or typed; an unknown code warns and changes nothing."""
        text = self.scan_input.text().strip()
        self.scan_input.clear()
        if not text:
            return
        self._last_text = text
        self.offer.hide()
        try:
            scan = selling.parse_scan(text)
        except CartError as exc:
            self._refuse(exc)
            return
        if isinstance(scan, selling.SetQuantity):  # "*5": the selected line becomes 5
            row = self._target_row()
            if row is not None and self.set_qty(row, scan.qty):
                self.table.selectRow(row)
                set_message(self.message, f"✓ {scan.qty} × {self.model.cart.lines[row].name}")
            return
        self._add(lambda cart: selling.add_item(self.ctx.store, cart, scan))

    def add_code(self, text: str) -> None:
        """Add a code picked from the search or a quick button (or typed: see ``scan``)."""
        self._add(lambda cart: selling.add(self.ctx.store, cart, text))

    def _refuse(self, exc: KnownError) -> None:
        QApplication.beep()
        set_message(self.message, "⚠ " + error_text(exc, self.ctx.lang), "error")
        if isinstance(exc, UnknownCode):
            self._flash_scan()
            self.unknown_code = getattr(exc, "code", "") or self._last_text
            self.offer.show()

    def offer_new_product(self):
        """ "Add product…" for the code just scanned: the product form, pre-filled with it
        (a supervisor's PIN approves it once staff exist); once saved, it is in the cart."""
        from booth_pos.ui.record_dialogs import ProductDialog

        code = self.unknown_code
        dialog = ProductDialog(self.ctx, self, barcode=code if code.isdigit() else "")
        if code and not code.isdigit():
            dialog.sku.setText(code)
        self.offer.hide()

        def saved() -> None:
            if dialog.saved is not None:
                self.add_code(dialog.saved.sku)
            self.focus_scan()

        dialog.accepted.connect(saved)
        dialog.rejected.connect(self.focus_scan)
        dialog.open()
        return dialog

    def _offer_open_price(self) -> None:
        self.offer.hide()
        self.start_open_price(self.unknown_code if not self.unknown_code.isdigit() else "")

    def _add(self, adding) -> None:
        cart = self.model.cart
        count = len(cart.lines)
        try:
            line, product = adding(cart)
        except KnownError as exc:  # UnknownCode, CartError, StoreError: the cart is as it was
            self._refuse(exc)
            return
        row = cart.lines.index(line)
        self.model.line_added(row, existed=len(cart.lines) == count)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        if selling.over_stock(cart, line, product):
            self.model.over_stock(row, product.stock)  # stays on the line past the next scan
            QApplication.beep()
            set_message(
                self.message,
                self.tr("%1 × %2 added. Recorded stock is only %3: check the shelf count.")
                .replace("%1", str(line.qty))
                .replace("%2", line.name)
                .replace("%3", str(product.stock)),
                "warn",
            )
        else:
            set_message(
                self.message,
                f"✓ {line.qty} × {line.name}  ·  {format_rupiah(line.unit_price, self.ctx.lang)}",
                "ok",
            )

    def _flash_scan(self) -> None:
        self.scan_input.setStyleSheet(
            "font-size: 18pt; padding: 6px; background: #ffcdd2; border: 2px solid #c62828;"
        )
        # The field is the timer's context: if the page is gone, the timer is too.
        QTimer.singleShot(
            900,
            self.scan_input,
            lambda: self.scan_input.setStyleSheet("font-size: 18pt; padding: 6px;"),
        )

    # -- cart edits -------------------------------------------------------------------------

    def change_qty(self, step: int) -> None:
        row = self._target_row()
        if row is None:
            return
        line = self.model.cart.lines[row]
        if line.qty + step < 1:
            self.remove_line()
            return
        try:
            self.model.cart.set_qty(row, line.qty + step)
        except CartError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self.model.changed()
        self.table.selectRow(row)
        self.focus_scan()

    def set_qty(self, row: int, qty: int) -> bool:
        try:
            self.model.cart.set_qty(row, qty)
        except CartError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return False
        self.model.changed()
        return True

    def remove_line(self) -> None:
        row = self._target_row()
        if row is None:
            return
        name = self.model.cart.lines[row].name
        try:
            self.model.remove_row(row)
        except CartError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        set_message(self.message, self.tr("Removed: %1").replace("%1", name), "warn")
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self.focus_scan()

    def change_price(self) -> None:
        row = self._target_row()
        if row is None:
            set_message(self.message, self.tr("Scan something first"), "warn")
            return
        self.model.cart.cashier = self.ctx.cashier  # who asks for the approval
        dialog = PriceDialog(self.ctx, self.model, row, self)
        dialog.finished.connect(lambda _r: self.focus_scan())
        dialog.open()

    def discount(self) -> None:
        if not self.model.cart.lines:
            set_message(self.message, self.tr("Scan something first"), "warn")
            return
        self.model.cart.cashier = self.ctx.cashier  # who asks for the approval
        dialog = DiscountDialog(self.ctx, self.model, self.selected_row(), self)
        dialog.finished.connect(lambda _r: self.focus_scan())
        dialog.open()

    def start_open_price(self, name: str = "") -> None:
        """Sell goods without a label (F7): the open-price dialog, ``name`` already typed.

        No artisan is chosen for the cashier (the quick grid's tab is whatever was last
        used): whose money it is must be picked. Called by the button, F7, and whatever
        else knows the goods have no label (an unknown barcode's offer).
        """
        try:
            dialog = OpenPriceDialog(self.ctx, self.model, self, name=name or "")
        except KnownError as exc:  # the artisans cannot be read (a locked file)
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        dialog.line_added.connect(self._open_line_added)
        dialog.finished.connect(lambda _r: self.focus_scan())
        dialog.open()

    def _open_line_added(self, line) -> None:
        row = self.model.cart.lines.index(line)
        self.model.line_added(row, existed=False)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        price = format_rupiah(line.unit_price, self.ctx.lang)
        set_message(self.message, f"✓ {line.qty} × {line.name}  ·  {price}", "ok")

    def search(self) -> None:
        dialog = SearchDialog(self.ctx, self)
        dialog.picked.connect(self.add_code)
        dialog.finished.connect(lambda _r: self.focus_scan())
        dialog.open()

    def park_or_recall(self) -> None:
        """Park a cart in progress; with an empty cart, offer the parked ones."""
        cart = self.model.cart
        if cart.lines:
            try:
                selling.park(self.ctx.store, cart, self.ctx.clock)
            except KnownError as exc:
                set_message(self.message, error_text(exc, self.ctx.lang), "error")
                return
            self.model.clear()
            set_message(self.message, self.tr("Cart parked. Press F8 to recall it."), "ok")
            self._update_parked()
            # Parked first, named after: the cart is safe even if nobody types a name.
            dialog = ParkLabelDialog(self.ctx, cart.id, self)
            dialog.finished.connect(lambda _r: self.focus_scan())
            dialog.open()
            return
        try:
            parked = selling.has_parked(self.ctx.store)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        if not parked:
            set_message(self.message, self.tr("No parked carts"), "warn")
            return
        dialog = RecallDialog(self.ctx, self)
        dialog.recalled.connect(self._recalled)
        dialog.finished.connect(lambda _r: self.focus_scan())
        dialog.open()

    def _recalled(self, cart) -> None:
        self.model.set_cart(cart)
        set_message(self.message, self.tr("Cart recalled"), "ok")
        self._update_parked()

    def _update_parked(self) -> None:
        try:
            count = selling.parked_count(self.ctx.store)
        except KnownError:  # the count is a hint; the store's error shows elsewhere
            return
        self.parked_label.setText(self.tr("Parked carts: %1").replace("%1", str(count)))
        self.parked_label.setProperty("count", count)

    def cancel_sale(self) -> None:
        if not self.model.cart.lines:
            return
        box = QMessageBox(
            QMessageBox.Question,
            self.tr("Cancel sale"),
            self.tr("Empty the cart? Nothing has been sold yet."),
            QMessageBox.Yes | QMessageBox.No,
            self,
        )
        box.setObjectName("cancelSaleBox")
        box.setDefaultButton(QMessageBox.No)
        box.finished.connect(lambda r: self._cancel_answer(r))
        box.open()

    def _cancel_answer(self, result: int) -> None:
        if result == QMessageBox.Yes:
            self.model.clear()
            set_message(self.message, self.tr("Cart emptied"), "warn")
        self.focus_scan()

    # -- totals and payment ------------------------------------------------------------------

    def _update_totals(self) -> None:
        lang = self.ctx.lang
        pricing = self.model.pricing
        self.total_label.setText(format_rupiah(pricing.total, lang))
        count = self.model.cart.item_count
        parts = [count_text(count, self.tr("%1 item"), self.tr("%1 items"), lang)]
        if pricing.discounts:
            parts.append(
                self.tr("discounts %1").replace("%1", "−" + format_rupiah(pricing.discounts, lang))
            )
        self.summary_label.setText("  ·  ".join(parts))
        self.pay_button.setEnabled(bool(self.model.cart.lines))

    def pay(self) -> None:
        """Pay (F12): open the payment dialog; with it open, F12 again confirms the sale."""
        if self.payment_dialog is not None:
            self.payment_dialog.f12()
            return
        cart = self.model.cart
        if not cart.lines:
            return
        cart.cashier = self.ctx.cashier
        try:
            blockers = selling.checkout_blockers(self.ctx.store, cart)
        except KnownError as exc:  # the database cannot be read (locked, disk gone)
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        if blockers:
            self._blocked(blockers[0])
            return
        dialog = PaymentDialog(self.ctx, cart, self)
        dialog.completed.connect(self.ctx.bus.sale_committed.emit)
        dialog.completed.connect(self.customer_display.sale_done)
        dialog.qris_pending.connect(self.customer_display.qris_pending)
        dialog.origin_changed.connect(self.customer_display.origin_changed)
        dialog.finished.connect(self._payment_finished)
        self.payment_dialog = dialog
        dialog.open()

    def _blocked(self, blocker: selling.Blocker) -> None:
        """Say what stops the payment and offer what clears it; once the open-day or sign-in
        dialog the window opens is accepted, the payment carries on by itself."""
        self._banner = blocker.kind
        if blocker.kind is selling.BlockerKind.NO_DAY:
            set_message(self.message, self.tr("Open the business day before selling"), "error")
            self._banner_text = self.message.text()
            self.need_day.emit()
            self._resume_after("openDayDialog")
        elif blocker.kind is selling.BlockerKind.SIGN_IN:
            set_message(self.message, self.tr("Sign in before taking payment"), "error")
            self._banner_text = self.message.text()
            self.need_sign_in.emit()
            self._resume_after("signInDialog")
        else:
            set_message(self.message, error_text(blocker, self.ctx.lang), "error")

    def _resume_after(self, name: str) -> None:
        """When the dialog ``name`` (opened by the window for ``need_day``/``need_sign_in``)
        is accepted, take payment again; cancelled, nothing more happens."""
        dialog = self.window().findChild(QDialog, name)
        if dialog is not None and dialog.isVisible():
            dialog.accepted.connect(lambda: QTimer.singleShot(0, self, self._resume_pay))

    def _resume_pay(self) -> None:
        if self.model.cart.lines and self.payment_dialog is None:
            self.pay()

    def _blocker_may_be_gone(self) -> None:
        """The day opened or someone signed in: drop the red banner that asked for it."""
        if self._banner not in (selling.BlockerKind.NO_DAY, selling.BlockerKind.SIGN_IN):
            return
        cart = copy.copy(self.model.cart)
        cart.cashier = self.ctx.cashier
        try:
            kinds = {b.kind for b in selling.checkout_blockers(self.ctx.store, cart)}
        except KnownError:
            return
        if not cart.lines or self._banner not in kinds:
            self._banner = None
            if self.message.text() == self._banner_text:  # not a newer message
                set_message(self.message, "")

    def _payment_finished(self, _result: int) -> None:
        dialog, self.payment_dialog = self.payment_dialog, None
        self.customer_display.qris_pending(0)  # cancelled with a QRIS waiting: take it down
        if dialog is not None and dialog.sale is not None:
            sale = dialog.sale
            self.model.clear()
            text = self.tr("Sale %1 done · change %2").replace("%1", sale.receipt_no)
            set_message(self.message, text.replace("%2", format_rupiah(sale.change, self.ctx.lang)))
        if dialog is not None:
            dialog.deleteLater()
        self.focus_scan()

    # -- quick buttons ------------------------------------------------------------------------

    def _build_quick_tabs(self) -> None:
        """One tab per artisan; buttons are made when a tab is first shown (fast start)."""
        self.quick_tabs.blockSignals(True)
        self.quick_tabs.clear()
        try:
            artisans = products.artisans(self.ctx.store)
        except KnownError as exc:  # no touch grid this time; scanning still works
            artisans = []
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
        for artisan in artisans:
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setProperty("artisan", artisan.code)
            holder.setProperty("filled", False)
            self.quick_tabs.addTab(holder, tab_title(artisan.code, artisan.name))
            self.quick_tabs.setTabToolTip(
                self.quick_tabs.count() - 1, f"{artisan.code} · {artisan.name}"
            )
        self.quick_tabs.blockSignals(False)
        if self.quick_tabs.count():
            # After the window is up: the scan field is usable before the touch grid is.
            QTimer.singleShot(0, self, lambda: self._fill_quick_tab(self.quick_tabs.currentIndex()))

    QUICK_LIMIT = 60  # a touch grid longer than this is a list; the search (F2) finds the rest

    def _fill_quick_tab(self, index: int) -> None:
        holder = self.quick_tabs.widget(index)
        if holder is None or holder.property("filled"):
            return
        holder.setProperty("filled", True)
        inner = QWidget()
        grid = QGridLayout(inner)
        code = holder.property("artisan")
        try:
            goods = products.of_artisan(self.ctx.store, code, limit=self.QUICK_LIMIT + 1)
        except KnownError as exc:
            holder.setProperty("filled", False)  # try again when the tab is next shown
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        more = len(goods) > self.QUICK_LIMIT
        goods = goods[: self.QUICK_LIMIT]
        for i, p in enumerate(goods):
            name = textwrap.shorten(p.name, 48, placeholder="…")
            text = f"{textwrap.fill(name, 24)}\n{format_rupiah(p.price, self.ctx.lang)}"
            button = self._button(text, f"quick_{p.sku}", lambda _=False, s=p.sku: self._quick(s))
            button.setMinimumHeight(68)
            button.setMinimumWidth(10)
            button.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
            button.setToolTip(f"{p.name}\n{p.sku} · {p.barcode}")
            grid.addWidget(button, i // 3, i % 3)
        if more:
            hint = QLabel(self.tr("More products: use the search (F2)"))
            hint.setStyleSheet("color: #666;")
            grid.addWidget(hint, len(goods) // 3 + 1, 0, 1, 3)
        holder.setWidget(inner)

    def _quick(self, sku: str) -> None:
        self.add_code(sku)
        self.focus_scan()

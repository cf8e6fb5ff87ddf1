"""Dialogs the sell page opens: discount, price, name search, parked carts, open price."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from booth_pos.model import MAX_QTY, CartError, Discount, KnownError
from booth_pos.money import (
    MoneyError,
    format_percent,
    format_rupiah,
    parse_percent,
    parse_rupiah,
)
from booth_pos.services import products, selling
from booth_pos.services import settings as settings_service
from booth_pos.ui.context import AppContext
from booth_pos.ui.presenters.open_price import Field, OpenPriceForm
from booth_pos.ui.scan_guard import ScanGuard
from booth_pos.ui.widgets import count_text, error_text, message_label, set_message


def parse_discount(text: str) -> Discount | None:
    """``10%`` -> percent, ``5.000`` -> amount, empty -> no discount; raises MoneyError."""
    text = text.strip()
    if not text:
        return None
    if text.endswith("%"):
        return Discount("percent", parse_percent(text))
    return Discount("amount", parse_rupiah(text))


class DiscountDialog(QDialog):
    """Give a discount on the selected line or the whole sale, as an amount or a percentage.

    Validates against the cart before applying; on any problem the cart is unchanged.
    """

    def __init__(self, ctx: AppContext, model, row: int | None, parent=None):
        super().__init__(parent)
        self.setObjectName("discountDialog")
        ScanGuard.protect(self)  # a scanner never types into this dialog
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Discount"))
        self.ctx, self.model, self.row = ctx, model, row
        layout = QVBoxLayout(self)
        self.line_choice = QRadioButton(self.tr("Selected line"))
        self.sale_choice = QRadioButton(self.tr("Whole sale"))
        self.line_choice.setObjectName("discountLine")
        self.sale_choice.setObjectName("discountSale")
        group = QButtonGroup(self)
        group.addButton(self.line_choice)
        group.addButton(self.sale_choice)
        if row is None:
            self.line_choice.setEnabled(False)
            self.sale_choice.setChecked(True)
        else:
            line = model.cart.lines[row]
            self.line_choice.setText(self.tr("Line: %1").replace("%1", line.name))
            self.line_choice.setChecked(True)
        layout.addWidget(self.line_choice)
        layout.addWidget(self.sale_choice)
        layout.addWidget(QLabel(self.tr("Amount (e.g. 10.000) or percentage (e.g. 10%)")))
        self.input = QLineEdit()
        self.input.setObjectName("discountInput")
        layout.addWidget(self.input)
        self.approval = None  # shown only when the discount is above the threshold
        self.approval_slot = QVBoxLayout()
        layout.addLayout(self.approval_slot)
        self.message = message_label("discountMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.remove_button = QPushButton(self.tr("Remove discount"))
        self.remove_button.setObjectName("discountRemove")
        buttons.addButton(self.remove_button, QDialogButtonBox.ResetRole)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self.remove)
        layout.addWidget(buttons)
        self.input.setFocus()

    def _index(self) -> int | None:
        return self.row if self.line_choice.isChecked() and self.row is not None else None

    def _needs_approval(self, discount: Discount | None) -> bool:
        """Whether this discount is above the threshold on a stand with staff accounts."""
        from booth_pos.services import approvals, staff

        if discount is None or not staff.staff_exist(self.ctx.store):
            return False
        trial = copy.deepcopy(self.model.cart)
        index = self._index()
        if index is not None:
            trial.set_line_discount(index, discount)
        else:
            trial.set_discount(discount)
        lines, sale = approvals.over_threshold(
            trial, settings_service.current(self.ctx.store).discount_threshold_bp
        )
        return (index in lines) if index is not None else sale

    def _apply(self, discount: Discount | None) -> None:
        # Staff and approvals load when a discount is first given, not when the till starts.
        from booth_pos.services import approvals
        from booth_pos.ui.staff_dialogs import SupervisorBox

        cart = self.model.cart
        index = self._index()
        try:
            if self._needs_approval(discount):
                if self.approval is None:
                    self.approval = SupervisorBox(self.ctx)
                    self.approval_slot.addWidget(self.approval)
                    threshold = format_percent(
                        settings_service.current(self.ctx.store).discount_threshold_bp,
                        self.ctx.lang,
                    )
                    set_message(
                        self.message,
                        self.tr("Above %1: a supervisor must approve").replace("%1", threshold),
                        "warn",
                    )
                    self.approval.pin.setFocus()
                    return
                supervisor, pin, reason = self.approval.values()
                approvals.approve_discount(
                    self.ctx.store,
                    cart,
                    discount,
                    index=index,
                    supervisor=supervisor,
                    pin=pin,
                    reason=reason,
                    clock=self.ctx.clock,
                )
            elif index is not None:
                cart.set_line_discount(index, discount)
            else:
                cart.set_discount(discount)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            if self.approval is not None:
                self.approval.clear_pin()
            return
        self.model.changed()
        self.accept()

    def apply(self) -> None:
        try:
            discount = parse_discount(self.input.text())
        except (MoneyError, CartError):
            set_message(
                self.message,
                self.tr("Type an amount such as 10.000 or a percentage such as 10%"),
                "error",
            )
            return
        self._apply(discount)

    def remove(self) -> None:
        self._apply(None)


class SearchDialog(QDialog):
    """Find goods without a label by name; Enter or double-click picks one.

    Signals:
        picked(str): the SKU chosen.
    """

    picked = Signal(str)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("searchDialog")
        ScanGuard.protect(self)  # a scanner never types into this dialog
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Find a product"))
        self.resize(560, 480)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.input = QLineEdit()
        self.input.setObjectName("searchInput")
        self.input.setPlaceholderText(self.tr("Type part of the name or SKU"))
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        layout.addWidget(self.input)
        layout.addWidget(self.results)
        self.input.textChanged.connect(self._search)
        self.input.returnPressed.connect(self._pick_current)
        self.results.itemActivated.connect(self._pick)
        self.input.installEventFilter(self)
        self._search("")

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        # Arrow keys in the text field move through the results, so hands stay on the keys.
        if obj is self.input and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key_Down, Qt.Key_Up):
                row = self.results.currentRow() + (1 if event.key() == Qt.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
                return True
        return super().eventFilter(obj, event)

    def _search(self, text: str) -> None:
        self.results.clear()
        for p in products.search(self.ctx.store, text.strip(), limit=60):
            label = f"{p.name}  ·  {p.artisan_code}  ·  {format_rupiah(p.price, self.ctx.lang)}"
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, p.sku)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _pick_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        self.picked.emit(item.data(Qt.UserRole))
        self.accept()


class RecallDialog(QDialog):
    """Choose a parked cart to bring back.

    Signals:
        recalled(object): the Cart taken back out of the parking list.
    """

    recalled = Signal(object)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("recallDialog")
        ScanGuard.protect(self)  # a scanner never types into this dialog
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Parked carts"))
        self.resize(520, 360)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("parkedList")
        layout.addWidget(self.list)
        from booth_pos.clock import local

        timezone = settings_service.current(ctx.store).timezone
        for cart_id, at, label, cart in selling.parked(ctx.store):
            # The event's time zone (WIB at Ina Craft), whatever the laptop is set to.
            when = local(at, timezone).strftime("%H:%M")
            items = count_text(cart.item_count, self.tr("%1 item"), self.tr("%1 items"), ctx.lang)
            parts = [when, label, items, format_rupiah(cart.total, ctx.lang)]
            item = QListWidgetItem(" · ".join(part for part in parts if part))
            item.setData(Qt.UserRole, cart_id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        row = QHBoxLayout()
        self.recall_button = QPushButton(self.tr("Recall"))
        self.recall_button.setObjectName("recallButton")
        self.recall_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.recall_button)
        layout.addLayout(row)
        self.recall_button.clicked.connect(self._recall)
        self.list.itemActivated.connect(lambda _item: self._recall())
        cancel.clicked.connect(self.reject)

    def _recall(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            cart = selling.recall(self.ctx.store, item.data(Qt.UserRole))
        except CartError:
            self.list.takeItem(self.list.row(item))
            return
        self.recalled.emit(cart)
        self.accept()


class PriceDialog(QDialog):
    """Sell a line at another price (a display piece, a small flaw).

    With staff accounts a supervisor approves the exact new price with a reason; on a stand
    without accounts the price simply changes, and so does an open-price line's (its price
    was typed, there is nothing to override).
    """

    def __init__(self, ctx: AppContext, model, row: int, parent=None):
        super().__init__(parent)
        self.setObjectName("priceDialog")
        ScanGuard.protect(self)  # a scanner never types into this dialog
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Change price"))
        self.ctx, self.model, self.row = ctx, model, row
        line = model.cart.lines[row]
        layout = QVBoxLayout(self)
        listed = line.list_price if line.list_price is not None else line.unit_price
        # An open-price line has no list price: its price was typed and is simply retyped.
        if line.open_price:
            caption = self.tr("%1 · open price %2")
        else:
            caption = self.tr("%1 · list price %2")
        layout.addWidget(
            QLabel(caption.replace("%1", line.name).replace("%2", format_rupiah(listed, ctx.lang)))
        )
        self.input = QLineEdit()
        self.input.setObjectName("priceInput")
        self.input.setPlaceholderText(self.tr("New price per item, e.g. 250.000"))
        layout.addWidget(self.input)
        from booth_pos.services import staff
        from booth_pos.ui.staff_dialogs import SupervisorBox

        needs = staff.staff_exist(ctx.store) and not line.open_price
        self.approval = SupervisorBox(ctx) if needs else None
        if self.approval is not None:
            layout.addWidget(self.approval)
        self.message = message_label("priceMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.input.setFocus()

    def apply(self) -> None:
        from booth_pos.services import approvals

        try:
            price = parse_rupiah(self.input.text())
        except MoneyError:
            set_message(self.message, self.tr("Type a price such as 250.000"), "error")
            return
        try:
            if self.approval is not None:
                supervisor, pin, reason = self.approval.values()
                approvals.approve_price_override(
                    self.ctx.store,
                    self.model.cart,
                    self.row,
                    price,
                    supervisor=supervisor,
                    pin=pin,
                    reason=reason,
                    clock=self.ctx.clock,
                )
            else:
                self.model.cart.set_unit_price(self.row, price)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            if self.approval is not None:
                self.approval.clear_pin()
            return
        self.model.changed()
        self.accept()


class ParkLabelDialog(QDialog):
    """Name the cart just parked (optional): the customer's name or "Ibu baju merah".

    The cart is already parked when this asks; Esc or an empty name keeps it unnamed.
    """

    def __init__(self, ctx: AppContext, cart_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName("parkLabelDialog")
        ScanGuard.protect(self)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Cart parked"))
        self.ctx, self.cart_id = ctx, cart_id
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who is it for? (optional, e.g. Ibu baju merah)")))
        self.input = QLineEdit()
        self.input.setObjectName("parkLabelInput")
        self.input.setMaxLength(60)
        layout.addWidget(self.input)
        self.message = message_label("parkLabelMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.input.setFocus()

    def save(self) -> None:
        label = self.input.text().strip()
        if label:
            try:
                selling.label_parked(self.ctx.store, self.cart_id, label)
            except KnownError as exc:
                set_message(self.message, error_text(exc, self.ctx.lang), "error")
                return
        self.accept()


class OpenPriceDialog(QDialog):
    """Sell goods without a label: pick the artisan, type a name (optional) and the price.

    The line goes into the sell page's cart through ``selling.add_open``; a refusal is said
    beside the field it is about and the cart stays as it was. A scanner firing into the
    dialog is refused by the scan guard: its digits never become the price and its Enter
    adds nothing.

    Signals:
        line_added(object): the ``CartLine`` just added to the cart.
    """

    line_added = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        model,
        parent=None,
        *,
        name: str = "",
        artisan: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("openPriceDialog")
        ScanGuard.protect(
            self,
            self.tr("Scan ignored: finish this open-price line first, then scan again"),
        )
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Open price: goods without a label"))
        self.setMinimumWidth(480)
        self.ctx, self.model = ctx, model
        self.form = OpenPriceForm(self, self._add)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        # Nothing chosen until the cashier picks (typing "ECO" picks ECO): whose money it is
        # is never a default.
        self.artisan = QComboBox()
        self.artisan.setObjectName("openArtisan")
        self.artisan.setPlaceholderText(self.tr("Choose the artisan (type its code)"))
        for a in products.artisans(ctx.store):
            if a.active:
                self.artisan.addItem(f"{a.code} · {a.name}", a.code)
        self.artisan.setCurrentIndex(self.artisan.findData(artisan) if artisan else -1)
        self.name = QLineEdit(name.strip()[: selling.MAX_OPEN_NAME])
        self.name.setObjectName("openName")
        self.name.setMaxLength(selling.MAX_OPEN_NAME)
        self.price = QLineEdit()
        self.price.setObjectName("openPrice")
        self.price.setPlaceholderText(self.tr("e.g. 150.000"))
        self.qty = QSpinBox()
        self.qty.setObjectName("openQty")
        self.qty.setRange(1, MAX_QTY)
        self.qty.setValue(1)
        self.field_messages: dict[Field, QLabel] = {}
        for field, label, widget in (
            (Field.ARTISAN, self.tr("Artisan"), self.artisan),
            (Field.NAME, self.tr("Name (optional)"), self.name),
            (Field.PRICE, self.tr("Price per item"), self.price),
            (Field.QTY, self.tr("Quantity"), self.qty),
        ):
            form.addRow(label, widget)
            note = message_label(f"open{field.value.capitalize()}Message")
            note.setVisible(False)
            form.addRow("", note)
            self.field_messages[field] = note
        self._update_name_hint()
        self.artisan.currentIndexChanged.connect(self._update_name_hint)
        layout.addLayout(form)
        self.message = message_label("openPriceDialogMessage")  # scans refused, a locked file
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setObjectName("openPriceAdd")
        self.ok_button.setText(self.tr("Add to cart"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not self.artisan.count():
            self.ok_button.setEnabled(False)
            self._show(self.field_messages[Field.ARTISAN], self.tr("No active artisan"))
        # The artisan first; when the caller already knows it, straight to the price.
        (self.price if self.artisan.currentIndex() >= 0 else self.artisan).setFocus()

    def _update_name_hint(self, _index: int = 0) -> None:
        """The name the line gets when none is typed, as the placeholder."""
        code = self.artisan.currentData()
        artisan = next((a for a in products.artisans(self.ctx.store) if a.code == code), None)
        if artisan is None:
            self.name.setPlaceholderText(self.tr("Empty: named after the artisan"))
            return
        lang = self.model.cart.lang or settings_service.current(self.ctx.store).receipt_lang
        self.name.setPlaceholderText(selling.open_price_name(artisan.name, lang))

    def _add(self, artisan: str, price: int, name: str, qty: int):
        return selling.add_open(self.ctx.store, self.model.cart, artisan, price, name, qty)

    def apply(self) -> None:
        self.form.submit(
            self.artisan.currentData() or "", self.name.text(), self.price.text(), self.qty.value()
        )

    # -- the presenter's view -----------------------------------------------------------------

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        set_message(label, text, "error" if text else "")
        label.setVisible(bool(text))

    def show_field_error(self, field, error: KnownError) -> None:
        self._show(self.field_messages[field], error_text(error, self.ctx.lang))
        widget = {"artisan": self.artisan, "name": self.name, "price": self.price}.get(
            field.value, self.qty
        )
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def show_error(self, error: KnownError) -> None:
        set_message(self.message, error_text(error, self.ctx.lang), "error")

    def clear_errors(self) -> None:
        for label in self.field_messages.values():
            self._show(label, "")
        set_message(self.message, "")

    def added(self, line) -> None:
        self.accept()
        self.line_added.emit(line)

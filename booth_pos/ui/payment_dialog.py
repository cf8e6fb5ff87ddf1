"""Take payment: any mix of cash, QRIS, card and transfer; commit the sale once covered."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from booth_pos.model import KnownError, Method, Payment, Sale, Tender, due_after, settle
from booth_pos.money import MoneyError, format_rupiah, parse_rupiah
from booth_pos.services import selling
from booth_pos.ui.context import AppContext
from booth_pos.ui.widgets import error_text, message_label, set_message


def quick_cash_amounts(due: int) -> list[int]:
    """Exact, then the next 50.000 and 100.000 note totals above what is due (no repeats)."""
    amounts = [due]
    for note in (50_000, 100_000):
        up = -(-due // note) * note
        if up == due:
            up += note
        if up not in amounts:
            amounts.append(up)
    return amounts


class PaymentDialog(QDialog):
    """Collects tenders for a cart and commits the sale when they cover the total.

    Typing an amount and choosing a method records a tender; an empty amount means "the
    rest". Only cash may exceed what is due. Esc before completion changes nothing.

    Signals:
        completed(object): the committed Sale (emitted once).
    """

    completed = Signal(object)

    def __init__(self, ctx: AppContext, cart, parent=None):
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self.setModal(True)
        self.resize(780, 600)
        self.ctx = ctx
        self.cart = cart
        self.total = cart.pricing().total
        self.tenders: list[Tender] = []
        self.payments: list[Payment] = []
        self.sale: Sale | None = None
        settings = ctx.store.settings()
        if not cart.lang:
            cart.lang = settings.receipt_lang

        layout = QVBoxLayout(self)
        head = QGridLayout()
        self.total_label = QLabel(format_rupiah(self.total, ctx.lang))
        self.total_label.setObjectName("paymentTotal")
        self.total_label.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.due_label.setStyleSheet("font-size: 20pt; font-weight: bold; color: #0d47a1;")
        head.addWidget(QLabel(self.tr("Total")), 0, 0)
        head.addWidget(self.total_label, 1, 0)
        self.due_caption = QLabel(self.tr("Still due"))
        head.addWidget(self.due_caption, 0, 1)
        head.addWidget(self.due_label, 1, 1)
        layout.addLayout(head)

        row = QHBoxLayout()
        self.amount_input = QLineEdit()
        self.amount_input.setObjectName("amountInput")
        self.amount_input.setPlaceholderText(self.tr("Amount (empty = the rest)"))
        self.amount_input.setStyleSheet("font-size: 20pt;")
        self.amount_input.returnPressed.connect(lambda: self.pay(Method.CASH))
        row.addWidget(self.amount_input, 2)
        self.reference_input = QLineEdit()
        self.reference_input.setObjectName("referenceInput")
        self.reference_input.setPlaceholderText(self.tr("Reference (QRIS, card, transfer)"))
        row.addWidget(self.reference_input, 1)
        layout.addLayout(row)

        methods = QHBoxLayout()
        self.method_buttons: dict[Method, QPushButton] = {}
        names = {
            Method.CASH: self.tr("Cash"),
            Method.QRIS: self.tr("QRIS"),
            Method.CARD: self.tr("Card (EDC)"),
            Method.TRANSFER: self.tr("Transfer"),
        }
        for method in Method:
            button = QPushButton(names[method])
            button.setObjectName(f"method_{method.value}")
            button.setMinimumHeight(56)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, m=method: self.pay(m))
            methods.addWidget(button)
            self.method_buttons[method] = button
        layout.addLayout(methods)

        self.quick_row = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        layout.addLayout(self.quick_row)

        self.message = message_label("paymentMessage")
        layout.addWidget(self.message)
        self.tender_list = QListWidget()
        self.tender_list.setObjectName("tenderList")
        self.tender_list.setMaximumHeight(110)
        layout.addWidget(self.tender_list)

        origin_row = QHBoxLayout()
        origin_row.addWidget(QLabel(self.tr("Customer from:")))
        self.origin_group = QButtonGroup(self)
        self.origin_group.setExclusive(False)
        for code in settings.origins:
            button = QPushButton(self._origin_name(code))
            button.setObjectName(f"origin_{code}")
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 36)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.NoFocus)
            button.clicked.connect(lambda checked, c=code: self._set_origin(c, checked))
            self.origin_group.addButton(button)
            origin_row.addWidget(button)
        origin_row.addStretch(1)
        origin_row.addWidget(QLabel(self.tr("Receipt:")))
        self.lang_buttons = {}
        for lang, text in (("id", "ID"), ("en", "EN")):
            button = QPushButton(text)
            button.setObjectName(f"receiptLang_{lang}")
            button.setMinimumWidth(56)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.NoFocus)
            button.clicked.connect(lambda _=False, lg=lang: self._set_lang(lg))
            origin_row.addWidget(button)
            self.lang_buttons[lang] = button
        layout.addLayout(origin_row)
        self._set_lang(cart.lang)

        frame = QFrame()
        frame.setObjectName("changeFrame")
        change_box = QVBoxLayout(frame)
        self.change_caption = QLabel(self.tr("Change"))
        self.change_label = QLabel("")
        self.change_label.setObjectName("changeLabel")
        self.change_label.setAlignment(Qt.AlignCenter)
        self.change_label.setStyleSheet("font-size: 40pt; font-weight: bold; color: #1b5e20;")
        change_box.addWidget(self.change_caption, alignment=Qt.AlignCenter)
        change_box.addWidget(self.change_label)
        layout.addWidget(frame)

        bottom = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Back (Esc)"))
        self.cancel_button.setObjectName("cancelPayment")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button = QPushButton(self.tr("Done (Enter)"))
        self.done_button.setObjectName("doneButton")
        self.done_button.setMinimumHeight(56)
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.accept)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(1)
        bottom.addWidget(self.done_button)
        layout.addLayout(bottom)

        self._refresh()
        self.amount_input.setFocus()

    # -- labels -----------------------------------------------------------------------------

    def _origin_name(self, code: str) -> str:
        names = {
            "ID": self.tr("Indonesia"),
            "KR": self.tr("Korea"),
            "FR": self.tr("France"),
            "IN": self.tr("India"),
            "OTHER": self.tr("Other"),
        }
        return names.get(code, code)

    def _method_name(self, method: Method) -> str:
        return self.method_buttons[method].text()

    def _set_origin(self, code: str, checked: bool) -> None:
        for button in self.origin_group.buttons():
            if button.objectName() != f"origin_{code}":
                button.setChecked(False)
        self.cart.origin = code if checked else ""
        if checked and code != "ID":
            self._set_lang("en")  # a tourist reads the English receipt
        elif checked:
            self._set_lang("id")

    def _set_lang(self, lang: str) -> None:
        self.cart.lang = lang
        for key, button in self.lang_buttons.items():
            button.setChecked(key == lang)

    @property
    def due(self) -> int:
        return due_after(self.total, self.payments)

    def _refresh(self) -> None:
        lang = self.ctx.lang
        self.due_label.setText(format_rupiah(self.due, lang))
        self.tender_list.clear()
        for p in self.payments:
            text = f"{self._method_name(p.method)}: {format_rupiah(p.amount, lang)}"
            if p.change:
                text += "  " + self.tr("(tendered %1)").replace(
                    "%1", format_rupiah(p.tendered, lang)
                )
            if p.reference:
                text += f"  · {p.reference}"
            self.tender_list.addItem(text)
        for button in self.quick_buttons:
            self.quick_row.removeWidget(button)
            button.hide()  # deleteLater waits for the event loop; never leave it floating
            button.deleteLater()
        self.quick_buttons = []
        if self.sale is None and self.due > 0:
            for i, amount in enumerate(quick_cash_amounts(self.due)):
                label = self.tr("Exact") if i == 0 else format_rupiah(amount, lang)
                button = QPushButton(label)
                button.setObjectName(f"quickCash{i}")
                button.setAutoDefault(False)
                button.setMinimumHeight(44)
                button.clicked.connect(lambda _=False, a=amount: self._quick_cash(a))
                self.quick_row.addWidget(button)
                self.quick_buttons.append(button)

    # -- actions ----------------------------------------------------------------------------

    def _quick_cash(self, amount: int) -> None:
        self.amount_input.setText(str(amount))
        self.pay(Method.CASH)

    def pay(self, method: Method) -> None:
        """Record one tender of ``method`` with the typed amount (empty = the rest)."""
        if self.sale is not None:  # a second click after completion: nothing more to do
            return
        text = self.amount_input.text().strip()
        try:
            amount = parse_rupiah(text) if text else None
        except MoneyError:
            set_message(
                self.message,
                self.tr("Not an amount: %1").replace("%1", text),
                "error",
            )
            self.amount_input.selectAll()
            return
        reference = "" if method is Method.CASH else self.reference_input.text()
        tenders = [*self.tenders, Tender(method, amount, reference)]
        try:
            payments = settle(self.total, tenders)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            self.amount_input.selectAll()
            return
        self.tenders, self.payments = tenders, payments
        self.amount_input.clear()
        self.reference_input.clear()
        set_message(self.message, "")
        if self.due == 0:
            self._complete()
        self._refresh()
        if self.sale is None:
            self.amount_input.setFocus()

    def _complete(self) -> None:
        try:
            sale = selling.complete(self.ctx.store, self.cart, self.tenders, self.ctx.clock)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            self.tenders, self.payments = [], []
            return
        self.sale = sale
        self.change_label.setText(format_rupiah(sale.change, self.ctx.lang))
        self.change_caption.setText(self.tr("Change — receipt %1").replace("%1", sale.receipt_no))
        for button in (*self.method_buttons.values(), self.cancel_button):
            button.setEnabled(False)
        for button in self.origin_group.buttons():
            button.setEnabled(False)
        self.amount_input.setEnabled(False)
        self.reference_input.setEnabled(False)
        self.done_button.setEnabled(True)
        self.done_button.setDefault(True)
        self.done_button.setFocus()
        self.completed.emit(sale)

    def keyPressEvent(self, event):  # noqa: N802 - Qt API
        if self.sale is not None and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        # After the sale is committed, Esc must not pretend to undo it: it just closes.
        if self.sale is not None:
            self.accept()
            return
        super().reject()

"""Take payment: any mix of cash, QRIS, card and transfer; commit on an explicit confirm."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from booth_pos.model import KnownError, Method, Payment, Sale
from booth_pos.money import format_rupiah
from booth_pos.services import selling
from booth_pos.services import settings as settings_service
from booth_pos.ui.context import AppContext
from booth_pos.ui.presenters.checkout import CheckoutPresenter
from booth_pos.ui.scan_guard import ScanGuard
from booth_pos.ui.widgets import error_text, message_label, set_message


class PaymentDialog(QDialog):
    """Collects tenders for a cart; the sale is committed only when the cashier confirms.

    Typing an amount and choosing a method (or Enter in the amount field: cash) records a
    tender; an empty amount means "the rest". Only cash may exceed what is due. A tender is
    removed by selecting it and pressing Delete (or the remove button). Once the tenders
    cover the total the summary shows each tender, the total and the change, and the sale
    is committed by the confirm button, Enter on it, or F12. A scanner's burst is refused
    (``ScanGuard``). Esc before the confirm changes nothing. The rules live in
    ``CheckoutPresenter``; this dialog is its view.

    Signals:
        completed(object): the committed Sale (emitted once).
        qris_pending(int): the amount of the QRIS tender waiting for the customer's phone
            (the customer display shows the code), 0 when none is.
    """

    completed = Signal(object)
    qris_pending = Signal(int)
    origin_changed = Signal(str)  # the customer's origin: the display's second total follows
    slip_printed = Signal(str)  # from the printing thread
    slip_failed = Signal(object)

    def __init__(self, ctx: AppContext, cart, parent=None):
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self.setModal(True)
        self.resize(780, 600)
        self.ctx = ctx
        self.cart = cart
        self.total = cart.pricing().total
        self.presenter = CheckoutPresenter(self, self.total, self._commit)
        self.quick_buttons: list[QPushButton] = []
        settings = settings_service.current(ctx.store)
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
        # Enter here records a cash tender and is consumed (see eventFilter): it must never
        # travel on to confirm the sale.
        self.amount_input.installEventFilter(self)
        row.addWidget(self.amount_input, 2)
        self.reference_input = QLineEdit()
        self.reference_input.setObjectName("referenceInput")
        self.reference_input.setPlaceholderText(self.tr("Reference (QRIS, card, transfer)"))
        row.addWidget(self.reference_input, 1)
        layout.addLayout(row)
        self.message = message_label("paymentMessage")  # beside the amount it is about
        layout.addWidget(self.message)

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
        layout.addLayout(self.quick_row)

        tenders_row = QHBoxLayout()
        self.tender_list = QListWidget()
        self.tender_list.setObjectName("tenderList")
        self.tender_list.setMaximumHeight(110)
        font = self.tender_list.font()
        font.setPointSize(13)  # read at arm's length before the confirm, like the summary
        self.tender_list.setFont(font)
        self.tender_list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tender_list.installEventFilter(self)  # Delete removes the selected tender
        tenders_row.addWidget(self.tender_list, 1)
        self.remove_tender_button = QPushButton(self.tr("Remove tender (Del)"))
        self.remove_tender_button.setObjectName("removeTenderButton")
        self.remove_tender_button.setAutoDefault(False)
        self.remove_tender_button.setEnabled(False)
        self.remove_tender_button.clicked.connect(self.remove_tender)
        self.tender_list.itemSelectionChanged.connect(
            lambda: self.remove_tender_button.setEnabled(
                self.sale is None and bool(self.tender_list.selectedItems())
            )
        )
        tenders_row.addWidget(self.remove_tender_button)
        # No customer screen: the QRIS with the amount on the receipt printer, to scan.
        self.qris_slip_button = QPushButton(self.tr("Print QRIS slip"))
        self.qris_slip_button.setObjectName("qrisSlipButton")
        self.qris_slip_button.setAutoDefault(False)
        self.qris_slip_button.setEnabled(False)
        self.qris_slip_button.clicked.connect(self.print_qris_slip)
        tenders_row.addWidget(self.qris_slip_button)
        self.qris_amount = 0
        layout.addLayout(tenders_row)

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
            button.setChecked(code == cart.origin)  # a recalled cart keeps its origin
            self.origin_group.addButton(button)
            origin_row.addWidget(button)
        if cart.origin not in settings.origins:  # no longer one of the stand's codes
            cart.origin = ""  # what the buttons show is what the sale records
        origin_row.addStretch(1)
        origin_row.addWidget(QLabel(self.tr("Receipt:")))
        self.lang_buttons = {}
        for lang, text in (("id", "ID"), ("en", "EN"), ("ko", "KO"), ("fr", "FR")):
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
        # The reference total in the customer's currency (the origin's; rates in Settings),
        # stored with the sale and printed as "reference only, not a charge".
        self.reference_label = QLabel()
        self.reference_label.setObjectName("paymentReference")
        self.reference_label.setStyleSheet("font-size: 13pt; color: #52606d;")
        layout.addWidget(self.reference_label)
        self._set_lang(cart.lang)
        self._show_reference()

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
        self.summary_label = QLabel("")
        self.summary_label.setObjectName("paymentSummary")
        self.summary_label.setAlignment(Qt.AlignCenter)
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 13pt;")
        change_box.addWidget(self.summary_label)
        layout.addWidget(frame)

        bottom = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Back (Esc)"))
        self.cancel_button.setObjectName("cancelPayment")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(self.tr("Confirm sale (Enter / F12)"))
        self.confirm_button.setObjectName("confirmSaleButton")
        self.confirm_button.setMinimumHeight(56)
        self.confirm_button.setEnabled(False)
        self.confirm_button.setAutoDefault(False)  # Enter is handled in keyPressEvent
        self.confirm_button.setStyleSheet(
            "QPushButton:enabled { font-size: 16pt; font-weight: bold; background: #2e7d32;"
            " color: white; }"
        )
        self.confirm_button.clicked.connect(self.confirm)
        self.done_button = QPushButton(self.tr("Done (Enter)"))
        self.done_button.setObjectName("doneButton")
        self.done_button.setMinimumHeight(56)
        self.done_button.setEnabled(False)
        self.done_button.setAutoDefault(False)
        self.done_button.clicked.connect(self.accept)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(1)
        bottom.addWidget(self.confirm_button)
        bottom.addWidget(self.done_button)
        layout.addLayout(bottom)

        self.big_change_box: QMessageBox | None = None
        ScanGuard.protect(self, self.tr("Scan ignored: finish the payment first"))

        self.slip_printed.connect(
            lambda where: set_message(
                self.message, self.tr("QRIS slip printed: %1").replace("%1", where)
            )
        )
        self.slip_failed.connect(self.show_error)
        self.presenter.start()
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
        # The service's rule (the same as `sell --origin`); the buttons only offer its codes.
        settings = self.ctx.store.settings()
        self.cart.origin = selling.check_origin(settings, code if checked else "")
        if checked:  # KR reads Korean, FR French, other tourists English, ID Indonesian
            self._set_lang(selling.customer_lang(settings, code))
        self._show_reference()
        self.origin_changed.emit(self.cart.origin)

    def _show_reference(self) -> None:
        from booth_pos.money import format_foreign

        shown = selling.customer_reference(
            self.ctx.store.settings(), self.cart.origin, self.total
        )
        if not shown:
            self.reference_label.setText("")
            return
        amount = format_foreign(shown.amount, shown.currency, self.ctx.lang)
        self.reference_label.setText(
            self.tr("≈ %1 (rate %2; reference only, not a charge)")
            .replace("%1", amount)
            .replace("%2", shown.rate)
        )

    def _set_lang(self, lang: str) -> None:
        self.cart.lang = lang
        for key, button in self.lang_buttons.items():
            button.setChecked(key == lang)

    @property
    def sale(self) -> Sale | None:
        """The committed sale, once the tenders covered the total."""
        return self.presenter.sale

    @property
    def due(self) -> int:
        return self.presenter.due

    # -- actions (forwarded to the presenter) ----------------------------------------------

    def pay(self, method: Method) -> None:
        """Record one tender of ``method`` with the typed amount (empty = the rest)."""
        self.presenter.tender(method, self.amount_input.text(), self.reference_input.text())

    def confirm(self) -> None:
        """Commit the sale, if the tenders cover it (the presenter decides)."""
        self.presenter.confirm()

    def f12(self) -> None:
        """F12 again: confirm the sale (or close once it is committed). The sell page's F12
        shortcut forwards here while the dialog is open; alone, keyPressEvent does."""
        if self.sale is not None:
            self.accept()
        else:
            self.confirm()

    def remove_tender(self) -> None:
        """Take back the selected tender."""
        row = self.tender_list.currentRow()
        if self.tender_list.selectedItems() and row >= 0:
            self.presenter.remove_tender(row)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() != QEvent.KeyPress:
            return super().eventFilter(obj, event)
        key = event.key()
        if obj is self.amount_input and key in (Qt.Key_Return, Qt.Key_Enter):
            self.pay(Method.CASH)
            return True
        if obj is getattr(self, "tender_list", None) and key in (Qt.Key_Delete, Qt.Key_Backspace):
            self.remove_tender()
            return True
        return super().eventFilter(obj, event)

    def _commit(self, tenders) -> Sale:
        return selling.complete(self.ctx.store, self.cart, tenders, self.ctx.clock)

    # -- the view API the presenter calls --------------------------------------------------

    def show_due(self, due: int) -> None:
        self.due_label.setText(format_rupiah(due, self.ctx.lang))

    def show_tenders(self, payments: list[Payment]) -> None:
        lang = self.ctx.lang
        self.tender_list.clear()
        for p in payments:
            text = f"{self._method_name(p.method)}: {format_rupiah(p.amount, lang)}"
            if p.change:
                text += "  " + self.tr("(tendered %1)").replace(
                    "%1", format_rupiah(p.tendered, lang)
                )
            if p.reference:
                text += f"  · {p.reference}"
            self.tender_list.addItem(text)
        qris = [p.amount for p in payments if Method(p.method) is Method.QRIS]
        self.qris_amount = qris[-1] if qris and self.sale is None else 0
        self.qris_slip_button.setEnabled(bool(self.qris_amount))
        self.qris_pending.emit(self.qris_amount)

    def print_qris_slip(self) -> None:
        """Print the QRIS with the pending tender's amount (before the payment: nothing is
        recorded), in the background; the outcome shows beside the amount."""
        from booth_pos import printing
        from booth_pos.printing.qr_slip import print_slip
        from booth_pos.services import qris as qris_service

        amount = self.qris_amount
        if not amount:
            return
        settings = settings_service.current(self.ctx.store)
        try:
            payload = qris_service.payload_for(settings, amount)
        except KnownError as exc:
            self.show_error(exc)
            return
        db_path = settings_service.data_path(self.ctx.store)
        self.slip_job = printing.run_in_background(
            lambda: print_slip(payload, amount, settings, db_path=db_path),
            on_done=lambda where: self.slip_printed.emit(str(where)),
            on_error=lambda exc: self.slip_failed.emit(exc),
        )

    def show_pending_change(self, change: int | None) -> None:
        lang = self.ctx.lang
        if change is None:
            self.change_caption.setText(self.tr("Change"))
            self.change_label.setText("")
            self.summary_label.setText("")
            return
        self.change_caption.setText(self.tr("Change to give"))
        self.change_label.setText(format_rupiah(change, lang))
        methods = []
        for p in self.presenter.payments:
            name = self._method_name(p.method)
            if name not in methods:
                methods.append(name)
        self.summary_label.setText(
            self.tr("Total %1 · to be recorded as: %2 · press Confirm (Enter / F12)")
            .replace("%1", format_rupiah(self.total, lang))
            .replace("%2", ", ".join(methods))
        )

    def ask_big_change(self, change: int) -> None:
        box = QMessageBox(
            QMessageBox.Question,
            self.tr("Large change"),
            self.tr("Give %1 change? Check the cash the customer handed over.").replace(
                "%1", format_rupiah(change, self.ctx.lang)
            ),
            QMessageBox.Yes | QMessageBox.No,
            self,
        )
        box.setObjectName("bigChangeBox")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setDefaultButton(QMessageBox.No)  # a reflexive second Enter does not sell
        ScanGuard.protect(box, self.tr("Scan ignored: finish the payment first"))
        box.finished.connect(self._big_change_answer)
        self.big_change_box = box
        box.open()  # never exec(): the queue and the tests keep moving

    def _big_change_answer(self, result: int) -> None:
        self.big_change_box = None
        if result == QMessageBox.Yes:
            self.presenter.confirm_big_change()
        elif self.sale is None:
            self.confirm_button.setFocus()

    def show_quick_cash(self, amounts: list[int]) -> None:
        for button in self.quick_buttons:
            self.quick_row.removeWidget(button)
            button.hide()  # deleteLater waits for the event loop; never leave it floating
            button.deleteLater()
        self.quick_buttons = []
        for i, amount in enumerate(amounts):
            label = self.tr("Exact") if i == 0 else format_rupiah(amount, self.ctx.lang)
            button = QPushButton(label)
            button.setObjectName(f"quickCash{i}")
            button.setAutoDefault(False)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, a=amount: self._quick_cash(a))
            self.quick_row.addWidget(button)
            self.quick_buttons.append(button)

    def _quick_cash(self, amount: int) -> None:
        self.amount_input.setText(str(amount))
        self.presenter.quick_cash(amount)

    def show_error(self, error: KnownError) -> None:
        set_message(self.message, error_text(error, self.ctx.lang), "error")
        self.amount_input.selectAll()

    def show_bad_amount(self, text: str) -> None:
        set_message(self.message, self.tr("Not an amount: %1").replace("%1", text), "error")
        self.amount_input.selectAll()

    def clear_error(self) -> None:
        set_message(self.message, "")

    def clear_inputs(self) -> None:
        self.amount_input.clear()
        self.reference_input.clear()

    def focus_amount(self) -> None:
        self.amount_input.setFocus()

    def show_change(self, sale: Sale) -> None:
        self.change_label.setText(format_rupiah(sale.change, self.ctx.lang))
        self.change_caption.setText(self.tr("Change — receipt %1").replace("%1", sale.receipt_no))
        self.summary_label.setText("")
        for button in (
            *self.method_buttons.values(),
            self.cancel_button,
            self.confirm_button,
            self.remove_tender_button,
            self.qris_slip_button,
        ):
            button.setEnabled(False)
        for button in self.origin_group.buttons():
            button.setEnabled(False)
        self.amount_input.setEnabled(False)
        self.reference_input.setEnabled(False)
        self.done_button.setEnabled(True)
        self.done_button.setFocus()
        self.completed.emit(sale)

    def enable_confirm(self, enabled: bool) -> None:
        self.confirm_button.setEnabled(enabled)
        if enabled:
            self.confirm_button.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 - Qt API
        # Enter commits only from the confirm button; never as a dialog default (the
        # amount field's Enter records a cash tender and must not also confirm).
        if event.key() == Qt.Key_F12:
            self.f12()
            event.accept()
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            if self.sale is not None:
                self.accept()
            elif self.focusWidget() is self.confirm_button and self.confirm_button.isEnabled():
                self.confirm()
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        # After the sale is committed, Esc must not pretend to undo it: it just closes.
        if self.sale is not None:
            self.accept()
            return
        super().reject()

"""Voids and refunds from Sales history: new records approved by a supervisor, never edits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from booth_pos.model import KnownError, Method
from booth_pos.money import format_rupiah
from booth_pos.services import corrections
from booth_pos.ui.context import AppContext
from booth_pos.ui.scan_guard import ScanGuard
from booth_pos.ui.staff_dialogs import SupervisorBox
from booth_pos.ui.widgets import error_text, message_label, set_message


class _CorrectionDialog(QDialog):
    """Shared frame: a summary, the body, the supervisor's approval, a message, buttons.

    Signals:
        done(object): the committed Correction.
    """

    done = Signal(object)

    def __init__(self, ctx: AppContext, refundable, title: str, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        ScanGuard.protect(self)  # a scanner never types a PIN or a quantity here
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.resize(640, 480)
        self.ctx = ctx
        self.refundable = refundable
        self.layout_ = QVBoxLayout(self)
        sale = refundable.sale
        head = QLabel(f"<b>{sale.receipt_no}</b> · {format_rupiah(sale.total, ctx.lang)}")
        self.layout_.addWidget(head)

    def finish_layout(self, ok_text: str) -> None:
        self.approval = SupervisorBox(self.ctx)
        self.layout_.addWidget(self.approval)
        self.message = message_label("correctionMessage")
        self.layout_.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("confirmCorrection")
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)

    def run(self, action) -> None:
        supervisor, pin, reason = self.approval.values()
        try:
            correction = action(supervisor, pin, reason)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            self.approval.clear_pin()
            return
        self.done.emit(correction)
        self.accept()


class VoidDialog(_CorrectionDialog):
    """Void a sale of the open day: every unit back, every payment paid back."""

    def __init__(self, ctx: AppContext, refundable, parent=None):
        super().__init__(ctx, refundable, self.tr("Void sale"), "voidDialog", parent)
        note = QLabel(
            self.tr(
                "The whole sale is cancelled: the goods go back to stock and the money back by "
                "the way it was paid."
            )
        )
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.finish_layout(self.tr("Void"))

    def commit(self) -> None:
        self.run(
            lambda supervisor, pin, reason: corrections.void(
                self.ctx.store,
                self.refundable.sale.receipt_no,
                reason=reason,
                supervisor=supervisor,
                pin=pin,
                clock=self.ctx.clock,
                cashier=self.ctx.cashier,
            )
        )


class RefundDialog(_CorrectionDialog):
    """Refund some or all remaining units; the money shown is exactly what goes back."""

    def __init__(self, ctx: AppContext, refundable, parent=None):
        super().__init__(ctx, refundable, self.tr("Refund"), "refundDialog", parent)
        self.table = QTableWidget(len(refundable.lines), 4)
        self.table.setObjectName("refundLines")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Sold"), self.tr("Can return"), self.tr("Return")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.spins: dict[int, QSpinBox] = {}
        for row, state in enumerate(refundable.lines):
            self.table.setItem(row, 0, QTableWidgetItem(state.line.name))
            self.table.setItem(row, 1, QTableWidgetItem(str(state.line.qty)))
            self.table.setItem(row, 2, QTableWidgetItem(str(state.remaining)))
            spin = QSpinBox()
            spin.setObjectName(f"refundQty{state.line.line_no}")
            spin.setRange(0, state.remaining)
            spin.valueChanged.connect(self._quote)
            self.table.setCellWidget(row, 3, spin)
            self.spins[state.line.line_no] = spin
        self.layout_.addWidget(self.table)
        row = QHBoxLayout()
        all_button = QPushButton(self.tr("Everything left"))
        all_button.setObjectName("refundAll")
        all_button.clicked.connect(self.select_all)
        row.addWidget(all_button)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Money back by")))
        self.method = QComboBox()
        self.method.setObjectName("refundMethod")
        for method, text in (
            (Method.CASH, self.tr("Cash")),
            (Method.QRIS, self.tr("QRIS")),
            (Method.CARD, self.tr("Card (EDC)")),
            (Method.TRANSFER, self.tr("Transfer")),
        ):
            self.method.addItem(text, method.value)
        row.addWidget(self.method)
        self.layout_.addLayout(row)
        form = QFormLayout()
        self.amount = QLabel()
        self.amount.setObjectName("refundAmount")
        self.amount.setStyleSheet("font-size: 16pt; font-weight: bold;")
        form.addRow(self.tr("Money back"), self.amount)
        self.layout_.addLayout(form)
        self.finish_layout(self.tr("Refund"))
        self._quote()

    def select_all(self) -> None:
        for spin in self.spins.values():
            spin.setValue(spin.maximum())

    def chosen(self) -> dict[int, int]:
        return {no: spin.value() for no, spin in self.spins.items() if spin.value()}

    def _quote(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self.amount.setText(format_rupiah(0, self.ctx.lang))
            return
        try:
            lines = corrections.quote_refund(
                self.ctx.store, self.refundable.sale.receipt_no, lines=chosen
            )
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self.amount.setText(format_rupiah(sum(ln.amount for ln in lines), self.ctx.lang))

    def commit(self) -> None:
        chosen = self.chosen()
        if not chosen:
            set_message(self.message, self.tr("Choose how many of which item come back"), "error")
            return
        self.run(
            lambda supervisor, pin, reason: corrections.refund(
                self.ctx.store,
                self.refundable.sale.receipt_no,
                lines=chosen,
                method=self.method.currentData(),
                reason=reason,
                supervisor=supervisor,
                pin=pin,
                clock=self.ctx.clock,
                cashier=self.ctx.cashier,
            )
        )

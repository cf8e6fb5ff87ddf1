"""Sales history: find a sale by scanning its receipt barcode, see it, reprint it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from booth_pos.clock import from_iso, local
from booth_pos.model import KnownError
from booth_pos.money import format_rupiah
from booth_pos.services import corrections, selling
from booth_pos.services import settings as settings_service
from booth_pos.ui.context import AppContext
from booth_pos.ui.table_model import Column, RowsModel
from booth_pos.ui.widgets import error_text, message_label, set_message


class HistoryPage(QWidget):
    """Recent sales; Enter in the search field (a scanned receipt) opens that sale.

    Signals:
        reprint_requested(object): the Sale to print again.
    """

    reprint_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("historyPage")
        self.ctx = ctx
        self.sale = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Sales history"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(title)
        self.search_input = QLineEdit()
        self.search_input.setObjectName("receiptSearch")
        self.search_input.setPlaceholderText(self.tr("Scan the receipt barcode or type its number"))
        self.search_input.returnPressed.connect(self.find)
        top.addWidget(self.search_input, 1)
        layout.addLayout(top)
        self.message = message_label("historyMessage")
        layout.addWidget(self.message)

        tz = settings_service.current(ctx.store).timezone
        lang = ctx.lang
        self.model = RowsModel(
            [
                Column(self.tr("Receipt"), lambda r: r[0]),
                Column(
                    self.tr("Time"), lambda r: local(from_iso(r[1]), tz).strftime("%Y-%m-%d %H:%M")
                ),
                Column(self.tr("Cashier"), lambda r: r[2]),
                Column(self.tr("Items"), lambda r: r[3], True),
                Column(self.tr("Total"), lambda r: format_rupiah(r[4], lang), True),
            ],
            self,
        )
        splitter = QSplitter(Qt.Horizontal)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        splitter.addWidget(self.table)
        right = QWidget()
        right_box = QVBoxLayout(right)
        self.detail = QTextEdit()
        self.detail.setObjectName("saleDetail")
        self.detail.setReadOnly(True)
        right_box.addWidget(self.detail)
        self.reprint_button = QPushButton(self.tr("Reprint receipt"))
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self._reprint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.refund_button.setObjectName("refundButton")
        self.refund_button.setEnabled(False)
        self.refund_button.clicked.connect(self.refund)
        buttons.addWidget(self.refund_button)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setObjectName("voidButton")
        self.void_button.setEnabled(False)
        self.void_button.clicked.connect(self.void)
        buttons.addWidget(self.void_button)
        right_box.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        ctx.bus.sale_committed.connect(lambda _s: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.set_rows(selling.recent_sales(self.ctx.store, limit=500))
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        self.search_input.setFocus()

    def find(self) -> None:
        text = self.search_input.text().strip()
        self.search_input.clear()
        if not text:
            return
        try:
            sale = selling.find_sale(self.ctx.store, text.upper())
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        if sale is None:
            set_message(
                self.message, self.tr("No sale with receipt %1").replace("%1", text), "error"
            )
            return
        set_message(self.message, "")
        self.show_sale(sale)
        for row, r in enumerate(self.model.rows):
            if r[0] == sale.receipt_no:
                self.table.selectRow(row)
                break

    def _row_chosen(self, current, _previous) -> None:
        if current.isValid():
            try:
                sale = selling.find_sale(self.ctx.store, self.model.rows[current.row()][0])
            except KnownError as exc:
                set_message(self.message, error_text(exc, self.ctx.lang), "error")
                return
            if sale:
                self.show_sale(sale)

    def show_sale(self, sale) -> None:
        self.sale = sale
        lang = self.ctx.lang
        tz = settings_service.current(self.ctx.store).timezone
        when = local(sale.created_at, tz).strftime("%Y-%m-%d %H:%M")
        lines = [
            f"<h2>{sale.receipt_no}</h2><p>{when} · {escape(sale.cashier)}</p><table width='100%'>"
        ]
        for ln in sale.lines:
            disc = ""
            if ln.line_discount or ln.sale_discount_share:
                disc = f" (−{format_rupiah(ln.line_discount + ln.sale_discount_share, lang)})"
            lines.append(
                f"<tr><td>{ln.qty} × {escape(ln.name)} "
                f"<small>{escape(ln.artisan_code)}</small>{disc}</td>"
                f"<td align='right'>{format_rupiah(ln.net, lang)}</td></tr>"
            )
        lines.append(
            f"<tr><td><b>{self.tr('Total')}</b></td>"
            f"<td align='right'><b>{format_rupiah(sale.total, lang)}</b></td></tr>"
        )
        for p in sale.payments:
            ref = f" · {escape(p.reference)}" if p.reference else ""
            lines.append(
                f"<tr><td>{self._method_name(p.method.value)}{ref}</td>"
                f"<td align='right'>{format_rupiah(p.tendered, lang)}</td></tr>"
            )
        if sale.change:
            lines.append(
                f"<tr><td>{self.tr('Change')}</td>"
                f"<td align='right'>{format_rupiah(sale.change, lang)}</td></tr>"
            )
        lines.append("</table>")
        state = corrections.refundable(self.ctx.store, sale.receipt_no)
        for c in state.corrections:
            kind = self.tr("Void") if c.kind == "void" else self.tr("Refund")
            lines.append(
                f"<p style='color:#c62828'>{kind} {c.number} · −{format_rupiah(c.amount, lang)}"
                f" · {escape(c.supervisor)} · {escape(c.reason)}</p>"
            )
        self.detail.setHtml("".join(lines))
        self.reprint_button.setEnabled(True)
        self.refund_button.setEnabled(state.remaining > 0)
        self.void_button.setEnabled(state.voidable)
        self.void_button.setToolTip(
            state.why_not_void.text(lang) if state.why_not_void is not None else ""
        )

    def _method_name(self, method: str) -> str:
        return {
            "cash": self.tr("Cash"),
            "qris": self.tr("QRIS"),
            "card": self.tr("Card (EDC)"),
            "transfer": self.tr("Transfer"),
        }.get(method, method)

    def _correct(self, dialog_class) -> None:
        if self.sale is None:
            return
        try:
            state = corrections.refundable(self.ctx.store, self.sale.receipt_no)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        dialog = dialog_class(self.ctx, state, self)
        dialog.done.connect(self._corrected)
        dialog.open()

    def refund(self) -> None:
        from booth_pos.ui.correction_dialogs import RefundDialog

        self._correct(RefundDialog)

    def void(self) -> None:
        from booth_pos.ui.correction_dialogs import VoidDialog

        self._correct(VoidDialog)

    def _corrected(self, correction) -> None:
        self.ctx.bus.correction_committed.emit(correction)
        set_message(
            self.message,
            self.tr("%1 done: %2 back")
            .replace("%1", correction.number)
            .replace("%2", format_rupiah(correction.amount, self.ctx.lang)),
        )
        try:
            sale = selling.find_sale(self.ctx.store, correction.receipt_no)
        except KnownError:  # the correction is committed; the detail refreshes next time
            return
        if sale is not None:
            self.show_sale(sale)

    def _reprint(self) -> None:
        if self.sale is not None:
            self.reprint_requested.emit(self.sale)
            self.ctx.bus.message.emit(self.tr("Reprinting %1").replace("%1", self.sale.receipt_no))

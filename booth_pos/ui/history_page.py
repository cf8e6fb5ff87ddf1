"""Sales history: find a sale by scanning its receipt barcode, see it, reprint it.

The list shows per sale how it was paid and what became of it (voided, refunded partly or
fully, with the refund numbers). Its columns carry stable keys (``table_model.COLUMN_KEY_ROLE``)
so tools find them in any language: ``HISTORY_STATUS`` ("historyStatus") is the status
column, ``HISTORY_METHODS`` ("historyMethods") the payment methods.
"""

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

from booth_pos.clock import local
from booth_pos.model import KnownError
from booth_pos.money import format_number, format_rupiah
from booth_pos.services import corrections, selling
from booth_pos.services import settings as settings_service
from booth_pos.ui.context import AppContext
from booth_pos.ui.table_model import Column, RowsModel
from booth_pos.ui.widgets import count_text, error_text, message_label, set_message

#: Key of the sales history's status column (voided / refunded, with the refund numbers).
HISTORY_STATUS = "historyStatus"
#: Key of the column with the payment methods of each sale.
HISTORY_METHODS = "historyMethods"
#: Sales the list shows, newest first (a scanned receipt finds any older one).
HISTORY_LIMIT = 500


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
        self._dirty = True
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
                Column(self.tr("Receipt"), lambda e: e.sale.receipt_no),
                Column(
                    self.tr("Time"),
                    lambda e: local(e.sale.created_at, tz).strftime("%Y-%m-%d %H:%M"),
                ),
                Column(self.tr("Cashier"), lambda e: e.sale.cashier or "—"),
                Column(self.tr("Items"), lambda e: e.sale.items, True),
                Column(self.tr("Total"), lambda e: format_rupiah(e.sale.total, lang), True),
                Column(
                    self.tr("Paid by"),
                    lambda e: ", ".join(self._method_name(m.value) for m in e.methods),
                    key=HISTORY_METHODS,
                ),
                Column(self.tr("Status"), self.status_text, key=HISTORY_STATUS),
            ],
            self,
        )
        # The list on top across the page's width (the status column must be readable on a
        # 1366 px laptop), the chosen sale under it.
        splitter = QSplitter(Qt.Vertical)
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
        right_box = QHBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextEdit()
        self.detail.setObjectName("saleDetail")
        self.detail.setReadOnly(True)
        right_box.addWidget(self.detail)
        self.reprint_button = QPushButton(self.tr("Reprint receipt"))
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self._reprint)
        buttons = QVBoxLayout()
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
        buttons.addStretch(1)
        right_box.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        ctx.bus.sale_committed.connect(self._changed)
        ctx.bus.correction_committed.connect(self._changed)
        self.refresh()

    def _changed(self, *_args) -> None:
        # Reading the list costs tens of milliseconds: never after each sale at the till
        # while the page is hidden, only when it is shown again.
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def refresh(self) -> None:
        self._dirty = False
        try:
            self.model.set_rows(corrections.sale_history(self.ctx.store, limit=HISTORY_LIMIT))
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()
        self.search_input.setFocus()

    def status_text(self, entry: corrections.HistoryEntry) -> str:
        """What became of a sale: "" when kept, else voided or refunded with the numbers."""
        status = entry.status
        if status is corrections.SaleStatus.KEPT:
            return ""
        lang = self.ctx.lang
        numbers = ", ".join(c.number for c in entry.corrections)
        back = "−" + format_rupiah(entry.returned_amount, lang)
        if status is corrections.SaleStatus.VOIDED:
            text = self.tr("Voided %1 · %2")
        elif status is corrections.SaleStatus.REFUNDED:
            text = self.tr("Refunded fully %1 · %2")
        else:
            # Partly refunded: the sale had at least two units, so the plural always fits.
            items = (
                self.tr("%1 of %2 items")
                .replace("%1", format_number(entry.returned_items, lang))
                .replace("%2", format_number(entry.sale.items, lang))
            )
            return (
                self.tr("Refunded partly %1 · %2 · %3")
                .replace("%1", numbers)
                .replace("%2", items)
                .replace("%3", back)
            )
        return text.replace("%1", numbers).replace("%2", back)

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
        for row, entry in enumerate(self.model.rows):
            if entry.sale.receipt_no == sale.receipt_no:
                self.table.selectRow(row)
                break

    def _row_chosen(self, current, _previous) -> None:
        if current.isValid():
            try:
                sale = selling.find_sale(
                    self.ctx.store, self.model.rows[current.row()].sale.receipt_no
                )
            except KnownError as exc:
                set_message(self.message, error_text(exc, self.ctx.lang), "error")
                return
            if sale:
                self.show_sale(sale)

    def show_sale(self, sale) -> None:
        self.sale = sale
        lang = self.ctx.lang
        tz = settings_service.current(self.ctx.store).timezone
        moment = local(sale.created_at, tz)
        when = f"{moment.strftime('%Y-%m-%d %H:%M')} {moment.tzname() or ''}".strip()
        facts = [
            (self.tr("Time"), when),
            (self.tr("Business day"), sale.business_date.isoformat()),
            (self.tr("Cashier"), sale.cashier or self.tr("(not recorded)")),
            (self.tr("Customer from"), self._origin_name(sale.origin)),
            (self.tr("Receipt language"), "English" if sale.lang == "en" else "Bahasa Indonesia"),
            (
                self.tr("Items"),
                count_text(sale.items, self.tr("%1 item"), self.tr("%1 items"), lang),
            ),
        ]
        if sale.verification:
            facts.append((self.tr("Verification code"), sale.verification))
        # Two columns: who, when and where on the left; what was sold and paid on the right.
        lines = [
            "<table width='100%' cellspacing='0'><tr><td valign='top' width='38%'>"
            f"<h2>{escape(sale.receipt_no)}</h2><table>"
        ]
        for caption, value in facts:
            lines.append(
                f"<tr><td style='color:#52606d; padding-right:12px'>{escape(caption)}</td>"
                f"<td>{escape(value)}</td></tr>"
            )
        lines.append("</table></td><td valign='top'><table width='100%'>")
        for ln in sale.lines:
            disc = ""
            if ln.line_discount or ln.sale_discount_share:
                disc = f" (−{format_rupiah(ln.line_discount + ln.sale_discount_share, lang)})"
            lines.append(
                f"<tr><td>{ln.qty} × {escape(ln.name)} "
                f"<small>{escape(ln.artisan_code)}</small>{disc}</td>"
                f"<td align='right'>{format_rupiah(ln.net, lang)}</td></tr>"
            )
        # tr() outside the f-strings: lupdate does not see a call inside one (the Indonesian
        # detail said "Change").
        total_word, change_word = self.tr("Total"), self.tr("Change")
        lines.append(
            f"<tr><td><b>{total_word}</b></td>"
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
                f"<tr><td>{change_word}</td>"
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
        lines.append("</td></tr></table>")
        self.detail.setHtml("".join(lines))
        self.reprint_button.setEnabled(True)
        self.refund_button.setEnabled(state.remaining > 0)
        self.void_button.setEnabled(state.voidable)
        self.void_button.setToolTip(
            state.why_not_void.text(lang) if state.why_not_void is not None else ""
        )

    def _origin_name(self, code: str) -> str:
        names = {
            "ID": self.tr("Indonesia"),
            "KR": self.tr("Korea"),
            "FR": self.tr("France"),
            "IN": self.tr("India"),
            "OTHER": self.tr("Other"),
            "": self.tr("not asked"),
        }
        return names.get(code, code)

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
        self.ctx.bus.correction_committed.emit(correction)  # the list refreshes its status
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

"""Quotes (issue 17): the bulk buyers' quotations, their status, the PDF; new or edit in a
form where items are typed or scanned."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import KnownError
from booth_pos.model.wholesale import Quote
from booth_pos.money import format_rupiah
from booth_pos.services import exports, quotes
from booth_pos.ui import file_dialogs
from booth_pos.ui.context import AppContext
from booth_pos.ui.presenters.quotes import QuoteFields, QuoteForm, add_scan, fields_of
from booth_pos.ui.table_model import Column, RowsModel
from booth_pos.ui.widgets import error_text, message_label, set_message


class QuotesPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("quotesPage")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Quotes"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        self.buttons = {}
        for key, text, slot in (
            ("newQuoteButton", self.tr("New quote…"), self.new_quote),
            ("editQuoteButton", self.tr("Edit…"), self.edit_quote),
            ("quotePdfButton", self.tr("PDF…"), self.save_pdf),
            ("cancelQuoteButton", self.tr("Cancel quote"), self.cancel_quote),
        ):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(lambda _c=False, slot=slot: slot())
            top.addWidget(button)
            self.buttons[key] = button
        layout.addLayout(top)
        self.message = message_label("quotesMessage")
        layout.addWidget(self.message)
        lang = ctx.lang
        self.model = RowsModel(
            [
                Column(self.tr("Number"), lambda r: r[0].number),
                Column(self.tr("Buyer"), lambda r: r[0].buyer.name),
                Column(self.tr("Company"), lambda r: r[0].buyer.company),
                Column(self.tr("Currency"), lambda r: r[0].currency),
                Column(
                    self.tr("Total"), lambda r: format_rupiah(r[0].total, lang), align_right=True
                ),  # fmt: skip
                Column(self.tr("Valid until"), lambda r: r[0].valid_until.isoformat()),
                Column(self.tr("Status"), lambda r: self.status_text(r[1].value)),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("quotesTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.doubleClicked.connect(lambda _i: self.edit_quote())
        layout.addWidget(self.table)
        ctx.bus.data_changed.connect(self.refresh)
        self.refresh()

    def status_text(self, status: str) -> str:
        return {
            "open": self.tr("open"),
            "accepted": self.tr("accepted"),
            "expired": self.tr("expired"),
            "cancelled": self.tr("cancelled"),
        }[status]

    def refresh(self) -> None:
        try:
            self.model.set_rows(quotes.quotes(self.ctx.store, self.ctx.clock))
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")

    def selected(self) -> Quote | None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            set_message(self.message, self.tr("Select one quote first"), "warn")
            return None
        return self.model.data(rows[0], Qt.UserRole)[0]

    def new_quote(self):
        dialog = QuoteDialog(self.ctx, self)
        dialog.open()
        return dialog

    def edit_quote(self):
        quote = self.selected()
        if quote is None:
            return None
        dialog = QuoteDialog(self.ctx, self, quote=quote)
        dialog.open()
        return dialog

    def cancel_quote(self) -> None:
        quote = self.selected()
        if quote is None:
            return
        try:
            quotes.set_status(self.ctx.store, self.ctx.clock, quote.number, "cancelled",
                              actor=self.ctx.cashier)  # fmt: skip
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        set_message(self.message, self.tr("%1 cancelled").replace("%1", quote.number))
        self.ctx.bus.data_changed.emit()

    def save_pdf(self, path: str | None = None) -> Path | None:
        """Ask where (unless ``path``), write the quotation in the buyer's language."""
        quote = self.selected()
        if quote is None:
            return None
        if path is None:
            path = file_dialogs.save_file_name(
                self, self.tr("Save quotation"), str(Path.home() / f"{quote.number}.pdf"),
                self.tr("PDF files (*.pdf)"),
            )  # fmt: skip
        if not path:
            return None
        ctx = self.ctx
        try:
            pdf = quotes.quotation_pdf(ctx.store, ctx.clock, quote.number)
            done = exports.write_export(ctx.store, path, pdf, what="quotation",
                                        actor=ctx.cashier, at=ctx.clock.now(),
                                        ref=quote.number)  # fmt: skip
        except KnownError as exc:
            set_message(self.message, error_text(exc, ctx.lang), "error")
            return None
        set_message(self.message, self.tr("Saved %1").replace("%1", str(done)))
        return done


class QuoteDialog(QDialog):
    """A new quote, or an open one to edit; items typed or scanned one per line."""

    def __init__(self, ctx: AppContext, parent=None, quote: Quote | None = None):
        super().__init__(parent)
        self.setObjectName("quoteDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Edit %1").replace("%1", quote.number) if quote
                            else self.tr("New quote"))  # fmt: skip
        self.form = QuoteForm(self, ctx.store, ctx.clock, ctx.cashier,
                              quote.number if quote else None)  # fmt: skip
        f = fields_of(quote) if quote else QuoteFields(buyer="")
        layout = QVBoxLayout(self)
        grid = QFormLayout()
        self.buyer = self._line(grid, "quoteBuyer", self.tr("Buyer"), f.buyer)
        self.company = self._line(grid, "quoteCompany", self.tr("Company"), f.company)
        self.country = self._line(grid, "quoteCountry", self.tr("Country (e.g. FR)"), f.country)
        self.contact = self._line(grid, "quoteContact", self.tr("E-mail or phone"), f.contact)
        self.currency = self._line(grid, "quoteCurrency", self.tr("Currency"), f.currency)
        self.rate = self._line(grid, "quoteRate", self.tr("Rupiah per unit (empty: today's)"),
                               f.rate)  # fmt: skip
        self.valid = self._line(grid, "quoteValidDays", self.tr("Valid for (days)"), f.valid_days)
        self.lang = QComboBox()
        self.lang.setObjectName("quoteLang")
        for code, label in (("", self.tr("From the country")), ("en", "English"),
                            ("fr", "Français"), ("id", "Bahasa Indonesia")):  # fmt: skip
            self.lang.addItem(label, code)
        self.lang.setCurrentIndex(max(self.lang.findData(f.lang), 0))
        grid.addRow(self.tr("Language"), self.lang)
        if quote is not None:
            for widget in (self.buyer, self.company, self.country, self.contact):
                widget.setReadOnly(True)
        layout.addLayout(grid)
        self.scan = QLineEdit()
        self.scan.setObjectName("quoteScan")
        self.scan.setPlaceholderText(self.tr("Scan or type a code, Enter"))
        self.scan.returnPressed.connect(self.scanned)
        layout.addWidget(self.scan)
        self.items = QPlainTextEdit(f.items)
        self.items.setObjectName("quoteItems")
        self.items.setPlaceholderText(self.tr("One QTY*SKU a line, e.g. 60*ECO-04"))
        layout.addWidget(self.items)
        self.error = message_label("quoteError")
        layout.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        for button in box.buttons():  # a scanner's Enter scans; it never saves the form
            button.setAutoDefault(False)
            button.setDefault(False)
        box.accepted.connect(self.submit)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.quote: Quote | None = None

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Enter never saves: a scanner ends every code with it (Save is a click)."""
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _line(self, grid: QFormLayout, name: str, label: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        grid.addRow(label, edit)
        return edit

    def scanned(self) -> None:
        self.items.setPlainText(add_scan(self.items.toPlainText(), self.scan.text()))
        self.scan.clear()

    def fields(self) -> QuoteFields:
        return QuoteFields(
            buyer=self.buyer.text(), company=self.company.text(), country=self.country.text(),
            contact=self.contact.text(), currency=self.currency.text(), rate=self.rate.text(),
            valid_days=self.valid.text(), lang=self.lang.currentData() or "",
            items=self.items.toPlainText(),
        )  # fmt: skip

    def submit(self) -> None:
        self.form.submit(self.fields())

    # -- QuoteView --
    def show_error(self, error: KnownError) -> None:
        set_message(self.error, error_text(error, self.ctx.lang), "error")

    def saved(self, quote: Quote) -> None:
        self.quote = quote
        self.ctx.bus.data_changed.emit()
        self.accept()

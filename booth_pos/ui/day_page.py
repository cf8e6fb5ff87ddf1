"""The Day page: the live business day, closing the till, and the event's settlement.

All figures come from ``services.reports`` (the same code as ``booth-pos report``); this page
only lays them out. Its charts are in ``ui/charts.py``, the open and close dialogs in
``ui/day_dialogs.py``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from booth_pos.clock import local
from booth_pos.model import (
    METHOD_KEYS,
    ArtisanFigures,
    Day,
    DayReport,
    EventReport,
    KnownError,
    Report,
)
from booth_pos.money import format_number, format_rates, format_rupiah
from booth_pos.services import days, reports
from booth_pos.services import settings as settings_service
from booth_pos.ui import file_dialogs
from booth_pos.ui.charts import BarChart, short_number
from booth_pos.ui.context import AppContext
from booth_pos.ui.day_dialogs import CloseDayDialog, OpenDayDialog
from booth_pos.ui.table_model import Column, RowsModel
from booth_pos.ui.widgets import (
    FitLabel,
    count_text,
    difference_style,
    error_text,
    message_label,
    set_message,
)

NET_BLUE = "#2a6f97"
HOUR_ORANGE = "#e07a1f"
EVENT = "event"  # the scope box's data for the whole event


class _TotalRowModel(RowsModel):
    """Rows whose last one is the total, drawn bold."""

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.FontRole and index.isValid() and index.row() == len(self.rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class Card(QFrame):
    """A figure with its caption, large enough to read from across the stand."""

    def __init__(self, caption: str, name: str, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #52606d;")
        self.caption.setWordWrap(True)
        # The figure shrinks its font to fit instead of widening the window (1280 px laptops).
        self.value = FitLabel(14, 9)
        self.value.setObjectName(name)
        font = self.value.font()
        font.setBold(True)
        self.value.setFont(font)
        self.value.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.value.setMinimumWidth(90)
        self.value.setText("-")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)


class DayPage(QWidget):
    """The live day, the close with a cash count, and the event with all its days."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("dayPage")
        self.ctx = ctx
        self.report: Report | None = None
        self.close_dialog: CloseDayDialog | None = None
        self._dirty = True
        lang = ctx.lang
        num = lambda v: format_number(v, lang)  # noqa: E731

        outer = QVBoxLayout(self)
        # Tight margins: on a 1280x720 laptop with a task bar every pixel goes to the table.
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(4)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("dayTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Show:")))
        self.scope = QComboBox()
        self.scope.setObjectName("dayScope")
        self.scope.setMinimumWidth(200)
        self.scope.activated.connect(lambda _i: self.refresh())
        top.addWidget(self.scope)
        self.open_button = QPushButton(self.tr("Open day…"))
        self.open_button.setObjectName("openDayButton")
        self.open_button.clicked.connect(self.ask_open_day)
        top.addWidget(self.open_button)
        self.close_button = QPushButton(self.tr("Close day…"))
        self.close_button.setObjectName("closeDayButton")
        self.close_button.setStyleSheet("font-weight: bold;")
        self.close_button.clicked.connect(self.ask_close_day)
        top.addWidget(self.close_button)
        self.payout_button = QPushButton(self.tr("Pay an artisan…"))
        self.payout_button.setObjectName("payoutButton")
        self.payout_button.clicked.connect(lambda: self.ask_payout())
        top.addWidget(self.payout_button)
        outer.addLayout(top)

        self.subtitle = QLabel()
        self.subtitle.setObjectName("daySubtitle")
        self.subtitle.setStyleSheet("color: #52606d;")
        self.subtitle.setWordWrap(True)
        # The rates of the day (Settings), entered by the coordinator in the morning: the
        # reference totals customers see; yesterday's rates are pointed out. Beside the
        # subtitle: the page has no height to spare on a 1280x720 laptop.
        self.rates_label = QLabel()
        self.rates_label.setObjectName("dayRates")
        self.rates_label.setWordWrap(True)
        self.rates_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        under_title = QHBoxLayout()
        under_title.addWidget(self.subtitle, 1)
        under_title.addWidget(self.rates_label, 1)
        outer.addLayout(under_title)
        self.message = message_label("dayMessage")
        self.message.hide()  # shown when there is something to say
        outer.addWidget(self.message)
        # With other tills' records: which tills the figures cover and how far, and a
        # warning for a till that may have sold after its last bundle (hidden otherwise).
        self.tills_label = QLabel()
        self.tills_label.setObjectName("dayTills")
        self.tills_label.setWordWrap(True)
        self.tills_label.hide()
        outer.addWidget(self.tills_label)
        self.tills_warning = message_label("dayTillsWarning")
        self.tills_warning.hide()
        outer.addWidget(self.tills_warning)

        cards = QHBoxLayout()
        self.sales_card = Card(self.tr("Sales") + " / " + self.tr("Items"), "daySales")
        self.net_card = Card(self.tr("Net sales"), "dayNet")
        self.average_card = Card(self.tr("Average sale"), "dayAverage")
        self.commission_card = Card(self.tr("Commission"), "dayCommission")
        self.expected_card = Card(self.tr("Cash expected in drawer"), "dayExpected")
        self.difference_card = Card(self.tr("Cash difference"), "dayDifference")
        for card in (
            self.sales_card,
            self.net_card,
            self.average_card,
            self.commission_card,
            self.expected_card,
            self.difference_card,
        ):
            cards.addWidget(card)
        # The commission total already closes the artisan table; the room goes to the table.
        self.commission_card.hide()
        outer.addLayout(cards)

        # Per artisan (and, for the event, per day) across the full width: the payout column
        # must stay visible on a 1280 px laptop.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dayTabs")
        self.artisan_model = _TotalRowModel(
            [
                Column(self.tr("Code"), lambda a: a.code),
                Column(self.tr("Artisan"), lambda a: a.name),
                Column(self.tr("Items"), lambda a: num(a.items), True),
                Column(self.tr("Gross"), lambda a: num(a.gross), True),
                Column(self.tr("Discounts"), lambda a: num(a.discounts), True),
                Column(self.tr("Refunds"), lambda a: num(a.refunds), True),
                Column(self.tr("Net"), lambda a: num(a.net), True),
                Column(
                    self.tr("Comm. %"),
                    lambda a: (
                        format_rates(a.all_rates, lang, sign=False) if a.commission_bp >= 0 else ""
                    ),
                    True,
                ),
                Column(self.tr("Commission"), lambda a: num(a.commission), True),
                Column(self.tr("Payout"), lambda a: num(a.payout), True),
            ],
            self,
        )
        self.artisan_table = self._table(self.artisan_model, "dayArtisanTable")
        self.artisan_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.tabs.addTab(self.artisan_table, self.tr("Per artisan: what each one sold and is paid"))

        self.days_model = RowsModel(
            [
                Column(self.tr("Date"), lambda d: d.business_date.isoformat()),
                Column(self.tr("Z"), lambda d: ", ".join(map(str, d.z_numbers)) or self.tr("open")),
                Column(self.tr("Sales"), lambda d: num(d.sales), True),
                Column(self.tr("Net"), lambda d: num(d.net), True),
                Column(
                    self.tr("Difference"),
                    lambda d: "-" if d.cash.difference is None else num(d.cash.difference),
                    True,
                ),
            ],
            self,
        )
        self.days_table = self._table(self.days_model, "dayEventDays")
        self.tabs.addTab(self.days_table, self.tr("All days of the event"))  # tab 1: the event

        # Tab 2: each till's own drawer (counted and closed on that till), when there are
        # several; the cash strip below is then their sum.
        rp_or_dash = lambda v: "-" if v is None else num(v)  # noqa: E731
        self.tills_model = RowsModel(
            [
                Column(
                    self.tr("Till"),
                    lambda t: t.till + (" " + self.tr("(this till)") if t.own else ""),
                ),
                Column(self.tr("Last receipt"), lambda t: t.last_receipt or "-"),
                Column(self.tr("Received"), lambda t: self._when(t.received_at) or "-"),
                Column(self.tr("Sales"), lambda t: num(t.sales), True),
                Column(self.tr("Net"), lambda t: num(t.net), True),
                Column(self.tr("Float"), lambda t: num(t.cash.opening_float), True),
                Column(self.tr("Expected cash"), lambda t: num(t.cash.expected), True),
                Column(self.tr("Counted"), lambda t: rp_or_dash(t.cash.counted), True),
                Column(self.tr("Difference"), lambda t: rp_or_dash(t.cash.difference), True),
                Column(self.tr("Z (code)"), self._till_z),
            ],
            self,
        )
        self.tills_table = self._table(self.tills_model, "dayTillTable")
        self.tabs.addTab(self.tills_table, self.tr("Per till: each drawer"))  # tab 2

        # The charts have a tab of their own: on a 768 px screen the artisan table needs the
        # height (12 artisans and the total, unscrolled) more than the bars do.
        charts = QWidget()
        charts.setObjectName("dayCharts")
        charts_box = QHBoxLayout(charts)
        self.net_chart = BarChart(NET_BLUE, lambda v: short_number(v, lang))
        self.net_chart.setObjectName("netPerArtisanChart")
        self.hour_chart = BarChart(HOUR_ORANGE, lambda v: format_number(v, lang))
        self.hour_chart.setObjectName("salesPerHourChart")
        for chart in (self.net_chart, self.hour_chart):
            chart.empty_text = self.tr("No sales yet")
            charts_box.addWidget(chart)
        self.tabs.addTab(charts, self.tr("Charts"))
        outer.addWidget(self.tabs, 1)

        # Under the table, one strip: the payments, the cash drawer, and the exports.
        bottom = QHBoxLayout()
        payments = QGridLayout()
        payments.setVerticalSpacing(0)
        payments.setHorizontalSpacing(12)
        payments.addWidget(self._heading(self.tr("Payments (cash net of change)")), 0, 0, 1, 2)
        self.payment_labels: dict[str, QLabel] = {}
        self.refund_labels: dict[str, tuple[QLabel, QLabel]] = {}
        row = 1
        for method in METHOD_KEYS:
            payments.addWidget(QLabel(self.method_name(method)), row, 0)
            value = self._value_label(f"payment_{method}")
            payments.addWidget(value, row, 1)
            self.payment_labels[method] = value
            # Refunds by this method on their own line, shown only when there are some.
            caption = QLabel("   " + self.tr("refunded"))
            caption.setStyleSheet("color: #52606d;")
            refunded = self._value_label(f"paymentRefund_{method}")
            refunded.setStyleSheet("color: #52606d;")
            payments.addWidget(caption, row + 1, 0)
            payments.addWidget(refunded, row + 1, 1)
            caption.hide()
            refunded.hide()
            self.refund_labels[method] = (caption, refunded)
            row += 2
        payments.setRowStretch(row, 1)
        bottom.addLayout(payments)
        bottom.addSpacing(18)
        cash = QGridLayout()
        cash.setVerticalSpacing(0)
        cash.setHorizontalSpacing(12)
        self.cash_heading = self._heading(self.tr("Cash drawer"))
        cash.addWidget(self.cash_heading, 0, 0, 1, 4)
        self.cash_labels: dict[str, QLabel] = {}
        rows = (
            ("float", self.tr("Opening float")),
            ("received", self.tr("+ Cash received")),
            ("refunds", self.tr("− Cash refunds")),
            ("payouts", self.tr("− Paid to artisans")),
            ("expected", self.tr("= Expected in drawer")),
            ("counted", self.tr("Counted at close")),
            ("difference", self.tr("Difference")),
        )
        # The difference sits beside the count: the strip stays seven lines high, so the
        # window still fits a 1280x720 laptop with the line of cash paid to artisans.
        for i, (key, caption) in enumerate(rows, start=1):
            row, col = (i, 0) if key != "difference" else (i - 1, 2)
            cash.addWidget(QLabel(caption), row, col)
            value = self._value_label(
                "dayDifferenceLabel" if key == "difference" else f"cash_{key}"
            )
            cash.addWidget(value, row, col + 1)
            self.cash_labels[key] = value
        cash.setRowStretch(len(rows), 1)
        bottom.addLayout(cash)
        bottom.addStretch(1)
        exports = QVBoxLayout()
        exports.setSpacing(2)
        self.pdf_button = QPushButton(self.tr("Export PDF report…"))
        self.pdf_button.setObjectName("exportPdfButton")
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setObjectName("exportCsvButton")
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.xlsx_button.setObjectName("exportXlsxButton")
        self.xlsx_button.setToolTip(
            self.tr("The settlement as a workbook to open in a spreadsheet")
        )
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.statements_button = QPushButton(self.tr("Artisan statements PDF…"))
        self.statements_button.setObjectName("exportStatementsButton")
        self.statements_button.clicked.connect(lambda: self.export_statements())
        self.slips_button = QPushButton(self.tr("Artisan day slips PDF…"))
        self.slips_button.setObjectName("exportSlipsButton")
        self.slips_button.clicked.connect(lambda: self.export_slips())
        # The two spreadsheets share a row: the page still fits a 1280x720 laptop.
        sheets = QHBoxLayout()
        sheets.setSpacing(2)
        sheets.addWidget(self.csv_button)
        sheets.addWidget(self.xlsx_button)
        exports.addWidget(self.pdf_button)
        exports.addLayout(sheets)
        for b in (self.statements_button, self.slips_button):
            exports.addWidget(b)
        exports.addStretch(1)
        bottom.addLayout(exports)
        outer.addLayout(bottom)

        ctx.bus.sale_committed.connect(self._changed)
        ctx.bus.day_changed.connect(self._day_changed)
        ctx.bus.data_changed.connect(self._changed)
        self.refresh()

    # -- building blocks ----------------------------------------------------------------------

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold; margin-top: 4px;")
        return label

    @staticmethod
    def _value_label(name: str) -> QLabel:
        value = QLabel("-")
        value.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        value.setObjectName(name)
        return value

    @staticmethod
    def _table(model: RowsModel, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QTableView.SelectRows)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 2)
        return table

    def _say(self, text: str, level: str = "ok") -> None:
        set_message(self.message, text, level)
        self.message.setVisible(bool(text))

    def method_name(self, method: str) -> str:
        return {
            "cash": self.tr("Cash"),
            "qris": self.tr("QRIS"),
            "card": self.tr("Card (EDC)"),
            "transfer": self.tr("Bank transfer"),
        }.get(method, method)

    # -- refreshing -----------------------------------------------------------------------------

    def _changed(self, *_args) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def _day_changed(self) -> None:
        self._fill_scope(keep=False)
        self._changed()

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _fill_scope(self, keep: bool = True) -> None:
        """Offer the live (or last) day, every earlier day and the whole event."""
        current = self.scope.currentData() if keep else None
        self.scope.blockSignals(True)
        self.scope.clear()
        dates = sorted({d.business_date for d in days.all_days(self.ctx.store)}, reverse=True)
        open_day = days.current_day(self.ctx.store)
        for when in dates:
            if open_day and when == open_day.business_date:
                text = self.tr("Today %1 (open)").replace("%1", when.isoformat())
            else:
                text = when.isoformat()
            self.scope.addItem(text, when)
        if dates:
            self.scope.addItem(self.tr("Whole event (all days)"), EVENT)
        index = self.scope.findData(current) if current is not None else -1
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(False)

    def refresh(self) -> None:
        """Reload every figure from the store (after a sale, an open or a close)."""
        try:
            self._reload()
        except KnownError as exc:  # the database is locked or gone: the last figures stay
            self._say(error_text(exc, self.ctx.lang), "error")

    def _reload(self) -> None:
        self._dirty = False
        if self.scope.count() == 0 or self.scope.findData(EVENT) < 0:
            self._fill_scope(keep=False)
        chosen = self.scope.currentData()
        open_day = days.current_day(self.ctx.store)
        self._show_rates(open_day)
        self.open_button.setEnabled(open_day is None)
        self.close_button.setEnabled(open_day is not None)
        try:
            if chosen == EVENT:
                self.report = reports.event_report(self.ctx.store)
            else:
                self.report = reports.day_report(self.ctx.store, chosen)
        except KnownError:
            self.report = None
        self._show(self.report, open_day)

    def _show(self, report: Report | None, open_day: Day | None) -> None:
        lang = self.ctx.lang
        rp = lambda v: "-" if v is None else format_rupiah(v, lang)  # noqa: E731
        for b in (self.pdf_button, self.csv_button, self.xlsx_button):
            b.setEnabled(report is not None)
        is_event = isinstance(report, EventReport)
        self.statements_button.setEnabled(report is not None)
        self.tabs.setTabVisible(1, is_event)
        self._show_tills(report)
        if report is None:
            self.title.setText(self.tr("No business day yet"))
            self.subtitle.setText(self.tr("Open the day with the cash float to start selling."))
            for m in (self.artisan_model, self.days_model):
                m.set_rows([])
            for card in (
                self.sales_card,
                self.net_card,
                self.average_card,
                self.commission_card,
                self.expected_card,
                self.difference_card,
            ):
                card.value.setText("-")
            for label in (*self.cash_labels.values(), *self.payment_labels.values()):
                label.setText("-")
            for pair in self.refund_labels.values():
                for label in pair:
                    label.hide()
            self.net_chart.set_data(self.tr("Net per artisan"), [], [])
            self.hour_chart.set_data(self.tr("Sales per hour"), [], [])
            return
        if is_event:
            self.title.setText(
                self.tr("Event %1 to %2")
                .replace("%1", str(report.first_date))
                .replace("%2", str(report.last_date))
            )
            days_text = count_text(
                len(report.day_reports),
                self.tr("%1 business day"),
                self.tr("%1 business days"),
                self.ctx.lang,
            )
            self.subtitle.setText(
                self.tr("%1 · commission on the event's net, rounded once").replace("%1", days_text)
            )
            self.days_model.set_rows(list(report.day_reports))
        else:
            self.title.setText(self._day_title(report))
            self.subtitle.setText(self._day_subtitle(report, open_day))
        self.sales_card.value.setText(
            f"{format_number(report.sales, lang)} / {format_number(report.items, lang)}"
        )
        self.net_card.value.setText(rp(report.net))
        self.average_card.value.setText(rp(report.average_sale))
        self.commission_card.value.setText(rp(report.commission))
        cash = report.cash
        self.expected_card.value.setText(rp(cash.expected))
        if cash.difference is None:
            self.difference_card.value.setText(self.tr("not counted yet"))
            self.difference_card.value.setStyleSheet("color: #52606d;")
        else:
            self.difference_card.value.setText(self._difference_text(cash.difference))
            self.difference_card.value.setStyleSheet(difference_style(cash.difference))
        total = ArtisanFigures(
            "",
            self.tr("TOTAL"),
            -1,
            report.items,
            report.gross,
            report.discounts,
            report.refunds,
            report.net,
            report.commission,
            report.payout,
        )
        self.artisan_model.set_rows([*report.by_artisan, total])
        self._fit_table_height()
        for p in report.by_payment:
            if p.method in self.payment_labels:
                self.payment_labels[p.method].setText(rp(p.net))
                caption, refunded = self.refund_labels[p.method]
                refunded.setText(rp(p.refunds))
                caption.setVisible(bool(p.refunds))
                refunded.setVisible(bool(p.refunds))
        values = {
            "float": cash.opening_float,
            "received": cash.received,
            "refunds": cash.refunds,
            "payouts": cash.payouts,
            "expected": cash.expected,
            "counted": cash.counted,
        }
        for key, value in values.items():
            self.cash_labels[key].setText(rp(value))
        diff = self.cash_labels["difference"]
        diff.setText("-" if cash.difference is None else self._difference_text(cash.difference))
        diff.setStyleSheet(difference_style(cash.difference))
        self.net_chart.set_data(
            self.tr("Net per artisan (Rp)"),
            [a.code for a in report.by_artisan],
            [max(0, a.net) for a in report.by_artisan],
        )
        self.hour_chart.set_data(
            self.tr("Sales per hour (%1)").replace("%1", report.timezone),
            [f"{h.hour:02d}" for h in report.by_hour],
            [h.sales for h in report.by_hour],
        )

    #: Rows the artisan tab keeps room for before it scrolls: a council's dozen and the total.
    FIT_ROWS = 16

    def _fit_table_height(self) -> None:
        """Ask for room for every artisan row and the total, so none scrolls out of sight
        (up to ``FIT_ROWS``: a bigger stand scrolls rather than push the window off screen)."""
        table = self.artisan_table
        rows = min(table.model().rowCount(), self.FIT_ROWS)
        needed = (
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + self.tabs.tabBar().sizeHint().height()
            + 8
        )
        self.tabs.setMinimumHeight(needed)

    def _show_rates(self, open_day: Day | None) -> None:
        settings = settings_service.current(self.ctx.store)
        rates, day = settings_service.rates_of_day(settings, self.ctx.lang)
        if not rates:
            self.rates_label.setText(self.tr("No rates of the day (Settings): receipts show rupiah only"))  # noqa: E501
            return
        text = self.tr("Rates of %1: %2").replace("%1", day or "?").replace("%2", rates)
        if open_day is not None and day != open_day.business_date.isoformat():
            text += " · " + self.tr("not today's rates: update them in Settings")
            self.rates_label.setStyleSheet("color: #b54708; font-weight: bold;")
        else:
            self.rates_label.setStyleSheet("color: #52606d;")
        self.rates_label.setText(text)

    # -- several tills -------------------------------------------------------------------------

    def _when(self, at) -> str:
        from booth_pos.documents.tills import when_text

        return when_text(at, self.report) if at is not None and self.report else ""

    def _till_z(self, t) -> str:
        if t.close_codes:
            return ", ".join(f"{z} {code}" for z, code in t.close_codes)
        return self.tr("open") if any(d.is_open for d in t.days) else "-"

    def till_part(self, t) -> str:
        """One till's part of the coverage line: "T2 sampai T2-000187 diterima 20:55"."""
        if t.last_receipt:
            text = self.tr("%1 up to %2").replace("%1", t.till).replace("%2", t.last_receipt)
        else:
            text = self.tr("%1 no sales").replace("%1", t.till)
        if t.received_at is not None:
            text += " " + self.tr("received %1").replace("%1", self._when(t.received_at))
        return text

    def _show_tills(self, report: Report | None) -> None:
        """The coverage line, the warnings and the per-till tab (only with several tills)."""
        tills = report.tills if report is not None else ()
        self.tabs.setTabVisible(2, bool(tills))
        self.tills_model.set_rows(list(tills))
        self.tills_label.setVisible(bool(tills))
        self.cash_heading.setText(
            self.tr("Cash drawers (all tills)") if tills else self.tr("Cash drawer")
        )
        self.expected_card.caption.setText(
            self.tr("Cash expected, all drawers") if tills else self.tr("Cash expected in drawer")
        )
        if not tills:
            self.tills_warning.hide()
            return
        self.tills_label.setText(
            self.tr("Tills: %1").replace("%1", ", ".join(self.till_part(t) for t in tills))
        )
        warnings = []
        for t in report.pending_tills:
            if t.exported_at is not None:
                text = self.tr(
                    "%1: not received since its last sale (its day is still open in the last bundle, exported %2)"  # noqa: E501
                ).replace("%2", self._when(t.exported_at))
            else:
                text = self.tr(
                    "%1: not received since its last sale (its day is still open in the last bundle)"  # noqa: E501
                )
            warnings.append(text.replace("%1", t.till))
        set_message(self.tills_warning, "\n".join(warnings), "warn")
        self.tills_warning.setVisible(bool(warnings))

    @staticmethod
    def _own(report: DayReport) -> tuple[Day, ...]:
        """This till's days of the report (the title speaks of this till's close)."""
        return report.tills[0].days if report.tills else report.days

    def _day_title(self, report: DayReport) -> str:
        if any(d.is_open for d in self._own(report)):
            return self.tr("Day %1 · open").replace("%1", report.business_date.isoformat())
        return (
            self.tr("Day %1 · closed, Z %2")
            .replace("%1", report.business_date.isoformat())
            .replace("%2", ", ".join(map(str, report.z_numbers)))
        )

    def _day_subtitle(self, report: DayReport, open_day: Day | None) -> str:
        tz = report.timezone
        own = self._own(report)
        if not own:  # a date only other tills worked
            return self.tr("This till had no day on this date")
        first = own[0]
        opened = local(first.opened_at, tz).strftime("%H:%M")
        opening = report.tills[0].cash.opening_float if report.tills else report.cash.opening_float
        text = (
            self.tr("Opened %1 with a float of %2")
            .replace("%1", opened)
            .replace("%2", format_rupiah(opening, self.ctx.lang))
        )
        last = own[-1]
        if last.closed_at:
            text += " · " + self.tr("closed %1").replace(
                "%1", local(last.closed_at, tz).strftime("%H:%M")
            )
        if open_day is None and report.days and not report.is_open:
            text += " · " + self.tr("no day is open: open a new day to sell")
        return text

    def _difference_text(self, difference: int) -> str:
        amount = format_rupiah(abs(difference), self.ctx.lang)
        if difference < 0:
            return self.tr("short %1").replace("%1", amount)
        if difference > 0:
            return self.tr("over %1").replace("%1", amount)
        return self.tr("balanced")

    # -- actions --------------------------------------------------------------------------------

    def ask_open_day(self) -> None:
        dialog = OpenDayDialog(self.ctx, self)
        dialog.open()

    def ask_close_day(self) -> CloseDayDialog | None:
        """Open the close dialog (non-blocking); returns it so tests can drive it."""
        day = days.current_day(self.ctx.store)
        if day is None:
            self._say(self.tr("No business day is open."), "warn")
            return None
        self.close_dialog = CloseDayDialog(self.ctx, day, self)
        self.close_dialog.closed_day.connect(self._closed)
        self.close_dialog.open()
        return self.close_dialog

    def _closed(self, day: Day) -> None:
        text = (
            self.tr("Day %1 closed with Z number %2.")
            .replace("%1", day.business_date.isoformat())
            .replace("%2", str(day.z_no))
        )
        self._say(text, "ok")
        self.ctx.bus.message.emit(text)

    def _save_path(self, caption: str, suggested: str, pattern: str) -> Path | None:
        name = file_dialogs.save_file_name(self, caption, suggested, pattern)
        return Path(name) if name else None

    def _suggested(self, suffix: str) -> str:
        report = self.report
        if isinstance(report, DayReport):
            stem = f"day-{report.business_date.isoformat()}"
        else:
            stem = "event"
        return str(Path.home() / f"{stem}{suffix}")

    def _exported(self, path: Path, what: str) -> None:
        self._say(what.replace("%1", str(path)), "ok")

    def export_pdf(self, path: str | Path | None = None) -> Path | None:
        """Write the shown report as PDF (asks where when no path is given)."""
        if self.report is None:
            return None
        path = (
            Path(path)
            if path
            else self._save_path(
                self.tr("Save the report as PDF"), self._suggested(".pdf"), "PDF (*.pdf)"
            )
        )
        if path is None:
            return None
        from booth_pos.documents import report as report_pdf

        return self._run(
            "report_pdf",
            lambda: report_pdf.render_report_pdf(self.report, lang=self.ctx.lang, now=self._now()),
            path,
            self.tr("Report saved to %1"),
        )

    def export_csv(self, path: str | Path | None = None) -> Path | None:
        """Write one row per artisan as CSV (asks where when no path is given)."""
        if self.report is None:
            return None
        path = (
            Path(path)
            if path
            else self._save_path(
                self.tr("Save the artisans as CSV"), self._suggested(".csv"), "CSV (*.csv)"
            )
        )
        if path is None:
            return None
        from booth_pos.documents import export

        return self._run(
            "report_csv",
            lambda: export.artisans_csv_bytes(self.report),
            path,
            self.tr("CSV saved to %1"),
        )

    def export_xlsx(self, path: str | Path | None = None) -> Path | None:
        """Write the settlement as an XLSX workbook (asks where when no path is given): the
        shown report's sheets and the artisans' statements in figures."""
        if self.report is None:
            return None
        path = (
            Path(path)
            if path
            else self._save_path(
                self.tr("Save the settlement as XLSX"),
                self._suggested(".xlsx"),
                self.tr("Excel workbook (*.xlsx)"),
            )
        )
        if path is None:
            return None
        from booth_pos.documents.workbook import report_workbook_bytes

        def write():
            event = self.report if isinstance(self.report, EventReport) else None
            # The statements' sheets wait, like the statements, for every till's close.
            waiting = reports.statement_blockers(self.ctx.store)
            statements = None if waiting else reports.artisan_statements(self.ctx.store, event)
            return report_workbook_bytes(self.report, statements)

        return self._run("report_xlsx", write, path, self.tr("XLSX saved to %1"))

    def export_statements(self, path: str | Path | None = None) -> Path | None:
        """Write every artisan's end-of-event statement, a page each, to sign."""
        if self.report is None:
            return None
        waiting = reports.statement_blockers(self.ctx.store)
        if waiting:  # a till's figures may still change: the statements wait for its close
            self._say(
                self.tr(
                    "The artisan statements wait: till %1 has not sent a bundle since its last close; close its day there and import its bundle"  # noqa: E501
                ).replace("%1", ", ".join(waiting)),
                "warn",
            )
            return None
        path = (
            Path(path)
            if path
            else self._save_path(
                self.tr("Save the artisan statements as PDF"),
                str(Path.home() / "artisan-statements.pdf"),
                "PDF (*.pdf)",
            )
        )
        if path is None:
            return None
        from booth_pos.documents import report as report_pdf

        def write():
            event = self.report if isinstance(self.report, EventReport) else None
            statements = reports.artisan_statements(self.ctx.store, event)
            tz = settings_service.current(self.ctx.store).timezone
            return report_pdf.render_statements_pdf(
                statements, lang=self.ctx.lang, now=self._now(), timezone=tz
            )

        return self._run("statements", write, path, self.tr("Statements saved to %1"))

    def export_slips(self, path: str | Path | None = None) -> Path | None:
        """Write the day's 80 mm slip for each artisan (a page each) for the day shown."""
        if not isinstance(self.report, DayReport):
            self._say(self.tr("Day slips are per day: show one day first"), "warn")
            return None
        when = self.report.business_date
        path = (
            Path(path)
            if path
            else self._save_path(
                self.tr("Save the artisan day slips as PDF"),
                str(Path.home() / f"day-slips-{when.isoformat()}.pdf"),
                "PDF (*.pdf)",
            )
        )
        if path is None:
            return None
        from booth_pos.documents.day_slip import render_day_slips

        def write():
            slips = reports.day_slips(self.ctx.store, when)
            return render_day_slips(
                slips, settings_service.current(self.ctx.store), lang=self.ctx.lang
            )

        return self._run("day_slips", write, path, self.tr("Day slips saved to %1"))

    def ask_payout(self):
        """Pay an artisan (cash from the drawer or a transfer)."""
        from booth_pos.ui.stock_dialogs import PayoutDialog

        dialog = PayoutDialog(self.ctx, parent=self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def _now(self):
        tz = settings_service.current(self.ctx.store).timezone
        return local(self.ctx.clock.now(), tz).replace(tzinfo=None)

    def _run(self, what: str, render, path: Path, done: str) -> Path | None:
        from booth_pos.services import exports

        ref = "event" if what == "statements" else exports.report_ref(self.report)
        try:
            exports.write_export(  # atomic, with its one audit entry, like the command line's
                self.ctx.store,
                path,
                render(),
                what=what,
                actor=self.ctx.cashier,
                at=self.ctx.clock.now(),
                ref=ref,
            )
        except KnownError as exc:
            self._say(error_text(exc, self.ctx.lang), "error")
            return None
        except OSError as exc:  # a full or unplugged USB stick
            self._say(f"{path}: {exc.strerror or exc}", "error")
            return None
        self._exported(path, done)
        return path

"""Opening and closing the business day from the window.

The float is asked for, never assumed; the close counts the drawer and shows the live
difference from the service's cash check.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from booth_pos.model import Day, KnownError
from booth_pos.money import MoneyError, format_number, format_rupiah, parse_rupiah
from booth_pos.services import days
from booth_pos.ui.context import AppContext
from booth_pos.ui.presenters.close_day import CloseDayPresenter
from booth_pos.ui.scan_guard import ScanGuard
from booth_pos.ui.widgets import difference_style, error_text, message_label, set_message


class OpenDayDialog(QDialog):
    """Asks for the opening cash float and opens the business day."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("openDayDialog")
        ScanGuard.protect(self)  # a scanner never types into this dialog
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Open the business day"))
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Opening cash float in the drawer (modal awal):")))
        self.float_input = QLineEdit()
        self.float_input.setObjectName("floatInput")
        self.float_input.setPlaceholderText("500.000")
        layout.addWidget(self.float_input)
        self.message = message_label("openDayMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.open_button = buttons.button(QDialogButtonBox.Ok)
        self.open_button.setObjectName("confirmOpenDayButton")
        self.open_button.setText(self.tr("Open day"))
        buttons.accepted.connect(self.open_day)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.float_input.returnPressed.connect(self.open_day)
        self.date_confirmed = False

    def open_day(self) -> None:
        """Open the day; a date that looks wrong is named first and needs a second press."""
        text = self.float_input.text().strip() or "0"
        try:
            amount = parse_rupiah(text, allow_zero=True)
            doubts = (
                []
                if self.date_confirmed
                else days.opening_date_doubts(self.ctx.store, self.ctx.clock)
            )
            if doubts:
                self.date_confirmed = True
                lines = [error_text(d, self.ctx.lang) for d in doubts]
                lines.append(self.tr("Press Open anyway to open the day with this date."))
                set_message(self.message, "\n".join(lines), "warn")
                self.open_button.setText(self.tr("Open anyway"))
                return
            days.open_day(self.ctx.store, self.ctx.clock, amount)
        except MoneyError:
            set_message(self.message, self.tr("Type the float in rupiah, e.g. 500.000"), "error")
            return
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self.ctx.bus.day_changed.emit()
        self.accept()


class _Relay(QObject):
    """Carries one outcome from the backup thread to the GUI thread (a queued signal)."""

    done = Signal(object)


class CloseDayDialog(QDialog):
    """Count the drawer by note and coin (or type the total) and close the day.

    The expected cash, the count and the difference update as the coordinator types; the
    difference turns red when the drawer is short. The rules are ``CloseDayPresenter``'s;
    this dialog is its view.

    Signals:
        closed_day(object): the closed Day, after the close has committed.
    """

    closed_day = Signal(object)

    def __init__(self, ctx: AppContext, day: Day, parent=None):
        super().__init__(parent)
        self.backup_future = None
        self.setObjectName("closeDayDialog")
        ScanGuard.protect(self)  # a scanner never types into this dialog
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Close the business day"))
        self.ctx = ctx
        self.day = day
        self.backup_outcomes: list = []
        self.presenter = CloseDayPresenter(
            self, lambda counted: days.check_cash(ctx.store, day, counted), self._close
        )
        lang = ctx.lang

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Day %1: count the cash in the drawer, note by note and coin by coin, "
                "or type the total."
            ).replace("%1", day.business_date.isoformat())
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Note / coin")), 0, 0)
        grid.addWidget(QLabel(self.tr("Pieces")), 0, 1)
        grid.addWidget(QLabel(self.tr("Amount")), 0, 2)
        self.pieces: dict[str, QSpinBox] = {}
        self.amounts: dict[str, QLabel] = {}
        for i, denom in enumerate(days.DENOMINATIONS, start=1):
            kind = self.tr("note") if denom.kind == "note" else self.tr("coin")
            grid.addWidget(QLabel(f"{format_rupiah(denom.value, lang)} ({kind})"), i, 0)
            spin = QSpinBox()
            spin.setObjectName(f"count_{denom.key}")
            spin.setRange(0, 99_999)
            spin.valueChanged.connect(self._count_changed)
            grid.addWidget(spin, i, 1)
            amount = QLabel(format_rupiah(0, lang))
            amount.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            grid.addWidget(amount, i, 2)
            self.pieces[denom.key] = spin
            self.amounts[denom.key] = amount
        layout.addLayout(grid)

        totals = QGridLayout()
        totals.addWidget(QLabel(self.tr("Expected in drawer")), 0, 0)
        self.expected_label = QLabel()
        self.expected_label.setObjectName("expectedLabel")
        totals.addWidget(self.expected_label, 0, 1)
        totals.addWidget(QLabel(self.tr("Counted")), 1, 0)
        self.counted_input = QLineEdit()
        self.counted_input.setObjectName("countedInput")
        self.counted_input.setPlaceholderText(self.tr("total counted, e.g. 1.250.000"))
        self.counted_input.textEdited.connect(self.presenter.type_total)
        self.counted_input.returnPressed.connect(self.confirm)
        totals.addWidget(self.counted_input, 1, 1)
        totals.addWidget(QLabel(self.tr("Difference")), 2, 0)
        self.difference_label = QLabel("-")
        self.difference_label.setObjectName("differenceLabel")
        self.difference_label.setStyleSheet("font-size: 14pt;")
        totals.addWidget(self.difference_label, 2, 1)
        layout.addLayout(totals)
        self.message = message_label("closeDayMessage")
        layout.addWidget(self.message)

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.confirm_button = buttons.button(QDialogButtonBox.Ok)
        self.confirm_button.setObjectName("confirmCloseButton")
        self.confirm_button.setText(self.tr("Close the day"))
        self.confirm_button.setAutoDefault(False)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.presenter.start()

    @property
    def expected(self) -> int:
        """The cash the drawer should hold, from the service's cash check."""
        return self.presenter.expected

    def counted(self) -> int | None:
        """The counted cash as typed or counted, or None while it is not an amount."""
        return self.presenter.counted

    # -- actions (forwarded to the presenter) ----------------------------------------------

    def _count_changed(self) -> None:
        self.presenter.count({d: self.pieces[d.key].value() for d in days.DENOMINATIONS})

    def confirm(self) -> None:
        self.presenter.confirm()

    def _close(self, counted: int) -> Day:
        """Close the day; its backup then runs on the backup thread (the till never waits
        for it, and a failed one never undoes the close) and reports to ``_backup_done``."""
        from booth_pos.services import backup
        from booth_pos.services import settings as settings_service

        self.backup_outcomes = []
        closed = days.close_day(self.ctx.store, self.ctx.clock, counted, backup_now=False)
        # This dialog is gone by the time the backup ends: the news travels by the bus.
        relay = _Relay(self.ctx.bus)
        ctx, outcomes, saved = self.ctx, self.backup_outcomes, self.tr("Backup saved: %1")

        def told(outcome) -> None:
            outcomes.append(outcome)
            if outcome.ok:
                ctx.bus.message.emit(saved.replace("%1", str(outcome.path)))
            else:
                ctx.bus.message.emit("⚠ " + error_text(outcome.error, ctx.lang))
            relay.deleteLater()

        relay.done.connect(told)
        self.backup_future = backup.after_close_in_background(
            settings_service.data_path(self.ctx.store), self.ctx.clock, relay.done.emit
        )
        return closed

    # -- the view API the presenter calls --------------------------------------------------

    def show_expected(self, expected: int) -> None:
        self.expected_label.setText(format_rupiah(expected, self.ctx.lang))

    def show_piece_amounts(self, amounts) -> None:
        for denom, amount in amounts.items():
            self.amounts[denom.key].setText(format_rupiah(amount, self.ctx.lang))

    def show_counted(self, counted: int) -> None:
        self.counted_input.setText(format_number(counted, self.ctx.lang))

    def show_difference(self, check: days.CashCheck | None) -> None:
        if check is None:
            self.difference_label.setText(self.tr("type or count the cash"))
            self.difference_label.setStyleSheet("font-size: 14pt; color: #52606d;")
            return
        difference = check.difference
        amount = format_rupiah(abs(difference), self.ctx.lang)
        if difference < 0:
            text = self.tr("SHORT by %1").replace("%1", amount)
        elif difference > 0:
            text = self.tr("over by %1").replace("%1", amount)
        else:
            text = self.tr("balanced: %1").replace("%1", format_rupiah(0, self.ctx.lang))
        self.difference_label.setText(text)
        self.difference_label.setProperty("short", check.short)
        self.difference_label.setStyleSheet("font-size: 14pt; " + difference_style(difference))

    def enable_confirm(self, enabled: bool) -> None:
        self.confirm_button.setEnabled(enabled)

    def show_count_needed(self) -> None:
        set_message(self.message, self.tr("Type the counted cash in rupiah."), "error")

    def show_error(self, error: KnownError) -> None:
        set_message(self.message, error_text(error, self.ctx.lang), "error")

    def show_closed(self, day: Day) -> None:
        self.closed_day.emit(day)
        self.ctx.bus.day_changed.emit()
        self.accept()

"""Opening the business day from the window (the float is asked for, never assumed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from booth_pos.model import KnownError
from booth_pos.money import MoneyError, parse_rupiah
from booth_pos.services import days
from booth_pos.ui.context import AppContext
from booth_pos.ui.widgets import error_text, message_label, set_message


class OpenDayDialog(QDialog):
    """Asks for the opening cash float and opens the business day."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("openDayDialog")
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
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Open day"))
        buttons.accepted.connect(self.open_day)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.float_input.returnPressed.connect(self.open_day)

    def open_day(self) -> None:
        text = self.float_input.text().strip() or "0"
        try:
            amount = parse_rupiah(text, allow_zero=True)
            days.open_day(self.ctx.store, self.ctx.clock, amount)
        except MoneyError:
            set_message(self.message, self.tr("Type the float in rupiah, e.g. 500.000"), "error")
            return
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self.ctx.bus.day_changed.emit()
        self.accept()

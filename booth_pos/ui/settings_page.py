"""Settings: the stand, the event, receipts, language, printer and backups."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import KnownError, Settings
from booth_pos.services import settings as settings_service
from booth_pos.services import staff
from booth_pos.ui.context import AppContext
from booth_pos.ui.widgets import error_text, message_label, set_message


class SettingsPage(QWidget):
    """Edits ``Settings``; nothing is saved until every field is valid.

    Signals:
        test_done(str), test_failed(object): a test print's outcome, from the printing thread.
    """

    test_done = Signal(str)
    test_failed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        apply_language: Callable[[str], None] | None = None,
        parent=None,
    ):
        """``apply_language`` switches the whole window when the saved language changes."""
        super().__init__(parent)
        self.test_done.connect(self._test_done)
        self.test_failed.connect(self._test_failed)
        self.setObjectName("settingsPage")
        self.ctx = ctx
        self.apply_language = apply_language
        outer = QVBoxLayout(self)
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        outer.addWidget(title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        body = QWidget()
        columns = QHBoxLayout(body)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.fields: dict[str, QWidget] = {}
        stand = self._group(left, self.tr("Stand and event"))
        self._line(stand, "stand_name", self.tr("Stand name"))
        self._line(stand, "event_name", self.tr("Event"))
        self._line(stand, "venue", self.tr("Venue"))
        self._line(stand, "event_start", self.tr("First day (YYYY-MM-DD)"))
        self._line(stand, "event_end", self.tr("Last day (YYYY-MM-DD)"))
        self._line(stand, "timezone", self.tr("Time zone"))
        self._line(stand, "till", self.tr("Till code"))
        self._line(stand, "main_till", self.tr("Main till (owns the catalogue)"))
        self.fields["main_till"].setToolTip(
            self.tr(
                "The till code of the stand's main till: it edits artisans and products and settles with them; the other tills take its catalogue"  # noqa: E501
            )
        )
        self._line(stand, "contact", self.tr("Contact for bulk orders"))
        self._line(stand, "logo", self.tr("Logo (image file, for the customer display)"))

        receipt = self._group(left, self.tr("Receipts"))
        # Per receipt language: a tourist's English receipt gets English lines.
        self._text(receipt, "receipt_header", self.tr("Header lines (Indonesian)"))
        self._text(receipt, "receipt_footer", self.tr("Footer lines (Indonesian)"))
        self._text(receipt, "receipt_header_en", self.tr("Header lines (English)"))
        self.fields["receipt_header_en"].setPlaceholderText(self.tr("Empty: the Indonesian ones"))
        self._text(receipt, "receipt_footer_en", self.tr("Footer lines (English)"))
        self._combo(
            receipt,
            "receipt_lang",
            self.tr("Receipt language"),
            [("id", "Bahasa Indonesia"), ("en", "English")],
        )
        self._combo(
            receipt, "receipt_width", self.tr("Paper width"), [("80", "80 mm"), ("58", "58 mm")]
        )
        # The rates of the day: a customer's origin picks its currency (KR: KRW, FR: EUR,
        # IN: INR, other foreigners: USD); the first is shown when no origin is chosen.
        self._line(receipt, "rates", self.tr("Rates of the day (rupiah per unit)"))
        self.fields["rates"].setPlaceholderText("EUR=17250; USD=15300; KRW=11,85; INR=190")
        self.fields["rates"].setToolTip(
            self.tr("Customers from KR see KRW, FR see EUR, IN see INR, other foreigners USD; the first rate is used when no origin is chosen. Printed as reference only, not a charge.")  # noqa: E501
        )
        self._line(receipt, "rates_date", self.tr("Rates entered on (YYYY-MM-DD)"))
        self.fields["rates_date"].setPlaceholderText(self.tr("Empty: today, when the rates change"))

        general = self._group(right, self.tr("Till"))
        self._combo(
            general,
            "ui_lang",
            self.tr("Window language"),
            [("id", "Bahasa Indonesia"), ("en", "English")],
        )
        self._line(general, "origins", self.tr("Customer origins"))
        self.fields["origins"].setToolTip(self.tr("Country codes separated by commas"))
        self._line(general, "discount_threshold", self.tr("Supervisor needed above discount"))

        printer = self._group(right, self.tr("Receipt printer"))
        self._combo(
            printer,
            "printer",
            self.tr("Printer"),
            [
                ("pdf", self.tr("PDF folder")),
                ("system", self.tr("System printer")),
                ("escpos", self.tr("ESC/POS thermal printer")),
            ],
        )
        self._line(printer, "printer_target", self.tr("Where"))
        self.fields["printer_target"].setPlaceholderText(
            self.tr("folder · printer name · 192.168.1.87:9100 · usb:04b8:0202 · /dev/usb/lp0")
        )
        self.test_print_button = QPushButton(self.tr("Test print"))
        self.test_print_button.setObjectName("testPrintButton")
        self.test_print_button.clicked.connect(self.test_print)
        printer.addRow("", self.test_print_button)

        qris_form = self._group(right, self.tr("QRIS"))
        self._text(qris_form, "qris_payload", self.tr("Static QRIS (the sticker's text)"))
        self.fields["qris_payload"].setPlaceholderText("000201010211…6304ABCD")
        qris_note = QLabel(
            self.tr(
                "The stand's own static QRIS with the amount filled in, not an acquirer-issued dynamic QRIS: check it on the stand's own phone before the event. The payment is still confirmed on the merchant app."  # noqa: E501
            )
        )
        qris_note.setObjectName("qrisNote")
        qris_note.setWordWrap(True)
        qris_note.setStyleSheet("color: #555;")
        qris_form.addRow(qris_note)

        people = QGroupBox(self.tr("Staff"))
        people_box = QVBoxLayout(people)
        self.staff_list = QListWidget()
        self.staff_list.setObjectName("staffList")
        self.staff_list.setMaximumHeight(110)
        people_box.addWidget(self.staff_list)
        self.add_staff_button = QPushButton(self.tr("Add staff…"))
        self.add_staff_button.setObjectName("addStaffButton")
        self.add_staff_button.clicked.connect(self.add_staff)
        people_box.addWidget(self.add_staff_button)
        right.addWidget(people)

        backup = self._group(right, self.tr("Backups"))
        self._line(backup, "backup_dir", self.tr("Second folder (e.g. a USB stick)"))
        self._line(backup, "backup_minutes", self.tr("Every N minutes"))
        self.restore_button = QPushButton(self.tr("Restore a backup…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(lambda: self.restore_backup())
        backup.addRow("", self.restore_button)
        from booth_pos import logs

        support = self._group(right, self.tr("Support"))
        self.log_path = QLabel(str(logs.log_path()))
        self.log_path.setObjectName("logPath")
        self.log_path.setWordWrap(True)
        self.log_path.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.log_path.setToolTip(self.tr("Warnings, errors and their details, for support"))
        support.addRow(self.tr("Log file"), self.log_path)
        left.addStretch(1)
        right.addStretch(1)

        bottom = QHBoxLayout()
        self.message = message_label("settingsMessage")
        bottom.addWidget(self.message, 1)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("saveSettingsButton")
        self.save_button.setMinimumHeight(44)
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        outer.addLayout(bottom)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _group(self, column: QVBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        column.addWidget(box)
        return form

    def _line(self, form: QFormLayout, key: str, label: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(f"setting_{key}")
        form.addRow(label, edit)
        self.fields[key] = edit

    def _text(self, form: QFormLayout, key: str, label: str) -> None:
        edit = QPlainTextEdit()
        edit.setObjectName(f"setting_{key}")
        edit.setFixedHeight(64)
        form.addRow(label, edit)
        self.fields[key] = edit

    def _combo(self, form: QFormLayout, key: str, label: str, items) -> None:
        combo = QComboBox()
        combo.setObjectName(f"setting_{key}")
        for value, text in items:
            combo.addItem(text, value)
        form.addRow(label, combo)
        self.fields[key] = combo

    # -- values -----------------------------------------------------------------------------

    def refresh_staff(self) -> None:
        self.staff_list.clear()
        roles = {"supervisor": self.tr("supervisor"), "cashier": self.tr("cashier")}
        for person in staff.list_staff(self.ctx.store):
            self.staff_list.addItem(f"{person.name} · {roles.get(str(person.role), '')}")
        if not self.staff_list.count():
            self.staff_list.addItem(self.tr("No accounts: the till runs unlocked"))

    def add_staff(self) -> None:
        from booth_pos.ui.staff_dialogs import AddStaffDialog

        dialog = AddStaffDialog(self.ctx, self)
        dialog.added.connect(lambda _s: self.refresh_staff())
        dialog.added.connect(
            lambda person: set_message(
                self.message, self.tr("Account created: %1").replace("%1", person.name)
            )
        )
        dialog.open()

    def restore_backup(self, src=None):
        """Restore a backup (``ui/restore_dialogs``); returns the flow (tests drive it)."""
        from booth_pos.ui.restore_dialogs import RestoreFlow

        flow = RestoreFlow(self.ctx, self)
        flow.restored.connect(self._restored)
        flow.failed.connect(
            lambda error: set_message(self.message, error_text(error, self.ctx.lang), "error")
        )
        flow.start(src)
        return flow

    def _restored(self, safety) -> None:
        set_message(
            self.message,
            self.tr("Backup restored; the database as it was is kept in %1").replace(
                "%1", str(safety)
            ),
        )
        self.ctx.bus.data_changed.emit()
        self.ctx.bus.day_changed.emit()
        self.refresh()

    def refresh(self) -> None:
        self.refresh_staff()
        values = settings_service.as_texts(settings_service.current(self.ctx.store))
        for key, widget in self.fields.items():
            value = values[key]
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                index = widget.findData(value)
                widget.setCurrentIndex(max(0, index))

    def texts(self) -> dict[str, str]:
        out = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                out[key] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            else:
                out[key] = widget.currentData()
        return out

    def parsed(self) -> Settings | None:
        try:
            return settings_service.from_texts(
                settings_service.current(self.ctx.store), self.texts()
            )
        except settings_service.SettingsError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return None

    def save(self) -> bool:
        new = self.parsed()
        if new is None:
            return False
        try:
            old = settings_service.current(self.ctx.store)
            settings_service.save(
                self.ctx.store, new, actor=self.ctx.cashier, at=self.ctx.clock.now()
            )
        except KnownError as exc:  # nothing was saved (one transaction)
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return False
        set_message(self.message, self.tr("Settings saved"))
        self.ctx.bus.data_changed.emit()
        if new.ui_lang != old.ui_lang and self.apply_language is not None:
            self.apply_language(new.ui_lang)
        return True

    def test_print(self) -> None:
        """Print a sample receipt on the printer as typed (not yet saved), in the background."""
        new = self.parsed()
        if new is None:
            return
        from booth_pos.ui import printing_jobs

        set_message(self.message, self.tr("Printing a test receipt…"), "warn")
        printing_jobs.test_print(self.ctx, new, self.test_done.emit, self.test_failed.emit)

    def _test_done(self, where: str) -> None:
        set_message(self.message, self.tr("Test receipt printed: %1").replace("%1", where))

    def _test_failed(self, error) -> None:
        set_message(self.message, error_text(error, self.ctx.lang), "error")

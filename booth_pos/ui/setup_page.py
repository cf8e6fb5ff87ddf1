"""The first run: a new stand is set up step by step before the till opens.

Four steps (``services.setup.STEPS``): the stand, the event's days, the till and its
receipt printer, then filling the stand (a spreadsheet with a preview, the Artisans and
Products forms, or the demo stand). Each step is checked by the Settings page's own rules
and saved (audited) before the next one shows; the step reached is kept, so closing the
app half-way and opening it again comes back to it. Everything it sets is in Settings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import KnownError, Settings
from booth_pos.services import settings as settings_service
from booth_pos.services import setup
from booth_pos.ui import file_dialogs
from booth_pos.ui.context import AppContext
from booth_pos.ui.widgets import error_text, message_label, set_message


class SetupPage(QWidget):
    """The setup of a new stand (objectName ``setupPage``).

    Attributes:
        fields: setting key (an ``as_texts`` name) -> its widget (``setup_<key>``).
        step: the step shown (a ``services.setup.STEPS`` name).

    Signals:
        finished(): the setup is done (or the demo stand opened): the window shows the till.
        test_done(str), test_failed(object): a test print's outcome, from the printing thread.
    """

    finished = Signal()
    test_done = Signal(str)
    test_failed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        apply_language: Callable[[str], None] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.setObjectName("setupPage")
        self.ctx = ctx
        self.apply_language = apply_language
        self.test_done.connect(
            lambda where: set_message(
                self.message, self.tr("Test receipt printed: %1").replace("%1", where)
            )
        )
        self.test_failed.connect(
            lambda error: set_message(self.message, error_text(error, self.ctx.lang), "error")
        )
        self.fields: dict[str, QWidget] = {}
        self.notes: dict[str, QLabel] = {}
        self.flows: list = []  # the import previews (kept alive while they are open)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        card = QFrame()
        card.setObjectName("setupCard")
        card.setMaximumWidth(900)
        outer.addWidget(card, 1, Qt.AlignHCenter)
        layout = QVBoxLayout(card)
        title = QLabel(self.tr("Set up the stand"))
        title.setObjectName("setupTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(title)
        self.step_label = QLabel()
        self.step_label.setObjectName("setupStepLabel")
        self.step_label.setStyleSheet("font-size: 13pt; color: #555;")
        layout.addWidget(self.step_label)
        self.progress = QHBoxLayout()
        self.progress.setSpacing(6)
        self.progress_labels: list[QLabel] = []
        for i, text in enumerate(self._titles().values()):
            label = QLabel(f"{i + 1}. {text}")
            label.setObjectName(f"setupProgress{i + 1}")
            label.setAlignment(Qt.AlignCenter)
            self.progress.addWidget(label, 1)
            self.progress_labels.append(label)
        layout.addLayout(self.progress)
        self.steps = QStackedWidget()
        self.steps.setObjectName("setupSteps")
        layout.addWidget(self.steps, 1)
        self.steps.addWidget(self._stand_step())
        self.steps.addWidget(self._event_step())
        self.steps.addWidget(self._till_step())
        self.steps.addWidget(self._fill_step())
        self.message = message_label("setupMessage")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("setupBack")
        self.back_button.setMinimumHeight(44)
        self.back_button.clicked.connect(self.back)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("setupNext")
        self.next_button.setMinimumHeight(44)
        self.next_button.setMinimumWidth(200)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)

        self._fill_in(settings_service.current(ctx.store))
        self.step = ""
        self.show_step(setup.step(ctx.store))

    # -- building ---------------------------------------------------------------------------

    def _form(self, intro: str) -> tuple[QWidget, QFormLayout]:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        text = QLabel(intro)
        text.setWordWrap(True)
        text.setStyleSheet("color: #444;")
        column.addWidget(text)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        column.addLayout(form)
        column.addStretch(1)
        return box, form

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> QWidget:
        """A field with its message under it (the Settings rule that refused it)."""
        widget.setObjectName(f"setup_{key}")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        note = message_label(f"setup_{key}Message")
        note.hide()
        column.addWidget(note)
        form.addRow(label, holder)
        self.fields[key] = widget
        self.notes[key] = note
        return widget

    def _line(self, form, key: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.returnPressed.connect(self.next)
        return self._add(form, key, label, edit)

    def _combo(self, form, key: str, label: str, items) -> QComboBox:
        combo = QComboBox()
        for value, text in items:
            combo.addItem(text, value)
        return self._add(form, key, label, combo)

    def _stand_step(self) -> QWidget:
        box, form = self._form(
            self.tr(
                "Welcome. A few questions and the till is ready: who sells, at which event, "
                "on which printer. Everything can be changed later in Settings."
            )
        )
        self._line(
            form, "stand_name", self.tr("Stand name"), self.tr("e.g. Dekranasda Kota Cilegon")
        )
        self._line(form, "event_name", self.tr("Event"), self.tr("e.g. Ina Craft 2023"))
        self._line(
            form, "venue", self.tr("Venue"), self.tr("e.g. Jakarta Convention Center, Hall B")
        )
        self._combo(
            form,
            "ui_lang",
            self.tr("Window language"),
            [("id", "Bahasa Indonesia"), ("en", "English")],
        )
        return box

    def _event_step(self) -> QWidget:
        box, form = self._form(
            self.tr(
                "The days of the event: a day opened outside them asks first. Times are "
                "shown in the event's time zone."
            )
        )
        self._line(form, "event_start", self.tr("First day (YYYY-MM-DD)"), "2023-03-01")
        self._line(form, "event_end", self.tr("Last day (YYYY-MM-DD)"), "2023-03-05")
        self._line(
            form,
            "timezone",
            self.tr("Time zone"),
            self.tr("Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)"),
        )
        return box

    def _till_step(self) -> QWidget:
        box, form = self._form(
            self.tr(
                "The till code starts every receipt number (T1-000001): give each laptop of "
                "the stand its own. Then the receipt printer; try it with a test print."
            )
        )
        self._line(form, "till", self.tr("Till code"), "T1")
        self._combo(
            form,
            "receipt_lang",
            self.tr("Receipt language"),
            [("id", "Bahasa Indonesia"), ("en", "English")],
        )
        self._combo(
            form,
            "printer",
            self.tr("Printer"),
            [
                ("pdf", self.tr("PDF folder")),
                ("system", self.tr("System printer")),
                ("escpos", self.tr("ESC/POS thermal printer")),
            ],
        )
        self._line(
            form,
            "printer_target",
            self.tr("Where"),
            self.tr("folder · printer name · 192.168.1.87:9100 · usb:04b8:0202 · /dev/usb/lp0"),
        )
        self._combo(
            form, "receipt_width", self.tr("Paper width"), [("80", "80 mm"), ("58", "58 mm")]
        )
        self.test_print_button = QPushButton(self.tr("Test print"))
        self.test_print_button.setObjectName("setupTestPrint")
        self.test_print_button.setAutoDefault(False)
        self.test_print_button.clicked.connect(self.test_print)
        self.test_print_button.setMinimumHeight(36)
        row = QHBoxLayout()
        row.addWidget(self.test_print_button)
        row.addStretch(1)
        form.addRow("", row)
        return box

    def _fill_step(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        intro = QLabel(
            self.tr(
                "Last, the artisans the stand sells for and their products. Choose one way "
                "(or several): nothing is written before you confirm."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #444;")
        column.addWidget(intro)
        ways = QHBoxLayout()
        column.addLayout(ways)

        sheet = self._way(
            ways,
            self.tr("From a spreadsheet"),
            self.tr(
                "Artisans first, then products (XLSX or CSV). You see what would be added "
                "and every problem before anything is saved."
            ),
        )
        self.import_artisans_button = self._button(
            sheet, self.tr("Import artisans…"), "setupImportArtisans",
            lambda: self.choose_file("artisans"),
        )  # fmt: skip
        self.import_products_button = self._button(
            sheet, self.tr("Import products…"), "setupImportProducts",
            lambda: self.choose_file("products"),
        )  # fmt: skip
        hint = QLabel(
            "code, name, owner, phone, commission_percent\n"
            "sku, name, artisan_code, category, price, stock, barcode"
        )
        hint.setStyleSheet("color: #666; font-size: 9pt;")
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        sheet.addWidget(hint)

        typed = self._way(
            ways,
            self.tr("Type them in"),
            self.tr("One artisan or product at a time, in the forms of the Artisans and "
                    "Products pages."),
        )  # fmt: skip
        self.add_artisan_button = self._button(
            typed, self.tr("Add artisan…"), "setupAddArtisan", self.add_artisan
        )
        self.add_product_button = self._button(
            typed, self.tr("Add product…"), "setupAddProduct", self.add_product
        )

        demo = self._way(
            ways,
            self.tr("Just trying it out?"),
            self.tr(
                "The demo stand: the Dekranasda Kota Cilegon stand at Ina Craft 2023, "
                "12 artisans and 54 products. Its own names and dates replace yours."
            ),
        )
        self.demo_button = self._button(
            demo, self.tr("Open the demo stand"), "setupDemo", self.demo
        )
        for way in (sheet, typed, demo):
            way.addStretch(1)
        self.counts = QLabel()
        self.counts.setObjectName("setupCounts")
        self.counts.setStyleSheet("font-size: 13pt; font-weight: bold;")
        column.addWidget(self.counts)
        column.addStretch(1)
        return box

    def _way(self, row: QHBoxLayout, title: str, text: str) -> QVBoxLayout:
        group = QGroupBox(title)
        column = QVBoxLayout(group)
        label = QLabel(text)
        label.setWordWrap(True)
        column.addWidget(label)
        row.addWidget(group, 1)
        return column

    def _button(self, column: QVBoxLayout, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(40)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        column.addWidget(button)
        return button

    # -- values -----------------------------------------------------------------------------

    def _fill_in(self, settings: Settings) -> None:
        values = settings_service.as_texts(settings)
        if not setup.started(self.ctx.store) and settings.stand_name == Settings().stand_name:
            values["stand_name"] = ""  # the placeholder shows an example, not "Booth POS"
        values["ui_lang"] = self.ctx.lang  # the language the window speaks now (--lang)
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.setText(values[key])
            else:
                widget.setCurrentIndex(max(0, widget.findData(values[key])))

    def texts(self, step: str | None = None) -> dict[str, str]:
        """The fields of ``step`` (default the one shown) as the settings service reads them."""
        out = {}
        for key in setup.STEPS[step or self.step]:
            widget = self.fields[key]
            out[key] = widget.text() if isinstance(widget, QLineEdit) else widget.currentData()
        return out

    def _clear_notes(self) -> None:
        for note in self.notes.values():
            set_message(note, "")
            note.hide()
        set_message(self.message, "")

    def _refused(self, exc: KnownError) -> None:
        """The message beside the field it is about (else under the step); nothing saved."""
        note = self.notes.get(getattr(exc, "key", ""))
        if note is not None and exc.key in setup.STEPS[self.step]:
            set_message(note, error_text(exc, self.ctx.lang), "error")
            note.show()
            self.fields[exc.key].setFocus()
        else:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")

    # -- moving -----------------------------------------------------------------------------

    def show_step(self, name: str) -> None:
        if name not in setup.STEPS:
            name = setup.ORDER[0]
        self.step = name
        index = setup.ORDER.index(name)
        self.steps.setCurrentIndex(index)
        titles = self._titles()
        for i, label in enumerate(self.progress_labels):
            if i == index:
                style = "background: #1565c0; color: white; font-weight: bold;"
            elif i < index:
                style = "background: #c8e6c9; color: #1b5e20;"
            else:
                style = "background: #e0e0e0; color: #555;"
            label.setStyleSheet(style + " padding: 6px; border-radius: 4px;")
        self.step_label.setText(
            self.tr("Step %1 of %2: %3")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(setup.ORDER)))
            .replace("%3", titles[name])
        )
        self.back_button.setEnabled(index > 0)
        last = name == setup.ORDER[-1]
        self.next_button.setText(self.tr("Open the till") if last else self.tr("Next"))
        if last:
            self.refresh_counts()
        else:
            first = self.fields[setup.STEPS[name][0]]
            first.setFocus()

    def _titles(self) -> dict[str, str]:
        return {
            "stand": self.tr("The stand"),
            "event": self.tr("The event's days"),
            "till": self.tr("The till and its receipt printer"),
            "fill": self.tr("Artisans and products"),
        }

    def showEvent(self, event):  # noqa: N802 - Qt API
        """The step's first field takes the keyboard when the page appears."""
        super().showEvent(event)
        if self.step in setup.STEPS and setup.STEPS[self.step]:
            self.fields[setup.STEPS[self.step][0]].setFocus()

    def next(self) -> bool:
        """Check and save the step shown, then show the next one (or open the till)."""
        self._clear_notes()
        store = self.ctx.store
        if self.step == setup.ORDER[-1]:
            try:
                setup.finish(store)
            except KnownError as exc:
                set_message(self.message, error_text(exc, self.ctx.lang), "error")
                return False
            self.finished.emit()
            return True
        try:
            following = setup.save_step(
                store, self.step, self.texts(), actor=self.ctx.cashier, at=self.ctx.clock.now()
            )
        except KnownError as exc:  # SettingsError names its field; a full disk does not
            self._refused(exc)
            return False
        saved = settings_service.current(store)
        self._fill_in(saved)
        self.ctx.bus.data_changed.emit()
        if saved.ui_lang != self.ctx.lang and self.apply_language is not None:
            self.apply_language(saved.ui_lang)  # rebuilds the window: it opens at `following`
            return True
        self.show_step(following)
        return True

    def back(self) -> None:
        """The step before (what was typed in this one is kept on screen, not saved)."""
        self._clear_notes()
        try:
            self.show_step(setup.go_back(self.ctx.store, self.step))
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")

    # -- the till step ----------------------------------------------------------------------

    def test_print(self) -> None:
        """A sample receipt on the printer as typed (not yet saved), in the background."""
        texts = settings_service.as_texts(settings_service.current(self.ctx.store))
        texts.update(self.texts("till"))
        self._clear_notes()
        try:
            new = settings_service.from_texts(settings_service.current(self.ctx.store), texts)
        except settings_service.SettingsError as exc:
            self._refused(exc)
            return
        from booth_pos.ui import printing_jobs

        set_message(self.message, self.tr("Printing a test receipt…"), "warn")
        printing_jobs.test_print(self.ctx, new, self.test_done.emit, self.test_failed.emit)

    # -- the fill step ----------------------------------------------------------------------

    def refresh_counts(self) -> None:
        store = self.ctx.store
        try:
            artisans, goods = len(store.artisans.codes()), store.products.count()
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self.counts.setText(
            self.tr("On the stand now: %1 artisans, %2 products")
            .replace("%1", str(artisans))
            .replace("%2", str(goods))
        )

    def choose_file(self, kind: str) -> None:
        caption = self.tr("Import artisans") if kind == "artisans" else self.tr("Import products")
        path = file_dialogs.open_file_name(
            self, caption, str(Path.home()), self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path:
            self.preview_file(kind, Path(path))

    def preview_file(self, kind: str, path: Path):
        """The import's preview for ``path``; written only on confirm. Returns the flow."""
        from booth_pos.ui.import_preview import ImportFlow

        if kind == "products" and not self.ctx.store.artisans.codes():
            set_message(self.message, self.tr("Import or add the artisans first"), "warn")
            return None
        flow = ImportFlow(self.ctx, kind, self)
        flow.imported.connect(self._imported)
        self.flows = [f for f in self.flows if f.dialog is not None] + [flow]
        flow.start(path)
        return flow

    def _imported(self, result) -> None:
        self.refresh_counts()
        set_message(
            self.message,
            self.tr("%1 added, %2 updated")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated)),
        )

    def add_artisan(self):
        from booth_pos.ui.record_dialogs import ArtisanDialog

        dialog = ArtisanDialog(self.ctx, self)
        dialog.accepted.connect(self.refresh_counts)
        dialog.open()
        return dialog

    def add_product(self):
        from booth_pos.ui.record_dialogs import ProductDialog

        if not self.ctx.store.artisans.codes():
            set_message(self.message, self.tr("Import or add the artisans first"), "warn")
            return None
        dialog = ProductDialog(self.ctx, self)
        dialog.accepted.connect(self.refresh_counts)
        dialog.open()
        return dialog

    def demo(self) -> bool:
        """Open the demo stand (12 artisans, 54 products) and go to the till."""
        try:
            setup.open_demo(self.ctx.store, self.ctx.clock)
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return False
        self.ctx.bus.data_changed.emit()
        self.finished.emit()
        return True

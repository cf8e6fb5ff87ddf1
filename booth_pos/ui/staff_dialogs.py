"""Signing in, adding staff, and a supervisor's approval: the till's people."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from booth_pos.model import KnownError, Role
from booth_pos.services import staff
from booth_pos.ui.context import AppContext
from booth_pos.ui.scan_guard import ScanGuard
from booth_pos.ui.widgets import error_text, message_label, set_message


def pin_field(name: str) -> QLineEdit:
    """A PIN entry: digits only, shown as dots, at most eight."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.Password)
    edit.setMaxLength(8)
    edit.setInputMethodHints(Qt.ImhDigitsOnly)
    return edit


class SupervisorBox(QGroupBox):
    """Who approves, their PIN and the reason: the part every correction dialog shares."""

    def __init__(self, ctx: AppContext, *, with_reason: bool = True, parent=None):
        super().__init__(self.tr("Supervisor approval"), parent)
        self.setObjectName("supervisorBox")
        form = QFormLayout(self)
        self.supervisor = QComboBox()
        self.supervisor.setObjectName("supervisorName")
        for person in staff.list_staff(ctx.store):
            if person.is_supervisor and not staff.same_person(person.name, ctx.cashier):
                self.supervisor.addItem(person.name)
        form.addRow(self.tr("Supervisor"), self.supervisor)
        self.pin = pin_field("supervisorPin")
        form.addRow(self.tr("Supervisor PIN"), self.pin)
        self.reason = QLineEdit()
        self.reason.setObjectName("approvalReason")
        self.reason.setPlaceholderText(self.tr("e.g. damaged, wrong size, bulk buyer"))
        if with_reason:
            form.addRow(self.tr("Reason"), self.reason)

    def values(self) -> tuple[str, str, str]:
        return self.supervisor.currentText(), self.pin.text(), self.reason.text()

    def clear_pin(self) -> None:
        self.pin.clear()
        self.pin.setFocus()


class SignInDialog(QDialog):
    """Choose who you are and type your PIN; five wrong PINs lock the account for a while.

    Signals:
        signed_in(object): the Staff who signed in.
    """

    signed_in = Signal(object)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("signInDialog")
        ScanGuard.protect(self)  # a scanner never types into this dialog
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(380)
        font = self.font()
        font.setPointSize(14)
        self.setFont(font)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who is at the till?")))
        form = QFormLayout()
        self.name = QComboBox()
        self.name.setObjectName("staffName")
        for person in staff.list_staff(ctx.store):
            self.name.addItem(person.name)
        if ctx.cashier:
            self.name.setCurrentText(ctx.cashier)
        form.addRow(self.tr("Name"), self.name)
        self.pin = pin_field("pinInput")
        self.pin.returnPressed.connect(self.sign_in)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        self.message = message_label("signInMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pin.setFocus()

    def sign_in(self) -> None:
        try:
            person = staff.sign_in(
                self.ctx.store, self.name.currentText(), self.pin.text(), self.ctx.clock
            )
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            self.pin.clear()
            self.pin.setFocus()
            return
        self.ctx.cashier = person.name
        self.signed_in.emit(person)
        self.accept()


class AddStaffDialog(QDialog):
    """Create an account. The first one is a supervisor; later ones need a supervisor's PIN.

    Signals:
        added(object): the new Staff.
    """

    added = Signal(object)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("addStaffDialog")
        ScanGuard.protect(self)  # a scanner never types into this dialog
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.ctx = ctx
        self.first = not staff.staff_exist(ctx.store)
        self.setWindowTitle(
            self.tr("Create the first supervisor") if self.first else self.tr("Add staff")
        )
        layout = QVBoxLayout(self)
        if self.first:
            note = QLabel(
                self.tr(
                    "Once an account exists, the till asks who is selling and corrections need "
                    "a supervisor's PIN."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("newStaffName")
        form.addRow(self.tr("Name"), self.name)
        self.role = QComboBox()
        self.role.setObjectName("newStaffRole")
        self.role.addItem(self.tr("Supervisor"), Role.SUPERVISOR.value)
        if not self.first:
            self.role.addItem(self.tr("Cashier"), Role.CASHIER.value)
            self.role.setCurrentIndex(1)
        form.addRow(self.tr("Role"), self.role)
        self.pin = pin_field("newStaffPin")
        self.pin_again = pin_field("newStaffPinAgain")
        form.addRow(self.tr("PIN (4 to 8 digits)"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        layout.addLayout(form)
        self.approval = None
        if not self.first:
            self.approval = SupervisorBox(ctx, with_reason=False)
            layout.addWidget(self.approval)
        self.message = message_label("addStaffMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.pin.text() != self.pin_again.text():
            set_message(self.message, self.tr("The two PINs differ"), "error")
            return
        supervisor, supervisor_pin, _ = self.approval.values() if self.approval else ("", "", "")
        try:
            person = staff.add_staff(
                self.ctx.store,
                self.name.text(),
                self.role.currentData(),
                self.pin.text(),
                self.ctx.clock,
                supervisor=supervisor,
                supervisor_pin=supervisor_pin,
            )
        except KnownError as exc:
            set_message(self.message, error_text(exc, self.ctx.lang), "error")
            return
        self.added.emit(person)
        self.accept()

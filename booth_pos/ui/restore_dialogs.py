"""Restoring a backup from the window: the file, its passphrase, a confirmation, the restore.

The checks are the command line's (``services.backup.restore``): a file that is not this
stand's backup is refused with its reason; one that would lose sales, or a database that
cannot be read, asks first ("Backup ini berisi 120 penjualan, database sekarang 240:
yakin?", No by default), where the command line wants ``--force``. The restore runs on the
window's worker thread with a connection of its own, behind a progress dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from booth_pos.money import format_number
from booth_pos.services import backup, encryption
from booth_pos.services import settings as settings_service
from booth_pos.ui.context import AppContext


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an encrypted backup (typed hidden).

    Signals:
        given(str): the passphrase, when the person confirms.
    """

    given = Signal(str)

    def __init__(self, src: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Encrypted backup"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Passphrase of %1").replace("%1", src.name))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.field = QLineEdit()
        self.field.setObjectName("passphraseField")
        self.field.setEchoMode(QLineEdit.Password)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accepted.connect(lambda: self.given.emit(self.field.text()))


class RestoreFlow(QObject):
    """One restore from the window, from choosing the file to the result.

    Signals:
        restored(object): the safety backup (a Path) of what was replaced.
        failed(object): a KnownError that refused or stopped it (nothing was changed).
        cancelled(): the person said No (or closed a dialog).
    """

    restored = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.src: Path | None = None
        self.passphrase: str | None = None
        self.future = None
        self.box: QMessageBox | None = None

    def start(self, src: str | Path | None = None) -> None:
        """Ask for the file (unless given), its passphrase if encrypted, then restore."""
        if src is None:
            from booth_pos.ui.file_dialogs import open_file_name

            folder = str(backup.backup_folder(self.ctx.store))
            src = open_file_name(
                self.widget,
                self.tr("Restore a backup"),
                folder,
                self.tr("Booth POS backups (*.sqlite *.enc *.db *.bak);;All files (*)"),
            )
            if not src:
                self.cancelled.emit()
                return
        self.src = Path(src)
        if encryption.is_encrypted(self.src):
            dialog = PassphraseDialog(self.src, self.widget)
            dialog.given.connect(self._with_passphrase)
            dialog.rejected.connect(self.cancelled.emit)
            dialog.setAttribute(Qt.WA_DeleteOnClose)
            dialog.open()
            return
        self.run(force=False)

    def _with_passphrase(self, passphrase: str) -> None:
        self.passphrase = passphrase
        self.run(force=False)

    def run(self, *, force: bool):
        """Check and restore on the worker thread; returns the job's future."""
        from booth_pos.ui.background import run_with_progress

        db_path = settings_service.data_path(self.ctx.store)
        src, passphrase, clock, actor = self.src, self.passphrase, self.ctx.clock, self.ctx.cashier

        def job(progress, _cancelled):
            from booth_pos.store import open_store

            own = open_store(db_path)  # never the GUI thread's connection
            try:
                return backup.restore(
                    own,
                    src,
                    force=force,
                    passphrase=passphrase,
                    clock=clock,
                    actor=actor,
                    progress=progress,
                )
            finally:
                own.close()

        self.future = run_with_progress(
            self.widget,
            label=self.tr("Checking the backup…"),
            job=job,
            done=self._done,
            failed=self._failed,
            cancellable=False,  # the check is short; the restore itself is one step
        )
        return self.future

    def _done(self, safety) -> None:
        self.ctx.store.forget_cached()  # the file's contents were replaced under it
        self.restored.emit(safety)

    def _failed(self, error) -> None:
        if isinstance(error, backup.RestoreNeedsConfirmation):
            self.confirm(error)
        else:
            self.failed.emit(error)

    def confirm(self, error: backup.RestoreNeedsConfirmation) -> QMessageBox:
        """Ask before a restore that loses sales or cannot compare; No is the default."""
        check, lang = error.check, self.ctx.lang
        if not check.live_readable:
            text = self.tr(
                "The database here cannot be read: replace it with this backup of %1 sales?"
            ).replace("%1", format_number(check.sales, lang))
        elif check.other_stand:
            text = self.tr(
                "This backup is of another stand (%1 sales): make this laptop that stand?"
            ).replace("%1", format_number(check.sales, lang))
        else:
            text = (
                self.tr("This backup holds %1 sales, the database now %2: are you sure?")
                .replace("%1", format_number(check.sales, lang))
                .replace("%2", format_number(check.live_sales, lang))
            )
        box = QMessageBox(
            QMessageBox.Warning,
            self.tr("Restore a backup"),
            text,
            QMessageBox.Yes | QMessageBox.No,
            self.widget,
        )
        box.setObjectName("restoreConfirmBox")
        box.setInformativeText(
            self._consequence(error)
            + " "
            + self.tr("The database as it is now is kept in a safety backup first.")
        )
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        box.button(QMessageBox.Yes).setText(self.tr("Yes, restore"))
        box.button(QMessageBox.No).setText(self.tr("No"))
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._answered(box))
        self.box = box
        box.open()  # never exec(): the till's event loop keeps running
        return box

    def _consequence(self, error: backup.RestoreNeedsConfirmation) -> str:
        """What saying Yes costs, in a sentence that does not repeat the question."""
        check, lang = error.check, self.ctx.lang
        if not check.live_readable or check.other_stand:
            return error.text(lang) + "."
        if check.lost_sales:
            return self.tr("Restoring it loses the %1 sales recorded since the backup.").replace(
                "%1", format_number(check.lost_sales, lang)
            )
        return self.tr(
            "Its journal does not continue the database's: what was recorded since (a day "
            "close, a refund) is lost."
        )

    def _answered(self, box: QMessageBox) -> None:
        self.box = None
        if box.clickedButton() is box.button(QMessageBox.Yes):
            self.run(force=True)
        else:
            self.cancelled.emit()

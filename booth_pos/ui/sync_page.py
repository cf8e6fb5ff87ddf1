"""The Sync page (objectName ``syncPage``) and the window's background push.

``SyncWorker`` lives as long as the window: every minute it looks whether this till (not the
main till, with ``sync_url`` and ``sync_code`` set) is due to push (``sync_minutes``) and
runs ``lan.push`` on a thread of its own with a store of its own; the GUI thread never waits
for the network. On the main till it can also serve the other tills (``lan_server``) while
the window is open. The page shows it all and offers push now, the pairing code, and bundle
files for a USB stick.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from booth_pos.model import KnownError
from booth_pos.services import lan, sync
from booth_pos.services.lan import SyncStatus
from booth_pos.ui import file_dialogs
from booth_pos.ui.background import run_with_progress
from booth_pos.ui.context import AppContext
from booth_pos.ui.presenters.sync import PushOutcome, SyncPresenter
from booth_pos.ui.widgets import error_text, message_label, set_message
from booth_pos.workers import SerialWorker

log = logging.getLogger("booth_pos.ui.sync")
_push_work = SerialWorker("sync-push")


class SyncWorker(QObject):
    """Pushes in the background every ``sync_minutes`` and serves when asked.

    Attributes:
        last: the last push's ``PushOutcome`` (None before the first).
        server: the running ``lan_server.Running`` on the main till, or None.
        port: where ``serve`` listens (tests use 0: any free port).

    Signals:
        finished(object): a push ended (a ``PushOutcome``), on the GUI thread.
    """

    finished = Signal(object)
    _done = Signal(object)
    _served = Signal(object)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.last: PushOutcome | None = None
        self.server = None
        self.port = lan.DEFAULT_PORT
        self.running = False
        self._last_try = time.monotonic()  # the first automatic push after N minutes
        self._done.connect(self._finish, Qt.QueuedConnection)
        self._served.connect(self._imported, Qt.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        from booth_pos.ui.central_push import CentralPusher

        self.central = CentralPusher(ctx, self)  # the council's database, in the background

    def due(self) -> bool:
        s = self.ctx.store.settings()
        if s.till == s.main_till or not s.sync_url or not s.sync_code:
            return False
        return time.monotonic() - self._last_try >= s.sync_minutes * 60

    def tick(self) -> None:
        if self.due():
            self.push_now()

    def push_now(self) -> bool:
        """Start a push on the worker thread; False if one is already running."""
        if self.running:
            return False
        s = self.ctx.store.settings()
        self.running = True
        self._last_try = time.monotonic()
        path, clock, url, code = self.ctx.store.path, self.ctx.clock, s.sync_url, s.sync_code
        done = self._done

        def job():
            from booth_pos.store import open_store

            try:
                store = open_store(path)
                try:
                    result = lan.push(store, url, code, at=clock.now)
                finally:
                    store.close()
            except KnownError as exc:
                done.emit(PushOutcome(clock.now(), error=exc))
                return
            except Exception as exc:  # a bug: logged; the till keeps selling
                log.exception("background push")
                done.emit(
                    PushOutcome(
                        clock.now(),
                        error=KnownError(en=f"Push failed: {exc}", id=f"Pengiriman gagal: {exc}"),
                    )
                )
                return
            got = result.received
            done.emit(
                PushOutcome(
                    clock.now(),
                    sent=sum((result.sent or {}).get("entries", {}).values()),
                    received=sum(got.entries.values()) if got else 0,
                    joined=result.joined,
                )
            )

        _push_work.submit(job)
        return True

    def _finish(self, outcome: PushOutcome) -> None:
        self.running = False
        self.last = outcome
        if outcome.changed:  # the catalogue or the stock may have moved under the window
            self.ctx.store.forget_settings()
            self.ctx.bus.data_changed.emit()
        self.finished.emit(outcome)

    def _imported(self, _summary) -> None:
        """Another till's push landed in this window's file: the pages show it."""
        self.ctx.bus.data_changed.emit()

    def wait(self, timeout: float) -> bool:
        return _push_work.wait(timeout)

    # -- serving the other tills from this window -----------------------------------------

    def serve(self, on: bool) -> None:
        """Start (with a pairing code) or stop serving; ``KnownError`` if the port is taken."""
        from booth_pos.services import lan_server

        if not on:
            if self.server is not None:
                self.server.stop()
                self.server = None
            return
        if self.server is None:
            lan.pairing_code(self.ctx.store)
            try:
                self.server = lan_server.start(
                    self.ctx.store.path,
                    self.ctx.clock,
                    "0.0.0.0",
                    self.port,
                    on_import=self._served.emit,
                )
            except OSError as exc:
                raise lan.LanError(
                    en=f"Cannot serve on port {self.port}: {exc.strerror or exc}",
                    id=f"Tidak bisa melayani di port {self.port}: {exc.strerror or exc}",
                ) from None

    def shutdown(self) -> None:
        self.timer.stop()
        self.central.shutdown()
        self.serve(False)
        _push_work.wait(lan.CONNECT_TIMEOUT + 2)


class SyncPage(QWidget):
    """Shows this till's place at the stand and runs the exchanges (``SyncPresenter``)."""

    def __init__(self, ctx: AppContext, worker: SyncWorker, parent=None):
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.ctx, self.worker = ctx, worker
        outer = QVBoxLayout(self)
        title = QLabel(self.tr("Sync between tills"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        outer.addWidget(title)
        self.status_label = QLabel()
        self.status_label.setObjectName("syncStatus")
        self.status_label.setStyleSheet("font-size: 12pt;")
        outer.addWidget(self.status_label)

        # The main till: its pairing code and serving.
        self.main_box = QGroupBox(self.tr("Pairing code for the other tills"))
        main = QVBoxLayout(self.main_box)
        self.code_label = QLabel()
        self.code_label.setObjectName("pairingCode")
        self.code_label.setStyleSheet("font-size: 28pt; font-weight: bold; letter-spacing: 4px;")
        self.code_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        main.addWidget(self.code_label)
        row = QHBoxLayout()
        self.renew_button = QPushButton(self.tr("New pairing code"))
        self.renew_button.setObjectName("renewCode")
        self.serve_toggle = QCheckBox(self.tr("Serve the other tills from this window"))
        self.serve_toggle.setObjectName("serveToggle")
        row.addWidget(self.renew_button)
        row.addWidget(self.serve_toggle)
        row.addStretch(1)
        main.addLayout(row)
        self.serve_label = QLabel()
        self.serve_label.setObjectName("serveStatus")
        self.serve_label.setWordWrap(True)
        main.addWidget(self.serve_label)
        outer.addWidget(self.main_box)

        # Another till: where and how often it pushes.
        self.push_box = QGroupBox(self.tr("Push to the main till"))
        form = QFormLayout(self.push_box)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("syncUrl")
        self.url_edit.setPlaceholderText("http://192.168.43.10:8765")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("syncCode")
        self.code_edit.setPlaceholderText("K7QM-4XTR")
        self.minutes_edit = QLineEdit()
        self.minutes_edit.setObjectName("syncMinutes")
        form.addRow(self.tr("Main till's address"), self.url_edit)
        form.addRow(self.tr("Pairing code"), self.code_edit)
        form.addRow(self.tr("Push every (minutes)"), self.minutes_edit)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveSync")
        self.push_button = QPushButton(self.tr("Push now"))
        self.push_button.setObjectName("pushNow")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.push_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.push_label = message_label("pushStatus")
        form.addRow(self.push_label)
        outer.addWidget(self.push_box)

        # The council's central database: any till may push what it holds (the main till
        # holds the whole stand); the push only reads this file.
        self.central_box = QGroupBox(self.tr("The council's central database"))
        self.central_box.setObjectName("centralBox")
        central = QFormLayout(self.central_box)
        self.central_edit = QLineEdit()
        self.central_edit.setObjectName("centralDsn")
        self.central_edit.setEchoMode(QLineEdit.PasswordEchoOnEdit)  # it holds a password
        self.central_edit.setPlaceholderText("postgresql://stand:…@office.example/council")
        central.addRow(self.tr("Address (DSN)"), self.central_edit)
        central_buttons = QHBoxLayout()
        self.central_save = QPushButton(self.tr("Save"))
        self.central_save.setObjectName("saveCentral")
        self.central_push = QPushButton(self.tr("Push now"))
        self.central_push.setObjectName("centralPush")
        central_buttons.addWidget(self.central_save)
        central_buttons.addWidget(self.central_push)
        central_buttons.addStretch(1)
        central.addRow(central_buttons)
        self.central_label = message_label("centralStatus")
        central.addRow(self.central_label)
        outer.addWidget(self.central_box)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("tillsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Till"), self.tr("Last entry"), self.tr("Time"), self.tr("Reference")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        outer.addWidget(QLabel(self.tr("Other tills whose records this till has")))
        outer.addWidget(self.table, 1)

        files = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export bundle to a file…"))
        self.export_button.setObjectName("exportBundle")
        self.import_button = QPushButton(self.tr("Import a bundle file…"))
        self.import_button.setObjectName("importBundle")
        files.addWidget(self.export_button)
        files.addWidget(self.import_button)
        files.addStretch(1)
        outer.addLayout(files)
        self.message = message_label("syncMessage")
        outer.addWidget(self.message)

        self.presenter = SyncPresenter(
            self,
            load=lambda: lan.status(ctx.store),
            save=lambda url, code, minutes: lan.save_target(
                ctx.store, url, code, minutes, actor=ctx.cashier
            ),
            push=worker.push_now,
            renew=lambda: lan.pairing_code(ctx.store, renew=True),
        )
        self.renew_button.clicked.connect(self.presenter.renew_code)
        self.serve_toggle.toggled.connect(self._serve)
        self.save_button.clicked.connect(self.save)
        self.push_button.clicked.connect(self.presenter.push_now)
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)
        worker.finished.connect(self.presenter.pushed)
        self.central_save.clicked.connect(self.save_central)
        self.central_push.clicked.connect(self.push_central)
        worker.central.finished.connect(self.show_central)
        self.central_edit.setText(ctx.store.settings().central_dsn)
        if worker.central.last is not None:
            self.show_central(worker.central.last)
        self.refresh()
        self._fill_form()
        if worker.last is not None:
            self.show_outcome(worker.last)

    def refresh(self) -> None:
        self.presenter.refresh()

    def _fill_form(self) -> None:
        s = self.presenter.status
        if s is not None:
            self.url_edit.setText(s.url)
            self.code_edit.setText(lan.shown_code(self.ctx.store.settings().sync_code))
            self.minutes_edit.setText(str(s.minutes))

    def save(self) -> bool:
        return self.presenter.save(
            self.url_edit.text(), self.code_edit.text(), self.minutes_edit.text()
        )

    # -- the view the presenter talks to ---------------------------------------------------

    def show_status(self, status: SyncStatus) -> None:
        if status.is_main:
            text = self.tr("This till (%1) is the stand's main till").replace("%1", status.till)
        else:
            text = (
                self.tr("This till: %1 · main till: %2")
                .replace("%1", status.till)
                .replace("%2", status.main_till)
            )
        self.status_label.setText(text)
        self.main_box.setVisible(status.is_main)
        self.push_box.setVisible(not status.is_main)
        self.code_label.setText(status.code or "—")
        running = self.worker.server is not None
        self.serve_toggle.blockSignals(True)
        self.serve_toggle.setChecked(running)
        self.serve_toggle.blockSignals(False)
        if running:
            urls = lan.main_till_url(self.worker.server.port)
            self.serve_label.setText(
                self.tr("Serving: the other tills push to %1").replace("%1", ", ".join(urls))
            )
        else:
            self.serve_label.setText(self.tr("Not serving from this window"))
        self.table.setRowCount(len(status.tills))
        for r, row in enumerate(status.tills):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))

    def show_busy(self, busy: bool) -> None:
        self.push_button.setEnabled(not busy)
        if busy:
            set_message(self.push_label, self.tr("Pushing…"), "warn")

    def show_outcome(self, outcome: PushOutcome) -> None:
        when = outcome.at.astimezone().strftime("%H:%M")
        if outcome.error is not None:
            set_message(
                self.push_label,
                self.tr("Last push %1 failed: %2")
                .replace("%1", when)
                .replace("%2", error_text(outcome.error, self.ctx.lang)),
                "error",
            )
            return
        text = (
            self.tr("Last push %1: sent %2 entries, received %3")
            .replace("%1", when)
            .replace("%2", str(outcome.sent))
            .replace("%3", str(outcome.received))
        )
        if outcome.joined:
            text += " · " + self.tr("joined the stand")
        set_message(self.push_label, text, "ok")

    # -- the council's central database ---------------------------------------------------

    def save_central(self) -> bool:
        """Save ``central_dsn`` as typed; a bad one is said beside the field, nothing saved."""
        from dataclasses import replace

        from booth_pos.services import settings as settings_service

        store = self.ctx.store
        try:
            current = settings_service.current(store)
            new = settings_service.from_texts(
                current,
                {**settings_service.as_texts(current), "central_dsn": self.central_edit.text()},
            )
            settings_service.save(
                store,
                replace(current, central_dsn=new.central_dsn),
                actor=self.ctx.cashier,
                at=self.ctx.clock.now(),
            )
        except KnownError as exc:
            set_message(self.central_label, error_text(exc, self.ctx.lang), "error")
            return False
        set_message(self.central_label, self.tr("Saved"), "ok")
        return True

    def push_central(self) -> None:
        if not self.save_central():
            return
        if self.worker.central.push_now():
            set_message(self.central_label, self.tr("Pushing…"), "warn")
        elif not self.ctx.store.settings().central_dsn:
            set_message(
                self.central_label, self.tr("Type the central database's address first"), "error"
            )

    def show_central(self, outcome) -> None:
        when = outcome.at.astimezone().strftime("%H:%M")
        if outcome.error is not None:
            set_message(
                self.central_label,
                self.tr("Last push %1 failed: %2")
                .replace("%1", when)
                .replace("%2", error_text(outcome.error, self.ctx.lang)),
                "error",
            )
            return
        set_message(
            self.central_label,
            self.tr("Last push to the central database %1: %2 new entries")
            .replace("%1", when)
            .replace("%2", str(outcome.added)),
            "ok",
        )

    def show_error(self, error: KnownError) -> None:
        set_message(self.message, error_text(error, self.ctx.lang), "error")

    def show_saved(self) -> None:
        set_message(self.message, self.tr("Saved"), "ok")

    # -- serving, bundle files ---------------------------------------------------------------

    def _serve(self, on: bool) -> None:
        try:
            self.worker.serve(on)
        except KnownError as exc:
            self.show_error(exc)
        self.refresh()

    def _ask_export(self) -> None:
        name = file_dialogs.save_file_name(
            self,
            self.tr("Export bundle"),
            f"booth-pos-{self.ctx.store.settings().till}.bundle",
            self.tr("Bundles (*.bundle)"),
        )
        if name:
            self.export_bundle(Path(name))

    def _ask_import(self) -> None:
        name = file_dialogs.open_file_name(
            self, self.tr("Import bundle"), "", self.tr("Bundles (*.bundle);;All files (*)")
        )
        if name:
            self.import_bundle(Path(name))

    def export_bundle(self, path: Path):
        """Write this till's bundle on the worker thread (a store of its own)."""
        db, clock = self.ctx.store.path, self.ctx.clock

        def job(_progress, _cancelled):
            from booth_pos.store import open_store

            store = open_store(db)
            try:
                return sync.export_bundle(store, path, at=clock.now())
            finally:
                store.close()

        return run_with_progress(
            self,
            label=self.tr("Writing the bundle…"),
            job=job,
            done=lambda _r: set_message(
                self.message, self.tr("Bundle saved: %1").replace("%1", str(path)), "ok"
            ),
            failed=self.show_error,
            cancellable=False,
        )

    def import_bundle(self, path: Path):
        """Import another till's bundle on the worker thread; the window reloads after."""
        db, clock = self.ctx.store.path, self.ctx.clock

        def job(_progress, _cancelled):
            from booth_pos.store import open_store

            store = open_store(db)
            try:
                return sync.import_bundle(store, path, at=clock.now())
            finally:
                store.close()

        def done(got) -> None:
            self.ctx.store.forget_settings()
            self.ctx.bus.data_changed.emit()
            text = (
                self.tr("Imported from %1: %2 entries")
                .replace("%1", got.till)
                .replace("%2", str(sum(got.entries.values())))
                if got.changed
                else self.tr("Nothing new in this bundle")
            )
            set_message(self.message, text, "ok")
            self.refresh()

        return run_with_progress(
            self,
            label=self.tr("Importing the bundle…"),
            job=job,
            done=done,
            failed=self.show_error,
            cancellable=False,
        )

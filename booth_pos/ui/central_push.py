"""The window's push to the council's central PostgreSQL (``central_dsn``), in the background.

``CentralPusher`` lives with the window's ``SyncWorker``: once a minute it looks whether a
push is due (``central_dsn`` set, ``sync_minutes`` since the last try) and runs
``central.push`` on a thread of its own with a store of its own (the push only reads the
file), with a short connect timeout. The till never waits for the network: an office that
cannot be reached is a line on the Sync page, and the next try comes ``sync_minutes`` later.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from booth_pos.model import KnownError
from booth_pos.workers import SerialWorker

log = logging.getLogger("booth_pos.ui.central")
_central_work = SerialWorker("central-push")

#: Seconds the window's push waits to reach the office before it gives up (the command's
#: own default is longer: a person is waiting for it, not a queue of customers).
CONNECT_TIMEOUT = 5


@dataclass(frozen=True)
class CentralOutcome:
    """How a background push ended: ``added`` entries the office did not have, or
    ``error``."""

    at: datetime
    added: int = 0
    error: KnownError | None = None


class CentralPusher(QObject):
    """Pushes this file's records to ``central_dsn`` in the background.

    Signals:
        finished(object): a push ended (a ``CentralOutcome``), on the GUI thread.
    """

    finished = Signal(object)
    _done = Signal(object)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.last: CentralOutcome | None = None
        self.running = False
        self._last_try = time.monotonic()  # the first automatic push after N minutes
        self._done.connect(self._finish, Qt.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def due(self) -> bool:
        s = self.ctx.store.settings()
        if not s.central_dsn:
            return False
        return time.monotonic() - self._last_try >= s.sync_minutes * 60

    def tick(self) -> None:
        if self.due():
            self.push_now()

    def push_now(self) -> bool:
        """Start a push on the worker thread; False if one is running or no DSN is set."""
        dsn = self.ctx.store.settings().central_dsn
        if self.running or not dsn:
            return False
        self.running = True
        self._last_try = time.monotonic()
        path, clock, done = self.ctx.store.path, self.ctx.clock, self._done

        def job():
            from booth_pos.services import central
            from booth_pos.store import open_store

            try:
                store = open_store(path, existing=True)
                try:
                    summary = central.push(store, dsn, timeout=CONNECT_TIMEOUT)
                finally:
                    store.close()
            except KnownError as exc:
                done.emit(CentralOutcome(clock.now(), error=exc))
                return
            except Exception as exc:  # a bug: logged; the till keeps selling
                log.exception("background central push")
                done.emit(
                    CentralOutcome(
                        clock.now(),
                        error=KnownError(
                            en=f"Push to the central database failed: {exc}",
                            id=f"Pengiriman ke database pusat gagal: {exc}",
                        ),
                    )
                )
                return
            done.emit(CentralOutcome(clock.now(), added=summary.added))

        _central_work.submit(job)
        return True

    def _finish(self, outcome: CentralOutcome) -> None:
        self.running = False
        self.last = outcome
        if outcome.error is not None:
            log.warning("Central push: %s", outcome.error.en)
        self.finished.emit(outcome)

    def wait(self, timeout: float) -> bool:
        return _central_work.wait(timeout)

    def shutdown(self) -> None:
        self.timer.stop()
        _central_work.wait(CONNECT_TIMEOUT + 2)

"""Long work off the GUI thread, with a progress dialog: the till stays responsive.

``run_with_progress`` runs a job on a worker thread and shows a ``QProgressDialog``
(objectName ``progressDialog``) after half a second; the job reports ``progress(done,
total)`` and looks at ``cancelled()``. A job that writes must open a store of its own (a
connection is never shared between threads) and do its writing in one transaction, so
cancelling (it raises from inside the transaction) leaves nothing half-done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from booth_pos.model import KnownError
from booth_pos.workers import SerialWorker

_window_work = SerialWorker("window-work")


class _Relay(QObject):
    """Brings a worker's news to the GUI thread (queued signals)."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


Job = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


def run_with_progress(
    parent: QWidget,
    *,
    label: str,
    job: Job,
    done: Callable[[object], None],
    failed: Callable[[KnownError], None],
    cancellable: bool = True,
) -> Future:
    """Run ``job(progress, cancelled)`` on the worker thread; call ``done(result)`` or
    ``failed(error)`` on the GUI thread afterwards.

    A ``KnownError`` raised by the job (a refused file, a full disk, ``Cancelled``) goes to
    ``failed``; anything else is a bug and goes on to the window's excepthook as well.

    Returns:
        The job's future (tests wait on it; the window does not).
    """
    stop = threading.Event()
    relay = _Relay(parent)
    dialog = QProgressDialog(label, parent.tr("Cancel") if cancellable else "", 0, 0, parent)
    dialog.setObjectName("progressDialog")
    # Not modal: the till stays usable while the work runs (a modal QProgressDialog also
    # spins its own event loop inside setValue, where the news of the end can land).
    dialog.setWindowModality(Qt.NonModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(stop.set)

    def progressed(value: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(value, max(total, 1)))

    def finish(callback, value) -> None:
        dialog.canceled.disconnect(stop.set)
        dialog.hide()
        dialog.deleteLater()
        relay.deleteLater()
        callback(value)

    relay.progressed.connect(progressed)
    relay.finished.connect(lambda result: finish(done, result))
    relay.failed.connect(lambda error: finish(failed, error))

    def run():
        try:
            result = job(relay.progressed.emit, stop.is_set)
        except KnownError as exc:
            relay.failed.emit(exc)
            return None
        except BaseException as exc:
            relay.failed.emit(
                KnownError(en=f"Something went wrong: {exc}", id=f"Terjadi kesalahan: {exc}")
            )
            raise
        relay.finished.emit(result)
        return result

    return _window_work.submit(run)

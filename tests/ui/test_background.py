"""The till never freezes for a backup: periodic and close-day backups run on their own
thread with their own connection, and the window hears how they went."""

from __future__ import annotations

import threading
from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer

from booth_pos.services import days
from booth_pos.store import backup as store_backup

pytestmark = pytest.mark.gui


@pytest.fixture
def held_copies(monkeypatch):
    """Every online backup copy waits until the test lets it go (a big store on a slow
    stick), and says which thread it ran on. A copy run on the GUI thread would hold the
    window for the whole wait, and the test would see the event loop stand still."""
    real = store_backup.online_copy
    started, release, threads = threading.Event(), threading.Event(), []

    def held(source, dest, **kwargs):
        threads.append(threading.current_thread().name)
        started.set()
        if not release.wait(20):
            raise RuntimeError("the test never let the copy go")
        real(source, dest, **kwargs)

    monkeypatch.setattr(store_backup, "online_copy", held)
    return SimpleNamespace(started=started, release=release, threads=threads)


def _loop_runs(qtbot) -> bool:
    """Whether the GUI event loop delivers a timer now (it cannot while a slot blocks it)."""
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)
    return bool(fired)


def test_a_periodic_backup_never_freezes_the_till(qtbot, window, tmp_path, held_copies):
    """While the backup copies, the window keeps handling events; when the copy is let go
    the backup lands and the window hears of it."""
    store = window.ctx.store
    store.save_settings(replace(store.settings(), backup_dir=str(tmp_path / "usb")))
    future = window.periodic_backup()  # returns while the copy is still held
    assert held_copies.started.wait(10)
    assert _loop_runs(qtbot) and not future.done()
    held_copies.release.set()
    outcome = future.result(timeout=30)
    assert outcome.ok and outcome.path.exists()
    qtbot.waitUntil(lambda: window.last_backup == outcome)
    assert held_copies.threads and all(n.startswith("backup") for n in held_copies.threads)


def test_the_close_day_backup_runs_after_the_close_off_the_till(
    qtbot, window, tmp_path, held_copies
):
    """Closing is committed at once; its backup follows on the backup thread while the
    window carries on, and the status bar says where it went."""
    store = window.ctx.store
    store.save_settings(replace(store.settings(), backup_dir=str(tmp_path / "usb")))
    window.show_page("day")
    dialog = window.page("day").ask_close_day()
    qtbot.keyClicks(dialog.counted_input, "500000")
    dialog.confirm()  # returns while the backup's copy is still held
    assert days.current_day(store) is None  # committed before any backup
    assert held_copies.started.wait(10)
    assert _loop_runs(qtbot) and not dialog.backup_future.done()
    held_copies.release.set()
    outcome = dialog.backup_future.result(timeout=30)
    assert outcome.ok and outcome.path.parent == tmp_path / "usb"
    qtbot.waitUntil(lambda: str(tmp_path / "usb") in window.statusBar().currentMessage())
    assert all(name.startswith("backup") for name in held_copies.threads)


def test_settings_show_where_the_support_log_is(qtbot, window):
    """A coordinator on the phone with support can read the log file's path in Settings."""
    from PySide6.QtWidgets import QLabel

    from booth_pos import logs

    window.show_page("settings")
    label = window.page("settings").findChild(QLabel, "logPath")
    assert label is not None and label.isVisible()
    assert label.text() == str(logs.log_path()) and label.text().endswith("booth-pos.log")

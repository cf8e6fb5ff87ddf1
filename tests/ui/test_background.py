"""The till never freezes for a backup: periodic and close-day backups run on their own
thread with their own connection, and the window hears how they went."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QTimer

from booth_pos.services import days
from booth_pos.store import backup as store_backup

pytestmark = pytest.mark.gui


@pytest.fixture
def slow_copies(monkeypatch):
    """Every online backup copy takes a second (a big store on a slow stick) and says which
    thread it ran on."""
    real = store_backup.online_copy
    threads = []

    def slow(source, dest, **kwargs):
        threads.append(threading.current_thread().name)
        time.sleep(1.0)
        real(source, dest, **kwargs)

    monkeypatch.setattr(store_backup, "online_copy", slow)
    return threads


def _longest_gap(qtbot, seconds: float) -> float:
    """Run the event loop for ``seconds`` with a 10 ms timer; the longest gap between ticks."""
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.wait(int(seconds * 1000))
    timer.stop()
    return max((b - a for a, b in zip(ticks, ticks[1:], strict=False)), default=seconds)


def test_a_periodic_backup_never_freezes_the_till(qtbot, window, tmp_path, slow_copies):
    """A one-second backup: the timer's call returns at once, the event loop keeps ticking,
    and the outcome reaches the window when it is done."""
    store = window.ctx.store
    store.save_settings(replace(store.settings(), backup_dir=str(tmp_path / "usb")))
    started = time.perf_counter()
    future = window.periodic_backup()
    assert time.perf_counter() - started < 0.2
    assert _longest_gap(qtbot, 1.2) < 0.2
    outcome = future.result(timeout=30)
    assert outcome.ok and outcome.path.exists()
    qtbot.waitUntil(lambda: window.last_backup == outcome)
    assert slow_copies and all(name.startswith("backup") for name in slow_copies)


def test_the_close_day_backup_runs_after_the_close_off_the_till(
    qtbot, window, tmp_path, slow_copies
):
    """Closing is committed at once; its backup follows on the backup thread and the status
    bar says where it went."""
    store = window.ctx.store
    store.save_settings(replace(store.settings(), backup_dir=str(tmp_path / "usb")))
    window.show_page("day")
    page = window.page("day")
    dialog = page.ask_close_day()
    qtbot.keyClicks(dialog.counted_input, "500000")
    started = time.perf_counter()
    dialog.confirm()
    assert time.perf_counter() - started < 0.5  # the close, not the backup
    assert days.current_day(store) is None  # committed before any backup
    assert _longest_gap(qtbot, 1.2) < 0.2
    outcome = dialog.backup_future.result(timeout=30)
    assert outcome.ok and outcome.path.parent == tmp_path / "usb"
    qtbot.waitUntil(lambda: str(tmp_path / "usb") in window.statusBar().currentMessage())
    assert all(name.startswith("backup") for name in slow_copies)

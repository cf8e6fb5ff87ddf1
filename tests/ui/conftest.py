"""Fixtures that build the real till window on a demo stand with an open day."""

from __future__ import annotations

import pytest

from booth_pos.services import days, demo


@pytest.fixture
def window_factory(qtbot, db_path, clock, monkeypatch):
    """Build the real main window (Indonesian unless told) on a fresh demo database."""
    monkeypatch.setenv("BOOTH_POS_NOW", clock.now().isoformat())
    built = []

    def make(lang: str = "id", *, open_day: bool = True, demo_stand: bool = True):
        from booth_pos.app import build_window

        window = build_window(db_path, lang)
        qtbot.addWidget(window)
        store = window.ctx.store
        if demo_stand and not store.products.count():
            demo.load_stand(store, window.ctx.clock)
            window.ctx.bus.data_changed.emit()
        if open_day and days.current_day(store) is None:
            days.open_day(store, window.ctx.clock, 500_000)
            window.ctx.bus.day_changed.emit()
        with qtbot.waitActive(window):  # shortcuts (F2, F4, F8, F12) need the active window
            window.show()
            window.activateWindow()
        built.append(window)
        return window

    yield make
    for window in built:
        window.ctx.store.close()
    if built:  # the window installed its language app-wide: the next test starts in English
        from booth_pos.ui import i18n

        i18n.install("en")


@pytest.fixture
def window(window_factory):
    return window_factory("id")

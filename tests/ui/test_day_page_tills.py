"""The main till's Day page with a second till's bundle in, and the main till setting."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from booth_pos.clock import Clock
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import demo, selling, sync
from booth_pos.services import settings as settings_service
from booth_pos.services.days import close_day, expected_cash, open_day
from booth_pos.store import open_store
from booth_pos.ui.context import AppContext
from booth_pos.ui.day_page import DayPage
from booth_pos.ui.settings_page import SettingsPage

pytestmark = pytest.mark.gui
START = datetime.fromisoformat("2023-03-01T10:00:00+07:00")


def _clock(minutes: int) -> Clock:
    return Clock(START + timedelta(minutes=minutes))


def _sell(store, sku, minutes, qty=1, method=Method.CASH):
    cart = Cart(cashier="Rina")
    cart.add(store.products.by_code(sku), qty)
    selling.complete(store, cart, [Tender(method)], _clock(minutes))


@pytest.fixture
def two_tills(tmp_path):
    """T1 (main) and T2 selling the same day; T2's noon bundle is in T1."""
    t1 = open_store(tmp_path / "t1.sqlite")
    demo.load_stand(t1, _clock(0))
    sync.export_bundle(t1, tmp_path / "join.bundle", at=START)
    t2 = open_store(tmp_path / "t2.sqlite")
    settings_service.save(t2, replace(t2.settings(), till="T2"), at=START)
    sync.import_bundle(t2, tmp_path / "join.bundle", at=START)
    open_day(t1, _clock(1), 500_000)
    open_day(t2, _clock(2), 200_000)
    for n, sku in enumerate(("BKR-02", "ECO-04", "BMB-01")):
        _sell(t1, sku, 10 + n)
        _sell(t2, sku, 20 + n, qty=2, method=Method.QRIS if n else Method.CASH)
    sync.export_bundle(t2, tmp_path / "noon.bundle", at=START + timedelta(minutes=120))
    sync.import_bundle(t1, tmp_path / "noon.bundle", at=START + timedelta(minutes=125))
    yield t1, t2, tmp_path
    t1.close()
    t2.close()


def _page(qtbot, store, minutes=130):
    page = DayPage(AppContext(store=store, clock=_clock(minutes), lang="en"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    return page


def test_the_day_page_names_each_till_and_warns_for_the_open_one(qtbot, two_tills, tmp_path):
    """T1's Day page: "T1 up to T1-000003, T2 up to T2-000003 received 12:05", T2's drawer
    in the per-till tab, a warning until T2's closing bundle arrives."""
    t1, t2, where = two_tills
    page = _page(qtbot, t1)
    line = page.findChild(QLabel, "dayTills")
    assert line.isVisible()
    assert line.text() == "Tills: T1 up to T1-000003, T2 up to T2-000003 received 12:05"
    warning = page.findChild(QLabel, "dayTillsWarning")
    assert warning.isVisible() and "T2: not received since its last sale" in warning.text()
    assert page.tabs.isTabVisible(2)
    rows = page.tills_model.rows
    assert [r.till for r in rows] == ["T1", "T2"]
    assert rows[1].cash.expected == expected_cash(t2, t2.days.current("T2"))
    assert page.report.cash.expected == rows[0].cash.expected + rows[1].cash.expected
    assert page.cash_labels["expected"].text() == page.expected_card.value.text()
    if os.environ.get("BOOTH_POS_SHOT"):  # a picture to look at: BOOTH_POS_SHOT=out.png
        page.tabs.setCurrentIndex(2)
        page.grab().save(os.environ["BOOTH_POS_SHOT"])
    close_day(t2, _clock(300), expected_cash(t2, t2.days.current("T2")) - 2_000)
    sync.export_bundle(t2, where / "close.bundle", at=START + timedelta(minutes=301))
    sync.import_bundle(t1, where / "close.bundle", at=START + timedelta(minutes=305))
    page.refresh()
    assert not warning.isVisible()
    t2_row = page.tills_model.rows[1]
    assert t2_row.cash.difference == -2_000 and t2_row.close_codes


def test_a_single_till_shows_no_till_lines(qtbot, tmp_path):
    """A stand with one till sees the Day page as before: no till line, no till tab."""
    store = open_store(tmp_path / "one.sqlite")
    demo.load_stand(store, _clock(0))
    open_day(store, _clock(1), 100_000)
    _sell(store, "BKR-02", 10)
    page = _page(qtbot, store)
    assert not page.findChild(QLabel, "dayTills").isVisible()
    assert not page.tabs.isTabVisible(2)
    store.close()


def test_the_statements_button_waits_for_t2s_close(qtbot, two_tills, tmp_path):
    """On the event view the statements are not written while T2's day is open."""
    t1, _t2, _where = two_tills
    page = _page(qtbot, t1)
    target = tmp_path / "statements.pdf"
    assert page.export_statements(target) is None and not target.exists()
    assert "T2" in page.message.text()


def test_the_settings_page_edits_the_main_till_with_its_rules(qtbot, tmp_path):
    """``main_till`` is on the page: "T 1" is refused beside nothing saved; "T2" is saved."""
    store = open_store(tmp_path / "s.sqlite")
    page = SettingsPage(AppContext(store=store, clock=_clock(0), lang="en"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    field = page.findChild(QLineEdit, "setting_main_till")
    assert field is not None and field.text() == "T1"
    before = store.settings()
    field.setText("T 1")
    qtbot.mouseClick(page.findChild(QPushButton, "saveSettingsButton"), Qt.LeftButton)
    message = page.findChild(QLabel, "settingsMessage")
    assert message.property("level") == "error" and "Main till" in message.text()
    assert store.settings() == before
    field.setText("t2")
    qtbot.mouseClick(page.findChild(QPushButton, "saveSettingsButton"), Qt.LeftButton)
    assert store.settings().main_till == "T2"
    store.close()


def test_the_artisan_form_on_t2_says_the_main_till_owns_the_catalogue(
    qtbot, window_factory, db_path, tmp_path
):
    """T2's window: the artisan form names T1 at once and Save is off; nothing is written."""
    t1 = open_store(tmp_path / "main.sqlite")
    demo.load_stand(t1, _clock(0))
    sync.export_bundle(t1, tmp_path / "join.bundle", at=START)
    t1.close()
    t2 = open_store(db_path)
    settings_service.save(t2, replace(t2.settings(), till="T2"), at=START)
    sync.import_bundle(t2, tmp_path / "join.bundle", at=START)
    t2.close()
    window = window_factory("en", open_day=False, demo_stand=False)
    store = window.ctx.store
    before = [(a.code, a.commission_bp) for a in store.artisans.all()]
    window.show_page("artisans")
    dialog = window.page("artisans").add_artisan()
    assert not dialog.save_button.isEnabled()
    assert "main till T1" in dialog.message.text()
    dialog.findChild(QLineEdit, "artisanCode").setText("KRT")
    dialog.findChild(QLineEdit, "artisanName").setText("Kertas")
    dialog.findChild(QLineEdit, "artisanCommission").setText("10")
    dialog.save()  # even if called: refused, nothing written
    assert [(a.code, a.commission_bp) for a in store.artisans.all()] == before
    dialog.reject()

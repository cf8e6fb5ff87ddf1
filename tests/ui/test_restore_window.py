"""Restoring from the window: what a wrong tap on "Restore" would cost the stand."""

from __future__ import annotations

import os

import pytest
from helpers.documents import ring_up
from PySide6.QtWidgets import QDialog, QMessageBox

from booth_pos.model import Method, Tender
from booth_pos.services import backup

pytestmark = pytest.mark.gui


def _settings(window):
    window.show_page("settings")
    return window.page("settings")


def _box(qtbot, flow) -> QMessageBox:
    qtbot.waitUntil(lambda: flow.box is not None, timeout=30_000)
    return flow.box


def test_an_older_backup_asks_with_both_counts_and_no_keeps_the_sales(window, qtbot, tmp_path):
    """The dialog names both counts in Indonesian, No is the default, and No changes nothing;
    Yes restores and says where the database as it was is kept."""
    store = window.ctx.store
    ring_up(store, window.ctx.clock, ["BKR-01"], [Tender(Method.CASH)])
    saved = backup.backup(store, tmp_path / "b.sqlite")
    ring_up(store, window.ctx.clock, ["ECO-01"], [Tender(Method.CASH)])
    page = _settings(window)
    flow = page.restore_backup(saved)
    box = _box(qtbot, flow)
    assert box.objectName() == "restoreConfirmBox"
    assert box.text() == "Backup ini berisi 1 penjualan, database sekarang 2: yakin?"
    assert box.defaultButton() is box.button(QMessageBox.No)
    if os.environ.get("BOOTH_POS_SHOT"):  # python -m pytest ... to look at it
        box.grab().save(os.environ["BOOTH_POS_SHOT"])
    with qtbot.waitSignal(flow.cancelled):
        box.button(QMessageBox.No).click()
    assert store.sales.count() == 2

    flow = page.restore_backup(saved)
    box = _box(qtbot, flow)
    with qtbot.waitSignal(flow.restored, timeout=30_000):
        box.button(QMessageBox.Yes).click()
    assert store.sales.count() == 1
    assert "safety" in page.message.text() and page.message.property("level") == "ok"


def test_a_foreign_file_is_refused_in_the_window_without_asking(window, qtbot, tmp_path):
    """Another program's file: the reason beside the button, no question, nothing changed."""
    store = window.ctx.store
    ring_up(store, window.ctx.clock, ["BKR-01"], [Tender(Method.CASH)])
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    page = _settings(window)
    flow = page.restore_backup(empty)
    with qtbot.waitSignal(flow.failed, timeout=30_000):
        pass
    assert flow.box is None and store.sales.count() == 1
    assert "bukan cadangan Booth POS" in page.message.text()
    assert page.message.property("level") == "error"


def test_an_encrypted_backup_asks_its_passphrase_hidden(window, qtbot, tmp_path):
    """The passphrase field hides what is typed; a wrong one says so; the right one restores
    a backup that continues the journal without any question."""
    store = window.ctx.store
    ring_up(store, window.ctx.clock, ["BKR-01"], [Tender(Method.CASH)])
    sealed = backup.backup(store, tmp_path / "b.sqlite", passphrase="batik parang")
    page = _settings(window)
    for typed, outcome in (("batik kawung", "failed"), ("batik parang", "restored")):
        flow = page.restore_backup(sealed)
        qtbot.waitUntil(lambda: page.findChild(QDialog, "passphraseDialog") is not None)
        dialog = page.findChild(QDialog, "passphraseDialog")
        assert dialog.field.echoMode() == dialog.field.EchoMode.Password
        dialog.field.setText(typed)
        with qtbot.waitSignal(getattr(flow, outcome), timeout=30_000):
            dialog.accept()
        qtbot.waitUntil(lambda: page.findChild(QDialog, "passphraseDialog") is None)
    assert flow.box is None and store.sales.count() == 1

"""The window's push to the council's central PostgreSQL: from the Sync page, in the
background, with a short timeout; the till keeps selling whatever the office's server does."""

from __future__ import annotations

import socket
import sqlite3

import pytest
from PySide6.QtCore import Qt

from booth_pos.services import central

pytestmark = pytest.mark.gui


def _page(window):
    window.show_page("sync")
    return window.page("sync")


def test_the_window_pushes_to_the_central_database_in_the_background(qtbot, window, central_dsn):
    """The coordinator types the office's DSN and pushes: the page says how many entries
    went, and the office's report has this stand's artisans, to the rupiah of ours."""
    central.init(central_dsn)
    page = _page(window)
    page.central_edit.setText(central_dsn)
    qtbot.mouseClick(page.central_push, Qt.LeftButton)
    qtbot.waitUntil(lambda: "entri baru" in page.central_label.text(), timeout=30_000)
    assert window.ctx.store.settings().central_dsn == central_dsn
    rows = central.report(central_dsn)
    assert rows and {r["stand"] for r in rows} == {window.ctx.store.settings().stand_name}
    # nothing new: a second push says 0 and the office keeps one copy
    qtbot.mouseClick(page.central_push, Qt.LeftButton)
    qtbot.waitUntil(lambda: ": 0 entri baru" in page.central_label.text(), timeout=30_000)
    assert central.report(central_dsn) == rows


def test_an_office_that_cannot_be_reached_is_a_red_line_and_the_till_sells_on(qtbot, window):
    """A closed port at the office: the page says it failed, within the timeout; the DSN's
    password is neither on the page nor in the audit log (which travels in every bundle)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    page = _page(window)
    page.central_edit.setText(f"postgresql://stand:pw@127.0.0.1:{port}/council")
    qtbot.mouseClick(page.central_push, Qt.LeftButton)
    qtbot.waitUntil(lambda: "gagal" in page.central_label.text(), timeout=15_000)
    assert window.ctx.store.settings().central_dsn.endswith("/council")
    assert ":pw@" not in page.central_label.text()
    conn = sqlite3.connect(window.ctx.store.path)
    try:
        details = [d for (d,) in conn.execute("SELECT detail FROM audit_log")]
    finally:
        conn.close()
    assert any("central_dsn" in d for d in details)
    assert not any(":pw@" in d for d in details)


def test_a_dsn_that_is_not_one_is_refused_beside_the_field_and_not_saved(qtbot, window):
    page = _page(window)
    page.central_edit.setText("http://office.example/council")
    qtbot.mouseClick(page.central_save, Qt.LeftButton)
    assert "PostgreSQL" in page.central_label.text()
    assert window.ctx.store.settings().central_dsn == ""

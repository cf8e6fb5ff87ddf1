"""The window's Sync page: the main till's code and serving, another till's push in the
background, on the real window (pytest-qt) and loopback only."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest

from booth_pos.services import demo, lan, lan_server
from booth_pos.services import settings as settings_service
from booth_pos.store import open_store

pytestmark = pytest.mark.gui


def test_the_main_till_shows_its_code_and_serves_another_till(qtbot, window, tmp_path, clock):
    """T1's page shows the pairing code; with serving on, T2 joins by it and is listed."""
    window.show_page("sync")
    page = window.page("sync")
    assert page.objectName() == "syncPage"
    assert "kasir utama" in page.status_label.text()
    page.renew_button.click()
    code = window.ctx.store.settings().sync_code
    assert page.code_label.text() == lan.shown_code(code)
    assert not page.main_box.isHidden() and page.push_box.isHidden()
    window.sync.port = 0
    page.serve_toggle.setChecked(True)
    assert window.sync.server is not None
    assert "Melayani" in page.serve_label.text()
    t2 = open_store(tmp_path / "t2.sqlite")
    settings_service.save(t2, replace(t2.settings(), till="T2"))
    url = f"http://127.0.0.1:{window.sync.server.port}"
    assert lan.push(t2, url, code, at=clock.now).joined  # the GUI thread is free meanwhile
    from booth_pos.services.days import open_day

    open_day(t2, clock, 0)
    with qtbot.waitSignal(window.ctx.bus.data_changed, timeout=10_000):  # pages reload
        lan.push(t2, url, code, at=clock.now)
    t2.close()
    page.refresh()
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "T2"
    page.serve_toggle.setChecked(False)
    assert window.sync.server is None


@pytest.fixture
def serving_main(tmp_path, clock):
    """Another laptop: the main till T1 serving on loopback."""
    path = tmp_path / "t1.sqlite"
    t1 = open_store(path)
    demo.load_stand(t1, clock)
    code = lan.pairing_code(t1)
    server = lan_server.start(path, clock)
    yield t1, server, code
    server.stop()
    t1.close()


def test_a_new_till_joins_from_the_page_in_the_background(qtbot, window_factory, serving_main):
    """T2 types the address and code, saves, pushes: the push runs off the GUI thread, the
    page says how it went and the window's products are the stand's."""
    t1, server, code = serving_main
    window = window_factory("id", open_day=False, demo_stand=False)
    store = window.ctx.store
    settings_service.save(store, replace(store.settings(), till="T2"))
    window.show_page("sync")
    page = window.page("sync")
    page.refresh()
    assert page.main_box.isHidden() and not page.push_box.isHidden()
    page.url_edit.setText(server.url)
    page.code_edit.setText(code.lower())
    page.minutes_edit.setText("2")
    page.save_button.click()
    assert store.settings().sync_minutes == 2 and store.settings().sync_code == code
    page.push_button.click()
    qtbot.waitUntil(lambda: "Kirim terakhir" in page.push_label.text(), timeout=20_000)
    assert "gagal" not in page.push_label.text()
    assert store.products.count() == t1.products.count()
    assert page.push_button.isEnabled()


def test_an_unreachable_main_till_is_a_red_line_and_the_till_keeps_selling(qtbot, window_factory):
    """Nobody at the address: the page says so within seconds; nothing was changed."""
    window = window_factory("id")
    store = window.ctx.store
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings_service.save(
        store,
        replace(
            store.settings(),
            main_till="T9",
            sync_url=f"http://127.0.0.1:{port}",
            sync_code="K7QM4XTR",
        ),
    )
    window.show_page("sync")
    page = window.page("sync")
    before = store.products.all()
    page.push_button.click()
    qtbot.waitUntil(lambda: "gagal" in page.push_label.text(), timeout=10_000)
    assert "tidak terjangkau" in page.push_label.text()
    assert store.products.all() == before


def test_a_bad_code_on_the_page_is_refused_and_not_saved(qtbot, window):
    """A code that is not one: the message says so, the settings are as they were."""
    store = window.ctx.store
    # this window sold as T1 already (its code is fixed): T1 is made a till that is not main
    settings_service.save(store, replace(store.settings(), main_till="T9"))
    window.show_page("sync")
    page = window.page("sync")
    page.refresh()
    page.url_edit.setText("192.168.43.10")
    page.code_edit.setText("ABC")
    assert not page.save()
    assert "Kode pasangan" in page.message.text()
    assert store.settings().sync_url == "" and store.settings().sync_code == ""


def test_the_window_pushes_by_itself_when_due(qtbot, window, monkeypatch):
    """With a URL and a code, the timer's tick starts a push once sync_minutes have passed."""
    store = window.ctx.store
    settings_service.save(
        store,
        replace(
            store.settings(), main_till="T9", sync_url="http://127.0.0.1:9", sync_code="K7QM4XTR"
        ),
    )
    started = []
    monkeypatch.setattr(window.sync, "push_now", lambda: started.append(1) or True)
    window.sync.tick()
    assert started == []  # not due yet: it waits sync_minutes from the start
    window.sync._last_try -= store.settings().sync_minutes * 60
    window.sync.tick()
    assert started == [1]

"""Long work in the window runs off the GUI thread with a progress dialog, and cancelling
it changes nothing."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from booth_pos.services import imports

pytestmark = pytest.mark.gui


def _sheet(path, rows: int):
    lines = ["sku,name,artisan_code,category,price,stock,barcode"]
    lines += [f"BIG-{i:05d},Produk {i},ECO,Ecoprint,{10_000 + i},3," for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_big_import_keeps_the_till_responsive_and_reports_when_done(
    qtbot, window, tmp_path, monkeypatch
):
    """8,000 rows import on the worker thread: held half-way, the window still handles
    events; let go, the page says how many were added, and the products are there."""
    window.show_page("products")
    page = window.page("products")
    real_tick, held, release = imports._tick, threading.Event(), threading.Event()

    def tick(progress, cancelled, done, total):
        if done >= total // 4 and not held.is_set():
            held.set()
            assert release.wait(20), "the test never let the import go"
        real_tick(progress, cancelled, done, total)

    monkeypatch.setattr(imports, "_tick", tick)
    future = page.import_file(_sheet(tmp_path / "big.csv", 8000))
    assert held.wait(20)
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)  # the loop runs while it imports
    assert not future.done()
    release.set()
    qtbot.waitUntil(future.done, timeout=60_000)
    assert future.result().added == 8000
    qtbot.waitUntil(lambda: "8000" in page.message.text())
    assert window.ctx.store.products.by_code("BIG-07999") is not None


def test_a_cancelled_import_writes_nothing(demo_store, clock, tmp_path):
    """Cancelled half-way through writing: the transaction rolls back, not one row stays."""
    before = demo_store.products.all()
    audited = [e.kind for e in demo_store.audit.entries()].count("import")
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3  # some rows read, some written, then stop

    with pytest.raises(imports.ImportCancelled):
        imports.import_products(
            demo_store, _sheet(tmp_path / "big.csv", 4000), clock, cancelled=cancelled
        )
    assert demo_store.products.all() == before
    assert [e.kind for e in demo_store.audit.entries()].count("import") == audited

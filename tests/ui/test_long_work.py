"""Long work in the window runs off the GUI thread with a progress dialog, and cancelling
it changes nothing."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from booth_pos.services import imports

pytestmark = pytest.mark.gui


def _sheet(path, rows: int):
    lines = ["sku,name,artisan_code,category,price,stock,barcode"]
    lines += [f"BIG-{i:05d},Produk {i},ECO,Ecoprint,{10_000 + i},3," for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_big_import_keeps_the_till_responsive_and_reports_when_done(qtbot, window, tmp_path):
    """8,000 rows import on the worker thread: the event loop keeps ticking, the page then
    says how many were added, and the products are there."""
    window.show_page("products")
    page = window.page("products")
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append((time.perf_counter(), page.message.text())))
    sheet = _sheet(tmp_path / "big.csv", 8000)
    future = page.import_file(sheet)  # returns at once; the work runs on the worker
    timer.start()
    qtbot.waitUntil(future.done, timeout=60_000)
    qtbot.waitUntil(lambda: "8000" in page.message.text())
    timer.stop()
    assert future.result().added == 8000
    # While the import runs (the page says so), the event loop never stops for long; the
    # list's refresh afterwards (8,000 more rows) is not the import's.
    during = [t for t, text in ticks if "big.csv" in text]
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert len(during) > 10 and max(gaps) < 0.25
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

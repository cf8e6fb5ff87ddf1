"""What the benchmark's child processes run: the real window and the bare Qt baselines.

    python -m booth_pos.bench.qt_child scan|scan_baseline DB N   -> one JSON line
    python -m booth_pos.bench.qt_child cold|cold_baseline [DB]   -> "ready"
    python -m booth_pos.bench.qt_child stall DB | stall_baseline SECONDS -> one JSON line

Each figure is measured in a fresh process so Qt starts clean; ``booth_pos.bench`` launches
these and compares them.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time

# Each child imports only what it uses, so a baseline pays for nothing it does not need.


def _time_scans(app, field, table, total, code_for, clear) -> None:
    """The one measurement both scan figures use: Enter in ``field`` until the row and the
    total are repainted, ``argv[2]`` times (the cart cleared every 15); prints one JSON line.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    samples = []
    for i in range(int(sys.argv[2])):
        if i % 15 == 0:
            clear()
            app.processEvents()
        field.setText(code_for(i))
        t0 = time.perf_counter()
        QTest.keyClick(field, Qt.Key_Return)
        table.viewport().repaint()
        total.repaint()
        samples.append(time.perf_counter() - t0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"median": statistics.median(samples[5:]), "rss_mb": rss}))


def scan() -> None:
    """Scanner Enter to painted cart row and total, on the real window."""
    from PySide6.QtWidgets import QApplication

    from booth_pos.app import build_window

    app = QApplication([])
    w = build_window(sys.argv[1], "id")
    w.show()
    app.processEvents()
    page = w.sell_page
    field, table, total = page.scan_input, page.table, page.total_label
    codes = [p.barcode for p in w.ctx.store.products.all()[::37]]
    _time_scans(app, field, table, total, lambda i: codes[i % len(codes)], page.model.clear)


def scan_baseline() -> None:
    """A bare QLineEdit + QTableView appending one row per Enter."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QLineEdit,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication([])
    w = QWidget()
    box = QVBoxLayout(w)
    field, table, total = QLineEdit(), QTableView(), QLabel("0")
    model = QStandardItemModel(0, 5)
    table.setModel(model)
    for x in (field, table, total):
        box.addWidget(x)
    n = [0]

    def on_enter():
        n[0] += 1
        model.appendRow(
            [QStandardItem(field.text())] + [QStandardItem(str(n[0])) for _ in range(4)]
        )
        field.clear()
        total.setText(str(n[0]))

    field.returnPressed.connect(on_enter)
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    _time_scans(
        app, field, table, total, lambda i: "2000000000017",
        lambda: model.removeRows(0, model.rowCount()),
    )  # fmt: skip


def cold() -> None:
    """The till's real start, as the ``booth-pos`` command runs it (arguments, logs, the
    window, the event loop), until the scan field has the focus (timed by the parent)."""
    import os

    from booth_pos.cli import main

    os.environ["BOOTH_POS_EXIT_WHEN_READY"] = "1"  # app.main prints "ready" and quits
    raise SystemExit(main(["--db", sys.argv[1], "--lang", "id"]))


def cold_baseline() -> None:
    """A bare window with one QLineEdit taking focus."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication([])
    w = QLineEdit()
    w.show()
    w.activateWindow()
    w.setFocus()
    while not w.hasFocus():
        app.processEvents()
    print("ready", flush=True)


def _longest_gap(app, until) -> tuple[float, float]:
    """Tick a 5 ms timer until ``until()``; (longest gap between ticks, seconds run)."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks = [time.perf_counter()]
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        ticks.append(time.perf_counter())
        if until():
            loop.quit()

    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    timer.stop()
    return max(b - a for a, b in zip(ticks, ticks[1:], strict=False)), ticks[-1] - ticks[0]


def stall() -> None:
    """The longest event-loop stall of the real window while a periodic backup of the
    store runs (it is due: the copy has never been backed up)."""
    from PySide6.QtWidgets import QApplication

    from booth_pos.app import build_window

    app = QApplication([])
    w = build_window(sys.argv[1], "id")
    w.show()
    app.processEvents()
    future = w.periodic_backup()
    gap, seconds = _longest_gap(app, future.done)
    outcome = future.result()
    if outcome is None or not outcome.ok:
        raise SystemExit(f"the backup did not run: {outcome}")
    print(json.dumps({"stall": gap, "seconds": seconds}))


def stall_baseline() -> None:
    """The same 5 ms timer in a bare window for the same time, with nothing else to do."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication([])
    w = QLineEdit()
    w.show()
    app.processEvents()
    end = time.perf_counter() + float(sys.argv[1])
    gap, seconds = _longest_gap(app, lambda: time.perf_counter() >= end)
    print(json.dumps({"stall": gap, "seconds": seconds}))


if __name__ == "__main__":
    {
        "scan": scan,
        "scan_baseline": scan_baseline,
        "cold": cold,
        "cold_baseline": cold_baseline,
        "stall": stall,
        "stall_baseline": stall_baseline,
    }[sys.argv.pop(1)]()

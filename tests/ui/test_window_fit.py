"""The window fits the stand's laptop: 1366x768 or 1280x720, nothing scrolled out of reach."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from booth_pos.services import days, selling
from booth_pos.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

#: What the cashier must reach at the till without scrolling: the sell page and the status
#: bar (who sells, which day, the cash in the drawer).
SELL_CONTROLS = [
    "scanInput", "searchButton", "cartTable", "qtyMinus", "qtyPlus", "removeLine",
    "discountButton", "priceButton", "quickTabs", "totalLabel", "summaryLabel", "parkButton",
    "clearButton", "payButton", "cashierStatus", "dayStatus",
]  # fmt: skip
PAYMENT_CONTROLS = [
    "paymentTotal", "dueLabel", "amountInput", "referenceInput", "method_cash", "method_qris",
    "method_card", "method_transfer", "tenderList", "origin_ID", "origin_KR", "origin_FR",
    "origin_IN", "receiptLang_id", "receiptLang_en", "receiptLang_ko", "receiptLang_fr",
    "paymentReference", "changeLabel", "cancelPayment",
    "doneButton",
]  # fmt: skip
STAND_SIZES = [(1366, 768), (1280, 720)]

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication
    from booth_pos.app import build_window
    from booth_pos.services import days, demo

    window = build_window(Path(sys.argv[1]), "id")
    demo.load_stand(window.ctx.store, window.ctx.clock)
    days.open_day(window.ctx.store, window.ctx.clock, 500_000)
    window.ctx.bus.day_changed.emit()
    window.show()
    for _ in range(20):
        QApplication.processEvents()
    frame, available = window.frameGeometry(), QGuiApplication.primaryScreen().availableGeometry()
    print(json.dumps({
        "frame": frame.getRect(), "available": available.getRect(),
        "maximized": window.isMaximized(),
    }))
    """
)


@pytest.mark.parametrize(("width", "height"), STAND_SIZES)
def test_the_window_opens_fitting_the_laptop_screen(tmp_path, width, height):
    """build_window + show() on a 1366x768 or 1280x720 screen: the window is maximised and
    lies inside the screen's usable area, so the status bar is not below the screen's edge."""
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "stand", "x": 0, "y": 0, "width": width,
                                 "height": height, "logicalDpi": 96, "dpr": 1}]})
    )  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.setdefault("BOOTH_POS_NOW", "2023-03-01T10:00:00+07:00")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "booth.sqlite")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["available"] == [0, 0, width, height]
    assert shown["maximized"]
    assert QRect(*shown["available"]).contains(QRect(*shown["frame"]))


def test_the_window_asks_no_more_than_a_1280x720_laptop_with_a_task_bar_gives(window):
    """Every page built, the window's minimum size still fits 1280x720 less a task bar and a
    title bar (about 70 px): the window manager never has to push it off the screen."""
    for key in window.page_names:
        window.show_page(key)
    minimum = window.minimumSizeHint()
    assert minimum.width() <= 1280 and minimum.height() <= 720 - 70


def reachable(widget: QWidget, top: QWidget) -> bool:
    """Shown, not hidden in a scrolled-away part, and wholly inside ``top``."""
    if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    return top.rect().contains(rect)


@pytest.mark.parametrize(("width", "height"), STAND_SIZES)
def test_every_sell_control_is_on_screen_at_the_stand_laptops_size(qtbot, window, width, height):
    """At 1366x768 and 1280x720 the scan field, cart, line buttons, quick buttons, total,
    pay/park/cancel and the status bar are all on screen, none cut off."""
    window.showNormal()
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().width() == width and window.height() == height)
    window.show_page("sell")
    qtbot.wait(10)
    missing = [
        name for name in SELL_CONTROLS if not reachable(window.findChild(QWidget, name), window)
    ]
    assert missing == []


@pytest.mark.parametrize(("width", "height"), STAND_SIZES)
def test_the_payment_dialog_fits_with_every_control_visible(qtbot, window, width, height):
    """The payment dialog at the stand's screen size: every tender, origin, language and
    confirm control is visible inside it, and it fits inside the window."""
    from tests.ui.window_helpers import open_payment, scan

    window.showNormal()
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    scan(qtbot, window, "ECO-04")
    dialog = open_payment(qtbot, window)
    qtbot.wait(10)
    assert dialog.frameGeometry().width() <= width and dialog.frameGeometry().height() <= height
    missing = [
        name for name in PAYMENT_CONTROLS if not reachable(dialog.findChild(QWidget, name), dialog)
    ]
    assert missing == []
    dialog.reject()


@pytest.mark.parametrize(("width", "height"), STAND_SIZES)
def test_the_day_page_shows_all_12_artisans_and_the_total_without_scrolling(
    qtbot, window, width, height
):
    """At closing time on the stand's laptop every artisan row and the TOTAL row are in
    view: the coordinator reads the payouts without scrolling."""
    from booth_pos.model import Cart, Method, Tender

    store = window.ctx.store
    for code in ("ECO-04", "BKR-05", "DMP-01"):
        cart = Cart()
        selling.add(store, cart, code)
        window.ctx.bus.sale_committed.emit(
            selling.complete(store, cart, [Tender(Method.CASH)], window.ctx.clock)
        )
    assert days.current_day(store) is not None
    window.showNormal()
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    window.show_page("day")
    page = window.page("day")
    qtbot.wait(10)
    table = page.artisan_table
    model = table.model()
    assert model.rowCount() == 12 + 1
    assert model.index(12, 1).data() == "TOTAL"
    assert reachable(table, window)
    assert table.verticalScrollBar().maximum() == 0
    viewport = table.viewport().rect()
    for row in range(model.rowCount()):
        assert viewport.contains(table.visualRect(model.index(row, 1))), row
    # The payout column is in view too.
    payout = model.columnCount() - 1
    assert viewport.contains(table.visualRect(model.index(12, payout)))


def test_the_window_is_maximised_on_a_laptop_sized_screen(window):
    """On a screen up to 1920x1080 the till takes the whole usable screen."""
    assert isinstance(window, MainWindow)
    assert window.isMaximized()

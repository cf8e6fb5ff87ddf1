"""The Day page at 21:00: live figures, the cash count typed in, the close, the event view."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox

from booth_pos.model import Cart, Method, Tender
from booth_pos.services import days, selling
from booth_pos.ui.context import AppContext
from booth_pos.ui.day_page import EVENT, DayPage

pytestmark = pytest.mark.gui
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def ctx(demo_store, clock):
    return AppContext(store=demo_store, clock=clock, lang="en")


@pytest.fixture
def page(qtbot, ctx):
    page = DayPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page


def sell(ctx, code: str, tendered: int | None = None, method=Method.CASH):
    cart = Cart()
    selling.add(ctx.store, cart, code)
    sale = selling.complete(ctx.store, cart, [Tender(method, tendered)], ctx.clock)
    ctx.bus.sale_committed.emit(sale)
    return sale


def test_page_names_its_widgets(page):
    """Tools find the page and its buttons by objectName."""
    assert page.objectName() == "dayPage"
    assert page.findChild(QPushButton, "closeDayButton") is page.close_button
    assert page.findChild(QPushButton, "openDayButton") is page.open_button


def test_live_day_follows_each_sale(page, ctx, qtbot):
    """A committed sale shows at once: artisan row, net, expected cash."""
    days.open_day(ctx.store, ctx.clock, 500_000)
    ctx.bus.day_changed.emit()
    assert page.close_button.isEnabled() and not page.open_button.isEnabled()
    sell(ctx, "ECO-04", 200_000)  # Rp 165.000, change 35.000
    sell(ctx, "BKR-05", method=Method.QRIS)
    model = page.artisan_model
    rows = {model.rows[i].code: model.rows[i] for i in range(model.rowCount())}
    assert rows["ECO"].net == 165_000 and rows["ECO"].commission == 24_750
    total = model.rows[-1]
    assert total.code == "" and total.net == page.report.net
    assert model.index(model.rowCount() - 1, 1).data() == "TOTAL"
    assert page.findChild(QLabel, "dayNet").text() == "IDR " + f"{page.report.net:,}"
    assert page.findChild(QLabel, "dayExpected").text() == "IDR 665,000"
    assert page.findChild(QLabel, "dayDifference").text() == "not counted yet"
    assert sum(page.hour_chart.values) == 2


def test_closing_by_typing_the_count_shows_short_in_red(page, ctx, qtbot):
    """Typing a short count turns the difference red; Enter closes the day with Z 1."""
    days.open_day(ctx.store, ctx.clock, 500_000)
    ctx.bus.day_changed.emit()
    sell(ctx, "ECO-04", 200_000)
    qtbot.mouseClick(page.close_button, Qt.LeftButton)
    dialog = page.close_dialog
    assert dialog is not None and dialog.isVisible()
    counted = dialog.findChild(QLineEdit, "countedInput")
    difference = dialog.findChild(QLabel, "differenceLabel")
    assert dialog.expected == 665_000
    qtbot.keyClicks(counted, "660.000")
    assert difference.text() == "SHORT by IDR 5,000"
    assert "#c62828" in difference.styleSheet()
    counted.clear()
    qtbot.keyClicks(counted, "665000")
    assert difference.text().startswith("balanced") and "#c62828" not in difference.styleSheet()
    counted.clear()
    qtbot.keyClicks(counted, "660.000")
    with qtbot.waitSignal(ctx.bus.day_changed, timeout=2000):
        qtbot.wait(80)  # a person's pause before Enter: a scan's Enter is refused
        qtbot.keyClick(counted, Qt.Key_Return)
    closed = ctx.store.days.all()[-1]
    assert (closed.counted, closed.z_no) == (660_000, 1) and not closed.is_open
    assert page.title.text() == "Day 2023-03-01 · closed, Z 1"
    assert page.findChild(QLabel, "dayDifferenceLabel").text() == "short IDR 5,000"
    assert not page.close_button.isEnabled() and page.open_button.isEnabled()


def test_counting_notes_and_coins_fills_the_counted_total(page, ctx, qtbot):
    """Pieces per denomination add up into countedInput and the difference follows."""
    days.open_day(ctx.store, ctx.clock, 100_000)
    ctx.bus.day_changed.emit()
    sell(ctx, "ECO-04", 165_000)  # expected 265.000
    dialog = page.ask_close_day()
    for key, pieces in (
        ("note_100000", 2),
        ("note_50000", 1),
        ("note_10000", 1),
        ("coin_1000", 4),
        ("coin_500", 2),
    ):
        spin = dialog.findChild(QSpinBox, f"count_{key}")
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, str(pieces))
    assert dialog.findChild(QLineEdit, "countedInput").text() == "265,000"
    assert dialog.findChild(QLabel, "differenceLabel").text() == "balanced: IDR 0"
    with qtbot.waitSignal(ctx.bus.day_changed, timeout=2000):
        qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    assert ctx.store.days.all()[-1].counted == 265_000


def test_a_bad_count_cannot_close_the_day(page, ctx, qtbot):
    """Letters in the count keep the close button disabled and the day open."""
    days.open_day(ctx.store, ctx.clock, 0)
    ctx.bus.day_changed.emit()
    dialog = page.ask_close_day()
    qtbot.keyClicks(dialog.counted_input, "lima ratus")
    assert not dialog.confirm_button.isEnabled()
    qtbot.keyClick(dialog.counted_input, Qt.Key_Return)
    assert days.current_day(ctx.store) is not None


def test_event_view_lists_every_day(page, ctx):
    """Two closed days: the event view sums them and lists both with their Z numbers."""
    for d in range(2):
        ctx.clock.set(datetime.combine(datetime(2023, 3, 1 + d).date(), time(10), WIB))
        days.open_day(ctx.store, ctx.clock, 0)
        ctx.clock.advance(timedelta(hours=1))
        sell(ctx, "ECO-04", method=Method.CARD)
        days.close_day(ctx.store, ctx.clock, 0)
    ctx.bus.day_changed.emit()
    page.scope.setCurrentIndex(page.scope.findData(EVENT))
    page.refresh()
    assert [d.z_numbers for d in page.days_model.rows] == [(1,), (2,)]
    assert page.tabs.isTabVisible(1)  # the "All days" tab appears for the event
    assert page.report.net == 330_000
    assert page.title.text() == "Event 2023-03-01 to 2023-03-02"


def test_exports_write_pdf_and_csv(page, ctx, tmp_path):
    """The export buttons' work, given a path: a PDF report and a CSV with every artisan."""
    days.open_day(ctx.store, ctx.clock, 0)
    sell(ctx, "ECO-04")
    page.refresh()
    pdf = page.export_pdf(tmp_path / "day.pdf")
    sheet = page.export_csv(tmp_path / "day.csv")
    statements = page.export_statements(tmp_path / "statements.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and statements.read_bytes().startswith(b"%PDF")
    assert len(sheet.read_text(encoding="utf-8-sig").splitlines()) == 1 + 12
    assert "statements.pdf" in page.message.text() and page.message.isVisible()


def test_page_without_any_day_says_what_to_do(page):
    """A fresh stand: no crash, a clear title, close disabled."""
    assert page.title.text() == "No business day yet"
    assert not page.close_button.isEnabled() and page.open_button.isEnabled()
    assert page.ask_close_day() is None


def test_closing_takes_a_backup_and_says_where(page, ctx, qtbot, tmp_path):
    """Closing from the window backs the day up and tells the coordinator where it went."""
    from dataclasses import replace

    ctx.store.save_settings(replace(ctx.store.settings(), backup_dir=str(tmp_path / "usb")))
    days.open_day(ctx.store, ctx.clock, 0)
    sell(ctx, "ECO-04", method=Method.QRIS)
    ctx.bus.day_changed.emit()
    dialog = page.ask_close_day()
    messages = []
    ctx.bus.message.connect(messages.append)
    qtbot.keyClicks(dialog.counted_input, "0")
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    dialog.backup_future.result(timeout=30)  # the backup runs on its own thread
    qtbot.waitUntil(lambda: bool(dialog.backup_outcomes))
    assert dialog.backup_outcomes[0].ok
    assert list((tmp_path / "usb").glob("*.sqlite"))
    assert any(str(tmp_path / "usb") in m for m in messages)


def test_exports_are_in_the_audit_log(page, ctx, tmp_path):
    """A report saved from the Day page leaves an export entry in the audit log."""
    from booth_pos.services import journal

    days.open_day(ctx.store, ctx.clock, 0)
    page.refresh()
    page.export_csv(tmp_path / "day.csv")
    entry = journal.last_audit(ctx.store, "export")
    assert entry is not None and "day.csv" in entry.payload

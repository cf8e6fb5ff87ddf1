"""Goods in, goods back and payouts in the real window, typed and clicked as at the stand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget
from window_helpers import PERSON_MS

from booth_pos.services import days, journal


def _counts(store) -> tuple[int, int, int]:
    return len(store.stock.notes()), len(store.payouts.all()), store.journal.last()[0]


def _intake(qtbot, window, artisan: str = "ECO"):
    page = window.page("products")
    page.table.clearSelection()
    dialog = page.goods_in()
    combo = dialog.findChild(QComboBox, "stockArtisan")
    combo.setCurrentIndex(combo.findData(artisan))
    return dialog


def test_intake_scanned_at_scanner_speed_becomes_a_note_and_stock(qtbot, window):
    """A scanner types ECO-01 twice and 3*ECO-02 into the intake dialog: the lines add up,
    the note IN-0001 is written with its journal entry, the stock rises by exactly that."""
    store = window.ctx.store
    before = {p.sku: p.stock for p in store.products.all()}
    dialog = _intake(qtbot, window)
    scan = dialog.findChild(QLineEdit, "stockScan")
    for code in ("ECO-01", "ECO-01", "3*ECO-02"):
        qtbot.keyClicks(scan, code, delay=2)  # a scanner: a few ms a key, then Enter
        qtbot.keyClick(scan, Qt.Key_Return)
    table = dialog.findChild(QTableWidget, "stockLines")
    assert [
        (table.item(r, 0).text(), table.item(r, 2).text()) for r in range(table.rowCount())
    ] == [
        ("ECO-01", "2"),
        ("ECO-02", "3"),
    ]
    assert dialog.isVisible()  # the scanner's Enter added a line, it did not save the note
    qtbot.mouseClick(dialog.findChild(QPushButton, "stockSave"), Qt.LeftButton)
    assert dialog.note is not None and dialog.note.number == "IN-0001"
    after = {p.sku: p.stock for p in store.products.all()}
    assert after["ECO-01"] == before["ECO-01"] + 2 and after["ECO-02"] == before["ECO-02"] + 3
    assert {k: v for k, v in after.items() if k not in ("ECO-01", "ECO-02")} == {
        k: v for k, v in before.items() if k not in ("ECO-01", "ECO-02")
    }
    assert journal.verify(store).ok


def test_another_artisans_product_is_refused_beside_the_list_and_nothing_is_written(qtbot, window):
    store = window.ctx.store
    counts = _counts(store)
    dialog = _intake(qtbot, window, "ECO")
    scan = dialog.findChild(QLineEdit, "stockScan")
    qtbot.keyClicks(scan, "BKR-01")
    qtbot.keyClick(scan, Qt.Key_Return)
    message = dialog.findChild(QLabel, "stockMessage").text()
    assert "BKR-01" in message and "BKR" in message
    assert dialog.findChild(QTableWidget, "stockLines").rowCount() == 0
    assert not dialog.findChild(QPushButton, "stockSave").isEnabled()
    dialog.reject()
    assert _counts(store) == counts


def test_a_scan_into_the_note_field_of_the_dialog_is_refused(qtbot, window):
    """Only the scan field welcomes the scanner: a burst into the note is taken back out."""
    dialog = _intake(qtbot, window)
    note = dialog.findChild(QLineEdit, "stockNote")
    note.setFocus()
    qtbot.keyClicks(note, "8991234567895", delay=1)
    qtbot.keyClick(note, Qt.Key_Return)
    assert note.text() == ""
    assert dialog.isVisible() and dialog.note is None


def test_return_everything_left_of_one_artisan(qtbot, window):
    """Goods back -> 'Return everything left' lists what is on hand; saving empties it."""
    store = window.ctx.store
    page = window.page("products")
    dialog = page.goods_back()
    combo = dialog.findChild(QComboBox, "stockArtisan")
    combo.setCurrentIndex(combo.findData("PDN"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "returnAllButton"), Qt.LeftButton)
    on_hand = {p.sku: p.stock for p in store.products.all() if p.artisan_code == "PDN"}
    table = dialog.findChild(QTableWidget, "stockLines")
    listed = {
        table.item(r, 0).text(): int(table.item(r, 2).text()) for r in range(table.rowCount())
    }
    assert listed == {k: v for k, v in on_hand.items() if v > 0}
    qtbot.mouseClick(dialog.findChild(QPushButton, "stockSave"), Qt.LeftButton)
    assert dialog.note.number == "RT-0001" and dialog.note.qty == sum(listed.values())
    assert all(p.stock == 0 for p in store.products.all() if p.artisan_code == "PDN")


def test_return_everything_left_for_all_artisans_writes_one_note_each(qtbot, window):
    store = window.ctx.store
    left = sorted({p.artisan_code for p in store.products.all() if p.stock > 0})
    notes = window.page("products").return_all(confirm=False)
    assert [n.artisan_code for n in notes] == left
    assert [n.number for n in notes] == [f"RT-{i:04d}" for i in range(1, len(left) + 1)]
    assert all(p.stock <= 0 for p in store.products.all())


def _payout_dialog(qtbot, window):
    window.page("day").refresh()
    dialog = window.page("day").ask_payout()
    assert dialog.findChild(QComboBox, "payoutArtisan") is not None
    return dialog


def _sell_cash(window, code: str):
    from booth_pos.model import Cart, Method, Tender
    from booth_pos.services import selling

    store, clock = window.ctx.store, window.ctx.clock
    cart = Cart()
    selling.add(store, cart, code)
    return selling.complete(store, cart, [Tender(Method.CASH)], clock)


def test_a_cash_payout_lowers_the_expected_cash_and_shows_in_the_drawer_panel(qtbot, window):
    store = window.ctx.store
    sale = _sell_cash(window, "ECO-01")
    day = days.current_day(store)
    expected = days.expected_cash(store, day)
    dialog = _payout_dialog(qtbot, window)
    combo = dialog.findChild(QComboBox, "payoutArtisan")
    combo.setCurrentIndex(combo.findData("ECO"))
    owed_text = dialog.findChild(QLabel, "payoutOwed").text()
    assert owed_text.startswith("Rp")
    amount = dialog.findChild(QLineEdit, "payoutAmount")
    qtbot.keyClicks(amount, "Rp 100.000", delay=PERSON_MS)
    qtbot.mouseClick(dialog.findChild(QPushButton, "payoutSave"), Qt.LeftButton)
    assert dialog.payout is not None and dialog.payout.amount == 100_000
    assert days.expected_cash(store, day) == expected - 100_000
    window.page("day").refresh()
    panel = window.page("day").cash_labels
    assert panel["payouts"].text() == "Rp 100.000"
    assert sale.total > 0 and journal.verify(store).ok


def test_a_payout_over_the_balance_is_refused_beside_the_amount(qtbot, window):
    store = window.ctx.store
    _sell_cash(window, "ECO-01")
    counts = _counts(store)
    dialog = _payout_dialog(qtbot, window)
    combo = dialog.findChild(QComboBox, "payoutArtisan")
    combo.setCurrentIndex(combo.findData("ECO"))
    amount = dialog.findChild(QLineEdit, "payoutAmount")
    qtbot.keyClicks(amount, "99000000", delay=PERSON_MS)
    qtbot.mouseClick(dialog.findChild(QPushButton, "payoutSave"), Qt.LeftButton)
    message = dialog.findChild(QLabel, "payoutMessage").text()
    assert "Sisa tagihan" in message and dialog.payout is None and dialog.isVisible()
    amount.clear()
    qtbot.keyClicks(amount, "abc", delay=PERSON_MS)
    qtbot.mouseClick(dialog.findChild(QPushButton, "payoutSave"), Qt.LeftButton)
    assert dialog.findChild(QLabel, "payoutMessage").text() != message
    assert _counts(store) == counts

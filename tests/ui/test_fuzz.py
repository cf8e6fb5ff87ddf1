"""Bad input at the real window: whatever is typed, nothing crashes and nothing is half done.

Hypothesis drives the window the tests build (one window per test, many inputs in a row, so
each input is checked against the state just before it). A Python exception in a Qt slot
does not stop the window; pytest-qt would fail the test only after the fact, so each input
runs inside ``qtbot.captureExceptions`` and the very input that raised fails and is shrunk.
"""

from __future__ import annotations

import copy
import re
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from booth_pos.model import MAX_QTY, CartError, KnownError, Method
from booth_pos.money import MoneyError, format_rupiah, parse_rupiah
from booth_pos.services import days, journal, selling
from booth_pos.services import settings as settings_service
from booth_pos.services.tills import till_change_refusal
from booth_pos.ui.sell_dialogs import parse_discount

pytestmark = pytest.mark.gui

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: What a person, a confused scanner or a stuck key may type.
junk = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789.,*xX %-²٣Rp", max_size=24),
    st.sampled_from(
        ["", " ", "*", "3*", "*0", "*3", "*²", "9999999*X", "\x00", "\t", "\u200b", "1e9", "-5"]
    ),
    st.integers(10, 5000).map(lambda n: "9" * n),
    st.integers(0, 10**20).map(str),
)


def half(likely: list[str]) -> st.SearchStrategy[str]:
    """Half the time one of the ``likely`` texts, half the time junk (``one_of`` would weigh
    them as one branch against junk's five)."""
    return st.booleans().flatmap(lambda pick: st.sampled_from(likely) if pick else junk)


@pytest.fixture(autouse=True)
def no_printing(monkeypatch):
    """Receipts are not what these tests are about; skipping the PDFs keeps them fast."""
    from booth_pos import printing

    monkeypatch.setattr(printing, "print_after_commit", lambda *a, **k: None)


def field(parent, name: str) -> QLineEdit:
    found = parent.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def enter(qtbot, edit: QLineEdit, text: str) -> None:
    """Put ``text`` in the field and press Enter (set whole: a typed "\\r" would be Enter)."""
    edit.setText(text)
    qtbot.keyClick(edit, Qt.Key_Return)


def state_of(cart) -> tuple:
    """Everything a cart holds that money depends on, comparable with ``==``."""
    lines = tuple((ln.sku, ln.qty, ln.unit_price, ln.list_price, ln.discount) for ln in cart.lines)
    return lines, cart.discount


def cart_state(window) -> tuple:
    return state_of(window.sell_page.model.cart)


def assert_cart_sound(window) -> None:
    """No quantity, line discount or sale discount beyond what the cart allows, and the
    screen shows exactly the cart."""
    model = window.sell_page.model
    cart = model.cart
    for line in cart.lines:
        assert 1 <= line.qty <= MAX_QTY
        assert 0 <= line.discount_amount <= line.gross
    pricing = cart.pricing()
    if cart.discount is not None:
        assert cart.discount.amount_of(pricing.subtotal) <= pricing.subtotal
    assert pricing.total >= 0
    table = window.findChild(QAbstractItemView, "cartTable")
    assert table.model().rowCount() == len(cart.lines)
    assert window.findChild(QLabel, "totalLabel").text() == format_rupiah(pricing.total, "id")


def assert_no_exception(exceptions) -> None:
    assert not exceptions, "".join(str(e[1]) for e in exceptions)


def ensure_goods(qtbot, window) -> None:
    if not window.sell_page.model.cart.lines:
        enter(qtbot, field(window, "scanInput"), "ECO-04")  # Rp 165.000
        enter(qtbot, field(window, "scanInput"), "2*BKR-05")  # Rp 50.000


# -- the scan field ---------------------------------------------------------------------------

codes = ["ECO-01", "eco-01", "3*BKR-05", "2 x DMP-03", " BKR-05 ", "10000*ECO-01", "0*ECO-01"]
STAR = re.compile(r"\*(\d+)")


def expected_after_scan(window, text: str) -> tuple:
    """What the cart should hold after ``text``: a copy given the same input through the
    service (or the selected line's new quantity for ``*N``); unchanged when refused."""
    page = window.sell_page
    trial = copy.deepcopy(page.model.cart)
    t = text.strip()
    star = STAR.fullmatch(t)
    try:
        if star and t[1:].isdecimal():
            row = page.selected_row()
            row = row if row is not None else len(trial.lines) - 1
            if row >= 0:
                digits = star.group(1).lstrip("0") or "0"
                trial.set_qty(row, int(digits) if len(digits) <= 9 else MAX_QTY + 1)
        elif t:
            selling.add(window.ctx.store, trial, t)
    except KnownError:  # CartError, UnknownCode: refused, nothing changes
        trial = page.model.cart
    return state_of(trial)


def names_goods(store, text: str) -> bool:
    """Whether ``text`` could change the cart at all: ``*N`` or a (QTY*)code of a product."""
    t = text.strip()
    if STAR.fullmatch(t):
        return True
    m = re.fullmatch(r"(?:\d+\s*[*xX]\s*)?(\S+)", t)
    return bool(m) and (
        store.products.by_code(m.group(1)) is not None or store.products.by_code(t) is not None
    )


@FUZZ
@given(text=half([*codes, "*3", "*0", "*10000"]))
@example(text="*²")  # a digit int() refuses: crashed the scan slot
@example(text="9" * 5000 + "*ECO-01")  # more digits than int() takes
@example(text="*" + "9" * 5000)
def test_nothing_typed_in_the_scan_field_crashes_or_changes_the_cart_unless_valid(
    qtbot, window, text
):
    """Any text + Enter: the cart changes only for a known code or *N, exactly as the
    service says; a refusal leaves it as it was and the screen shows the cart."""
    before = cart_state(window)
    expected = expected_after_scan(window, text)
    with qtbot.captureExceptions() as exceptions:
        enter(qtbot, field(window, "scanInput"), text)
    assert_no_exception(exceptions)
    after = cart_state(window)
    assert after == expected
    if after != before:
        assert names_goods(window.ctx.store, text)
    assert field(window, "scanInput").text() == ""
    assert_cart_sound(window)


def test_a_slot_that_raises_is_caught_by_these_tests(qtbot, window, monkeypatch):
    """The harness itself: an exception inside the scan slot is seen, not just printed."""

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(selling, "add_item", broken)  # what the scan slot calls
    with qtbot.captureExceptions() as exceptions:
        enter(qtbot, field(window, "scanInput"), "ECO-01")
    assert [str(e[1]) for e in exceptions] == ["boom"]


# -- the payment dialog -----------------------------------------------------------------------


def covers(text: str, total: int, method: Method) -> bool:
    """Whether one tender of ``text`` by ``method`` pays ``total``: only cash may exceed it,
    and not beyond what a customer could hand over (ten times the bill or one Rp 100.000
    note, and at most Rp 10.000.000 over)."""
    t = text.strip()
    if not t:
        return True
    try:
        amount = parse_rupiah(t)
    except MoneyError:
        return False
    plausible = amount <= max(10 * total, 100_000) and amount - total <= 10_000_000
    return amount == total or (amount > total and method is Method.CASH and plausible)


def confirm_sale(qtbot, dialog) -> None:
    """Confirm as the cashier does once the tenders cover the total (and say yes to a large
    change): a tender alone never sells."""
    button = dialog.findChild(QPushButton, "confirmSaleButton")
    if not button.isEnabled():
        return
    qtbot.mouseClick(button, Qt.LeftButton)
    box = dialog.big_change_box
    if box is not None:
        qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.LeftButton)


@FUZZ
@given(
    text=half(["", " ", "215.000", "215000", "300.000", "Rp 1.000.000", "100.000", "0"]),
    method=st.sampled_from(list(Method)),
)
@example(text=str(2**63), method=Method.CASH)  # too big for SQLite: crashed at the commit
@example(text="9" * 5000, method=Method.QRIS)
def test_no_amount_typed_in_payment_crashes_or_sells_unless_it_covers(qtbot, window, text, method):
    """Any amount and a method button: a sale is committed exactly when the amount is valid
    and covers the total, whole (its payments add up); otherwise nothing is written."""
    ensure_goods(qtbot, window)
    store = window.ctx.store
    before = (store.sales.count(), cart_state(window))
    total = window.sell_page.model.cart.pricing().total
    with qtbot.captureExceptions() as exceptions:
        window.sell_page.pay()
        dialog = window.sell_page.payment_dialog  # the one just opened (not one being deleted)
        assert dialog is not None and dialog.isVisible()
        field(dialog, "amountInput").setText(text)
        qtbot.mouseClick(dialog.findChild(QPushButton, f"method_{method.value}"), Qt.LeftButton)
        assert dialog.sale is None  # a tap on a method never sells on its own
        confirm_sale(qtbot, dialog)
        sale = dialog.sale
        qtbot.keyClick(dialog, Qt.Key_Escape)  # back out, or close after the sale
        qtbot.waitUntil(lambda: window.sell_page.payment_dialog is None)
    assert_no_exception(exceptions)
    if covers(text, total, method):
        assert sale is not None and store.sales.count() == before[0] + 1
        stored = store.sales.get(sale.receipt_no)
        assert stored.total == total == sum(p.amount for p in stored.payments)
        assert all(p.tendered >= p.amount for p in stored.payments)
        if text.strip() and method is Method.CASH:
            assert stored.payments[-1].tendered == parse_rupiah(text)
        assert window.sell_page.model.cart.lines == []
        assert journal.verify(store).ok
    else:
        assert sale is None and store.sales.count() == before[0]
        assert cart_state(window) == before[1]
    assert_cart_sound(window)


def test_odd_but_valid_amounts_sell_whole_and_verify(qtbot, window):
    """The rest, a big note, "215.000,-" and the largest cash taken for the bill (ten times
    it) each sell; a stuck key, a word and an amount no customer hands over (a barcode's
    digits) sell nothing; afterwards the journal, numbering and totals all hold."""
    for text in (
        "",
        "Rp 1.000.000",
        "9" * 30,
        "215.000,-",
        "abc",
        "2.150.000",
        "1.000.000.000.000.000",
    ):
        ensure_goods(qtbot, window)
        assert window.sell_page.model.cart.pricing().total == 215_000
        window.sell_page.pay()
        dialog = window.sell_page.payment_dialog
        field(dialog, "amountInput").setText(text)
        qtbot.mouseClick(dialog.findChild(QPushButton, "method_cash"), Qt.LeftButton)
        confirm_sale(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key_Escape)
        qtbot.waitUntil(lambda: window.sell_page.payment_dialog is None)
    assert window.ctx.store.sales.count() == 4
    result = journal.verify(window.ctx.store)
    assert result.ok, result.problems


# -- the discount dialog ----------------------------------------------------------------------


@FUZZ
@given(
    text=half(["10%", "100%", "5.000", "50.000", "1.000.000", "0", ""]),
    whole_sale=st.booleans(),
)
@example(text="9" * 5000, whole_sale=True)
def test_no_discount_typed_crashes_or_exceeds_what_the_cart_allows(qtbot, window, text, whole_sale):
    """Any discount text on a line or the whole sale: applied only when it parses and fits;
    a refusal keeps the dialog open and the cart as it was."""
    ensure_goods(qtbot, window)
    window.sell_page.table.selectRow(0)
    before = cart_state(window)
    with qtbot.captureExceptions() as exceptions:
        window.sell_page.discount()
        dialog = window.findChild(QDialog, "discountDialog")
        assert dialog is not None
        if whole_sale:
            dialog.findChild(QRadioButton, "discountSale").click()
        enter(qtbot, field(dialog, "discountInput"), text)
        refused = dialog.isVisible()
        if refused:
            qtbot.keyClick(dialog, Qt.Key_Escape)
        qtbot.waitUntil(lambda: window.findChild(QDialog, "discountDialog") is None)
    assert_no_exception(exceptions)
    try:
        parse_discount(text)
    except (MoneyError, CartError):
        assert refused
    if refused:
        assert cart_state(window) == before
    assert_cart_sound(window)


SALE_OVER = "The discount is above the threshold: a supervisor must approve it"


def with_crew(window) -> None:
    """Dewi (supervisor, PIN 2468) and Rina (cashier), Rina signed in at the till."""
    from booth_pos.services import staff

    store, clock = window.ctx.store, window.ctx.clock
    if not staff.staff_exist(store):
        cheap = staff.PinCost(n=16, r=1, p=1)
        staff.add_staff(store, "Dewi", "supervisor", "2468", clock, cost=cheap)
        staff.add_staff(
            store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
            cost=cheap,
        )  # fmt: skip
    window.ctx.cashier = "Rina"


@FUZZ
@given(
    # Mostly discounts above the 20 % threshold and the right PIN, to reach the approval.
    text=half(["50%", "100%", "100.000", "10%", "5.000"]),
    whole_sale=st.booleans(),
    pin=st.sampled_from(["2468", "2468", "2468", "1111", "0000", "", "24680", "²468"]),
    reason=half(["grosir", "grosir", "", " ", "x" * 300]),
)
def test_with_staff_no_discount_above_the_threshold_is_paid_without_approval(
    qtbot, window, text, whole_sale, pin, reason
):
    """With staff accounts, any discount text, then any supervisor PIN and reason: the
    discount just given is approved if it is above the threshold, and a cart still holding
    an unapproved one (stacked discounts) cannot be paid."""
    from booth_pos.services import approvals

    store, clock = window.ctx.store, window.ctx.clock
    with_crew(window)
    clock.advance(timedelta(minutes=6))  # a lockout from wrong PINs before has expired
    ensure_goods(qtbot, window)
    window.sell_page.table.selectRow(0)
    before = cart_state(window)
    with qtbot.captureExceptions() as exceptions:
        window.sell_page.discount()
        dialog = window.findChild(QDialog, "discountDialog")
        if whole_sale:
            dialog.findChild(QRadioButton, "discountSale").click()
        enter(qtbot, field(dialog, "discountInput"), text)
        box = dialog.findChild(QWidget, "supervisorBox") if dialog.isVisible() else None
        if box is not None:  # above the threshold: the supervisor's PIN and a reason
            field(box, "supervisorPin").setText(pin)
            field(box, "approvalReason").setText(reason)
            qtbot.keyClick(field(dialog, "discountInput"), Qt.Key_Return)
        refused = dialog.isVisible()
        if refused:
            qtbot.keyClick(dialog, Qt.Key_Escape)
        qtbot.waitUntil(lambda: window.findChild(QDialog, "discountDialog") is None)
    assert_no_exception(exceptions)
    if refused:
        assert cart_state(window) == before
    cart = window.sell_page.model.cart
    missing = [exc.en for exc in approvals.needs_approval(store, cart)]
    if not refused and whole_sale:
        assert SALE_OVER not in missing
    elif not refused:
        assert not any(m.startswith(f"The discount on {cart.lines[0].name} ") for m in missing)
    if missing:
        with qtbot.captureExceptions() as exceptions:
            window.sell_page.pay()
        assert_no_exception(exceptions)
        assert window.sell_page.payment_dialog is None
        assert window.findChild(QLabel, "scanMessage").property("level") == "error"
    assert_cart_sound(window)


def test_a_line_discount_stacked_over_the_threshold_blocks_payment_until_approved(qtbot, window):
    """10 % off the sale needs nobody; 50 % off a line, approved for that line, lifts the
    stack above 20 %: the dialog does not ask for the sale discount, but payment is refused
    until a supervisor approves it too."""
    from booth_pos.services import approvals

    with_crew(window)
    ensure_goods(qtbot, window)  # Rp 165.000 + Rp 50.000

    def give(text: str, whole_sale: bool, approve: bool) -> None:
        window.sell_page.table.selectRow(0)
        window.sell_page.discount()
        dialog = window.findChild(QDialog, "discountDialog")
        if whole_sale:
            dialog.findChild(QRadioButton, "discountSale").click()
        enter(qtbot, field(dialog, "discountInput"), text)
        if approve:
            box = dialog.findChild(QWidget, "supervisorBox")
            field(box, "supervisorPin").setText("2468")
            field(box, "approvalReason").setText("grosir")
            qtbot.keyClick(field(dialog, "discountInput"), Qt.Key_Return)
        assert not dialog.isVisible()
        qtbot.waitUntil(lambda: window.findChild(QDialog, "discountDialog") is None)

    give("10%", whole_sale=True, approve=False)
    give("50%", whole_sale=False, approve=True)
    cart = window.sell_page.model.cart
    assert [e.en for e in approvals.needs_approval(window.ctx.store, cart)] == [SALE_OVER]
    window.sell_page.pay()
    assert window.sell_page.payment_dialog is None
    give("10%", whole_sale=True, approve=True)
    assert approvals.needs_approval(window.ctx.store, cart) == []
    window.sell_page.pay()
    assert window.sell_page.payment_dialog is not None


@FUZZ
@given(text=half(["250.000", "1", "1.000.000.000", "1.000.000.001", "0", "165.000", ""]))
def test_no_price_typed_crashes_or_sets_an_impossible_price(qtbot, window, text):
    """Any new price (F6): set only when it is a price from Rp 1 to Rp 1.000.000.000 that
    keeps the line's discount within it; otherwise the cart stays as it was."""
    ensure_goods(qtbot, window)
    window.sell_page.table.selectRow(0)
    before = cart_state(window)
    with qtbot.captureExceptions() as exceptions:
        window.sell_page.change_price()
        dialog = window.findChild(QDialog, "priceDialog")
        enter(qtbot, field(dialog, "priceInput"), text)
        refused = dialog.isVisible()
        if refused:
            qtbot.keyClick(dialog, Qt.Key_Escape)
        qtbot.waitUntil(lambda: window.findChild(QDialog, "priceDialog") is None)
    assert_no_exception(exceptions)
    if refused:
        assert cart_state(window) == before
    else:
        assert window.sell_page.model.cart.lines[0].unit_price == parse_rupiah(text)
    assert all(1 <= ln.unit_price <= 1_000_000_000 for ln in window.sell_page.model.cart.lines)
    assert_cart_sound(window)


@FUZZ
@given(text=half(["kendi", "ECO", "%", "_", "\\", "'", '"', "batik tulis"]))
def test_no_name_search_crashes_and_a_pick_adds_what_was_listed(qtbot, window, text):
    """Any text in the name search (F2), then Enter: the first listed product is added, or
    nothing when nothing is listed."""
    window.sell_page.model.clear()
    with qtbot.captureExceptions() as exceptions:
        window.sell_page.search()
        dialog = window.findChild(QDialog, "searchDialog")
        edit = field(dialog, "searchInput")
        edit.setText(text)
        results = dialog.findChild(QAbstractItemView, "searchResults")
        listed = results.model().rowCount()
        qtbot.keyClick(edit, Qt.Key_Return)
        if dialog.isVisible():
            qtbot.keyClick(dialog, Qt.Key_Escape)
        qtbot.waitUntil(lambda: window.findChild(QDialog, "searchDialog") is None)
    assert_no_exception(exceptions)
    assert sum(ln.qty for ln in window.sell_page.model.cart.lines) == (1 if listed else 0)
    assert_cart_sound(window)


# -- opening the day --------------------------------------------------------------------------


@pytest.fixture
def no_close_backup(monkeypatch):
    """Closing the day dozens of times needs no backup file each time."""
    from booth_pos.services import backup

    monkeypatch.setattr(backup, "after_close", lambda *a, **k: None)


@FUZZ
@given(text=half(["", "0", "500.000", "Rp 250.000,-", "-1", "1.000.000.000.000.001"]))
@example(text="9" * 5000)
def test_no_float_typed_crashes_or_opens_a_day_unless_valid(qtbot, window, no_close_backup, text):
    """Any opening float: a day opens with exactly that float (empty means 0), or the dialog
    says why and no day is open."""
    store = window.ctx.store
    if days.current_day(store) is not None:  # the fixture's, or opened by the input before
        days.close_day(store, window.ctx.clock, 0)
    with qtbot.captureExceptions() as exceptions:
        window.ask_open_day()
        dialog = window.findChild(QDialog, "openDayDialog")
        enter(qtbot, field(dialog, "floatInput"), text)
        still_open = dialog.isVisible()
        if still_open:
            assert dialog.findChild(QLabel, "openDayMessage").text()
            qtbot.keyClick(dialog, Qt.Key_Escape)
        qtbot.waitUntil(lambda: window.findChild(QDialog, "openDayDialog") is None)
    assert_no_exception(exceptions)
    try:
        amount = parse_rupiah(text.strip() or "0", allow_zero=True)
    except MoneyError:
        assert still_open and days.current_day(store) is None
    else:
        day = days.current_day(store)
        assert not still_open and day is not None and day.opening_float == amount


# -- settings ---------------------------------------------------------------------------------

SETTING_TEXTS = {
    "till": ["T2", "t1", "T 1", "123456789"],
    "timezone": ["Asia/Makassar", "America", "x" * 300],
    "event_start": ["2023-03-01", "2023-02-30"],
    "rates": ["EUR=17250; KRW=11,85", "EUR=17.250", "IDR=1", "XYZ=1", "EUR", "EUR=0", ""],
    "rates_date": ["2023-03-01", "2023-02-30", ""],
    "origins": ["ID, KR", "", "ÜBER"],
    "discount_threshold": ["20", "12,5%", "101"],
    "backup_minutes": ["15", "0", "²", "9" * 5000],
}
#: The settings typed as text (the others are choices from a list).
TEXT_FIELDS = [
    "stand_name", "event_name", "venue", "event_start", "event_end", "timezone", "till",
    "contact", "receipt_header", "receipt_footer", "rates", "rates_date", "origins",
    "discount_threshold", "printer_target", "backup_dir", "backup_minutes",
]  # fmt: skip
edits = st.dictionaries(
    st.sampled_from(TEXT_FIELDS),
    half(sum(SETTING_TEXTS.values(), [])),
    max_size=5,
)


@FUZZ
@given(changes=edits)
@example(changes={"timezone": "America"})  # a folder of the zone database: crashed Save
@example(changes={"backup_minutes": "²"})  # a digit int() refuses: crashed Save
@example(changes={"rates": "EUR=17.250"})  # the receipt refuses it
def test_settings_save_valid_settings_or_change_nothing(qtbot, window, changes):
    """Random texts in some settings fields, then Save: exactly what the form validates is
    stored, or nothing at all (and the reason is shown)."""
    window.show_page("settings")
    page = window.page("settings")
    page.refresh()
    for key, text in changes.items():
        widget = page.fields[key]
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        else:
            widget.setPlainText(text)
    store = window.ctx.store
    old = store.settings()
    try:
        expected = settings_service.from_texts(old, page.texts())
    except settings_service.SettingsError:
        expected = None
    if expected is not None and till_change_refusal(store, expected.till) is not None:
        expected = None  # the day is open: this file's till code can no longer change
    with qtbot.captureExceptions() as exceptions:
        qtbot.mouseClick(page.findChild(QPushButton, "saveSettingsButton"), Qt.LeftButton)
    assert_no_exception(exceptions)
    message = page.findChild(QLabel, "settingsMessage")
    if expected is None:
        assert store.settings() == old and message.property("level") == "error"
    else:
        assert store.settings() == expected
        assert settings_service.from_texts(expected, settings_service.as_texts(expected)) == (
            expected
        )
    if changes.get("rates") == "EUR=17.250":
        assert "17.250" not in store.settings().rates

"""A database file that ``PRAGMA quick_check`` finds damaged takes no more sales or
corrections (restore a backup first), while reading what it holds still works."""

from __future__ import annotations

import threading

import pytest
from helpers.damage import counts, garble_page_of

from booth_pos import store as store_module
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import corrections, days, reports, selling, staff
from booth_pos.store import StoreError, open_store

CHEAP = staff.PinCost(n=16, r=1, p=1)
SOLD = "T1-000001"  # the sale rung up before the damage


@pytest.fixture
def damaged(db_path, demo_store, clock):
    """The demo stand with a supervisor, the day open and one sale, then one page of an
    index garbled on disk; the path of the file (closed)."""
    staff.add_staff(demo_store, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        demo_store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    days.open_day(demo_store, clock, 500_000)
    sale = selling.complete(demo_store, cart_of(demo_store), [Tender(Method.CASH)], clock)
    assert sale.receipt_no == SOLD
    demo_store.close()
    garble_page_of(db_path)
    return db_path


def cart_of(store) -> Cart:
    cart = Cart(cashier="Rina")
    selling.add(store, cart, "2*ECO-01")
    return cart


def test_a_sale_on_a_damaged_file_is_refused_with_restore_a_backup_and_writes_nothing(
    damaged, clock
):
    """Today's sales would go on into a file SQLite already knows is damaged: refused, both
    before payment (the checklist) and at commit, naming the damage and the way out."""
    before = counts(damaged)
    store = open_store(damaged)
    try:
        cart = cart_of(store)
        with pytest.raises(StoreError) as at_checkout:
            selling.checkout_blockers(store, cart)
        with pytest.raises(StoreError) as at_commit:
            selling.complete(store, cart, [Tender(Method.CASH)], clock)
    finally:
        store.close()
    for refused in (at_checkout.value, at_commit.value):
        assert "is damaged (Page " in refused.en and "restore a backup" in refused.en
        assert "booth-pos restore" in refused.en and "nothing was saved" in refused.en
        assert "rusak" in refused.id and "pulihkan cadangan" in refused.id
        assert refused.code == "SQLITE_CORRUPT"
    assert counts(damaged) == before


@pytest.mark.parametrize("kind", ["void", "refund"])
def test_a_correction_on_a_damaged_file_is_refused_before_the_pin_is_tried(damaged, clock, kind):
    """No void or refund, and no PIN check (its audit entry would be a write) either."""
    before = counts(damaged)
    store = open_store(damaged)
    try:
        audit = store.audit.last()
        with pytest.raises(StoreError, match="restore a backup"):
            getattr(corrections, kind)(
                store, SOLD, reason="rusak", supervisor="Dewi", pin="0000",
                clock=clock, cashier="Rina",
            )  # fmt: skip
        assert store.audit.last() == audit  # no pin_failed entry either
    finally:
        store.close()
    assert counts(damaged) == before


def test_the_days_figures_still_read_from_a_damaged_file(damaged):
    """Reading commands keep working: the coordinator can still see and print the day."""
    store = open_store(damaged)
    try:
        report = reports.day_report(store)
        assert (report.sales, report.net) == (1, 570_000)
        assert store.quick_check_problems()[0].startswith("Page ")
    finally:
        store.close()


def test_a_sound_file_is_quick_checked_once_per_open(demo_store, clock, monkeypatch):
    """The check reads every page: one run per open, however many sales follow."""
    runs = []
    real = store_module._quick_check
    monkeypatch.setattr(store_module, "_quick_check", lambda conn: runs.append(1) or real(conn))
    days.open_day(demo_store, clock, 0)
    for _ in range(3):
        cart = Cart()
        selling.add(demo_store, cart, "BKR-05")
        assert selling.checkout_blockers(demo_store, cart) == []
        selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    assert len(runs) == 1
    assert demo_store.quick_check_problems() == []


def test_the_windows_early_check_on_its_own_thread_is_the_one_the_sale_uses(damaged, monkeypatch):
    """The window checks at start on a thread of its own; the first payment finds the
    answer there instead of reading the whole file again."""
    store = open_store(damaged)
    try:
        worker = threading.Thread(target=store.prefetch_quick_check)
        worker.start()
        worker.join(30)
        monkeypatch.setattr(store_module, "_quick_check", lambda conn: pytest.fail("ran twice"))
        with pytest.raises(StoreError, match="is damaged"):
            store.check_sound()
    finally:
        store.close()


def test_a_restore_over_the_open_store_forgets_the_old_files_check(damaged, monkeypatch):
    """After the file's contents are replaced (a restore), the next sale asks the new file."""
    store = open_store(damaged)
    try:
        assert store.quick_check_problems()
        store.forget_cached()
        monkeypatch.setattr(store_module, "_quick_check", lambda conn: [])  # the restored file
        store.check_sound()
    finally:
        store.close()


def test_the_window_starts_the_check_on_its_own_thread_at_open(damaged, monkeypatch):
    """``booth-pos`` (the window) asks the quick check in the background once it shows, so
    a big file's check never delays the start, and the answer waits for the first payment."""
    from booth_pos import app

    store = open_store(damaged)
    try:
        app._prefetch_quick_check(store)
        assert app._quick_check_work.wait(30)
        monkeypatch.setattr(store_module, "_quick_check", lambda conn: pytest.fail("ran twice"))
        assert store.quick_check_problems()[0].startswith("Page ")
    finally:
        store.close()

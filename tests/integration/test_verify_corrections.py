"""Verify checks voids and refunds as it checks sales: numbered without gaps, each matching
its journal entry, its lines paid back in full, never more given back than was sold.

Tampering is done the way someone with the laptop would try it: plain ``sqlite3`` on the
file, dropping the protecting trigger first, behind the application's back.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import timedelta

import pytest
from helpers.old_program import before_issue_12
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booth_pos.clock import Clock, parse_instant, to_iso
from booth_pos.model import Cart, Discount, KnownError, Method, Tender
from booth_pos.services import backup, corrections, days, demo, journal, selling, staff
from booth_pos.store import journal as journal_rows
from booth_pos.store import migrations, open_store
from booth_pos.store import sales as store_sales

NOW = "2023-03-01T10:00:00+07:00"
CHEAP = staff.PinCost(n=16, r=1, p=1)


def make_crew(store, clock):
    """Dewi (supervisor 2468), Bayu (supervisor 1357), Rina (cashier 1111)."""
    staff.add_staff(store, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    for name, role, pin in (("Bayu", "supervisor", "1357"), ("Rina", "cashier", "1111")):
        staff.add_staff(
            store, name, role, pin, clock, supervisor="Dewi", supervisor_pin="2468", cost=CHEAP
        )


def sell(store, clock, *items, discount=None):
    cart = Cart(cashier="Rina")
    for item in items:
        selling.add(store, cart, item)
    if discount is not None:
        cart.set_discount(discount)
    return selling.complete(store, cart, [Tender(Method.CASH)], clock)


def approved(**kw):
    return dict(reason="rusak / damaged", supervisor="Dewi", pin="2468", cashier="Rina", **kw)


def ring_up_and_correct(store, clock):
    """Day 1: three sales, a void and a refund; day 2: two more refunds (R000001..R000004)."""
    days.open_day(store, clock, 500_000)
    # 2 x Rp 165.000 + 3 x Rp 25.000 less Rp 5.000 shared: the masks' net does not split
    # evenly by three, so the refund steps test the cumulative floor.
    first = sell(store, clock, "2*ECO-04", "3*BKR-05", discount=Discount("amount", 5_000))
    second = sell(store, clock, "ECO-04")
    third = sell(store, clock, "3*BKR-05")
    corrections.void(store, second.receipt_no, clock=clock, **approved())
    corrections.refund(store, first.receipt_no, lines={2: 1}, clock=clock, **approved())
    day = days.current_day(store)
    days.close_day(store, clock, days.expected_cash(store, day))
    clock.advance(timedelta(days=1))
    days.open_day(store, clock, 500_000)
    corrections.refund(
        store, first.receipt_no, lines={1: 1, 2: 2}, method="qris", clock=clock, **approved()
    )
    corrections.refund(store, third.receipt_no, clock=clock, **approved())


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The demo stand with its crew, sales and four corrections (built once, copied per test)."""
    path = tmp_path_factory.mktemp("corrections") / "booth.sqlite"
    store = open_store(path)
    clock = Clock(parse_instant(NOW))
    demo.load_stand(store, clock)
    make_crew(store, clock)
    ring_up_and_correct(store, clock)
    store.close()
    return path


@pytest.fixture
def path(template, tmp_path):
    copy = tmp_path / "booth.sqlite"
    shutil.copy(template, copy)
    return copy


def tamper(path, *statements: str) -> None:
    """Run SQL on the file with plain sqlite3, as an attacker would (no app, no checks)."""
    conn = sqlite3.connect(path)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def verify_file(path) -> journal.Verification:
    store = open_store(path)
    try:
        return journal.verify(store)
    finally:
        store.close()


def problems(path) -> list[str]:
    return [str(p) for p in verify_file(path).problems]


def correction_id(path, number: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id FROM corrections WHERE number = ?", (number,)).fetchone()[0]
    finally:
        conn.close()


def entry_of(path, number: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id FROM journal WHERE ref = ?", (number,)).fetchone()[0]
    finally:
        conn.close()


# -- a clean store ------------------------------------------------------------------------------


def test_a_store_with_voids_and_refunds_verifies(path):
    """A void, refunds in steps and on a later day: everything holds, every correction counted."""
    result = verify_file(path)
    assert result.ok, result.problems
    assert (result.sales, result.corrections, result.days) == (3, 4, 2)
    assert "3 sales, 4 corrections, 2 business days" in result.summary()


pick = st.tuples(
    st.sampled_from(["void", "refund", "refund"]),
    st.integers(0, 2),  # which sale
    st.dictionaries(st.integers(1, 2), st.integers(0, 3), max_size=2),
    st.sampled_from(list(Method)),
    st.booleans(),  # a new business day first
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(pick, min_size=1, max_size=6))
def test_any_run_of_accepted_corrections_verifies(tmp_path_factory, template, steps):
    """Voids and refunds in any order, amounts and days that the till accepts always verify."""
    path = tmp_path_factory.mktemp("run") / "booth.sqlite"
    shutil.copy(template, path)
    store = open_store(path)
    clock = Clock(parse_instant("2023-03-02T12:00:00+07:00"))
    try:
        sales = [
            sell(store, clock, "3*BKR-05", "ECO-04", discount=Discount("percent", 1_500)),
            sell(store, clock, "7*DMP-03"),
            sell(store, clock, "2*ECO-04", "BKR-05", discount=Discount("amount", 7)),
        ]
        made = 4
        for kind, which, lines, method, new_day in steps:
            if new_day:
                expected = days.expected_cash(store, days.current_day(store))
                days.close_day(store, clock, max(expected, 0))  # refunds may exceed the drawer
                clock.advance(timedelta(days=1))
                days.open_day(store, clock, 0)
            receipt = sales[which].receipt_no
            try:
                if kind == "void":
                    corrections.void(store, receipt, clock=clock, **approved())
                else:
                    corrections.refund(
                        store, receipt, lines=lines or None, method=method, clock=clock,
                        **approved(),
                    )  # fmt: skip
                made += 1
            except KnownError:
                pass
        result = journal.verify(store)
        assert result.ok, result.problems
        assert result.corrections == made
    finally:
        store.close()


# -- tampering behind the app's back -------------------------------------------------------------


def test_verify_names_a_refund_line_whose_amount_was_edited(path):
    """A refund line raised by Rp 1.000 after the fact: that refund is named, and why."""
    cid = correction_id(path, "T1-R000002")
    tamper(
        path,
        "DROP TRIGGER refund_lines_no_update",
        f"UPDATE refund_lines SET amount = amount + 1000 WHERE correction_id = '{cid}'",
    )
    found = problems(path)
    entry = entry_of(path, "T1-R000002")
    assert found[0] == (
        f"correction T1-R000002: differs from its journal entry {entry} (refund T1-R000002) "
        "(edited)"
    )
    assert any(p.startswith("correction T1-R000002: payments ") for p in found)
    assert any(p.startswith("correction T1-R000002 line 2: amount ") for p in found)
    assert "database schema: protection removed: trigger refund_lines_no_update" in found


def test_verify_names_a_refund_edited_consistently_everywhere(path):
    """Line, payment and amount raised together still differ from the journal and the rule."""
    cid = correction_id(path, "T1-R000002")
    tamper(
        path,
        "DROP TRIGGER refund_lines_no_update",
        "DROP TRIGGER refund_payments_no_update",
        "DROP TRIGGER corrections_no_update",
        f"UPDATE refund_lines SET amount = amount + 1000 WHERE correction_id = '{cid}'",
        f"UPDATE refund_payments SET amount = amount + 1000 WHERE correction_id = '{cid}'",
        f"UPDATE corrections SET amount = amount + 1000 WHERE id = '{cid}'",
    )
    found = problems(path)
    assert found[0].startswith("correction T1-R000002: differs from its journal entry")
    line = [p for p in found if p.startswith("correction T1-R000002 line 2: amount ")]
    assert line and "is not 24691, its 1 units' share of net 74074" in line[0]


def test_verify_names_a_deleted_correction_and_the_gap_it_leaves(path):
    """A refund removed whole: its journal entry has no correction and the numbers a gap."""
    cid = correction_id(path, "T1-R000002")
    entry = entry_of(path, "T1-R000002")
    tamper(
        path,
        "DROP TRIGGER refund_lines_no_delete",
        "DROP TRIGGER refund_payments_no_delete",
        "DROP TRIGGER corrections_no_delete",
        f"DELETE FROM refund_lines WHERE correction_id = '{cid}'",
        f"DELETE FROM refund_payments WHERE correction_id = '{cid}'",
        f"DELETE FROM corrections WHERE id = '{cid}'",
    )
    found = problems(path)
    assert found[0] == (
        f"journal entry {entry} (refund T1-R000002): its correction is missing (deleted)"
    )
    assert "correction T1-R000003: correction numbers missing before it: T1-R000002" in found


def test_verify_names_a_renumbered_correction(path):
    """A refund given another number: named by its new number against its journal entry."""
    entry = entry_of(path, "T1-R000002")
    tamper(
        path,
        "DROP TRIGGER corrections_no_update",
        "UPDATE corrections SET number = 'T1-R000009', seq = 9 WHERE number = 'T1-R000002'",
    )
    found = problems(path)
    assert found[0] == (
        f"correction T1-R000009: differs from its journal entry {entry} (refund T1-R000002) "
        "(edited)"
    )
    assert "correction T1-R000003: correction numbers missing before it: T1-R000002" in found
    assert (
        "correction T1-R000009: correction numbers missing before it: T1-R000005 to T1-R000008"
        in found
    )
    assert (
        "till T1: 4 correction numbers were issued but the last correction is T1-R000009" in found
    )


def test_verify_names_a_number_that_does_not_match_its_place(path):
    """The printed number changed but not its place in the sequence: both are named."""
    tamper(
        path,
        "DROP TRIGGER corrections_no_update",
        "UPDATE corrections SET number = 'T1-R000007' WHERE number = 'T1-R000003'",
    )
    found = problems(path)
    assert found[0].startswith("correction T1-R000007: differs from its journal entry")
    assert "correction T1-R000007: its number does not match its place 3" in found


def test_verify_names_a_line_given_back_twice(path):
    """A refund's quantity raised past what was sold (the over-refund trigger dropped too)."""
    cid = correction_id(path, "T1-R000004")
    tamper(
        path,
        "DROP TRIGGER refund_lines_no_update",
        "DROP TRIGGER refund_lines_check",
        f"UPDATE refund_lines SET qty = qty + 1 WHERE correction_id = '{cid}'",
    )
    found = problems(path)
    assert found[0].startswith("correction T1-R000004: differs from its journal entry")
    assert "correction T1-R000004 line 1: gives back 4 but only 3 of the 3 units sold remained" in (
        found
    )
    assert any("refund_lines_check" in p for p in found)


def test_a_forged_refund_with_a_well_made_journal_entry_is_still_caught(path):
    """Anyone can append a correctly hashed entry; a refund of goods already given back still
    shows: the sale line has nothing left to give."""
    conn = sqlite3.connect(path)
    sale_id, receipt = conn.execute(
        "SELECT id, receipt_no FROM sales WHERE receipt_no = 'T1-000003'"
    ).fetchone()
    day_id = conn.execute("SELECT max(id) FROM days").fetchone()[0]
    at = to_iso(parse_instant("2023-03-02T15:00:00+07:00"))
    head = journal_rows.CorrectionRow(
        0, "forged", "refund", "T1-R000005", "T1", 5, sale_id, receipt, day_id, at, "Rina",
        "Dewi", "rusak", 25_000,
    )  # fmt: skip
    line = journal_rows.RefundLineRow("forged", sale_id, 1, day_id, "BKR", "BKR-05", 1, 25_000)
    pay = journal_rows.RefundPaymentRow("forged", 1, day_id, "cash", 25_000)
    conn.execute("DROP TRIGGER refund_lines_check")
    conn.execute(
        "INSERT INTO corrections(id, kind, number, till, seq, sale_id, day_id, created_at, "
        "cashier, supervisor, reason, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*head[1:7], *head[8:]),
    )
    conn.execute("INSERT INTO refund_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?)", line)
    conn.execute("INSERT INTO refund_payments VALUES (?, ?, ?, ?, ?)", pay)
    conn.execute("UPDATE correction_counters SET last_seq = 5")  # the insert began a transaction
    journal_rows.append_entry(
        conn, journal_rows.JOURNAL, "refund", "T1-R000005",
        journal_rows.correction_payload(head, [line], [pay]), at,
    )  # fmt: skip
    conn.commit()
    conn.close()
    found = problems(path)
    assert found[0] == (
        "correction T1-R000005 line 1: gives back 1 but only 0 of the 3 units sold remained"
    )


def test_verify_names_a_correction_written_behind_the_apps_back(path):
    """A refund row copied in with plain SQL has no journal entry of its own."""
    cid = correction_id(path, "T1-R000002")
    tamper(
        path,
        f"INSERT INTO corrections SELECT 'copy', kind, 'T1-R000005', till, 5, sale_id, day_id, "
        f"created_at, cashier, supervisor, reason, 0 FROM corrections WHERE id = '{cid}'",
        "UPDATE correction_counters SET last_seq = 5",
    )
    found = problems(path)
    assert found[0] == "correction T1-R000005: has no journal entry (written behind its back)"
    assert "correction T1-R000005: has no lines" in found


def test_verify_names_a_journal_entry_of_a_refund_edited(path):
    """The journal's own record of a refund edited: the entry's hash no longer matches."""
    entry = entry_of(path, "T1-R000003")
    tamper(
        path,
        "DROP TRIGGER journal_no_update",
        "UPDATE journal SET payload = replace(payload, '\"method\":\"qris\"', "
        f"'\"method\":\"cash\"') WHERE id = {entry}",
    )
    assert problems(path)[0] == (
        f"journal entry {entry} (refund T1-R000003): hash does not match its content (edited)"
    )


# -- databases from before the journal ----------------------------------------------------------


def test_corrections_made_before_the_journal_are_journaled_on_upgrade(tmp_path, monkeypatch):
    """A database with voids and refunds from before migration 4 gets their entries, and
    verifies."""
    path = tmp_path / "old.sqlite"
    journal_step = migrations.STEPS.index(migrations._v4_journal)
    nothing = journal_rows.Entry(0, "", "", "", "", "", "")
    with monkeypatch.context() as m:
        m.setattr(migrations, "STEPS", migrations.STEPS[:journal_step])
        for name in ("record_sale", "record_day_open", "record_day_close", "append_audit"):
            m.setattr(journal, name, lambda *a, **k: nothing)
        m.setattr(corrections, "_journal", lambda *a, **k: None)
        m.setattr(backup, "after_close", lambda *a: None)
        before_issue_12(m)  # no lockout columns, no journal to date against
        # Before migration 4 there is no journal to take a sale's verification code from.
        cols = store_sales._SALE_COLS
        m.setattr(store_sales, "_SALE_COLS", cols[: cols.index("(SELECT j.hash")] + "NULL")
        old = open_store(path)
        clock = Clock(parse_instant(NOW))
        demo.load_stand(old, clock)
        make_crew(old, clock)
        ring_up_and_correct(old, clock)
        old.close()
    store = open_store(path)
    try:
        result = journal.verify(store)
        assert result.ok, result.problems
        assert result.corrections == 4
        kinds = [
            (e.kind, e.ref)
            for e in store.journal.entries()
            if e.kind in ("void", "refund")
        ]
        assert kinds == [
            ("void", "T1-R000001"),
            ("refund", "T1-R000002"),
            ("refund", "T1-R000003"),
            ("refund", "T1-R000004"),
        ]
        entry = store.journal.latest_of(["refund"])
        assert json.loads(entry.payload)["receipt_no"] == "T1-000003"
    finally:
        store.close()

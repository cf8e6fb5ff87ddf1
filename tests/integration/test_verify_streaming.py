"""verify reads each day's rows where the app writes them, and falls back to reading them
sale by sale when they are not there: an edit hidden by where a row was put is still named,
and two tills selling into one file side by side still verify.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3

import pytest

from booth_pos.clock import Clock, parse_instant
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import days, demo, journal, selling
from booth_pos.store import open_store

NOW = "2023-03-01T10:00:00+07:00"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("streaming") / "event.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    demo.simulate(store, 2, 20, seed=11)
    store.close()
    return path


@pytest.fixture
def path(template, tmp_path):
    dest = tmp_path / "booth.sqlite"
    shutil.copy(template, dest)
    return dest


def verify_file(path) -> journal.Verification:
    store = open_store(path)
    try:
        return journal.verify(store)
    finally:
        store.close()


def add_line(path, receipt_no: str, *, day_id: int | None = None) -> None:
    """A line added to a sale with plain sqlite3: it lands at the end of the table."""
    conn = sqlite3.connect(path)
    try:
        sale_id, sale_day = conn.execute(
            "SELECT id, day_id FROM sales WHERE receipt_no = ?", (receipt_no,)
        ).fetchone()
        if day_id is not None:
            conn.execute("DROP TRIGGER sale_lines_day_check")
        conn.execute(
            "INSERT INTO sale_lines(sale_id, line_no, sku, name, artisan_code, category, "
            "unit_price, qty, line_discount, sale_discount_share, net, day_id, commission_bp) "
            "VALUES (?, 99, 'X', 'Extra', 'BKR', 'Tas', 1000, 1, 0, 0, 1000, ?, 1000)",
            (sale_id, sale_day if day_id is None else day_id),
        )
        conn.commit()
    finally:
        conn.close()


def test_a_line_slipped_into_an_early_sale_is_named(path):
    """A line added behind the back to the day's first sale stands after every other row of
    the day: verify still gives it to its sale and names that sale."""
    add_line(path, "T1-000001")
    found = [str(p) for p in verify_file(path).problems]
    assert found[0].startswith("sale T1-000001: differs from its journal entry")


def test_a_line_slipped_in_under_another_days_number_is_named(path):
    """The added line claims day 2 while its sale is on day 1: it is not among day 1's rows,
    yet verify finds it with its sale and says it claims another day."""
    add_line(path, "T1-000003", day_id=2)
    found = [str(p) for p in verify_file(path).problems]
    assert found[0].startswith("sale T1-000003: differs from its journal entry")
    assert "sale T1-000003 line 99: claims another business day" in found


def test_two_tills_selling_side_by_side_into_one_file_verify(tmp_path, clock):
    """Days of two tills open at once, their sales interleaved in the file and the journal:
    every sale pairs with its own entry, and an edit on either till is still named."""
    store = open_store(tmp_path / "booth.sqlite")
    try:
        demo.load_stand(store, clock)

        def as_till(till: str) -> None:
            store.save_settings(dataclasses.replace(store.settings(), till=till))

        for till in ("T1", "T2"):
            as_till(till)
            days.open_day(store, clock, 0)
        for n in range(6):
            as_till("T1" if n % 2 == 0 else "T2")
            cart = Cart(cashier="Rina")
            selling.add(store, cart, "ECO-01")
            selling.complete(store, cart, [Tender(Method.CASH)], clock)
        result = journal.verify(store)
        assert result.ok, result.problems
        assert (result.sales, result.days) == (6, 2)
    finally:
        store.close()
    conn = sqlite3.connect(tmp_path / "booth.sqlite")
    conn.execute("DROP TRIGGER payments_no_update")
    conn.execute(
        "UPDATE payments SET reference = 'x' "
        "WHERE sale_id = (SELECT id FROM sales WHERE receipt_no = 'T2-000002')"
    )
    conn.commit()
    conn.close()
    found = [str(p) for p in verify_file(tmp_path / "booth.sqlite").problems]
    assert found[0].startswith("sale T2-000002: differs from its journal entry")


def test_a_payment_of_no_sale_is_named_first_as_before(path):
    """A payment slipped in for a sale that does not exist: the in-place pass cannot give it
    to a sale, so the foreign key check it skipped runs and names it first, as it always did."""
    conn = sqlite3.connect(path)  # foreign keys are off in a plain connection
    conn.execute("DROP TRIGGER payments_day_check")
    conn.execute(
        "INSERT INTO payments(sale_id, seq, method, amount, tendered, reference, day_id) "
        "VALUES ('nobody', 1, 'cash', 5000, 5000, '', 1)"
    )
    rowid = conn.execute("SELECT max(rowid) FROM payments").fetchone()[0]
    conn.commit()
    conn.close()
    found = [str(p) for p in verify_file(path).problems]
    assert found[0] == f"payments row {rowid}: points at a missing sales row"

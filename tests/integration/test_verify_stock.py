"""The stock ledger and the payouts cannot be rewritten behind the till's back.

An attacker with the file and plain sqlite3 first drops the guard triggers, changes the
rows (and, to look clean, the product's stock with them), then puts the triggers back as
they were: ``verify`` must still name what was changed. With the guards in place, the
rows of ``stock_moves``, ``stock_notes`` and ``payouts`` refuse every UPDATE and DELETE.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from helpers import old_file

from booth_pos.clock import Clock
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import corrections, days, journal, payouts, records, selling, staff, stock
from booth_pos.store import open_store

WIB = ZoneInfo("Asia/Jakarta")
CHEAP = staff.PinCost(n=16, r=1, p=1)


def behind_the_back(path, *statements: str) -> None:
    """Run SQL with plain sqlite3, the guard triggers dropped first and recreated exactly as
    they were afterwards: the schema looks untouched."""
    conn = sqlite3.connect(path)
    try:
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        for sql in statements:
            conn.execute(sql)
        for _, sql in triggers:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def problems_of(path) -> list[str]:
    store = open_store(path)
    try:
        return [str(p) for p in journal.verify(store).problems]
    finally:
        store.close()


def named(problems: list[str], *words: str) -> bool:
    """Whether one problem holds all of ``words``."""
    return any(all(w in p for w in words) for p in problems)


@pytest.fixture
def stand(tmp_path):
    """A file with every kind of move and both kinds of payout, closed cleanly:
    IN-0001 (BTK), IN-0002 (ANY), sale T1-000001 (2 BTK-01, 1 ANY-01), its refund of one
    ANY-01, RT-0001 (1 BTK-02), SC-0001 (ANY-02), PO-0001 cash, PO-0002 transfer."""
    path = tmp_path / "booth.sqlite"
    store = open_store(path)
    clock = Clock(datetime(2023, 3, 1, 8, 0, tzinfo=WIB))
    records.add_artisan(store, "BTK", name="Batik Lestari", commission="20", at=clock.now())
    records.add_artisan(store, "ANY", name="Anyaman Sari", commission="12,5", at=clock.now())
    for sku, artisan, price in (
        ("BTK-01", "BTK", "350000"),
        ("BTK-02", "BTK", "175000"),
        ("ANY-01", "ANY", "85500"),
        ("ANY-02", "ANY", "12500"),
    ):
        records.add_product(store, sku, name=sku, artisan=artisan, price=price, clock=clock)
    staff.add_staff(store, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    stock.receive(store, clock, "BTK", [("BTK-01", 5), ("BTK-02", 3)])
    stock.receive(store, clock, "ANY", [("ANY-01", 4), ("ANY-02", 10)])
    clock.set(datetime(2023, 3, 1, 9, 0, tzinfo=WIB))
    days.open_day(store, clock, 500_000)
    cart = Cart(cashier="Rina")
    selling.add(store, cart, "2*BTK-01")
    selling.add(store, cart, "ANY-01")
    selling.complete(store, cart, [Tender(Method.CASH)], clock)
    corrections.refund(
        store, "T1-000001", items=["1*ANY-01"], reason="rusak", supervisor="Dewi",
        pin="2468", cashier="Rina", clock=clock,
    )  # fmt: skip
    stock.give_back(store, clock, "BTK", [("BTK-02", 1)])
    stock.count(store, clock, [("ANY-02", 9)], reason="stok opname")
    payouts.pay(store, clock, "BTK", 100_000, "cash", supervisor="Dewi", pin="2468")
    payouts.pay(
        store, clock, "BTK", 200_000, "transfer", reference="BCA 1", supervisor="Dewi", pin="2468"
    )
    assert journal.verify(store).ok
    store.close()
    return path


# -- edits behind the back are named -------------------------------------------------------------


def test_an_edited_intake_move_is_named(stand):
    """One more unit on IN-0001 (and on the shelf, to look consistent) shows as that note."""
    behind_the_back(
        stand,
        "UPDATE stock_moves SET qty = qty + 1 WHERE ref = 'IN-0001' AND sku = 'BTK-01'",
        "UPDATE products SET stock = stock + 1 WHERE sku = 'BTK-01'",
    )
    problems = problems_of(stand)
    assert named(problems, "stock note IN-0001", "edited"), problems


def test_a_deleted_return_move_is_named(stand):
    """The unit handed back on RT-0001 disappears from the ledger: the note is named."""
    behind_the_back(
        stand,
        "DELETE FROM stock_moves WHERE ref = 'RT-0001'",
        "UPDATE products SET stock = stock + 1 WHERE sku = 'BTK-02'",
    )
    problems = problems_of(stand)
    assert named(problems, "stock note RT-0001"), problems


def test_a_move_inserted_without_a_document_is_named(stand):
    """Five scarves "brought in" on a note that does not exist."""
    behind_the_back(
        stand,
        "INSERT INTO stock_moves(sku, qty, kind, ref, at) "
        "VALUES ('BTK-02', 5, 'intake', 'IN-0099', '2023-03-01T03:00:00.000000+00:00')",
        "UPDATE products SET stock = stock + 5 WHERE sku = 'BTK-02'",
    )
    problems = problems_of(stand)
    assert named(problems, "stock move", "IN-0099", "belongs to no note"), problems


def test_a_move_without_any_reference_is_named(stand):
    """A bare "count" move with no reference (what imports once wrote) after migration 9."""
    behind_the_back(
        stand,
        "INSERT INTO stock_moves(sku, qty, kind, ref, at) "
        "VALUES ('ANY-02', -3, 'count', '', '2023-03-01T03:00:00.000000+00:00')",
        "UPDATE products SET stock = stock - 3 WHERE sku = 'ANY-02'",
    )
    assert named(problems_of(stand), "stock move", "belongs to no note"), problems_of(stand)


def test_a_move_added_to_a_real_note_is_named(stand):
    """An extra line slipped into an existing intake note."""
    behind_the_back(
        stand,
        "INSERT INTO stock_moves(sku, qty, kind, ref, at, unit_price, name) "
        "VALUES ('BTK-02', 2, 'intake', 'IN-0001', '2023-03-01T01:00:00.000000+00:00', "
        "175000, 'BTK-02')",
        "UPDATE products SET stock = stock + 2 WHERE sku = 'BTK-02'",
    )
    problems = problems_of(stand)
    assert named(problems, "stock note IN-0001"), problems


def test_an_edited_note_header_is_named(stand):
    """The intake note said to be another artisan's."""
    behind_the_back(stand, "UPDATE stock_notes SET artisan_code = 'ANY' WHERE number = 'IN-0001'")
    assert named(problems_of(stand), "stock note IN-0001", "edited")


def test_a_deleted_note_with_its_moves_is_named(stand):
    """The count note and its move gone, the stock put back: its journal entry remains."""
    behind_the_back(
        stand,
        "DELETE FROM stock_moves WHERE ref = 'SC-0001'",
        "DELETE FROM stock_notes WHERE number = 'SC-0001'",
        "UPDATE products SET stock = stock + 1 WHERE sku = 'ANY-02'",
    )
    problems = problems_of(stand)
    assert named(problems, "stock_note SC-0001", "missing"), problems


def test_an_edited_payout_amount_is_named(stand):
    """The cash payout "was" smaller: the drawer would hide the difference."""
    behind_the_back(stand, "UPDATE payouts SET amount = 10000 WHERE number = 'PO-0001'")
    problems = problems_of(stand)
    assert named(problems, "payout PO-0001", "edited"), problems


def test_an_edited_payout_method_is_named(stand):
    """A cash payout turned into a transfer (so the drawer "should" hold more)."""
    behind_the_back(stand, "UPDATE payouts SET method = 'transfer' WHERE number = 'PO-0001'")
    assert named(problems_of(stand), "payout PO-0001", "edited")


def test_a_deleted_payout_is_named(stand):
    """The transfer removed, so the artisan "is still owed" it: its journal entry names it."""
    behind_the_back(stand, "DELETE FROM payouts WHERE number = 'PO-0002'")
    problems = problems_of(stand)
    assert named(problems, "payout PO-0002", "missing"), problems


def test_a_payout_inserted_behind_the_back_is_named(stand):
    """A payout row with no journal entry."""
    behind_the_back(
        stand,
        "INSERT INTO payouts(number, seq, artisan_code, artisan_name, amount, method, "
        "reference, day_id, business_date, created_at, owed_before) VALUES ('PO-0003', 3, "
        "'BTK', 'Batik Lestari', 5000, 'transfer', '', NULL, '2023-03-01', "
        "'2023-03-01T03:00:00.000000+00:00', 5000)",
    )
    assert named(problems_of(stand), "payout PO-0003", "no journal entry")


def test_an_edited_sale_move_is_named(stand):
    """The sale's move of BTK-01 made one unit instead of two (and the shelf with it)."""
    behind_the_back(
        stand,
        "UPDATE stock_moves SET qty = -1 WHERE kind = 'sale' AND sku = 'BTK-01'",
        "UPDATE products SET stock = stock + 1 WHERE sku = 'BTK-01'",
    )
    problems = problems_of(stand)
    assert named(problems, "sale T1-000001", "BTK-01"), problems


def test_a_sale_whose_moves_are_all_deleted_is_named(stand):
    """Every stock move of the sale gone (the shelf "never lost" the goods): the lines still
    say what left, so the sale is named."""
    behind_the_back(
        stand,
        "DELETE FROM stock_moves WHERE kind = 'sale'",
        "UPDATE products SET stock = stock + 2 WHERE sku = 'BTK-01'",
        "UPDATE products SET stock = stock + 1 WHERE sku = 'ANY-01'",
    )
    problems = problems_of(stand)
    assert named(problems, "sale T1-000001", "BTK-01"), problems
    assert named(problems, "sale T1-000001", "ANY-01"), problems


def test_a_deleted_refund_move_is_named(stand):
    """The unit the customer brought back never reached the shelf."""
    behind_the_back(
        stand,
        "DELETE FROM stock_moves WHERE kind = 'refund'",
        "UPDATE products SET stock = stock - 1 WHERE sku = 'ANY-01'",
    )
    problems = problems_of(stand)
    assert named(problems, "correction", "ANY-01"), problems


def test_a_voids_restock_deleted_is_named(stand):
    """A second sale voided; the void's moves (its goods back on the shelf) deleted."""
    store = open_store(stand)
    try:
        clock = Clock(datetime(2023, 3, 1, 12, 0, tzinfo=WIB))
        cart = Cart(cashier="Rina")
        selling.add(store, cart, "BTK-01")
        sale = selling.complete(store, cart, [Tender(Method.QRIS)], clock)
        corrections.void(
            store, sale.receipt_no, reason="salah input", supervisor="Dewi", pin="2468",
            cashier="Rina", clock=clock,
        )  # fmt: skip
        assert journal.verify(store).ok
    finally:
        store.close()
    behind_the_back(
        stand,
        "DELETE FROM stock_moves WHERE kind = 'void'",
        "UPDATE products SET stock = stock - 1 WHERE sku = 'BTK-01'",
    )
    problems = problems_of(stand)
    assert named(problems, "correction", "BTK-01"), problems


def test_stock_set_in_place_is_named(stand):
    """products.stock changed without any move."""
    behind_the_back(stand, "UPDATE products SET stock = 40 WHERE sku = 'ANY-01'")
    problems = problems_of(stand)
    assert named(problems, "product ANY-01", "not the sum of its moves"), problems


def test_a_removed_stock_guard_is_named(stand):
    """A guard trigger dropped and left dropped."""
    conn = sqlite3.connect(stand)
    conn.execute("DROP TRIGGER stock_moves_no_update")
    conn.commit()
    conn.close()
    store = open_store(stand)
    try:
        problems = [str(p) for p in journal.verify(store).problems]
    finally:
        store.close()
    assert named(problems, "stock_moves_no_update"), problems


# -- the guards ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE stock_moves SET qty = qty + 1",
        "DELETE FROM stock_moves",
        "UPDATE stock_notes SET note = 'x'",
        "DELETE FROM stock_notes",
        "UPDATE payouts SET amount = 1",
        "DELETE FROM payouts",
    ],
)
def test_the_guards_refuse_changing_moves_notes_and_payouts(stand, sql):
    """With the triggers in place, plain sqlite3 cannot rewrite or delete a row."""
    conn = sqlite3.connect(stand)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="are final"):
            conn.execute(sql)
    finally:
        conn.close()
    assert problems_of(stand) == []


# -- files older than the ledger -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["v2_demo.sqlite", "v3_sales.sqlite", "v3_corrections.sqlite", "v4_demo.sqlite"]
)
def test_an_old_file_gets_the_ledger_and_its_old_moves_are_sealed(tmp_path, name):
    """Migration 9 turns the old import moves into ``import`` moves, seals every move it
    found with one ``stock_recorded`` entry (their number and digest) and verifies."""
    path = old_file(tmp_path, name)
    conn = sqlite3.connect(path)
    old_moves = conn.execute("SELECT count(*) FROM stock_moves").fetchone()[0]
    old_stock = dict(conn.execute("SELECT sku, stock FROM products"))
    conn.close()
    assert old_moves > 0
    store = open_store(path)
    try:
        result = journal.verify(store)
        assert result.ok, [str(p) for p in result.problems]
        sealed = [e for e in store.journal.entries() if e.kind == "stock_recorded"]
        assert len(sealed) == 1
        seal = json.loads(sealed[0].payload)
        moves_now = raw_moves(store)
        assert seal["moves"] == len(moves_now) >= old_moves
        assert seal["last_id"] == max(m[0] for m in moves_now)
        assert {s: r.on_hand for s, r in ((r.sku, r) for r in stock.ledger(store))} == old_stock
        assert not any(kind == "count" and ref == "" for _id, kind, ref in moves_now)
    finally:
        store.close()


def raw_moves(store) -> list[tuple[int, str, str]]:
    from helpers import raw

    return [tuple(r) for r in raw(store).execute("SELECT id, kind, ref FROM stock_moves")]


def test_an_old_move_edited_after_the_upgrade_is_named(tmp_path):
    """A move sealed by migration 9 changed later (with its product's stock) is named."""
    path = old_file(tmp_path, "v4_demo.sqlite")
    open_store(path).close()  # the upgrade
    behind_the_back(
        path,
        "UPDATE stock_moves SET qty = qty + 10 WHERE id = (SELECT min(id) FROM stock_moves)",
        "UPDATE products SET stock = stock + 10 WHERE sku = "
        "(SELECT sku FROM stock_moves WHERE id = (SELECT min(id) FROM stock_moves))",
    )
    problems = problems_of(path)
    assert named(problems, "stock moves", "stock_recorded", "changed"), problems


def test_an_upgraded_file_takes_new_notes_and_still_verifies(tmp_path):
    """After the upgrade an intake, a sale and a return on the old goods verify too."""
    path = old_file(tmp_path, "v4_demo.sqlite")
    store = open_store(path)
    try:
        last = max(e.at for e in store.journal.entries())
        clock = Clock(datetime.fromisoformat(last).astimezone(WIB))
        clock.advance(__import__("datetime").timedelta(hours=1))
        product = store.products.all()[0]
        stock.receive(store, clock, product.artisan_code, [(product.sku, 2)])
        stock.give_back(store, clock, product.artisan_code, [(product.sku, 1)])
        result = journal.verify(store)
        assert result.ok, [str(p) for p in result.problems]
    finally:
        store.close()

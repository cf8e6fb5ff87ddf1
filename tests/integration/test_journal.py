"""The journal and audit log: every money event chained, nothing editable, verify names the edit.

Tampering is done the way someone with the laptop would try it: plain ``sqlite3`` on the
file, dropping the protecting trigger first, behind the application's back.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3

import pytest
from helpers import old_file, raw

from booth_pos.clock import Clock, parse_instant
from booth_pos.documents.receipt import Text, receipt_blocks
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import days, demo, imports, journal, selling
from booth_pos.services import settings as settings_service
from booth_pos.store import StoreError, open_store
from booth_pos.store import journal as journal_rows

NOW = "2023-03-01T10:00:00+07:00"


@pytest.fixture(scope="module")
def event_template(tmp_path_factory):
    """The demo stand after two simulated days of sales (built once, copied per test)."""
    path = tmp_path_factory.mktemp("journal") / "event.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    demo.simulate(store, 2, 25, seed=7)
    store.close()
    return path


@pytest.fixture
def event_path(event_template, tmp_path):
    path = tmp_path / "booth.sqlite"
    shutil.copy(event_template, path)
    return path


@pytest.fixture
def event(event_path):
    store = open_store(event_path)
    yield store
    store.close()


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


def sale_id(path, receipt_no: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id FROM sales WHERE receipt_no = ?", (receipt_no,)).fetchone()[
            0
        ]
    finally:
        conn.close()


def sell(store, clock, *items, tenders=None):
    cart = Cart(cashier="Rina")
    for item in items:
        selling.add(store, cart, item)
    return selling.complete(store, cart, tenders or [Tender(Method.CASH)], clock)


# -- the chain ---------------------------------------------------------------------------------


def test_each_money_event_appends_one_chained_entry_in_order(demo_store, clock):
    """Opening, two sales and the close: four entries, each hashing the one before."""
    days.open_day(demo_store, clock, 500_000)
    first = sell(demo_store, clock, "ECO-01")
    second = sell(demo_store, clock, "2*BKR-05", tenders=[Tender(Method.QRIS)])
    days.close_day(demo_store, clock, 500_000 + first.total)
    entries = list(demo_store.journal.entries())
    assert [(e.id, e.kind, e.ref) for e in entries] == [
        (1, "stock_note", "IM-0001"),  # the demo's goods, brought in by its import
        (2, "day_open", "T1 2023-03-01"),
        (3, "sale", "T1-000001"),
        (4, "sale", "T1-000002"),
        (5, "day_close", "Z1"),
    ]
    assert entries[0].prev_hash == journal_rows.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    sale = json.loads(entries[3].payload)
    assert (sale["receipt_no"], sale["total"], sale["payments"][0]["method"]) == (
        "T1-000002",
        second.total,
        "qris",
    )
    assert [ln["qty"] for ln in sale["lines"]] == [2]
    close = json.loads(entries[4].payload)
    assert (close["sales"], close["sales_total"], close["cash_received"]) == (
        2,
        first.total + second.total,
        first.total,
    )
    assert close["grand_total"] == first.total + second.total
    assert journal.verify(demo_store).ok


def test_a_receipt_carries_the_verification_code_of_its_journal_entry(demo_store, clock):
    """The code on the paper is the start of the entry's hash, also after reloading the sale."""
    days.open_day(demo_store, clock, 0)
    sale = sell(demo_store, clock, "ECO-01")
    digest = demo_store.journal.sale_hash(sale.receipt_no)
    assert sale.verification == f"{digest[:4]}-{digest[4:8]}".upper()
    assert demo_store.sales.get(sale.receipt_no).verification == sale.verification
    texts = [
        b.text
        for b in receipt_blocks(sale, demo_store.settings(), lang="en")
        if isinstance(b, Text)
    ]
    assert f"Verification code {sale.verification}" in texts


def test_completing_twice_returns_the_same_verification_and_one_entry(demo_store, clock):
    """A double click on Pay writes one journal entry; both answers show the same code."""
    days.open_day(demo_store, clock, 0)
    cart = Cart()
    selling.add(demo_store, cart, "ECO-01")
    first = selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    again = selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    assert again.verification == first.verification != ""
    kinds = [e.kind for e in demo_store.journal.entries()]
    assert kinds == ["stock_note", "day_open", "sale"]


def test_a_failed_sale_leaves_no_journal_entry(demo_store, clock, monkeypatch):
    """If the journal write fails, the sale rolls back with it: never one without the other."""
    days.open_day(demo_store, clock, 0)

    def broken(store, sale, seq):
        raise OSError("disk I/O error")

    monkeypatch.setattr(journal, "record_sale", broken)
    cart = Cart()
    selling.add(demo_store, cart, "ECO-01")
    with pytest.raises(OSError):
        selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    assert demo_store.sales.count() == 0
    monkeypatch.undo()
    assert (
        selling.complete(demo_store, cart, [Tender(Method.CASH)], clock).receipt_no == "T1-000001"
    )
    assert journal.verify(demo_store).ok


def test_append_outside_a_transaction_is_a_bug(store, clock):
    """A journal entry must share its event's transaction; alone it is refused loudly."""
    with pytest.raises(RuntimeError, match="inside its event's transaction"):
        journal.append(store, "sale", "T1-000001", {"total": 1}, clock.now())


def test_money_in_a_payload_is_never_a_float(store, clock):
    """A float would hash differently elsewhere and is not rupiah: refused."""
    with store.atomic(), pytest.raises(TypeError, match="no floats"):
        journal.append(store, "sale", "T1-000001", {"total": 1.5}, clock.now())


def test_a_clean_demo_event_verifies(event):
    """Two simulated days through the till's own code: everything holds."""
    result = journal.verify(event)
    assert result.ok, result.problems
    assert result.sales == 50 and result.days == 2
    notes = len(event.stock.notes())  # the import, and an artisan's restock if one ran low
    assert result.journal == notes + 2 + 50 + 2


# -- nothing can be changed through SQLite ------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE sales SET total = total - 1000",
        "DELETE FROM sales",
        "UPDATE sale_lines SET qty = 1, net = unit_price",
        "DELETE FROM sale_lines",
        "UPDATE payments SET amount = 0",
        "DELETE FROM payments",
        "UPDATE journal SET payload = '{}'",
        "DELETE FROM journal",
        "UPDATE audit_log SET actor = 'nobody'",
        "DELETE FROM audit_log",
        "UPDATE days SET counted = 0",
        "UPDATE days SET opening_float = 0",
        "DELETE FROM days",
        "UPDATE till_counters SET last_seq = 1",
        "DELETE FROM till_counters",
    ],
)
def test_the_database_refuses_to_change_money_rows(event, sql):
    """Sales, lines, payments, journal, audit, closed days and counters refuse UPDATE/DELETE."""
    journal.append_audit(event, "Rina", "sign_in", {}, parse_instant(NOW))
    with pytest.raises(sqlite3.DatabaseError, match="final|never|only go up|keeps its opening"):
        raw(event).execute(sql)
    assert journal.verify(event).ok


def test_prices_stay_editable_but_stock_is_the_sum_of_its_moves(event):
    """Prices are not history: they may change (imports, forms). Stock is: set in place
    behind the app's back, verify names each product whose stock is not its moves' sum."""
    raw(event).execute("UPDATE products SET price = price + 1000")
    assert journal.verify(event).ok
    raw(event).execute("UPDATE products SET stock = 0 WHERE sku = 'BKR-01'")
    problems = [str(p) for p in journal.verify(event).problems]
    assert len(problems) == 1 and problems[0].startswith("product BKR-01: its stock 0 is not")


# -- tampering behind the app's back -----------------------------------------------------------


def test_verify_names_a_line_edited_behind_the_apps_back(event_path):
    """Someone drops the trigger and lowers a quantity: verify names that sale."""
    sid = sale_id(event_path, "T1-000007")
    tamper(
        event_path,
        "DROP TRIGGER sale_lines_no_update",
        f"UPDATE sale_lines SET qty = qty + 1 WHERE sale_id = '{sid}' AND line_no = 1",
    )
    result = verify_file(event_path)
    assert not result.ok
    assert str(result.first).startswith("sale T1-000007: differs from its journal entry")
    assert any("sale_lines_no_update" in str(p) for p in result.problems)


def test_verify_names_a_consistent_edit_of_a_sale_and_its_lines(event_path):
    """Even an edit that keeps every total adding up differs from what the journal recorded."""
    sid = sale_id(event_path, "T1-000003")
    tamper(
        event_path,
        "DROP TRIGGER sales_no_update",
        "DROP TRIGGER payments_no_update",
        f"UPDATE sales SET cashier = 'Dimas' WHERE id = '{sid}'",
        f"UPDATE payments SET reference = 'x' WHERE sale_id = '{sid}'",
    )
    result = verify_file(event_path)
    assert str(result.first).startswith("sale T1-000003: differs from its journal entry")


def test_verify_names_a_total_that_no_longer_adds_up(event_path):
    """A payment lowered to pocket the difference: the sale is named and the rule given."""
    sid = sale_id(event_path, "T1-000012")
    tamper(
        event_path,
        "DROP TRIGGER payments_no_update",
        f"UPDATE payments SET amount = amount - 1000, tendered = tendered - 1000 "
        f"WHERE sale_id = '{sid}' AND seq = 1",
    )
    result = verify_file(event_path)
    assert str(result.first).startswith("sale T1-000012: differs from its journal entry")
    assert any(
        str(p).startswith("sale T1-000012: payments") and "do not cover the total" in str(p)
        for p in result.problems
    )


def test_verify_names_an_edited_journal_entry(event_path):
    """Editing an entry's recorded total breaks its hash: that entry is named."""
    tamper(
        event_path,
        "DROP TRIGGER journal_no_update",
        "UPDATE journal SET payload = replace(payload, '\"total\":', '\"total\":1') WHERE id = 6",
    )
    result = verify_file(event_path)
    assert str(result.first) == (
        "journal entry 6 (sale T1-000004): hash does not match its content (edited)"
    )


def test_verify_names_a_rehashed_entry_by_the_one_after_it(event_path):
    """An attacker who also recomputes the edited entry's hash breaks the link to the next."""
    conn = sqlite3.connect(event_path)
    e = journal_rows.Entry(
        *conn.execute(
            "SELECT id, at, kind, ref, payload, prev_hash, hash FROM journal WHERE id = 6"
        ).fetchone()
    )
    conn.close()
    payload = e.payload.replace('"cashier":"', '"cashier":"X')
    digest = journal_rows.entry_hash(
        journal_rows.JOURNAL, e.id, e.kind, e.ref, e.at, e.prev_hash, payload
    )
    tamper(
        event_path,
        "DROP TRIGGER journal_no_update",
        f"UPDATE journal SET payload = '{payload}', hash = '{digest}' WHERE id = 6",
    )
    result = verify_file(event_path)
    assert str(result.first) == (
        "journal entry 7 (sale T1-000005): does not follow the entry before it (chain broken)"
    )


def test_verify_names_a_deleted_journal_entry(event_path):
    """A removed entry leaves a hole the next entry points across."""
    tamper(event_path, "DROP TRIGGER journal_no_delete", "DELETE FROM journal WHERE id = 10")
    result = verify_file(event_path)
    assert str(result.first) == (
        "journal entry 11 (sale T1-000009): entry 10 before it is missing (deleted)"
    )
    assert any(str(p).startswith("sale T1-000008: has no journal entry") for p in result.problems)


def test_verify_names_reordered_journal_entries(event_path):
    """Swapping two entries' contents (to reorder history) breaks the first one's hash."""
    tamper(
        event_path,
        "DROP TRIGGER journal_no_update",
        "UPDATE journal SET id = -1 WHERE id = 4",
        "UPDATE journal SET id = 4 WHERE id = 5",
        "UPDATE journal SET id = 5 WHERE id = -1",
    )
    result = verify_file(event_path)
    assert str(result.first).startswith("journal entry 4 (sale T1-000003): ")


def test_verify_names_a_deleted_sale_and_the_gap_it_leaves(event_path):
    """A whole sale removed: its journal entry has no sale and the numbering has a gap."""
    sid = sale_id(event_path, "T1-000020")
    tamper(
        event_path,
        "DROP TRIGGER sales_no_delete",
        "DROP TRIGGER sale_lines_no_delete",
        "DROP TRIGGER payments_no_delete",
        "DROP TRIGGER stock_moves_no_delete",
        "DROP TRIGGER sale_references_no_delete",
        f"DELETE FROM sale_references WHERE sale_id = '{sid}'",
        f"DELETE FROM sale_lines WHERE sale_id = '{sid}'",
        f"DELETE FROM payments WHERE sale_id = '{sid}'",
        "DELETE FROM stock_moves WHERE ref = 'T1-000020'",
        f"DELETE FROM sales WHERE id = '{sid}'",
    )
    problems = [str(p) for p in verify_file(event_path).problems]
    assert problems[0].endswith("(sale T1-000020): its sale is missing from the day (deleted)")
    assert problems[1].startswith("business day 2023-03-01")  # its close no longer adds up
    assert "sale T1-000021: receipt numbers missing before it: T1-000020" in problems


def test_verify_names_a_sale_written_behind_the_apps_back(event_path):
    """A sale inserted with plain SQL has no journal entry: verify names it."""
    conn = sqlite3.connect(event_path)
    row = conn.execute("SELECT * FROM sales ORDER BY rowid DESC LIMIT 1").fetchone()
    cols = [d[0] for d in conn.execute("SELECT * FROM sales LIMIT 0").description]
    conn.close()
    fake = dict(zip(cols, row, strict=True))
    fake.update(id="fake", receipt_no="T1-000051", seq=51)
    marks = ", ".join("?" * len(cols))
    conn = sqlite3.connect(event_path)
    conn.execute(f"INSERT INTO sales({', '.join(cols)}) VALUES ({marks})", list(fake.values()))
    conn.commit()
    conn.close()
    problems = [str(p) for p in verify_file(event_path).problems]
    assert problems[0] == "sale T1-000051: has no journal entry (written behind its back)"


def test_verify_names_a_changed_day_close(event_path):
    """The counted cash of a closed day changed afterwards: that day is named."""
    tamper(
        event_path,
        "DROP TRIGGER days_final",
        "UPDATE days SET counted = counted + 50000 WHERE id = 1",
    )
    result = verify_file(event_path)
    assert str(result.first).startswith(
        "business day 2023-03-01 (T1, id 1): its close differs from journal entry"
    )


def test_verify_names_a_broken_audit_log(event):
    """The audit log is checked the same way as the journal."""
    entry = journal.append_audit(event, "Rina", "sign_in", {}, parse_instant(NOW))
    path = event.path
    event.close()
    tamper(
        path,
        "DROP TRIGGER audit_log_no_update",
        f"UPDATE audit_log SET actor = 'Dimas' WHERE id = {entry.id}",
    )
    result = verify_file(path)
    assert str(result.first) == (
        f"audit entry {entry.id} (sign_in by Dimas): hash does not match its content (edited)"
    )


# -- databases from before the journal ----------------------------------------------------------


def test_an_older_database_gets_its_journal_on_upgrade_and_verifies(tmp_path):
    """Days and sales rung up before migration 4 (a real file written by that version:
    tests/data/v3_sales.sqlite, 2 days of 10 sales) are journaled by it, in order, get the
    rates then in force recorded by migration 6, and verify."""
    path = old_file(tmp_path, "v3_sales.sqlite")
    store = open_store(path)
    try:
        result = journal.verify(store)
        assert result.ok, result.problems
        kinds = [e.kind for e in store.journal.entries()]
        assert kinds.count("sale") == 20 and kinds.count("day_close") == 2
        assert kinds[-2:] == ["rates_recorded", "stock_recorded"]  # migrations 6 and 9
        assert store.sales.get("T1-000020").verification
        assert store.stand_id()
    finally:
        store.close()


def test_a_journal_dropped_and_its_version_turned_back_is_refused_not_rebuilt(tmp_path):
    """Drop the journal and audit log, set the version back to 3 and edit a sale: the next
    open must not build a fresh, valid chain over the edited rows (it did: verify then said
    everything holds). The file has a stand id, which no pre-journal file ever had."""
    path = tmp_path / "stand.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    demo.simulate(store, 1, 5, seed=3)
    store.close()
    conn = sqlite3.connect(path)
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
        "(name LIKE 'sales%' OR name LIKE 'sale_lines%' OR name LIKE 'payments%' "
        "OR name LIKE 'days%' OR name LIKE 'till_counters%')"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.executescript(
        "DROP TABLE journal; DROP TABLE audit_log; UPDATE sales SET total = 1 WHERE rowid = 1;"
        "PRAGMA user_version = 3;"
    )
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="tampered"):
        open_store(path)
    assert path.read_bytes() == before  # nothing was written: the step rolled back


# -- the audit log ------------------------------------------------------------------------------


def audit(store) -> list[tuple[str, str, dict]]:
    return [
        (e.kind, e.ref, json.loads(e.payload))
        for e in store.audit.entries()
    ]


def test_a_settings_change_is_audited_with_old_and_new_values(store, clock):
    """Who changed the footer or the till code, and from what to what."""
    new = dataclasses.replace(store.settings(), receipt_footer="Sampai jumpa", backup_minutes=15)
    settings_service.save(store, new, actor="Sari", at=clock.now())
    settings_service.save(store, new, actor="Sari", at=clock.now())  # no change: no entry
    assert audit(store) == [
        (
            "settings",
            "Sari",
            {
                "changed": {
                    "backup_minutes": [30, 15],
                    "receipt_footer": ["Terima kasih / Thank you", "Sampai jumpa"],
                }
            },
        )
    ]
    assert store.settings().receipt_footer == "Sampai jumpa"


def test_a_price_change_on_import_is_audited(demo_store, clock, tmp_path):
    """Re-importing the catalogue with a new price lists that price, old and new."""
    csv = tmp_path / "products.csv"
    csv.write_text(
        "sku,name,artisan_code,category,price,stock,barcode\n"
        "ECO-01,Selendang Ecoprint,ECO,Ecoprint,300000,5,\n",
        encoding="utf-8",
    )
    old = demo_store.products.by_code("ECO-01").price
    imports.import_products(demo_store, csv, clock, actor="Sari")
    action, actor, detail = audit(demo_store)[-1]
    assert (action, actor) == ("import", "Sari")
    assert detail == {
        "kind": "products",
        "file": "products.csv",
        "rows": 1,
        "changed": [["ECO-01", old, 300_000]],
    }
    assert journal.verify(demo_store).ok


def test_a_refused_import_leaves_no_audit_entry(demo_store, clock, tmp_path):
    """An import refused for a bad row writes nothing, not even its trace."""
    before = audit(demo_store)
    csv = tmp_path / "bad.csv"
    csv.write_text("sku,name,artisan_code,category,price,stock,barcode\nX,,ECO,,1,1,\n")
    with pytest.raises(imports.ImportRefused):
        imports.import_products(demo_store, csv, clock)
    assert audit(demo_store) == before


def test_the_audit_log_is_a_chain_of_its_own(store, clock):
    """Audit entries chain among themselves and never disturb the journal's numbering."""
    first = journal.append_audit(store, "Rina", "sign_in", {}, clock.now())
    second = journal.append_audit(store, "Rina", "pin_failed", "wrong PIN", clock.now())
    assert (first.id, second.id) == (1, 2) and second.prev_hash == first.hash
    assert json.loads(second.payload) == {"text": "wrong PIN"}
    assert store.journal.last() == (0, journal_rows.GENESIS)
    assert journal.verify(store).ok

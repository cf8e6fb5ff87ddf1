"""Anchors outside the file: every backup and every Z close records where both chains stood,
and verify names the first the live chains no longer extend. Without them, deleting the last
sale together with its journal entry, or the last audit entries, left a shorter chain that
was still perfectly valid.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat

import pytest

from booth_pos.clock import Clock, parse_instant
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import anchors, backup, days, demo, journal, selling
from booth_pos.store import open_store

NOW = "2023-03-01T10:00:00+07:00"


@pytest.fixture
def clock():
    return Clock(parse_instant(NOW))


@pytest.fixture
def stand(tmp_path, clock):
    """The demo stand with an open day and three sales."""
    store = open_store(tmp_path / "booth.sqlite")
    demo.load_stand(store, clock)
    days.open_day(store, clock, 500_000)
    for _ in range(3):
        sell(store, clock)
    yield store
    store.close()


def sell(store, clock, item="ECO-01"):
    cart = Cart(cashier="Rina")
    selling.add(store, cart, item)
    return selling.complete(store, cart, [Tender(Method.CASH)], clock)


def verify_with_anchors(path) -> journal.Verification:
    store = open_store(path)
    try:
        return journal.verify(store, anchors=anchors.find(store))
    finally:
        store.close()


def behind_the_back(path, *statements: str) -> None:
    """Run SQL on the file with the guard triggers dropped and then recreated exactly as
    they were: the schema looks untouched afterwards."""
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


def delete_last_sale(path) -> None:
    """The last sale, its rows, its stock moves and its journal entry removed, the receipt
    counter turned back: everything left still adds up and chains correctly."""
    conn = sqlite3.connect(path)
    sale_id, receipt = conn.execute(
        "SELECT id, receipt_no FROM sales ORDER BY rowid DESC LIMIT 1"
    ).fetchone()
    conn.close()
    behind_the_back(
        path,
        f"DELETE FROM sale_references WHERE sale_id = '{sale_id}'",
        f"DELETE FROM sale_lines WHERE sale_id = '{sale_id}'",
        f"DELETE FROM payments WHERE sale_id = '{sale_id}'",
        f"DELETE FROM stock_moves WHERE ref = '{receipt}'",
        # the stock its lines took goes back on the shelf, so stock = the sum of the moves
        "UPDATE products SET stock = "
        "(SELECT coalesce(sum(qty), 0) FROM stock_moves m WHERE m.sku = products.sku)",
        f"DELETE FROM sales WHERE id = '{sale_id}'",
        f"DELETE FROM journal WHERE kind = 'sale' AND ref = '{receipt}'",
        "UPDATE till_counters SET last_seq = last_seq - 1",
    )


@pytest.mark.parametrize("keep", ["backup file", "anchors line", "both"])
def test_the_last_sale_deleted_with_its_journal_entry_is_found_by_a_backup(stand, clock, keep):
    """Deleting the last sale and its entry passes every check inside the file; the backup
    taken after it (its file, or its line in anchors.jsonl) still says the journal had it."""
    target = backup.backup(stand, clock=clock)
    entries, _ = stand.journal.last()
    if keep == "anchors line":
        target.unlink()
    elif keep == "backup file":
        (target.parent / anchors.FILE_NAME).unlink()
    path = stand.path
    stand.close()
    delete_last_sale(path)
    store = open_store(path)
    try:
        assert journal.verify(store).ok  # inside the file, nothing shows
    finally:
        store.close()
    result = verify_with_anchors(path)
    assert [str(p) for p in result.problems] == [
        f"the journal: no longer extends the backup of 2023-03-01 10:00 ({target.name}) "
        f"(entry {entries} is missing)"
    ]


def test_the_last_audit_entries_deleted_are_found_by_the_z_close(stand, clock):
    """Sign-ins and a wrong PIN audited before the close; deleting them afterwards (with the
    triggers put back) is named by the close's anchor."""
    for action in ("sign_in", "pin_failed", "sign_in"):
        journal.append_audit(stand, "Rina", action, {}, clock.now())
    days.close_day(stand, clock, 500_000, backup_now=False)
    audited, _ = stand.audit.last()
    path = stand.path
    stand.close()
    behind_the_back(path, f"DELETE FROM audit_log WHERE id > {audited - 2}")
    result = verify_with_anchors(path)
    assert [str(p) for p in result.problems] == [
        f"the audit log: no longer extends the Z1 close of 2023-03-01 10:00 "
        f"(entry {audited} is missing)"
    ]


def test_a_z_close_writes_its_anchor_readable_by_the_owner_only(stand, clock):
    """The close appends one line with both heads to backups/anchors.jsonl, mode 0600."""
    days.close_day(stand, clock, 500_000, backup_now=False)
    line_file = stand.path.parent / "backups" / anchors.FILE_NAME
    (line,) = [json.loads(t) for t in line_file.read_text().splitlines()]
    assert line["kind"] == "z_close" and line["z_no"] == 1
    assert line["stand_id"] == stand.stand_id()
    assert tuple(line["journal"]) == stand.journal.last()
    assert tuple(line["audit"]) == stand.audit.last()
    if os.name == "posix":
        assert stat.S_IMODE(line_file.stat().st_mode) == 0o600


def test_an_anchor_that_cannot_be_written_never_blocks_the_close(stand, clock, caplog):
    """backups/ is a file, not a folder: the close still happens and the failure is logged."""
    (stand.path.parent / "backups").write_text("not a folder")
    closed = days.close_day(stand, clock, 500_000, backup_now=False)
    assert closed.z_no == 1 and not closed.is_open
    assert "Could not write the z_close anchor" in caplog.text


def test_a_clean_stand_extends_every_anchor_and_says_how_many(stand, clock):
    """Two backups and a close: all hold, and the summary counts the anchors checked."""
    backup.backup(stand, clock=clock)
    sell(stand, clock)
    days.close_day(stand, clock, 600_000)  # its anchor line, its backup file and its line
    result = journal.verify(stand, anchors=anchors.find(stand))
    assert result.ok, result.problems
    assert result.anchors == 5
    assert result.summary().endswith(", 5 anchors outside the file")


def test_anchors_of_another_stand_are_ignored(stand, clock, tmp_path):
    """A backup of another stand dropped into the folder (longer chains) is not this stand's
    anchor and makes no false alarm."""
    other = open_store(tmp_path / "other" / "booth.sqlite")
    demo.load_stand(other, clock)
    days.open_day(other, clock, 0)
    for _ in range(6):
        sell(other, clock)
    backup.backup(other, stand.path.parent / "backups", clock=clock)
    other.close()
    result = journal.verify(stand, anchors=anchors.find(stand))
    assert result.ok, result.problems
    assert result.anchors == 0


def test_a_restore_of_an_older_backup_supersedes_the_later_anchors(stand, clock, tmp_path):
    """Restoring an older backup makes the later backups unreachable: they are counted as
    superseded by the restore, not named as problems."""
    older = backup.backup(stand, tmp_path / "kept", clock=clock)
    later = Clock(parse_instant("2023-03-01T11:00:00+07:00"))
    sell(stand, later)
    backup.backup(stand, clock=later)
    backup.restore(
        stand, older, clock=Clock(parse_instant("2023-03-01T12:00:00+07:00")), force=True
    )
    result = journal.verify(stand, anchors=anchors.find(stand))
    assert result.ok, result.problems
    assert result.superseded >= 1
    assert "superseded by a restore" in result.summary()
    shutil.rmtree(tmp_path / "kept")


def test_a_restore_forged_into_the_audit_log_supersedes_no_anchor(stand, clock):
    """Someone who deletes the last sale and then appends a well-hashed ``restore`` entry to
    the audit log (so the backup taken before would look superseded) is still found: only a
    restore recorded outside the file, beside the database, supersedes anchors."""
    target = backup.backup(stand, clock=clock)
    path = stand.path
    stand.close()
    delete_last_sale(path)
    store = open_store(path)
    try:
        later = Clock(parse_instant("2023-03-01T12:00:00+07:00"))
        journal.append_audit(store, "Dewi", "restore", {"from": str(target)}, later.now())
    finally:
        store.close()
    result = verify_with_anchors(path)
    assert result.superseded == 0
    assert [p.where for p in result.problems] == ["the journal"]
    assert target.name in str(result.first)


@pytest.mark.parametrize("forgery", ["made-up head", "dated 2099", "copied head, no restore"])
def test_a_restore_line_forged_into_anchors_jsonl_supersedes_nothing(stand, clock, forgery):
    """One line appended to anchors.jsonl (kind "restore") made verify call every anchor
    superseded, even those written after it, while the last sale was deleted."""
    target = backup.backup(stand, clock=clock)
    path = stand.path
    stand.close()
    delete_last_sale(path)
    lines = (target.parent / anchors.FILE_NAME).read_text().splitlines()
    line = json.loads(lines[-1])
    store = open_store(path)
    try:
        heads = {"journal": list(store.journal.last()), "audit": list(store.audit.last())}
    finally:
        store.close()
    line.update(kind="restore", file=None, at="2023-03-01T12:00:00+00:00")
    if forgery == "made-up head":
        line["journal"] = [line["journal"][0], "x" * 64]
    elif forgery == "dated 2099":
        line.update(heads, at="2099-01-01T00:00:00+00:00")
    else:  # the chains' real heads, but no restore entry in the audit log at its head
        line.update(heads)
    with open(target.parent / anchors.FILE_NAME, "a") as f:
        f.write(json.dumps(line) + "\n")
    result = verify_with_anchors(path)
    assert result.superseded == 0
    assert not result.ok
    assert any(target.name in str(p) for p in result.problems)

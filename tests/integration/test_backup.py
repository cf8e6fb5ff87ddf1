"""Backups through SQLite's online backup API: consistent under load, rotated, restorable."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
import threading
import time
from datetime import timedelta

import pytest
from helpers import raw

from booth_pos.clock import Clock, parse_instant
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import backup, days, demo, journal, selling
from booth_pos.store import open_store

NOW = "2023-03-01T21:00:00+07:00"


@pytest.fixture(scope="module")
def event_template(tmp_path_factory):
    """The demo stand after one simulated day of sales (built once, copied per test)."""
    path = tmp_path_factory.mktemp("backup") / "event.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    demo.simulate(store, 1, 20, seed=11)
    store.close()
    return path


@pytest.fixture
def event(event_template, tmp_path):
    path = tmp_path / "booth.sqlite"
    shutil.copy(event_template, path)
    store = open_store(path)
    yield store
    store.close()


@pytest.fixture
def late(event):
    """A fixed clock in the evening of the second day."""
    return Clock(parse_instant("2023-03-02T21:00:00+07:00"))


def sell_one(store, clock, item="ECO-01"):
    cart = Cart(cashier="Rina")
    selling.add(store, cart, item)
    return selling.complete(store, cart, [Tender(Method.CASH)], clock)


def verified(path) -> journal.Verification:
    """Verify a backup file without touching it (on a copy)."""
    copy = path.with_name("check-" + path.name)
    shutil.copy(path, copy)
    store = open_store(copy)
    try:
        return journal.verify(store)
    finally:
        store.close()
        copy.unlink()


def audit_actions(store) -> list[str]:
    return [e.kind for e in store.audit.entries()]


# -- backing up --------------------------------------------------------------------------------


def test_a_backup_is_a_whole_database_that_verifies(event, late, tmp_path):
    """A backup into a folder gets a timestamped name and holds every sale, verified."""
    path = backup.backup(event, tmp_path / "stick", clock=late)
    assert path.name == "booth-20230302-210000-manual.sqlite"
    assert not list(path.parent.glob("*.partial"))
    result = verified(path)
    assert result.ok and result.sales == 20
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, portable
    conn.close()
    detail = json.loads(journal.last_audit(event, "backup").payload)
    assert detail["path"] == str(path) and detail["kind"] == "manual"


def test_a_backup_to_a_file_name_and_never_over_the_database(event, late, tmp_path):
    """DEST ending in .sqlite is the file itself; the live database cannot be the target."""
    assert backup.backup(event, tmp_path / "copy.sqlite", clock=late) == tmp_path / "copy.sqlite"
    with pytest.raises(backup.BackupError, match="database itself"):
        backup.backup(event, event.path, clock=late)


def test_two_backups_in_the_same_second_keep_both(event, late, tmp_path):
    """A fixed clock (or a fast coordinator) never overwrites the previous backup."""
    first = backup.backup(event, tmp_path, clock=late, kind="auto")
    second = backup.backup(event, tmp_path, clock=late, kind="auto")
    assert first != second and first.exists() and second.name.endswith("-auto-2.sqlite")


def test_rotation_keeps_the_newest_of_each_kind(event, tmp_path):
    """Periodic backups rotate among themselves; a day-close backup is not pushed out."""
    clock = Clock(parse_instant(NOW))
    close = backup.backup(event, tmp_path, clock=clock, kind="close", keep=10)
    made = []
    for _ in range(5):
        clock.advance(timedelta(minutes=30))
        made.append(backup.backup(event, tmp_path, clock=clock, kind="auto", keep=3))
    left = sorted(p.name for p in tmp_path.glob("booth-*.sqlite"))
    assert left == sorted([close.name, *(p.name for p in made[-3:])])


def test_a_backup_taken_while_sales_are_rung_up_is_valid(event, tmp_path):
    """Another connection sells non-stop; every backup taken meanwhile verifies."""
    clock = Clock(parse_instant("2023-03-02T10:00:00+07:00"))
    days.open_day(event, clock, 0)
    stop = threading.Event()
    sold = []
    errors = []

    def ring_up():
        store = open_store(event.path)  # its own connection, like a second process
        try:
            while not stop.is_set():
                sold.append(sell_one(store, Clock()).receipt_no)
        except Exception as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)
        finally:
            store.close()

    seller = threading.Thread(target=ring_up)
    seller.start()
    paths = []
    try:
        # Counted, not timed: a busy CI machine may need longer for the same work.
        deadline = time.monotonic() + 60
        while (len(paths) < 3 or len(sold) <= 20) and time.monotonic() < deadline:
            paths.append(backup.backup(event, tmp_path / "under-load", kind="auto"))
            time.sleep(0.05)
    finally:
        stop.set()
        seller.join(timeout=30)
    assert not errors
    assert len(sold) > 20 and len(paths) >= 3
    counts = []
    for path in paths:
        result = verified(path)
        assert result.ok, (path, result.problems)
        counts.append(result.sales)
    assert counts == sorted(counts) and counts[-1] > counts[0]  # taken while sales went on
    assert journal.verify(event).ok


# -- automatically -----------------------------------------------------------------------------


def test_closing_the_day_backs_up_after_the_commit(event, late, tmp_path):
    """The close's backup lands in the backup folder and already holds the close."""
    event.save_settings(dataclasses.replace(event.settings(), backup_dir=str(tmp_path / "usb")))
    days.open_day(event, late, 0)
    sell_one(event, late)
    told = []
    closed = days.close_day(event, late, 0, on_backup=told.append)
    assert len(told) == 1 and told[0].ok
    path = told[0].path
    assert path.parent == tmp_path / "usb" and path.name.endswith("-close.sqlite")
    copy = open_store(path)
    try:
        assert copy.days.get(closed.id).z_no == closed.z_no
        assert journal.verify(copy).ok
    finally:
        copy.close()


def test_a_failed_backup_never_blocks_or_undoes_the_close(event, late, tmp_path):
    """The USB stick is gone: the day closes all the same, and the failure is told and kept."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    event.save_settings(dataclasses.replace(event.settings(), backup_dir=str(blocker / "sub")))
    days.open_day(event, late, 0)
    told = []
    closed = days.close_day(event, late, 0, on_backup=told.append)
    assert not closed.is_open and closed.z_no == 2
    assert len(told) == 1 and not told[0].ok and "backup folder" in told[0].error.en
    assert audit_actions(event)[-1] == "backup_failed"
    assert journal.verify(event).ok


def test_without_a_configured_folder_backups_go_beside_the_database(event, late):
    """A fresh install still gets its close backups, in backups/ next to the database."""
    days.open_day(event, late, 0)
    told = []
    days.close_day(event, late, 0, on_backup=told.append)
    assert told[0].path.parent == event.path.parent / "backups"


def test_a_periodic_backup_is_due_only_after_the_wait_and_a_change(event, tmp_path):
    """Every N minutes, but an idle till is not backed up again and again."""
    event.save_settings(
        dataclasses.replace(event.settings(), backup_dir=str(tmp_path), backup_minutes=30)
    )
    clock = Clock(parse_instant("2023-03-02T10:00:00+07:00"))
    assert backup.backup_due(event, clock.now())  # never backed up yet
    assert backup.periodic(event, clock).ok
    assert backup.periodic(event, clock) is None
    clock.advance(timedelta(minutes=31))
    assert not backup.backup_due(event, clock.now())  # nothing new since
    days.open_day(event, clock, 0)
    assert backup.backup_due(event, clock.now())
    assert backup.periodic(event, clock).ok
    clock.advance(timedelta(minutes=10))
    sell_one(event, clock)
    assert not backup.backup_due(event, clock.now())  # too soon
    clock.advance(timedelta(minutes=25))
    assert backup.backup_due(event, clock.now())


def test_a_failed_periodic_backup_is_retried_after_the_wait(event, tmp_path):
    """A missing stick is tried again N minutes later, not on every timer tick."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    event.save_settings(
        dataclasses.replace(event.settings(), backup_dir=str(blocker / "sub"), backup_minutes=5)
    )
    clock = Clock(parse_instant("2023-03-02T10:00:00+07:00"))
    outcome = backup.periodic(event, clock)
    assert outcome is not None and not outcome.ok
    assert backup.periodic(event, clock) is None
    clock.advance(timedelta(minutes=6))
    assert backup.backup_due(event, clock.now())


def test_backup_due_is_cheap(event):
    """The window's timer may ask every minute: well under a millisecond."""
    now = Clock().now()
    backup.periodic(event, Clock(now - timedelta(minutes=1)))
    started = time.perf_counter()
    for _ in range(200):
        backup.backup_due(event, now)
    assert (time.perf_counter() - started) / 200 < 0.002


# -- restoring ---------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(event, late, tmp_path):
    """Sales after the backup vanish from the database but stay in the safety backup."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    days.open_day(event, late, 0)
    sell_one(event, late)
    assert event.sales.count() == 21
    with pytest.raises(backup.RestoreNeedsConfirmation, match="20 sales, the database now 21"):
        backup.restore(event, saved, clock=late, actor="Sari")
    assert event.sales.count() == 21
    safety = backup.restore(event, saved, clock=late, actor="Sari", force=True)
    assert event.sales.count() == 20
    assert days.current_day(event) is None
    assert safety.name.endswith("-safety.sqlite") and verified(safety).sales == 21
    assert audit_actions(event)[-1] == "restore"
    assert journal.verify(event).ok
    days.open_day(event, late, 0)
    assert sell_one(event, late, "BKR-05").receipt_no == "T1-000021"  # numbering carries on


def test_restore_refuses_a_tampered_backup_and_changes_nothing(event, late, tmp_path):
    """A backup edited behind the app's back fails verify and is refused, named."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    conn = sqlite3.connect(saved)
    guard = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'sales_no_update'").fetchone()
    conn.execute("DROP TRIGGER sales_no_update")
    conn.execute("UPDATE sales SET total = total - 1000 WHERE receipt_no = 'T1-000004'")
    conn.execute(guard[0])  # the guard put back as it was: only verify can tell
    conn.commit()
    conn.close()
    before = list(raw(event).conn.iterdump())
    with pytest.raises(backup.BackupError, match="fails verify: sale T1-000004"):
        backup.restore(event, saved, clock=late)
    assert list(raw(event).conn.iterdump()) == before
    assert sqlite3.connect(saved).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_restore_refuses_what_is_not_a_backup(event, late, tmp_path):
    """A missing file, a text file, or the database itself: refused with a clear message."""
    with pytest.raises(backup.BackupError, match="No such backup file"):
        backup.restore(event, tmp_path / "nope.sqlite", clock=late)
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database" * 100)
    with pytest.raises(backup.BackupError, match="not a Booth POS backup"):
        backup.restore(event, junk, clock=late)
    with pytest.raises(backup.BackupError, match="database itself"):
        backup.restore(event, event.path, clock=late)
    assert journal.verify(event).ok


def test_a_killed_backup_or_restore_leaves_no_debris_after_the_next_start(event, tmp_path):
    """A .partial backup, its -journal and a booth-restore-* folder from a killed run are
    removed at the next start; a fresh .partial (another process's backup under way) and the
    real backups stay."""
    import os
    import time as _time

    folder = backup.backup_folder(event)
    folder.mkdir(parents=True, exist_ok=True)
    done = backup.backup(event, folder)
    old = _time.time() - 3600
    debris = [
        folder / "booth-20230301-210500-auto.sqlite.partial",
        folder / "booth-20230301-210500-auto.sqlite.partial-journal",
        event.path.parent / "booth-restore-k1ll3d",
    ]
    debris[0].write_bytes(b"half a backup")
    debris[1].write_bytes(b"its journal")
    debris[2].mkdir()
    (debris[2] / "candidate.sqlite").write_bytes(b"half a copy")
    for path in debris:
        os.utime(path, (old, old))
    fresh = folder / "booth-20230302-100000-auto.sqlite.partial"
    fresh.write_bytes(b"being written right now")
    removed = backup.clean_debris(event)
    assert sorted(removed) == sorted(debris)
    assert not any(p.exists() for p in debris)
    assert fresh.exists() and done.exists()

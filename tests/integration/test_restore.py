"""Restore takes only this stand's backups: what a wrong file would cost the stand (issue 12).

Before, ``restore`` of any SQLite file or of a 0-byte file emptied the stand: migration built
an empty schema in it and an empty database verifies. Each test is named after what the
stand would lose, and checks that nothing changed when the file is refused.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from helpers import raw

from booth_pos.clock import Clock, parse_instant
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import backup, days, demo, journal, selling
from booth_pos.store import migrations, open_store

NOW = "2023-03-01T21:00:00+07:00"


@pytest.fixture(scope="module")
def event_template(tmp_path_factory):
    """The demo stand after one simulated day of 20 sales (built once, copied per test)."""
    path = tmp_path_factory.mktemp("restore") / "event.sqlite"
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
def late():
    return Clock(parse_instant("2023-03-02T21:00:00+07:00"))


def sell_one(store, clock, item="ECO-01"):
    if days.current_day(store) is None:
        days.open_day(store, clock, 0)
    cart = Cart(cashier="Rina")
    selling.add(store, cart, item)
    return selling.complete(store, cart, [Tender(Method.CASH)], clock)


def dump(store) -> list[str]:
    return list(raw(store).conn.iterdump())


def edit(path, *statements: str) -> None:
    """Change a backup file behind the program's back, with plain sqlite3."""
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def refused_whatever_force(store, src, late, match: str) -> None:
    """Refused with and without --force, and the database exactly as it was."""
    before = dump(store)
    for force in (False, True):
        with pytest.raises(backup.RestoreRefused, match=match):
            backup.restore(store, src, clock=late, force=force)
        assert dump(store) == before


# -- files that are not this stand's backups -------------------------------------------------


def test_restore_of_a_foreign_file_keeps_the_stand(event, late, tmp_path):
    """Another program's SQLite file (``create table notes(x)``) is refused, not restored as
    an empty stand: the 20 sales stay."""
    other = tmp_path / "other.sqlite"
    edit(other, "CREATE TABLE notes(x)")
    refused_whatever_force(event, other, late, "not a Booth POS backup")
    assert event.sales.count() == 20
    assert sqlite3.connect(other).execute("SELECT name FROM sqlite_master").fetchall() == [
        ("notes",)
    ]  # the file handed over is never changed


def test_restore_of_an_empty_file_keeps_the_stand(event, late, tmp_path):
    """A 0-byte file (a copy that never finished) is refused: the 20 sales stay."""
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    refused_whatever_force(event, empty, late, "no Booth POS tables")
    assert event.sales.count() == 20 and empty.stat().st_size == 0


def test_restore_of_a_file_without_a_version_keeps_the_stand(event, late, tmp_path):
    """A settings table alone (user_version 0) is no Booth POS file either."""
    fake = tmp_path / "fake.sqlite"
    edit(fake, "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT)")
    refused_whatever_force(event, fake, late, "not a Booth POS backup")


def test_restore_of_another_stands_backup_keeps_the_stand(event, late, tmp_path):
    """A backup of another stand (its own stand id) never replaces this one's sales."""
    other = open_store(tmp_path / "other-stand.sqlite")
    demo.load_stand(other, late)
    sell_one(other, late)
    saved = backup.backup(other, tmp_path / "other-backup.sqlite", clock=late)
    other.close()
    refused_whatever_force(event, saved, late, "another stand's backup")
    assert event.sales.count() == 20


def test_another_stands_backup_restores_onto_an_empty_database_only_when_confirmed(
    event, late, tmp_path
):
    """A new laptop (a database that recorded nothing) takes the stand's backup only when
    asked to, and becomes that stand."""
    saved = backup.backup(event, tmp_path / "usb.sqlite", clock=late)
    fresh = open_store(tmp_path / "new-laptop" / "booth.sqlite")
    try:
        assert fresh.stand_id() != event.stand_id()
        with pytest.raises(backup.RestoreNeedsConfirmation, match="another stand") as caught:
            backup.restore(fresh, saved, clock=late)
        assert caught.value.check.other_stand and fresh.sales.count() == 0
        backup.restore(fresh, saved, clock=late, force=True)
        assert fresh.stand_id() == event.stand_id() and fresh.sales.count() == 20
        assert journal.verify(fresh).ok
    finally:
        fresh.close()


def test_restore_of_a_backup_from_a_newer_program_keeps_the_stand(event, late, tmp_path):
    """A schema this program does not know (a newer Booth POS) is refused, not opened."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    edit(saved, "PRAGMA user_version = 99")
    refused_whatever_force(event, saved, late, "newer Booth POS")


def test_restore_of_an_older_schema_keeps_the_stand(event, late, tmp_path):
    """A backup of an older schema (before the stand id) is refused before it is migrated:
    a restore never turns the schema back, and migrating it would invent a stand id."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    edit(saved, "DELETE FROM settings WHERE key = 'stand_id'", "PRAGMA user_version = 4")
    latest = migrations.latest_version()
    refused_whatever_force(
        event, saved, late, rf"older schema \(4\) than the database \({latest}\)"
    )


# -- a schema Booth POS did not make ---------------------------------------------------------


def test_a_hostile_trigger_in_a_backup_never_reaches_the_live_file(event, late, tmp_path):
    """``after insert on sale_lines ... update products set price=1`` in a backup: refused;
    the live file never gets the trigger and the next sale leaves prices alone."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    edit(
        saved,
        "CREATE TRIGGER cheap AFTER INSERT ON sale_lines BEGIN UPDATE products SET price = 1; END",
    )
    refused_whatever_force(event, saved, late, "extra trigger cheap")
    price = event.products.by_code("BKR-05").price
    sell_one(event, late, "ECO-01")
    assert event.products.by_code("BKR-05").price == price > 1
    assert event.schema_differences() == []


def test_a_guard_trigger_rewritten_when_0_in_a_backup_is_refused(event, late, tmp_path):
    """A guard that still exists but never fires (``WHEN 0``) would let sales be edited."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    sql = sqlite3.connect(saved).execute(
        "SELECT sql FROM sqlite_master WHERE name = 'sales_no_update'"
    )
    original = sql.fetchone()[0]
    assert " BEGIN" in original
    edit(saved, "DROP TRIGGER sales_no_update", original.replace(" BEGIN", " WHEN 0 BEGIN", 1))
    refused_whatever_force(event, saved, late, "trigger sales_no_update differs")


@pytest.mark.parametrize(
    "extra, named",
    [
        ("CREATE VIEW totals AS SELECT sum(total) FROM sales", "extra view totals"),
        ("CREATE TABLE stash(x)", "extra table stash"),
        ("DROP INDEX sales_day_minute", "missing index sales_day_minute"),
    ],
)
def test_a_backup_with_tables_views_or_indexes_of_its_own_is_refused(
    event, late, tmp_path, extra, named
):
    """Whatever Booth POS did not make (or unmade) in the schema is refused, named."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    edit(saved, extra)
    refused_whatever_force(event, saved, late, named)


# -- backups that would lose sales ------------------------------------------------------------


def test_an_older_backup_would_lose_sales_so_it_needs_force(event, late, tmp_path):
    """A backup with fewer sales than the database: refused without --force, naming both
    counts in both languages; with --force it is restored and the lost sale is kept in the
    safety backup."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    sell_one(event, late)
    before = dump(event)
    with pytest.raises(backup.RestoreNeedsConfirmation) as caught:
        backup.restore(event, saved, clock=late)
    assert dump(event) == before
    check = caught.value.check
    assert (check.sales, check.live_sales, check.lost_sales) == (20, 21, 1)
    assert not check.extends and check.ok
    assert caught.value.en.startswith("This backup holds 20 sales, the database now 21:")
    assert caught.value.id.startswith("Backup ini berisi 20 penjualan, database sekarang 21:")
    safety = backup.restore(event, saved, clock=late, force=True)
    assert event.sales.count() == 20
    kept = open_store(safety)
    assert kept.sales.count() == 21
    kept.close()
    restored = [e for e in event.audit.entries() if e.kind == "restore"][-1]
    assert '"confirmed":true' in restored.payload and '"sales_before":21' in restored.payload


def test_a_backup_whose_journal_ends_earlier_needs_force_even_with_as_many_sales(
    event, late, tmp_path
):
    """The same 20 sales but a day close after the backup: restoring loses the close."""
    days.open_day(event, late, 0)
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    days.close_day(event, late, 0, backup_now=False)
    with pytest.raises(backup.RestoreNeedsConfirmation, match="journal ends earlier"):
        backup.restore(event, saved, clock=late)
    assert days.current_day(event) is None  # still closed


def test_a_backup_that_parted_from_the_database_needs_force(event, late, tmp_path):
    """Two copies of the stand that each sold something else: as many sales, but the
    backup's journal does not continue the database's."""
    twin_path = tmp_path / "twin.sqlite"
    saved = backup.backup(event, twin_path, clock=late)
    twin = open_store(saved)
    sell_one(twin, late, "BKR-05")
    twin.close()
    sell_one(event, late, "ECO-01")
    with pytest.raises(backup.RestoreNeedsConfirmation, match="does not continue"):
        backup.restore(event, twin_path, clock=late)
    assert event.sales.count() == 21


def test_a_backup_that_continues_the_journal_restores_without_force(event, late, tmp_path):
    """Back to an older backup (forced), then forward to a newer one: the newer one's journal
    continues the database's, so it needs no --force."""
    older = backup.backup(event, tmp_path / "older.sqlite", clock=late)
    sell_one(event, late)
    newer = backup.backup(event, tmp_path / "newer.sqlite", clock=late)
    backup.restore(event, older, clock=late, force=True)
    assert event.sales.count() == 20
    check = backup.inspect_backup(event, newer)
    assert check.extends and not check.needs_confirmation and check.verified
    backup.restore(event, newer, clock=late)
    assert event.sales.count() == 21 and journal.verify(event).ok


def test_inspect_backup_tells_the_counts_and_changes_nothing(event, late, tmp_path):
    """``inspect_backup`` reports both sides (sales, journal, stand, versions) for a window
    to show, and writes nothing anywhere."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    sell_one(event, late)
    before, saved_bytes = dump(event), saved.read_bytes()
    check = backup.inspect_backup(event, saved)
    assert (check.sales, check.live_sales) == (20, 21)
    assert check.stand_id == check.live_stand_id == event.stand_id()
    assert check.version == check.live_version == event.schema_version()
    assert check.journal < check.live_journal and check.verified is True
    assert check.needs_confirmation and not check.extends
    assert dump(event) == before and saved.read_bytes() == saved_bytes
    assert not list(event.path.parent.glob("booth-restore-*"))


def test_inspect_backup_names_a_backup_that_fails_verify(event, late, tmp_path):
    """A sale edited with its guard put back as it was: only verify can tell, and says so."""
    saved = backup.backup(event, tmp_path / "b.sqlite", clock=late)
    conn = sqlite3.connect(saved)
    guard = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'sales_no_update'")
    guard = guard.fetchone()[0]
    conn.close()
    edit(
        saved,
        "DROP TRIGGER sales_no_update",
        "UPDATE sales SET total = total - 1000 WHERE receipt_no = 'T1-000004'",
        guard,
    )
    check = backup.inspect_backup(event, saved)
    assert check.verified is False and "fails verify: sale T1-000004" in check.problems[0].en
    refused_whatever_force(event, saved, late, "fails verify")


# -- a database that cannot be read -------------------------------------------------------------


def _damage_sales_table(path) -> None:
    """Overwrite the root page of the sales table with junk (the file still opens)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sales'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xde\xad" * (page_size // 2))


def test_restore_over_a_damaged_database_needs_force_and_keeps_the_damaged_file(
    event_template, late, tmp_path, monkeypatch
):
    """A database that quick_check finds damaged cannot be compared: restoring needs --force
    (saying why), keeps the damaged file, and leaves a database that verifies. When even
    SQLite's backup cannot read it, the file's own bytes are kept."""
    saved = tmp_path / "usb.sqlite"
    shutil.copy(event_template, saved)
    db = tmp_path / "booth.sqlite"
    shutil.copy(event_template, db)
    _damage_sales_table(db)
    damaged = db.read_bytes()
    store = open_store(db)
    try:
        with pytest.raises(backup.RestoreNeedsConfirmation, match="cannot be read") as caught:
            backup.restore(store, saved, clock=late)
        assert not caught.value.check.live_readable and "damaged" in caught.value.en
        assert db.read_bytes() == damaged

        def unreadable(*args, **kwargs):
            raise backup.BackupError(en="database disk image is malformed", id="rusak")

        monkeypatch.setattr(backup, "backup", unreadable)
        kept = backup.restore(store, saved, clock=late, force=True)
        assert kept.name.endswith("-damaged.sqlite") and kept.read_bytes() == damaged
        assert store.sales.count() == 20 and journal.verify(store).ok
    finally:
        store.close()

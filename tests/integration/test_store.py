"""The stand's SQLite file: opened safely, migrated forward, never misread, settings kept."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from helpers import raw

from booth_pos.model import Settings
from booth_pos.store import StoreError, default_db_path, open_store
from booth_pos.store import migrations as migrations_module
from booth_pos.store.migrations import latest_version


def _schema(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()


def test_a_fresh_file_opens_with_the_durability_the_till_promises(db_path):
    """A new database is WAL, synchronous FULL, foreign keys on, at the latest schema."""
    assert not db_path.exists()
    store = open_store(db_path)
    try:
        assert store.pragma("journal_mode") == "wal"
        assert store.pragma("synchronous") == 2
        assert store.pragma("foreign_keys") == 1
        assert store.pragma("user_version") == latest_version() >= 1
        tables = set(raw(store).table_names())
        assert {"settings", "artisans", "products", "days", "sales", "sale_lines"} <= tables
        assert {"payments", "stock_moves", "till_counters", "parked_carts"} <= tables
    finally:
        store.close()
    # WAL is a property of the file, so a power cut mid-sale is recoverable by anyone opening it.
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_the_store_creates_missing_folders(tmp_path):
    """A database path in a folder that does not exist yet still opens."""
    store = open_store(tmp_path / "event" / "2023" / "booth.sqlite")
    assert store.path.exists()
    store.close()


def test_reopening_is_a_no_op_and_keeps_the_data(db_path):
    """Opening yesterday's database again changes neither its schema nor its contents."""
    store = open_store(db_path)
    store.save_settings(dataclasses.replace(store.settings(), stand_name="Dekranasda Cilegon"))
    store.close()
    schema = _schema(db_path)

    store = open_store(db_path)
    try:
        assert store.pragma("user_version") == latest_version()
        assert migrations_module.migrate(raw(store)) == latest_version()  # nothing pending
        assert store.settings().stand_name == "Dekranasda Cilegon"
    finally:
        store.close()
    assert _schema(db_path) == schema


def test_a_newer_step_runs_on_open_and_keeps_the_data(db_path, monkeypatch):
    """A database from an older program gains the new schema step when opened, data intact."""
    store = open_store(db_path)
    store.save_settings(dataclasses.replace(store.settings(), event_name="Ina Craft 2023"))
    store.close()

    def add_notes(db):
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")

    monkeypatch.setattr(migrations_module, "STEPS", [*migrations_module.STEPS, add_notes])
    store = open_store(db_path)
    try:
        assert store.pragma("user_version") == len(migrations_module.STEPS)
        assert "notes" in raw(store).table_names()
        assert store.settings().event_name == "Ina Craft 2023"
    finally:
        store.close()


def test_a_failing_step_leaves_the_previous_version_intact(db_path, monkeypatch):
    """A migration that dies half-way rolls back entirely: the old version still opens."""
    open_store(db_path).close()
    before = latest_version()

    def half_done(db):
        db.execute("CREATE TABLE half (id INTEGER)")
        db.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(migrations_module, "STEPS", [*migrations_module.STEPS, half_done])
    with pytest.raises(StoreError):
        open_store(db_path)
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == before
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall() == []
    finally:
        conn.close()


def test_a_database_from_a_newer_program_is_refused(db_path):
    """A file written by a newer Booth POS is not touched by an older one."""
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer Booth POS") as info:
        open_store(db_path)
    assert "perbarui" in info.value.text("id")
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version() + 5
    conn.close()


def test_a_file_that_is_not_a_database_is_refused_clearly_and_left_alone(tmp_path):
    """Pointing --db at a spreadsheet gives a clear refusal and does not damage the file."""
    path = tmp_path / "products.csv"
    content = b"sku,name,artisan_code,category,price,stock,barcode\n" * 50
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        open_store(path)
    message = str(info.value)
    assert str(path) in message
    assert "not a database" in message or "not a Booth POS database" in message
    assert path.read_bytes() == content


def test_foreign_keys_and_integer_money_are_enforced_by_the_file(store):
    """A product of an unknown artisan or with a fractional price cannot get into the file."""
    with pytest.raises(sqlite3.IntegrityError):
        raw(store).execute(
            "INSERT INTO products(sku, name, artisan_code, price, stock, barcode) "
            "VALUES ('X-1', 'Ghost', 'NOPE', 1000, 1, '2000000000015')"
        )
    raw(store).execute(
        "INSERT INTO artisans(code, name, commission_bp) VALUES ('ECO', 'Eco', 1500)"
    )
    with pytest.raises(sqlite3.IntegrityError):
        raw(store).execute(
            "INSERT INTO products(sku, name, artisan_code, price, stock, barcode) "
            "VALUES ('X-1', 'Half', 'ECO', 1500.5, 1, '2000000000015')"
        )
    assert store.products.count() == 0


def test_settings_survive_a_restart(db_path):
    """The stand's name, event, till code and origins list read back exactly after a restart."""
    store = open_store(db_path)
    assert store.settings() == Settings()  # a fresh install has the defaults
    wanted = dataclasses.replace(
        store.settings(),
        stand_name="Dekranasda Kota Cilegon",
        event_name="Ina Craft 2023",
        venue="JCC, Hall B, Stand 112",
        event_start="2023-03-01",
        event_end="2023-03-05",
        till="T2",
        receipt_header="Kerajinan IKM Kota Cilegon",
        receipt_footer="Terima kasih! 감사합니다 · Merci",
        receipt_width=58,
        origins=("ID", "KR", "FR", "JP"),
        discount_threshold_bp=1500,
    )
    store.save_settings(wanted)
    store.close()

    store = open_store(db_path)
    try:
        assert store.settings() == wanted
        assert isinstance(store.settings().origins, tuple)
    finally:
        store.close()


def test_settings_handed_out_are_copies(store):
    """Changing a settings object in a dialog does not change the stand until it is saved."""
    s = store.settings()
    s.till = "T9"
    assert store.settings().till == "T1"


def test_booth_pos_db_picks_the_database_file(monkeypatch, tmp_path):
    """BOOTH_POS_DB points the program at another file; without it the user data folder is used."""
    monkeypatch.setenv("BOOTH_POS_DB", str(tmp_path / "other.sqlite"))
    assert default_db_path() == tmp_path / "other.sqlite"
    monkeypatch.delenv("BOOTH_POS_DB")
    path = default_db_path()
    assert path.name == "booth.sqlite" and "booth-pos" in str(path)


def test_second_writer_waits_instead_of_failing_a_sale(db_path):
    """Two processes on one file: the outer transaction takes the write lock up front."""
    import threading

    from booth_pos.store import open_store

    first, second = open_store(db_path), open_store(db_path)
    try:
        done = []
        with first.atomic():
            raw(first).execute("INSERT INTO settings(key, value) VALUES ('a', '1')")

            def write():
                with second.atomic():
                    raw(second).execute("INSERT INTO settings(key, value) VALUES ('b', '2')")
                done.append(True)

            t = threading.Thread(target=write)
            t.start()
            t.join(0.3)
            assert not done  # it waits for the first transaction, it does not fail
        t.join(5)
        assert done == [True]
        keys = {r[0] for r in raw(first).execute("SELECT key FROM settings")}
        assert {"a", "b"} <= keys
    finally:
        first.close()
        second.close()

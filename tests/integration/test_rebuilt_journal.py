"""A journal can never be rebuilt from edited rows (issue 12, and the review after it).

Dropping the journal and audit log and turning the version back to 3 made migration 4 build
a fresh, valid chain over edited sales. The stand id alone did not stop it: delete that row
as well, or rebuild a faithful schema-3 file from the rows, and verify said everything holds.
"""

from __future__ import annotations

import sqlite3

import pytest

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import backup, demo, journal
from booth_pos.store import StoreError, migrations, open_store, schema

NOW = "2023-03-01T10:00:00+07:00"


def closed_stand(path, *, anchors: bool = True):
    """Two closed days of demo sales (each close writes an anchor beside the file)."""
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    demo.simulate(store, 2, 10, seed=5)
    backup.backup(store, clock=Clock(parse_instant("2023-03-02T22:00:00+07:00")))
    store.close()
    if not anchors:
        for f in (path.parent / "backups").iterdir():
            f.unlink()


def dropped_and_turned_back(path) -> None:
    """The simple attack: every guard, the journal and the audit log dropped, the stand id
    deleted, the last sale deleted, the version set back to 3."""
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.executescript(
        "DROP TABLE journal; DROP TABLE audit_log; DELETE FROM settings WHERE key = 'stand_id';"
        "DROP TABLE IF EXISTS sale_references;"
        "DELETE FROM payments WHERE sale_id = (SELECT id FROM sales ORDER BY rowid DESC LIMIT 1);"
        "DELETE FROM sale_lines WHERE sale_id = (SELECT id FROM sales ORDER BY rowid DESC LIMIT 1);"
        "DELETE FROM sales WHERE rowid = (SELECT max(rowid) FROM sales);"
        "UPDATE till_counters SET last_seq = last_seq - 1; PRAGMA user_version = 3;"
    )
    conn.close()


def faithful_schema_3(path, out) -> None:
    """The careful attack: a schema-3 file made by the migrations themselves, every row of
    the live file copied in but the last sale (and no stand id)."""
    new = sqlite3.connect(out)
    import sqlite_utils

    migrations.migrate(sqlite_utils.Database(new), upto=3, check_schema=False)
    new.execute("ATTACH DATABASE ? AS live", (str(path),))
    for (table,) in new.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall():
        cols = [r[1] for r in new.execute(f"PRAGMA table_info({table})")]
        listed = ", ".join(cols)
        new.execute(f"INSERT INTO {table}({listed}) SELECT {listed} FROM live.{table}")
    last = new.execute("SELECT id FROM sales ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    new.execute("DELETE FROM payments WHERE sale_id = ?", (last,))
    new.execute("DELETE FROM sale_lines WHERE sale_id = ?", (last,))
    new.execute("DELETE FROM sales WHERE id = ?", (last,))
    new.execute("UPDATE till_counters SET last_seq = last_seq - 1")
    new.execute("DELETE FROM settings WHERE key = 'stand_id'")
    new.commit()
    new.close()


def dump(path) -> list[str]:
    """Everything the file holds (its header may say WAL after an open, nothing else)."""
    conn = sqlite3.connect(path)
    try:
        return [*conn.iterdump(), str(conn.execute("PRAGMA user_version").fetchone()[0])]
    finally:
        conn.close()


def test_a_file_whose_schema_is_not_its_versions_is_refused_and_left_alone(tmp_path):
    """Version 3 claimed, but columns of later versions still there (commission_bp...):
    refused before any step runs; before, migrations 4 and 5 committed a fresh journal and
    step 6 then failed, leaving a half-upgraded file."""
    path = tmp_path / "booth.sqlite"
    closed_stand(path, anchors=False)
    dropped_and_turned_back(path)
    before = dump(path)
    with pytest.raises(StoreError, match="schema is not that of version 3"):
        open_store(path)
    assert dump(path) == before


def test_a_faithful_schema_3_file_beside_the_stands_anchors_is_refused(tmp_path):
    path = tmp_path / "booth.sqlite"
    closed_stand(path)
    forged = tmp_path / "forged.sqlite"
    faithful_schema_3(path, forged)
    path.unlink()
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    forged.rename(path)
    before = dump(path)
    with pytest.raises(StoreError, match="tampered"):
        open_store(path)
    assert dump(path) == before


def test_a_genuine_schema_3_file_matches_its_version_and_upgrades(tmp_path):
    """The check does not refuse what older versions really wrote (a file of schema 3)."""
    from helpers import old_file

    path = old_file(tmp_path, "v3_corrections.sqlite")
    conn = sqlite3.connect(path)
    assert schema.differences(conn, reference=schema.expected(3)) == []
    conn.close()
    store = open_store(path)
    try:
        assert journal.verify(store).ok
    finally:
        store.close()


def test_a_step_that_fails_leaves_the_file_at_its_version(tmp_path, monkeypatch):
    """All pending steps are one transaction: the journal built by step 4 is not kept when
    a later step fails."""
    from helpers import old_file

    path = old_file(tmp_path, "v3_sales.sqlite")

    def broken(db):
        raise sqlite3.OperationalError("a step that fails")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS[:5], broken])
    with pytest.raises(StoreError):
        open_store(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "journal" not in tables
    finally:
        conn.close()


@pytest.mark.parametrize(
    "name, version",
    [("v2_demo.sqlite", 2), ("v3_sales.sqlite", 3), ("v3_corrections.sqlite", 3),
     ("v4_demo.sqlite", 4)],
)  # fmt: skip
def test_files_written_by_each_older_version_pass_the_schema_check_and_verify(
    tmp_path, name, version
):
    """Real files written by the program at schemas 2, 3 and 4 (the code of the commits that
    introduced each step) have exactly the schema the migrations make of their version, so
    the tamper check never refuses a genuine stand; each upgrades and verifies."""
    from helpers import old_file

    path = old_file(tmp_path, name)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert schema.differences(conn, reference=schema.expected(version)) == []
    conn.close()
    store = open_store(path)
    try:
        assert store.schema_differences() == []
        assert journal.verify(store).ok
    finally:
        store.close()

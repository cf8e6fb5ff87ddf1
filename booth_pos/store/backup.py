"""Copies of a database through SQLite's online backup API (never a file copy).

A file copy of a database in WAL mode could catch a half-written page or miss what is still
in the ``-wal`` file; the online backup API reads the last committed state page by page,
from a connection of its own, while writers carry on. ``services/backup.py`` decides where
and when; this module only copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booth_pos.files import create_private
from booth_pos.store import Repository, Store
from booth_pos.store.door import StoreError, connect


@dataclass(frozen=True)
class FileFacts:
    """What a database file says of itself before anything is migrated or written.

    Attributes:
        version: its schema version (``PRAGMA user_version``; 0 for a new or foreign file).
        booth_pos: whether it has Booth POS's ``settings`` table.
        stand_id: the stand it belongs to ("" before schema 5, or in a foreign file).
    """

    version: int
    booth_pos: bool
    stand_id: str


def facts_of(path: Path) -> FileFacts:
    """Read ``path``'s version, its Booth POS table and stand id, read-only.

    Raises:
        StoreError: ``path`` is not an SQLite database or is damaged.
    """
    import json

    conn = connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        ours = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'"
        ).fetchone()
        stand = None
        if ours is not None:
            stand = conn.execute("SELECT value FROM settings WHERE key = 'stand_id'").fetchone()
    finally:
        conn.close()
    stand_id = ""
    if stand is not None:
        try:
            value = json.loads(stand[0])
        except (TypeError, ValueError):
            value = ""
        stand_id = value if isinstance(value, str) else ""
    return FileFacts(version=version, booth_pos=ours is not None, stand_id=stand_id)


def online_copy(source: Path, dest: Path, *, readonly: bool = False) -> None:
    """Copy the database ``source`` into ``dest`` as a one-file (rollback journal) database.

    Args:
        source: a database file (in WAL mode or not).
        dest: the file to write (replaced if it exists).
        readonly: open ``source`` read-only, so it is never changed (restoring from a file
            someone handed over); falls back to a normal connection when SQLite cannot read
            it that way (a WAL file on a read-only stick with no ``-shm`` beside it).

    Raises:
        StoreError: ``source`` is locked, damaged or not a database, or ``dest`` cannot be
            written (full, read-only, unplugged).
    """
    dest.unlink(missing_ok=True)
    create_private(dest)  # a backup holds PIN hashes and every sale: the owner's only
    src = None
    if readonly:
        try:
            src = connect(source.resolve().as_uri() + "?mode=ro", uri=True)
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except StoreError:
            if src is not None:
                src.close()
            src = None
    if src is None:
        src = connect(source)
    try:
        dst = connect(dest)
        try:
            src.backup(dst)  # one step: a consistent snapshot, writers carry on (WAL)
            dst.execute("PRAGMA journal_mode = DELETE")  # a single file, readable anywhere
        finally:
            dst.close()
    finally:
        src.close()


class Backups(Repository):
    """Backups of this store's file, and restoring another store's contents over it."""

    def copy_to(self, dest: Path) -> None:
        """Write a consistent copy of the last committed state to ``dest``."""
        online_copy(self._store.path, dest)

    def replace_with(self, other: Store) -> None:
        """Overwrite this database's contents with ``other``'s, page by page, in one step."""
        other._conn.backup(self._conn)
        self._store.forget_cached()

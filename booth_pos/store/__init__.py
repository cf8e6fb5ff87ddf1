"""The only code that knows tables and columns, and the only importer of ``sqlite3``.

``open_store(path)`` opens the stand's SQLite file with the durability the till promises
(WAL, ``synchronous=FULL``, foreign keys on), checks that SQLite really applied them, and
runs pending migrations. The ``Store`` it returns holds one transaction helper
(``atomic``), the settings, and one repository per noun::

    store.artisans  store.products  store.days  store.sales  store.parked
    store.journal   store.audit     store.staff  store.corrections  store.approvals
    store.reports   store.records   store.backup   store.stock  store.payouts  store.tills

The connection is private to this package. Every SQLite error passes through
``door.translate``: a locked, full, read-only or foreign file becomes a ``StoreError`` with a
message in both languages; anything else is a bug and goes on as the ``sqlite3.Error`` it is.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from booth_pos.files import create_private, make_dirs, make_private
from booth_pos.model import Settings
from booth_pos.store.door import Connection, StoreError, connect

__all__ = ["Store", "StoreError", "default_db_path", "open_store"]


def default_db_path() -> Path:
    """``BOOTH_POS_DB`` if set, else ``booth.sqlite`` in the user data folder."""
    env = os.environ.get("BOOTH_POS_DB", "").strip()
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("booth-pos", appauthor=False)) / "booth.sqlite"


def open_store(path: str | os.PathLike, *, timeout: float = 10.0, existing: bool = False) -> Store:
    """Open (creating if needed) the stand's database and migrate it to the latest schema.

    Args:
        path: the database file.
        timeout: how long a write waits for another program's lock before ``StoreError``.
        existing: only open a Booth POS database that is already there (commands that just
            read: a typo in ``--db`` must not create an empty stand, and an empty or foreign
            file must not be turned into one).

    Raises:
        StoreError: the file cannot be opened, refuses the safe settings, is not a Booth POS
            database, or is locked, full or read-only.
    """
    from booth_pos.store.migrations import latest_version, migrate

    path = Path(path)
    if existing:
        _check_existing(path)
    try:
        # Folders it makes are 0700, a database it creates 0600 (its -wal and -shm follow).
        make_dirs(path.parent)
    except OSError as exc:
        raise StoreError(
            en=f"Cannot create the folder {path.parent}: {exc.strerror}",
            id=f"Folder {path.parent} tidak bisa dibuat: {exc.strerror}",
        ) from exc
    if not path.exists():
        try:
            create_private(path)
        except OSError:
            pass  # SQLite says why in its own words (read-only folder, full disk) just below
    else:
        _tighten(path)
    conn = connect(path, timeout=timeout)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        sync = conn.execute("PRAGMA synchronous").fetchone()[0]
        fks = conn.execute("PRAGMA foreign_keys").fetchone()[0]
        if mode.lower() != "wal" or sync != 2 or fks != 1:
            raise StoreError(
                en=f"The database {path} refused safe settings (journal={mode}, "
                f"synchronous={sync}, foreign_keys={fks}); use a local disk",
                id=f"Database {path} menolak pengaturan aman; gunakan disk lokal",
            )
        store = Store(conn, path)
        try:
            # A file at the current version needs no migration, nor sqlite-utils (its
            # import, with click and dateutil, is ~90 ms of the till's start).
            if conn.execute("PRAGMA user_version").fetchone()[0] != latest_version():
                anchored = (path.parent / "backups" / "anchors.jsonl").exists()
                migrate(store._db, anchored=anchored)
        except sqlite3.DatabaseError as exc:  # a table or trigger of its own in the way
            raise StoreError(
                en=f"{path} is not a Booth POS database: {exc}",
                id=f"{path} bukan database Booth POS: {exc}",
            ) from exc
    except BaseException:
        conn.close()
        raise
    return store


def _tighten(path: Path) -> None:
    """A database made by an older version (or copied in) readable by others becomes the
    owner's only, with its -wal and -shm: it holds PIN hashes. Its folder is left alone (it
    may be a shared one the user chose)."""
    if os.name != "posix":
        return
    for each in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            info = each.stat() if each.is_file() else None
            if info is not None and info.st_mode & 0o077 and info.st_uid == os.getuid():
                make_private(each)
        except OSError:
            pass  # not ours to change (another owner, a read-only disk): SQLite decides


def _check_existing(path: Path) -> None:
    """Refuse a missing, empty or non-Booth POS file before anything is written to it."""
    if not path.is_file():
        raise StoreError(
            en=f"No database at {path}: check --db (nothing was created)",
            id=f"Tidak ada database di {path}: periksa --db (tidak ada yang dibuat)",
        )
    if path.stat().st_size == 0:
        raise StoreError(
            en=f"{path} is empty, not a Booth POS database; nothing was changed",
            id=f"{path} kosong, bukan database Booth POS; tidak ada yang diubah",
        )
    probe = connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        version = probe.execute("PRAGMA user_version").fetchone()[0]
        ours = probe.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'"
        ).fetchone()
    finally:
        probe.close()
    if not version or ours is None:
        raise StoreError(
            en=f"{path} is not a Booth POS database; nothing was changed",
            id=f"{path} bukan database Booth POS; tidak ada yang diubah",
        )


def _quick_check(conn: Connection, limit: int = 10) -> list[str]:
    """``PRAGMA quick_check``'s complaints (at most ``limit``), one per line; [] for "ok"."""
    rows = [row[0] for row in conn.execute(f"PRAGMA quick_check({int(limit)})")]
    if rows == ["ok"]:
        return []
    return [
        line.strip()
        for row in rows
        for line in str(row).splitlines()
        if line.strip() and not line.startswith("*** in database")
    ]


_SETTINGS_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


class Store:
    """One open database: its repositories, its settings and its transactions.

    Attributes:
        path: the file it lives in.
        artisans, products, days, sales, parked, journal, audit, staff, corrections,
        approvals, reports, records, backup, stock, payouts, tills: the repositories (see the module
        docstring).
    """

    def __init__(self, conn: Connection, path: Path):
        from booth_pos.store import backup, catalogue, corrections, journal, reports, sales, stock
        from booth_pos.store import days as days_
        from booth_pos.store import staff as staff_
        from booth_pos.store import sync as sync_

        self._conn = conn
        self.path = path
        self._settings: Settings | None = None
        self._quick_check: list[str] | None = None  # see quick_check_problems
        self._quick_check_lock = threading.Lock()
        self.artisans = catalogue.Artisans(self)
        self.products = catalogue.Products(self)
        self.days = days_.Days(self)
        self.sales = sales.Sales(self)
        self.parked = sales.Parked(self)
        self.journal = journal.ChainLog(self, journal.JOURNAL)
        self.audit = journal.ChainLog(self, journal.AUDIT)
        self.staff = staff_.StaffAccounts(self)
        self.corrections = corrections.Corrections(self)
        self.approvals = corrections.Approvals(self)
        self.reports = reports.Reports(self)
        self.records = journal.Records(self)
        self.backup = backup.Backups(self)
        self.stock = stock.Stock(self)
        self.payouts = stock.Payouts(self)
        self.tills = sync_.Tills(self)
        from booth_pos.store import quotes as quotes_  # issue 17

        self.wholesale = quotes_.WholesaleTerms(self)
        self.quotes = quotes_.Quotes(self)

    @cached_property
    def _db(self):
        """sqlite-utils over the connection, made when first needed (the migrations)."""
        import sqlite_utils

        # No sqlite-utils plugins: scanning every installed package for them costs ~30 ms.
        return sqlite_utils.Database(self._conn, execute_plugins=False)

    def close(self) -> None:
        self.reports.close()
        self._conn.close()

    def forget_settings(self) -> None:
        """Read the settings again next time (another connection changed them: a sync)."""
        self._settings = None

    def forget_cached(self) -> None:
        """Drop what was read from the file before its contents were replaced (a restore)."""
        self._settings = None
        with self._quick_check_lock:
            self._quick_check = None  # the restored file gets its own quick check

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction; nested blocks become savepoints. Leaving by an exception rolls back.

        The outermost block takes the write lock up front (``BEGIN IMMEDIATE``): a second
        process writing at the same moment makes this one wait (busy timeout) instead of
        failing half-way with "database is locked" after it has read.
        """
        conn = self._conn
        if conn.in_transaction:  # a savepoint inside the caller's transaction
            name = f"atomic_{uuid.uuid4().hex}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            else:
                conn.execute(f"RELEASE {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            try:
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads in one read transaction, so they all see the same committed state.

        Without it, a sale committed by another process (a second till, ``booth-pos sell``)
        between two passes would make them disagree. A read transaction in WAL mode blocks
        no writer. Inside a write transaction it simply joins it.
        """
        conn = self._conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def quick_check_problems(self) -> list[str]:
        """What ``PRAGMA quick_check`` finds wrong with the file; empty when it is sound.

        Asked once per open and remembered: it reads every page (about 1.8 s on a file of
        100,000 sales, milliseconds on a stand's usual few thousand), so the window runs it
        ahead on a thread of its own (``prefetch_quick_check``) and each selling command
        pays it once. Damage SQLite meets later on a page it reads is a ``StoreError`` of
        its own (``door``); this finds the pages nothing has read yet.
        """
        with self._quick_check_lock:  # waits for a prefetch in progress instead of redoing it
            if self._quick_check is None:
                self._quick_check = _quick_check(self._conn)
            return list(self._quick_check)

    def prefetch_quick_check(self) -> None:
        """Run the quick check now on a connection of its own (from any thread), so the
        first payment does not wait for it; a no-op once it has run."""
        with self._quick_check_lock:
            if self._quick_check is not None:
                return
            conn = connect(self.path)
            try:
                self._quick_check = _quick_check(conn)
            finally:
                conn.close()

    def check_sound(self) -> None:
        """Refuse to go on writing money to a file the quick check finds damaged.

        Raises:
            StoreError: ``quick_check_problems`` is not empty (code ``SQLITE_CORRUPT``); the
                message names the first problem and says to restore a backup.
        """
        problems = self.quick_check_problems()
        if problems:
            first = problems[0] if len(problems) == 1 else f"{problems[0]}; +{len(problems) - 1}"
            raise StoreError(
                en=f"The database file {self.path} is damaged ({first}): restore a backup "
                "(booth-pos restore) before selling; nothing was saved",
                id=f"Berkas database {self.path} rusak ({first}): pulihkan cadangan "
                "(booth-pos restore) sebelum berjualan; tidak ada yang tersimpan",
                code="SQLITE_CORRUPT",
            )

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before handing the file to someone else)."""
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def pragma(self, name: str):
        """One PRAGMA's value (diagnostics and tests: ``journal_mode``, ``synchronous``...)."""
        return self._conn.execute(f"PRAGMA {name}").fetchone()[0]

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Relax durability for generating demo data; never used on the till's path."""
        self._conn.execute("PRAGMA synchronous = OFF")
        try:
            yield
        finally:
            self._conn.execute("PRAGMA synchronous = FULL")

    # -- settings -------------------------------------------------------------------------

    def settings(self) -> Settings:
        if self._settings is None:
            values = {}
            for key, raw in self._conn.execute("SELECT key, value FROM settings"):
                if key in _SETTINGS_FIELDS:
                    value = json.loads(raw)
                    values[key] = tuple(value) if isinstance(value, list) else value
            self._settings = Settings(**values)
        return dataclasses.replace(self._settings)

    def stand_id(self) -> str:
        """The stand's identity (a UUID written at its first open, migration 5)."""
        row = self._conn.execute("SELECT value FROM settings WHERE key = 'stand_id'").fetchone()
        return json.loads(row[0]) if row else ""

    def setup_step(self) -> str:
        """How far the first-run setup got: "" never started, a step's name, or "done"
        (kept under ``setup_step`` in ``settings``, outside ``Settings``: no form edits it)."""
        row = self._conn.execute("SELECT value FROM settings WHERE key = 'setup_step'").fetchone()
        value = json.loads(row[0]) if row else ""
        return value if isinstance(value, str) else ""

    def save_setup_step(self, step: str) -> None:
        with self.atomic():
            self._conn.execute(
                "INSERT INTO settings(key, value) VALUES ('setup_step', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (json.dumps(step),),
            )

    def schema_version(self) -> int:
        """The file's schema version (``PRAGMA user_version``)."""
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def schema_differences(self) -> list[str]:
        """How this file's schema differs from the one the migrations make (``store/schema``)."""
        from booth_pos.store import schema

        return schema.differences(self._conn)

    def save_settings(self, settings: Settings) -> None:
        with self.atomic():
            for name in _SETTINGS_FIELDS:
                value = getattr(settings, name)
                if isinstance(value, tuple):
                    value = list(value)
                self._conn.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (name, json.dumps(value, ensure_ascii=False)),
                )
        self._settings = dataclasses.replace(settings)


class Repository:
    """A repository shares its store's connection; ``_conn`` never leaves ``store/``."""

    def __init__(self, store: Store):
        self._store = store
        self._conn = store._conn

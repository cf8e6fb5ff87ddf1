"""The door between SQLite and the rest of the program: errors come out sorted.

Every connection the store opens is a ``Connection`` of this module, so every statement,
every fetch, every commit and every online backup passes through ``translate``. As in
qutebrowser's ``misc/sql.py``, SQLite's result codes are sorted into two kinds:

- conditions a person can act on (the file is locked by another program, the disk is full,
  the file or its folder is read-only, it is not a database or is damaged, the disk failed)
  become ``StoreError``, a ``KnownError`` whose message says in both languages what happened
  and what to do;
- anything else (a syntax error, a constraint or a guard trigger refusing a write) is a bug
  or a refusal the code itself handles: the original ``sqlite3.Error`` goes on unchanged and,
  if nobody expects it, crashes loudly with its traceback in the log.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import unquote, urlsplit

from booth_pos.model import KnownError


class StoreError(KnownError):
    """The database cannot be used right now (locked, full, read-only, damaged, too new).

    Attributes:
        code: SQLite's result code name (``SQLITE_FULL``...), or "" when not from SQLite.
    """

    def __init__(self, *, en: str, id: str, code: str = ""):
        super().__init__(en=en, id=id)
        self.code = code


#: What to tell a person, by SQLite's primary result code: (English, Indonesian), with
#: ``{path}`` the database file and ``{folder}`` its folder.
_LOCKED = (
    "The database {path} is locked by another program (a second Booth POS window or "
    "command?); nothing was saved. Close the other one or wait a moment, then try again.",
    "Database {path} sedang dikunci program lain (jendela atau perintah Booth POS kedua?); "
    "tidak ada yang tersimpan. Tutup program itu atau tunggu sebentar, lalu ulangi.",
)
_NOT_A_DATABASE = (
    "{path} is not a Booth POS database or it is damaged. Choose the right file (--db) or "
    "restore a backup (booth-pos restore).",
    "{path} bukan database Booth POS atau rusak. Pilih berkas yang benar (--db) atau "
    "pulihkan cadangan (booth-pos restore).",
)
_KNOWN: dict[int, tuple[str, str]] = {
    sqlite3.SQLITE_BUSY: _LOCKED,
    sqlite3.SQLITE_LOCKED: _LOCKED,
    sqlite3.SQLITE_FULL: (
        "Disk full: no space is left in {folder}; this transaction was NOT saved. "
        "Free some space, then try again.",
        "Disk penuh: sisa ruang di {folder} habis; transaksi ini TIDAK tersimpan; "
        "kosongkan ruang lalu ulangi.",
    ),
    sqlite3.SQLITE_READONLY: (
        "The database {path} cannot be written (the file, its folder or the disk is "
        "read-only); this transaction was NOT saved. Fix its permissions or copy it to a "
        "writable folder.",
        "Database {path} tidak bisa ditulis (berkas, foldernya atau disknya hanya-baca); "
        "transaksi ini TIDAK tersimpan. Perbaiki izinnya atau salin ke folder yang bisa ditulis.",
    ),
    sqlite3.SQLITE_NOTADB: _NOT_A_DATABASE,
    sqlite3.SQLITE_CORRUPT: _NOT_A_DATABASE,
    sqlite3.SQLITE_IOERR: (
        "The disk holding {path} reported an error (unplugged, failing or full); this "
        "transaction was NOT saved. Check the disk, then try again.",
        "Disk tempat {path} melaporkan galat (tercabut, rusak atau penuh); transaksi ini "
        "TIDAK tersimpan. Periksa disknya, lalu ulangi.",
    ),
    sqlite3.SQLITE_CANTOPEN: (
        "Cannot open the database {path}: its folder is missing or cannot be written.",
        "Database {path} tidak bisa dibuka: foldernya tidak ada atau tidak bisa ditulis.",
    ),
}


def translate(exc: sqlite3.Error, path: Path | str) -> Exception:
    """What to raise for ``exc``: a ``StoreError`` for a known condition, else ``exc`` itself.

    Sorted on ``sqlite_errorcode`` (Python 3.11+), never on the message text.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return exc
    texts = _KNOWN.get(code & 0xFF)
    if texts is None:
        return exc
    where = {"path": Path(path), "folder": Path(path).parent}
    return StoreError(
        en=texts[0].format(**where),
        id=texts[1].format(**where),
        code=getattr(exc, "sqlite_errorname", "") or "",
    )


class Cursor(sqlite3.Cursor):
    """A cursor whose statements and fetches raise ``StoreError`` for known conditions."""

    def execute(self, sql, parameters=(), /):
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise translate(exc, self.connection.location) from exc

    def executemany(self, sql, seq_of_parameters, /):
        try:
            return super().executemany(sql, seq_of_parameters)
        except sqlite3.Error as exc:
            raise translate(exc, self.connection.location) from exc

    def fetchone(self):
        try:
            return super().fetchone()
        except sqlite3.Error as exc:
            raise translate(exc, self.connection.location) from exc

    def fetchmany(self, size: int = 1):
        try:
            return super().fetchmany(size)
        except sqlite3.Error as exc:
            raise translate(exc, self.connection.location) from exc

    def fetchall(self):
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            raise translate(exc, self.connection.location) from exc

    def __next__(self):
        try:
            return super().__next__()
        except sqlite3.Error as exc:
            raise translate(exc, self.connection.location) from exc


class Connection(sqlite3.Connection):
    """The store's connection: every way in and out of SQLite goes through ``translate``.

    Attributes:
        location: the database file, for the messages.
    """

    def __init__(self, database, *args, **kwargs):
        super().__init__(database, *args, **kwargs)
        text = str(database)
        if text.startswith("file:"):  # a URI (read-only connections)
            text = unquote(urlsplit(text).path)
        self.location = Path(text)

    def cursor(self, factory=Cursor):
        return super().cursor(factory)

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, seq_of_parameters, /):
        return self.cursor().executemany(sql, seq_of_parameters)

    def executescript(self, script, /):
        try:
            return super().executescript(script)
        except sqlite3.Error as exc:
            raise translate(exc, self.location) from exc

    def commit(self):
        try:
            super().commit()
        except sqlite3.Error as exc:
            raise translate(exc, self.location) from exc

    def backup(self, target, **kwargs):
        try:
            super().backup(target, **kwargs)
        except sqlite3.Error as exc:
            raise translate(exc, self.location) from exc


def connect(path: Path | str, *, uri: bool = False, timeout: float = 10.0) -> Connection:
    """Open a ``Connection`` in autocommit mode (``BEGIN`` is always explicit)."""
    try:
        return sqlite3.connect(
            path,
            uri=uri,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
            factory=Connection,
        )
    except sqlite3.Error as exc:
        raise translate(exc, str(path)) from exc

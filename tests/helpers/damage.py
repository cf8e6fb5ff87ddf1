"""Damage a closed database file the way a failing disk or a yanked USB stick does."""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: An index only a void reads or writes: garbage there is invisible to selling, reports and
#: the window's start, so only ``PRAGMA quick_check`` can tell the file is damaged.
UNUSED_INDEX = "corrections_one_void"


def garble_page_of(path: Path, name: str = UNUSED_INDEX) -> int:
    """Overwrite the root page of the index or table ``name`` of the CLOSED file ``path``
    (checkpointed: nothing left in a ``-wal``) with garbage bytes; returns the page number.

    The file still opens and migrates (``sqlite_master`` is intact) and every statement
    that does not touch that b-tree still works, as on a real disk with one bad sector.
    """
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,))
        page = page.fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(bytes([0xA5]) * size)
    return page


def counts(path: Path) -> dict[str, int]:
    """Rows of the tables a sale or a correction writes, read behind the application."""
    tables = ("sales", "sale_lines", "payments", "stock_moves", "days", "journal", "corrections")
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()

"""The schema the migrations produce, and how a file's schema differs from it.

A file whose ``sqlite_master`` holds a table, view, index or trigger the migrations never
made, or one whose SQL text differs (a guard trigger rewritten ``... WHEN 0 ...``), is not
trustworthy: ``verify`` names the difference and ``restore`` refuses such a backup, so a
hostile trigger can never reach the live file.

The reference is built once per process by running every migration on an empty database in
memory; it is exactly what ``open_store`` makes of a new file, and what an old file becomes
step by step (the steps are the same code).
"""

from __future__ import annotations

import functools
import re

from booth_pos.store.door import connect

#: SQLite's own objects: indexes made for UNIQUE/PRIMARY KEY constraints (they follow their
#: table's SQL) and the statistics ``ANALYZE``/``PRAGMA optimize`` keep.
_OWN = re.compile(r"^sqlite_(autoindex_|stat\d)")

SchemaObject = tuple[str, str, str]  # (type, name, sql)


def objects_of(conn) -> dict[tuple[str, str], str]:
    """``(type, name) -> sql`` of every object in ``conn``'s main schema but SQLite's own."""
    rows = conn.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    return {(t, n): _normal(sql) for t, n, sql in rows if not _OWN.match(n)}


def _normal(sql: str) -> str:
    # ALTER TABLE rewrites the text it keeps; only runs of white space are left to chance.
    return " ".join(sql.split())


@functools.cache
def expected(version: int | None = None) -> dict[tuple[str, str], str]:
    """The schema of a database at ``version`` (default: the latest), built once, in memory."""
    import sqlite_utils

    from booth_pos.store.migrations import migrate

    conn = connect(":memory:")
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)
        migrate(db, upto=version, check_schema=False)
        return objects_of(conn)
    finally:
        conn.close()


def differences(conn, *, reference: dict[tuple[str, str], str] | None = None) -> list[str]:
    """What in ``conn``'s schema the migrations did not make, or made otherwise (English).

    Empty when the schema is exactly the expected one. Each item names the object:
    ``extra trigger x``, ``missing trigger y``, ``trigger z differs from Booth POS's``.
    """
    want = expected() if reference is None else reference
    have = objects_of(conn)
    out = []
    for key in sorted(set(have) | set(want)):
        kind, name = key
        if key not in want:
            out.append(f"extra {kind} {name}")
        elif key not in have:
            out.append(f"missing {kind} {name}")
        elif have[key] != want[key]:
            out.append(f"{kind} {name} differs from Booth POS's")
    return out

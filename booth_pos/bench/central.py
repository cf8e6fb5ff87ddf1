"""The central push against a bare copy of the same rows into PostgreSQL.

``ours``: ``services.central.push`` of a whole event file into a freshly initialised
database: reading the chains from SQLite, walking every hash, deriving the fact rows,
copying them through temporary tables and ``INSERT ... ON CONFLICT DO NOTHING`` into keyed,
indexed tables, in one transaction. ``bare``: the very same rows (computed beforehand, not
timed), ``COPY``ed in one transaction into tables with the same columns and no key, index
or constraint: the least PostgreSQL can do to take them. A throwaway cluster is started for
the run (``bench/postgres.py``); without a PostgreSQL server the figure is skipped.
"""

from __future__ import annotations

import statistics
import sys
import time
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

from booth_pos.bench.postgres import start_cluster
from booth_pos.store import open_store
from booth_pos.store.central import COLUMNS


def _types(conn: psycopg.Connection) -> dict[str, list[tuple[str, str]]]:
    """Each pushed table's columns and types, as the real schema has them."""
    out = {}
    for table, cols in COLUMNS.items():
        rows = dict(
            conn.execute(
                "SELECT column_name, format_type(atttypid, atttypmod) FROM "
                "information_schema.columns c JOIN pg_attribute a ON a.attname = c.column_name "
                "AND a.attrelid = c.table_name::regclass WHERE c.table_name = %s",
                (table,),
            ).fetchall()
        )
        out[table] = [(c, rows[c]) for c in cols]
    return out


def _fresh(cluster, template: str | None = None) -> str:
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        extra = sql.SQL(" TEMPLATE {}").format(sql.Identifier(template or "template1"))
        conn.execute(sql.SQL("CREATE DATABASE {}{}").format(sql.Identifier(name), extra))
    return name


def measure(db_path: Path, repeats: int) -> dict[str, float] | None:
    """Median seconds of ``ours`` and ``bare`` over ``repeats`` runs each; None when no
    PostgreSQL server is installed."""
    from booth_pos.services import central

    cluster = start_cluster()
    if cluster is None:
        return None
    try:
        template = _fresh(cluster)
        central.init(cluster.dsn(template))
        with psycopg.connect(cluster.dsn(template)) as conn:
            types = _types(conn)
        store = open_store(db_path, existing=True)
        try:
            rows = central.all_rows(store)
            ours, bare = [], []
            for _ in range(repeats):
                name = _fresh(cluster, template)
                started = time.perf_counter()
                central.push(store, cluster.dsn(name))
                ours.append(time.perf_counter() - started)
                with psycopg.connect(cluster.dsn(name)) as conn:
                    for table, cols in types.items():
                        conn.execute(
                            sql.SQL("CREATE TABLE {} ({})").format(
                                sql.Identifier(f"bare_{table}"),
                                sql.SQL(", ").join(
                                    sql.SQL("{} {}").format(sql.Identifier(c), sql.SQL(t))
                                    for c, t in cols
                                ),
                            )
                        )
                started = time.perf_counter()
                with psycopg.connect(cluster.dsn(name)) as conn, conn.cursor() as cur:
                    for table, cols in types.items():
                        copy_sql = sql.SQL("COPY {} ({}) FROM STDIN").format(
                            sql.Identifier(f"bare_{table}"),
                            sql.SQL(", ").join(sql.Identifier(c) for c, _t in cols),
                        )
                        with cur.copy(copy_sql) as copy:
                            for row in rows[table]:
                                copy.write_row(row)
                bare.append(time.perf_counter() - started)
            sales = sum(1 for r in rows["entries"] if r[6] == "sale")
        finally:
            store.close()
    finally:
        cluster.stop()
    return {"ours": statistics.median(ours), "bare": statistics.median(bare), "sales": sales}


def skipped(why: str) -> None:
    print(f"central_push: skipped ({why})", file=sys.stderr)

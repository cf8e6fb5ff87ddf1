"""Bundles between the tills of one stand, and what this file keeps of the other tills.

A **bundle** is one SQLite file (``booth-pos sync export``) with three tables:

- ``bundle_meta(key, value)``: ``format`` (1), ``stand_id``, ``till`` (who wrote it),
  ``main_till`` (the stand's main till as its writer knows it), ``exported_at``;
- ``bundle_entries``: chain entries, each with its ``till`` and ``chain`` (``journal`` or
  ``audit_log``): the writer's own chains and every other till's chain it had imported
  (so records travel on through the main till); ``seq``, ``at``, ``kind``, ``ref``,
  ``payload``, ``prev_hash``, ``hash`` exactly as in the till's file;
- ``bundle_artisans`` and ``bundle_products``: the catalogue, written only by the main till
  (JSON rows: every column but ``stock``, which is the sum of the moves).

The records (sales with lines and payments, corrections, days, payouts, stock notes, audit
entries) ARE the journal and audit payloads: they hold every stored figure, and each entry's
hash covers its payload and its predecessor's hash, so one amount flipped inside a bundle,
an entry deleted or the chain re-ordered is found by re-hashing (``services.sync``).

``Tills`` (``store.tills``) keeps what was imported: ``till_entries`` (every other till's
chains, entry for entry) and ``till_stock_moves`` (the stock moves read from them), both
append-only (migration 10).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from booth_pos.files import create_private
from booth_pos.store import Repository, StoreError
from booth_pos.store.door import connect
from booth_pos.store.journal import GENESIS, Entry

#: Bumped when the bundle's tables change; a till refuses a format it does not know.
BUNDLE_FORMAT = 1

_ARTISAN_COLS = ("code", "name", "owner", "phone", "commission_bp", "story", "active")
_PRODUCT_COLS = ("sku", "name", "artisan_code", "category", "price", "barcode", "image", "active")


@dataclass
class Bundle:
    """A bundle's content as read from (or to be written to) its file.

    Attributes:
        meta: ``format``, ``stand_id``, ``till``, ``main_till``, ``exported_at`` (text).
        entries: ``(till, chain, Entry)``; ``Entry.id`` is the entry's number in its till's
            chain.
        artisans, products: the catalogue (main till only; empty otherwise), column -> value.
    """

    meta: dict[str, str]
    entries: list[tuple[str, str, Entry]] = field(default_factory=list)
    artisans: list[dict] = field(default_factory=list)
    products: list[dict] = field(default_factory=list)


def write_bundle(path: str | os.PathLike, bundle: Bundle) -> None:
    """Write ``bundle`` to ``path``: a new SQLite file under a temporary name, then renamed,
    so a bundle is either whole or not there."""
    path = Path(path)
    if path.exists() and not _is_bundle(path):
        raise StoreError(
            en=f"{path} exists and is not a bundle (a database?): it was left as it was; "
            "choose a new file name",
            id=f"{path} sudah ada dan bukan bundel (database?): dibiarkan apa adanya; pilih "
            "nama file baru",
        )
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.unlink(missing_ok=True)
        create_private(tmp)
    except OSError as exc:
        raise StoreError(
            en=f"Cannot write the bundle {path}: {exc.strerror}",
            id=f"Bundel {path} tidak bisa ditulis: {exc.strerror}",
        ) from exc
    conn = connect(tmp)
    try:
        conn.execute("BEGIN")
        conn.execute("CREATE TABLE bundle_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute(
            "CREATE TABLE bundle_entries (till TEXT NOT NULL, chain TEXT NOT NULL, "
            "seq INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL, "
            "payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, "
            "PRIMARY KEY (till, chain, seq))"
        )
        conn.execute("CREATE TABLE bundle_artisans (row TEXT NOT NULL)")
        conn.execute("CREATE TABLE bundle_products (row TEXT NOT NULL)")
        conn.executemany("INSERT INTO bundle_meta VALUES (?, ?)", sorted(bundle.meta.items()))
        conn.executemany(
            "INSERT INTO bundle_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(till, chain, *e) for till, chain, e in bundle.entries],
        )
        for table, rows in (
            ("bundle_artisans", bundle.artisans),
            ("bundle_products", bundle.products),
        ):
            conn.executemany(
                f"INSERT INTO {table} VALUES (?)",
                [(json.dumps(r, sort_keys=True, ensure_ascii=False),) for r in rows],
            )
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise StoreError(
            en=f"Cannot write the bundle {path}: {exc}",
            id=f"Bundel {path} tidak bisa ditulis: {exc}",
        ) from exc
    conn.close()
    try:
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(
            en=f"Cannot write the bundle {path}: {exc.strerror}",
            id=f"Bundel {path} tidak bisa ditulis: {exc.strerror}",
        ) from exc


def _is_bundle(path: Path) -> bool:
    """Whether ``path`` is a bundle (so an export may replace it)."""
    try:
        read_bundle(path)
    except StoreError:
        return False
    return True


def _not_a_bundle(path: Path) -> StoreError:
    return StoreError(
        en=f"{path} is not a Booth POS bundle (made by 'booth-pos sync export'); nothing was "
        "imported",
        id=f"{path} bukan bundel Booth POS (dibuat dengan 'booth-pos sync export'); tidak ada "
        "yang diimpor",
    )


def read_bundle(path: str | os.PathLike) -> Bundle:
    """Read a bundle file (read-only; the file is never changed).

    Raises:
        StoreError: no such file, or not a bundle (another SQLite file, a damaged one, text).
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(
            en=f"No bundle at {path}; nothing was imported",
            id=f"Tidak ada bundel di {path}; tidak ada yang diimpor",
        )
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _not_a_bundle(path) from exc
    try:
        meta = dict(conn.execute("SELECT key, value FROM bundle_meta"))
        entries = [
            (r[0], r[1], Entry(*r[2:]))
            for r in conn.execute(
                "SELECT till, chain, seq, at, kind, ref, payload, prev_hash, hash "
                "FROM bundle_entries ORDER BY till, chain, rowid"
            )
        ]
        artisans = [json.loads(r[0]) for r in conn.execute("SELECT row FROM bundle_artisans")]
        products = [json.loads(r[0]) for r in conn.execute("SELECT row FROM bundle_products")]
    except (sqlite3.Error, ValueError) as exc:
        raise _not_a_bundle(path) from exc
    finally:
        conn.close()
    if not all(isinstance(r, dict) for r in (*artisans, *products)):
        raise _not_a_bundle(path)
    # A bundle edited by hand may hold a number as text or a NULL: it is not a bundle then
    # (comparing it would be a crash, not a refusal).
    if not all(isinstance(v, str) for v in (*meta, *meta.values())) or not all(
        type(t) is str and type(c) is str and type(e.id) is int
        and all(type(v) is str for v in e[1:])
        for t, c, e in entries
    ):  # fmt: skip
        raise _not_a_bundle(path)
    return Bundle(meta, entries, artisans, products)


class Tills(Repository):
    """What this file keeps of the stand's other tills (``till_entries``, ``till_stock_moves``)."""

    def tills(self) -> list[str]:
        """The codes of the other tills whose chains this file holds."""
        return [
            r[0] for r in self._conn.execute("SELECT DISTINCT till FROM till_entries ORDER BY till")
        ]

    def head(self, till: str, chain: str) -> tuple[int, str]:
        """(number, hash) of the last entry known of ``till``'s ``chain``; (0, GENESIS)."""
        row = self._conn.execute(
            "SELECT seq, hash FROM till_entries WHERE till = ? AND chain = ? "
            "ORDER BY seq DESC LIMIT 1",
            (till, chain),
        ).fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)

    def hashes(self, till: str, chain: str, first: int, last: int) -> dict[int, str]:
        """``seq -> hash`` of the known entries of ``till``'s ``chain`` numbered first..last."""
        return dict(
            self._conn.execute(
                "SELECT seq, hash FROM till_entries WHERE till = ? AND chain = ? "
                "AND seq BETWEEN ? AND ?",
                (till, chain, first, last),
            )
        )

    def entries(self, till: str, chain: str, after: int = 0) -> Iterator[Entry]:
        """The known entries of ``till``'s ``chain`` numbered above ``after``, in order."""
        for r in self._conn.execute(
            "SELECT seq, at, kind, ref, payload, prev_hash, hash FROM till_entries "
            "WHERE till = ? AND chain = ? AND seq > ? ORDER BY seq",
            (till, chain, after),
        ):
            yield Entry(*r)

    def add(self, till: str, chain: str, entries: Sequence[Entry]) -> None:
        """Keep new entries of another till's chain (caller holds the transaction)."""
        self._conn.executemany(
            "INSERT INTO till_entries(till, chain, seq, at, kind, ref, payload, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(till, chain, *e) for e in entries],
        )

    def add_moves(self, till: str, moves: Sequence[tuple[int, int, str, int, str, str]]) -> None:
        """Keep another till's stock moves ``(seq, line_no, sku, qty, kind, ref)`` and add
        them to the stock of the products this file knows (caller holds the transaction)."""
        self._conn.executemany(
            "INSERT INTO till_stock_moves(till, seq, line_no, sku, qty, kind, ref) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(till, *m) for m in moves],
        )
        # One update per product, not per move: a busy day is ~20,000 moves on ~1,000 SKUs.
        totals: dict[str, int] = {}
        for m in moves:
            totals[m[2]] = totals.get(m[2], 0) + m[3]
        self._conn.executemany(
            "UPDATE products SET stock = stock + ? WHERE sku = ?",
            [(qty, sku) for sku, qty in totals.items() if qty],
        )

    def moves(self, till: str) -> list[tuple[int, int, str, int, str, str]]:
        """``(seq, line_no, sku, qty, kind, ref)`` of ``till``'s stock moves, in order."""
        return [
            tuple(r)
            for r in self._conn.execute(
                "SELECT seq, line_no, sku, qty, kind, ref FROM till_stock_moves WHERE till = ? "
                "ORDER BY seq, line_no",
                (till,),
            )
        ]

    def move_totals(self) -> dict[str, int]:
        """Units per SKU moved by every other till (what they add to ``products.stock``)."""
        return dict(self._conn.execute("SELECT sku, sum(qty) FROM till_stock_moves GROUP BY sku"))

    def own_entries(self, chain: str, after: int = 0) -> list[Entry]:
        """This file's own ``journal`` or ``audit_log`` entries numbered above ``after``."""
        if chain not in ("journal", "audit_log"):
            raise ValueError(chain)
        cols = (
            "id, at, kind, ref, payload, prev_hash, hash"
            if chain == "journal"
            else "id, at, action, actor, detail, prev_hash, hash"
        )
        return [
            Entry(*r)
            for r in self._conn.execute(
                f"SELECT {cols} FROM {chain} WHERE id > ? ORDER BY id", (after,)
            )
        ]

    # -- the catalogue, as the main till sends it ----------------------------------------

    def catalogue(self) -> tuple[list[dict], list[dict]]:
        """Every artisan and product (all columns but ``stock``), by code and SKU."""
        artisans = [
            dict(zip(_ARTISAN_COLS, r, strict=True))
            for r in self._conn.execute(
                f"SELECT {', '.join(_ARTISAN_COLS)} FROM artisans ORDER BY code"
            )
        ]
        products = [
            dict(zip(_PRODUCT_COLS, r, strict=True))
            for r in self._conn.execute(
                f"SELECT {', '.join(_PRODUCT_COLS)} FROM products ORDER BY sku"
            )
        ]
        return artisans, products

    def apply_catalogue(self, artisans: Iterable[dict], products: Iterable[dict]) -> None:
        """Insert or update artisans and products as the main till has them; a new product
        starts at stock 0 (its stock comes from the moves). Caller holds the transaction."""
        set_a = ", ".join(f"{c} = excluded.{c}" for c in _ARTISAN_COLS[1:])
        try:
            self._conn.executemany(
                f"INSERT INTO artisans({', '.join(_ARTISAN_COLS)}) VALUES "
                f"({', '.join('?' * len(_ARTISAN_COLS))}) "
                f"ON CONFLICT(code) DO UPDATE SET {set_a}",
                [tuple(a[c] for c in _ARTISAN_COLS) for a in artisans],
            )
        except sqlite3.IntegrityError as exc:
            raise StoreError(
                en=f"The main till's catalogue is not valid ({exc}); nothing was imported",
                id=f"Katalog kasir utama tidak sah ({exc}); tidak ada yang diimpor",
            ) from exc
        set_p = ", ".join(f"{c} = excluded.{c}" for c in _PRODUCT_COLS[1:])
        try:
            self._conn.executemany(
                f"INSERT INTO products({', '.join(_PRODUCT_COLS)}, stock) VALUES "
                f"({', '.join('?' * len(_PRODUCT_COLS))}, 0) "
                f"ON CONFLICT(sku) DO UPDATE SET {set_p}",
                [tuple(p[c] for c in _PRODUCT_COLS) for p in products],
            )
        except sqlite3.IntegrityError as exc:  # a barcode of a product made on this till...
            raise StoreError(
                en=f"The main till's catalogue does not fit this till's products ({exc}); "
                "nothing was imported",
                id=f"Katalog kasir utama tidak cocok dengan produk kasir ini ({exc}); tidak "
                "ada yang diimpor",
            ) from exc

    # -- who this file is -----------------------------------------------------------------

    def is_blank(self) -> bool:
        """Nothing recorded yet: no artisan, product, day, sale, stock move, journal entry
        or other till's entry (a new till may still have had its settings set)."""
        return not self._conn.execute(
            "SELECT EXISTS (SELECT 1 FROM artisans) OR EXISTS (SELECT 1 FROM products) "
            "OR EXISTS (SELECT 1 FROM days) OR EXISTS (SELECT 1 FROM sales) "
            "OR EXISTS (SELECT 1 FROM stock_moves) OR EXISTS (SELECT 1 FROM journal) "
            "OR EXISTS (SELECT 1 FROM till_entries)"
        ).fetchone()[0]

    def adopt_stand(self, stand_id: str) -> None:
        """Become a till of the stand ``stand_id`` (only a blank file; caller checks)."""
        self._conn.execute(
            "UPDATE settings SET value = ? WHERE key = 'stand_id'", (json.dumps(stand_id),)
        )

    def export_marks(self) -> dict[str, int]:
        """How far each chain (``"T1 journal"``...) went in the last ``--since-last`` export."""
        row = self._conn.execute(
            "SELECT value FROM settings WHERE key = 'sync_exported'"
        ).fetchone()
        value = json.loads(row[0]) if row else {}
        return value if isinstance(value, dict) else {}

    def save_export_marks(self, marks: dict[str, int]) -> None:
        with self._store.atomic():
            self._conn.execute(
                "INSERT INTO settings(key, value) VALUES ('sync_exported', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (json.dumps(marks, sort_keys=True),),
            )

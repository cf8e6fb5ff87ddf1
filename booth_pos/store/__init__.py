"""The only code that knows table and column names.

``open_store(path)`` opens the stand's SQLite file with the durability the till promises
(WAL, ``synchronous=FULL``, foreign keys on), checks that SQLite really applied them, and
runs pending migrations. ``Store`` holds the repository methods the services call.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

import sqlite_utils

from booth_pos.clock import from_iso, to_iso
from booth_pos.model import (
    Artisan,
    Day,
    KnownError,
    Method,
    Payment,
    Product,
    Sale,
    SaleLine,
    Settings,
)
from booth_pos.store.journal import verification_code
from booth_pos.store.migrations import migrate


class StoreError(KnownError):
    """The database cannot be used (locked, unreadable, too new, wrong pragmas)."""


def default_db_path() -> Path:
    """``BOOTH_POS_DB`` if set, else ``booth.sqlite`` in the user data folder."""
    env = os.environ.get("BOOTH_POS_DB", "").strip()
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("booth-pos", appauthor=False)) / "booth.sqlite"


def open_store(path: str | os.PathLike) -> Store:
    """Open (creating if needed) the stand's database and migrate it to the latest schema."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        sync = conn.execute("PRAGMA synchronous").fetchone()[0]
        fks = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(
            en=f"Cannot open the database {path}: {exc}",
            id=f"Database {path} tidak bisa dibuka: {exc}",
        ) from exc
    if mode.lower() != "wal" or sync != 2 or fks != 1:
        conn.close()
        raise StoreError(
            en=f"The database {path} refused safe settings (journal={mode}, synchronous={sync}, "
            f"foreign_keys={fks}); use a local disk",
            id=f"Database {path} menolak pengaturan aman; gunakan disk lokal",
        )
    # No sqlite-utils plugins: scanning every installed package for them costs ~30 ms a start.
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        migrate(db)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(
            en=f"{path} is not a Booth POS database: {exc}",
            id=f"{path} bukan database Booth POS: {exc}",
        ) from exc
    return Store(db, path)


_SETTINGS_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


class Store:
    """Repository over one open database.

    Attributes:
        db: the sqlite_utils Database (autocommit connection; ``atomic()`` makes transactions).
        path: the file it lives in.
    """

    def __init__(self, db: sqlite_utils.Database, path: Path):
        self.db = db
        self.path = path
        self._settings: Settings | None = None

    def close(self) -> None:
        reader = self.__dict__.pop("_reader", None)  # the reports' second connection
        if reader is not None:
            reader.close()
        self.db.conn.close()

    def forget_cached(self) -> None:
        """Drop what was read from the file before its contents were replaced (a restore)."""
        self._settings = None

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction; nested blocks become savepoints. Leaving by an exception rolls back.

        The outermost block takes the write lock up front (``BEGIN IMMEDIATE``): a second
        process writing at the same moment makes this one wait (busy timeout) instead of
        failing half-way with "database is locked" after it has read.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
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

    def pragma(self, name: str):
        return self.db.execute(f"PRAGMA {name}").fetchone()[0]

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Relax durability for generating demo data; never used on the till's path."""
        self.db.execute("PRAGMA synchronous = OFF")
        try:
            yield
        finally:
            self.db.execute("PRAGMA synchronous = FULL")

    # -- settings -------------------------------------------------------------------------

    def settings(self) -> Settings:
        if self._settings is None:
            values = {}
            for key, raw in self.db.execute("SELECT key, value FROM settings"):
                if key in _SETTINGS_FIELDS:
                    value = json.loads(raw)
                    values[key] = tuple(value) if isinstance(value, list) else value
            self._settings = Settings(**values)
        return dataclasses.replace(self._settings)

    def save_settings(self, settings: Settings) -> None:
        with self.atomic():
            for name in _SETTINGS_FIELDS:
                value = getattr(settings, name)
                if isinstance(value, tuple):
                    value = list(value)
                self.db.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (name, json.dumps(value, ensure_ascii=False)),
                )
        self._settings = dataclasses.replace(settings)

    # -- artisans and products --------------------------------------------------------------

    def upsert_artisans(self, artisans: Iterable[Artisan]) -> None:
        self.db.conn.executemany(
            "INSERT INTO artisans(code, name, owner, phone, commission_bp, story) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
            "owner = excluded.owner, phone = excluded.phone, "
            "commission_bp = excluded.commission_bp, "
            "story = CASE WHEN excluded.story = '' THEN artisans.story ELSE excluded.story END",
            [(a.code, a.name, a.owner, a.phone, a.commission_bp, a.story) for a in artisans],
        )

    def set_artisan_story(self, code: str, story: str) -> None:
        self.db.execute("UPDATE artisans SET story = ? WHERE code = ?", (story, code))

    def artisans(self) -> list[Artisan]:
        rows = self.db.execute(
            "SELECT code, name, owner, phone, commission_bp, story FROM artisans ORDER BY code"
        )
        return [Artisan(*row) for row in rows]

    def artisan_codes(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT code FROM artisans")}

    _PRODUCT_COLS = "sku, name, artisan_code, category, price, stock, barcode, image"

    def upsert_products(self, products: Iterable[Product], at: datetime) -> None:
        """Insert or update products by SKU; stock given in a file is the count brought."""
        for p in products:
            old = self.db.execute("SELECT stock FROM products WHERE sku = ?", (p.sku,)).fetchone()
            self.db.execute(
                f"INSERT INTO products({self._PRODUCT_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(sku) DO UPDATE SET name = excluded.name, "
                "artisan_code = excluded.artisan_code, category = excluded.category, "
                "price = excluded.price, stock = excluded.stock, barcode = excluded.barcode",
                (p.sku, p.name, p.artisan_code, p.category, p.price, p.stock, p.barcode, p.image),
            )
            delta = p.stock - (old[0] if old else 0)
            if delta:
                self.db.execute(
                    "INSERT INTO stock_moves(sku, qty, kind, ref, at) "
                    "VALUES (?, ?, 'count', '', ?)",
                    (p.sku, delta, to_iso(at)),
                )

    def products(self) -> list[Product]:
        rows = self.db.execute(f"SELECT {self._PRODUCT_COLS} FROM products ORDER BY sku")
        return [Product(*row) for row in rows]

    def products_of(self, artisan_code: str, limit: int = 200) -> list[Product]:
        rows = self.db.execute(
            f"SELECT {self._PRODUCT_COLS} FROM products WHERE artisan_code = ? "
            "ORDER BY name LIMIT ?",
            (artisan_code, limit),
        )
        return [Product(*row) for row in rows]

    def product_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM products").fetchone()[0]

    def product_by_code(self, code: str) -> Product | None:
        """The product whose barcode or SKU is ``code`` (barcode first): two indexed lookups."""
        row = self.db.execute(
            f"SELECT {self._PRODUCT_COLS} FROM products WHERE barcode = ? "
            f"UNION ALL SELECT {self._PRODUCT_COLS} FROM products WHERE sku = ? LIMIT 1",
            (code, code),
        ).fetchone()
        if row is None and code != code.upper():  # "eco-01" typed by hand
            row = self.db.execute(
                f"SELECT {self._PRODUCT_COLS} FROM products WHERE sku = ?", (code.upper(),)
            ).fetchone()
        return Product(*row) if row else None

    def search_products(self, text: str, limit: int = 50) -> list[Product]:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.db.execute(
            f"SELECT {self._PRODUCT_COLS} FROM products "
            "WHERE name LIKE ? ESCAPE '\\' OR sku LIKE ? ESCAPE '\\' "
            "ORDER BY name LIMIT ?",
            (like, like, limit),
        )
        return [Product(*row) for row in rows]

    def barcodes_and_skus(self) -> dict[str, str]:
        """Barcode -> SKU of every product."""
        return dict(self.db.execute("SELECT barcode, sku FROM products"))

    def set_product_image(self, sku: str, image: str) -> None:
        self.db.execute("UPDATE products SET image = ? WHERE sku = ?", (image, sku))

    # -- business days ----------------------------------------------------------------------

    _DAY_COLS = "id, business_date, opened_at, opening_float, closed_at, counted, z_no"

    @staticmethod
    def _day(row) -> Day:
        return Day(
            id=row[0],
            business_date=date.fromisoformat(row[1]),
            opened_at=from_iso(row[2]),
            opening_float=row[3],
            closed_at=from_iso(row[4]) if row[4] else None,
            counted=row[5],
            z_no=row[6],
        )

    def open_day(self, till: str) -> Day | None:
        row = self.db.execute(
            f"SELECT {self._DAY_COLS} FROM days WHERE till = ? AND closed_at IS NULL", (till,)
        ).fetchone()
        return self._day(row) if row else None

    def last_day(self, till: str) -> Day | None:
        row = self.db.execute(
            f"SELECT {self._DAY_COLS} FROM days WHERE till = ? ORDER BY id DESC LIMIT 1", (till,)
        ).fetchone()
        return self._day(row) if row else None

    def days(self) -> list[Day]:
        rows = self.db.execute(f"SELECT {self._DAY_COLS} FROM days ORDER BY id")
        return [self._day(row) for row in rows]

    def day_by_date(self, business_date: date) -> list[Day]:
        rows = self.db.execute(
            f"SELECT {self._DAY_COLS} FROM days WHERE business_date = ? ORDER BY id",
            (business_date.isoformat(),),
        )
        return [self._day(row) for row in rows]

    def insert_day(self, till: str, business_date: date, opened_at: datetime, float_: int) -> Day:
        cur = self.db.execute(
            "INSERT INTO days(till, business_date, opened_at, opening_float) VALUES (?, ?, ?, ?)",
            (till, business_date.isoformat(), to_iso(opened_at), float_),
        )
        return self._day(
            self.db.execute(
                f"SELECT {self._DAY_COLS} FROM days WHERE id = ?", (cur.lastrowid,)
            ).fetchone()
        )

    def day(self, day_id: int) -> Day:
        row = self.db.execute(f"SELECT {self._DAY_COLS} FROM days WHERE id = ?", (day_id,))
        return self._day(row.fetchone())

    def cash_received(self, day_id: int) -> int:
        """Cash kept from the day's sales: tendered minus change."""
        return self.db.execute(
            "SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN sales s ON s.id = p.sale_id "
            "WHERE s.day_id = ? AND p.method = 'cash'",
            (day_id,),
        ).fetchone()[0]

    def close_day_row(self, day_id: int, closed_at: datetime, counted: int) -> int:
        """Mark a day closed with the next Z number; returns that number."""
        z_no = self.db.execute("SELECT coalesce(max(z_no), 0) + 1 FROM days").fetchone()[0]
        self.db.execute(
            "UPDATE days SET closed_at = ?, counted = ?, z_no = ? WHERE id = ? "
            "AND closed_at IS NULL",
            (to_iso(closed_at), counted, z_no, day_id),
        )
        return z_no

    # -- sales ------------------------------------------------------------------------------

    def sale_exists(self, sale_id: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM sales WHERE id = ?", (sale_id,)).fetchone() is not None
        )

    def next_receipt_seq(self, till: str) -> int:
        """Allocate the next receipt number of ``till``; call inside the sale's transaction."""
        self.db.execute(
            "INSERT INTO till_counters(till, last_seq) VALUES (?, 1) "
            "ON CONFLICT(till) DO UPDATE SET last_seq = last_seq + 1",
            (till,),
        )
        return self.db.execute(
            "SELECT last_seq FROM till_counters WHERE till = ?", (till,)
        ).fetchone()[0]

    def insert_sale(self, sale: Sale, seq: int) -> None:
        """Write a sale, its lines, payments and stock decrements (caller holds the transaction)."""
        conn = self.db.conn
        at = to_iso(sale.created_at)
        conn.execute(
            "INSERT INTO sales(id, receipt_no, till, seq, day_id, created_at, cashier, origin, "
            "lang, subtotal, discount, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sale.id,
                sale.receipt_no,
                sale.till,
                seq,
                sale.day_id,
                at,
                sale.cashier,
                sale.origin,
                sale.lang,
                sale.subtotal,
                sale.discount,
                sale.total,
            ),
        )
        conn.executemany(
            "INSERT INTO sale_lines(sale_id, line_no, sku, name, artisan_code, category, "
            "unit_price, qty, line_discount, sale_discount_share, net, day_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    sale.id,
                    ln.line_no,
                    ln.sku,
                    ln.name,
                    ln.artisan_code,
                    ln.category,
                    ln.unit_price,
                    ln.qty,
                    ln.line_discount,
                    ln.sale_discount_share,
                    ln.net,
                    sale.day_id,  # the reports' index (migration 2)
                )
                for ln in sale.lines
            ],
        )
        conn.executemany(
            "INSERT INTO payments(sale_id, seq, method, amount, tendered, reference, day_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (sale.id, i, str(p.method), p.amount, p.tendered, p.reference, sale.day_id)
                for i, p in enumerate(sale.payments, start=1)
            ],
        )
        conn.executemany(
            "UPDATE products SET stock = stock - ? WHERE sku = ?",
            [(ln.qty, ln.sku) for ln in sale.lines],
        )
        conn.executemany(
            "INSERT INTO stock_moves(sku, qty, kind, ref, at) VALUES (?, ?, 'sale', ?, ?)",
            [(ln.sku, -ln.qty, sale.receipt_no, at) for ln in sale.lines],
        )

    _SALE_COLS = (
        "s.id, s.receipt_no, s.till, s.day_id, d.business_date, s.created_at, s.cashier, "
        "s.origin, s.lang, s.subtotal, s.discount, s.total, "
        "(SELECT j.hash FROM journal j WHERE j.kind = 'sale' AND j.ref = s.receipt_no)"
    )

    def _sales(self, where: str, params: tuple) -> list[Sale]:
        rows = self.db.execute(
            f"SELECT {self._SALE_COLS} FROM sales s JOIN days d ON d.id = s.day_id "
            f"WHERE {where} ORDER BY s.till, s.seq",
            params,
        ).fetchall()
        sales = []
        for row in rows:
            lines = tuple(
                SaleLine(*r)
                for r in self.db.execute(
                    "SELECT line_no, sku, name, artisan_code, category, unit_price, qty, "
                    "line_discount, sale_discount_share FROM sale_lines WHERE sale_id = ? "
                    "ORDER BY line_no",
                    (row[0],),
                )
            )
            payments = tuple(
                Payment(Method(r[0]), r[1], r[2], r[3])
                for r in self.db.execute(
                    "SELECT method, amount, tendered, reference FROM payments WHERE sale_id = ? "
                    "ORDER BY seq",
                    (row[0],),
                )
            )
            sales.append(
                Sale(
                    id=row[0],
                    receipt_no=row[1],
                    till=row[2],
                    day_id=row[3],
                    business_date=date.fromisoformat(row[4]),
                    created_at=from_iso(row[5]),
                    cashier=row[6],
                    origin=row[7],
                    lang=row[8],
                    lines=lines,
                    payments=payments,
                    subtotal=row[9],
                    discount=row[10],
                    total=row[11],
                    verification=verification_code(row[12] or ""),
                )
            )
        return sales

    def sale(self, key: str) -> Sale | None:
        """A sale by its id or receipt number."""
        found = self._sales("s.id = ? OR s.receipt_no = ?", (key, key))
        return found[0] if found else None

    def recent_sales(self, limit: int = 200, text: str = "") -> list[tuple]:
        """Receipt rows for the history list: (receipt_no, created_at, cashier, items, total)."""
        like = f"%{text}%"
        return self.db.execute(
            "SELECT s.receipt_no, s.created_at, s.cashier, "
            "(SELECT sum(qty) FROM sale_lines l WHERE l.sale_id = s.id), s.total "
            "FROM sales s WHERE s.receipt_no LIKE ? ORDER BY s.created_at DESC, s.seq DESC "
            "LIMIT ?",
            (like, limit),
        ).fetchall()

    def sale_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM sales").fetchone()[0]

    # -- parked carts -------------------------------------------------------------------------

    def park(self, cart_id: str, at: datetime, label: str, data: str) -> None:
        self.db.execute(
            "INSERT INTO parked_carts(id, parked_at, label, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET parked_at = excluded.parked_at, "
            "label = excluded.label, data = excluded.data",
            (cart_id, to_iso(at), label, data),
        )

    def parked(self) -> list[tuple[str, datetime, str, str]]:
        return [
            (row[0], from_iso(row[1]), row[2], row[3])
            for row in self.db.execute(
                "SELECT id, parked_at, label, data FROM parked_carts ORDER BY parked_at"
            )
        ]

    def unpark(self, cart_id: str) -> str | None:
        with self.atomic():
            row = self.db.execute(
                "SELECT data FROM parked_carts WHERE id = ?", (cart_id,)
            ).fetchone()
            self.db.execute("DELETE FROM parked_carts WHERE id = ?", (cart_id,))
        return row[0] if row else None

"""Artisans and their products."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from booth_pos.model import Artisan, NoteKind, NoteLine, Product
from booth_pos.store import Repository

_PRODUCT_COLS = "sku, name, artisan_code, category, price, stock, barcode, image, active"


def _product(row) -> Product:
    """A product from its row (``active`` is stored as 0 or 1)."""
    return Product(*row[:8], bool(row[8]))


class Artisans(Repository):
    """The stand's artisans (IKM), by code."""

    def upsert(self, artisans: Iterable[Artisan]) -> None:
        """Insert or update by code; an empty story keeps the one stored."""
        self._conn.executemany(
            "INSERT INTO artisans(code, name, owner, phone, commission_bp, story) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
            "owner = excluded.owner, phone = excluded.phone, "
            "commission_bp = excluded.commission_bp, "
            "story = CASE WHEN excluded.story = '' THEN artisans.story ELSE excluded.story END",
            [(a.code, a.name, a.owner, a.phone, a.commission_bp, a.story) for a in artisans],
        )

    def set_story(self, code: str, story: str) -> None:
        self._conn.execute("UPDATE artisans SET story = ? WHERE code = ?", (story, code))

    def commission_rates(self) -> dict[str, int]:
        """Each artisan's commission in force now (basis points), by code."""
        return dict(self._conn.execute("SELECT code, commission_bp FROM artisans"))

    def all(self) -> list[Artisan]:
        rows = self._conn.execute(
            "SELECT code, name, owner, phone, commission_bp, story, active FROM artisans "
            "ORDER BY code"
        )
        return [Artisan(*row[:6], bool(row[6])) for row in rows]

    def set_active(self, code: str, active: bool) -> None:
        self._conn.execute("UPDATE artisans SET active = ? WHERE code = ?", (int(active), code))

    def is_active(self, code: str) -> bool:
        """Whether ``code`` is an active artisan (an unknown code is not)."""
        row = self._conn.execute("SELECT active FROM artisans WHERE code = ?", (code,)).fetchone()
        return bool(row and row[0])

    def codes(self) -> set[str]:
        return {row[0] for row in self._conn.execute("SELECT code FROM artisans")}


class Products(Repository):
    """The goods on sale, by SKU, with their barcode and stock."""

    def upsert(self, products: Iterable[Product], at: datetime, *, staff: str = "") -> str | None:
        """Insert or update products by SKU, in one transaction (the caller's, if it holds
        one); the stock given in a file is the count brought.

        A product's stock is never set in place: the difference from the stock on hand is
        a move of one import note ``IM-0001`` for the whole call, journaled (see
        ``store.stock``). Returns the note's number, None when no stock changed.
        """
        with self._store.atomic():
            return self._upsert(products, at, staff)

    def _upsert(self, products: Iterable[Product], at: datetime, staff: str) -> str | None:
        conn = self._conn
        moves = []
        for p in products:
            old = conn.execute("SELECT stock FROM products WHERE sku = ?", (p.sku,)).fetchone()
            conn.execute(
                "INSERT INTO products(sku, name, artisan_code, category, price, stock, barcode, "
                "image) VALUES (?, ?, ?, ?, ?, 0, ?, ?) "
                "ON CONFLICT(sku) DO UPDATE SET name = excluded.name, "
                "artisan_code = excluded.artisan_code, category = excluded.category, "
                "price = excluded.price, barcode = excluded.barcode",
                (p.sku, p.name, p.artisan_code, p.category, p.price, p.barcode, p.image),
            )
            delta = p.stock - (old[0] if old else 0)
            if delta:
                moves.append(NoteLine(p.sku, p.name, delta, p.price))
        if not moves:
            return None
        return self._store.stock.record(NoteKind.IMPORT, moves, at, staff=staff).number

    def all(self) -> list[Product]:
        rows = self._conn.execute(f"SELECT {_PRODUCT_COLS} FROM products ORDER BY sku")
        return [_product(row) for row in rows]

    def of_artisan(self, artisan_code: str, limit: int = 200) -> list[Product]:
        rows = self._conn.execute(
            f"SELECT {_PRODUCT_COLS} FROM products WHERE artisan_code = ? AND active = 1 "
            "ORDER BY name LIMIT ?",
            (artisan_code, limit),
        )
        return [_product(row) for row in rows]

    def count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM products").fetchone()[0]

    def by_sku(self, sku: str) -> Product | None:
        """The product with exactly this SKU."""
        row = self._conn.execute(
            f"SELECT {_PRODUCT_COLS} FROM products WHERE sku = ?", (sku,)
        ).fetchone()
        return _product(row) if row else None

    def by_code(self, code: str) -> Product | None:
        """The product whose barcode or SKU is ``code`` (barcode first): two indexed lookups."""
        conn = self._conn
        row = conn.execute(
            f"SELECT {_PRODUCT_COLS} FROM products WHERE barcode = ? "
            f"UNION ALL SELECT {_PRODUCT_COLS} FROM products WHERE sku = ? LIMIT 1",
            (code, code),
        ).fetchone()
        if row is None and code != code.upper():  # "eco-01" typed by hand
            row = conn.execute(
                f"SELECT {_PRODUCT_COLS} FROM products WHERE sku = ?", (code.upper(),)
            ).fetchone()
        return _product(row) if row else None

    def search(self, text: str, limit: int = 50) -> list[Product]:
        """Products whose name or SKU contains ``text`` (LIKE, with its wildcards escaped)."""
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._conn.execute(
            f"SELECT {_PRODUCT_COLS} FROM products "
            "WHERE name LIKE ? ESCAPE '\\' OR sku LIKE ? ESCAPE '\\' "
            "ORDER BY name LIMIT ?",
            (like, like, limit),
        )
        return [_product(row) for row in rows]

    def barcodes(self) -> dict[str, str]:
        """Barcode -> SKU of every product."""
        return dict(self._conn.execute("SELECT barcode, sku FROM products"))

    def names(self) -> dict[str, str]:
        """SKU -> current product name."""
        return dict(self._conn.execute("SELECT sku, name FROM products"))

    def set_active(self, sku: str, active: bool) -> None:
        self._conn.execute("UPDATE products SET active = ? WHERE sku = ?", (int(active), sku))

    def set_image(self, sku: str, image: str) -> None:
        self._conn.execute("UPDATE products SET image = ? WHERE sku = ?", (image, sku))

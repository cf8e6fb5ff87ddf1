"""Sales with their lines and payments, and the carts parked at the till."""

from __future__ import annotations

from datetime import date, datetime

from booth_pos.clock import from_iso, to_iso
from booth_pos.model import OPEN_PRICE_SKU, Method, Payment, Sale, SaleLine, SaleReference
from booth_pos.store import Repository
from booth_pos.store.journal import verification_code
from booth_pos.store.rows import LineRow, PaymentRow, SaleRow, columns, sale_rows, values

_SALE_INSERT = (
    f"INSERT INTO sales({columns(SaleRow)}) VALUES ({', '.join('?' * (len(SaleRow._fields) - 1))})"
)
_LINE_INSERT = (
    f"INSERT INTO sale_lines({columns(LineRow)}) VALUES ({', '.join('?' * len(LineRow._fields))})"
)
_PAYMENT_INSERT = (
    f"INSERT INTO payments({columns(PaymentRow)}) "
    f"VALUES ({', '.join('?' * len(PaymentRow._fields))})"
)
_SALE_COLS = (
    "s.id, s.receipt_no, s.till, s.day_id, d.business_date, s.created_at, s.cashier, "
    "s.origin, s.lang, s.subtotal, s.discount, s.total, "
    "(SELECT j.hash FROM journal j WHERE j.kind = 'sale' AND j.ref = s.receipt_no), "
    "r.currency, r.rate, r.amount, "
    # A sale after migration 11 without a row showed no reference; one before kept none.
    "s.rowid > (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'references_from')"
)


class Sales(Repository):
    """Committed sales: written once, never updated (triggers refuse it)."""

    def exists(self, sale_id: str) -> bool:
        return (
            self._conn.execute("SELECT 1 FROM sales WHERE id = ?", (sale_id,)).fetchone()
            is not None
        )

    def last_event_at(self) -> datetime | None:
        """The time of the journal's last entry (sale, day, correction), or None if empty.

        One seek on the journal's key: a new money event is never dated before it
        (``services.timeline``).
        """
        row = self._conn.execute("SELECT at FROM journal ORDER BY id DESC LIMIT 1").fetchone()
        return from_iso(row[0]) if row else None

    def next_seq(self, till: str) -> int:
        """Allocate the next receipt number of ``till``; call inside the sale's transaction."""
        self._conn.execute(
            "INSERT INTO till_counters(till, last_seq) VALUES (?, 1) "
            "ON CONFLICT(till) DO UPDATE SET last_seq = last_seq + 1",
            (till,),
        )
        return self._conn.execute(
            "SELECT last_seq FROM till_counters WHERE till = ?", (till,)
        ).fetchone()[0]

    def insert(self, sale: Sale, seq: int) -> None:
        """Write a sale, its lines, payments and stock decrements (caller holds the transaction).

        Open-price lines (``sku`` ``OPEN_PRICE_SKU``) have no product: no stock decrement and
        no stock move (``stock_moves.sku`` references ``products``).

        The rows are ``rows.sale_rows(sale, seq)``: the same the journal entry is built from.
        """
        conn = self._conn
        head, lines, payments = sale_rows(sale, seq)
        conn.execute(_SALE_INSERT, values(head))
        conn.executemany(_LINE_INSERT, [tuple(ln) for ln in lines])
        conn.executemany(_PAYMENT_INSERT, [tuple(p) for p in payments])
        if sale.reference:  # what the customer was shown (migration 11); none: no row
            ref = sale.reference
            conn.execute(
                "INSERT INTO sale_references(sale_id, currency, rate, amount) VALUES (?, ?, ?, ?)",
                (sale.id, ref.currency, ref.rate, ref.amount),
            )
        goods = [ln for ln in lines if ln.sku != OPEN_PRICE_SKU]  # open-price: no product
        conn.executemany(
            "UPDATE products SET stock = stock - ? WHERE sku = ?",
            [(ln.qty, ln.sku) for ln in goods],
        )
        conn.executemany(
            "INSERT INTO stock_moves(sku, qty, kind, ref, at) VALUES (?, ?, 'sale', ?, ?)",
            [(ln.sku, -ln.qty, sale.receipt_no, head.created_at) for ln in goods],
        )

    def _sales(self, where: str, params: tuple) -> list[Sale]:
        conn = self._conn
        rows = conn.execute(
            f"SELECT {_SALE_COLS} FROM sales s JOIN days d ON d.id = s.day_id "
            "LEFT JOIN sale_references r ON r.sale_id = s.id "
            f"WHERE {where} ORDER BY s.till, s.seq",
            params,
        ).fetchall()
        sales = []
        for row in rows:
            lines = tuple(
                SaleLine(*r)
                for r in conn.execute(
                    "SELECT line_no, sku, name, artisan_code, category, unit_price, qty, "
                    "line_discount, sale_discount_share, commission_bp FROM sale_lines "
                    "WHERE sale_id = ? ORDER BY line_no",
                    (row[0],),
                )
            )
            payments = tuple(
                Payment(Method(r[0]), r[1], r[2], r[3])
                for r in conn.execute(
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
                    reference=(
                        SaleReference(*row[13:16])
                        if row[13] is not None
                        else SaleReference() if row[16] else None
                    ),
                )
            )
        return sales

    def get(self, key: str) -> Sale | None:
        """A sale by its id or receipt number."""
        found = self._sales("s.id = ? OR s.receipt_no = ?", (key, key))
        return found[0] if found else None

    def recent(self, limit: int = 200, text: str = "") -> list[tuple]:
        """Receipt rows for the history list: (receipt_no, created_at, cashier, items, total)."""
        like = f"%{text}%"
        return self._conn.execute(
            "SELECT s.receipt_no, s.created_at, s.cashier, "
            "(SELECT sum(qty) FROM sale_lines l WHERE l.sale_id = s.id), s.total "
            "FROM sales s WHERE s.receipt_no LIKE ? ORDER BY s.created_at DESC, s.seq DESC "
            "LIMIT ?",
            (like, limit),
        ).fetchall()

    def count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM sales").fetchone()[0]


class Parked(Repository):
    """Carts put aside at the till (a customer fetching money), as JSON."""

    def add(self, cart_id: str, at: datetime, label: str, data: str) -> None:
        self._conn.execute(
            "INSERT INTO parked_carts(id, parked_at, label, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET parked_at = excluded.parked_at, "
            "label = excluded.label, data = excluded.data",
            (cart_id, to_iso(at), label, data),
        )

    def all(self) -> list[tuple[str, datetime, str, str]]:
        return [
            (row[0], from_iso(row[1]), row[2], row[3])
            for row in self._conn.execute(
                "SELECT id, parked_at, label, data FROM parked_carts ORDER BY parked_at"
            )
        ]

    def take(self, cart_id: str) -> str | None:
        """Remove a parked cart and return its JSON (None if it was not parked)."""
        with self._store.atomic():
            row = self._conn.execute(
                "SELECT data FROM parked_carts WHERE id = ?", (cart_id,)
            ).fetchone()
            self._conn.execute("DELETE FROM parked_carts WHERE id = ?", (cart_id,))
        return row[0] if row else None

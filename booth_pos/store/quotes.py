"""Wholesale terms, buyers, quotations and orders (issue 17, migration 12): their SQL."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

from booth_pos.model.wholesale import (
    Buyer,
    Order,
    OrderLine,
    OrderStatus,
    Quote,
    QuoteLine,
    QuoteStatus,
    Tier,
    Wholesale,
)
from booth_pos.store import Repository

_BUYER_COLS = "name, company, country, contact, lang, currency, id"
_QUOTE_COLS = "number, buyer_id, currency, rate, lang, created_at, valid_until, status"


class WholesaleTerms(Repository):
    """Each product's tiers, MOQ and lead time; each artisan's lead time."""

    def of(self, sku: str) -> Wholesale:
        row = self._conn.execute(
            "SELECT tiers, moq, lead_days, hs_code FROM wholesale WHERE sku = ?", (sku,)
        ).fetchone()
        if row is None:
            return Wholesale()
        return Wholesale(tuple(Tier(a, b) for a, b in json.loads(row[0])), *row[1:])

    def all(self) -> dict[str, Wholesale]:
        return {
            sku: Wholesale(tuple(Tier(a, b) for a, b in json.loads(tiers)), moq, lead, hs)
            for sku, tiers, moq, lead, hs in self._conn.execute(
                "SELECT sku, tiers, moq, lead_days, hs_code FROM wholesale"
            )
        }

    def save(self, items: Iterable[tuple[str, Wholesale]]) -> None:
        """Write each product's terms (caller holds the transaction)."""
        self._conn.executemany(
            "INSERT INTO wholesale(sku, tiers, moq, lead_days, hs_code) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(sku) DO UPDATE SET tiers = excluded.tiers, moq = excluded.moq, "
            "lead_days = excluded.lead_days, hs_code = excluded.hs_code",
            [
                (
                    sku,
                    json.dumps([[t.min_qty, t.unit_price] for t in w.tiers]),
                    w.moq,
                    w.lead_days,
                    w.hs_code,
                )
                for sku, w in items
            ],  # fmt: skip
        )

    def artisan_lead_days(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT artisan_code, lead_days FROM artisan_lead_days"))

    def set_artisan_lead_days(self, code: str, days: int) -> None:
        self._conn.execute(
            "INSERT INTO artisan_lead_days(artisan_code, lead_days) VALUES (?, ?) "
            "ON CONFLICT(artisan_code) DO UPDATE SET lead_days = excluded.lead_days",
            (code, days),
        )


class Quotes(Repository):
    """Buyers, quotes ``Q-0001`` and orders ``PO-0001``."""

    # -- buyers --
    def buyer(self, buyer_id: int) -> Buyer:
        row = self._conn.execute(
            f"SELECT {_BUYER_COLS} FROM buyers WHERE id = ?", (buyer_id,)
        ).fetchone()
        return Buyer(*row)

    def save_buyer(self, buyer: Buyer) -> Buyer:
        """The buyer of that name and company, updated with what is given, or a new one."""
        row = self._conn.execute(
            "SELECT id FROM buyers WHERE name = ? AND company = ?", (buyer.name, buyer.company)
        ).fetchone()
        if row is None:
            cur = self._conn.execute(
                "INSERT INTO buyers(name, company, country, contact, lang, currency) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (buyer.name, buyer.company, buyer.country, buyer.contact, buyer.lang,
                 buyer.currency),
            )  # fmt: skip
            return self.buyer(cur.lastrowid)
        self._conn.execute(
            "UPDATE buyers SET country = ?, contact = ?, lang = ?, currency = ? WHERE id = ?",
            (buyer.country, buyer.contact, buyer.lang, buyer.currency, row[0]),
        )
        return self.buyer(row[0])

    # -- quotes --
    def next_quote_seq(self) -> int:
        return self._conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM quotes").fetchone()[0]

    def insert_quote(self, quote: Quote, seq: int) -> None:
        self._conn.execute(
            f"INSERT INTO quotes({_QUOTE_COLS}, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (quote.number, quote.buyer.id, quote.currency, quote.rate, quote.lang,
             quote.created_at, quote.valid_until.isoformat(), quote.status.value, seq),
        )  # fmt: skip
        self._write_lines(quote.number, quote.lines)

    def update_quote(self, quote: Quote) -> None:
        """Rewrite an open quote's header and lines (caller holds the transaction)."""
        self._conn.execute(
            "UPDATE quotes SET buyer_id = ?, currency = ?, rate = ?, lang = ?, valid_until = ?, "
            "status = ? WHERE number = ?",
            (quote.buyer.id, quote.currency, quote.rate, quote.lang,
             quote.valid_until.isoformat(), quote.status.value, quote.number),
        )  # fmt: skip
        self._conn.execute("DELETE FROM quote_lines WHERE quote_no = ?", (quote.number,))
        self._write_lines(quote.number, quote.lines)

    def set_status(self, number: str, status: QuoteStatus) -> None:
        self._conn.execute("UPDATE quotes SET status = ? WHERE number = ?", (status, number))

    def _write_lines(self, number: str, lines: Sequence[QuoteLine]) -> None:
        self._conn.executemany(
            "INSERT INTO quote_lines(quote_no, line_no, sku, name, artisan_code, qty, "
            "unit_price, lead_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (number, i, ln.sku, ln.name, ln.artisan_code, ln.qty, ln.unit_price, ln.lead_days)
                for i, ln in enumerate(lines, start=1)
            ],
        )

    def quote(self, number: str) -> Quote | None:
        row = self._conn.execute(
            f"SELECT {_QUOTE_COLS} FROM quotes WHERE number = ?", (number,)
        ).fetchone()
        if row is None:
            return None
        return self._quote(row)

    def _quote(self, row) -> Quote:
        from booth_pos.clock import from_iso, local_date

        number, buyer_id, currency, rate, lang, created_at, valid_until, status = row
        lines = tuple(
            QuoteLine(*r)
            for r in self._conn.execute(
                "SELECT sku, name, artisan_code, qty, unit_price, lead_days FROM quote_lines "
                "WHERE quote_no = ? ORDER BY line_no",
                (number,),
            )
        )
        tz = self._store.settings().timezone
        return Quote(
            number=number,
            buyer=self.buyer(buyer_id),
            currency=currency,
            rate=rate,
            lang=lang,
            created_at=created_at,
            created_on=local_date(from_iso(created_at), tz),
            valid_until=date.fromisoformat(valid_until),
            status=QuoteStatus(status),
            lines=lines,
        )

    def quotes(self, limit: int = 500) -> list[Quote]:
        rows = self._conn.execute(
            f"SELECT {_QUOTE_COLS} FROM quotes ORDER BY seq DESC LIMIT ?", (limit,)
        ).fetchall()
        return [self._quote(r) for r in rows]

    # -- orders --
    def next_order_seq(self) -> int:
        return self._conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM orders").fetchone()[0]

    def insert_order(self, order: Order, seq: int) -> None:
        self._conn.execute(
            "INSERT INTO orders(number, seq, quote_no, created_at, due_date, status) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (order.number, seq, order.quote_no, order.created_at, order.due_date.isoformat(),
             order.status.value),
        )  # fmt: skip
        self._conn.executemany(
            "INSERT INTO order_lines(order_no, line_no, sku, name, artisan_code, qty, "
            "unit_price, reserved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (order.number, ln.line_no, ln.sku, ln.name, ln.artisan_code, ln.qty,
                 ln.unit_price, ln.reserved)
                for ln in order.lines
            ],
        )  # fmt: skip

    def move_stock(self, sku: str, qty: int, kind: str, ref: str, at: str, unit_price: int) -> None:
        """A ``reserved`` (negative) or ``unreserved`` (positive) move of an order's goods,
        and the product's stock with it (caller holds the transaction and journals it)."""
        self._conn.execute(
            "INSERT INTO stock_moves(sku, qty, kind, ref, at, unit_price) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (sku, qty, kind, ref, at, unit_price),
        )
        self._conn.execute("UPDATE products SET stock = stock + ? WHERE sku = ?", (qty, sku))

    def drawer_rows(self) -> list[tuple[int, int]]:
        """``(day_id, amount)``: each day's drawer cash of orders (see ``drawer_cash``)."""
        return self._conn.execute(
            "SELECT day_id, sum(CASE kind WHEN 'deposit' THEN amount ELSE -amount END) "
            "FROM order_money WHERE method = 'cash' AND day_id IS NOT NULL GROUP BY day_id"
        ).fetchall()

    def set_reserved(self, order_no: str, line_no: int, reserved: int) -> None:
        self._conn.execute(
            "UPDATE order_lines SET reserved = ? WHERE order_no = ? AND line_no = ?",
            (reserved, order_no, line_no),
        )

    def set_order_status(self, number: str, status: OrderStatus) -> None:
        self._conn.execute("UPDATE orders SET status = ? WHERE number = ?", (status, number))

    def add_money(
        self, order_no: str, kind: str, method: str, amount: int, day_id: int | None, at: str,
        reference: str = "", supervisor: str = "",
    ) -> int:  # fmt: skip
        cur = self._conn.execute(
            "INSERT INTO order_money(order_no, kind, method, amount, day_id, created_at, "
            "reference, supervisor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (order_no, kind, method, amount, day_id, at, reference, supervisor),
        )
        return cur.lastrowid

    def money(self, order_no: str) -> list[tuple]:
        """``(kind, method, amount, day_id, created_at, reference, supervisor)`` rows."""
        return self._conn.execute(
            "SELECT kind, method, amount, day_id, created_at, reference, supervisor "
            "FROM order_money WHERE order_no = ? ORDER BY id",
            (order_no,),
        ).fetchall()

    def drawer_cash(self, day_id: int) -> int:
        """Cash deposits a day's drawer received, less the deposits refunded from it and the
        cash deposits applied to that day's delivery sales (their payments count them)."""
        row = self._conn.execute(
            "SELECT coalesce(sum(CASE kind WHEN 'deposit' THEN amount ELSE -amount END), 0) "
            "FROM order_money WHERE day_id = ? AND method = 'cash'",
            (day_id,),
        ).fetchone()
        return row[0]

    def add_delivery(self, order_no: str, sale_id: str, at: str) -> int:
        seq = self._conn.execute(
            "SELECT coalesce(max(seq), 0) + 1 FROM order_deliveries WHERE order_no = ?",
            (order_no,),
        ).fetchone()[0]
        self._conn.execute(
            "INSERT INTO order_deliveries(order_no, seq, sale_id, created_at) VALUES (?, ?, ?, ?)",
            (order_no, seq, sale_id, at),
        )
        return seq

    def delivery_sales(self, order_no: str) -> list[str]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT sale_id FROM order_deliveries WHERE order_no = ? ORDER BY seq",
                (order_no,),
            )
        ]

    def order_of_quote(self, quote_no: str) -> str | None:
        row = self._conn.execute(
            "SELECT number FROM orders WHERE quote_no = ?", (quote_no,)
        ).fetchone()
        return row[0] if row else None

    def order_numbers(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT number FROM orders ORDER BY seq DESC")]

    def order(self, number: str) -> Order | None:
        row = self._conn.execute(
            "SELECT number, quote_no, created_at, due_date, status FROM orders WHERE number = ?",
            (number,),
        ).fetchone()
        if row is None:
            return None
        delivered: dict[str, int] = {}
        for sale_id in self.delivery_sales(number):
            for sku, qty in self._conn.execute(
                "SELECT sku, sum(qty) FROM sale_lines WHERE sale_id = ? GROUP BY sku", (sale_id,)
            ):
                delivered[sku] = delivered.get(sku, 0) + qty
        lines = []
        for r in self._conn.execute(
            "SELECT line_no, sku, name, artisan_code, qty, unit_price, reserved "
            "FROM order_lines WHERE order_no = ? ORDER BY line_no",
            (number,),
        ):
            line = OrderLine(*r)
            # Deliveries fill the order's lines of a SKU in line order.
            done = min(delivered.get(line.sku, 0), line.qty)
            delivered[line.sku] = delivered.get(line.sku, 0) - done
            lines.append(OrderLine(*r, delivered=done))
        deposit = applied = 0
        for kind, _method, amount, *_ in self.money(number):
            if kind == "deposit":
                deposit += amount
            elif kind == "refund":
                deposit -= amount
            else:
                applied += amount
        paid = (
            self._conn.execute(
                "SELECT coalesce(sum(s.total), 0) FROM order_deliveries d "
                "JOIN sales s ON s.id = d.sale_id WHERE d.order_no = ?",
                (number,),
            ).fetchone()[0]
            - applied
        )
        from booth_pos.clock import from_iso, local_date

        return Order(
            number=row[0],
            quote_no=row[1],
            created_at=row[2],
            created_on=local_date(from_iso(row[2]), self._store.settings().timezone),
            due_date=date.fromisoformat(row[3]),
            status=OrderStatus(row[4]),
            lines=tuple(lines),
            deposit=deposit,
            paid=paid,
            applied=applied,
        )

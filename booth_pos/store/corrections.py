"""Voids, refunds and supervisor approvals: rows that point at a sale and never change it.

A correction is one ``corrections`` row with its ``refund_lines`` (units and money per sale
line) and ``refund_payments`` (money paid back per method). ``day_id`` on all three is the
business day the correction was MADE, which is the shape ``store/reports.py`` reads for the
refunds column, payments net of refunds and expected cash. Triggers from the migration refuse
updates and deletes, and refuse a refund line that would give back more units than were sold.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from booth_pos.clock import from_iso, to_iso
from booth_pos.model import Approval, Correction, Method, RefundLine, RefundPayment
from booth_pos.store import Repository
from booth_pos.store.rows import correction_rows

_COLS = (
    "c.id, c.kind, c.number, c.till, c.sale_id, s.receipt_no, c.day_id, d.business_date, "
    "c.created_at, c.cashier, c.supervisor, c.reason, s.lang"
)


class Approvals(Repository):
    """Supervisor approvals of price overrides and big discounts, and the sales that used them."""

    def insert(self, approval: Approval) -> None:
        self._conn.execute(
            "INSERT INTO approvals(id, kind, cart_id, supervisor, cashier, reason, terms, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                approval.id,
                approval.kind,
                approval.cart_id,
                approval.supervisor,
                approval.cashier,
                approval.reason,
                approval.terms,
                to_iso(approval.at),
            ),
        )

    def get_many(self, ids: Iterable[str]) -> list[Approval]:
        """The stored approvals among ``ids`` (unknown ids are simply absent)."""
        ids = [i for i in dict.fromkeys(ids) if isinstance(i, str)]
        if not ids:
            return []
        rows = self._conn.execute(
            "SELECT id, kind, cart_id, supervisor, cashier, reason, terms, at FROM approvals "
            f"WHERE id IN ({', '.join('?' * len(ids))})",
            tuple(ids),
        )
        return [Approval(*row[:7], at=from_iso(row[7])) for row in rows]

    def link(self, sale_id: str, approval_ids: Iterable[str]) -> None:
        """Store which approvals a sale used (inside the sale's transaction)."""
        self._conn.executemany(
            "INSERT INTO sale_approvals(sale_id, approval_id) VALUES (?, ?)",
            [(sale_id, a) for a in dict.fromkeys(approval_ids)],
        )

    def of_sale(self, sale_id: str) -> list[Approval]:
        ids = [
            row[0]
            for row in self._conn.execute(
                "SELECT approval_id FROM sale_approvals WHERE sale_id = ?", (sale_id,)
            )
        ]
        return self.get_many(ids)


class Corrections(Repository):
    """Voids and refunds with their lines and payments."""

    def refunded_units(self, sale_id: str) -> dict[int, int]:
        """Units already given back per line number of a sale (voids included)."""
        return dict(
            self._conn.execute(
                "SELECT line_no, sum(qty) FROM refund_lines WHERE sale_id = ? GROUP BY line_no",
                (sale_id,),
            )
        )

    def next_seq(self, till: str) -> int:
        """Allocate the next correction number of ``till``; call inside the correction's
        transaction. Corrections have their own counter so sale numbers stay without gaps."""
        self._conn.execute(
            "INSERT INTO correction_counters(till, last_seq) VALUES (?, 1) "
            "ON CONFLICT(till) DO UPDATE SET last_seq = last_seq + 1",
            (till,),
        )
        return self._conn.execute(
            "SELECT last_seq FROM correction_counters WHERE till = ?", (till,)
        ).fetchone()[0]

    def insert(self, c: Correction, seq: int) -> None:
        """Write a correction, its lines and payments, and put the stock back (caller holds the
        transaction)."""
        conn = self._conn
        head, lines, payments = correction_rows(c, seq)
        at = head.created_at
        conn.execute(
            "INSERT INTO corrections(id, kind, number, till, seq, sale_id, day_id, created_at, "
            "cashier, supervisor, reason, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                head.id, head.kind, head.number, head.till, head.seq, head.sale_id, head.day_id,
                at, head.cashier, head.supervisor, head.reason, head.amount,
            ),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO refund_lines(correction_id, sale_id, line_no, day_id, artisan_code, sku, "
            "qty, amount, commission_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [tuple(ln) for ln in lines],
        )
        conn.executemany(
            "INSERT INTO refund_payments(correction_id, seq, day_id, method, amount) "
            "VALUES (?, ?, ?, ?, ?)",
            [tuple(p) for p in payments],
        )
        known = {
            row[0]
            for row in conn.execute(
                f"SELECT sku FROM products WHERE sku IN ({', '.join('?' * len(c.lines))})",
                tuple(ln.sku for ln in c.lines),
            )
        }
        # A product since removed gets no stock back, nor an open-price line (it has none).
        back = [ln for ln in c.lines if ln.sku in known and not ln.open_price]
        conn.executemany(
            "UPDATE products SET stock = stock + ? WHERE sku = ?", [(ln.qty, ln.sku) for ln in back]
        )
        conn.executemany(
            "INSERT INTO stock_moves(sku, qty, kind, ref, at) VALUES (?, ?, ?, ?, ?)",
            [(ln.sku, ln.qty, c.kind, c.number, at) for ln in back],
        )

    def _read(self, where: str, params: tuple) -> list[Correction]:
        rows = self._conn.execute(
            f"SELECT {_COLS} FROM corrections c JOIN sales s ON s.id = c.sale_id "
            f"JOIN days d ON d.id = c.day_id WHERE {where} ORDER BY c.till, c.seq",
            params,
        ).fetchall()
        out = []
        for row in rows:
            lines = tuple(
                RefundLine(*r)
                for r in self._conn.execute(
                    "SELECT r.line_no, r.sku, l.name, r.artisan_code, l.unit_price, r.qty, "
                    "r.amount, r.commission_bp "
                    "FROM refund_lines r JOIN sale_lines l "
                    "ON l.sale_id = r.sale_id AND l.line_no = r.line_no "
                    "WHERE r.correction_id = ? ORDER BY r.line_no",
                    (row[0],),
                )
            )
            payments = tuple(
                RefundPayment(Method(r[0]), r[1])
                for r in self._conn.execute(
                    "SELECT method, amount FROM refund_payments WHERE correction_id = ? "
                    "ORDER BY seq",
                    (row[0],),
                )
            )
            out.append(
                Correction(
                    id=row[0],
                    kind=row[1],
                    number=row[2],
                    till=row[3],
                    sale_id=row[4],
                    receipt_no=row[5],
                    day_id=row[6],
                    business_date=date.fromisoformat(row[7]),
                    created_at=from_iso(row[8]),
                    cashier=row[9],
                    supervisor=row[10],
                    reason=row[11],
                    lang=row[12],
                    lines=lines,
                    payments=payments,
                )
            )
        return out

    def of_sale(self, sale_id: str) -> list[Correction]:
        """Every void and refund of one sale, oldest first."""
        return self._read("c.sale_id = ?", (sale_id,))

    def find(self, key: str) -> Correction | None:
        """A correction by its number (``T1-R000001``) or id."""
        found = self._read("c.number = ? OR c.id = ?", (key, key))
        return found[0] if found else None

    def of_day(self, day_id: int) -> list[Correction]:
        """The corrections made on one business day (the Day page lists them)."""
        return self._read("c.day_id = ?", (day_id,))

"""The report queries: a day's or an event's sales, payments and refunds, aggregated in SQL.

Planned together with the indexes of migration 2 (``store/migrations.py``): each query reads
ONE covering index range per business day, in the order it groups by, so SQLite neither
joins nor sorts. A report is three passes (lines, payments, sales) plus a few tiny lookups;
``services/reports.py`` turns the rows into figures.

Every query takes the ids of the business days the report covers (one
day, or every day of the event) and returns small rows, one per group.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from booth_pos.store import Repository
from booth_pos.store.door import connect


class LineTotal(NamedTuple):
    """Sale lines of one day for one artisan at one commission rate, product and category,
    summed (the rate is the one recorded with each line, migration 6)."""

    day_id: int
    artisan_code: str
    commission_bp: int
    sku: str
    category: str
    items: int
    gross: int  # unit price x qty
    line_discounts: int
    sale_discount_shares: int
    net: int


class PaymentTotal(NamedTuple):
    """Payments of one day by one method; ``amount`` is what was kept (cash net of change)."""

    day_id: int
    method: str
    amount: int
    tendered: int


class SaleBucket(NamedTuple):
    """Sales of one day that started in one UTC minute from one customer origin."""

    day_id: int
    minute_utc: str  # "YYYY-MM-DDTHH:MM", UTC
    origin: str
    sales: int
    total: int


class RefundTotal(NamedTuple):
    """Money refunded on one day, for one artisan or one payment method."""

    day_id: int
    key: str  # artisan code or payment method
    amount: int


class ArtisanRefund(NamedTuple):
    """Money refunded on one day for one artisan, at the commission of the lines refunded."""

    day_id: int
    artisan_code: str
    commission_bp: int
    amount: int


def _in(day_ids: Sequence[int]) -> str:
    if not day_ids:
        raise ValueError("a report needs at least one business day")
    return "(" + ", ".join("?" * len(day_ids)) + ")"


class Reports(Repository):
    """The report queries (see the module docstring); ``reader()``: the same, read-only."""

    def __init__(self, store):
        super().__init__(store)
        self._reader: Reports | None = None

    def reader(self) -> Reports:
        """The same queries on a second, read-only connection, for passes run in parallel.

        Only for days that are closed: their rows can no longer change, so a pass on this
        connection sees exactly what a pass on the main one sees (SQLite releases the GIL
        while it works). Opened once per store and closed with it.
        """
        if self._reader is None:
            uri = Path(self._store.path).resolve().as_uri() + "?mode=ro"
            reader = Reports.__new__(Reports)
            reader._store = self._store
            reader._conn = connect(uri, uri=True)
            reader._reader = None
            self._reader = reader
        return self._reader

    def close(self) -> None:
        if self._reader is not None:
            self._reader._conn.close()
            self._reader = None

    def line_count(self, day_ids: Sequence[int] | None = None) -> int:
        """How many sale lines the days hold (all days: None)."""
        if day_ids is None:
            return self._conn.execute("SELECT count(*) FROM sale_lines").fetchone()[0]
        sql = f"SELECT count(*) FROM sale_lines WHERE day_id IN {_in(day_ids)}"
        return self._conn.execute(sql, tuple(day_ids)).fetchone()[0]

    def line_totals(self, day_ids: Sequence[int]) -> list[LineTotal]:
        """Per day, artisan, commission rate, product and category: items, gross, discounts
        and net.

        Reads index ``sale_lines_day`` only (its column order is the GROUP BY), so no sort.

        Args:
            store: the open store.
            day_ids: the business days covered.

        Returns:
            One row per (day, artisan, sku, category) that sold anything.
        """
        sql = (
            "SELECT day_id, artisan_code, commission_bp, sku, category, sum(qty), "
            "sum(unit_price * qty), sum(line_discount), sum(sale_discount_share), sum(net) "
            f"FROM sale_lines WHERE day_id IN {_in(day_ids)} "
            "GROUP BY day_id, artisan_code, commission_bp, sku, category"
        )
        return [LineTotal(*row) for row in self._conn.execute(sql, tuple(day_ids))]

    def payment_totals(self, day_ids: Sequence[int]) -> list[PaymentTotal]:
        """Per day and payment method: amount kept and amount handed over.

        Reads index ``payments_day`` only.
        """
        sql = (
            "SELECT day_id, method, sum(amount), sum(tendered) "
            f"FROM payments WHERE day_id IN {_in(day_ids)} GROUP BY day_id, method"
        )
        return [PaymentTotal(*row) for row in self._conn.execute(sql, tuple(day_ids))]

    def sale_buckets(self, day_ids: Sequence[int]) -> list[SaleBucket]:
        """Per day, UTC minute and customer origin: number of sales and their total.

        Minutes, not hours: the service converts them to the event's local hour, which stays
        exact in zones whose offset is not a whole number of hours. The expression must stay
        ``substr(created_at, 1, 16)`` to match index ``sales_day_minute``.
        """
        sql = (
            "SELECT day_id, substr(created_at, 1, 16), origin, count(*), sum(total) "
            f"FROM sales WHERE day_id IN {_in(day_ids)} "
            "GROUP BY day_id, substr(created_at, 1, 16), origin"
        )
        return [SaleBucket(*row) for row in self._conn.execute(sql, tuple(day_ids))]

    def refunds_by_artisan(self, day_ids: Sequence[int]) -> list[ArtisanRefund]:
        """Money refunded per day, artisan and commission rate of the refunded lines
        (``day_id``: the day the refund was made). Reads index ``refund_lines_day`` only."""
        sql = (
            "SELECT day_id, artisan_code, commission_bp, sum(amount) FROM refund_lines "
            f"WHERE day_id IN {_in(day_ids)} GROUP BY day_id, artisan_code, commission_bp"
        )
        return [ArtisanRefund(*row) for row in self._conn.execute(sql, tuple(day_ids))]

    def refunds_by_method(self, day_ids: Sequence[int]) -> list[RefundTotal]:
        """Money paid back per day and method (``day_id``: the day the refund was made)."""
        sql = (
            "SELECT day_id, method, sum(amount) FROM refund_payments "
            f"WHERE day_id IN {_in(day_ids)} GROUP BY day_id, method"
        )
        return [RefundTotal(*row) for row in self._conn.execute(sql, tuple(day_ids))]

    def last_receipt(self, day_ids: Sequence[int]) -> str | None:
        """The receipt number of this till's last sale on the days (None: no sale)."""
        if not day_ids:
            return None
        sql = (
            f"SELECT receipt_no FROM sales WHERE day_id IN {_in(day_ids)} ORDER BY seq DESC LIMIT 1"
        )
        row = self._conn.execute(sql, tuple(day_ids)).fetchone()
        return row[0] if row else None

    def cash_refunded(self, day_id: int) -> int:
        """Cash paid back on one day (lowers the expected cash in the drawer)."""
        return sum(r.amount for r in self.refunds_by_method([day_id]) if r.key == "cash")

    def artisan_totals_one_query(self, day_ids: Sequence[int]) -> list[tuple]:
        """The per-artisan settlement as ONE hand-written SQL query (the benchmark's yardstick).

        Same figures as the service's ``by_artisan`` for every artisan that sold something
        at a single rate in the period: code, name, items, gross, discounts, refunds, net,
        commission_bp, commission (half away from zero on each rate's net, in SQL; summed
        over the rates recorded) and payout. Refunds join in from ``refund_lines``.
        """
        marks = _in(day_ids)
        refunds = (
            "(SELECT artisan_code, commission_bp, sum(amount) AS amount FROM refund_lines "
            f"WHERE day_id IN {marks} GROUP BY artisan_code, commission_bp)"
        )
        sql = (
            "WITH t AS (SELECT artisan_code, commission_bp, sum(qty) AS items, "
            "    sum(unit_price * qty) AS gross, "
            "    sum(line_discount + sale_discount_share) AS discounts, sum(net) AS net "
            f"    FROM sale_lines WHERE day_id IN {marks} GROUP BY artisan_code, commission_bp), "
            "n AS (SELECT t.*, coalesce(r.amount, 0) AS refunds, "
            "    t.net - coalesce(r.amount, 0) AS period_net "
            f"    FROM t LEFT JOIN {refunds} r "
            "    ON r.artisan_code = t.artisan_code AND r.commission_bp = t.commission_bp), "
            "c AS (SELECT n.*, CASE WHEN period_net >= 0 "
            "    THEN (period_net * commission_bp * 2 + 10000) / 20000 "
            "    ELSE -((-period_net * commission_bp * 2 + 10000) / 20000) END AS commission "
            "    FROM n) "
            "SELECT c.artisan_code, a.name, sum(items), sum(gross), sum(discounts), "
            "sum(refunds), sum(period_net), max(c.commission_bp), sum(commission), "
            "sum(period_net - commission) FROM c JOIN artisans a ON a.code = c.artisan_code "
            "GROUP BY c.artisan_code ORDER BY c.artisan_code"
        )
        params = tuple(day_ids) * 2
        return self._conn.execute(sql, params).fetchall()

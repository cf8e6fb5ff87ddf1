"""The report queries: a day's or an event's sales, payments and refunds, aggregated in SQL.

Planned together with the indexes of migration 2 (``store/migrations.py``): each query reads
ONE covering index range per business day, in the order it groups by, so SQLite neither
joins nor sorts. A report is three passes (lines, payments, sales) plus a few tiny lookups;
``services/reports.py`` turns the rows into figures.

Every function takes the ``Store`` and the ids of the business days the report covers (one
day, or every day of the event) and returns small rows, one per group.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import sqlite_utils

from booth_pos.store import Store


class LineTotal(NamedTuple):
    """Sale lines of one day for one artisan, product and category, summed."""

    day_id: int
    artisan_code: str
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


class StockTotal(NamedTuple):
    """One product's stock for the end-of-event checklist."""

    sku: str
    name: str
    artisan_code: str
    brought: int  # stock counted in (imports and recounts)
    left: int  # stock now recorded


@contextlib.contextmanager
def snapshot(store: Store) -> Iterator[None]:
    """Run a report's queries in one read transaction, so they all see the same sales.

    Without it, a sale committed by another process (a second till, ``booth-pos sell``)
    between the lines pass and the payments pass would make the figures disagree. A read
    transaction in WAL mode blocks no writer.
    """
    conn = store.db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def reader(store: Store) -> Store:
    """A second, read-only connection to the same file, for report passes run in parallel.

    Only for days that are closed: their rows can no longer change, so a pass on this
    connection sees exactly what a pass on the main one sees. Opened once per store and
    closed with it.
    """
    found = store.__dict__.get("_reader")
    if found is None:
        uri = Path(store.path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        found = Store(sqlite_utils.Database(conn, execute_plugins=False), store.path)
        store.__dict__["_reader"] = found
    return found


def _in(day_ids: Sequence[int]) -> str:
    if not day_ids:
        raise ValueError("a report needs at least one business day")
    return "(" + ", ".join("?" * len(day_ids)) + ")"


def line_totals(store: Store, day_ids: Sequence[int]) -> list[LineTotal]:
    """Per day, artisan, product and category: items, gross, discounts and net.

    Reads index ``sale_lines_day`` only (its column order is the GROUP BY), so no sort.

    Args:
        store: the open store.
        day_ids: the business days covered.

    Returns:
        One row per (day, artisan, sku, category) that sold anything.
    """
    sql = (
        "SELECT day_id, artisan_code, sku, category, sum(qty), sum(unit_price * qty), "
        "sum(line_discount), sum(sale_discount_share), sum(net) "
        f"FROM sale_lines WHERE day_id IN {_in(day_ids)} "
        "GROUP BY day_id, artisan_code, sku, category"
    )
    return [LineTotal(*row) for row in store.db.execute(sql, tuple(day_ids))]


def payment_totals(store: Store, day_ids: Sequence[int]) -> list[PaymentTotal]:
    """Per day and payment method: amount kept and amount handed over.

    Reads index ``payments_day`` only.
    """
    sql = (
        "SELECT day_id, method, sum(amount), sum(tendered) "
        f"FROM payments WHERE day_id IN {_in(day_ids)} GROUP BY day_id, method"
    )
    return [PaymentTotal(*row) for row in store.db.execute(sql, tuple(day_ids))]


def sale_buckets(store: Store, day_ids: Sequence[int]) -> list[SaleBucket]:
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
    return [SaleBucket(*row) for row in store.db.execute(sql, tuple(day_ids))]


def _has_table(store: Store, name: str) -> bool:
    row = store.db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


# Refunds arrive with issue 6. Until its migration creates the tables below, every refund
# figure is 0. The contract these two queries expect (amounts in positive whole rupiah, and
# ``day_id`` = the business day the refund was made, not the day of the original sale):
#   refund_lines(day_id, artisan_code, amount, ...)   -- money returned per refunded line
#   refund_payments(day_id, method, amount, ...)      -- money paid back per method
# With that shape nothing else changes: net, commission, payout, by_payment and expected
# cash in services/reports.py and services/days.py already subtract these figures.


def refunds_by_artisan(store: Store, day_ids: Sequence[int]) -> list[RefundTotal]:
    """Money refunded per day and artisan; empty until issue 6 adds ``refund_lines``."""
    if not _has_table(store, "refund_lines"):
        return []
    sql = (
        "SELECT day_id, artisan_code, sum(amount) FROM refund_lines "
        f"WHERE day_id IN {_in(day_ids)} GROUP BY day_id, artisan_code"
    )
    return [RefundTotal(*row) for row in store.db.execute(sql, tuple(day_ids))]


def refunds_by_method(store: Store, day_ids: Sequence[int]) -> list[RefundTotal]:
    """Money paid back per day and method; empty until issue 6 adds ``refund_payments``."""
    if not _has_table(store, "refund_payments"):
        return []
    sql = (
        "SELECT day_id, method, sum(amount) FROM refund_payments "
        f"WHERE day_id IN {_in(day_ids)} GROUP BY day_id, method"
    )
    return [RefundTotal(*row) for row in store.db.execute(sql, tuple(day_ids))]


def cash_refunded(store: Store, day_id: int) -> int:
    """Cash paid back on one day (lowers the expected cash in the drawer)."""
    return sum(r.amount for r in refunds_by_method(store, [day_id]) if r.key == "cash")


def product_names(store: Store) -> dict[str, str]:
    """SKU -> current product name (the top-products list shows it)."""
    return dict(store.db.execute("SELECT sku, name FROM products"))


def stock_totals(store: Store) -> list[StockTotal]:
    """Every product's stock brought in and left now, for the end-of-event checklist.

    "Brought" sums the ``count`` stock moves (the quantities imported, then recounts);
    sold comes from the sale lines and "left" is the recorded stock. One index seek per
    product on ``stock_moves_sku``.
    """
    sql = (
        "SELECT p.sku, p.name, p.artisan_code, "
        "(SELECT coalesce(sum(m.qty), 0) FROM stock_moves m "
        " WHERE m.sku = p.sku AND m.kind = 'count'), p.stock "
        "FROM products p ORDER BY p.artisan_code, p.sku"
    )
    return [StockTotal(*row) for row in store.db.execute(sql)]


def artisan_totals_one_query(store: Store, day_ids: Sequence[int]) -> list[tuple]:
    """The per-artisan settlement as ONE hand-written SQL query (the benchmark's yardstick).

    Same figures as the service's ``by_artisan`` for every artisan that sold something:
    code, name, items, gross, discounts, refunds, net, commission_bp, commission (half away
    from zero, in SQL) and payout. Refunds join in once ``refund_lines`` exists (issue 6).
    """
    marks = _in(day_ids)
    refunds = (
        "(SELECT artisan_code, sum(amount) AS amount FROM refund_lines "
        f"WHERE day_id IN {marks} GROUP BY artisan_code)"
        if _has_table(store, "refund_lines")
        else "(SELECT NULL AS artisan_code, 0 AS amount WHERE 0)"
    )
    sql = (
        "WITH t AS (SELECT artisan_code, sum(qty) AS items, sum(unit_price * qty) AS gross, "
        "    sum(line_discount + sale_discount_share) AS discounts, sum(net) AS net "
        f"    FROM sale_lines WHERE day_id IN {marks} GROUP BY artisan_code), "
        "n AS (SELECT t.*, coalesce(r.amount, 0) AS refunds, "
        "    t.net - coalesce(r.amount, 0) AS period_net, a.name, a.commission_bp "
        f"    FROM t JOIN artisans a ON a.code = t.artisan_code LEFT JOIN {refunds} r "
        "    ON r.artisan_code = t.artisan_code), "
        "c AS (SELECT n.*, CASE WHEN period_net >= 0 "
        "    THEN (period_net * commission_bp * 2 + 10000) / 20000 "
        "    ELSE -((-period_net * commission_bp * 2 + 10000) / 20000) END AS commission FROM n) "
        "SELECT artisan_code, name, items, gross, discounts, refunds, period_net, commission_bp, "
        "commission, period_net - commission FROM c ORDER BY artisan_code"
    )
    params = tuple(day_ids) * (2 if _has_table(store, "refund_lines") else 1)
    return store.db.execute(sql, params).fetchall()

"""Rows as they are stored, and the one mapping from a domain record to its rows.

``sale_rows`` and ``correction_rows`` are used both to INSERT a sale or a correction and to
build its journal payload, and ``verify`` reads the same row types back from the tables:
what was written, what was journaled and what is checked are one shape.
"""

from __future__ import annotations

from typing import NamedTuple

from booth_pos.clock import to_iso
from booth_pos.model import Correction, Sale


class SaleRow(NamedTuple):
    rowid: int
    id: str
    receipt_no: str
    till: str
    seq: int
    day_id: int
    created_at: str
    cashier: str
    origin: str
    lang: str
    subtotal: int
    discount: int
    total: int


class LineRow(NamedTuple):
    sale_id: str
    line_no: int
    sku: str
    name: str
    artisan_code: str
    category: str
    unit_price: int
    qty: int
    line_discount: int
    sale_discount_share: int
    net: int
    day_id: int | None
    commission_bp: int | None  # the rate in force at the sale (migration 6)


class PaymentRow(NamedTuple):
    sale_id: str
    seq: int
    method: str
    amount: int
    tendered: int
    reference: str
    day_id: int | None


class DayRow(NamedTuple):
    id: int
    till: str
    business_date: str
    opened_at: str
    opening_float: int
    closed_at: str | None
    counted: int | None
    z_no: int | None


class CorrectionRow(NamedTuple):
    """A void or refund as stored; ``receipt_no`` is its sale's (None if the sale is gone)."""

    rowid: int
    id: str
    kind: str
    number: str
    till: str
    seq: int
    sale_id: str
    receipt_no: str | None
    day_id: int
    created_at: str
    cashier: str
    supervisor: str
    reason: str
    amount: int


class RefundLineRow(NamedTuple):
    correction_id: str
    sale_id: str
    line_no: int
    day_id: int
    artisan_code: str
    sku: str
    qty: int
    amount: int
    commission_bp: int | None  # its sale line's (migration 6)


class RefundPaymentRow(NamedTuple):
    correction_id: str
    seq: int
    day_id: int
    method: str
    amount: int


SaleRows = tuple[SaleRow, list[LineRow], list[PaymentRow]]
CorrectionRows = tuple[CorrectionRow, list[RefundLineRow], list[RefundPaymentRow]]


def sale_rows(sale: Sale, seq: int) -> SaleRows:
    """The rows a sale is written as (``rowid`` 0: SQLite assigns it)."""
    head = SaleRow(
        0,
        sale.id,
        sale.receipt_no,
        sale.till,
        seq,
        sale.day_id,
        to_iso(sale.created_at),
        sale.cashier,
        sale.origin,
        sale.lang,
        sale.subtotal,
        sale.discount,
        sale.total,
    )
    lines = [
        LineRow(
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
            ln.commission_bp,
        )
        for ln in sale.lines
    ]
    payments = [
        PaymentRow(sale.id, i, str(p.method), p.amount, p.tendered, p.reference, sale.day_id)
        for i, p in enumerate(sale.payments, start=1)
    ]
    return head, lines, payments


def correction_rows(c: Correction, seq: int) -> CorrectionRows:
    """The rows a void or refund is written as (``rowid`` 0: SQLite assigns it)."""
    head = CorrectionRow(
        0, c.id, c.kind, c.number, c.till, seq, c.sale_id, c.receipt_no, c.day_id,
        to_iso(c.created_at), c.cashier, c.supervisor, c.reason, c.amount,
    )  # fmt: skip
    lines = [
        RefundLineRow(
            c.id,
            c.sale_id,
            ln.line_no,
            c.day_id,
            ln.artisan_code,
            ln.sku,
            ln.qty,
            ln.amount,
            ln.commission_bp,
        )
        for ln in c.lines
    ]
    payments = [
        RefundPaymentRow(c.id, i, c.day_id, str(p.method), p.amount)
        for i, p in enumerate(c.payments, start=1)
    ]
    return head, lines, payments


def columns(row_type: type[NamedTuple], *, skip_rowid: bool = True) -> str:
    """The column list of a row type, for INSERT and SELECT."""
    names = [n for n in row_type._fields if not (skip_rowid and n == "rowid")]
    return ", ".join(names)


def values(row: NamedTuple) -> tuple:
    """A row's values for INSERT (without ``rowid``)."""
    return tuple(v for n, v in zip(row._fields, row, strict=True) if n != "rowid")

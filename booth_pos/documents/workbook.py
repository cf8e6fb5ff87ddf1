"""The settlement as an XLSX workbook: the file to open in a spreadsheet.

One sheet per scope, each with its column names (the JSON keys) in a frozen, filterable
header row and columns wide enough for their figures:

- ``Summary``: the period's totals and the cash drawer (the JSON's top-level figures);
- ``Artisans``: the day's or event's row per artisan (the CSV's and JSON ``by_artisan``);
- ``Payments``: per payment method, kept from sales, refunded and net;
- ``Products``: every product sold in the period;
- ``Statements``: each artisan's end-of-event statement in figures, a row per business
  day and one ``event`` row (its commission rounded once on the event's net);
- ``Stock``: the statements' stock lines (received, sold, refunded, returned, left).

Every amount is a numeric cell of whole rupiah in the Rupiah format, a commission
percentage a numeric percent cell (12.5 % is the exact decimal 0.125, never a float sum),
a business day a date cell. The only formulas are the ``total`` rows' ``SUM`` over the
rows above them, in the columns where a sum means something (not percentages, not text):
Excel and LibreOffice compute them on opening; a program that reads stored values without
computing (openpyxl's ``data_only``, pandas) sees those cells empty. Text is guarded as
the CSV's is (``export.neutralise``): a name starting with ``=`` stays a name.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from booth_pos.documents.export import neutralise
from booth_pos.model.report import (
    ARTISAN_COLUMNS,
    ArtisanFigures,
    ArtisanStatement,
    DayReport,
    Report,
)
from booth_pos.money import BP_PER_PERCENT

#: Whole rupiah. Excel and LibreOffice put the reader's own separators in place of the
#: format's ``,``: on an Indonesian (id-ID) system 150000 shows as ``Rp 150.000``, on an
#: English one ``Rp 150,000``; negative amounts get a leading minus (``-Rp 5.000``).
RUPIAH = '"Rp" #,##0;-"Rp" #,##0'
#: Counts of items and sales, grouped the same way (``1.250``).
COUNT = "#,##0"
#: A percent cell holds the fraction: 0.125 shows ``12,5%`` (id-ID) or ``12.5%``.
PERCENT = "0.0#%"
DATE = "yyyy-mm-dd"
TOTAL = "total"
MAX_WIDTH = 48


@dataclass(frozen=True)
class Column:
    """A column: its header, how its cells are shown, and whether the total row sums it."""

    name: str
    kind: str = "text"  # text, money, count, percent, date, flag

    @property
    def summed(self) -> bool:
        return self.kind in ("money", "count")


_KIND_OF_ARTISAN_COLUMN = {
    "code": "text",
    "name": "text",
    "items": "count",
    "commission_percent": "percent",
    "received_qty": "count",
    "returned_qty": "count",
}
ARTISAN_SHEET = tuple(Column(c, _KIND_OF_ARTISAN_COLUMN.get(c, "money")) for c in ARTISAN_COLUMNS)
PAYMENT_SHEET = (
    Column("method"),
    Column("received", "money"),
    Column("refunds", "money"),
    Column("net", "money"),
)
PRODUCT_SHEET = (
    Column("sku"),
    Column("name"),
    Column("artisan_code"),
    Column("items", "count"),
    Column("net", "money"),
    Column("open_price", "flag"),
)
STATEMENT_SHEET = (
    Column("code"),
    Column("name"),
    Column("day", "date"),
    Column("items", "count"),
    Column("gross", "money"),
    Column("discounts", "money"),
    Column("refunds", "money"),
    Column("net", "money"),
    Column("commission_percent", "percent"),
    Column("commission", "money"),
    Column("payout", "money"),
    Column("paid_out", "money"),
    Column("balance", "money"),
)
STOCK_SHEET = (
    Column("artisan_code"),
    Column("sku"),
    Column("name"),
    Column("received", "count"),
    Column("sold", "count"),
    Column("refunded", "count"),
    Column("returned", "count"),
    Column("counted_diff", "count"),
    Column("left", "count"),
)
#: One row per till when the report covers several (``report --json`` ``tills`` keys);
#: counted and difference stay empty while a till's day is open, so they are not summed.
TILL_SHEET = (
    Column("till"),
    Column("last_receipt"),
    Column("received_at"),
    Column("sales", "count"),
    Column("net", "money"),
    Column("cash_float", "money"),
    Column("cash_expected", "money"),
    Column("cash_counted", "amount"),
    Column("cash_difference", "amount"),
    Column("z"),
    Column("pending", "flag"),
)
_FORMAT = {"money": RUPIAH, "amount": RUPIAH, "count": COUNT, "percent": PERCENT, "date": DATE}


def percent_fraction(bp: int) -> Decimal:
    """Basis points as the exact fraction a percent cell holds: 1250 -> Decimal("0.125")."""
    return (Decimal(bp) / (100 * BP_PER_PERCENT)).normalize()


def report_workbook_bytes(
    report: Report, statements: Sequence[ArtisanStatement] | None = None
) -> bytes:
    """The report (and, when given, the artisans' statements) as an XLSX file's bytes.

    Args:
        report: a day's or the event's report.
        statements: the artisans' end-of-event statements (``Statements`` and ``Stock``
            sheets); None leaves those two sheets out.
    """
    import openpyxl

    book = openpyxl.Workbook()
    book.properties.creator = "Booth POS"
    book.remove(book.active)
    _summary_sheet(book, report)
    _table(book, "Artisans", ARTISAN_SHEET, report.by_artisan, _artisan_values)
    _table(
        book,
        "Payments",
        PAYMENT_SHEET,
        report.by_payment,
        lambda p: [p.method, p.received, p.refunds, p.net],
    )
    _table(
        book,
        "Products",
        PRODUCT_SHEET,
        report.by_product,
        lambda p: [p.sku, p.name, p.artisan_code, p.items, p.net, p.open_price],
    )
    if report.tills:
        from booth_pos.documents.tills import z_text

        _table(
            book,
            "Tills",
            TILL_SHEET,
            report.tills,
            lambda t: [
                t.till, t.last_receipt or "",
                t.received_at.isoformat() if t.received_at else "",
                t.sales, t.net, t.cash.opening_float, t.cash.expected, t.cash.counted,
                t.cash.difference, z_text(t), t.pending,
            ],
        )  # fmt: skip
    if statements is not None:
        rows = [
            (s.total.code, s.total.name, d.business_date, d.figures)
            for s in statements
            for d in s.days
        ]
        rows += [(s.total.code, s.total.name, "event", s.total) for s in statements]
        rows.sort(key=lambda r: (r[0], r[2] == "event", str(r[2])))
        _table(book, "Statements", STATEMENT_SHEET, rows, _statement_values, total=False)
        lines = [(s.total.code, line) for s in statements for line in s.stock]
        _table(
            book,
            "Stock",
            STOCK_SHEET,
            lines,
            lambda r: [
                r[0], r[1].sku, r[1].name, r[1].received, r[1].sold, r[1].refunded,
                r[1].returned, r[1].counted_diff, r[1].left,
            ],
        )  # fmt: skip
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _artisan_values(a: ArtisanFigures) -> list[object]:
    return [
        a.commission_bp if c == "commission_percent" else getattr(a, c) for c in ARTISAN_COLUMNS
    ]


def _statement_values(row) -> list[object]:
    code, name, day, f = row
    return [
        code, name, day, f.items, f.gross, f.discounts, f.refunds, f.net, f.commission_bp,
        f.commission, f.payout, f.paid_out, f.balance,
    ]  # fmt: skip


def _summary_sheet(book, report: Report) -> None:
    if isinstance(report, DayReport):
        scope = ("day", report.business_date)
    else:
        scope = ("event", report.event_name)
    cash = report.cash
    rows = [
        scope,
        ("sales", report.sales),
        ("items", report.items),
        ("gross", report.gross),
        ("discounts", report.discounts),
        ("refunds", report.refunds),
        ("net", report.net),
        ("commission", report.commission),
        ("payout", report.payout),
        ("average_sale", report.average_sale),
        ("cash.float", cash.opening_float),
        ("cash_received", cash.received),
        ("cash_refunds", cash.refunds),
        ("cash_payouts", cash.payouts),
        ("change_given", cash.change),
        ("cash.expected", cash.expected),
        ("cash.counted", cash.counted),
        ("cash.difference", cash.difference),
    ]
    kinds = {"day": "date", "event": "text", "sales": "count", "items": "count"}
    ws = book.create_sheet("Summary")
    _header(ws, (Column("figure"), Column("value", "money")))
    widths = [len("figure"), len("value")]
    for i, (key, value) in enumerate(rows, start=2):
        kind = kinds.get(key, "money")
        ws.cell(i, 1, key)
        _put(ws.cell(i, 2), value, kind)
        widths = [max(widths[0], len(key)), max(widths[1], _shown_width(value, kind))]
    _finish(ws, widths, last_row=len(rows) + 1, columns=2)


def _table(
    book,
    title: str,
    columns: Sequence[Column],
    items: Sequence,
    values: Callable[[object], list[object]],
    *,
    total: bool = True,
) -> None:
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(title)
    _header(ws, columns)
    widths = [len(c.name) for c in columns]
    spans = [0] * len(columns)  # the largest a column's total can show (to size it)
    for r, item in enumerate(items, start=2):
        for c, (column, value) in enumerate(zip(columns, values(item), strict=True), start=1):
            if column.kind == "percent":
                value = percent_fraction(value)
            _put(ws.cell(r, c), value, column.kind)
            widths[c - 1] = max(widths[c - 1], _shown_width(value, column.kind))
            if column.summed:
                spans[c - 1] += abs(value)
    last = len(items) + 1
    if total:
        row = last + 1
        ws.cell(row, 1, TOTAL).font = _bold()
        for c, column in enumerate(columns, start=1):
            if not column.summed:
                continue
            letter = get_column_letter(c)
            # A real formula: the coordinator may correct a row and the total follows.
            cell = ws.cell(row, c, f"=SUM({letter}2:{letter}{last})" if items else 0)
            cell.number_format = _FORMAT[column.kind]
            cell.font = _bold()
            widths[c - 1] = max(widths[c - 1], _shown_width(-spans[c - 1], column.kind))
    _finish(ws, widths, last_row=last, columns=len(columns))


def _header(ws, columns: Sequence[Column]) -> None:
    for c, column in enumerate(columns, start=1):
        ws.cell(1, c, column.name).font = _bold()


def _finish(ws, widths: list[int], *, last_row: int, columns: int) -> None:
    from openpyxl.utils import get_column_letter

    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(width + 2, MAX_WIDTH)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(last_row, 1)}"


def _bold():
    from openpyxl.styles import Font

    return Font(bold=True)


def _put(cell, value: object, kind: str) -> None:
    """Write one cell: numbers as numbers in their format, text guarded against formulas."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        # A control character cannot be stored in XLSX at all; a name never needs one.
        value = neutralise(ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    elif isinstance(value, float):
        raise TypeError(f"a float reached the workbook: {value!r}")  # money is int rupiah
    cell.value = value
    if kind in _FORMAT and not isinstance(value, str):
        cell.number_format = _FORMAT[kind]


def _shown_width(value: object, kind: str) -> int:
    """How many characters a cell shows, to size its column."""
    if value is None:
        return 0
    if kind in ("money", "amount") and isinstance(value, int):
        return len(f"Rp {value:,}") + (1 if value < 0 else 0)
    if kind == "count" and isinstance(value, int):
        return len(f"{value:,}")
    if kind == "percent":
        return len(f"{value * 100}%")
    if kind == "date" and not isinstance(value, str):
        return 10
    return len(str(value))

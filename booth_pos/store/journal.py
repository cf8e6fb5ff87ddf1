"""The tamper-evident journal and audit log: how entries are hashed, chained and read back.

Two append-only chains live in the database (migration 3):

- ``journal``: one entry per committed money event (a sale, a day opened, a day closed, and
  the voids and refunds of issue 6). Its payload holds the money figures as they were
  committed, so ``services.journal.verify`` can compare today's rows with what was written.
- ``audit_log``: who did what outside the money path (sign-ins, wrong PINs, settings, price
  changes, exports, backups, restores).

Each entry's SHA-256 covers a canonical serialisation of its chain's name, its number, kind,
reference, time, payload and the previous entry's hash. Editing, deleting, inserting or
reordering any entry breaks every hash after it; SQLite triggers refuse UPDATE and DELETE so
only someone going behind the application's back can try, and ``verify`` then names the
entry. This module holds the hashing, the payloads, the chains (``ChainLog``: ``store.journal``
and ``store.audit``) and what ``verify`` reads (``Records``: ``store.records``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from booth_pos.store import Repository
from booth_pos.store.rows import (
    CorrectionRow,
    CorrectionRows,
    DayRow,
    LineRow,
    PaymentRow,
    RefundLineRow,
    RefundPaymentRow,
    SaleRow,
    SaleRows,
)

#: The "previous hash" of the first entry of a chain.
GENESIS = "0" * 64
#: Bumped if the hashed serialisation ever changes; it is part of every hash.
FORMAT = 1


@dataclass(frozen=True)
class Chain:
    """One hash chain: its table and the names of its three content columns."""

    table: str
    kind: str  # journal: kind (sale, day_open...); audit_log: action
    ref: str  # journal: reference (receipt number, Z number); audit_log: actor
    payload: str  # canonical JSON


JOURNAL = Chain("journal", "kind", "ref", "payload")
AUDIT = Chain("audit_log", "action", "actor", "detail")


class Entry(NamedTuple):
    """A stored chain entry; ``payload`` is its canonical JSON text."""

    id: int
    at: str
    kind: str
    ref: str
    payload: str
    prev_hash: str
    hash: str


def canonical(value: object, *, check: bool = True) -> str:
    """``value`` as canonical JSON: sorted keys, no spaces, UTF-8 text.

    Money is whole rupiah, so a float anywhere is a bug (it would also hash differently on
    another machine): with ``check`` it raises ``TypeError``. ``verify`` rebuilds payloads
    from stored rows without the check: a REAL smuggled into a row then shows as a payload
    that differs from the journal's.
    """
    if check:
        _check_exact(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _check_exact(value: object) -> None:
    """Refuse anything but str, int, bool, None, lists, tuples and dicts with text keys."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str or kind is int or item is None or kind is bool:
            continue
        if kind is dict:
            if any(type(key) is not str for key in item):
                raise TypeError(f"journal payload keys are text: {list(item)!r}")
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif isinstance(item, float):
            raise TypeError(f"a journal payload holds no floats (money is int rupiah): {item!r}")
        elif not isinstance(item, str | int):  # str and int subclasses (enums) are fine
            raise TypeError(f"not storable in a journal payload: {item!r}")


def entry_hash(
    chain: Chain, seq: int, kind: str, ref: str, at: str, prev_hash: str, payload: str
) -> str:
    """The SHA-256 (hex) of one entry, covering its content and its predecessor's hash."""
    head = canonical([FORMAT, chain.table, seq, kind, ref, at, prev_hash], check=False)
    return hashlib.sha256(f"{head}\n{payload}".encode()).hexdigest()


def verification_code(hash_hex: str) -> str:
    """The short code printed on a receipt: the first 8 hex digits of its hash, "3F2A-9C1B".

    Enough to tell a genuine receipt from a made-up one when checked against the journal.
    """
    return f"{hash_hex[:4]}-{hash_hex[4:8]}".upper() if hash_hex else ""


# -- what a sale, a day and a correction put in the journal -----------------------------------


def sale_payload(sale: SaleRow, lines: Sequence[LineRow], payments: Sequence[PaymentRow]) -> dict:
    """What the journal keeps of a sale: every stored figure, lines and payments in order."""
    return {
        "id": sale.id,
        "receipt_no": sale.receipt_no,
        "till": sale.till,
        "day": sale.day_id,
        "at": sale.created_at,
        "cashier": sale.cashier,
        "origin": sale.origin,
        "lang": sale.lang,
        "subtotal": sale.subtotal,
        "discount": sale.discount,
        "total": sale.total,
        "lines": [
            {
                "no": ln.line_no,
                "sku": ln.sku,
                "name": ln.name,
                "artisan": ln.artisan_code,
                "category": ln.category,
                "unit_price": ln.unit_price,
                "qty": ln.qty,
                "line_discount": ln.line_discount,
                "share": ln.sale_discount_share,
                "net": ln.net,
            }
            for ln in lines
        ],
        "payments": [
            {
                "method": p.method,
                "amount": p.amount,
                "tendered": p.tendered,
                "reference": p.reference,
            }
            for p in payments
        ],
    }


def day_open_payload(day: DayRow) -> dict:
    return {
        "day": day.id,
        "till": day.till,
        "business_date": day.business_date,
        "at": day.opened_at,
        "opening_float": day.opening_float,
    }


@dataclass(frozen=True)
class DayFigures:
    """A day's sales as the close records them (perpetual ``grand_total`` over all days)."""

    sales: int
    sales_total: int
    cash_received: int
    grand_total: int


def day_close_payload(day: DayRow, figures: DayFigures) -> dict:
    return {
        "day": day.id,
        "till": day.till,
        "business_date": day.business_date,
        "at": day.closed_at,
        "counted": day.counted,
        "z_no": day.z_no,
        "opening_float": day.opening_float,
        "sales": figures.sales,
        "sales_total": figures.sales_total,
        "cash_received": figures.cash_received,
        "grand_total": figures.grand_total,
    }


def day_open_ref(day: DayRow) -> str:
    return f"{day.till} {day.business_date}"


def day_close_ref(day: DayRow) -> str:
    return f"Z{day.z_no}"


def correction_payload(
    c: CorrectionRow, lines: Sequence[RefundLineRow], payments: Sequence[RefundPaymentRow]
) -> dict:
    """What the journal keeps of a void or refund: every stored figure, lines and payments
    in order (its time is the entry's own ``at``)."""
    return {
        "id": c.id,
        "number": c.number,
        "kind": c.kind,
        "till": c.till,
        "sale_id": c.sale_id,
        "receipt_no": c.receipt_no,
        "day": c.day_id,
        "cashier": c.cashier,
        "supervisor": c.supervisor,
        "reason": c.reason,
        "amount": c.amount,
        "lines": [
            {
                "no": ln.line_no,
                "sku": ln.sku,
                "artisan": ln.artisan_code,
                "qty": ln.qty,
                "amount": ln.amount,
            }
            for ln in lines
        ],
        "payments": [{"method": p.method, "amount": p.amount} for p in payments],
    }


# -- the two chains ------------------------------------------------------------------------------


class ChainLog(Repository):
    """One hash chain of the database: ``store.journal`` (money) or ``store.audit`` (who did what).

    Appending is cheap by design (it is on the sale path): one indexed read of the last hash,
    one INSERT. Inside ``BEGIN IMMEDIATE`` no other writer can append between the two.
    """

    def __init__(self, store, chain: Chain):
        super().__init__(store)
        self.chain = chain

    def last(self) -> tuple[int, str]:
        """(number, hash) of the chain's last entry; (0, GENESIS) for an empty chain."""
        return last_entry(self._conn, self.chain)

    def append(self, kind: str, ref: str, payload: object, at: str) -> Entry:
        """Append one entry; inside the event's transaction, or in one of its own.

        Args:
            kind: what happened (``sale``, ``day_open``... or an audit action).
            ref: what it concerns (a receipt number, a Z number) or, for the audit log, who.
            payload: a JSON-able value of str, int, bool, None, lists and dicts (no floats).
            at: UTC ISO 8601 time of the event.
        """
        with self._store.atomic():
            return append_entry(self._conn, self.chain, kind, ref, payload, at)

    def append_in_transaction(self, kind: str, ref: str, payload: object, at: str) -> Entry:
        """Append one entry that must share the caller's transaction (a money event)."""
        if not self._conn.in_transaction:
            raise RuntimeError("a journal entry is written inside its event's transaction")
        return append_entry(self._conn, self.chain, kind, ref, payload, at)

    def entries(self) -> Iterator[Entry]:
        """Every entry in order (streamed, not loaded at once)."""
        cur = self._conn.execute(
            f"SELECT id, at, {self.chain.kind}, {self.chain.ref}, {self.chain.payload}, "
            f"prev_hash, hash FROM {self.chain.table} ORDER BY id"
        )
        for row in cur:
            yield Entry(*row)

    def latest_of(self, kinds: Sequence[str]) -> Entry | None:
        """The last entry of one of ``kinds`` (index ``kind, id``)."""
        c = self.chain
        marks = ", ".join("?" * len(kinds))
        row = self._conn.execute(
            f"SELECT id, at, {c.kind}, {c.ref}, {c.payload}, prev_hash, hash "
            f"FROM {c.table} WHERE {c.kind} IN ({marks}) ORDER BY id DESC LIMIT 1",
            tuple(kinds),
        ).fetchone()
        return Entry(*row) if row else None

    def any_after(self, entry_id: int, *, except_kinds: Sequence[str] = ()) -> bool:
        """Whether an entry was appended after ``entry_id`` (not counting ``except_kinds``)."""
        c = self.chain
        marks = ", ".join("?" * len(except_kinds))
        where = f" AND {c.kind} NOT IN ({marks})" if except_kinds else ""
        row = self._conn.execute(
            f"SELECT 1 FROM {c.table} WHERE id > ?{where} LIMIT 1", (entry_id, *except_kinds)
        ).fetchone()
        return row is not None

    def sale_hash(self, receipt_no: str) -> str:
        """The hash of a sale's journal entry ("" if it has none)."""
        row = self._conn.execute(
            "SELECT hash FROM journal WHERE kind = 'sale' AND ref = ?", (receipt_no,)
        ).fetchone()
        return row[0] if row else ""


def last_entry(conn, chain: Chain) -> tuple[int, str]:
    row = conn.execute(f"SELECT id, hash FROM {chain.table} ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def append_entry(conn, chain: Chain, kind: str, ref: str, payload: object, at: str) -> Entry:
    """Append one entry to ``chain`` on ``conn``; the caller holds the write transaction."""
    text = canonical(payload)
    last_id, prev = last_entry(conn, chain)
    seq = last_id + 1
    digest = entry_hash(chain, seq, kind, ref, at, prev, text)
    conn.execute(
        f"INSERT INTO {chain.table}(id, at, {chain.kind}, {chain.ref}, {chain.payload}, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, at, kind, ref, text, prev, digest),
    )
    return Entry(seq, at, kind, ref, text, prev, digest)


# -- reading rows back (verify, and the journal's start for older databases) -------------------


_DAY_COLS = "id, till, business_date, opened_at, opening_float, closed_at, counted, z_no"
_SALE_COLS = (
    "rowid, id, receipt_no, till, seq, day_id, created_at, cashier, origin, lang, "
    "subtotal, discount, total"
)


class Records(Repository):
    """The stored rows as they are, read back for ``verify`` and for the journal's start."""

    @classmethod
    def on(cls, conn) -> Records:
        """Records read through ``conn`` directly (the migrations, before a Store exists)."""
        self = cls.__new__(cls)
        self._store = None
        self._conn = conn
        return self

    def day_rows(self) -> list[DayRow]:
        return [DayRow(*r) for r in self._conn.execute(f"SELECT {_DAY_COLS} FROM days ORDER BY id")]

    def day_row(self, day_id: int) -> DayRow:
        return DayRow(
            *self._conn.execute(f"SELECT {_DAY_COLS} FROM days WHERE id = ?", (day_id,)).fetchone()
        )

    def sales_of_day(self, day_id: int) -> list[SaleRows]:
        """A day's sales in the order they were written, each with its lines and payments.

        Lines and payments are found through their sale (not their own ``day_id``), so a line
        that claims another day is still checked with its sale.
        """
        sales = [
            SaleRow(*r)
            for r in self._conn.execute(
                f"SELECT {_SALE_COLS} FROM sales WHERE day_id = ? ORDER BY rowid", (day_id,)
            )
        ]
        lines: dict[str, list[LineRow]] = {s.id: [] for s in sales}
        for r in self._conn.execute(
            "SELECT l.sale_id, l.line_no, l.sku, l.name, l.artisan_code, l.category, l.unit_price, "
            "l.qty, l.line_discount, l.sale_discount_share, l.net, l.day_id "
            "FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.day_id = ? "
            "ORDER BY l.sale_id, l.line_no",
            (day_id,),
        ):
            lines[r[0]].append(LineRow(*r))
        payments: dict[str, list[PaymentRow]] = {s.id: [] for s in sales}
        for r in self._conn.execute(
            "SELECT p.sale_id, p.seq, p.method, p.amount, p.tendered, p.reference, p.day_id "
            "FROM sales s JOIN payments p ON p.sale_id = s.id WHERE s.day_id = ? "
            "ORDER BY p.sale_id, p.seq",
            (day_id,),
        ):
            payments[r[0]].append(PaymentRow(*r))
        return [(s, lines[s.id], payments[s.id]) for s in sales]

    def sales_without_day(self) -> list[str]:
        """Receipt numbers of sales whose business day does not exist (foreign keys off)."""
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT receipt_no FROM sales WHERE day_id NOT IN (SELECT id FROM days) "
                "ORDER BY rowid"
            )
        ]

    def receipt_numbers(self) -> Iterator[tuple[str, int, str]]:
        """(till, seq, receipt_no) of every sale, by till and number."""
        yield from self._conn.execute("SELECT till, seq, receipt_no FROM sales ORDER BY till, seq")

    def till_counters(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT till, last_seq FROM till_counters"))

    def corrections(self) -> list[CorrectionRows]:
        """Every void and refund in the order they were written, each with its lines and
        payments.

        Lines and payments are found by their correction, so one that claims another day or
        sale is still checked with it.
        """
        heads = [
            CorrectionRow(*r)
            for r in self._conn.execute(
                "SELECT c.rowid, c.id, c.kind, c.number, c.till, c.seq, c.sale_id, s.receipt_no, "
                "c.day_id, c.created_at, c.cashier, c.supervisor, c.reason, c.amount "
                "FROM corrections c LEFT JOIN sales s ON s.id = c.sale_id ORDER BY c.rowid"
            )
        ]
        lines: dict[str, list[RefundLineRow]] = {c.id: [] for c in heads}
        payments: dict[str, list[RefundPaymentRow]] = {c.id: [] for c in heads}
        for r in self._conn.execute(
            "SELECT correction_id, sale_id, line_no, day_id, artisan_code, sku, qty, amount "
            "FROM refund_lines ORDER BY correction_id, line_no"
        ):
            if r[0] in lines:
                lines[r[0]].append(RefundLineRow(*r))
        for r in self._conn.execute(
            "SELECT correction_id, seq, day_id, method, amount FROM refund_payments "
            "ORDER BY correction_id, seq"
        ):
            if r[0] in payments:
                payments[r[0]].append(RefundPaymentRow(*r))
        return [(c, lines[c.id], payments[c.id]) for c in heads]

    def refunded_sale_lines(self) -> dict[tuple[str, int], tuple[int, int]]:
        """(qty, net) of every sale line some correction gives back, by (sale id, line number)."""
        return {
            (r[0], r[1]): (r[2], r[3])
            for r in self._conn.execute(
                "SELECT DISTINCT r.sale_id, r.line_no, l.qty, l.net FROM refund_lines r "
                "JOIN sale_lines l ON l.sale_id = r.sale_id AND l.line_no = r.line_no"
            )
        }

    def correction_numbers(self) -> Iterator[tuple[str, int, str]]:
        """(till, seq, number) of every void and refund, by till and number."""
        yield from self._conn.execute(
            "SELECT till, seq, number FROM corrections ORDER BY till, seq"
        )

    def correction_counters(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT till, last_seq FROM correction_counters"))

    def day_figures(self, day_id: int) -> DayFigures:
        """The figures a day's close records; call inside the close's transaction."""
        sales, total = self._conn.execute(
            "SELECT count(*), coalesce(sum(total), 0) FROM sales WHERE day_id = ?", (day_id,)
        ).fetchone()
        cash = self._conn.execute(
            "SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN sales s ON s.id = p.sale_id "
            "WHERE s.day_id = ? AND p.method = 'cash'",
            (day_id,),
        ).fetchone()[0]
        grand = self._conn.execute("SELECT coalesce(sum(total), 0) FROM sales").fetchone()[0]
        return DayFigures(sales, total, cash, grand)

    def integrity_problems(self, limit: int = 10) -> list[str]:
        """``PRAGMA integrity_check``'s complaints; empty when the file is sound."""
        rows = [r[0] for r in self._conn.execute(f"PRAGMA integrity_check({int(limit)})")]
        return [] if rows == ["ok"] else rows

    def foreign_key_problems(self, limit: int = 10) -> list[tuple]:
        """(table, rowid, parent table) of rows pointing at nothing."""
        out = []
        for table, rowid, parent, _fk in self._conn.execute("PRAGMA foreign_key_check"):
            out.append((table, rowid, parent))
            if len(out) >= limit:
                break
        return out


def backfill(conn) -> int:
    """Start the journal of a database that has days and sales from before it existed.

    Appends, in the order they happened per day, each day's opening, its sales, the voids
    and refunds made that day and its close, so ``verify`` holds on an upgraded database
    exactly as on a new one. Returns the number of entries written.
    """
    written = 0
    grand_total = 0
    made_on: dict[int, list] = {}
    records = Records.on(conn)
    for found in records.corrections():
        made_on.setdefault(found[0].day_id, []).append(found)
    for day in records.day_rows():
        append_entry(
            conn, JOURNAL, "day_open", day_open_ref(day), day_open_payload(day), day.opened_at
        )
        written += 1
        sales = records.sales_of_day(day.id)
        for sale, lines, payments in sales:
            append_entry(
                conn,
                JOURNAL,
                "sale",
                sale.receipt_no,
                sale_payload(sale, lines, payments),
                sale.created_at,
            )
            grand_total += sale.total
            written += 1
        for c, lines, payments in made_on.get(day.id, ()):
            append_entry(
                conn, JOURNAL, c.kind, c.number, correction_payload(c, lines, payments),
                c.created_at,
            )  # fmt: skip
            written += 1
        if day.closed_at is not None:
            figures = DayFigures(
                len(sales),
                sum(s.total for s, _, _ in sales),
                sum(p.amount for _, _, pays in sales for p in pays if p.method == "cash"),
                grand_total,
            )
            append_entry(
                conn,
                JOURNAL,
                "day_close",
                day_close_ref(day),
                day_close_payload(day, figures),
                day.closed_at,
            )
            written += 1
    return written

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

import functools
import hashlib
import itertools
import json
import operator
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
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
    return _ENCODER.encode(value)


#: ``json.dumps(..., sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` made once:
#: the same text, without building an encoder for every entry (verify hashes every entry).
_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, check_circular=False
)


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
    if (type(seq), type(kind), type(ref), type(at), type(prev_hash)) == _HEAD_TYPES:
        # ``canonical`` of the list below, spelled out (verify hashes every entry).
        q = _quote
        head = f'[{FORMAT},"{chain.table}",{seq},{q(kind)},{q(ref)},{q(at)},{q(prev_hash)}]'
    else:
        head = canonical([FORMAT, chain.table, seq, kind, ref, at, prev_hash], check=False)
    return hashlib.sha256(f"{head}\n{payload}".encode()).hexdigest()


def sale_text(
    sale: SaleRow,
    lines: Sequence[LineRow],
    payments: Sequence[PaymentRow],
    reference: tuple | None = None,
) -> str:
    """``canonical(sale_payload(sale, lines, payments), check=False)``, made faster.

    ``verify`` rebuilds every sale's journal text from its rows; building the dict and
    sorting its keys for each of 300,000 sales was most of its time. The keys are written
    here already sorted, texts with JSON's own escaping and ints in decimal, so the text is
    the same to the byte (a unit test holds it). A row with a value of another type (a REAL
    smuggled into a money column, a NULL) goes the long way, through ``canonical``'s encoder.
    """
    if tuple(map(type, sale)) != _SALE_TYPES:
        return canonical(sale_payload(sale, lines, payments, reference), check=False)
    q = _quote
    parts = []
    for ln in lines:
        if tuple(map(type, ln[:11])) != _LINE_TYPES:
            return canonical(sale_payload(sale, lines, payments, reference), check=False)
        bp = ln[12]
        if bp is not None and type(bp) is not int:
            return canonical(sale_payload(sale, lines, payments, reference), check=False)
        rate = "" if bp is None else f'"commission_bp":{bp},'
        parts.append(
            f'{{"artisan":{q(ln[4])},"category":{q(ln[5])},{rate}"line_discount":{ln[8]},'
            f'"name":{q(ln[3])},"net":{ln[10]},"no":{ln[1]},"qty":{ln[7]},'
            f'"share":{ln[9]},"sku":{q(ln[2])},"unit_price":{ln[6]}}}'
        )
    paid = []
    for p in payments:
        if tuple(map(type, p[:6])) != _PAYMENT_TYPES:
            return canonical(sale_payload(sale, lines, payments, reference), check=False)
        paid.append(
            f'{{"amount":{p[3]},"method":{q(p[2])},"reference":{q(p[5])},"tendered":{p[4]}}}'
        )
    shown = ""
    if reference is not None and reference[0]:
        currency, rate, amount = reference
        if (type(currency), type(rate), type(amount)) != (str, str, int):
            return canonical(sale_payload(sale, lines, payments, reference), check=False)
        shown = (
            f'"reference":{{"amount":{amount},"currency":{q(currency)},"rate":{q(rate)}}},'
        )
    s = sale
    return (
        f'{{"at":{q(s[6])},"cashier":{q(s[7])},"day":{s[5]},"discount":{s[11]},'
        f'"id":{q(s[1])},"lang":{q(s[9])},"lines":[{",".join(parts)}],"origin":{q(s[8])},'
        f'"payments":[{",".join(paid)}],"receipt_no":{q(s[2])},{shown}"subtotal":{s[10]},'
        f'"till":{q(s[3])},"total":{s[12]}}}'
    )


_HEAD_TYPES = (int, str, str, str, str)
#: JSON's quoting of a text without ``\\u`` escapes for non-ASCII (``ensure_ascii=False``).
_quote = json.encoder.encode_basestring
#: The types of a sale's, a line's and a payment's fields as the app writes them.
_SALE_TYPES = (int, str, str, str, int, int, str, str, str, str, int, int, int)
_LINE_TYPES = (str, int, str, str, str, str, int, int, int, int, int)
_PAYMENT_TYPES = (str, int, str, int, int, str)


def sale_facts(payload: str) -> tuple[int, int] | None:
    """(business day, total) a sale's journal text records, read without parsing it all.

    In canonical JSON a quote inside a text is always escaped, so ``"day":`` and
    ``"total":`` can only be keys; ``day`` is the sale's only key of that name and ``total``
    its last. None when the text does not have that shape (the caller parses it then).
    """
    start = payload.find('"day":')
    end = payload.find(",", start)
    total = payload.rfind('"total":')
    if start < 0 or end < 0 or total < 0 or not payload.startswith('{"at":'):
        return None
    day, total = payload[start + 6 : end], payload[total + 8 : -1]
    if not (_digits(day) and _digits(total)):
        return None
    return int(day), int(total)


def _digits(text: str) -> bool:
    return text.isascii() and (text.isdigit() or (text[:1] == "-" and text[1:].isdigit()))


def verification_code(hash_hex: str) -> str:
    """The short code printed on a receipt: the first 8 hex digits of its hash, "3F2A-9C1B".

    Enough to tell a genuine receipt from a made-up one when checked against the journal.
    """
    return f"{hash_hex[:4]}-{hash_hex[4:8]}".upper() if hash_hex else ""


# -- what a sale, a day and a correction put in the journal -----------------------------------


def sale_payload(
    sale: SaleRow,
    lines: Sequence[LineRow],
    payments: Sequence[PaymentRow],
    reference: tuple | None = None,
) -> dict:
    """What the journal keeps of a sale: every stored figure, lines and payments in order.

    A line's ``commission_bp`` (the rate in force at the sale) is part of it from migration 6
    on; lines of sales journaled before had none (``None``: the key is left out, so their
    entries keep their hashes) and got theirs from the ``rates_recorded`` entry.

    ``reference`` (migration 11) is ``(currency, rate, amount)`` of ``sale_references``: the
    foreign total the customer was shown; left out when none was (and for older sales).
    """
    shown = {}
    if reference is not None and reference[0]:
        currency, rate, amount = reference
        shown = {"reference": {"currency": currency, "rate": rate, "amount": amount}}
    return {
        **shown,
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
                **_commission(ln.commission_bp),
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


def _commission(bp: int | None) -> dict:
    return {} if bp is None else {"commission_bp": bp}


def without_commission(rows: Sequence[NamedTuple]) -> list:
    """Lines as they were journaled before migration 6 recorded rates (for ``verify``)."""
    return [r._replace(commission_bp=None) for r in rows]


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
                **_commission(ln.commission_bp),
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

    def hash_at(self, seq: int) -> str | None:
        """The hash of entry number ``seq``; GENESIS for 0, None when there is no such entry.

        Two files whose chains hold the same hash at ``seq`` hold the same first ``seq``
        entries: each hash covers its predecessor's (how a restore tells that a backup
        continues the database's journal).
        """
        if seq == 0:
            return GENESIS
        row = self._conn.execute(
            f"SELECT hash FROM {self.chain.table} WHERE id = ?", (seq,)
        ).fetchone()
        return row[0] if row else None

    def entries(self) -> Iterator[Entry]:
        """Every entry in order (streamed, not loaded at once)."""
        cur = self._conn.execute(
            f"SELECT id, at, {self.chain.kind}, {self.chain.ref}, {self.chain.payload}, "
            f"prev_hash, hash FROM {self.chain.table} ORDER BY id"
        )
        for row in cur:
            yield Entry(*row)

    def kind_at(self, seq: int) -> str | None:
        """The kind of entry number ``seq`` (None when there is no such entry)."""
        row = self._conn.execute(
            f"SELECT {self.chain.kind} FROM {self.chain.table} WHERE id = ?", (seq,)
        ).fetchone()
        return row[0] if row else None

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

    def close_hash(self, z_no: int) -> str:
        """The hash of the day close ``Z{z_no}``'s journal entry ("" if it has none)."""
        row = self._conn.execute(
            "SELECT hash FROM journal WHERE kind = 'day_close' AND ref = ? ORDER BY id DESC",
            (f"Z{z_no}",),
        ).fetchone()
        return row[0] if row else ""

    def sale_hash(self, receipt_no: str) -> str:
        """The hash of a sale's journal entry ("" if it has none)."""
        row = self._conn.execute(
            "SELECT hash FROM journal WHERE kind = 'sale' AND ref = ?", (receipt_no,)
        ).fetchone()
        return row[0] if row else ""


@dataclass(frozen=True)
class FileHeads:
    """Whose a database file is and where its two chains ended (an anchor, ``verify``)."""

    stand_id: str
    journal: tuple[int, str]
    audit: tuple[int, str]


def file_heads(path) -> FileHeads | None:
    """The stand id and the chains' last entries of the database ``path``, read-only.

    None when it is not a Booth POS database with a journal (another program's file, an
    encrypted backup, a half-written one): such a file anchors nothing.
    """
    from booth_pos.store.door import StoreError, connect

    try:
        conn = connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except (StoreError, OSError):
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'stand_id'").fetchone()
        stand_id = json.loads(row[0]) if row else ""
        return FileHeads(str(stand_id), last_entry(conn, JOURNAL), last_entry(conn, AUDIT))
    except (StoreError, sqlite3.DatabaseError, ValueError):
        return None
    finally:
        conn.close()


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


_LINE_COLS = (
    "sale_id, line_no, sku, name, artisan_code, category, unit_price, qty, line_discount, "
    "sale_discount_share, net, day_id, commission_bp"
)
_PAYMENT_COLS = "sale_id, seq, method, amount, tendered, reference, day_id"


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in columns.split(","))


# Row types made straight from fetched tuples (the fields are the columns, in order).
_make_sale = functools.partial(tuple.__new__, SaleRow)
_make_line = functools.partial(tuple.__new__, LineRow)
_make_payment = functools.partial(tuple.__new__, PaymentRow)


#: The number column of a numbered table and its shape from till and seq (``printf``).
_NUMBERED = {"sales": ("receipt_no", "%s-%06d"), "corrections": ("number", "%s-R%06d")}


def _first_of_groups(rows):
    """(sale id, its rows, its first row) of rows grouped by sale id (column 1)."""
    for sale_id, group in itertools.groupby(rows, operator.itemgetter(1)):
        group = list(group)
        yield sale_id, group, group[0]


def _of_another_day(entry: tuple[int, str, str], day_id: int) -> bool:
    facts = sale_facts(entry[2])
    return facts is not None and facts[0] != day_id


class OutOfOrder(Exception):
    """A day's rows do not stand where the app writes them (``Records.day_sales``)."""


_DAY_COLS = "id, till, business_date, opened_at, opening_float, closed_at, counted, z_no"
_SALE_COLS = (
    "rowid, id, receipt_no, till, seq, day_id, created_at, cashier, origin, lang, "
    "subtotal, discount, total"
)
_SALE_COLS_S = _prefixed("s", _SALE_COLS)


class Records(Repository):
    """The stored rows as they are, read back for ``verify`` and for the journal's start."""

    @classmethod
    def on(cls, conn) -> Records:
        """Records read through ``conn`` directly (the migrations, before a Store exists)."""
        self = cls.__new__(cls)
        self._store = None
        self._conn = conn
        return self

    def _commission_column(self, alias: str) -> str:
        """``alias.commission_bp``, or NULL on a file migration 6 has not reached yet (the
        journal's backfill of migration 4 reads lines before the column exists)."""
        table = "sale_lines" if alias == "l" else alias
        cols = {r[1] for r in self._conn.execute(f"PRAGMA table_info({table})")}
        return f"{alias}.commission_bp" if "commission_bp" in cols else "NULL"

    def references_of_day(self, day_id: int) -> dict[str, tuple[str, str, int]]:
        """``sale id -> (currency, rate, amount)`` of a day's sales that showed a reference
        (migration 11); empty on a file that has no such table yet."""
        if not self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sale_references'"
        ).fetchone():
            return {}
        return {
            r[0]: (r[1], r[2], r[3])
            for r in self._conn.execute(
                "SELECT r.sale_id, r.currency, r.rate, r.amount FROM sale_references r "
                "JOIN sales s ON s.id = r.sale_id WHERE s.day_id = ?",
                (day_id,),
            )
        }

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
            "l.qty, l.line_discount, l.sale_discount_share, l.net, l.day_id, "
            f"{self._commission_column('l')} "
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

    def day_sales(
        self, day_id: int, *, in_place: tuple[int, int] | None = None
    ) -> Iterator[tuple[SaleRow, list[LineRow], list[PaymentRow], list[tuple[int, str]]]]:
        """A day's sales streamed one by one, in the order they were written, each with its
        lines, its payments and its journal entries, for ``verify``.

        Yields ``(sale, lines, payments, entries)``: lines and payments in order, ``entries``
        the ``(id, payload)`` of the sale's journal entries (those with its receipt number,
        oldest first; normally exactly one). The queries are read side by side, all in the
        sales' order, so nothing of the day is held but the sale at hand: memory stays the
        same for 1,000 or 100,000 sales a day.

        Args:
            day_id: the business day.
            in_place: the first and last number of the day's sale entries in the journal:
                read the day's entries, lines and payments where the app writes them (one
                after the other, in the order of their sales) instead of looking each
                sale's up in an index, a good third faster. It holds for a day as the app
                wrote it; otherwise ``OutOfOrder`` is raised (at once for the journal, at
                the end for lines and payments: a sale may have been given only the rows
                found in place) and the caller reads the day again without it. A line or
                payment that names another day is not found in place: the caller compares
                the rows it was given in all with ``line_count()``. Without ``in_place``,
                everything is found through the sale (not the row's own ``day_id``), so a
                line that claims another day is still given with its sale.
        """
        conn = self._conn
        if in_place is None:
            sales = conn.execute(
                f"SELECT {_SALE_COLS_S}, j.id, j.payload FROM sales s "
                "LEFT JOIN journal j ON j.kind = 'sale' AND j.ref = s.receipt_no "
                "WHERE s.day_id = ? ORDER BY s.rowid",
                (day_id,),
            )
            lines = conn.execute(
                f"SELECT {_prefixed('l', _LINE_COLS)} FROM sales s "
                "JOIN sale_lines l ON l.sale_id = s.id WHERE s.day_id = ? "
                "ORDER BY s.rowid, l.line_no",
                (day_id,),
            )
            payments = conn.execute(
                f"SELECT {_prefixed('p', _PAYMENT_COLS)} FROM sales s "
                "JOIN payments p ON p.sale_id = s.id WHERE s.day_id = ? "
                "ORDER BY s.rowid, p.seq",
                (day_id,),
            )
            heads = (
                (sale_id, [(r[13], r[14]) for r in rows if r[13] is not None], r0)
                for sale_id, rows, r0 in _first_of_groups(sales)
            )
        else:
            sales = conn.execute(
                f"SELECT {_SALE_COLS} FROM sales WHERE day_id = ? ORDER BY rowid", (day_id,)
            )
            lines = self._in_place("sale_lines", _LINE_COLS, day_id)
            payments = self._in_place("payments", _PAYMENT_COLS, day_id)
            heads = self._paired_in_place(sales, day_id, *in_place)
        by_sale = operator.itemgetter(0)
        line_groups = itertools.groupby(lines, by_sale)
        payment_groups = itertools.groupby(payments, by_sale)
        line_key, line_group = next(line_groups, (None, ()))
        payment_key, payment_group = next(payment_groups, (None, ()))
        for sale_id, entries, row in heads:
            if line_key == sale_id:
                own_lines = list(map(_make_line, line_group))
                line_key, line_group = next(line_groups, (None, ()))
            else:
                own_lines = []
            if payment_key == sale_id:
                own_payments = list(map(_make_payment, payment_group))
                payment_key, payment_group = next(payment_groups, (None, ()))
            else:
                own_payments = []
            yield _make_sale(row[:13]), own_lines, own_payments, entries
        if line_key is not None or payment_key is not None:
            raise OutOfOrder(f"rows of business day {day_id} stand out of their sales' order")

    def _paired_in_place(self, sales, day_id: int, first: int, last: int):
        """Each sale row with the next sale entry of its day in the journal (entries of other
        tills' days in between are passed over); ``OutOfOrder`` if they do not pair up."""
        journal = self._conn.execute(
            "SELECT id, ref, payload FROM journal WHERE id BETWEEN ? AND ? AND kind = 'sale' "
            "ORDER BY id",
            (first, last),
        )
        entry = next(journal, None)
        for row in sales:
            while entry is not None and entry[1] != row[2] and _of_another_day(entry, day_id):
                entry = next(journal, None)
            if entry is None or entry[1] != row[2]:
                raise OutOfOrder(f"sale {row[2]} and the journal are not in the same order")
            yield row[1], [(entry[0], entry[2])], row
            entry = next(journal, None)

    def _in_place(self, table: str, columns: str, day_id: int):
        """A day's rows of ``table`` in the order they were written (one range of rowids,
        no index lookups); rows of other tills' days in between are passed over."""
        lo, hi = self._conn.execute(
            f"SELECT min(rowid), max(rowid) FROM {table} WHERE day_id = ?", (day_id,)
        ).fetchone()
        if lo is None:
            return iter(())
        # ``+day_id``: filter the range, never the day's index (it would sort the day).
        return self._conn.execute(
            f"SELECT {columns} FROM {table} WHERE rowid BETWEEN ? AND ? AND +day_id = ? "
            "ORDER BY rowid",
            (lo, hi, day_id),
        )

    def sale_lines_and_payments(self, sale_id: str) -> tuple[list[LineRow], list[PaymentRow]]:
        """One sale's lines and payments, found through the sale (index lookups)."""
        lines = self._conn.execute(
            f"SELECT {_LINE_COLS} FROM sale_lines WHERE sale_id = ? ORDER BY line_no", (sale_id,)
        )
        payments = self._conn.execute(
            f"SELECT {_PAYMENT_COLS} FROM payments WHERE sale_id = ? ORDER BY seq", (sale_id,)
        )
        return list(map(_make_line, lines)), list(map(_make_payment, payments))

    def line_count(self) -> tuple[int, int]:
        """How many sale lines and payments the file holds, whatever sale or day they name."""
        return (
            self._conn.execute("SELECT count(*) FROM sale_lines").fetchone()[0],
            self._conn.execute("SELECT count(*) FROM payments").fetchone()[0],
        )

    def sale_entries_between(self, first: int, last: int) -> Iterator[tuple[int, str, str]]:
        """``(id, ref, payload)`` of the journal's sale entries numbered first..last."""
        yield from self._conn.execute(
            "SELECT id, ref, payload FROM journal WHERE id BETWEEN ? AND ? AND kind = 'sale' "
            "ORDER BY id",
            (first, last),
        )

    def receipts_of_day(self, day_id: int) -> set[str]:
        return {
            r[0]
            for r in self._conn.execute("SELECT receipt_no FROM sales WHERE day_id = ?", (day_id,))
        }

    def repeated_sale_entries(self) -> set[int]:
        """Ids of sale entries that repeat an earlier entry's receipt number (index only)."""
        return {
            r[0]
            for r in self._conn.execute(
                "SELECT j.id FROM journal j JOIN ("
                "  SELECT ref, min(id) AS first FROM journal WHERE kind = 'sale' "
                "  GROUP BY ref HAVING count(*) > 1"
                ") d ON d.ref = j.ref WHERE j.kind = 'sale' AND j.id > d.first"
            )
        }

    def sales_without_day(self) -> list[str]:
        """Receipt numbers of sales whose business day does not exist (foreign keys off)."""
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT receipt_no FROM sales WHERE day_id NOT IN (SELECT id FROM days) "
                "ORDER BY rowid"
            )
        ]

    def number_breaks(self, table: str) -> tuple[list[tuple[str, int, str, int]], dict[str, int]]:
        """Where the numbers of ``sales`` or ``corrections`` may not run 1, 2, 3... per till.

        Returns ``(till, seq, number, seq before it)`` of each row whose number does not
        follow the one before it or does not read ``T1-000042`` (``T1-R000042``), by till
        and number, and the last number per till. Done by SQLite over the ``(till, seq)``
        index: 300,000 receipts are not brought into Python to find none out of place.
        """
        column, shape = _NUMBERED[table]
        breaks = self._conn.execute(
            f"SELECT till, seq, {column}, before FROM ("
            f"  SELECT till, seq, {column}, "
            "   lag(seq, 1, 0) OVER (PARTITION BY till ORDER BY seq) AS before "
            f"  FROM {table}"
            f") WHERE seq IS NOT before + 1 OR {column} IS NOT printf(?, till, seq) "
            "ORDER BY till, seq",
            (shape,),
        ).fetchall()
        last = dict(self._conn.execute(f"SELECT till, max(seq) FROM {table} GROUP BY till"))
        return breaks, last

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
            "SELECT correction_id, sale_id, line_no, day_id, artisan_code, sku, qty, amount, "
            f"{self._commission_column('refund_lines')} "
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

    def foreign_key_problems(self, limit: int = 10, *, skip: Sequence[str] = ()) -> list[tuple]:
        """(table, rowid, parent table) of rows pointing at nothing.

        ``skip``: tables left out (their rows are known to point at something: ``verify``
        gave every sale line and payment to its sale, of a day that exists).
        """
        if skip:
            tables = [
                r[0]
                for r in self._conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                )
                if r[0] not in skip
            ]
            found = itertools.chain.from_iterable(
                self._conn.execute(f'PRAGMA foreign_key_check("{t}")') for t in tables
            )
        else:
            found = self._conn.execute("PRAGMA foreign_key_check")
        out = []
        for table, rowid, parent, _fk in found:
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

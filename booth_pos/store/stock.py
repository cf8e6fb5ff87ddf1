"""The stock ledger and payouts: the only SQL of the consignment cycle.

Every change of stock is a row of ``stock_moves`` (append-only since migration 9) with a
kind and a document: ``sale`` and ``void``/``refund`` carry the receipt or correction number,
``intake``, ``return``, ``count`` and ``import`` the number of their ``stock_notes`` row. A
product's ``stock`` column is kept equal to the sum of its moves in the same transaction;
``verify`` checks it. A note's or payout's journal payload is built here from its rows by
``note_payload`` / ``payout_payload``, both when it is written and when ``verify`` reads it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from booth_pos.clock import from_iso, local_date, to_iso
from booth_pos.model import (
    LedgerRow,
    NoteKind,
    NoteLine,
    Payout,
    PayoutMethod,
    StockNote,
    note_number,
)
from booth_pos.store import Repository

#: Move kinds that belong to a stock note (the rest belong to sales and corrections).
NOTE_KINDS = tuple(k.value for k in NoteKind)

_NOTE_COLS = "number, kind, seq, artisan_code, artisan_name, business_date, created_at, staff, note"
_MOVE_COLS = "sku, coalesce(name, ''), qty, coalesce(unit_price, 0), counted"
_PAYOUT_COLS = (
    "number, seq, artisan_code, artisan_name, amount, method, reference, day_id, "
    "business_date, created_at, staff, supervisor, owed_before"
)


@dataclass(frozen=True)
class NoteRow:
    number: str
    kind: str
    seq: int
    artisan_code: str
    artisan_name: str
    business_date: str
    created_at: str
    staff: str
    note: str


@dataclass(frozen=True)
class PayoutRow:
    number: str
    seq: int
    artisan_code: str
    artisan_name: str
    amount: int
    method: str
    reference: str
    day_id: int | None
    business_date: str
    created_at: str
    staff: str
    supervisor: str
    owed_before: int


def note_payload(row: NoteRow, moves: Sequence[tuple]) -> dict:
    """What the journal keeps of a stock note: its header and every move, in order."""
    return {
        "number": row.number,
        "kind": row.kind,
        "seq": row.seq,
        "artisan": row.artisan_code,
        "artisan_name": row.artisan_name,
        "business_date": row.business_date,
        "staff": row.staff,
        "note": row.note,
        "lines": [list(m) for m in moves],
    }


def payout_payload(row: PayoutRow) -> dict:
    """What the journal keeps of a payout: every stored field."""
    return {
        "number": row.number,
        "seq": row.seq,
        "artisan": row.artisan_code,
        "artisan_name": row.artisan_name,
        "amount": row.amount,
        "method": row.method,
        "reference": row.reference,
        "day": row.day_id,
        "business_date": row.business_date,
        "staff": row.staff,
        "supervisor": row.supervisor,
        "owed_before": row.owed_before,
    }


def _note(row: NoteRow, moves: Iterable[tuple]) -> StockNote:
    return StockNote(
        number=row.number,
        kind=NoteKind(row.kind),
        artisan_code=row.artisan_code,
        artisan_name=row.artisan_name,
        created_at=from_iso(row.created_at),
        staff=row.staff,
        note=row.note,
        lines=tuple(
            NoteLine(sku, name, qty, price, counted) for sku, name, qty, price, counted in moves
        ),
    )


def _payout(row: PayoutRow) -> Payout:
    return Payout(
        number=row.number,
        artisan_code=row.artisan_code,
        artisan_name=row.artisan_name,
        amount=row.amount,
        method=PayoutMethod(row.method),
        reference=row.reference,
        day_id=row.day_id,
        created_at=from_iso(row.created_at),
        staff=row.staff,
        supervisor=row.supervisor,
        owed_before=row.owed_before,
    )


def legacy_digest(conn, last_id: int) -> str:
    """SHA-256 over every move up to ``last_id``, in order (what ``stock_recorded`` seals)."""
    digest = hashlib.sha256()
    rows = conn.execute(
        "SELECT id, sku, qty, kind, ref, at FROM stock_moves WHERE id <= ? ORDER BY id", (last_id,)
    )
    for row in rows:
        digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def seal_legacy_moves(conn, at: str) -> None:
    """Journal the moves written before migration 9 (which had no entries of their own)."""
    from booth_pos.store import journal

    last, count = conn.execute("SELECT coalesce(max(id), 0), count(*) FROM stock_moves").fetchone()
    if not count:
        return
    journal.append_entry(
        conn,
        journal.JOURNAL,
        "stock_recorded",
        "migration 9",
        {"moves": count, "last_id": last, "digest": legacy_digest(conn, last)},
        at,
    )


class Stock(Repository):
    """Stock notes and the ledger of moves."""

    def next_seq(self, kind: NoteKind) -> int:
        row = self._conn.execute(
            "SELECT coalesce(max(seq), 0) + 1 FROM stock_notes WHERE kind = ?", (kind.value,)
        ).fetchone()
        return row[0]

    def on_hand(self, skus: Sequence[str]) -> dict[str, int]:
        """Each product's stock now (the sum of its moves), by SKU."""
        if not skus:
            return {}
        marks = ", ".join("?" * len(skus))
        return dict(
            self._conn.execute(
                f"SELECT sku, stock FROM products WHERE sku IN ({marks})", tuple(skus)
            )
        )

    def insert_note(self, row: NoteRow, lines: Sequence[NoteLine]) -> list[tuple]:
        """Write a note and its moves, and move each product's stock (caller holds the
        transaction); return the moves as journaled."""
        conn = self._conn
        conn.execute(
            f"INSERT INTO stock_notes({_NOTE_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.number, row.kind, row.seq, row.artisan_code, row.artisan_name,
                row.business_date, row.created_at, row.staff, row.note,
            ),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO stock_moves(sku, qty, kind, ref, at, unit_price, counted, name) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    ln.sku,
                    ln.qty,
                    row.kind,
                    row.number,
                    row.created_at,
                    ln.unit_price,
                    ln.counted,
                    ln.name,
                )
                for ln in lines
            ],
        )
        conn.executemany(
            "UPDATE products SET stock = stock + ? WHERE sku = ?",
            [(ln.qty, ln.sku) for ln in lines],
        )
        return self.moves_of(row.number, row.kind)

    def record(
        self,
        kind: NoteKind,
        lines: Sequence[NoteLine],
        at: datetime,
        *,
        artisan_code: str = "",
        artisan_name: str = "",
        staff: str = "",
        note: str = "",
    ) -> StockNote:
        """Number, write and journal a stock note with its moves (caller holds the
        transaction): the note, its moves, the products' stock and its journal entry commit
        or roll back together."""
        seq = self.next_seq(kind)
        row = NoteRow(
            note_number(kind, seq), kind.value, seq, artisan_code, artisan_name,
            self.business_date(at).isoformat(), to_iso(at), staff, note,
        )  # fmt: skip
        moves = self.insert_note(row, lines)
        self._store.journal.append_in_transaction(
            "stock_note", row.number, note_payload(row, moves), row.created_at
        )
        return _note(row, moves)

    def business_date(self, at: datetime) -> date:
        """The business day a note or payout written at ``at`` belongs to: the open day's,
        else the local date in the event's time zone."""
        settings = self._store.settings()
        row = self._conn.execute(
            "SELECT business_date FROM days WHERE till = ? AND closed_at IS NULL", (settings.till,)
        ).fetchone()
        return date.fromisoformat(row[0]) if row else local_date(at, settings.timezone)

    def moves_of(self, number: str, kind: str) -> list[tuple]:
        """The moves of note ``number`` (of ``kind``), in the order written."""
        return [
            tuple(m)
            for m in self._conn.execute(
                f"SELECT {_MOVE_COLS} FROM stock_moves WHERE ref = ? AND kind = ? ORDER BY id",
                (number, kind),
            )
        ]

    def note_rows(
        self, *, kind: NoteKind | None = None, artisan_code: str | None = None
    ) -> list[NoteRow]:
        where, params = [], []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind.value)
        if artisan_code is not None:
            where.append(
                "(artisan_code = ? OR number IN (SELECT m.ref FROM stock_moves m "
                "JOIN products p ON p.sku = m.sku WHERE p.artisan_code = ?))"
            )
            params += [artisan_code, artisan_code]
        sql = f"SELECT {_NOTE_COLS} FROM stock_notes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._conn.execute(sql + " ORDER BY created_at, kind, seq", tuple(params))
        return [NoteRow(*r) for r in rows]

    def notes(
        self, *, kind: NoteKind | None = None, artisan_code: str | None = None
    ) -> list[StockNote]:
        """Stock notes oldest first; of one artisan: its own and those touching its goods,
        with only its goods' lines."""
        mine = None
        if artisan_code is not None:
            mine = {
                r[0]
                for r in self._conn.execute(
                    "SELECT sku FROM products WHERE artisan_code = ?", (artisan_code,)
                )
            }
        out = []
        for row in self.note_rows(kind=kind, artisan_code=artisan_code):
            moves = self.moves_of(row.number, row.kind)
            if mine is not None:
                moves = [m for m in moves if m[0] in mine]
            out.append(_note(row, moves))
        return out

    def note(self, number: str) -> StockNote | None:
        row = self._conn.execute(
            f"SELECT {_NOTE_COLS} FROM stock_notes WHERE number = ?", (number,)
        ).fetchone()
        if row is None:
            return None
        note = NoteRow(*row)
        return _note(note, self.moves_of(number, note.kind))

    def ledger(self, artisan_code: str | None = None) -> list[LedgerRow]:
        """Every product's moves summed by kind (one artisan's if given), by artisan and SKU;
        the moves of the stand's other tills (``till_stock_moves``, merged by ``sync``) too."""
        where = "WHERE p.artisan_code = ?" if artisan_code is not None else ""
        sql = (
            "SELECT p.sku, p.name, p.artisan_code, p.price, "
            "coalesce(sum(CASE WHEN m.kind IN ('intake', 'import') THEN m.qty END), 0), "
            "coalesce(-sum(CASE WHEN m.kind = 'sale' THEN m.qty END), 0), "
            "coalesce(sum(CASE WHEN m.kind IN ('void', 'refund') THEN m.qty END), 0), "
            "coalesce(-sum(CASE WHEN m.kind = 'return' THEN m.qty END), 0), "
            "coalesce(sum(CASE WHEN m.kind = 'count' THEN m.qty END), 0), "
            "coalesce(-sum(CASE WHEN m.kind IN ('reserved', 'unreserved') THEN m.qty END), 0) "
            "FROM products p LEFT JOIN (SELECT sku, qty, kind FROM stock_moves UNION ALL "
            "  SELECT sku, qty, kind FROM till_stock_moves) m "
            f"ON m.sku = p.sku {where} GROUP BY p.sku ORDER BY p.artisan_code, p.sku"
        )
        params = (artisan_code,) if artisan_code is not None else ()
        flagged = self.needing_count()
        return [
            LedgerRow(*row[:9], needs_count=row[0] in flagged, reserved=row[9])
            for row in self._conn.execute(sql, params)
        ]

    def needing_count(self) -> set[str]:
        """SKUs sold beyond what was on hand since their last count ("perlu dihitung").

        Walks each product's running stock in move order: a product is flagged when it went
        below zero after its last ``count`` move (or ever, if it was never counted). A product
        whose stock with the other tills' moves (``sync``) is below zero is flagged too: two
        tills sold the last scarf, and only a count tells what is on the shelf.
        """
        sql = (
            "WITH run AS (SELECT sku, id, sum(qty) OVER (PARTITION BY sku ORDER BY id) AS after "
            "  FROM stock_moves), "
            "last AS (SELECT sku, max(id) AS id FROM stock_moves WHERE kind = 'count' "
            "  GROUP BY sku) "
            "SELECT DISTINCT run.sku FROM run LEFT JOIN last ON last.sku = run.sku "
            "WHERE run.after < 0 AND run.id > coalesce(last.id, 0) "
            "UNION SELECT sku FROM products WHERE stock < 0"
        )
        return {row[0] for row in self._conn.execute(sql)}

    def moved_by_artisan(self) -> list[tuple[str, str, int, int]]:
        """``(business date, artisan, units received, units returned)`` of every note that
        brought goods in or handed them back, per date and artisan."""
        sql = (
            "SELECT n.business_date, p.artisan_code, "
            "coalesce(sum(CASE WHEN m.kind IN ('intake', 'import') THEN m.qty END), 0), "
            "coalesce(-sum(CASE WHEN m.kind = 'return' THEN m.qty END), 0) "
            "FROM stock_notes n JOIN stock_moves m ON m.ref = n.number AND m.kind = n.kind "
            "JOIN products p ON p.sku = m.sku "
            "WHERE n.kind IN ('intake', 'import', 'return') "
            "GROUP BY n.business_date, p.artisan_code"
        )
        return [tuple(r) for r in self._conn.execute(sql)]

    # -- what verify reads -------------------------------------------------------------

    def all_note_rows(self) -> Iterator[NoteRow]:
        for r in self._conn.execute(f"SELECT {_NOTE_COLS} FROM stock_notes ORDER BY kind, seq"):
            yield NoteRow(*r)

    def stray_moves(self, after_id: int) -> list[tuple[int, str, str]]:
        """Moves after ``after_id`` whose document does not exist: ``(id, kind, ref)``."""
        return self._conn.execute(
            "SELECT m.id, m.kind, m.ref FROM stock_moves m WHERE m.id > ? AND ("
            " (m.kind IN ('intake', 'return', 'count', 'import') AND NOT EXISTS "
            "  (SELECT 1 FROM stock_notes n WHERE n.number = m.ref AND n.kind = m.kind)) OR "
            " (m.kind = 'sale' AND NOT EXISTS "
            "  (SELECT 1 FROM sales s WHERE s.receipt_no = m.ref)) OR "
            " (m.kind IN ('void', 'refund') AND NOT EXISTS "
            "  (SELECT 1 FROM corrections c WHERE c.number = m.ref AND c.kind = m.kind)) OR "
            " (m.kind IN ('reserved', 'unreserved') AND NOT EXISTS "  # issue 17: orders
            "  (SELECT 1 FROM orders o WHERE o.number = m.ref)) OR "
            " m.kind NOT IN ('intake', 'return', 'count', 'import', 'sale', 'void', 'refund', "
            "  'reserved', 'unreserved')) "
            "ORDER BY m.id LIMIT 20",
            (after_id,),
        ).fetchall()

    def move_sums(self) -> dict[tuple[str, str], int]:
        """``(sku, kind) -> units`` over every move: one pass over the table."""
        sums: dict[tuple[str, str], int] = {}
        for sku, kind, qty in self._conn.execute("SELECT sku, kind, qty FROM stock_moves"):
            key = (sku, kind)
            sums[key] = sums.get(key, 0) + qty
        return sums

    def recorded_stock(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT sku, stock FROM products"))

    def line_sums(self) -> tuple[dict[str, int], dict[str, int]]:
        """Units per SKU sold by every sale line, and given back by every refund line."""
        sold = dict(self._conn.execute("SELECT sku, sum(qty) FROM sale_lines GROUP BY sku"))
        back = dict(self._conn.execute("SELECT sku, sum(qty) FROM refund_lines GROUP BY sku"))
        return sold, back

    def sale_moves_differing(self, after_id: int, sku: str | None = None) -> list[tuple[str, str]]:
        """``(receipt_no, sku)`` whose sale moves after ``after_id`` are not minus the units
        its lines sold (either way: a move edited, added or missing); of one ``sku`` if
        given (the exact comparison, run once the per-product sums disagree).

        Every sale is checked but those whose moves ``stock_recorded`` sealed (moves up to
        ``after_id``, older than migration 9): a sale whose moves were ALL deleted has none
        left to be found by, so the lines are the side that picks the sales.
        """
        only = "AND sku = ?" if sku is not None else ""
        sql = (
            "WITH lines AS (SELECT s.receipt_no AS ref, l.sku, -sum(l.qty) AS qty "
            "  FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
            "  WHERE s.receipt_no NOT IN "
            "    (SELECT ref FROM stock_moves WHERE kind = 'sale' AND id <= ?) "
            f"    AND l.sku IN (SELECT sku FROM products) {only.replace('sku', 'l.sku')} "
            "  GROUP BY s.receipt_no, l.sku), "
            "moves AS (SELECT ref, sku, sum(qty) AS qty FROM stock_moves "
            f"  WHERE kind = 'sale' AND id > ? {only} GROUP BY ref, sku), "
            "diff AS (SELECT * FROM lines EXCEPT SELECT * FROM moves "
            "  UNION ALL SELECT * FROM (SELECT * FROM moves EXCEPT SELECT * FROM lines)) "
            "SELECT DISTINCT ref, sku FROM diff ORDER BY ref, sku LIMIT 20"
        )
        params = (after_id, sku, after_id, sku) if sku is not None else (after_id, after_id)
        return self._conn.execute(sql, params).fetchall()

    def refund_moves_differing(self, after_id: int) -> list[tuple[str, str]]:
        """``(correction number, sku)`` whose moves after ``after_id`` are not the units its
        lines gave back (to products that exist); every correction but those whose moves
        were sealed, as for sales."""
        sql = (
            "WITH lines AS (SELECT c.number AS ref, l.sku, sum(l.qty) AS qty "
            "  FROM refund_lines l JOIN corrections c ON c.id = l.correction_id "
            "  WHERE c.number NOT IN (SELECT ref FROM stock_moves "
            "    WHERE kind IN ('void', 'refund') AND id <= ?) "
            "    AND l.sku IN (SELECT sku FROM products) GROUP BY c.number, l.sku), "
            "moves AS (SELECT ref, sku, sum(qty) AS qty FROM stock_moves "
            "  WHERE kind IN ('void', 'refund') AND id > ? GROUP BY ref, sku), "
            "diff AS (SELECT * FROM lines EXCEPT SELECT * FROM moves "
            "  UNION ALL SELECT * FROM (SELECT * FROM moves EXCEPT SELECT * FROM lines)) "
            "SELECT DISTINCT ref, sku FROM diff ORDER BY ref, sku LIMIT 20"
        )
        return self._conn.execute(sql, (after_id, after_id)).fetchall()

    def legacy_digest(self, last_id: int) -> str:
        return legacy_digest(self._conn, last_id)

    def last_move_id(self) -> int:
        return self._conn.execute("SELECT coalesce(max(id), 0) FROM stock_moves").fetchone()[0]


class Payouts(Repository):
    """Money paid to artisans."""

    def next_seq(self) -> int:
        return self._conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM payouts").fetchone()[0]

    def insert(self, row: PayoutRow) -> None:
        self._conn.execute(
            f"INSERT INTO payouts({_PAYOUT_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.number, row.seq, row.artisan_code, row.artisan_name, row.amount, row.method,
                row.reference, row.day_id, row.business_date, row.created_at, row.staff,
                row.supervisor, row.owed_before,
            ),
        )  # fmt: skip

    def rows(self) -> list[PayoutRow]:
        return [
            PayoutRow(*r)
            for r in self._conn.execute(f"SELECT {_PAYOUT_COLS} FROM payouts ORDER BY seq")
        ]

    def all(
        self,
        *,
        artisan_code: str | None = None,
        business_dates: Sequence[date] | None = None,
    ) -> list[Payout]:
        where, params = [], []
        if artisan_code is not None:
            where.append("artisan_code = ?")
            params.append(artisan_code)
        if business_dates is not None:
            dates = [d.isoformat() for d in business_dates] or [""]
            where.append(f"business_date IN ({', '.join('?' * len(dates))})")
            params += dates
        sql = f"SELECT {_PAYOUT_COLS} FROM payouts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_payout(PayoutRow(*r)) for r in self._conn.execute(sql + " ORDER BY seq", params)]

    def get(self, number: str) -> Payout | None:
        row = self._conn.execute(
            f"SELECT {_PAYOUT_COLS} FROM payouts WHERE number = ?", (number,)
        ).fetchone()
        return _payout(PayoutRow(*row)) if row else None

    def cash_of_days(self, day_ids: Sequence[int]) -> int:
        """Cash paid out of the drawer on these business days."""
        if not day_ids:
            return 0
        marks = ", ".join("?" * len(day_ids))
        return self._conn.execute(
            f"SELECT coalesce(sum(amount), 0) FROM payouts WHERE method = 'cash' "
            f"AND day_id IN ({marks})",
            tuple(day_ids),
        ).fetchone()[0]

    def paid_rows(self) -> list[tuple[str, int | None, str, str, int]]:
        """``(business date, day id, artisan, method, amount)`` of every payout."""
        return [
            tuple(r)
            for r in self._conn.execute(
                "SELECT business_date, day_id, artisan_code, method, amount FROM payouts "
                "ORDER BY seq"
            )
        ]


__all__ = [
    "NOTE_KINDS",
    "NoteRow",
    "Payouts",
    "PayoutRow",
    "Stock",
    "legacy_digest",
    "note_payload",
    "payout_payload",
    "seal_legacy_moves",
]

"""Business days: opened with a float, closed with the counted cash and a Z number."""

from __future__ import annotations

from datetime import date, datetime

from booth_pos.clock import from_iso, to_iso
from booth_pos.model import Day
from booth_pos.store import Repository

_COLS = "id, business_date, opened_at, opening_float, closed_at, counted, z_no"


def _day(row) -> Day:
    return Day(
        id=row[0],
        business_date=date.fromisoformat(row[1]),
        opened_at=from_iso(row[2]),
        opening_float=row[3],
        closed_at=from_iso(row[4]) if row[4] else None,
        counted=row[5],
        z_no=row[6],
    )


class Days(Repository):
    """The business days of every till."""

    def current(self, till: str) -> Day | None:
        """The day open on ``till``, if any."""
        row = self._conn.execute(
            f"SELECT {_COLS} FROM days WHERE till = ? AND closed_at IS NULL", (till,)
        ).fetchone()
        return _day(row) if row else None

    def last(self, till: str) -> Day | None:
        row = self._conn.execute(
            f"SELECT {_COLS} FROM days WHERE till = ? ORDER BY id DESC LIMIT 1", (till,)
        ).fetchone()
        return _day(row) if row else None

    def all(self) -> list[Day]:
        return [_day(row) for row in self._conn.execute(f"SELECT {_COLS} FROM days ORDER BY id")]

    def by_date(self, business_date: date) -> list[Day]:
        rows = self._conn.execute(
            f"SELECT {_COLS} FROM days WHERE business_date = ? ORDER BY id",
            (business_date.isoformat(),),
        )
        return [_day(row) for row in rows]

    def get(self, day_id: int) -> Day:
        row = self._conn.execute(f"SELECT {_COLS} FROM days WHERE id = ?", (day_id,))
        return _day(row.fetchone())

    def insert(self, till: str, business_date: date, opened_at: datetime, float_: int) -> Day:
        cur = self._conn.execute(
            "INSERT INTO days(till, business_date, opened_at, opening_float) VALUES (?, ?, ?, ?)",
            (till, business_date.isoformat(), to_iso(opened_at), float_),
        )
        return self.get(cur.lastrowid)

    def close(self, day_id: int, closed_at: datetime, counted: int) -> int:
        """Mark a day closed with the next Z number; returns that number."""
        z_no = self._conn.execute("SELECT coalesce(max(z_no), 0) + 1 FROM days").fetchone()[0]
        self._conn.execute(
            "UPDATE days SET closed_at = ?, counted = ?, z_no = ? WHERE id = ? "
            "AND closed_at IS NULL",
            (to_iso(closed_at), counted, z_no, day_id),
        )
        return z_no

    def cash_received(self, day_id: int) -> int:
        """Cash kept from the day's sales: tendered minus change."""
        return self._conn.execute(
            "SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN sales s ON s.id = p.sale_id "
            "WHERE s.day_id = ? AND p.method = 'cash'",
            (day_id,),
        ).fetchone()[0]

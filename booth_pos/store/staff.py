"""Staff accounts: the rows behind sign-in, PIN checks and the lockout.

Only the slow hash of a PIN is stored (``services/staff.py`` makes and checks it). The
failed-PIN counter and ``locked_until`` live in the row, so a lockout survives a restart.
Names are looked up by ``name_key`` (the case-folded name): "rina" and "Rina" are one person.
"""

from __future__ import annotations

from datetime import datetime

from booth_pos.clock import from_iso, to_iso
from booth_pos.model import Role, Staff
from booth_pos.store import Repository

_COLS = "name, role, created_at, failed_pins, locked_until"


def name_key(name: str) -> str:
    """The key a name is unique and found by: trimmed and case-folded."""
    return " ".join(name.split()).casefold()


def _staff(row) -> Staff:
    return Staff(
        name=row[0],
        role=Role(row[1]),
        created_at=from_iso(row[2]),
        failed_pins=row[3],
        locked_until=from_iso(row[4]) if row[4] else None,
    )


class StaffAccounts(Repository):
    """Staff accounts, their PIN hashes and lockouts, by ``name_key``."""

    def count(self) -> int:
        """How many staff accounts exist (none: the till runs unlocked)."""
        return self._conn.execute("SELECT count(*) FROM staff").fetchone()[0]

    def insert(self, name: str, role: Role, pin_hash: str, at: datetime) -> None:
        """Add an account; the caller checked that ``name_key(name)`` is free."""
        self._conn.execute(
            "INSERT INTO staff(name_key, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)",
            (name_key(name), name, str(role), pin_hash, to_iso(at)),
        )

    def find(self, name: str) -> tuple[Staff, str] | None:
        """The account called ``name`` (any case) and its stored PIN hash, or None."""
        row = self._conn.execute(
            f"SELECT {_COLS}, pin_hash FROM staff WHERE name_key = ?", (name_key(name),)
        ).fetchone()
        return (_staff(row), row[5]) if row else None

    def all(self) -> list[Staff]:
        rows = self._conn.execute(f"SELECT {_COLS} FROM staff ORDER BY name_key")
        return [_staff(row) for row in rows]

    def record_failed_pin(
        self, name: str, *, limit: int, lock_until: datetime
    ) -> tuple[int, datetime | None]:
        """Count one wrong PIN; at ``limit`` lock the account until ``lock_until``.

        Locking resets the counter, so after the lock expires the person has ``limit`` tries
        again. One UPDATE, so two tills counting at once never lose a failure.

        Returns:
            The failures counted now (0 once locked) and the lock's end (None if not locked).
        """
        key = name_key(name)
        with self._store.atomic():
            self._conn.execute(
                "UPDATE staff SET failed_pins = failed_pins + 1 WHERE name_key = ?", (key,)
            )
            self._conn.execute(
                "UPDATE staff SET failed_pins = 0, locked_until = ? "
                "WHERE name_key = ? AND failed_pins >= ?",
                (to_iso(lock_until), key, limit),
            )
            failed, locked = self._conn.execute(
                "SELECT failed_pins, locked_until FROM staff WHERE name_key = ?", (key,)
            ).fetchone()
        return failed, from_iso(locked) if locked else None

    def clear_failed_pins(self, name: str) -> None:
        """A good PIN: forget earlier failures and any expired lock."""
        self._conn.execute(
            "UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE name_key = ? "
            "AND (failed_pins != 0 OR locked_until IS NOT NULL)",
            (name_key(name),),
        )

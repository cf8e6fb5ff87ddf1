"""Staff accounts: the rows behind sign-in, PIN checks and the lockout.

Only the slow hash of a PIN is stored (``services/staff.py`` makes and checks it). The
failed-PIN counter, ``locked_until`` and ``last_pin_at`` live in the row, so a lockout
survives a restart; the two times are the machine's real time, never the replay clock.
Names are looked up by ``name_key`` (the case-folded name): "rina" and "Rina" are one person.

Every write to a row is followed, in the same transaction, by an audit entry carrying
``row_hash`` of the row it left (``services/staff.py``), so ``verify`` can tell a row the
program wrote from one changed behind its back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime

from booth_pos.clock import from_iso, to_iso
from booth_pos.model import Role, Staff
from booth_pos.store import Repository

_COLS = "name, role, created_at, failed_pins, locked_until, last_pin_at"


def name_key(name: str) -> str:
    """The key a name is unique and found by: trimmed and case-folded."""
    return " ".join(name.split()).casefold()


def row_hash(row: Mapping[str, object]) -> str:
    """SHA-256 (hex) of a staff row: the canonical JSON of every column and its value.

    Every column is covered, whatever it is (role, PIN hash, lockout counter, times, and
    any column a later migration adds), so no part of an account changes unseen.
    """
    text = json.dumps(dict(row), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _staff(row) -> Staff:
    return Staff(
        name=row[0],
        role=Role(row[1]),
        created_at=from_iso(row[2]),
        failed_pins=row[3],
        locked_until=from_iso(row[4]) if row[4] else None,
        last_pin_at=from_iso(row[5]) if row[5] else None,
    )


def _rows(conn, where: str = "", params: tuple = ()) -> dict[str, dict]:
    cur = conn.execute(f"SELECT * FROM staff {where} ORDER BY name_key", params)
    names = [d[0] for d in cur.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cur}


def record_existing(conn, at: str) -> int:
    """Record the hash of every existing staff row in the audit log (``staff_recorded``).

    For a file upgraded from before rows were hashed (the migration that added it), so its
    accounts as they are now verify; from then on each change records its own hash.
    Returns the number of rows recorded.
    """
    from booth_pos.store.journal import AUDIT, append_entry

    rows = _rows(conn)
    for key, row in rows.items():
        detail = {"staff": key, "row_hash": row_hash(row)}
        append_entry(conn, AUDIT, "staff_recorded", row["name"], detail, at)
    return len(rows)


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
        return (_staff(row), row[6]) if row else None

    def all(self) -> list[Staff]:
        rows = self._conn.execute(f"SELECT {_COLS} FROM staff ORDER BY name_key")
        return [_staff(row) for row in rows]

    def set_lockout(
        self,
        name: str,
        *,
        failed_pins: int,
        locked_until: datetime | None,
        last_pin_at: datetime | None,
    ) -> None:
        """Write an account's lockout state; the caller holds the write transaction in
        which it read the state it decided on (``services.staff.sign_in``)."""
        if not self._conn.in_transaction:
            raise RuntimeError("a lockout is read and written in one transaction")
        self._conn.execute(
            "UPDATE staff SET failed_pins = ?, locked_until = ?, last_pin_at = ? "
            "WHERE name_key = ?",
            (
                failed_pins,
                to_iso(locked_until) if locked_until else None,
                to_iso(last_pin_at) if last_pin_at else None,
                name_key(name),
            ),
        )

    def row_hash(self, name: str) -> str:
        """``row_hash`` of the account's row as it is now ("" if there is none)."""
        row = _rows(self._conn, "WHERE name_key = ?", (name_key(name),)).get(name_key(name))
        return row_hash(row) if row else ""

    def live_rows(self) -> dict[str, tuple[str, str]]:
        """``name_key -> (name, row_hash)`` of every account as the file holds it now."""
        return {key: (row["name"], row_hash(row)) for key, row in _rows(self._conn).items()}

    def recorded_rows(self) -> dict[str, tuple[str, str]]:
        """``name_key -> (name, row_hash)`` the audit log last recorded for each account."""
        recorded: dict[str, tuple[str, str]] = {}
        for actor, detail in self._conn.execute(
            "SELECT actor, detail FROM audit_log WHERE detail LIKE '%\"row_hash\":%' ORDER BY id"
        ):
            try:
                value = json.loads(detail)
                recorded[value["staff"]] = (actor, value["row_hash"])
            except (ValueError, KeyError, TypeError):
                continue  # not a staff entry after all (a sentence that says row_hash)
        return recorded

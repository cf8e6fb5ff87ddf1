"""Today's code made to write a file the way a program from before issue 12 did, for the
tests that build an old database through the services and then upgrade it.

Such a program had no ``staff.last_pin_at`` column and did not date money events against
the journal (before migration 4 there is no journal to read).
"""

from __future__ import annotations


def before_issue_12(m) -> None:
    """Patch (with pytest's ``monkeypatch`` context ``m``) what issue 12 added to writing."""
    from booth_pos.services import timeline
    from booth_pos.store import staff as store_staff
    from booth_pos.store.staff import name_key

    m.setattr(timeline, "check_not_before_journal", lambda *a, **k: None)
    m.setattr(store_staff, "_COLS", "name, role, created_at, failed_pins, locked_until, NULL")

    def set_lockout(self, name, *, failed_pins, locked_until, last_pin_at):
        from booth_pos.clock import to_iso

        self._conn.execute(
            "UPDATE staff SET failed_pins = ?, locked_until = ? WHERE name_key = ?",
            (failed_pins, to_iso(locked_until) if locked_until else None, name_key(name)),
        )

    m.setattr(store_staff.StaffAccounts, "set_lockout", set_lockout)

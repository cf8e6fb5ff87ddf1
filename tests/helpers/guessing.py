"""Processes guessing a PIN at the same moment (the parallel-PIN test): module level, so a
``spawn`` child can import it."""

from __future__ import annotations


def guess(db_path: str, name: str, pin: str, barrier) -> str:
    """Open the stand's file as a till of its own, wait for every other guesser, try ``pin``.

    Returns ``ok``, ``wrong`` or ``locked``.
    """
    from booth_pos.clock import Clock, parse_instant
    from booth_pos.model import LockedError, PinError
    from booth_pos.services import staff
    from booth_pos.store import open_store

    store = open_store(db_path, timeout=60)
    try:
        clock = Clock(parse_instant("2023-03-01T10:00:00+07:00"))
        barrier.wait()
        try:
            staff.sign_in(store, name, pin, clock)
        except LockedError:
            return "locked"
        except PinError:
            return "wrong"
        return "ok"
    finally:
        store.close()

"""Business days: open with a float, close with the counted cash."""

from __future__ import annotations

from booth_pos.clock import Clock, local_date
from booth_pos.model import Day, DayError
from booth_pos.money import format_rupiah
from booth_pos.store import Store


def current_day(store: Store) -> Day | None:
    """The open business day of this till, if any."""
    return store.open_day(store.settings().till)


def open_day(store: Store, clock: Clock, opening_float: int = 0) -> Day:
    """Open a business day dated by the stand's local date; refused while one is open."""
    if not isinstance(opening_float, int) or opening_float < 0:
        raise DayError("The float cannot be negative", "Modal awal tidak boleh negatif")
    settings = store.settings()
    with store.atomic():
        existing = store.open_day(settings.till)
        if existing:
            raise DayError(
                f"Day {existing.business_date} is still open; close it first",
                f"Hari {existing.business_date} masih buka; tutup dulu",
            )
        now = clock.now()
        return store.insert_day(
            settings.till, local_date(now, settings.timezone), now, opening_float
        )


def expected_cash(store: Store, day: Day) -> int:
    """Opening float + cash received (tendered minus change) - cash refunded."""
    return day.opening_float + store.cash_received(day.id)


def close_day(store: Store, clock: Clock, counted: int) -> Day:
    """Close the open day with the counted cash and give it the next Z number."""
    if not isinstance(counted, int) or counted < 0:
        raise DayError("Counted cash cannot be negative", "Uang terhitung tidak boleh negatif")
    till = store.settings().till
    with store.atomic():
        day = store.open_day(till)
        if day is None:
            raise DayError("No business day is open", "Tidak ada hari yang sedang buka")
        store.close_day_row(day.id, clock.now(), counted)
    return store.day(day.id)


def describe(day: Day, lang: str = "id") -> str:
    return f"{day.business_date} ({format_rupiah(day.opening_float, lang)})"

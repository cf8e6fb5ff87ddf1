"""Business days: open with a float, close with the counted cash, count cash by denomination.

A sale belongs to the day that was open when it was rung up; a closed day accepts no sales
(``selling.complete`` needs an open day). Each close takes the next Z number, across all
tills, and is final: closing again is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from booth_pos.clock import Clock, local_date
from booth_pos.model import Day, DayError
from booth_pos.services import anchors, journal, timeline
from booth_pos.store import Store

if TYPE_CHECKING:
    from booth_pos.services import backup

#: Called with the closed day after the close has committed; a failing hook does not undo
#: the close, it raises after it. (The automatic backup is not a hook: ``close_day`` always
#: takes it, and it never raises.)
CloseHook = Callable[[Day], None]


def current_day(store: Store) -> Day | None:
    """The open business day of this till, if any."""
    return store.days.current(store.settings().till)


def all_days(store: Store) -> list[Day]:
    """Every business day of every till, oldest first."""
    return store.days.all()


def open_day(store: Store, clock: Clock, opening_float: int = 0) -> Day:
    """Open a business day dated by the stand's local date; refused while one is open."""
    if not isinstance(opening_float, int) or opening_float < 0:
        raise DayError(en="The float cannot be negative", id="Modal awal tidak boleh negatif")
    settings = store.settings()
    with store.atomic():
        existing = store.days.current(settings.till)
        if existing:
            raise DayError(
                en=f"Day {existing.business_date} is still open; close it first",
                id=f"Hari {existing.business_date} masih buka; tutup dulu",
            )
        now = clock.now()
        timeline.check_not_before_journal(store, now, clock)  # no day slipped into the past
        day = store.days.insert(
            settings.till, local_date(now, settings.timezone), now, opening_float
        )
        journal.record_day_open(store, day)  # same transaction as the opening
        return day


def opening_date_doubts(store: Store, clock: Clock) -> list[DayError]:
    """Why the date a day would open under now may be wrong, naming both dates; empty when
    it looks right. Asked before opening: a laptop with a wrong clock opened 2026-12-01 for
    an event dated 2023-03-01..05 without a word.

    Doubts: the date is outside the event's first and last day (settings ``event_start``,
    ``event_end``, either may be unset), or before the last closed day of this till.
    """
    settings = store.settings()
    today = local_date(clock.now(), settings.timezone)
    doubts: list[DayError] = []
    start = date.fromisoformat(settings.event_start) if settings.event_start else None
    end = date.fromisoformat(settings.event_end) if settings.event_end else None
    if (start and today < start) or (end and today > end):
        span = f"{start or '…'} – {end or '…'}"
        doubts.append(
            DayError(
                en=f"Today is {today}, outside the event ({span}): is the laptop's clock right?",
                id=f"Hari ini {today}, di luar tanggal acara ({span}): apakah jam laptop benar?",
            )
        )
    last = store.days.last(settings.till)
    if last is not None and not last.is_open and today < last.business_date:
        doubts.append(
            DayError(
                en=f"Today is {today}, before the last closed day {last.business_date}: "
                "is the laptop's clock right?",
                id=f"Hari ini {today}, sebelum hari terakhir yang ditutup "
                f"{last.business_date}: apakah jam laptop benar?",
            )
        )
    return doubts


def cash_refunded(store: Store, day: Day) -> int:
    """Cash paid back to customers on ``day`` (0 until refunds exist, issue 6)."""
    return store.reports.cash_refunded(day.id)


def cash_paid_out(store: Store, day: Day) -> int:
    """Cash paid to artisans out of the drawer on ``day`` (cash payouts)."""
    return store.payouts.cash_of_days([day.id])


def expected_cash(store: Store, day: Day) -> int:
    """Opening float + cash received (tendered minus change) - cash refunded - cash paid
    to artisans + bulk orders' cash deposits net (issue 17: ``services.orders``)."""
    return (
        day.opening_float
        + store.days.cash_received(day.id)
        - cash_refunded(store, day)
        - cash_paid_out(store, day)
        + store.quotes.drawer_cash(day.id)
    )


def close_day(
    store: Store,
    clock: Clock,
    counted: int,
    *,
    on_closed: Iterable[CloseHook] = (),
    on_backup: Callable[[backup.Outcome], None] | None = None,
    backup_now: bool = True,
) -> Day:
    """Close the open day with the counted cash and give it the next Z number.

    Args:
        store: the open store.
        clock: supplies the closing time.
        counted: cash counted in the drawer, whole rupiah.
        on_closed: hooks run with the closed day once the close is committed.
        on_backup: told the outcome of the automatic backup taken after the close (to
            show a failure to the person closing); a failure is also logged and audited.
        backup_now: take that backup here; False when the caller takes it off its own
            thread (the window: ``backup.after_close_in_background``).

    Returns:
        The closed day (``z_no``, ``counted`` and ``closed_at`` set).

    Raises:
        DayError: counted is negative, no day is open, or the day is already closed.
    """
    if not isinstance(counted, int) or isinstance(counted, bool) or counted < 0:
        raise DayError(
            en="Counted cash cannot be negative", id="Uang terhitung tidak boleh negatif"
        )
    till = store.settings().till
    with store.atomic():
        day = store.days.current(till)
        if day is None:
            last = store.days.last(till)
            if last is not None and not last.is_open:
                raise DayError(
                    en=f"Day {last.business_date} is already closed (Z {last.z_no}); "
                    "open a new day first",
                    id=f"Hari {last.business_date} sudah ditutup (Z {last.z_no}); "
                    "buka hari baru dulu",
                )
            raise DayError(en="No business day is open", id="Tidak ada hari yang sedang buka")
        now = clock.now()
        timeline.check_not_before_journal(store, now, clock)
        store.days.close(day.id, now, counted)
        journal.record_day_close(store, day.id)  # same transaction as the close
    closed = store.days.get(day.id)
    if closed.is_open:  # the row changed under us: never report a close that did not happen
        raise DayError(
            en="The day could not be closed; try again", id="Hari gagal ditutup; coba lagi"
        )
    # The chains' heads at the close, outside the file (never raises, never blocks).
    anchors.after_close(store, closed.z_no, str(closed.business_date), clock)
    # The automatic backup: after the commit, and it never raises (a failed backup must not
    # block or undo the close); ``on_backup`` hears how it went.
    from booth_pos.services import backup  # only a close needs it: keeps start-up light

    outcome = backup.after_close(store, closed, clock) if backup_now else None
    if on_backup is not None and outcome is not None:
        on_backup(outcome)
    for hook in on_closed:
        hook(closed)
    return closed


# -- counting the drawer --------------------------------------------------------------------


@dataclass(frozen=True)
class Denomination:
    """A note or coin in circulation: ``value`` rupiah, ``kind`` "note" or "coin"."""

    value: int
    kind: str

    @property
    def key(self) -> str:
        """A stable name for widgets and files: "note_100000", "coin_500"."""
        return f"{self.kind}_{self.value}"


#: Rupiah notes and coins, largest first (Rp 1.000 exists as both).
DENOMINATIONS: tuple[Denomination, ...] = (
    *(Denomination(v, "note") for v in (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000)),
    *(Denomination(v, "coin") for v in (1_000, 500, 200, 100)),
)


def count_cash(counts: Mapping[Denomination, int]) -> int:
    """The cash in the drawer from the number of each note and coin.

    Args:
        counts: pieces per denomination; missing denominations count as none.

    Returns:
        The total in whole rupiah.

    Raises:
        DayError: a count is not a whole number of pieces, or is negative.
    """
    total = 0
    for denom, pieces in counts.items():
        if denom not in DENOMINATIONS:
            raise DayError(en=f"Unknown note or coin: {denom}", id=f"Uang tidak dikenal: {denom}")
        if not isinstance(pieces, int) or isinstance(pieces, bool) or pieces < 0:
            raise DayError(
                en=f"Count the pieces of Rp {denom.value} as a whole number",
                id=f"Hitung lembar/keping Rp {denom.value} dengan bilangan bulat",
            )
        total += denom.value * pieces
    return total


@dataclass(frozen=True)
class CashCheck:
    """Expected against counted cash for the open day: what the close dialog shows live."""

    expected: int
    counted: int

    @property
    def difference(self) -> int:
        """Counted - expected: negative when the drawer is short."""
        return self.counted - self.expected

    @property
    def short(self) -> bool:
        return self.difference < 0


def check_cash(store: Store, day: Day, counted: int) -> CashCheck:
    return CashCheck(expected_cash(store, day), counted)
